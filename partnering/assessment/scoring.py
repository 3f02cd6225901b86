"""Scoring a self-assessment: pure Python, no Django.

Scores are numbers on each criterion's scale (1–5; yes 2 / partly 1 / no 0; or a custom scale's values).
A criterion left unscored (None) counts in no mean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .anonymity import mean_text


def mean(values) -> Decimal | None:
    values = [Decimal(v) for v in values if v is not None]
    return sum(values, Decimal(0)) / len(values) if values else None


def area_means(scores: Mapping[str, Decimal | None], area_of: Mapping[str, str]) -> dict[str, str | None]:
    """Each area's mean score (two decimals as text), areas in the order their criteria come."""
    by_area: dict[str, list] = {}
    for criterion, area in area_of.items():
        by_area.setdefault(area, []).append(scores.get(criterion))
    return {area: mean_text(mean(values)) for area, values in by_area.items()}


def weak_criteria(scores: Mapping[str, Decimal | None], threshold: Mapping[str, Decimal] | Decimal) -> list[str]:
    """The criteria scored below the threshold (one for all, or one per criterion), in the scores' order."""
    out = []
    for criterion, score in scores.items():
        limit = threshold.get(criterion) if isinstance(threshold, Mapping) else threshold
        if score is not None and limit is not None and Decimal(score) < Decimal(limit):
            out.append(criterion)
    return out


@dataclass(frozen=True)
class Change:
    criterion: str
    before: Decimal | None
    after: Decimal | None

    @property
    def direction(self) -> str:
        """"up", "down", "same", or "new" / "dropped" where one side is unscored."""
        if self.before is None and self.after is None:
            return "same"
        if self.before is None:
            return "new"
        if self.after is None:
            return "dropped"
        return "up" if self.after > self.before else "down" if self.after < self.before else "same"


def changes(before: Mapping[str, Decimal | None], after: Mapping[str, Decimal | None]) -> list[Change]:
    """What changed between two assessments against the same criteria, in the later one's order."""
    keys = list(dict.fromkeys([*after, *before]))
    return [Change(k, before.get(k), after.get(k)) for k in keys]
