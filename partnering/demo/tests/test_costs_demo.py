"""The demo's shared money, loaded through the costs services, gives the source studies' figures."""

import datetime
import io
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from partnering.access import scope_of
from partnering.access.costs import can_manage_costs
from partnering.core import audit
from partnering.core.models import AuditEntry
from partnering.costs import services
from partnering.costs.models import BasisFigure, CostPool, EntitlementPool, FundingPackage
from partnering.demo.loader import load_demo
from partnering.organisations.models import Partnership
from partnering.people.models import Person

pytestmark = pytest.mark.django_db

LATER = datetime.date(2026, 1, 1)  # after every demo end date


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module (it takes a while), inside a transaction rolled back at the end;
    each test runs in its own savepoint, so what one test changes the next does not see."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def package(name):
    return FundingPackage.objects.get(name=name)


def by_funder(statement, key):
    return {row["award"].funder: row[key] for row in statement.awards}


def test_the_schools_ict_programme_is_awarded_2647500_after_the_third_year_is_halved_and_100000_restored(demo):
    schools = package("ICT enabled schools transformation")
    assert schools.partnership.name == "ICT Enabled Schools Transformation Programme"
    assert {a.funder: a.awarded for a in schools.awards.all()} == {
        "Rhondda Cynon Taf": Decimal("2445600.00"), "Merthyr Tydfil": Decimal("611400.00")}  # £3.057m split 80/20
    statement = services.package_statement(schools, LATER)
    assert statement.figures["total_awarded"] == "2647500.00"
    assert by_funder(statement, "awarded") == {"Rhondda Cynon Taf": Decimal("2118000.00"), "Merthyr Tydfil": Decimal("529500.00")}
    assert {year: row["profiled"] for year, row in statement.figures["by_year"].items()} == {
        "2013/14": "1019000.00", "2014/15": "1019000.00", "2015/16": "609500.00"}
    assert sorted(a.reason for a in schools.awards.get(funder="Merthyr Tydfil").amendments.all()) == [
        "Restored on appeal", "Third year's funding halved"]


def test_the_schools_ict_programme_teams_recharge_draft_has_merthyr_tydfil_owing_the_host_a_fifth(demo):
    pool = CostPool.objects.get(name="Schools ICT programme team")
    period = services.pool_period(pool, *services.period_of(2013))
    assert period.error == ""
    assert period.total == sum(c.amount for c in pool.costs.all()) > 0
    assert {c.paid_by.slug for c in pool.costs.all()} == {"rhondda-cynon-taf"}
    [recharge] = period.recharges
    assert (recharge["payer"].slug, recharge["payee"].slug) == ("merthyr-tydfil", "rhondda-cynon-taf")
    assert recharge["amount"] == period.total * Decimal("0.20")


def test_the_legal_collaborations_underspend_of_35244_is_returned_to_its_funders_pro_rata_at_the_end_date(demo):
    legal = package("Legal services collaboration project")
    assert legal.end_date == datetime.date(2014, 12, 31)
    statement = services.package_statement(legal, LATER)
    assert by_funder(statement, "awarded") == {"European Social Fund": Decimal("144933.00"), "WLGA": Decimal("69767.00")}
    assert statement.figures["spent"] == "179456.00"
    assert statement.figures["spent_after_end"] == "0.00"
    assert statement.figures["underspend"] == "35244.00"
    assert by_funder(statement, "return") == {"European Social Fund": Decimal("23791.42"), "WLGA": Decimal("11452.58")}
    assert [w["code"] for w in statement.warnings] == ["ended_with_underspend"]


def test_denbighshires_senior_solicitor_is_counted_in_kind_apart_from_the_cash(demo):
    statement = services.package_statement(package("Legal services collaboration project"), LATER)
    [(council, value)] = statement.in_kind
    assert council.slug == "denbighshire"
    assert value == sum(k.days * k.day_rate for k in package("Legal services collaboration project").in_kind.all()) > 0
    assert statement.figures["spent"] == "179456.00"  # the in-kind value is not in the cash spent


