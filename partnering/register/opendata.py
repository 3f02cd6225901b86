"""The register's entries as plain data, and as CSV, JSON and IATI activity XML (version 2.03).

`entry(project)` is the one place that decides what of a project is public: its purpose, partners and roles,
lead, dates, funding by funder, budget and spend, results with baseline/target/actual, benefits kept apart
by kind, outcomes, enablers, barriers and status. Private notes, risks, decisions, lessons and the people
named on a project are never read here. Identifiers are stable: a project is "PRT-<number>" for ever, and
its IATI identifier is the reporting partnership's identifier followed by it.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils import timezone

from partnering.programmes import services
from partnering.programmes.models import Benefit, Factor, PartnerOrganisation, Project

IATI_VERSION = "2.03"
# No registration agency numbers UK councils' partnerships, so the organisation identifiers use this prefix
# (provisional until the partnership registers as an IATI publisher and has its own).
ORG_PREFIX = "GB-PARTNERING"
ACTIVITY_STATUS = {"proposed": "1", "active": "2", "complete": "4", "closed": "5"}
RESULT_TYPE = {"output": "1", "outcome": "2", "impact": "3"}
MEASURE = {"unit": "1", "percentage": "2", "qualitative": "5"}
ORG_TYPE = {  # IATI OrganisationType codes
    "council": "10", PartnerOrganisation.Kind.HEALTH: "15", PartnerOrganisation.Kind.COLLEGE: "80",
    PartnerOrganisation.Kind.THIRD_SECTOR: "22", PartnerOrganisation.Kind.UNION: "90", PartnerOrganisation.Kind.NATIONAL: "10",
    PartnerOrganisation.Kind.OTHER: "15",
}
CSV_COLUMNS = ["identifier", "iati_identifier", "name", "programme", "partnership", "region", "theme", "status", "lead_council",
               "partners", "purpose", "start_on", "end_on", "funders", "outcomes", "enablers", "barriers", "cashable_planned",
               "cashable_realised", "avoidance_planned", "avoidance_realised", "non_cash", "results", "published_on", "updated_at"]


def reporting_org_ref(project: Project) -> str:
    return f"{ORG_PREFIX}-{project.programme.partnership.slug}"


def iati_identifier(project: Project) -> str:
    return f"{reporting_org_ref(project)}-{project.identifier}"


def _money(value) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def _figure(value) -> str | None:
    return None if value is None else format(Decimal(value).normalize(), "f")


def _funding(project: Project, on: datetime.date) -> dict:
    package = project.funding_package
    if package is None:
        return {"funders": [], "budget": [], "spent": None, "start": None, "end": None}
    statement = services_package_statement(package, on)
    funders = [{"funder": row["award"].funder, "awarded": _money(row["awarded"])} for row in statement.awards]
    figures = statement.figures
    budget = [{"year": year, "amount": _money(Decimal(f["profiled"]))} for year, f in figures["by_year"].items() if "profiled" in f]
    spend = [{"date": s.date.isoformat(), "amount": _money(s.amount), "description": s.description} for s in package.spend.order_by("date", "pk")]
    return {"funders": funders, "budget": budget, "spent": _money(Decimal(figures["spent"])), "spend": spend,
            "start": package.start_date.isoformat() if package.start_date else None,
            "end": package.end_date.isoformat() if package.end_date else None}


def services_package_statement(package, on):
    from partnering.costs.services import package_statement

    return package_statement(package, on)


def entry(project: Project, on: datetime.date | None = None) -> dict:
    """A published project's public record (plain data)."""
    on = on or timezone.localdate()
    benefits = list(project.benefits.all())
    totals = services.benefit_totals(benefits)
    factors = list(project.factors.all())
    results = []
    for result, rows in services.indicator_rows(project, on):
        results.append({
            "kind": result.kind, "title": result.title, "description": result.description,
            "indicators": [{
                "title": row.indicator.title, "measure": row.indicator.measure, "ascending": row.indicator.ascending,
                "baseline": _figure(row.indicator.baseline), "baseline_on": row.indicator.baseline_on.isoformat() if row.indicator.baseline_on else None,
                "baseline_note": row.indicator.baseline_note,
                "periods": [{"start_on": p.start_on.isoformat(), "end_on": p.end_on.isoformat(), "target": _figure(p.target),
                             "actual": _figure(p.actual), "target_text": p.target_text, "actual_text": p.actual_text, "comment": p.comment}
                            for p in row.indicator.periods.all()],
                "actual_now": _figure(row.actual.value), "actual_text": row.actual.text,
                "as_of": row.actual.as_of.isoformat() if row.actual.as_of else None, "stale": row.actual.stale,
                "computed": row.actual.computed, "target_met": row.progress.met,
            } for row in rows],
        })
    lead = project.lead_council
    return {
        "identifier": project.identifier,
        "iati_identifier": iati_identifier(project),
        "name": project.name,
        "programme": project.programme.name,
        "partnership": project.programme.partnership.name,
        "region": lead.region or lead.country,
        "theme": project.programme.theme,
        "status": project.status,
        "lead_council": lead.name,
        "partners": [{"name": pc.council.name, "kind": "council", "role": pc.role} for pc in project.councils.all()]
        + [{"name": p.organisation.name, "kind": p.organisation.kind, "role": p.role} for p in project.organisations.all()],
        "purpose": project.purpose,
        "start_on": project.start_on.isoformat() if project.start_on else None,
        "end_on": project.end_on.isoformat() if project.end_on else None,
        "funding": _funding(project, on),
        "outcomes": project.outcomes_summary,
        "results": results,
        "benefits": {
            "cashable_savings": {"planned": _money(totals.planned["cashable"]), "realised": _money(totals.realised["cashable"])},
            "cost_avoidance": {"planned": _money(totals.planned["avoidance"]), "realised": _money(totals.realised["avoidance"])},
            "non_cash": [{"description": b.description, "category": b.category} for b in benefits if b.kind == Benefit.Kind.NON_CASH],
        },
        "enablers": [f.text for f in factors if f.kind == Factor.Kind.ENABLER],
        "barriers": [f.text for f in factors if f.kind == Factor.Kind.BARRIER],
        "published_on": project.published_on.isoformat() if project.published_on else None,
        "updated_at": project.register_updated_at.isoformat() if project.register_updated_at else None,
    }


