"""What harmonising pay (and leave) across councils would cost: plain data in, plain data out, no Django.

TERMS has one row per council and grade: ``council,grade,annual_pay`` and optionally ``leave_days``.
STAFF has one row per member of staff: ``staff_id,council,grade,fte`` (the app passes groups of staff
with a ``count``; the command line's rows are one person each).

The target for each grade is the highest (``up``), lowest (``down``) or median (``median``: the middle
value across the councils that have the grade; for an even count the mean of the two middle values,
rounded to the penny, half a penny up) annual pay, or the named council's. Each member of staff's change
is (target pay − their council's pay for their grade) × fte × (1 + on-cost/100), rounded to the penny
(half up). A council's ``current`` is the sum of each person's pay × fte × (1 + on-cost/100), each rounded
to the penny; ``harmonised`` is current + change, so the three figures always add up.

Leave, when TERMS has ``leave_days``, is harmonised by the same rule (up: the most days), reported per
council as days gained (+) or lost (−) per FTE (to two decimals), and costed in ``leave_change`` at the
harmonised pay ÷ 260 per day, × fte, each person rounded to the penny (no on-cost: the days are time
not worked, not pay).

Rows in errors are counted as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")
WORKING_DAYS = Decimal("260")
OPTIONS = ("up", "down", "median")
TERMS_COLUMNS = ("council", "grade", "annual_pay")
STAFF_COLUMNS = ("staff_id", "council", "grade", "fte")


class InputError(ValueError):
    """Bad input; names the file, row and column where they are known."""

    def __init__(self, message: str, *, file: str = "", row: int | None = None, column: str = ""):
        self.file, self.row, self.column, self.detail = file, row, column, message
        where = ", ".join(part for part in (file, f"row {row}" if row else "", f"column {column}" if column else "") if part)
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class Terms:
    council: str
    grade: str
    annual_pay: Decimal
    leave_days: Decimal | None = None
    row: int | None = None


@dataclass(frozen=True)
class Staff:
    staff_id: str
    council: str
    grade: str
    fte: Decimal  # for a group, the group's total FTE
    count: int = 1
    row: int | None = None


def money(value: Decimal) -> Decimal:
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def text(value: Decimal) -> str:
    return f"{money(value):.2f}"


def _number(raw: str, *, file: str, row: int, column: str, what: str, allow_zero: bool = True) -> Decimal:
    cleaned = (raw or "").strip().replace(",", "").removeprefix("£")
    if not cleaned:
        raise InputError(f"{what} is missing", file=file, row=row, column=column)
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise InputError(f"{what} is not a number: {raw!r}", file=file, row=row, column=column) from None
    if not value.is_finite() or value < 0 or (value == 0 and not allow_zero):
        raise InputError(f"{what} must be {'at least' if allow_zero else 'more than'} 0, not {raw!r}", file=file, row=row,
                         column=column)
    return value


def _rows(content: str, file: str, required: tuple[str, ...]):
    reader = csv.DictReader(io.StringIO(content.lstrip("\ufeff")))
    headers = [h.strip().lower() for h in (reader.fieldnames or [])]
    if not headers:
        raise InputError("the file is empty: expected a header row", file=file, row=1)
    for column in required:
        if column not in headers:
            raise InputError(f"no {column} column (the header row has: {', '.join(headers)})", file=file, row=1, column=column)
    reader.fieldnames = headers
    for number, raw in enumerate(reader, start=2):
        if None in raw:
            raise InputError("more cells than the header row has columns", file=file, row=number)
        if not any((v or "").strip() for v in raw.values()):
            continue  # a blank line
        yield number, {k: (v or "").strip() for k, v in raw.items()}, headers


def read_terms(content: str, file: str = "TERMS.csv") -> list[Terms]:
    terms, seen = [], {}
    for number, row, headers in _rows(content, file, TERMS_COLUMNS):
        for column in ("council", "grade"):
            if not row[column]:
                raise InputError(f"{column} is missing", file=file, row=number, column=column)
        key = (row["council"], row["grade"])
        if key in seen:
            raise InputError(f"{row['council']} grade {row['grade']} is already on row {seen[key]}", file=file, row=number, column="grade")
        seen[key] = number
        pay = _number(row["annual_pay"], file=file, row=number, column="annual_pay", what="annual pay")
        if money(pay) != pay:
            raise InputError(f"annual pay is not a whole number of pence: {row['annual_pay']!r}", file=file, row=number,
                             column="annual_pay")
        leave = None
        if "leave_days" in headers:
            leave = _number(row["leave_days"], file=file, row=number, column="leave_days", what="leave days")
        terms.append(Terms(row["council"], row["grade"], pay, leave, number))
    if not terms:
        raise InputError("no rows of terms below the header", file=file, row=2)
    return terms


def read_staff(content: str, file: str = "STAFF.csv") -> list[Staff]:
    staff, seen = [], {}
    for number, row, _headers in _rows(content, file, STAFF_COLUMNS):
        for column in ("staff_id", "council", "grade"):
            if not row[column]:
                raise InputError(f"{column} is missing", file=file, row=number, column=column)
        if row["staff_id"] in seen:
            raise InputError(f"staff_id {row['staff_id']} is already on row {seen[row['staff_id']]}", file=file, row=number,
                             column="staff_id")
        seen[row["staff_id"]] = number
        fte = _number(row["fte"], file=file, row=number, column="fte", what="fte", allow_zero=False)
        if fte > 1:
            raise InputError(f"fte must be at most 1, not {row['fte']!r}", file=file, row=number, column="fte")
        staff.append(Staff(row["staff_id"], row["council"], row["grade"], fte, 1, number))
    return staff


def _median(values: list[Decimal]) -> Decimal:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return money((ordered[middle - 1] + ordered[middle]) / 2)


def _target(values: dict[str, Decimal], to: str) -> Decimal | None:
    """The target among each council's value for one grade (None: the named council lacks the grade)."""
    if to == "up":
        return max(values.values())
    if to == "down":
        return min(values.values())
    if to == "median":
        return _median(list(values.values()))
    return values.get(to)


