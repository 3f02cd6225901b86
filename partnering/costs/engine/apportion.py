"""Apportion a joint cost among parties.

Spec (JSON)::

    {"total": "3057000.00",
     "basis": "fixed",
     "parties": [{"id": "RCT", "share": "80"}, {"id": "MTCBC", "share": "20"}]}

``basis`` is one of

- ``equal``: the same to each party;
- ``fixed``: each party has ``share``, percentages adding to exactly 100;
- ``pro_rata``: each party has ``measure``, a positive number (headcount, population, spend);
- ``usage``: each party has ``units`` used, zero allowed (but not all zero);
- ``hybrid``: ``"parts": [{"basis": "equal", "weight": "30"}, {"basis": "pro_rata", "weight": "70"}]``,
  weights adding to 100; each part's amount is the total x weight (rounded the same way)
  split by its own basis; parties carry every figure the parts need.

Optional per party: ``cap`` and ``floor`` (money). A capped party pays its cap and the
excess is shared among the others by the same basis, repeated until nothing is over a cap;
floors likewise (i.e. each party pays clamp(lambda x weight, floor, cap) for the one lambda
that makes the total). Caps below the total or floors above it are an error. With caps or
floors a hybrid basis is applied as one combined weight per party (sum over parts of
part weight x the party's share of that part), then rounded once.

Output: ``{"total": "3057000.00", "allocations": {"RCT": "2445600.00", "MTCBC": "611400.00"}}``,
amounts as strings with two decimals, in party order. Rounding: largest remainder, ties
broken by party order.
"""

from dataclasses import dataclass
from fractions import Fraction

from .money import SpecError, fmt, gettext_noop, identified_items, largest_remainder, split_by_weights, to_decimal, to_pence

BASES = ("equal", "fixed", "pro_rata", "usage", "hybrid")
SIMPLE_BASES = ("equal", "fixed", "pro_rata", "usage")
PARTY_FIELDS = {"id", "share", "measure", "units", "cap", "floor"}
NEEDS = {"fixed": "share", "pro_rata": "measure", "usage": "units"}


@dataclass
class Party:
    id: str
    share: Fraction | None = None
    measure: Fraction | None = None
    units: Fraction | None = None
    cap: int | None = None
    floor: int | None = None


def weights_for(basis: str, parties: list[Party]) -> list[Fraction]:
    """The weights a simple basis splits by; a party without its figure is an error naming it."""
    if basis == "equal":
        return [Fraction(1)] * len(parties)
    field = NEEDS[basis]
    ws = []
    for i, p in enumerate(parties):
        v = getattr(p, field)
        if v is None:
            raise SpecError(gettext_noop("%(where)s: missing '%(field)s', needed by basis %(basis)s"),
                            where=f"parties[{i}] ({p.id})", field=field, basis=basis)
        ws.append(v)
    if basis == "fixed" and sum(ws) != 100:
        raise SpecError(gettext_noop("%(field)s: the parties' shares add up to %(sum)s, not exactly 100"), field="share",
                        sum=f"{float(sum(ws)):g}")
    if sum(ws) <= 0:
        raise SpecError(gettext_noop("%(field)s: every party's %(field)s is zero; nothing to split by"), field=field)
    return ws


def check_basis(basis: str, parties: list[Party], parts: list[tuple[str, Fraction]] | None) -> None:
    """Refuse a basis that could not split any total: missing figures, shares or weights not adding to 100."""
    if basis == "hybrid":
        if not parts:
            raise SpecError(gettext_noop("%(field)s: a %(basis)s basis needs %(field)s"), field="parts", basis="hybrid")
        if sum(w for _, w in parts) != 100:
            raise SpecError(gettext_noop("%(field)s: the parts' weights add up to %(sum)s, not exactly 100"), field="parts",
                            sum=f"{float(sum(w for _, w in parts)):g}")
        for part_basis, _ in parts:
            weights_for(part_basis, parties)
    else:
        weights_for(basis, parties)


