"""The public register: signed out, published projects only, no private fields; CSV and JSON round-trip; the IATI
activity XML validates against the official IATI 2.03 schema (the schema files are in iati-schema/, unchanged)."""

import csv
import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from lxml import etree

from partnering.costs import services as costs
from partnering.programmes import services
from partnering.register import opendata

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(__file__).parent / "iati-schema"


@pytest.fixture(scope="module")
def iati_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


@pytest.fixture
def published(region):
    """The region's project, published with funding, results of every measure, benefits, enablers and barriers."""
    r = region
    package = costs.create_package(partnership=r.partnership, actor=r.coordinator, name="ESF and WLGA", start_date=datetime.date(2012, 4, 1),
                                   end_date=datetime.date(2015, 3, 31))
    costs.add_package_entry(package=package, actor=r.coordinator, what="award", values={"funder": "European Social Fund", "awarded": Decimal("144933")})
    costs.add_package_entry(package=package, actor=r.coordinator, what="award", values={"funder": "WLGA", "awarded": Decimal("69767")})
    costs.add_package_entry(package=package, actor=r.coordinator, what="profile", values={"year": "2012/13", "amount": Decimal("100000")})
    costs.add_package_entry(package=package, actor=r.coordinator, what="spend",
                            values={"date": datetime.date(2012, 9, 1), "amount": Decimal("45000"), "description": "Case-management licences"})
    services.update_project(project=r.project, actor=r.coordinator, funding_package=package, outcomes_summary="Net cost down 6%.")
    services.set_period(indicator=r.cost, actor=r.coordinator, start_on=datetime.date(2012, 4, 1), end_on=datetime.date(2013, 3, 31),
                        target=Decimal("5700000"), actual=Decimal("5640000"), comment="Outturn")
    clients = services.add_entry(project=r.project, actor=r.coordinator, what="result", values={"kind": "impact", "title": "Clients"})
    rating = services.add_indicator(result=clients, actor=r.coordinator, title="Rating good or excellent", measure="percentage",
                                    baseline=Decimal("88"), baseline_on=datetime.date(2011, 3, 31))
    services.set_period(indicator=rating, actor=r.coordinator, start_on=datetime.date(2012, 4, 1), end_on=datetime.date(2013, 3, 31),
                        target=Decimal("95"), actual=Decimal("96"))
    words = services.add_indicator(result=clients, actor=r.coordinator, title="What clients say", measure="qualitative",
                                   baseline_note="Slow answers")
    services.set_period(indicator=words, actor=r.coordinator, start_on=datetime.date(2012, 4, 1), end_on=datetime.date(2013, 3, 31),
                        target_text="Answers within a week", actual_text="Answers within three days")
    services.add_entry(project=r.project, actor=r.coordinator, what="result", values={"kind": "output", "title": "No indicators yet"})
    for kind, text in (("enabler", "Trust between heads of legal"), ("barrier", "Six case-management systems")):
        services.add_entry(project=r.project, actor=r.coordinator, what="factor", values={"kind": kind, "text": text, "rank": 1})
    services.add_entry(project=r.project, actor=r.coordinator, what="benefit",
                       values={"kind": "cashable", "description": "Fewer external instructions", "planned": Decimal("300000")})
    services.add_entry(project=r.project, actor=r.coordinator, what="benefit",
                       values={"kind": "avoidance", "description": "Avoided agency lawyers", "planned": Decimal("120000")})
    services.add_entry(project=r.project, actor=r.coordinator, what="risk",
                       values={"title": "RISK THAT IS PRIVATE", "likelihood": 3, "impact": 3, "review_on": datetime.date(2026, 1, 1)})
    services.set_published(project=r.project, actor=r.lead, published=True)
    r.project.refresh_from_db()
    return r


def test_the_register_is_reached_signed_out_and_lists_the_published_project(client, published):
    page = client.get(reverse("register:index"))
    assert page.status_code == 200
    assert "Shared legal service" in page.content.decode()
    entry = client.get(reverse("register:project", args=[published.project.identifier]))
    assert entry.status_code == 200
    text = entry.content.decode()
    assert "One legal service for the region." in text and "European Social Fund" in text


def test_an_unpublished_project_is_on_no_page_and_in_no_file(client, region):
    assert client.get(reverse("register:project", args=[region.project.identifier])).status_code == 404
    for name in ("register:index", "register:csv", "register:json", "register:iati"):
        assert "Shared legal service" not in client.get(reverse(name)).content.decode(), name
    client.force_login(region.lead)  # not even for the lead council's own lead
    assert client.get(reverse("register:project", args=[region.project.identifier])).status_code == 404