def entries(projects, on: datetime.date | None = None) -> list[dict]:
    return [entry(p, on) for p in projects]


def as_json(rows: list[dict]) -> str:
    return json.dumps({"register": "Partnering collaboration register", "generated": timezone.now().isoformat(), "projects": rows},
                      indent=2, ensure_ascii=False)


def csv_row(row: dict) -> dict:
    """One CSV line per project: lists joined with " | ", results summed up in words."""
    results = []
    for result in row["results"]:
        for ind in result["indicators"]:
            last = ind["periods"][-1] if ind["periods"] else {}
            results.append(f"{ind['title']}: baseline {ind['baseline'] or ind['baseline_note'] or '-'}, target "
                           f"{last.get('target') or last.get('target_text') or '-'}, actual {ind['actual_now'] or ind['actual_text'] or '-'}")
    b = row["benefits"]
    return {
        **{k: row[k] for k in ("identifier", "iati_identifier", "name", "programme", "partnership", "region", "theme", "status", "lead_council",
                               "purpose", "start_on", "end_on", "outcomes", "published_on", "updated_at")},
        "partners": " | ".join(f"{p['name']} ({p['role']})" for p in row["partners"]),
        "funders": " | ".join(f"{f['funder']}: {f['awarded']}" for f in row["funding"]["funders"]),
        "enablers": " | ".join(row["enablers"]), "barriers": " | ".join(row["barriers"]),
        "cashable_planned": b["cashable_savings"]["planned"], "cashable_realised": b["cashable_savings"]["realised"],
        "avoidance_planned": b["cost_avoidance"]["planned"], "avoidance_realised": b["cost_avoidance"]["realised"],
        "non_cash": " | ".join(n["description"] for n in b["non_cash"]),
        "results": " | ".join(results),
    }


def as_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else _safe_cell(v)) for k, v in csv_row(row).items()})
    return out.getvalue()


def _safe_cell(value) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
        return True
    except Exception:
        return False


# --- IATI activity XML 2.03 --------------------------------------------------------------------------------

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _narrative(parent, tag: str, text: str, **attrs):
    element = ET.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    ET.SubElement(element, "narrative").text = text
    return element


def _fy_bounds(year: str) -> tuple[str, str]:
    start = int(year[:4])
    return datetime.date(start, 4, 1).isoformat(), datetime.date(start + 1, 3, 31).isoformat()