def clamp_split(total: int, weights: list[Fraction], floors: list[int], caps: list, ids: list | None = None) -> list[Fraction]:
    """Exact shares x_i = clamp(lam * w_i, floor_i, cap_i) summing to ``total``."""
    n = len(weights)
    for i in range(n):
        if caps[i] is not None and floors[i] > caps[i]:
            who = f"parties[{i}] ({ids[i]})" if ids else f"parties[{i}]"
            raise SpecError(gettext_noop("%(where)s: floor %(floor)s is above cap %(cap)s"), where=who, floor=fmt(floors[i]),
                            cap=fmt(caps[i]))
    if sum(floors) > total:
        raise SpecError(gettext_noop("%(field)s: the parties' floors add up to %(sum)s, more than the total %(total)s"),
                        field="floor", sum=fmt(sum(floors)), total=fmt(total))
    reachable = sum(floors[i] if weights[i] == 0 else caps[i] for i in range(n)) \
        if all(caps[i] is not None or weights[i] == 0 for i in range(n)) else None
    if reachable is not None and reachable < total:
        raise SpecError(gettext_noop("%(field)s: the parties' caps allow at most %(sum)s, less than the total %(total)s"),
                        field="cap", sum=fmt(reachable), total=fmt(total))

    def g(lam):
        return sum(_clamp(lam * weights[i], floors[i], caps[i]) for i in range(n))

    points = sorted({Fraction(b) / weights[i] for i in range(n) if weights[i] > 0
                     for b in (floors[i], caps[i]) if b is not None})
    a, ga = Fraction(0), Fraction(g(Fraction(0)))
    lam = None
    for b in points:
        gb = g(b)
        if gb >= total:
            lam = a if gb == ga else a + (total - ga) * (b - a) / (gb - ga)
            break
        a, ga = b, gb
    if lam is None:
        slope = sum(weights[i] for i in range(n) if caps[i] is None and weights[i] > 0)
        if slope == 0:
            raise SpecError(gettext_noop("%(field)s: the parties' caps allow at most %(sum)s, less than the total %(total)s"),
                            field="cap", sum=fmt(int(ga)), total=fmt(total))
        lam = a + (total - ga) / slope
    xs = [_clamp(lam * weights[i], floors[i], caps[i]) for i in range(n)]
    assert sum(xs) == total
    return xs


def _clamp(x, lo, hi):
    x = max(Fraction(x), Fraction(lo))
    return min(x, Fraction(hi)) if hi is not None else x


def apportion(total: int, basis: str, parties: list[Party], parts: list[tuple[str, Fraction]] | None = None) -> list[int]:
    """Each party's allocation in pence, in party order, summing exactly to ``total``."""
    if not parties:
        raise SpecError(gettext_noop("%(field)s: at least one party is needed"), field="parties")
    if total < 0:
        raise SpecError(gettext_noop("%(field)s: must not be negative"), field="total")
    has_limits = any(p.cap is not None or p.floor is not None for p in parties)
    if basis == "hybrid":
        if not parts:
            raise SpecError(gettext_noop("%(field)s: a %(basis)s basis needs %(field)s"), field="parts", basis="hybrid")
        part_weights = [w for _, w in parts]
        if sum(part_weights) != 100:
            raise SpecError(gettext_noop("%(field)s: the parts' weights add up to %(sum)s, not exactly 100"), field="parts",
                            sum=f"{float(sum(part_weights)):g}")
        per_part = [(w, weights_for(b, parties)) for b, w in parts]
        if not has_limits:
            amounts = split_by_weights(total, part_weights) if total else [0] * len(parts)
            out = [0] * len(parties)
            for amount, (_, ws) in zip(amounts, per_part, strict=True):
                for i, a in enumerate(split_by_weights(amount, ws) if amount else [0] * len(parties)):
                    out[i] += a
            return out
        weights = [sum(w * ws[i] / sum(ws) for w, ws in per_part) for i in range(len(parties))]
    elif basis in SIMPLE_BASES:
        weights = weights_for(basis, parties)
    else:
        raise SpecError(gettext_noop("%(field)s: unknown basis %(value)s; expected one of %(expected)s"), field="basis",
                        value=repr(basis), expected=", ".join(BASES))
    floors = [p.floor or 0 for p in parties]
    caps = [p.cap for p in parties]
    return largest_remainder(total, clamp_split(total, weights, floors, caps, [p.id for p in parties]))


