"""Reading a council's HR export (people and their jobs) from its own spreadsheet: plain Python, no Django.

`read_export(data, filename, mapping)` finds the header row, maps the columns (by their names, or as the council
mapped them before), and checks every row, giving each problem with its row and column; `plan(rows, existing,
full_export)` says who starts, who changes and who leaves. The Django side (partnering.identity.hr_import) commits
the plan in one transaction."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from partnering.mapping.importers.i18n import _
from partnering.mapping.importers.parsing import column_letter
from partnering.mapping.importers.reading import FileProblem, open_workbook

# field -> (what the column is called in words, header spellings we recognise)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "staff_number": ("staff number", ("staff number", "staff no", "employee number", "employee id", "payroll number", "person number",
                                      "assignment number", "staff id")),
    "email": ("email address", ("email", "email address", "work email", "e-mail", "e mail address", "business email")),
    "full_name": ("full name", ("full name", "name", "employee name", "staff name")),
    "first_name": ("first name", ("first name", "forename", "given name", "known as")),
    "last_name": ("last name", ("last name", "surname", "family name")),
    "job_title": ("job title", ("job title", "post title", "position", "role title", "job")),
    "fte": ("FTE", ("fte", "full time equivalent", "full-time equivalent", "hours fte", "fte ratio")),
    "work_base": ("work base", ("work base", "base", "location", "work location", "office")),
    "roles": ("roles", ("roles", "partnering roles", "role")),
    "line_manager": ("line manager", ("line manager", "manager", "manager email", "line manager email", "manager staff number",
                                      "reports to")),
    "start_on": ("start date", ("start date", "start", "date started", "employment start", "continuous service date", "start on")),
    "end_on": ("end date", ("end date", "leaving date", "leave date", "date left", "termination date", "end on")),
}
REQUIRED = ("email", "job_title", "start_on")
ROLES = {"lead": "lead", "l&d lead": "lead", "hr lead": "lead", "staff": "staff", "member of staff": "staff", "trainer": "trainer"}
HEADER_SEARCH_ROWS = 30
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def header_key(text: str) -> str:
    return re.sub(r"[^a-z0-9&]+", " ", str(text).lower()).strip()


SPELLINGS = {header_key(spelling): name for name, (_label, spellings) in FIELDS.items() for spelling in spellings}


@dataclass(frozen=True)
class Problem:
    row: int  # 0: the file or its header
    column: str  # a letter, or "" for the whole row
    field: str
    message: str


@dataclass
class HrRow:
    row: int
    email: str
    full_name: str
    job_title: str
    start_on: datetime.date
    staff_number: str = ""
    fte: Decimal | None = None
    work_base: str = ""
    roles: tuple[str, ...] = ()
    line_manager: str = ""
    end_on: datetime.date | None = None


@dataclass
class Export:
    header_row: int
    headers: list[str]
    columns: dict[str, int]  # field -> column index
    unmapped: list[str]  # headers nobody recognised (the person may map them)
    rows: list[HrRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(_("“{value}” is not a date: write it like 31/03/2025 or 2025-03-31.").format(value=text))


def _fte(value) -> Decimal:
    text = _text(value).rstrip("%")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(_("“{value}” is not a number: write the share of a full-time post, like 0.6.").format(value=_text(value))) from None
    if _text(value).endswith("%"):
        number = number / 100
    if not (Decimal("0") < number <= Decimal("1")):
        raise ValueError(_("The FTE must be more than 0 and at most 1 (or a percentage up to 100%)."))
    return number.quantize(Decimal("0.001"))


def _roles(value) -> tuple[str, ...]:
    found = []
    for part in re.split(r"[,;/]+", _text(value)):
        key = part.strip().lower()
        if not key:
            continue
        if key not in ROLES:
            raise ValueError(_("“{value}” is not a role: use lead, staff or trainer.").format(value=part.strip()))
        if ROLES[key] not in found:
            found.append(ROLES[key])
    return tuple(found)


def find_header(rows: list[list], known: dict[str, str]) -> tuple[int, list[str]] | None:
    best = None
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS], start=1):
        names = {known.get(header_key(c)) or SPELLINGS.get(header_key(c)) for c in row if _text(c)}
        names.discard(None)
        if len(names) >= 2 and (best is None or len(names) > best[0]):
            best = (len(names), number, [_text(c) for c in row])
    return None if best is None else (best[1], best[2])


def read_export(data: bytes, filename: str, mapping: dict[str, str] | None = None) -> Export:
    """Raises FileProblem for a file that cannot be read at all; otherwise every problem is in `problems`."""
    mapping = {header_key(k): v for k, v in (mapping or {}).items() if v in FIELDS or v == ""}
    workbook = open_workbook(data, filename)
    rows = [list(r) for r in workbook.rows(workbook.sheet_names[0])]
    found = find_header(rows, mapping)
    if found is None:
        raise FileProblem(_("{file} has no row naming at least two of the columns we need (email address, job title, start date…).").format(
            file=filename))
    header_row, headers = found
    columns: dict[str, int] = {}
    unmapped = []
    for index, header in enumerate(headers):
        key = header_key(header)
        if not key:
            continue
        name = mapping[key] if key in mapping else SPELLINGS.get(key)
        if name and name not in columns:
            columns[name] = index
        elif not name:
            unmapped.append(header)
    export = Export(header_row=header_row, headers=headers, columns=columns, unmapped=unmapped)
    for name in REQUIRED:
        if name not in columns:
            export.problems.append(Problem(header_row, "", name, _("No column holds the {what}: map one of the columns to it.").format(
                what=FIELDS[name][0])))
    if "full_name" not in columns and not ({"first_name", "last_name"} <= set(columns)):
        export.problems.append(Problem(header_row, "", "full_name", _("No column holds the full name (or the first and last names).")))
    if export.problems:
        return export
    seen_emails: dict[str, int] = {}
    seen_numbers: dict[str, int] = {}
    for number, raw in enumerate(rows[header_row:], start=header_row + 1):
        if not any(_text(c) for c in raw):
            continue
        row = _row(number, raw, columns, export.problems)
        if row is None:
            continue
        if row.email in seen_emails:
            export.problems.append(Problem(number, column_letter(columns["email"]), "email",
                                           _("This email address is also on row {row}.").format(row=seen_emails[row.email])))
            continue
        if row.staff_number and row.staff_number in seen_numbers:
            export.problems.append(Problem(number, column_letter(columns["staff_number"]), "staff_number",
                                           _("This staff number is also on row {row}.").format(row=seen_numbers[row.staff_number])))
            continue
        seen_emails[row.email] = number
        if row.staff_number:
            seen_numbers[row.staff_number] = number
        export.rows.append(row)
    if not export.rows and not export.problems:
        export.problems.append(Problem(0, "", "", _("{file} has no people below its header row.").format(file=filename)))
    return export


def _cell(raw: list, columns: dict[str, int], name: str):
    index = columns.get(name)
    return raw[index] if index is not None and index < len(raw) else ""


def _row(number: int, raw: list, columns: dict[str, int], problems: list[Problem]) -> HrRow | None:
    before = len(problems)

    def fail(name: str, message: str):
        problems.append(Problem(number, column_letter(columns[name]) if name in columns else "", name, message))

    email = _text(_cell(raw, columns, "email")).lower()
    if not email:
        fail("email", _("The email address is missing."))
    elif not EMAIL.match(email):
        fail("email", _("“{value}” is not an email address.").format(value=email))
    name = _text(_cell(raw, columns, "full_name")) or " ".join(
        p for p in (_text(_cell(raw, columns, "first_name")), _text(_cell(raw, columns, "last_name"))) if p)
    if not name:
        fail("full_name" if "full_name" in columns else "last_name", _("The name is missing."))
    job_title = _text(_cell(raw, columns, "job_title"))
    if not job_title:
        fail("job_title", _("The job title is missing."))
    values: dict = {}
    for key, parse in (("start_on", _date), ("end_on", _date), ("fte", _fte), ("roles", _roles)):
        value = _cell(raw, columns, key)
        if not _text(value):
            if key == "start_on":
                fail(key, _("The start date is missing."))
            continue
        try:
            values[key] = parse(value)
        except ValueError as error:
            fail(key, str(error))
    if values.get("start_on") and values.get("end_on") and values["end_on"] < values["start_on"]:
        fail("end_on", _("The end date is before the start date."))
    if len(problems) > before:
        return None
    return HrRow(row=number, email=email, full_name=name[:150], job_title=job_title[:150], start_on=values["start_on"],
                 staff_number=_text(_cell(raw, columns, "staff_number"))[:50], fte=values.get("fte"),
                 work_base=_text(_cell(raw, columns, "work_base")), roles=values.get("roles", ()),
                 line_manager=_text(_cell(raw, columns, "line_manager")).lower(), end_on=values.get("end_on"))


@dataclass(frozen=True)
class Existing:
    """An employment the council has now: whether an earlier import made it (and so this one may end it)."""

    key: str  # the staff number, else the email
    email: str
    imported: bool


@dataclass
class Plan:
    starters: list[HrRow] = field(default_factory=list)
    changes: list[HrRow] = field(default_factory=list)
    leavers_in_file: list[HrRow] = field(default_factory=list)  # an end date in the file
    missing: list[Existing] = field(default_factory=list)  # imported before, absent from this full export: end-dated
    hand_entered_missing: list[Existing] = field(default_factory=list)  # entered by hand, absent: left alone


def key_of(row: HrRow) -> str:
    return row.staff_number or row.email


def plan(rows: list[HrRow], existing: list[Existing], *, full_export: bool) -> Plan:
    known = {e.key: e for e in existing} | {e.email: e for e in existing}
    result = Plan()
    present = set()
    for row in rows:
        match = known.get(key_of(row)) or known.get(row.email)
        if match:
            present.add(match.key)
        if row.end_on is not None:
            result.leavers_in_file.append(row)
        elif match:
            result.changes.append(row)
        else:
            result.starters.append(row)
    if full_export:
        for e in existing:
            if e.key not in present:
                (result.missing if e.imported else result.hand_entered_missing).append(e)
    return result


__all__ = ["FIELDS", "Existing", "Export", "FileProblem", "HrRow", "Plan", "Problem", "plan", "read_export"]
