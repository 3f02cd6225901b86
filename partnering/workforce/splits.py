"""Splits of a shared post's time and cost, and the give and get of time between councils: plain data, no Django.

Money is in whole pence. A post's cost for a period is its annual cost × the days of the period it
runs ÷ the days in the period (a financial year of 365 or 366 days), rounded to the penny (half up). That cost is
split by each line's days a week with the largest-remainder rule (each line gets the floor of its exact
share, the pence left go one each to the largest remainders, ties to the line listed first), so the
lines always add up to the cost. "Recharge at the agreed split" turns each council line other than
the employer's into a recharge from that council to the employer; a funding source's line is claimed
from that source, not recharged; "pooled, no charge" records the time and produces no money at all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from math import floor

RECHARGE = "recharge"
POOLED = "pooled"


@dataclass(frozen=True)
class Line:
    key: str  # a council's key, or a funding source's name
    days: Decimal  # days a week
    council: bool = True  # False: a funding source (a grant)


def largest_remainder(total: int, weights: list) -> list[int]:
    """Split ``total`` pence pro rata to the weights, exactly; pence left over to the largest remainders."""
    w = [Fraction(x) for x in weights]
    s = sum(w)
    if s <= 0:
        raise ValueError("the split has no days in it")
    exact = [total * x / s for x in w]
    floors = [floor(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[: total - sum(floors)]:
        floors[i] += 1
    return floors


def fte_of(days: Decimal, week: Decimal = Decimal("5")) -> Decimal:
    """Days a week as a share of a full-time post: 2 days of 5 → 0.4."""
    return (Decimal(days) / week).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def overlap_days(start: datetime.date, end: datetime.date | None, period_start: datetime.date, period_end: datetime.date) -> int:
    first = max(start, period_start)
    last = min(end or period_end, period_end)
    return max((last - first).days + 1, 0)


def period_cost(annual_pence: int, start, end, period_start, period_end) -> int:
    """The post's cost for the period, pro rata to the days it runs in it, to the penny (half up)."""
    days = overlap_days(start, end, period_start, period_end)
    length = (period_end - period_start).days + 1
    exact = Fraction(annual_pence * days, length)
    whole = floor(exact)
    return whole + (1 if exact - whole >= Fraction(1, 2) else 0)


def split(cost_pence: int, lines: list[Line]) -> list[tuple[Line, int]]:
    return list(zip(lines, largest_remainder(cost_pence, [line.days for line in lines]), strict=True))


def recharges(*, employer: str, mode: str, cost_pence: int, lines: list[Line]) -> dict:
    """Each line's share of the cost and the recharges it makes.

    Returns {"shares": [(line, pence or None)], "recharges": [(payer, payee, pence)], "claims": [(source, pence)]}.
    Pooled: shares of time only (pence None) and nothing to pay."""
    if mode == POOLED or not lines:
        return {"shares": [(line, None) for line in lines], "recharges": [], "claims": []}
    shares = split(cost_pence, lines)
    return {
        "shares": shares,
        "recharges": [(line.key, employer, pence) for line, pence in shares if line.council and line.key != employer and pence],
        "claims": [(line.key, pence) for line, pence in shares if not line.council and pence],
    }


@dataclass(frozen=True)
class Time:
    giver: str  # the council that employs the person
    receiver: str  # the council the time was for
    hours: Decimal
    cover: bool = False


def balances(entries: list[Time], *, rate_pence: int | None = None) -> dict:
    """Hours given and received between councils ("give and get").

    Time a council's staff spent for their own council is neither given nor got. Returns
    {"councils": {c: {"given", "received", "net", "cover_given", "cover_received"}},
     "pairs": {(a, b): net hours a gave b (a < b; negative: b gave a)}, "value": {c: pence of net, if a rate per hour}}."""
    councils: dict[str, dict] = {}
    pairs: dict[tuple[str, str], Decimal] = {}

    def row(c):
        return councils.setdefault(c, {"given": Decimal(0), "received": Decimal(0), "net": Decimal(0), "cover_given": Decimal(0),
                                       "cover_received": Decimal(0)})

    for e in entries:
        if e.giver == e.receiver:
            continue
        giver, receiver = row(e.giver), row(e.receiver)
        giver["given"] += e.hours
        receiver["received"] += e.hours
        if e.cover:
            giver["cover_given"] += e.hours
            receiver["cover_received"] += e.hours
        a, b = sorted((e.giver, e.receiver))
        pairs[(a, b)] = pairs.get((a, b), Decimal(0)) + (e.hours if a == e.giver else -e.hours)
    for r in councils.values():
        r["net"] = r["given"] - r["received"]
    value = {}
    if rate_pence is not None:
        for c, r in councils.items():
            exact = r["net"] * rate_pence
            value[c] = int(exact.to_integral_value(rounding=ROUND_HALF_UP))
    return {"councils": councils, "pairs": pairs, "value": value}