def test_the_case_management_systems_capital_is_shared_exactly_and_pro_rata_to_legal_services_headcount(demo):
    pool = CostPool.objects.get(name="Shared case-management system")
    [cost] = pool.costs.all()
    assert cost.kind == "capital"
    period = services.pool_period(pool, *services.period_of(cost.date.year if cost.date.month >= 4 else cost.date.year - 1))
    assert period.total == cost.amount
    assert sum(row["share"] for row in period.rows) == cost.amount
    headcount = {f.council_id: f.value for f in BasisFigure.objects.filter(basis__pool=pool)}
    assert len(headcount) == 6 and len(set(headcount.values())) > 1
    for row in period.rows:
        exact = cost.amount * headcount[row["council"].pk] / sum(headcount.values())
        assert abs(row["share"] - exact) < Decimal("0.01"), row["council"]
    assert all(f.source == "Illustrative demo figure: legal-services headcount" for f in BasisFigure.objects.filter(basis__pool=pool))


def test_every_legal_council_saves_against_buying_its_own_system_and_the_savings_add_up(demo):
    pool = CostPool.objects.get(name="Shared case-management system")
    period = services.pool_period(pool, *services.period_of(2013))
    savings = period.savings
    assert savings is not None
    assert len(savings["councils"]) == 6
    assert all(row["better_off"] for row in savings["councils"].values())
    alone = sum(m.cost_alone for m in pool.members.all())
    assert sum(Decimal(row["saving"]) for row in savings["councils"].values()) == alone - period.total


def test_the_north_west_pool_has_its_14_days_drawn_by_six_councils_none_over_three(demo):
    pool = EntitlementPool.objects.get(name="Pooled support days")
    figures = services.entitlement_statement(pool)
    assert figures["figures"]["drawn"] == "14.00"
    assert figures["figures"]["refused"] == [] and figures["figures"]["overused"] == []
    drawn = {council.slug: row["entitlement"] for council, row in figures["councils"]}
    assert len(drawn) == 7
    assert sum(1 for days in drawn.values() if days > 0) == 6
    assert max(drawn.values()) == Decimal("3")


def test_one_north_west_council_uses_its_single_day_as_one_to_one_consultancy(demo):
    figures = services.entitlement_statement(EntitlementPool.objects.get(name="Pooled support days"))
    one_to_one = [(council, row) for council, row in figures["councils"] if row["one_to_one"] > 0]
    assert len(one_to_one) == 1
    _, row = one_to_one[0]
    assert row["entitlement"] == row["one_to_one"] == row["used"] == Decimal("1")
    assert row["groups"] == 0 and row["balance"] == 0


def test_the_north_west_pools_three_theme_groups_have_different_members_within_what_they_drew(demo):
    figures = services.entitlement_statement(EntitlementPool.objects.get(name="Pooled support days"))
    groups = figures["groups"]
    assert len(groups) == 3
    members = [frozenset(council.pk for council, _ in shares) for _, _, shares in groups]
    assert len(set(members)) == 3
    for _, days, shares in groups:
        assert sum(share for _, share in shares) == days
    assert all(row["balance"] >= 0 for _, row in figures["councils"])


def test_the_demo_coordinator_manages_the_three_partnerships_money(demo):
    scope = scope_of(Person.objects.get(email="coordinator@demo.test"))
    for name in ("ICT Enabled Schools Transformation Programme", "North Wales Legal Services Collaboration", "North West skills group"):
        assert can_manage_costs(scope, Partnership.objects.get(name=name)), name


def test_the_demos_money_is_recorded_in_the_audit_trail_as_entered_by_the_coordinator_through_the_command(demo):
    entries = AuditEntry.objects.filter(content_type__app_label="costs")
    assert entries.count() >= sum(m.objects.count() for m in apps.get_app_config("costs").get_models())
    assert set(entries.values_list("actor__email", "source")) == {("coordinator@demo.test", "command:load_demo")}


def test_loading_the_demo_twice_changes_none_of_its_shared_money(demo):
    def counts():
        return ({m.__name__: m.objects.count() for m in apps.get_app_config("costs").get_models()},
                AuditEntry.objects.filter(content_type__app_label="costs").count())

    before = counts()
    with audit.acting_as(None, source="command:load_demo"):
        report = load_demo()
    assert report.cost_records == 0
    assert counts() == before
