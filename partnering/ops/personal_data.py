"""Subject access: everything Partnering holds about one person, gathered from every app.

A registry: each app adds a section with `register("label", function, heading=..., columns=[Column(...), ...])`,
where the function takes the person and returns a list of dicts. The label is the section's key in the JSON
download (the same in every language); the heading and the columns' labels are what the PDF shows, translated,
and each column's kind says how its values read there (dates, money, choices). A section registered with no
columns shows its dicts' keys as the PDF's column headings. Apps that cannot import this (pure cores) never need
to; apps register in their AppConfig.ready or here below."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnering.core.templatetags.partnering import money


@dataclass(frozen=True)
class Column:
    key: str  # the key in each row (and, for `rows`, the field path it is read from)
    label: str  # the PDF's column heading (lazily translated)
    kind: str = "text"  # "text", "date", "datetime", "number", "money" (pounds) or "choice"
    choices: Mapping | None = None  # for "choice": stored value -> label


@dataclass(frozen=True)
class Section:
    label: str  # the key in the JSON download
    heading: str  # the PDF's heading (lazily translated)
    function: Callable
    columns: tuple[Column, ...] = ()


SECTIONS: dict[str, Section] = {}


def register(label: str, function: Callable, *, heading: str | None = None, columns=()) -> None:
    SECTIONS[label] = Section(label, heading or label, function, tuple(columns))


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def rows(queryset, *fields) -> list[dict]:
    """The fields of each record, as stored (dates stay dates): the JSON download makes them plain, the PDF readable."""
    return [dict(zip(fields, row, strict=True)) for row in queryset.values_list(*fields)]


@dataclass
class Report:
    person: dict
    sections: dict[str, list[dict]]


def everything_about(person) -> Report:
    return Report(person={"email": person.email, "full_name": person.full_name, "language": person.language,
                          "date_joined": person.date_joined, "last_login": person.last_login},
                  sections={label: section.function(person) for label, section in SECTIONS.items()})


def as_json(report: Report) -> dict:
    """The report as JSON-friendly values: dates in ISO 8601, decimals as strings, the sections under their labels."""
    return {"person": {key: _plain(value) for key, value in report.person.items()},
            **{label: [{key: _plain(value) for key, value in row.items()} for row in found] for label, found in report.sections.items()}}


# --- The report as people read it (the PDF) ------------------------------------------------------------------------

NOTHING = "–"


def _number(value) -> str:
    """A figure with the decimals it needs and no more: Decimal("1.000") → 1, Decimal("0.600") → 0.6."""
    amount = Decimal(str(value))
    text = f"{amount:f}"
    places = len(text.split(".")[1].rstrip("0")) if "." in text else 0
    return number_format(amount, places, force_grouping=True)


def shown(value, kind: str = "text", choices: Mapping | None = None) -> str:
    """One value as a reader sees it, in the active language."""
    if value is None or value == "":
        return NOTHING
    if kind == "choice" and choices is not None:
        return str(choices.get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        moment = timezone.localtime(value) if timezone.is_aware(value) else value
        return date_format(moment, "j F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    if kind == "money":
        return money(value)
    if isinstance(value, (int, float, Decimal)):
        return _number(value)
    return str(value)


@dataclass
class Table:
    """A section as text: each heading and cell is (text, numeric), numeric ones (figures, money) right-aligned."""

    heading: str
    headers: list[tuple[str, bool]]
    rows: list[list[tuple[str, bool]]] = field(default_factory=list)


def _columns(section: Section, found: list[dict]) -> tuple[Column, ...]:
    if section.columns:
        return section.columns
    keys = list(dict.fromkeys(key for row in found for key in row))
    return tuple(Column(key, key) for key in keys)


def readable(report: Report) -> tuple[list[tuple[str, str]], list[Table]]:
    """The person's details as (label, value) pairs and each section as a table of text, for the PDF."""
    from partnering.people.models import Person

    person = report.person
    languages = dict(Person.Language.choices)
    details = [
        (_("Name"), shown(person["full_name"])),
        (_("Email address"), shown(person["email"])),
        (_("Language for emails"), shown(person["language"], "choice", languages)),
        (_("Joined Partnering"), shown(person["date_joined"])),
        (_("Last signed in"), shown(person["last_login"])),
    ]
    tables = []
    for label, section in SECTIONS.items():
        found = report.sections.get(label, [])
        columns = _columns(section, found)
        numeric = [column.kind in ("number", "money") for column in columns]
        tables.append(Table(
            heading=str(section.heading),
            headers=[(str(column.label), right) for column, right in zip(columns, numeric, strict=True)],
            rows=[[(shown(row.get(column.key), column.kind, column.choices), right) for column, right in zip(columns, numeric, strict=True)]
                  for row in found],
        ))
    return details, tables


