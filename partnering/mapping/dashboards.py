"""Management information from the councils' returns: what is invested, delivered, how and by whom.

Figures are computed in the database over the current (active) lines; a table is a
list of dicts with the same keys as its column definitions, ready for the page,
the chart and the .xlsx download.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

from django.db.models import Count, Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from partnering.core import changes
from partnering.reference.labels import DELIVERY_METHOD_LABELS, PROVIDER_TYPE_LABELS

from .models import Arrangement, Investment, Provision, Topic, divide_half_up


@dataclass
class Table:
    key: str
    title: str
    columns: list[tuple[str, str, str]]  # (key, label, kind: text | number | money | decimal)
    rows: list[dict]
    chart: tuple[str, str] | None = None  # (label column, value column) for the bar chart

    def chart_data(self) -> dict | None:
        if not self.chart or not self.rows:
            return None
        label_key, value_key = self.chart
        value_label = next(label for key, label, _kind in self.columns if key == value_key)
        money = next(kind for key, _label, kind in self.columns if key == value_key) == "money"
        values = [(row.get(value_key) or 0) / 100 if money else (row.get(value_key) or 0) for row in self.rows]
        return {"labels": [str(row[label_key]) for row in self.rows], "label": str(value_label), "values": values}

    def spreadsheet(self) -> tuple[str, list[str], list[list]]:
        headers = [str(label) for _key, label, _kind in self.columns]
        rows = [
            [(row.get(key) / 100 if kind == "money" and row.get(key) is not None else
              float(row[key]) if kind == "decimal" and row.get(key) is not None else row.get(key))
             for key, _label, kind in self.columns]
            for row in self.rows
        ]
        return str(self.title), headers, rows


@dataclass
class Filters:
    year: int
    council_ids: list[int] = field(default_factory=list)
    topic_id: int | None = None
    method: str = ""


def _per_thousand(value, headcount):
    return round(value * 1000 / headcount, 1) if value is not None and headcount else None


def headcounts(councils, year: int) -> dict[int, int | None]:
    """Staff headcount for the year: from the investment return, else the council profile."""
    from_returns = dict(Investment.objects.filter(council__in=councils, year=year, headcount__isnull=False).values_list("council_id", "headcount"))
    return {c.pk: from_returns.get(c.pk) or c.headcount for c in councils}


def build_cached(councils, filters: Filters) -> tuple[list[Table], str]:
    """build(), kept until the figures change (a large partnership's dashboard sums 15,000 lines), and the key it
    was kept under, for the page to keep its drawn tables under too."""
    councils = list(councils)
    parts = ("dashboard", [c.pk for c in councils], filters.year, filters.council_ids, filters.topic_id, filters.method)
    key = changes.key(changes.FIGURES, parts)
    return changes.kept(key, lambda: [_in_words(table) for table in build(councils, filters)]), key


def _in_words(table: Table) -> Table:
    """The table with its lazy translations turned into text, in the language its cache key holds: a lazy string is
    kept as the recipe for making it, so every read of the cache would translate each label again."""
    def text(value):
        return str(value) if isinstance(value, Promise) else value
    return replace(table, title=text(table.title), columns=[(key, text(label), kind) for key, label, kind in table.columns],
                   rows=[{key: text(value) for key, value in row.items()} for row in table.rows])


def build(councils, filters: Filters) -> list[Table]:
    councils = list(councils)
    council_ids = [c.pk for c in councils if not filters.council_ids or c.pk in filters.council_ids]
    lines = Provision.objects.current().filter(council_id__in=council_ids, year=filters.year)
    if filters.topic_id:
        lines = lines.filter(topic_id=filters.topic_id)
    if filters.method:
        lines = lines.filter(delivery_method=filters.method)
    staff = headcounts([c for c in councils if c.pk in council_ids], filters.year)
    totals = {"lines": Count("pk"), "sessions": Sum("sessions_per_year"), "learners": Sum("learners_per_year"), "spend": Sum("annual_cost_pence")}
    money_columns = [("lines", _("Lines"), "number"), ("sessions", _("Sessions"), "number"), ("learners", _("Learners"), "number"), ("spend", _("Spend"), "money")]

    tables = []
    investments = {i.council_id: i for i in Investment.objects.filter(council_id__in=council_ids, year=filters.year)}
    invested = []
    for council in councils:
        if council.pk not in council_ids:
            continue
        investment = investments.get(council.pk)
        budget = investment.budget_pence if investment else None
        invested.append({
            "council": council.short_name,
            "budget": budget,
            "trainer_fte": investment.trainer_fte if investment else None,
            "platform": investment.elearning_platform if investment else "",
            "headcount": staff.get(council.pk),
            "per_head": divide_half_up(budget, staff[council.pk]) if budget is not None and staff.get(council.pk) else None,
            "per_thousand": divide_half_up(budget * 1000, staff[council.pk]) if budget is not None and staff.get(council.pk) else None,
        })
    tables.append(Table("invested", _("What is invested, by council"), [
        ("council", _("Council"), "text"), ("budget", _("L&D budget"), "money"), ("trainer_fte", _("Trainers (FTE)"), "decimal"),
        ("platform", _("E-learning platform"), "text"), ("headcount", _("Staff headcount"), "number"),
        ("per_head", _("Spend per head"), "money"), ("per_thousand", _("Spend per 1,000 staff"), "money"),
    ], invested, chart=("council", "budget")))

    # One grouped read of the lines, summed here by each table's dimension: six aggregate queries over the same
    # lines cost about three times as much on a large partnership (15,000 lines).
    dimensions = ("council_id", "topic_id", "delivery_method", "provider_type", "provider_name")
    groups = [Group._make(row) for row in lines.order_by().values(*dimensions).annotate(**totals).values_list(*dimensions, *totals)]
    topic_names = dict(Topic.objects.filter(pk__in={g.topic_id for g in groups}).values_list("pk", "name"))
    no_topic = str(_("No topic"))

    def topic_of(group):
        return topic_names.get(group.topic_id) or no_topic

    by_topic = [{"topic": topic, **sums} for topic, sums in _summed(groups, topic_of).items()]
    by_topic.sort(key=lambda row: (_descending(row["spend"]), row["topic"]))
    tables.append(Table("topics", _("What is delivered, by topic"), [("topic", _("Topic"), "text"), *money_columns], by_topic, chart=("topic", "learners")))

    sums_by_council = _summed(groups, lambda g: g.council_id)
    by_council = []
    for council in sorted(councils, key=lambda c: c.name):
        if (sums := sums_by_council.get(council.pk)) is None:
            continue
        headcount = staff.get(council.pk)
        by_council.append({
            "council": council.short_name, **sums,
            "lines_per_thousand": _per_thousand(sums["lines"], headcount),
            "learners_per_thousand": _per_thousand(sums["learners"], headcount),
            "spend_per_thousand": divide_half_up(sums["spend"] * 1000, headcount) if sums["spend"] is not None and headcount else None,
        })
    tables.append(Table("councils", _("What is delivered, by council"), [
        ("council", _("Council"), "text"), *money_columns,
        ("lines_per_thousand", _("Lines per 1,000 staff"), "decimal"), ("learners_per_thousand", _("Learners per 1,000 staff"), "decimal"),
        ("spend_per_thousand", _("Spend per 1,000 staff"), "money"),
    ], by_council, chart=("council", "learners_per_thousand")))

    by_method = [{"method": str(DELIVERY_METHOD_LABELS.get(method, _("Not given"))), **sums}
                 for method, sums in _summed(groups, lambda g: g.delivery_method).items()]
    by_method.sort(key=lambda row: (-row["lines"], row["method"]))
    tables.append(Table("methods", _("How it is delivered"), [("method", _("Delivery method"), "text"), *money_columns], by_method, chart=("method", "lines")))

    by_provider_type = [{"provider_type": str(PROVIDER_TYPE_LABELS.get(kind, _("Not given"))), **sums}
                        for kind, sums in _summed(groups, lambda g: g.provider_type).items()]
    by_provider_type.sort(key=lambda row: (_descending(row["spend"]), row["provider_type"]))
    tables.append(Table("provider_types", _("Who delivers it: in-house or external"), [("provider_type", _("Provider type"), "text"), *money_columns], by_provider_type, chart=("provider_type", "spend")))

    named = [g for g in groups if g.provider_name]
    councils_of = _distinct(named, lambda g: g.provider_name, lambda g: g.council_id)
    providers = [{"provider": provider, "councils": len(councils_of[provider]), **{k: sums[k] for k in ("lines", "learners", "spend")}}
                 for provider, sums in _summed(named, lambda g: g.provider_name).items()]
    providers.sort(key=lambda row: (_descending(row["spend"]), row["provider"]))
    tables.append(Table("providers", _("Providers ranked by spend"), [
        ("provider", _("Provider"), "text"), ("councils", _("Councils using them"), "number"), ("lines", _("Lines"), "number"),
        ("learners", _("Learners"), "number"), ("spend", _("Spend"), "money"),
    ], providers[:20], chart=("provider", "spend")))

    providers_of_topic = _distinct(named, topic_of, lambda g: g.provider_name)
    councils_of_topic = _distinct(named, topic_of, lambda g: g.council_id)
    providers_per_topic = [{"topic": topic, "providers": len(names_), "councils": len(councils_of_topic[topic])}
                           for topic, names_ in providers_of_topic.items()]
    providers_per_topic.sort(key=lambda row: (-row["providers"], row["topic"]))
    tables.append(Table("providers_per_topic", _("Different providers used for each topic"), [
        ("topic", _("Topic"), "text"), ("providers", _("Providers"), "number"), ("councils", _("Councils"), "number"),
    ], providers_per_topic, chart=("topic", "providers")))

    # The councils' own records of collaboration; an outside council's arrangement that names a member is that council's.
    arrangements = Arrangement.objects.filter(council_id__in=council_ids, year=filters.year)
    collaboration = [
        {"council": a.council.short_name, "partners": ", ".join(p.short_name for p in a.partners.all()), "subject": a.subject,
         "kind": a.get_kind_display(), "description": a.description}
        for a in arrangements.select_related("council").prefetch_related("partners").order_by("council__name", "subject")
    ]
    tables.append(Table("collaboration", _("Collaboration that already takes place"), [
        ("council", _("Council"), "text"), ("partners", _("With"), "text"), ("subject", _("On what"), "text"),
        ("kind", _("Arrangement"), "text"), ("description", _("Description"), "text"),
    ], collaboration))
    return tables


class Group(NamedTuple):
    """The lines that share a council, topic, method, provider type and provider, summed."""

    council_id: int
    topic_id: int | None
    delivery_method: str
    provider_type: str
    provider_name: str
    lines: int
    sessions: int | None
    learners: int | None
    spend: int | None


def _summed(groups, key) -> dict:
    """Totals by `key`, in first-seen order; a sum with no figure at all stays None, as SQL's SUM does."""
    sums: dict = {}
    for group in groups:
        row = sums.get(name := key(group))
        if row is None:
            row = sums[name] = [0, None, None, None]
        row[0] += group.lines
        for n, value in enumerate((group.sessions, group.learners, group.spend), start=1):
            if value is not None:
                row[n] = (row[n] or 0) + value
    return {name: dict(zip(("lines", "sessions", "learners", "spend"), row, strict=True)) for name, row in sums.items()}


def _distinct(groups, key, value) -> dict[object, set]:
    found: dict = {}
    for group in groups:
        found.setdefault(key(group), set()).add(value(group))
    return found


def _descending(amount):
    """Sorts the largest first and no figure last."""
    return (amount is None, -(amount or 0))


def totals_of(tables: list[Table]) -> dict:
    topics = next(t for t in tables if t.key == "topics")
    return {
        "lines": sum(r["lines"] or 0 for r in topics.rows),
        "learners": sum(r["learners"] or 0 for r in topics.rows),
        "spend": sum(r["spend"] or 0 for r in topics.rows),
    }
