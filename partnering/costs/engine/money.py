"""Money in whole pence, exact decimals, and the one rounding rule every split uses."""

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from math import floor


class SpecError(ValueError):
    """A bad specification; the message names the field (and the party)."""


def to_decimal(value, field: str) -> Decimal:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise SpecError(f"{field}: expected a number, got {value!r}")
    try:
        d = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise SpecError(f"{field}: not a number: {value!r}") from None
    if not d.is_finite():
        raise SpecError(f"{field}: not a finite number: {value!r}")
    return d


def to_pence(value, field: str, *, allow_negative: bool = False) -> int:
    """'3057000.00' -> 305700000. Fractions of a penny are an error, never rounded away."""
    d = to_decimal(value, field)
    p = d * 100
    if p != p.to_integral_value():
        raise SpecError(f"{field}: {value!r} is not a whole number of pence")
    if p < 0 and not allow_negative:
        raise SpecError(f"{field}: must not be negative, got {value!r}")
    return int(p)


def fmt(pence: int) -> str:
    """305700000 -> '3057000.00'."""
    sign = "-" if pence < 0 else ""
    q, r = divmod(abs(pence), 100)
    return f"{sign}{q}.{r:02d}"


def fmt_hundredths(n: int) -> str:
    """Days held in hundredths: 133 -> '1.33'."""
    return fmt(n)


def largest_remainder(total: int, targets: list[Fraction]) -> list[int]:
    """Round exact targets (summing to the integer ``total``) to integers that sum to it.

    Each gets the floor of its target; the units left over go one each to the largest
    fractional parts, ties broken by position (party order as given)."""
    floors = [floor(t) for t in targets]
    left = total - sum(floors)
    if left < 0 or left > len(targets):
        raise ValueError("targets do not sum to the total")
    order = sorted(range(len(targets)), key=lambda i: (-(targets[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def split_by_weights(total: int, weights: list) -> list[int]:
    """Split ``total`` units pro rata to non-negative weights, exactly."""
    w = [Fraction(x) for x in weights]
    s = sum(w)
    if s <= 0:
        raise ValueError("weights sum to zero")
    return largest_remainder(total, [total * x / s for x in w])


def identified_items(spec: dict, key: str, allowed: set[str]) -> list[tuple[str, dict, str]]:
    """The non-empty list `spec[key]` of objects, each with a unique string `id` and only `allowed` fields,
    as (id, item, where) with `where` naming it in errors ("parties[1] (MTCBC)")."""
    raw = spec.get(key)
    if not isinstance(raw, list) or not raw:
        raise SpecError(f"{key}: expected a non-empty list")
    items, seen = [], set()
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise SpecError(f"{key}[{i}]: expected an object")
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            raise SpecError(f"{key}[{i}].id: missing or not a string")
        if item_id in seen:
            raise SpecError(f"{key}[{i}].id: {item_id} appears twice")
        seen.add(item_id)
        unknown = set(item) - allowed
        if unknown:
            raise SpecError(f"{key}[{i}] ({item_id}): unknown field '{sorted(unknown)[0]}'")
        items.append((item_id, item, f"{key}[{i}] ({item_id})"))
    return items