def as_iati(projects, on: datetime.date | None = None) -> bytes:
    """The published projects as an IATI activities file, version 2.03."""
    on = on or timezone.localdate()
    root = ET.Element("iati-activities", {"version": IATI_VERSION, "generated-datetime": timezone.now().replace(microsecond=0).isoformat()})
    for project in projects:
        row = entry(project, on)
        updated = (project.register_updated_at or timezone.now()).replace(microsecond=0).isoformat()
        activity = ET.SubElement(root, "iati-activity", {"last-updated-datetime": updated, XML_LANG: "en", "default-currency": "GBP"})
        ET.SubElement(activity, "iati-identifier").text = row["iati_identifier"]
        reporting = ET.SubElement(activity, "reporting-org", {"ref": reporting_org_ref(project), "type": "10"})
        ET.SubElement(reporting, "narrative").text = row["partnership"]
        _narrative(activity, "title", row["name"])
        _narrative(activity, "description", row["purpose"] or row["name"], type="1")
        if row["outcomes"]:
            _narrative(activity, "description", row["outcomes"], type="2")
        for funder in row["funding"]["funders"]:
            _narrative(activity, "participating-org", funder["funder"], role="1")
        lead_ref = f"{ORG_PREFIX}-council-{project.lead_council.slug}"
        _narrative(activity, "participating-org", f"{row['lead_council']} (lead council)", role="2", ref=lead_ref, type="10")
        for partner in row["partners"]:
            _narrative(activity, "participating-org", f"{partner['name']} ({partner['role']})", role="4", type=ORG_TYPE.get(partner["kind"], "90"))
        ET.SubElement(activity, "activity-status", {"code": ACTIVITY_STATUS.get(row["status"], "2")})
        start = row["start_on"] or row["published_on"] or on.isoformat()
        ET.SubElement(activity, "activity-date", {"type": "2" if row["status"] != "proposed" else "1", "iso-date": start})
        if row["end_on"]:
            ET.SubElement(activity, "activity-date", {"type": "4" if row["status"] in ("complete", "closed") else "3", "iso-date": row["end_on"]})
        ET.SubElement(activity, "recipient-country", {"code": "GB", "percentage": "100"})
        for line in row["funding"]["budget"]:
            period_start, period_end = _fy_bounds(line["year"])
            budget = ET.SubElement(activity, "budget", {"type": "1", "status": "2"})
            ET.SubElement(budget, "period-start", {"iso-date": period_start})
            ET.SubElement(budget, "period-end", {"iso-date": period_end})
            ET.SubElement(budget, "value", {"currency": "GBP", "value-date": period_start}).text = line["amount"]
        funding_start = row["funding"]["start"] or start
        for funder in row["funding"]["funders"]:
            transaction = ET.SubElement(activity, "transaction")
            ET.SubElement(transaction, "transaction-type", {"code": "1"})  # incoming funds
            ET.SubElement(transaction, "transaction-date", {"iso-date": funding_start})
            ET.SubElement(transaction, "value", {"currency": "GBP", "value-date": funding_start}).text = funder["awarded"]
            _narrative(transaction, "description", "Award")
            provider = ET.SubElement(transaction, "provider-org")
            ET.SubElement(provider, "narrative").text = funder["funder"]
        for spend in row["funding"].get("spend", []):
            transaction = ET.SubElement(activity, "transaction")
            ET.SubElement(transaction, "transaction-type", {"code": "4"})  # expenditure
            ET.SubElement(transaction, "transaction-date", {"iso-date": spend["date"]})
            ET.SubElement(transaction, "value", {"currency": "GBP", "value-date": spend["date"]}).text = spend["amount"]
            _narrative(transaction, "description", spend["description"] or "Spend")
        for result in row["results"]:
            if not result["indicators"]:
                continue  # IATI needs at least one indicator per result
            element = ET.SubElement(activity, "result", {"type": RESULT_TYPE[result["kind"]]})
            _narrative(element, "title", result["title"])
            if result["description"]:
                _narrative(element, "description", result["description"])
            for ind in result["indicators"]:
                attrs = {"measure": MEASURE[ind["measure"]]}
                if ind["measure"] != "qualitative":
                    attrs["ascending"] = "1" if ind["ascending"] else "0"
                indicator = ET.SubElement(element, "indicator", attrs)
                _narrative(indicator, "title", ind["title"])
                if ind["baseline"] is not None or ind["baseline_note"]:
                    year = ind["baseline_on"][:4] if ind["baseline_on"] else (start[:4])
                    battrs = {"year": year}
                    if ind["baseline_on"]:
                        battrs["iso-date"] = ind["baseline_on"]
                    if ind["baseline"] is not None and ind["measure"] != "qualitative":
                        battrs["value"] = ind["baseline"]
                    baseline = ET.SubElement(indicator, "baseline", battrs)
                    if ind["baseline_note"]:
                        _narrative(baseline, "comment", ind["baseline_note"])
                for p in ind["periods"]:
                    period = ET.SubElement(indicator, "period")
                    ET.SubElement(period, "period-start", {"iso-date": p["start_on"]})
                    ET.SubElement(period, "period-end", {"iso-date": p["end_on"]})
                    for kind in ("target", "actual"):
                        value, text = p[kind], p[f"{kind}_text"]
                        if value is None and not text:
                            continue
                        tattrs = {"value": value} if value is not None and ind["measure"] != "qualitative" else {}
                        target = ET.SubElement(period, kind, tattrs)
                        note = text or (p["comment"] if kind == "actual" else "")
                        if note:
                            _narrative(target, "comment", note)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def prefetched(projects):
    """The register's projects with what their entries read, in identifier order."""
    return (projects
            .select_related("programme__partnership", "lead_council", "funding_package")
            .prefetch_related("benefits", "factors", "councils__council", "organisations__organisation")
            .order_by("pk"))