def targets(terms: list[Terms], to: str) -> dict[str, Decimal | None]:
    """Each grade's target annual pay."""
    by_grade: dict[str, dict[str, Decimal]] = {}
    for t in terms:
        by_grade.setdefault(t.grade, {})[t.council] = t.annual_pay
    return {grade: _target(values, to) for grade, values in by_grade.items()}


def harmonise(terms: list[Terms], staff: list[Staff], to: str, on_cost: Decimal = Decimal("0"), *,
              staff_file: str = "STAFF.csv", terms_file: str = "TERMS.csv") -> dict:
    councils = sorted({t.council for t in terms})
    if to not in OPTIONS and to not in councils:
        raise InputError(f"--to must be up, down, median or a council in {terms_file} ({', '.join(councils)}), not {to!r}")
    if on_cost < 0:
        raise InputError(f"--on-cost must be at least 0, not {on_cost}")
    factor = 1 + on_cost / 100
    pay = {(t.council, t.grade): t for t in terms}
    pay_target = targets(terms, to)
    with_leave = any(t.leave_days is not None for t in terms)
    leave_target = {}
    if with_leave:
        by_grade: dict[str, dict[str, Decimal]] = {}
        for t in terms:
            by_grade.setdefault(t.grade, {})[t.council] = t.leave_days
        leave_target = {grade: _target(values, to) for grade, values in by_grade.items()}

    out: dict[str, dict] = {}
    sums: dict[str, dict] = {}
    for person in staff:
        own = pay.get((person.council, person.grade))
        if own is None:
            known = person.council in councils
            why = (f"{person.council} has no pay for grade {person.grade} in {terms_file}" if known
                   else f"no council {person.council} in {terms_file}")
            raise InputError(why, file=staff_file, row=person.row, column="grade" if known else "council")
        target = pay_target[person.grade]
        if target is None:
            raise InputError(f"grade {person.grade} is held at {person.council} but {to} has no pay for it in {terms_file}",
                             file=staff_file, row=person.row, column="grade")
        s = sums.setdefault(person.council, {"current": Decimal(0), "change": Decimal(0), "better_off": 0, "worse_off": 0,
                                             "unchanged": 0, "fte": Decimal(0), "leave_days": Decimal(0), "leave_change": Decimal(0)})
        s["current"] += money(own.annual_pay * person.fte * factor)
        s["change"] += money((target - own.annual_pay) * person.fte * factor)
        key = "better_off" if target > own.annual_pay else "worse_off" if target < own.annual_pay else "unchanged"
        s[key] += person.count
        s["fte"] += person.fte
        if with_leave:
            days = leave_target[person.grade] - own.leave_days
            s["leave_days"] += days * person.fte
            s["leave_change"] += money(days * person.fte * target / WORKING_DAYS)
    for council in sorted(sums):
        s = sums[council]
        row = {"current": text(s["current"]), "harmonised": text(s["current"] + s["change"]), "change": text(s["change"]),
               "better_off": s["better_off"], "worse_off": s["worse_off"], "unchanged": s["unchanged"]}
        if with_leave:
            row["leave_days_per_fte"] = text(s["leave_days"] / s["fte"]) if s["fte"] else "0.00"
            row["leave_change"] = text(s["leave_change"])
        out[council] = row
    result = {"by_council": out, "total_change": text(sum((s["change"] for s in sums.values()), Decimal(0)))}
    if with_leave:
        result["leave_change"] = text(sum((s["leave_change"] for s in sums.values()), Decimal(0)))
    return result


def compare(terms: list[Terms], staff: list[Staff], on_cost: Decimal = Decimal("0")) -> dict:
    """Every option side by side (up, median, down and each council's), for the escalation chart."""
    options = [*OPTIONS, *sorted({t.council for t in terms})]
    results = {}
    for option in options:
        try:
            results[option] = harmonise(terms, staff, option, on_cost)
        except InputError as error:
            results[option] = {"error": error.detail}
    return results
