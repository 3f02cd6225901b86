"""Which council hosts each meeting: round the councils in a set order, skipping one that cannot host,
and keeping the turns fair over a year. Plain Python, no Django.

The rule. Each council's *count* is how many meetings it has hosted since the rotation began (the
`history`). The next meeting goes to the council, among those that can host it, with the lowest count;
between equal counts, to the one earliest in the set order. With nobody skipped this is the set order
round and round. A council that cannot host keeps its turn: it hosts at the next meeting it can, ahead
of councils later in the order, so within a round it swaps places with the council that stood in.

A council is owed at most one turn: a count more than one below the others' (their median) is lifted to one below.
So a council that joins, or could not host for months, takes its next turn and then rejoins the order,
instead of hosting several meetings in a row to catch up.

Over any run in which every council can host at least once between its turns, no council hosts more
than one meeting more than another; in a year of twelve monthly meetings for six councils, each hosts two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


class RotationError(ValueError):
    """Input that cannot be rotated, with a message naming what was wrong."""


@dataclass(frozen=True)
class Turn:
    """One meeting's host (None when no council in the order can host it) and why it is not the set order's."""

    index: int  # 0-based meeting number in the plan
    host: str | None
    skipped: tuple[str, ...] = ()  # councils whose turn it was (lower count or earlier) but which could not host
    owed: bool = False  # the host is taking a turn it missed earlier

    def as_dict(self) -> dict:
        return {"meeting": self.index + 1, "host": self.host, "skipped": list(self.skipped), "owed": self.owed}


@dataclass
class Plan:
    turns: list[Turn]
    counts: dict[str, int] = field(default_factory=dict)  # meetings hosted in the plan (not the history)

    @property
    def hosts(self) -> list[str | None]:
        return [turn.host for turn in self.turns]

    def as_dict(self) -> dict:
        spread = (max(self.counts.values()) - min(self.counts.values())) if self.counts else 0
        return {"hosts": [t.as_dict() for t in self.turns], "counts": self.counts, "spread": spread}


def _check_order(order: Sequence[str]) -> list[str]:
    order = [str(c).strip() for c in order]
    if not order:
        raise RotationError("order: give at least one council")
    if any(not c for c in order):
        raise RotationError("order: a council's name is empty")
    seen = set()
    for c in order:
        if c in seen:
            raise RotationError(f"order: {c} appears twice")
        seen.add(c)
    return order


def next_host(order: Sequence[str], history: Iterable[str | None] = (), unavailable: Iterable[str] = ()) -> Turn:
    """The host of the next meeting, given the hosts so far (oldest first) and who cannot host this one."""
    return plan(order, 1, history=history, unavailable=[set(unavailable)]).turns[0]


def lift_behind(counts: Counter) -> None:
    """A council is owed at most one turn: a count more than one below the (low) median of the other councils'
    is lifted, for good, to one below it. A council that stood in for another is ahead of the median, so
    this never takes a turn from a council that was skipped."""
    if len(counts) < 2:
        return
    for c in list(counts):
        others = sorted(v for k, v in counts.items() if k != c)
        counts[c] = max(counts[c], others[(len(others) - 1) // 2] - 1)


def plan(order: Sequence[str], meetings: int, *, history: Iterable[str | None] = (),
         unavailable: Sequence[Iterable[str]] | dict[int, Iterable[str]] = ()) -> Plan:
    """Hosts for the next `meetings` meetings.

    `order`: the councils in their set order. `history`: hosts of earlier meetings, oldest first (hosts no
    longer in the order and None are ignored). `unavailable`: per meeting (a list, or a dict of 0-based
    meeting number to councils), the councils that cannot host it."""
    order = _check_order(order)
    if isinstance(meetings, bool) or not isinstance(meetings, int) or meetings < 0:
        raise RotationError("meetings: give a whole number of meetings, 0 or more")
    position = {c: i for i, c in enumerate(order)}
    if isinstance(unavailable, dict):
        for key in unavailable:
            if not isinstance(key, int) or not 0 <= key < meetings:
                raise RotationError(f"unavailable: meeting {key!r} is not one of the {meetings} meetings planned")
        away = [set(unavailable.get(i, ())) for i in range(meetings)]
    else:
        away = [set(u) for u in unavailable]
        if len(away) > meetings:
            raise RotationError(f"unavailable: {len(away)} meetings given, only {meetings} planned")
        away += [set() for _ in range(meetings - len(away))]
    for i, councils in enumerate(away):
        for c in councils:
            if c not in position:
                raise RotationError(f"unavailable: meeting {i + 1} names {c}, which is not in the order")

    counts = Counter({c: 0 for c in order})
    for host in history:
        if host in position:
            counts[host] += 1
    hosted = Counter({c: 0 for c in order})
    missed: set[str] = set()  # councils that could not take their turn and have not hosted since
    turns = []
    for i in range(meetings):
        lift_behind(counts)
        ranked = sorted(order, key=lambda c: (counts[c], position[c]))
        candidates = [c for c in ranked if c not in away[i]]
        if not candidates:
            turns.append(Turn(i, None, tuple(ranked)))
            continue
        host = candidates[0]
        skipped = tuple(ranked[: ranked.index(host)])
        owed = host in missed
        missed.discard(host)
        missed.update(skipped)
        turns.append(Turn(i, host, skipped, owed))
        counts[host] += 1
        hosted[host] += 1
    return Plan(turns, dict(hosted))


FREQUENCIES = ("week", "fortnight", "4weeks", "month", "quarter")


def schedule(start, every: str, meetings: int) -> list:
    """The dates of `meetings` meetings from `start` (a date): weekly, fortnightly, four-weekly, monthly or
    quarterly. Monthly and quarterly keep the day of the month, or the month's last day when it is shorter."""
    import calendar
    import datetime

    if every not in FREQUENCIES:
        raise RotationError(f"every: {every!r} is not one of {', '.join(FREQUENCIES)}")
    step_days = {"week": 7, "fortnight": 14, "4weeks": 28}.get(every)
    dates = []
    for i in range(meetings):
        if step_days:
            dates.append(start + datetime.timedelta(days=step_days * i))
        else:
            months = start.month - 1 + i * (1 if every == "month" else 3)
            year, month = start.year + months // 12, months % 12 + 1
            dates.append(datetime.date(year, month, min(start.day, calendar.monthrange(year, month)[1])))
    return dates
