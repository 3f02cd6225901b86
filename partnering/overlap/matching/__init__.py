"""Finding equivalent provision across councils: plain Python, no Django."""

from .engine import THRESHOLD, Explanation, Record, Result, cluster, explain, pairwise_scores
from .normalise import Features, features, normalise_title

__all__ = ["THRESHOLD", "Explanation", "Features", "Record", "Result", "cluster", "explain", "features", "normalise_title",
           "pairwise_scores"]
