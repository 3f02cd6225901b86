"""Who is due for erasure: plain data in, plain data out, no Django (the task, the command and the preview page ask it).

A person is due on a day when every employment they have had has ended, and for each of them the retention period
of the council it was with has passed since it ended: so where several councils employed them the latest of those
dates decides ("the longest period counts"). Anyone still employed, anyone with an employment at a council that has
set no period (it keeps data until its lead says), and anyone with no employment at all is never due."""

from __future__ import annotations

import calendar
import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

DEFAULT_MONTHS = 72  # six years: what the form suggests to a council that has set nothing yet
MIN_MONTHS = 1
MAX_MONTHS = 1200  # a hundred years: anything longer is "keep until we say", which is leaving it unset


@dataclass(frozen=True)
class Employment:
    person_id: int
    council_id: int
    end_on: datetime.date | None  # None: still employed


@dataclass(frozen=True)
class Due:
    person_id: int
    council_id: int  # whose rule decided: the council whose period runs out last
    months: int  # that council's period
    keep_until: datetime.date  # the last day the data is kept


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (31 August + 6 = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def keep_until(employments: Iterable[Employment], months_by_council: Mapping[int, int | None]) -> tuple[datetime.date, int, int] | None:
    """The last day one person's data is kept, with the council and period that decide it; None when it is kept
    for now (still employed, a council without a period, or no employment at all)."""
    latest = None
    for employment in employments:
        months = months_by_council.get(employment.council_id)
        if employment.end_on is None or months is None:
            return None
        until = add_months(employment.end_on, months)
        if latest is None or until > latest[0]:
            latest = (until, employment.council_id, months)
    return latest


def due_on(day: datetime.date, employments: Iterable[Employment], months_by_council: Mapping[int, int | None]) -> list[Due]:
    """Everyone whose data is due for erasure on `day` (kept up to and including their keep-until day), by person."""
    by_person: dict[int, list[Employment]] = defaultdict(list)
    for employment in employments:
        by_person[employment.person_id].append(employment)
    due = []
    for person_id in sorted(by_person):
        decided = keep_until(by_person[person_id], months_by_council)
        if decided is not None and decided[0] < day:
            until, council_id, months = decided
            due.append(Due(person_id=person_id, council_id=council_id, months=months, keep_until=until))
    return due
