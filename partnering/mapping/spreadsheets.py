"""The return's own spreadsheets: exports of a council's lines and the blank return template."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

import xlsxwriter

from partnering.reference.spreadsheets import csv_bytes, neutralise, xlsx_bytes  # noqa: F401  (re-exported for exports)

from .importers.extras import INVESTMENT_ITEMS
from .importers.fields import ARRANGEMENT_KINDS, DELIVERY_METHODS, PROVIDER_TYPES, PROVISION_FIELDS


def return_template(topics: Sequence[str]) -> bytes:
    """The blank return: provision with dropdowns for controlled fields, investment, arrangements, guidance."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = workbook.add_format({"bold": True, "bg_color": "#DDE8F3", "border": 1})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    lists = workbook.add_worksheet("Lists")

    def named_list(column: int, name: str, values: Sequence[str]) -> str:
        for row, value in enumerate(values):
            lists.write_string(row, column, value)
        letter = chr(ord("A") + column)
        workbook.define_name(name, f"=Lists!${letter}$1:${letter}${max(len(values), 1)}")
        return name

    topic_list = named_list(0, "Topics", list(topics))
    method_list = named_list(1, "DeliveryMethods", list(DELIVERY_METHODS.values()))
    provider_list = named_list(2, "ProviderTypes", list(PROVIDER_TYPES.values()))
    arrangement_list = named_list(3, "Arrangements", list(ARRANGEMENT_KINDS.values()))
    lists.hide()

    provision = workbook.add_worksheet("Provision")
    for column, field in enumerate(PROVISION_FIELDS):
        provision.write_string(0, column, field.label + (" *" if field.required else ""), bold)
        provision.set_column(column, column, 40 if field.name in ("title", "notes") else 18)
    dropdowns = {"topic": topic_list, "delivery_method": method_list, "provider_type": provider_list}
    for column, field in enumerate(PROVISION_FIELDS):
        if field.name in dropdowns:
            provision.data_validation(1, column, 5000, column, {
                "validate": "list", "source": f"={dropdowns[field.name]}", "error_type": "warning",
                "input_title": field.label, "input_message": "Choose from the list, or type your own.",
            })
        elif field.name in ("duration_hours", "sessions_per_year", "learners_per_year", "annual_cost_gbp"):
            provision.data_validation(1, column, 5000, column, {
                "validate": "decimal", "criteria": ">=", "value": 0,
                "error_message": "Enter a number of 0 or more, without text.",
            })
    provision.freeze_panes(1, 1)

    investment = workbook.add_worksheet("Investment")
    investment.write_row(0, 0, ["Item", "Value"], bold)
    labels = {"budget_pence": "L&D budget (£)", "trainer_fte": "Trainer FTE", "elearning_platform": "E-learning platform",
              "headcount": "Staff headcount"}
    for row, name in enumerate(INVESTMENT_ITEMS, start=1):
        investment.write_string(row, 0, labels[name])
    investment.set_column(0, 0, 28)
    investment.set_column(1, 1, 24)

    arrangements = workbook.add_worksheet("Arrangements")
    arrangements.write_row(0, 0, ["Partner councils", "What", "Arrangement", "Description"], bold)
    arrangements.data_validation(1, 2, 500, 2, {"validate": "list", "source": f"={arrangement_list}"})
    arrangements.set_column(0, 3, 30)

    guidance = workbook.add_worksheet("Guidance")
    guidance.set_column(0, 0, 100)
    notes = [
        "How to fill in your L&D return",
        "Provision: one row for each course, programme or learning resource you delivered or bought in the year. Title is required.",
        "Topic, Delivery method and Provider type have dropdowns. You may type your own; Partnering recognises common terms.",
        "Numbers: hours, sessions, learners and cost as plain numbers (no text). Cost is the year's total in pounds. Leave blank if unknown.",
        "Do not add a totals row; if you do, Partnering recognises it and leaves it out.",
        "Investment: the year's L&D budget in pounds, trainers as full-time equivalents, your e-learning platform and staff headcount.",
        "Arrangements: collaboration that already happens. Name partner councils separated by semicolons; Arrangement is one of: "
        + ", ".join(ARRANGEMENT_KINDS.values()) + ".",
    ]
    for row, text in enumerate(notes):
        guidance.write_string(row, 0, text, bold if row == 0 else wrap)
    provision.activate()
    workbook.close()
    return buffer.getvalue()


PROVISION_EXPORT_HEADERS = [field.label for field in PROVISION_FIELDS]


def provision_rows(lines) -> Iterable[list]:
    for line in lines:
        yield [
            line.title, str(line.topic) if line.topic else line.topic_as_written, line.get_delivery_method_display(),
            line.get_provider_type_display(), line.provider_name, line.accreditation, line.level,
            float(line.duration_hours) if line.duration_hours is not None else None, line.sessions_per_year,
            line.learners_per_year, line.annual_cost_pence / 100 if line.annual_cost_pence is not None else None,
            line.venue, line.notes,
        ]


def export_provision(lines, fmt: str) -> bytes:
    if fmt == "csv":
        return csv_bytes(PROVISION_EXPORT_HEADERS, provision_rows(lines))
    return xlsx_bytes([("Provision", PROVISION_EXPORT_HEADERS, provision_rows(lines))])
