"""The costs app's services and pages, end to end through the database and the engine."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from partnering.core.models import AuditEntry
from partnering.costs import services
from partnering.costs.models import Cost, Drawdown, PoolBasis
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory, employ, partnership_role

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.fixture
def region():
    partnership = PartnershipFactory(name="Schools ICT", slug="schools-ict")
    rct = CouncilFactory(name="Rhondda Cynon Taf", short_name="RCT", slug="rct", headcount=11000)
    merthyr = CouncilFactory(name="Merthyr Tydfil", short_name="Merthyr", slug="merthyr", headcount=2500)
    outsider = CouncilFactory(name="Cardiff", slug="cardiff")
    for council in (rct, merthyr):
        MembershipFactory(partnership=partnership, council=council)
    coordinator = PersonFactory(email="coordinator@test.test")
    partnership_role(coordinator, partnership, "coordinator")
    lead = PersonFactory(email="lead.merthyr@test.test")
    employ(lead, merthyr, "lead", "staff")
    rct_lead = PersonFactory(email="lead.rct@test.test")
    employ(rct_lead, rct, "lead", "staff")
    outsider_lead = PersonFactory(email="lead.cardiff@test.test")
    employ(outsider_lead, outsider, "lead", "staff")
    return {"partnership": partnership, "rct": rct, "merthyr": merthyr, "outsider": outsider, "coordinator": coordinator,
            "lead": lead, "rct_lead": rct_lead, "outsider_lead": outsider_lead}


def _pool(region, basis="fixed", figures=None):
    pool = services.create_pool(partnership=region["partnership"], actor=region["coordinator"], name="Programme team",
                                purpose="programme_office", councils=[region["rct"], region["merthyr"]])
    figures = figures or {region["rct"].pk: (D("80"), "Programme agreement", None), region["merthyr"].pk: (D("20"), "Programme agreement", None)}
    services.set_basis(pool=pool, actor=region["coordinator"], effective_from=datetime.date(2013, 4, 1), basis=basis, figures=figures)
    return pool


def test_a_host_council_paying_the_pool_is_owed_its_partners_shares(region):
    pool = _pool(region)
    services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                         amount=D("120000.00"), description="Programme manager")
    period = services.pool_period(pool, *services.period_of(2013))
    assert [(r["council"].slug, r["share"], r["paid"], r["balance"]) for r in period.rows] == [
        ("merthyr", D("24000.00"), D("0.00"), D("24000.00")), ("rct", D("96000.00"), D("120000.00"), D("-24000.00"))]
    assert [(r["payer"].slug, r["payee"].slug, r["amount"]) for r in period.recharges] == [("merthyr", "rct", D("24000.00"))]


def test_a_new_basis_from_a_date_leaves_earlier_costs_as_they_were(region):
    pool = _pool(region)
    services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                         amount=D("1000.00"), description="before")
    services.set_basis(pool=pool, actor=region["coordinator"], effective_from=datetime.date(2013, 10, 1), basis="equal")
    services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2013, 11, 1),
                         amount=D("1000.00"), description="after")
    shares = {r["council"].slug: r["share"] for r in services.pool_period(pool, *services.period_of(2013)).rows}
    assert shares == {"rct": D("1300.00"), "merthyr": D("700.00")}


def test_headcount_comes_from_partnering_with_its_source(region):
    pool = _pool(region)
    figures = services.figures_from_partnering(pool, PoolBasis.Measure.HEADCOUNT, datetime.date(2014, 1, 1))
    assert {(f.council.slug, f.value, str(f.source)) for f in figures} == {("rct", D("11000"), "Council profile"),
                                                                              ("merthyr", D("2500"), "Council profile")}


def test_fixed_shares_not_adding_to_100_are_refused_and_nothing_is_saved(region):
    pool = services.create_pool(partnership=region["partnership"], actor=region["coordinator"], name="Pool", purpose="other",
                                councils=[region["rct"], region["merthyr"]])
    with pytest.raises(services.Refused, match="not exactly 100"):
        services.set_basis(pool=pool, actor=region["coordinator"], effective_from=datetime.date(2013, 4, 1), basis="fixed",
                           figures={region["rct"].pk: (D("80"), "x", None), region["merthyr"].pk: (D("30"), "x", None)})
    assert not pool.bases.exists()


def test_a_typed_figure_needs_a_source(region):
    pool = services.create_pool(partnership=region["partnership"], actor=region["coordinator"], name="Pool", purpose="other",
                                councils=[region["rct"], region["merthyr"]])
    with pytest.raises(services.Refused, match="needs its source"):
        services.set_basis(pool=pool, actor=region["coordinator"], effective_from=datetime.date(2013, 4, 1), basis="pro_rata",
                           figures={region["rct"].pk: (D("80"), "", None), region["merthyr"].pk: (D("30"), "x", None)})


def test_a_lead_records_costs_only_for_their_own_council(region):
    pool = _pool(region)
    services.record_cost(pool=pool, actor=region["lead"], paid_by=region["merthyr"], date=datetime.date(2013, 6, 30),
                         amount=D("10.00"), description="room")
    with pytest.raises(services.Refused):
        services.record_cost(pool=pool, actor=region["lead"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                             amount=D("10.00"), description="room")
    with pytest.raises(PermissionDenied):
        services.record_cost(pool=pool, actor=region["outsider_lead"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                             amount=D("10.00"), description="room")


def test_a_cost_before_the_first_basis_is_refused(region):
    pool = _pool(region)
    with pytest.raises(services.Refused, match="first basis applies from"):
        services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2012, 6, 30),
                             amount=D("10.00"), description="early")


def test_every_change_is_audited_with_who_made_it(region):
    pool = _pool(region)
    cost = services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                                amount=D("10.00"), description="room")
    cost_id = str(cost.pk)
    services.remove_cost(cost=cost, actor=region["coordinator"])
    entries = AuditEntry.objects.filter(content_type__model="cost", object_id=cost_id)
    assert [(e.action, e.actor) for e in entries.order_by("pk")] == [(AuditEntry.Action.CREATE, region["coordinator"]),
                                                                     (AuditEntry.Action.DELETE, region["coordinator"])]
    assert all(e.partnership == region["partnership"] for e in entries)


def test_a_drawdown_over_the_cap_is_refused_and_not_kept(region):
    pool = services.create_entitlement(partnership=region["partnership"], actor=region["coordinator"], name="Support days",
                                       pool_days=D("14"), cap_days=D("3"))
    services.draw_down(pool=pool, actor=region["coordinator"], council=region["rct"], days=D("3"), date=datetime.date(2013, 5, 1))
    with pytest.raises(services.Refused, match="over the cap of 3 days"):
        services.draw_down(pool=pool, actor=region["coordinator"], council=region["rct"], days=D("1"), date=datetime.date(2013, 6, 1))
    assert Drawdown.objects.filter(pool=pool).count() == 1


def test_group_days_are_shared_among_the_groups_councils(region):
    pool = services.create_entitlement(partnership=region["partnership"], actor=region["coordinator"], name="Support days",
                                       pool_days=D("14"), cap_days=D("3"))
    for council in (region["rct"], region["merthyr"]):
        services.draw_down(pool=pool, actor=region["coordinator"], council=council, days=D("3"), date=datetime.date(2013, 5, 1))
    services.add_theme_group(pool=pool, actor=region["coordinator"], name="Workforce planning", days=D("1"),
                             members={region["rct"]: D("1"), region["merthyr"]: D("1")})
    services.use_one_to_one(pool=pool, actor=region["coordinator"], council=region["merthyr"], days=D("1"),
                            date=datetime.date(2013, 7, 1), description="Consultancy")
    rows = {c.slug: r for c, r in services.entitlement_statement(pool)["councils"]}
    assert rows["merthyr"]["used"] == D("1.50") and rows["merthyr"]["balance"] == D("1.50")
    assert rows["rct"]["groups"] == D("0.50")


def test_a_cut_that_takes_an_award_below_zero_is_refused(region):
    package = services.create_package(partnership=region["partnership"], actor=region["coordinator"], name="Grant",
                                      start_date=datetime.date(2013, 4, 1))
    award = services.add_package_entry(package=package, actor=region["coordinator"], what="award",
                                       values={"funder": "ESF", "awarded": D("100.00"), "bid": None})
    with pytest.raises(services.Refused, match="below zero"):
        services.add_package_entry(package=package, actor=region["coordinator"], what="amendment",
                                   values={"award": award, "date": datetime.date(2013, 5, 1), "change": D("-200.00"), "year": "",
                                           "reason": "cut"})
    assert not award.amendments.exists()


def test_the_statement_shows_the_councils_share_and_recharge(region):
    pool = _pool(region)
    services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                         amount=D("1000.00"), description="room")
    statement = services.council_statement(region["partnership"], region["merthyr"], 2013)
    assert statement.totals["share"] == D("200.00") and statement.totals["balance"] == D("200.00")
    assert [(r["payer"].slug, r["amount"]) for r in statement.recharges] == [("merthyr", D("200.00"))]


def test_a_lead_reads_their_councils_statement_but_not_their_partners(client, region):
    _pool(region)
    client.force_login(region["lead"])
    own = reverse("costs:statement", args=["schools-ict", "merthyr"])
    assert client.get(own).status_code == 200
    assert client.get(reverse("costs:statement", args=["schools-ict", "rct"])).status_code == 404
    assert client.get(reverse("costs:statement-download", args=["schools-ict", "merthyr", "xlsx"])).status_code == 200
    client.force_login(region["outsider_lead"])
    assert client.get(own).status_code == 404


def test_forms_show_refusals_as_errors_not_server_errors(client, region):
    pool = _pool(region)
    client.force_login(region["coordinator"])
    response = client.post(reverse("costs:cost-add", args=[pool.pk]), {
        "paid_by": region["rct"].pk, "date": "2012-01-01", "amount": "10.00", "kind": "revenue", "description": "early"})
    assert response.status_code == 200
    assert "first basis applies from" in response.content.decode()
    assert not Cost.objects.exists()
    response = client.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2014-04-01", "basis": "fixed", "measure": "typed",
        f"value_{region['rct'].pk}": "70", f"source_{region['rct'].pk}": "agreement",
        f"value_{region['merthyr'].pk}": "20", f"source_{region['merthyr'].pk}": "agreement"})
    assert response.status_code == 200 and "not exactly 100" in response.content.decode()
    assert pool.bases.count() == 1


def test_a_lead_sees_their_own_councils_figures_on_a_pool_and_the_coordinator_sees_every_councils(client, region):
    pool = _pool(region)
    services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                         amount=D("1000.00"), description="Programme manager")
    url = reverse("costs:pool-detail", args=[pool.pk]) + "?year=2013"
    client.force_login(region["lead"])
    page = client.get(url).content.decode()
    assert "Merthyr Tydfil" in page and "£200.00" in page  # their own share and recharge
    assert "£800.00" not in page and "Programme manager" not in page  # not Rhondda Cynon Taf's share or payments
    assert 'data-testid="own-figures-only"' in page
    client.force_login(region["coordinator"])
    page = client.get(url).content.decode()
    assert "£800.00" in page and "Programme manager" in page and 'data-testid="own-figures-only"' not in page


# --- The engine's messages reach the user through gettext ------------------------------------------------


@pytest.fixture
def marked_gettext(monkeypatch):
    """gettext that marks each message it was given, so a message that never went through it shows unmarked."""
    monkeypatch.setattr(services, "_", lambda message: f"«{message}»")


def test_figures_that_cannot_split_a_cost_are_refused_in_the_readers_language(region, marked_gettext):
    pool = services.create_pool(partnership=region["partnership"], actor=region["coordinator"], name="Pool", purpose="other",
                                councils=[region["rct"], region["merthyr"]])
    with pytest.raises(services.Refused) as refusal:
        services.set_basis(pool=pool, actor=region["coordinator"], effective_from=datetime.date(2013, 4, 1), basis="fixed",
                           figures={region["rct"].pk: (D("80"), "x", None), region["merthyr"].pk: (D("30"), "x", None)})
    assert str(refusal.value) == "«These figures cannot split a cost: «share: the parties' shares add up to 110, not exactly 100»»"


def test_a_period_that_cannot_be_split_says_why_in_the_readers_language(region, marked_gettext):
    pool = _pool(region)
    services.record_cost(pool=pool, actor=region["coordinator"], paid_by=region["rct"], date=datetime.date(2013, 6, 30),
                         amount=D("1000.00"), description="Programme manager")
    services.set_member_terms(pool=pool, actor=region["coordinator"], terms={
        region["rct"].pk: (None, D("100.00"), None), region["merthyr"].pk: (None, D("100.00"), None)})
    period = services.pool_period(pool, *services.period_of(2013))
    assert period.error == "«bases (from 2013-04-01): «cap: the parties' caps allow at most 200.00, less than the total 1000.00»»"


def test_a_funding_entry_that_would_not_add_up_is_refused_in_the_readers_language_on_its_field(region, marked_gettext):
    package = services.create_package(partnership=region["partnership"], actor=region["coordinator"], name="Grant",
                                      start_date=datetime.date(2013, 4, 1))
    award = services.add_package_entry(package=package, actor=region["coordinator"], what="award",
                                       values={"funder": "ESF", "awarded": D("100.00"), "bid": None})
    with pytest.raises(services.Refused) as refusal:
        services.add_package_entry(package=package, actor=region["coordinator"], what="amendment",
                                   values={"award": award, "date": datetime.date(2013, 5, 1), "change": D("-200.00"), "year": "",
                                           "reason": "cut"})
    assert str(refusal.value) == f"«That would not add up: «amendments[0] ({award.pk}).change: takes the award below zero»»"
    assert refusal.value.field == "change"


def test_taking_away_an_entry_that_would_not_add_up_is_refused_in_the_readers_language(region, marked_gettext):
    package = services.create_package(partnership=region["partnership"], actor=region["coordinator"], name="Grant",
                                      start_date=datetime.date(2013, 4, 1))
    line = services.add_package_entry(package=package, actor=region["coordinator"], what="profile",
                                      values={"year": "2013/14", "amount": D("100.00")})
    services.add_package_entry(package=package, actor=region["coordinator"], what="reprofile", values={
        "date": datetime.date(2013, 9, 1), "from_year": "2013/14", "to_year": "2014/15", "amount": D("100.00"), "reason": "late"})
    with pytest.raises(services.Refused) as refusal:
        services.remove_package_entry(entry=line, actor=region["coordinator"])
    assert str(refusal.value) == ("«Taking that away would not add up: «profile: 2013/14's planned spend goes below zero after "
                                  "amendments and re-profiling»»")
