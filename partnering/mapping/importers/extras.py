"""The return template's other sheets: what the council invests, and what collaboration exists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from . import normalise
from .fields import header_key
from .i18n import _
from .parsing import Problem
from .reading import Workbook

INVESTMENT_SHEET_WORDS = ("investment", "buddsoddiad")
ARRANGEMENT_SHEET_WORDS = ("arrangement", "collaboration", "trefniadau")

INVESTMENT_ITEMS = {
    "budget_pence": ("l and d budget", "learning and development budget", "budget", "training budget", "l d budget"),
    "trainer_fte": ("trainer fte", "trainers fte", "trainer full time equivalent", "trainers"),
    "elearning_platform": ("e learning platform", "elearning platform", "lms", "learning platform"),
    "headcount": ("headcount", "staff headcount", "staff in scope", "number of staff", "employees"),
}
_INVESTMENT_LOOKUP = {alias: name for name, aliases in INVESTMENT_ITEMS.items() for alias in aliases}


@dataclass
class InvestmentValues:
    budget_pence: int | None = None
    trainer_fte: Decimal | None = None
    elearning_platform: str | None = None
    headcount: int | None = None

    def any(self) -> bool:
        return any(value is not None for value in vars(self).values())


@dataclass
class ArrangementLine:
    row: int
    partners: list[str]
    subject: str
    kind: str
    description: str = ""


@dataclass
class Extras:
    investment: InvestmentValues = field(default_factory=InvestmentValues)
    arrangements: list[ArrangementLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _sheet(workbook: Workbook, words) -> str | None:
    return next((s for s in workbook.sheet_names if any(w in s.lower() for w in words)), None)


def read_extras(workbook: Workbook) -> Extras:
    extras = Extras()
    sheet = _sheet(workbook, INVESTMENT_SHEET_WORDS)
    if sheet:
        for number, cells in enumerate(workbook.rows(sheet), start=1):
            if len(cells) < 2:
                continue
            name = _INVESTMENT_LOOKUP.get(header_key(cells[0] if isinstance(cells[0], str) else ""))
            if not name:
                continue
            try:
                value = {
                    "budget_pence": normalise.pence,
                    "trainer_fte": normalise.decimal,
                    "elearning_platform": normalise.text,
                    "headcount": normalise.whole_number,
                }[name](cells[1])
            except normalise.BadValue as error:
                extras.problems.append(Problem(number, f"{sheet}: {cells[0]}", str(cells[1]), _("{field}: {problem}").format(field=cells[0], problem=error)))
                continue
            setattr(extras.investment, name, value)

    sheet = _sheet(workbook, ARRANGEMENT_SHEET_WORDS)
    if sheet:
        rows = iter(enumerate(workbook.rows(sheet), start=1))
        columns = None
        for _number, cells in rows:
            keys = [header_key(c) if isinstance(c, str) else "" for c in cells]
            if any("partner" in k for k in keys):
                columns = {
                    "partners": next(i for i, k in enumerate(keys) if "partner" in k),
                    "subject": next((i for i, k in enumerate(keys) if k in ("what", "subject", "topic or service", "on what", "service", "topic")), None),
                    "kind": next((i for i, k in enumerate(keys) if "arrangement" in k or k in ("type", "how")), None),
                    "description": next((i for i, k in enumerate(keys) if k in ("description", "notes", "details")), None),
                }
                break
        if columns:
            for number, cells in rows:
                def cell(name, cells=cells):
                    index = columns[name]
                    return cells[index] if index is not None and index < len(cells) else None

                if all(normalise.is_blank(c) for c in cells):
                    continue
                partners = [p.strip() for p in re.split(r"[;,\n]| and ", normalise.text(cell("partners")) or "") if p.strip()]
                try:
                    kind = normalise.arrangement_kind(cell("kind")) or "informal"
                except normalise.BadValue as error:
                    extras.problems.append(Problem(number, f"{sheet}: {_('Arrangement')}", str(cell("kind")), _("{field}: {problem}").format(field=_("Arrangement"), problem=error)))
                    continue
                if not partners:
                    extras.problems.append(Problem(number, f"{sheet}: {_('Partner councils')}", "", _("Name at least one partner council")))
                    continue
                extras.arrangements.append(
                    ArrangementLine(number, partners, normalise.text(cell("subject")) or "", kind, normalise.text(cell("description")) or "")
                )
    return extras
