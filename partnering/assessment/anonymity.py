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


# --- Several breakdowns on one page ------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """One breakdown a page offers: its total and its groups, each a set of atoms (the finest cells the page's breakdowns
    are made of, such as council × role × wave). Every respondent is in exactly one atom."""

    total: frozenset
    groups: Mapping[str, frozenset]


def _in_span(target: frozenset, shown: list[frozenset], atoms: list) -> bool:
    """Whether the target set's figures are a linear combination of the shown sets' (counts and sums are both linear
    in the atoms', so a target in the span can be solved; one outside it cannot, whatever the values)."""
    from fractions import Fraction

    index = {a: i for i, a in enumerate(atoms)}
    basis: list[tuple[int, list]] = []  # (pivot, row) in reduced form

    def reduce(vector: list) -> list:
        for pivot, row in basis:
            if vector[pivot]:
                factor = vector[pivot]
                vector = [v - factor * r for v, r in zip(vector, row, strict=True)]
        return vector

    def vector_of(s: frozenset) -> list:
        v = [Fraction(0)] * len(atoms)
        for a in s:
            if a in index:
                v[index[a]] = Fraction(1)
        return v

    for s in shown:
        v = reduce(vector_of(s))
        pivot = next((i for i, x in enumerate(v) if x), None)
        if pivot is None:
            continue
        v = [x / v[pivot] for x in v]
        basis = [(p, [x - r[pivot] * y for x, y in zip(r, v, strict=True)]) for p, r in basis]
        basis.append((pivot, v))
    return not any(reduce(vector_of(target)))


def linked_hidden(atoms: Mapping, tables: Mapping[str, Table], min_group: int = DEFAULT_MIN_GROUP) -> set[frozenset]:
    """The sets (groups or totals) to hide when a page offers several breakdowns of the same people.

    `atoms` maps each atom to its number of respondents. A set is hidden everywhere it appears, so the same people
    under two names (the clients of a client survey are both "Clients" and "No council") are hidden together. On top
    of the rule for one breakdown (`hidden_groups`), applied to each table:

    - no hidden set may be worked out by adding and subtracting the sets shown in any table (it is outside the
      linear span of the shown sets: a council hidden in one breakdown is not the partnership shown in another
      less the councils shown): else the smallest shown group whose hiding breaks that is hidden too;
    - no two shown sets, one inside the other, may differ by fewer than the minimum (and more than nobody): else
      the smaller is hidden.
    Hiding only ever grows, so it ends; as a last resort a total is hidden."""
    min_group = check_min_group(min_group)
    atom_list = sorted((a for a, n in atoms.items() if n > 0), key=repr)

    def n(s: frozenset) -> int:
        return sum(atoms.get(a, 0) for a in s)

    ordered: list[tuple[int, str, str, frozenset, bool]] = []  # (table order, table, name, set, is total)
    for order, (table_name, table) in enumerate(tables.items()):
        ordered.append((order, table_name, "", table.total, True))
        for name, s in table.groups.items():
            ordered.append((order, table_name, name, s, False))
    hidden: set[frozenset] = {s for _o, _t, _name, s, is_total in ordered if not is_total and n(s) < min_group}

    total_rank = {}
    for order, _table_name, _name, s, is_total in ordered:
        if is_total:
            total_rank.setdefault(s, order)

    def cost(row) -> tuple:
        """Which to hide first: groups before totals (smallest first), and of totals the later tables' first."""
        order, _table_name, name, s, _is_total = row
        return (0, n(s), order, name) if s not in total_rank else (1, -total_rank[s], n(s))

    def within(table: Table) -> bool:
        """One table's rule; True if it hid anything. A group that is another table's total is not hidden to protect
        this table's groups: this table's total is hidden instead."""
        if table.total in hidden:
            return False
        counts = {name: n(s) for name, s in table.groups.items()}
        hid = {name for name, s in table.groups.items() if s in hidden}
        changed = False
        while hid and (len(hid) == 1 or sum(counts[name] for name in hid) < min_group):
            shown = sorted((table.groups[name] in total_rank, counts[name], name) for name in counts if name not in hid)
            if not shown or shown[0][0]:
                hidden.add(table.total)
                return True
            hid.add(shown[0][2])
            hidden.add(table.groups[shown[0][2]])
            changed = True
        return changed

    def shown_sets() -> list[frozenset]:
        return list(dict.fromkeys(s for *_rest, s, _t in ordered if s not in hidden and n(s) > 0))

    while True:
        if any([within(table) for table in tables.values()]):
            continue
        shown = shown_sets()
        solvable = next((h for h in sorted(hidden, key=lambda s: (n(s), sorted(map(repr, s)))) if n(h) > 0 and _in_span(h, shown, atom_list)),
                        None)
        if solvable is not None:
            candidates = list(dict.fromkeys(row[3] for row in sorted(ordered, key=cost) if row[3] not in hidden and n(row[3]) > 0))
            breaker = next((c for c in candidates if not _in_span(solvable, [s for s in shown if s != c], atom_list)), candidates[0])
            hidden.add(breaker)
            continue
        nested = next(((small, big) for big in shown for small in shown
                       if small < big and 0 < n(big) - n(small) < min_group), None)
        if nested is not None:
            small, big = nested
            hidden.add(big if small in total_rank and big in total_rank and total_rank[big] > total_rank[small]
                       else small if small not in total_rank else big)
            continue
        return hidden
