"""A cost pool's period: each council's share by the basis in force when each cost fell, what it
already paid, the balance, and the recharges that settle it.

Spec (JSON)::

    {"councils": ["RCT", "MTCBC"],                           # required, in the order to report
     "bases": [{"from": "2013-04-01", "basis": "fixed",     # an apportion spec without "total"
                "parties": [{"id": "RCT", "share": "80"}, {"id": "MTCBC", "share": "20"}]}],
     "costs": [{"date": "2013-06-30", "amount": "120000.00", "paid_by": "RCT"}],
     "period": {"from": "2013-04-01", "to": "2014-03-31"},  # optional: every cost when absent
     "tolerance": "50.00"}                                   # optional, default 0

A basis applies from its date until the next one's, so a change of basis leaves earlier periods
as they were. The costs in the period under one basis are added up and apportioned once (caps
and floors are per period). A cost dated before every basis is an error naming the cost.

Output::

    {"total": "120000.00",
     "segments": [{"from": "2013-04-01", "basis": "fixed", "total": "120000.00",
                   "allocations": {"RCT": "96000.00", "MTCBC": "24000.00"}}],
     "shares": {"RCT": "96000.00", "MTCBC": "24000.00"},
     "paid": {"RCT": "120000.00", "MTCBC": "0.00"},
     "balances": {"RCT": "-24000.00", "MTCBC": "24000.00"},   # positive: owes the pool
     "within_tolerance": false,        # true when every balance is below the tolerance: no recharge
     "recharges": [{"from": "MTCBC", "to": "RCT", "amount": "24000.00"}]}   # who invoices: "to" invoices "from"

Recharges pair the largest debtor with the largest creditor in turn (ties by council order), so
there are at most one fewer than the councils with a balance, and they add up exactly.
"""

from datetime import date

from .apportion import apportion as split
from .apportion import check_basis, parse_spec
from .money import SpecError, fmt, gettext_noop, to_pence


def _date(value, field) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise SpecError(gettext_noop("%(field)s: missing or not a date (YYYY-MM-DD): %(value)s"), field=field,
                        value=repr(value)) from None


def check_basis_spec(spec: dict) -> None:
    """Refuse a basis (an apportion spec without a total) that could not split any cost."""
    _, name, parties, parts = parse_spec({"total": "0", **spec})
    check_basis(name, parties, parts)


def settle(balances: dict[str, int]) -> list[tuple[str, str, int]]:
    """(payer, payee, pence) transfers that bring every balance to zero. Balances must sum to zero."""
    if sum(balances.values()) != 0:
        raise ValueError("balances do not sum to zero")
    order = {c: i for i, c in enumerate(balances)}
    owing = {c: b for c, b in balances.items() if b > 0}
    owed = {c: -b for c, b in balances.items() if b < 0}
    transfers = []
    while owing:
        payer = min(owing, key=lambda c: (-owing[c], order[c]))
        payee = min(owed, key=lambda c: (-owed[c], order[c]))
        amount = min(owing[payer], owed[payee])
        transfers.append((payer, payee, amount))
        for side, key in ((owing, payer), (owed, payee)):
            side[key] -= amount
            if not side[key]:
                del side[key]
    return transfers


