"""Is a person's required training satisfied? (plain Python, no Django)

A requirement is met by a record of the same course, or of any course the partnership
has confirmed as equivalent (so training done at another council counts), or by a record
whose canonical title matches. A refresh period makes a record expire.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

EXPIRING_WITHIN = datetime.timedelta(days=60)

SATISFIED, EXPIRING, EXPIRED, MISSING = "satisfied", "expiring", "expired", "missing"


@dataclass(frozen=True)
class Need:
    title: str
    course_ids: frozenset[int] = frozenset()  # courses that count outright
    equivalent_keys: frozenset[str] = frozenset()  # canonical line keys (without council) of a confirmed equivalence
    refresh_months: int | None = None


@dataclass(frozen=True)
class Done:
    title: str
    completed_on: datetime.date
    course_id: int | None = None
    canonical_key: str = ""
    council: str = ""


@dataclass
class Status:
    need: Need
    state: str
    record: Done | None = None
    expires_on: datetime.date | None = None
    via_other_council: bool = False
    notes: list[str] = field(default_factory=list)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def satisfies(need: Need, done: Done, need_key: str = "") -> bool:
    return bool(
        (done.course_id is not None and done.course_id in need.course_ids)
        or (done.canonical_key and done.canonical_key in need.equivalent_keys)
        or (need_key and done.canonical_key == need_key)
    )


def status(need: Need, records: list[Done], *, today: datetime.date, council: str = "", need_key: str = "") -> Status:
    matching = sorted((r for r in records if satisfies(need, r, need_key)), key=lambda r: r.completed_on, reverse=True)
    if not matching:
        return Status(need, MISSING)
    latest = matching[0]
    expires = _add_months(latest.completed_on, need.refresh_months) if need.refresh_months else None
    if expires and expires < today:
        state = EXPIRED
    elif expires and expires - today <= EXPIRING_WITHIN:
        state = EXPIRING
    else:
        state = SATISFIED
    return Status(need, state, latest, expires, via_other_council=bool(council and latest.council and latest.council != council))
