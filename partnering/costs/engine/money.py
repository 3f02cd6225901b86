"""Money in whole pence, exact decimals, and the one rounding rule every split uses."""

from decimal import Decimal, InvalidOperation
from fractions import Fraction
from math import floor


def gettext_noop(message: str) -> str:
    """Mark an engine message for translation and return it unchanged.

    The engine imports no Django, so it cannot translate; this name is one that makemessages (xgettext) extracts,
    so the messages reach the Welsh catalogue and the app translates them when it shows them
    (`SpecError.translated`)."""
    return message


class SpecError(ValueError):
    """A bad specification; the message names the field (and the party).

    ``SpecError(gettext_noop("%(field)s: missing"), field="parties[0].share")`` keeps the English template and
    its params apart: ``str(error)`` is the English text (the command line prints it), ``error.translated(gettext)``
    the text in the reader's language. Params are field paths, ids and figures, never translated; a param may
    be another SpecError (a message wrapped with where it happened), translated in turn."""

    def __init__(self, message: str, /, **params):
        self.message = message
        self.params = params
        super().__init__(message % params)

    def translated(self, gettext) -> str:
        """The message through ``gettext`` (e.g. Django's), its params filled in."""
        return gettext(self.message) % {name: value.translated(gettext) if isinstance(value, SpecError) else value
                                        for name, value in self.params.items()}

    def __reduce__(self):  # pickled (e.g. from a worker process) with its template and params, not only the English
        return _rebuild_spec_error, (type(self), self.message, self.params)


def _rebuild_spec_error(cls, message, params):
    return cls(message, **params)


def to_decimal(value, field: str) -> Decimal:
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise SpecError(gettext_noop("%(field)s: expected a number, got %(value)s"), field=field, value=repr(value))
    try:
        d = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise SpecError(gettext_noop("%(field)s: not a number: %(value)s"), field=field, value=repr(value)) from None
    if not d.is_finite():
        raise SpecError(gettext_noop("%(field)s: not a finite number: %(value)s"), field=field, value=repr(value))
    return d


def to_pence(value, field: str, *, allow_negative: bool = False) -> int:
    """'3057000.00' -> 305700000. Fractions of a penny are an error, never rounded away."""
    d = to_decimal(value, field)
    p = d * 100
    if p != p.to_integral_value():
        raise SpecError(gettext_noop("%(field)s: %(value)s is not a whole number of pence"), field=field, value=repr(value))
    if p < 0 and not allow_negative:
        raise SpecError(gettext_noop("%(field)s: must not be negative, got %(value)s"), field=field, value=repr(value))
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
        raise SpecError(gettext_noop("%(field)s: expected a non-empty list"), field=key)
    items, seen = [], set()
    for i, item in enumerate(raw):
        if not isinstance(item, dict):
            raise SpecError(gettext_noop("%(field)s: expected an object"), field=f"{key}[{i}]")
        item_id = item.get("id")
        if not isinstance(item_id, str) or not item_id.strip():
            raise SpecError(gettext_noop("%(field)s: missing or not a string"), field=f"{key}[{i}].id")
        if item_id in seen:
            raise SpecError(gettext_noop("%(field)s: %(value)s appears twice"), field=f"{key}[{i}].id", value=item_id)
        seen.add(item_id)
        unknown = set(item) - allowed
        if unknown:
            raise SpecError(gettext_noop("%(where)s: unknown field '%(name)s'"), where=f"{key}[{i}] ({item_id})",
                            name=sorted(unknown)[0])
        items.append((item_id, item, f"{key}[{i}] ({item_id})"))
    return items
