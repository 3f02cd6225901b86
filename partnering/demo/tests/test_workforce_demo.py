"""The demo's shared staff, loaded through the workforce services, gives the studies' arrangements."""

import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from partnering.core import audit
from partnering.core.models import AuditEntry
from partnering.demo.loader import load_demo
from partnering.organisations.models import Partnership
from partnering.reference.years import current_financial_year
from partnering.workforce import services
from partnering.workforce.models import Recruitment, Secondment, SharedPost, Timesheet

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_the_schools_ict_project_assistant_is_paid_two_days_from_the_grant_and_three_by_the_council(demo):
    post = SharedPost.objects.get(title="Schools ICT programme project assistant")
    figures = services.post_figures(post, current_financial_year())
    assert [(row["share"].funder or row["share"].council.short_name, row["amount"]) for row in figures["shares"]] == [
        ("Schools ICT programme grant", Decimal("9600.00")), ("Rhondda Cynon Taf", Decimal("14400.00"))]
    assert figures["recharges"] == []


def test_the_legal_project_manager_is_seconded_from_denbighshire_with_the_post_back_filled(demo):
    secondment = Secondment.objects.get(person__email="legal.pm@demo.test")
    assert secondment.home.short_name == "Denbighshire" and secondment.host is None
    assert "acts up" in secondment.backfill


def test_the_legal_virtual_team_gives_and_gets_time_and_one_week_waits_for_approval(demo):
    legal = Partnership.objects.get(name="North Wales Legal Services Collaboration")
    figures = services.time_balances(legal, *services.period_of(current_financial_year()))
    net = {r["council"].short_name: r["net"] for r in figures["councils"]}
    assert net == {"Conwy": Decimal("-1"), "Denbighshire": Decimal("-5"), "Flintshire": Decimal("6")}  # hand-worked from the weeks
    assert sum(r["cover_given"] for r in figures["councils"]) == Decimal("11")
    assert Timesheet.objects.filter(partnership=legal, status=Timesheet.Status.SUBMITTED).count() == 1


def test_go_shared_services_finance_officer_is_recharged_to_the_three_other_councils(demo):
    post = SharedPost.objects.get(title="GO Shared Services finance officer")
    recharges = services.post_figures(post, current_financial_year())["recharges"]
    assert sorted(r["payer"].short_name for r in recharges) == ["Cotswold", "Forest of Dean", "West Oxfordshire"]
    assert {r["amount"] for r in recharges} == {Decimal("8000.00")}
    assert all(r["payee"].short_name == "Cheltenham" for r in recharges)


def test_two_partners_pay_scales_and_the_joint_recruitment_are_loaded(demo):
    legal = Partnership.objects.get(name="North Wales Legal Services Collaboration")
    table = services.side_by_side(legal, "Legal")
    assert [t.council.short_name for t in table["terms"]] == ["Denbighshire", "Flintshire"]
    assert all(row["differs"] for row in table["pay"])
    recruitment = Recruitment.objects.get(title="Shared senior solicitor")
    assert {p.grade for p in recruitment.partners.all()} == {"SO2"} and recruitment.host.short_name == "Denbighshire"


def test_loading_the_demo_twice_changes_none_of_its_shared_staff(demo):
    def counts():
        return ({m.__name__: m.objects.count() for m in apps.get_app_config("workforce").get_models()},
                AuditEntry.objects.filter(content_type__app_label="workforce").count())

    before = counts()
    with audit.acting_as(None, source="command:load_demo"):
        load_demo()
    assert counts() == before
