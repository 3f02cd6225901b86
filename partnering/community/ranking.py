"""Ranking a wish list: members' ballots into one order (a Borda count; no Django).

Each ballot lists priorities best first (a member need not rank them all). With N priorities on the list,
first place earns N points, second N-1, and so on. Ties go to the priority with more first places, then to
the one proposed first (its place in `items`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


class RankingError(ValueError):
    pass


@dataclass(frozen=True)
class Ranked:
    item: str
    points: int
    first_places: int
    voters: int


def borda(items: Sequence[str], ballots: Mapping[str, Sequence[str]]) -> list[Ranked]:
    known = set(items)
    if len(known) != len(items):
        raise RankingError("Each priority may appear once in the list.")
    size = len(items)
    points = dict.fromkeys(items, 0)
    firsts = dict.fromkeys(items, 0)
    voters = dict.fromkeys(items, 0)
    for voter, ballot in ballots.items():
        if len(set(ballot)) != len(ballot):
            raise RankingError(f"{voter} ranks a priority more than once.")
        for place, item in enumerate(ballot):
            if item not in known:
                raise RankingError(f"{voter} ranks {item!r}, which is not on the list.")
            points[item] += size - place
            voters[item] += 1
            if place == 0:
                firsts[item] += 1
    order = {item: index for index, item in enumerate(items)}
    ranked = sorted(items, key=lambda item: (-points[item], -firsts[item], order[item]))
    return [Ranked(item, points[item], firsts[item], voters[item]) for item in ranked]