def test_a_nonsense_identifier_is_not_found_not_an_error(client, published):
    for identifier in ("PRT-x", "nothing", "PRT-", "PRT-99999"):
        assert client.get(reverse("register:project", args=[identifier])).status_code == 404


def test_private_notes_risks_and_people_named_are_never_published(client, published):
    files = [client.get(reverse(name)).content.decode() for name in ("register:csv", "register:json", "register:iati")]
    files.append(client.get(reverse("register:project", args=[published.project.identifier])).content.decode())
    for text in files:
        assert "SECRET NOTE" not in text
        assert "RISK THAT IS PRIVATE" not in text
        assert "Gwen Lead" not in text  # the senior responsible officer, and the person who verified the figures


def test_the_register_filters_by_partner_region_theme_status_and_words(client, published):
    def names(**query):
        return [p.name for p in client.get(reverse("register:index"), query).context["page"].object_list]

    assert names(partner="conwy") == ["Shared legal service"]
    assert names(partner="outside") == []
    assert names(region="North Wales", theme="Legal services", status="active") == ["Shared legal service"]
    assert names(status="complete") == []
    assert names(q="legal region") == ["Shared legal service"]
    assert names(q="bananas") == []


def test_an_unknown_filter_value_is_named_in_an_error_not_a_500(client, published):
    page = client.get(reverse("register:index"), {"status": "exploded"})
    assert page.status_code == 200
    assert "status" in page.context["form"].errors


def test_the_iati_xml_validates_against_the_official_2_03_schema(client, published, iati_schema):
    response = client.get(reverse("register:iati"))
    assert response["Content-Type"] == "application/xml"
    document = etree.fromstring(response.content)
    assert iati_schema.validate(document), iati_schema.error_log
    activity = document.find("iati-activity")
    assert activity.findtext("iati-identifier") == f"GB-PARTNERING-nw-legal-PRT-{published.project.pk}"
    assert [o.findtext("narrative") for o in activity.findall("participating-org[@role='1']")] == ["European Social Fund", "WLGA"]
    assert {t.find("transaction-type").get("code") for t in activity.findall("transaction")} == {"1", "4"}
    assert activity.find("budget/value").text == "100000.00"
    indicators = activity.findall("result/indicator")
    assert [i.get("measure") for i in indicators] == ["1", "2", "5"]
    assert indicators[0].get("ascending") == "0"
    assert indicators[0].find("baseline").get("value") == "6000000"
    assert indicators[0].find("period/actual").get("value") == "5640000"


def test_the_schema_really_refuses_a_broken_activity(published, iati_schema):
    document = etree.fromstring(opendata.as_iati([published.project]))
    activity = document.find("iati-activity")
    activity.remove(activity.find("reporting-org"))
    assert not iati_schema.validate(document)


def test_the_identifiers_are_stable_when_the_project_changes(published):
    before = opendata.entry(published.project)
    services.update_project(project=published.project, actor=published.coordinator, name="Regional legal service")
    after = opendata.entry(published.project)
    assert (after["identifier"], after["iati_identifier"]) == (before["identifier"], before["iati_identifier"])
    assert after["name"] == "Regional legal service"


def test_csv_and_json_round_trip_to_the_same_register(client, published):
    data = json.loads(client.get(reverse("register:json")).content)
    rows = list(csv.DictReader(io.StringIO(client.get(reverse("register:csv")).content.decode())))
    assert len(rows) == len(data["projects"]) == 1
    expected = {k: ("" if v is None else str(v)) for k, v in opendata.csv_row(data["projects"][0]).items()}
    assert rows[0] == expected
    assert rows[0]["cashable_planned"] == "300000.00" and rows[0]["avoidance_planned"] == "120000.00"
    assert data["projects"][0]["benefits"]["cashable_savings"]["planned"] == "300000.00"


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_defused(published):
    services.update_project(project=published.project, actor=published.coordinator, purpose="=HYPERLINK(\"http://evil\")")
    text = opendata.as_csv(opendata.entries([published.project]))
    assert "'=HYPERLINK" in text


def test_the_register_pages_are_in_welsh_when_asked(client, published):
    client.post(reverse("set_language"), {"language": "cy", "next": "/register/"})
    page = client.get(reverse("register:index"))
    assert page.status_code == 200 and 'lang="cy"' in page.content.decode()


def test_the_register_lists_queries_do_not_grow_with_the_number_of_projects(client, published):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("register:index")).status_code == 200
        return len(queries)

    one = count()
    for n in range(3):
        more = services.create_project(programme=published.programme, actor=published.coordinator, name=f"Project {n}",
                                       lead_council=published.conwy, purpose="More work together.")
        services.set_published(project=more, actor=published.coordinator, published=True)
    assert count() == one
