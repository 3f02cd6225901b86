"""Who chairs a group, turn by turn: a pure rotation over people or councils (no Django).

The group sets the order (its candidates), the length of a turn in months and the day the first turn
starts. Each turn goes to the first candidate in the queue who can take it; whoever takes it moves to the
back, and anyone passed over (unavailable for that turn) keeps their place at the front, so they chair the
next turn they can. Over any run of turns nobody chairs more than once more than anybody else who was
always available.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


class RotationError(ValueError):
    """The schedule cannot be worked out; the message says what was wrong."""


@dataclass(frozen=True)
class Turn:
    number: int  # 0 for the first turn
    starts_on: datetime.date
    ends_on: datetime.date  # the last day of the turn
    holder: str | None  # None when nobody could take it


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day when it is shorter (31 January + 1 = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _check(candidates: Sequence[str], months: int) -> None:
    if months < 1:
        raise RotationError("A turn must last at least one month.")
    if len(set(candidates)) != len(candidates):
        raise RotationError("Each candidate may appear once in the order.")


def turn_number_on(day: datetime.date, *, starts_on: datetime.date, months: int) -> int:
    """Which turn `day` falls in (-1 before the first)."""
    if months < 1:
        raise RotationError("A turn must last at least one month.")
    if day < starts_on:
        return -1
    number = ((day.year - starts_on.year) * 12 + day.month - starts_on.month) // months
    while add_months(starts_on, number * months) > day:
        number -= 1
    while add_months(starts_on, (number + 1) * months) <= day:
        number += 1
    return number


def schedule(candidates: Sequence[str], *, starts_on: datetime.date, months: int, turns: int,
             unavailable: Iterable[tuple[str, int]] = ()) -> list[Turn]:
    """The first `turns` turns. `unavailable` holds (candidate, turn number) pairs: who cannot take which turn."""
    _check(candidates, months)
    if turns < 0:
        raise RotationError("The number of turns cannot be negative.")
    blocked = set(unavailable)
    queue = list(candidates)
    result = []
    for number in range(turns):
        start = add_months(starts_on, number * months)
        end = add_months(starts_on, (number + 1) * months) - datetime.timedelta(days=1)
        holder = next((c for c in queue if (c, number) not in blocked), None)
        if holder is not None:
            queue.remove(holder)
            queue.append(holder)
        result.append(Turn(number, start, end, holder))
    return result


def chair_on(candidates: Sequence[str], day: datetime.date, *, starts_on: datetime.date, months: int,
             unavailable: Iterable[tuple[str, int]] = ()) -> Turn | None:
    """The turn running on `day` (None before the first turn or with nobody to chair)."""
    number = turn_number_on(day, starts_on=starts_on, months=months)
    if number < 0 or not candidates:
        return None
    return schedule(candidates, starts_on=starts_on, months=months, turns=number + 1, unavailable=unavailable)[-1]


def counts(turns: Iterable[Turn]) -> dict[str, int]:
    """How many turns each holder had."""
    tally: dict[str, int] = {}
    for turn in turns:
        if turn.holder is not None:
            tally[turn.holder] = tally.get(turn.holder, 0) + 1
    return tally
