"""From rows to validated return lines: find the header, map columns, normalise, report problems.

`ReturnParser.lines()` streams: it keeps only the row it is looking at (and one
row of look-ahead for a totals row), so memory stays flat however long the file.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from . import normalise
from .fields import FIELD_NAMES, FIELDS_BY_NAME, MAX_LENGTHS, PROVISION_FIELDS, field_for_header, header_key
from .i18n import _
from .reading import FileProblem, Workbook

HEADER_SEARCH_ROWS = 30
PROVISION_SHEET_WORDS = ("provision", "delivery", "return", "courses", "training", "l&d", "darpariaeth")


@dataclass(frozen=True)
class Problem:
    row: int | None
    column: str | None
    value: str
    reason: str

    def __str__(self) -> str:
        where = ", ".join(part for part in (f"row {self.row}" if self.row else "", f"column {self.column!r}" if self.column else "") if part)
        shown = f" (value: {self.value!r})" if self.value not in ("", None) else ""
        where = where[:1].upper() + where[1:]
        return f"{where + ': ' if where else ''}{self.reason}{shown}"

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "value": self.value, "reason": self.reason}


class LayoutProblem(FileProblem):
    """The sheet's shape is wrong (no header, duplicate headers, no title column, which sheet?)."""

    def __init__(self, message: str, *, sheets: list[str] | None = None):
        super().__init__(message)
        self.sheets = sheets or []


@dataclass
class Layout:
    sheet: str
    header_row: int  # 1-based, as the spreadsheet shows it
    headers: list[str]
    mapping: dict[int, str]  # column index → field name

    @property
    def unmapped_headers(self) -> list[str]:
        return [h for i, h in enumerate(self.headers) if h and i not in self.mapping]

    def header_mapping(self) -> dict[str, str]:
        """What to remember for next year: header text → field."""
        return {self.headers[index]: name for index, name in self.mapping.items()}


@dataclass(slots=True)
class Line:
    row: int
    title: str
    topic: str | None = None
    delivery_method: str | None = None
    provider_type: str | None = None
    provider_name: str | None = None
    accreditation: str | None = None
    level: str | None = None
    duration_hours: Decimal | None = None
    sessions_per_year: int | None = None
    learners_per_year: int | None = None
    annual_cost_pence: int | None = None
    venue: str | None = None
    notes: str | None = None


@dataclass
class Summary:
    lines: int = 0
    skipped_blank: int = 0
    skipped_totals: int = 0
    totals_rows: list[int] = field(default_factory=list)
    total_learners: int = 0
    total_cost_pence: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict:
        return {
            "imported": self.lines,
            "skipped_blank": self.skipped_blank,
            "skipped_totals": self.skipped_totals,
            "total_learners": self.total_learners,
            "total_annual_cost_gbp": float(Decimal(self.total_cost_pence) / 100),
        }


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = string.ascii_uppercase[remainder] + letters
    return letters


def _header_score(row: list, known: frozenset[str]) -> int:
    names = set()
    for cell in row:
        if isinstance(cell, str) and cell.strip():
            key = header_key(cell)
            names.add(f"known:{key}" if key in known else field_for_header(cell))
    names.discard(None)
    return len(names)


def find_header(rows: Iterable[list], known: frozenset[str] = frozenset()) -> tuple[int, list[str]] | None:
    """The first row, among the first 30, that names at least two columns we know (the best one if several).
    `known` adds header names the user mapped, now or for an earlier return."""
    best = None
    for number, row in enumerate(rows, start=1):
        if number > HEADER_SEARCH_ROWS:
            break
        score = _header_score(row, known)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, number, [normalise.text(cell) or "" for cell in row])
            if score >= 4:
                break
    return None if best is None else (best[1], best[2])


def _parse_overrides(overrides: dict[str, str] | None) -> dict[str, str | None]:
    result = {}
    for header, name in (overrides or {}).items():
        name = (name or "").strip()
        if name and name not in FIELD_NAMES and name != "ignore":
            raise LayoutProblem(
                _("{name!r} is not a field of the return. Fields are: {fields} (or ignore).").format(name=name, fields=", ".join(FIELD_NAMES))
            )
        result[header_key(header)] = None if name in ("", "ignore") else name
    return result


