"""The demo's programmes, loaded through the programmes services, give the studies' objectives and figures."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction

from partnering.organisations.models import Council, Partnership
from partnering.people.models import Person
from partnering.programmes import services
from partnering.programmes.models import HighlightReport, Programme, Project
from partnering.register import opendata

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def _indicator(project, title):
    return next(row for _result, rows in services.indicator_rows(project) for row in rows if row.indicator.title == title)


def test_the_legal_collaborations_net_cost_target_is_5_per_cent_300000_below_the_2010_11_outturn_and_is_met(demo):
    project = Project.objects.get(name="Regional legal service")
    row = _indicator(project, "Net cost of legal services across the six councils")
    assert row.indicator.baseline == Decimal("6000000.00") and row.indicator.baseline_note == "2010/11 outturn"
    latest = row.indicator.periods.order_by("start_on").last()
    assert latest.target == row.indicator.baseline - Decimal("300000") == row.indicator.baseline * Decimal("0.95")
    assert row.actual.value == Decimal("5640000.00") and row.progress.met is True  # lower is better


def test_the_client_rating_comes_from_the_survey_hook_and_is_flagged_stale(demo):
    row = _indicator(Project.objects.get(name="Regional legal service"), "Clients rating the service good or excellent")
    assert (row.actual.value, row.period.target, row.progress.met) == (Decimal("96.00"), Decimal("95.00"), True)
    assert row.actual.computed and row.actual.stale  # the 2012/13 survey is more than a year old


def test_the_legal_collaboration_has_a_board_a_seconded_project_manager_and_a_decision_signed_off_by_all_six_councils(demo):
    project = Project.objects.get(name="Regional legal service")
    assert project.manager.employments.filter(council__slug="conwy").exists()
    assert project.programme.bodies.get(name="Legal services project team").parent.name == "North Wales Legal Services Board"
    decision = project.decisions.get()
    assert services.decision_state(decision).state == "approved" and decision.signoffs.filter(level=2).count() == 6


def test_western_bay_keeps_cashable_savings_apart_from_cost_avoidance(demo):
    programme = Programme.objects.get(slug="western-bay")
    totals = services.benefit_totals([b for p in programme.projects.all() for b in p.benefits.all()])
    assert totals.planned == {"cashable": Decimal("660000.00"), "avoidance": Decimal("900000.00")}
    assert totals.realised == {"cashable": Decimal("550000.00"), "avoidance": Decimal("660000.00")}
    assert len(totals.non_cash) == 3


def test_the_schools_ict_programme_has_a_highlight_report_each_month_and_december_is_red_with_a_missed_milestone(demo):
    programme = Programme.objects.get(slug="schools-ict")
    assert HighlightReport.objects.filter(programme=programme).count() == 12
    figures = services.highlight_figures(programme, datetime.date(2014, 12, 1), on=datetime.date(2015, 1, 15))
    network = next(r for r in figures["rows"] if r["project"].name == "Schools network and devices")
    assert network["status"].rag == "red"
    assert [m.title for m in network["due"]] == ["Primary schools connected"]
    assert [m.title for m in network["missed"]] == ["Primary schools connected"]
    assert [r.title for r in network["risks"]] == ["Third year's funding halved"]  # 5 × 4 = 20, above the board's 12
    assert figures["spend"]["awarded"] == Decimal("2647500.00")


def test_each_economic_ambition_workstream_is_led_by_a_different_council_with_its_own_senior_responsible_officer(demo):
    projects = Project.objects.filter(programme__slug="north-wales-economic-ambition").select_related("lead_council", "sro")
    assert projects.count() == 6
    assert len({p.lead_council_id for p in projects}) == 6
    for project in projects:
        assert project.sro.employments.filter(council=project.lead_council).exists(), project.name


def test_the_register_publishes_what_the_councils_chose_and_never_the_private_notes(demo):
    published = Project.objects.filter(published=True)
    assert set(published.values_list("name", flat=True)) == {
        "Regional legal service", "Integrated community services", "Shared commissioning for complex needs", "Regional safeguarding board",
        "Schools network and devices", "Skills and employment"}
    text = opendata.as_json(opendata.entries(opendata.prefetched(published)))
    assert "Wrexham's contribution" not in text  # the project's private notes
    assert "Private" not in text


def test_loading_the_demo_again_changes_nothing(demo):
    from partnering.demo.loader import slugify
    from partnering.demo.programmes import load_programmes

    partnerships = {p.slug: p for p in Partnership.objects.all()}
    councils = {c.slug: c for c in Council.objects.all()}
    assert load_programmes(partnerships, councils, actor=Person.objects.get(email="coordinator@demo.test")).added == 0
    assert slugify("North Wales Legal Services Collaboration") in partnerships
