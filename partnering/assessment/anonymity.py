"""The anonymity rule, the same everywhere a breakdown is shown: pure Python, no Django.

A breakdown splits the people who answered into groups (councils, roles, waves, partnerships). For
each question:

1. a group with fewer than the minimum number of respondents (default 5, never below 3) is hidden;
2. complementary suppression: while the hidden groups could be worked out from the total and the groups
   shown — exactly one group hidden (total minus the others gives it), or the hidden groups together
   fewer than the minimum (their counts are then pinned down: two hidden groups of one each, say) — the
   smallest group still shown is hidden too (ties broken by name);
3. if every group is hidden and that is still not enough, the total itself is hidden.

So the residual "total minus the groups shown" always covers no group, or at least two groups holding
at least the minimum between them: a hidden group's count or mean cannot be solved from what is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_MIN_GROUP = 5
LEAST_MIN_GROUP = 3
TWO_PLACES = Decimal("0.01")


class RuleError(ValueError):
    """A minimum group size below what the rule allows."""


def check_min_group(min_group: int) -> int:
    if int(min_group) != min_group or min_group < LEAST_MIN_GROUP:
        raise RuleError(f"the minimum group size must be a whole number of at least {LEAST_MIN_GROUP}, not {min_group}")
    return int(min_group)


@dataclass(frozen=True)
class Cell:
    """The figures for one group (or the total) on one question: respondents and the sum of their scores."""

    n: int
    total: Decimal = Decimal(0)

    @property
    def mean(self) -> Decimal | None:
        return None if self.n == 0 else Decimal(self.total) / self.n

    def __add__(self, other: Cell) -> Cell:
        return Cell(self.n + other.n, Decimal(self.total) + Decimal(other.total))


def mean_text(mean: Decimal | None) -> str | None:
    """A mean rounded half up to two decimals, as a string ("3.50")."""
    if mean is None:
        return None
    return str(Decimal(mean).quantize(TWO_PLACES, rounding=ROUND_HALF_UP))


def hidden_groups(counts: Mapping[str, int], min_group: int = DEFAULT_MIN_GROUP) -> tuple[set[str], bool]:
    """The groups to hide for one question, and whether the total must be hidden too.

    `counts` maps every group the breakdown offers to its number of respondents (0 for none)."""
    min_group = check_min_group(min_group)
    hidden = {name for name, n in counts.items() if n < min_group}

    def exposed() -> bool:
        return bool(hidden) and (len(hidden) == 1 or sum(counts[name] for name in hidden) < min_group)

    while exposed():
        shown = sorted((counts[name], name) for name in counts if name not in hidden)
        if not shown:
            return hidden, True
        hidden.add(shown[0][1])
    return hidden, False


@dataclass(frozen=True)
class Breakdown:
    """One question's figures after the rule: the total (None if hidden) and each group's (None if hidden)."""

    overall: Cell | None
    groups: dict[str, Cell | None]


def breakdown(cells: Mapping[str, Cell], min_group: int = DEFAULT_MIN_GROUP) -> Breakdown:
    """Apply the rule to one question's groups. The total is the sum of every group."""
    hidden, total_hidden = hidden_groups({name: cell.n for name, cell in cells.items()}, min_group)
    overall = Cell(0)
    for cell in cells.values():
        overall = overall + cell
    return Breakdown(
        overall=None if total_hidden else overall,
        groups={name: (None if name in hidden else cells[name]) for name in sorted(cells)},
    )


def counts_shown(counts: Mapping[str, int], min_group: int = DEFAULT_MIN_GROUP) -> dict[str, int | None]:
    """The same rule for a plain count per group (respondents to a survey, say): None where hidden."""
    hidden, _ = hidden_groups(counts, min_group)
    return {name: (None if name in hidden else n) for name, n in sorted(counts.items())}


def share(values: Iterable[Decimal], at_least: Decimal) -> tuple[int, int]:
    """How many of the values are at or above a threshold, out of how many: (numerator, denominator)."""
    values = list(values)
    return sum(1 for v in values if Decimal(v) >= Decimal(at_least)), len(values)