def build_layout(
    workbook: Workbook, sheet: str, overrides: dict[str, str] | None = None, remembered: dict[str, str] | None = None
) -> Layout:
    """Find the header row of `sheet` and map its columns: the user's mapping first, then the
    mapping remembered from the council's last return (for headers still present), then header names."""
    explicit = _parse_overrides(overrides)
    remembered_keys = {header_key(h): f for h, f in (remembered or {}).items() if f in FIELD_NAMES}
    found = find_header(workbook.rows(sheet), frozenset(explicit) | frozenset(remembered_keys))
    if found is None:
        if not any(any(not normalise.is_blank(c) for c in row) for row in workbook.rows(sheet)):
            raise LayoutProblem(_("The sheet {sheet!r} is empty.").format(sheet=sheet))
        raise LayoutProblem(
            _("No header row found in the first {count} rows of {sheet!r}: "
              "expected a row naming the columns, such as Title, Topic, Learners and Cost.").format(count=HEADER_SEARCH_ROWS, sheet=sheet)
        )
    header_row, headers = found
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        if header:
            key = header_key(header)
            if key in seen:
                raise LayoutProblem(
                    _("Duplicate column headers in row {row}: columns {first} and {second} are both called {header!r}. "
                      "Rename one of them.").format(row=header_row, first=column_letter(seen[key]), second=column_letter(index), header=header)
                )
            seen[key] = index
    for header_text in explicit:
        if header_text not in seen:
            raise LayoutProblem(
                _("There is no column called {header!r} to map in row {row} of {sheet!r}.").format(header=header_text, row=header_row, sheet=sheet)
            )

    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        key = header_key(header)
        if key in explicit:
            name = explicit[key]
        else:
            name = remembered_keys.get(key) or field_for_header(header)
        if name:
            if name in mapping.values():
                other = next(i for i, n in mapping.items() if n == name)
                raise LayoutProblem(
                    _("Columns {first} ({first_header!r}) and {second} ({second_header!r}) both map to {field!r}. "
                      "Choose one of them for that field.").format(
                        first=column_letter(other), first_header=headers[other], second=column_letter(index), second_header=header,
                        field=_(FIELDS_BY_NAME[name].label),
                    )
                )
            mapping[index] = name
    if "title" not in mapping.values():
        raise LayoutProblem(
            _("No column for the course title in row {row} of {sheet!r}. Choose the column that holds it "
              "(on the command line: --map \"Course=title\").").format(row=header_row, sheet=sheet)
        )
    return Layout(sheet, header_row, headers, mapping)


def choose_sheet(workbook: Workbook, requested: str | None = None) -> str:
    """The sheet named, the only sheet, or the one that clearly holds the provision; otherwise ask."""
    if requested:
        if requested not in workbook.sheet_names:
            raise LayoutProblem(
                _("{file} has no sheet called {sheet!r}.").format(file=workbook.filename, sheet=requested), sheets=workbook.sheet_names
            )
        return requested
    if len(workbook.sheet_names) == 1:
        return workbook.sheet_names[0]
    named = [s for s in workbook.sheet_names if any(word in s.lower() for word in PROVISION_SHEET_WORDS)]
    if len(named) == 1:
        return named[0]
    candidates = []
    for sheet in workbook.sheet_names:
        found = find_header(workbook.rows(sheet))
        if found and "title" in {field_for_header(h) for h in found[1]}:
            candidates.append(sheet)
    if len(candidates) == 1:
        return candidates[0]
    raise LayoutProblem(
        _("Which sheet holds the provision? {file} has: {sheets}.").format(file=workbook.filename, sheets=", ".join(workbook.sheet_names)),
        sheets=workbook.sheet_names,
    )


_CONVERTERS = {
    "title": normalise.text,
    "topic": normalise.text,
    "delivery_method": normalise.delivery_method,
    "provider_type": normalise.provider_type,
    "provider_name": normalise.text,
    "accreditation": normalise.accreditation,
    "level": normalise.level,
    "duration_hours": normalise.hours,
    "sessions_per_year": normalise.whole_number,
    "learners_per_year": normalise.whole_number,
    "annual_cost_gbp": normalise.pence,
    "venue": normalise.text,
    "notes": normalise.text,
}
CONVERSION_CACHE_SIZE = 2_000  # distinct spellings remembered per column; bounded so memory stays flat
_UNSEEN = object()
NUMERIC = {"duration_hours", "sessions_per_year", "learners_per_year", "annual_cost_gbp"}