def parse_spec(spec) -> tuple[int, str, list[Party], list | None]:
    if not isinstance(spec, dict):
        raise SpecError(gettext_noop("%(field)s: expected a JSON object"), field="spec")
    unknown = set(spec) - {"total", "basis", "parties", "parts"}
    if unknown:
        raise SpecError(gettext_noop("%(field)s: unknown field"), field=sorted(unknown)[0])
    if "total" not in spec:
        raise SpecError(gettext_noop("%(field)s: missing"), field="total")
    total = to_pence(spec["total"], "total")
    basis = spec.get("basis")
    if basis not in BASES:
        raise SpecError(gettext_noop("%(field)s: expected one of %(expected)s, got %(value)s"), field="basis",
                        expected=", ".join(BASES), value=repr(basis))
    parties = []
    for pid, rp, where in identified_items(spec, "parties", PARTY_FIELDS):
        p = Party(pid)
        if "share" in rp:
            p.share = Fraction(to_decimal(rp["share"], f"{where}.share"))
            if p.share < 0:
                raise SpecError(gettext_noop("%(field)s: must not be negative"), field=f"{where}.share")
        if "measure" in rp:
            p.measure = Fraction(to_decimal(rp["measure"], f"{where}.measure"))
            if p.measure <= 0:
                raise SpecError(gettext_noop("%(field)s: must be positive"), field=f"{where}.measure")
        if "units" in rp:
            p.units = Fraction(to_decimal(rp["units"], f"{where}.units"))
            if p.units < 0:
                raise SpecError(gettext_noop("%(field)s: must not be negative"), field=f"{where}.units")
        if "cap" in rp:
            p.cap = to_pence(rp["cap"], f"{where}.cap")
        if "floor" in rp:
            p.floor = to_pence(rp["floor"], f"{where}.floor")
        parties.append(p)
    parts = None
    if basis == "hybrid":
        rparts = spec.get("parts")
        if not isinstance(rparts, list) or not rparts:
            raise SpecError(gettext_noop("%(field)s: a %(basis)s basis needs a non-empty list of %(field)s"), field="parts",
                            basis="hybrid")
        parts = []
        for j, rq in enumerate(rparts):
            if not isinstance(rq, dict):
                raise SpecError(gettext_noop("%(field)s: expected an object"), field=f"parts[{j}]")
            b = rq.get("basis")
            if b not in SIMPLE_BASES:
                raise SpecError(gettext_noop("%(field)s: expected one of %(expected)s, got %(value)s"), field=f"parts[{j}].basis",
                                expected=", ".join(SIMPLE_BASES), value=repr(b))
            if "weight" not in rq:
                raise SpecError(gettext_noop("%(field)s: missing"), field=f"parts[{j}].weight")
            w = Fraction(to_decimal(rq["weight"], f"parts[{j}].weight"))
            if w < 0:
                raise SpecError(gettext_noop("%(field)s: must not be negative"), field=f"parts[{j}].weight")
            parts.append((b, w))
    elif "parts" in spec:
        raise SpecError(gettext_noop("%(field)s: only a %(basis)s basis has %(field)s"), field="parts", basis="hybrid")
    return total, basis, parties, parts


def run(spec) -> dict:
    total, basis, parties, parts = parse_spec(spec)
    amounts = apportion(total, basis, parties, parts)
    return {"total": fmt(total), "allocations": {p.id: fmt(a) for p, a in zip(parties, amounts, strict=True)}}