def run(spec) -> dict:
    if not isinstance(spec, dict):
        raise SpecError(gettext_noop("%(field)s: expected a JSON object"), field="spec")
    unknown = set(spec) - {"councils", "bases", "costs", "period", "tolerance"}
    if unknown:
        raise SpecError(gettext_noop("%(field)s: unknown field"), field=sorted(unknown)[0])
    councils = spec.get("councils")
    if not isinstance(councils, list) or not councils or not all(isinstance(c, str) and c for c in councils):
        raise SpecError(gettext_noop("%(field)s: expected a non-empty list of council ids"), field="councils")
    if len(set(councils)) != len(councils):
        raise SpecError(gettext_noop("%(field)s: a council appears twice"), field="councils")
    bases = spec.get("bases")
    if not isinstance(bases, list) or not bases:
        raise SpecError(gettext_noop("%(field)s: expected a non-empty list"), field="bases")
    parsed = []
    for i, basis in enumerate(bases):
        if not isinstance(basis, dict):
            raise SpecError(gettext_noop("%(field)s: expected an object"), field=f"bases[{i}]")
        start = _date(basis.get("from"), f"bases[{i}].from")
        rest = {k: v for k, v in basis.items() if k != "from"}
        try:
            _, name, parties, parts = parse_spec({"total": "0", **rest})
            check_basis(name, parties, parts)
        except SpecError as error:
            raise SpecError(gettext_noop("%(where)s: %(error)s"), where=f"bases[{i}] (from {start})", error=error) from None
        strangers = [p.id for p in parties if p.id not in councils]
        if strangers:
            raise SpecError(gettext_noop("%(field)s: %(value)s is not one of the councils"),
                            field=f"bases[{i}] (from {start}).parties", value=strangers[0])
        parsed.append((start, name, parties, parts))
    parsed.sort(key=lambda b: b[0])
    if len({b[0] for b in parsed}) != len(parsed):
        raise SpecError(gettext_noop("%(field)s: two bases start on the same date"), field="bases")
    period = spec.get("period") or {}
    if not isinstance(period, dict):
        raise SpecError(gettext_noop("%(field)s: expected an object with %(start)s and %(end)s"), field="period",
                        start="from", end="to")
    first = _date(period["from"], "period.from") if period.get("from") else None
    last = _date(period["to"], "period.to") if period.get("to") else None
    if first and last and last < first:
        raise SpecError(gettext_noop("%(field)s: before %(other)s"), field="period.to", other="period.from")
    tolerance = to_pence(spec.get("tolerance", "0"), "tolerance")

    costs = spec.get("costs", [])
    if not isinstance(costs, list):
        raise SpecError(gettext_noop("%(field)s: expected a list"), field="costs")
    totals = [0] * len(parsed)
    paid = dict.fromkeys(councils, 0)
    for i, cost in enumerate(costs):
        if not isinstance(cost, dict):
            raise SpecError(gettext_noop("%(field)s: expected an object"), field=f"costs[{i}]")
        bad = set(cost) - {"date", "amount", "paid_by", "description"}
        if bad:
            raise SpecError(gettext_noop("%(where)s: unknown field '%(name)s'"), where=f"costs[{i}]", name=sorted(bad)[0])
        when = _date(cost.get("date"), f"costs[{i}].date")
        if cost.get("paid_by") not in paid:
            raise SpecError(gettext_noop("%(field)s: %(value)s is not one of the councils"), field=f"costs[{i}].paid_by",
                            value=repr(cost.get("paid_by")))
        if "amount" not in cost:
            raise SpecError(gettext_noop("%(field)s: missing"), field=f"costs[{i}].amount")
        amount = to_pence(cost["amount"], f"costs[{i}].amount")
        if (first and when < first) or (last and when > last):
            continue
        in_force = [j for j, b in enumerate(parsed) if b[0] <= when]
        if not in_force:
            raise SpecError(gettext_noop("%(field)s: %(date)s is before the first basis (from %(start)s)"),
                            field=f"costs[{i}].date", date=when.isoformat(), start=parsed[0][0].isoformat())
        totals[in_force[-1]] += amount
        paid[cost["paid_by"]] += amount

    shares = dict.fromkeys(councils, 0)
    segments = []
    for (start, name, parties, parts), total in zip(parsed, totals, strict=True):
        if not total:
            continue
        try:
            amounts = split(total, name, parties, parts)
        except SpecError as error:
            raise SpecError(gettext_noop("%(where)s: %(error)s"), where=f"bases (from {start})", error=error) from None
        for party, amount in zip(parties, amounts, strict=True):
            shares[party.id] += amount
        segments.append({"from": start.isoformat(), "basis": name, "total": fmt(total),
                         "allocations": {p.id: fmt(a) for p, a in zip(parties, amounts, strict=True)}})
    balances = {c: shares[c] - paid[c] for c in councils}
    within = all(abs(b) < tolerance for b in balances.values())
    return {
        "total": fmt(sum(totals)),
        "segments": segments,
        "shares": {c: fmt(v) for c, v in shares.items()},
        "paid": {c: fmt(v) for c, v in paid.items()},
        "balances": {c: fmt(v) for c, v in balances.items()},
        "within_tolerance": within,
        "recharges": [] if within else [{"from": a, "to": b, "amount": fmt(n)} for a, b, n in settle(balances)],
    }