class ReturnParser:
    """Streams a sheet's rows into `Line`s and collects problems and totals in `summary`."""

    def __init__(self, workbook: Workbook, layout: Layout, *, max_problems: int = 500):
        self.workbook = workbook
        self.layout = layout
        self.summary = Summary()
        self.max_problems = max_problems
        formulas = workbook.formula_cells_without_values(layout.sheet)
        if formulas:
            raise FileProblem(
                _("Cells {cells} in {sheet!r} hold formulas with no saved result. Open the file in your spreadsheet "
                  "program, let it calculate, save, and upload it again.").format(cells=", ".join(formulas), sheet=layout.sheet)
            )
        # Worked out once per sheet, not once per row: this loop runs for every line of every return.
        self._title_index = next(i for i, n in layout.mapping.items() if n == "title")
        self._converters = [(index, FIELD_NAMES.index(name), _CONVERTERS[name]) for index, name in sorted(layout.mapping.items())]
        self._width = max(layout.mapping) + 1
        self._limits = [MAX_LENGTHS.get(name, 0) for name in FIELD_NAMES]
        self._text_indexes = [i for i, n in layout.mapping.items() if n not in NUMERIC]
        self._number_indexes = [i for i, n in layout.mapping.items() if n in NUMERIC]
        self._caches: list[dict] = [{} for _ in FIELD_NAMES]  # per field: text as written -> value (or BadValue)

    def _problem(self, row, index, value, reason):
        if len(self.summary.problems) < self.max_problems:
            column = self.layout.headers[index] if index is not None else None
            column = column or (column_letter(index) if index is not None else None)
            self.summary.problems.append(Problem(row, column, "" if value is None else str(value), reason))

    def _convert(self, number: int, cells: list) -> Line | None:
        # Values go straight into their place in Line (its fields follow FIELD_NAMES), without a dict per row.
        values = [None] * len(FIELD_NAMES)
        ok = True
        text, blanks, caches = normalise.text, normalise.BLANKS, self._caches
        for index, position, convert in self._converters:
            raw = cells[index]
            if raw == "" or raw is None:
                continue
            if convert is text and type(raw) is str:
                # Inline the commonest case (a text cell in a text column): a function call per cell adds up.
                cleaned = " ".join(raw.split())
                value = None if len(cleaned) <= 9 and cleaned.lower() in blanks else cleaned
            elif type(raw) is str or type(raw) is float:
                # Columns repeat a handful of spellings (and durations) down thousands of rows: convert each once.
                # Only text and floats share this cache, so 1, 1.0 and True (equal as keys) cannot be confused.
                cache = caches[position]
                value = cache.get(raw, _UNSEEN)
                if value is _UNSEEN:
                    try:
                        value = convert(raw)
                    except normalise.BadValue as error:
                        value = error
                    if len(cache) < CONVERSION_CACHE_SIZE:
                        cache[raw] = value
                if type(value) is normalise.BadValue:
                    self._problem(number, index, raw, _("{field}: {problem}").format(field=_(PROVISION_FIELDS[position].label), problem=value))
                    ok = False
                    continue
            else:
                try:
                    value = convert(raw)
                except normalise.BadValue as error:
                    self._problem(number, index, raw, _("{field}: {problem}").format(field=_(PROVISION_FIELDS[position].label), problem=error))
                    ok = False
                    continue
            limit = self._limits[position]
            if limit and value is not None and len(value) > limit:
                self._problem(number, index, raw, _("{field}: longer than {limit} characters").format(
                    field=_(PROVISION_FIELDS[position].label), limit=limit))
                ok = False
            values[position] = value
        if not values[0]:
            self._problem(number, self._title_index, "", _("Title is required"))
            return None
        return Line(number, *values) if ok else None

    @staticmethod
    def _blank(cell) -> bool:
        return cell == "" or cell is None or normalise.is_blank(cell)

    def _numbers_only(self, cells: list) -> bool:
        """A row with no text but numbers in the number columns: a totals row without a label."""
        return not any(not self._blank(cells[i]) for i in self._text_indexes) and any(
            not self._blank(cells[i]) for i in self._number_indexes
        )

    def lines(self) -> Iterator[Line]:
        rows = self.workbook.rows(self.layout.sheet)
        pending: tuple[int, list] | None = None  # an unlabelled numbers-only row, a total if nothing follows it
        header_row, width, title_index = self.layout.header_row, self._width, self._title_index
        accept, looks_like_total = self._accept, normalise.looks_like_total
        total_starts = normalise.TOTAL_STARTS  # a cheap first test, without a call: most titles cannot be a totals label
        for number, cells in enumerate(rows, start=1):
            if number <= header_row:
                continue
            if len(cells) < width:
                cells = [*cells, *([""] * (width - len(cells)))]
            title = cells[title_index]
            titled = bool(title) and not (isinstance(title, str) and len(title) <= 12 and normalise.is_blank(title))
            if not titled and all(self._blank(cell) for cell in cells):
                self.summary.skipped_blank += 1
                continue
            if pending is not None:
                line = accept(*pending)
                if line is not None:
                    yield line
                pending = None
            if any(type(cell) is str and (cell[:3].lower() in total_starts or cell[:1].isspace()) and looks_like_total(cell) for cell in cells[: title_index + 1]):
                self.summary.skipped_totals += 1
                self.summary.totals_rows.append(number)
                continue
            if not titled and self._numbers_only(cells):
                pending = (number, cells)
                continue
            line = accept(number, cells)
            if line is not None:
                yield line
        if pending is not None:
            self.summary.skipped_totals += 1
            self.summary.totals_rows.append(pending[0])

    def _accept(self, number: int, cells: list) -> Line | None:
        line = self._convert(number, cells)
        if line is not None:
            summary = self.summary
            summary.lines += 1
            summary.total_learners += line.learners_per_year or 0
            summary.total_cost_pence += line.annual_cost_pence or 0
        return line


def parse_all(workbook: Workbook, layout: Layout) -> tuple[list[Line], Summary]:
    parser = ReturnParser(workbook, layout)
    lines = list(parser.lines())
    return lines, parser.summary