# --- The sections of the apps that exist now ------------------------------------------------------------------------


def _section(label: str, heading: str, queryset_for: Callable, columns: list[Column]) -> None:
    """A section read straight from one model: `queryset_for(person)` gives the person's records, the columns their fields."""
    keys = [column.key for column in columns]
    register(label, lambda person: rows(queryset_for(person), *keys), heading=heading, columns=columns)


def _built_in() -> None:
    """The sections of the apps that exist now; new apps add theirs with register()."""
    from partnering.identity.models import SignIn
    from partnering.learning.models import Booking, RecordShare, TrainingRecord
    from partnering.people.models import Employment, PartnershipRole
    from partnering.workforce.models import Secondment, SharedPost

    council = gettext_lazy("Council")
    starts, ends = gettext_lazy("Start date"), gettext_lazy("End date")
    _section("employments", gettext_lazy("Jobs"), lambda p: Employment.objects.filter(person=p), [
        Column("council__name", council), Column("job_title", gettext_lazy("Job title")),
        Column("fte", gettext_lazy("Full-time equivalent"), "number"), Column("start_on", starts, "date"),
        Column("end_on", ends, "date"), Column("line_manager__email", gettext_lazy("Line manager")),
    ])
    _section("partnership roles", gettext_lazy("Partnership roles"), lambda p: PartnershipRole.objects.filter(person=p), [
        Column("partnership__name", gettext_lazy("Partnership")),
        Column("role", gettext_lazy("Role"), "choice", dict(PartnershipRole.Role.choices)),
        Column("start_on", starts, "date"), Column("end_on", ends, "date"),
    ])
    _section("bookings", gettext_lazy("Bookings"), lambda p: Booking.objects.filter(person=p), [
        Column("session__course__title", gettext_lazy("Course")), Column("session__starts_at", gettext_lazy("Session starts"), "datetime"),
        Column("council__name", gettext_lazy("Booked for")), Column("status", gettext_lazy("Status"), "choice", dict(Booking.Status.choices)),
        Column("created_at", gettext_lazy("Booked on"), "datetime"),
    ])
    _section("training records", gettext_lazy("Training record"), lambda p: TrainingRecord.objects.filter(person=p), [
        Column("title", gettext_lazy("Learning")), Column("completed_on", gettext_lazy("Completed"), "date"),
        Column("council__name", gettext_lazy("While working for")), Column("hours", gettext_lazy("Hours"), "number"),
    ])
    _section("training record shared with", gettext_lazy("Training record shared with"),
             lambda p: RecordShare.objects.filter(person=p), [
        Column("council__name", council), Column("granted_at", gettext_lazy("Shared on"), "datetime"),
        Column("revoked_at", gettext_lazy("Stopped sharing on"), "datetime"),
    ])
    _section("shared posts", gettext_lazy("Shared posts"), lambda p: SharedPost.objects.filter(person=p), [
        Column("title", gettext_lazy("Post")), Column("partnership__name", gettext_lazy("Partnership")),
        Column("employer__name", gettext_lazy("Employing council")), Column("start_on", starts, "date"), Column("end_on", ends, "date"),
        Column("charging", gettext_lazy("How the time is charged"), "choice", dict(SharedPost.Charging.choices)),
        Column("annual_cost", gettext_lazy("Annual cost, with on-costs"), "money"),
    ])
    _section("secondments", gettext_lazy("Secondments"), lambda p: Secondment.objects.filter(person=p), [
        Column("role", gettext_lazy("Role on secondment")), Column("partnership__name", gettext_lazy("Partnership")),
        Column("home__name", gettext_lazy("Seconded from")), Column("host__name", gettext_lazy("Seconded to")),
        Column("start_on", starts, "date"), Column("end_on", ends, "date"),
        Column("fte", gettext_lazy("Full-time equivalent"), "number"),
        Column("paid_by", gettext_lazy("Who pays"), "choice", dict(Secondment.Payer.choices)),
    ])
    _section("sign-ins", gettext_lazy("Sign-ins"), lambda p: SignIn.objects.filter(person=p), [
        Column("at", gettext_lazy("When"), "datetime"), Column("method", gettext_lazy("How"), "choice", dict(SignIn.Method.choices)),
        Column("council__name", gettext_lazy("Through the provider of")),
    ])


_built_in()
