"""The costs pages through the Django test client: every form saves what it should and redirects, bad input
comes back on the form with an error on the field it concerns and writes nothing, removals are audited,
and the downloads hold the figures the pages show."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from partnering.core.models import AuditEntry
from partnering.costs import services
from partnering.costs.models import (
    Amendment,
    Award,
    BasisFigure,
    Claim,
    Cost,
    CostPool,
    Drawdown,
    EntitlementPool,
    FundingPackage,
    InKind,
    OneToOne,
    PoolBasis,
    PoolCouncil,
    ProfileLine,
    Reprofile,
    Spend,
    ThemeGroup,
)
from partnering.mapping.models import Investment
from tests.html_checks import assert_aria_references_exist, assert_hints_and_errors_are_announced

pytestmark = pytest.mark.django_db

D = Decimal
START = datetime.date(2024, 4, 1)  # 2024/25, a past financial year: pages default to the current one


# --- building a small region's money ----------------------------------------------------------------


@pytest.fixture
def coordinator(client, region):
    client.force_login(region.coordinator)
    return client


def _pool(region, *, basis="fixed", figures=None, name="Programme office"):
    pool = services.create_pool(partnership=region.network, actor=region.coordinator, name=name, purpose="programme_office",
                                councils=[region.north, region.south])
    if figures is None:
        figures = {region.north.pk: (D("80"), "Programme agreement", None), region.south.pk: (D("20"), "Programme agreement", None)}
    services.set_basis(pool=pool, actor=region.coordinator, effective_from=START, basis=basis, figures=figures)
    return pool


def _cost(region, pool, amount="1000.00", paid_by=None, date=datetime.date(2024, 6, 30), description="Programme manager"):
    return services.record_cost(pool=pool, actor=region.coordinator, paid_by=paid_by or region.north, date=date, amount=D(amount),
                                description=description)


def _package(region, **extra):
    values = {"name": "Skills grant", "start_date": datetime.date(2024, 4, 1), "end_date": datetime.date(2026, 3, 31), **extra}
    return services.create_package(partnership=region.network, actor=region.coordinator, **values)


def _award(region, package, funder="ESF", awarded="1000.00"):
    return services.add_package_entry(package=package, actor=region.coordinator, what="award",
                                      values={"funder": funder, "awarded": D(awarded), "bid": None})


def _entitlement(region, pool_days="14", cap_days="3"):
    return services.create_entitlement(partnership=region.network, actor=region.coordinator, name="Support days",
                                       pool_days=D(pool_days), cap_days=D(cap_days))


def _errors_on(response, field):
    """The form came back (200) with an error on `field` that the error summary links to."""
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    assert field in form.errors, f"no error on {field}: {form.errors.as_data()}"
    assert f'href="#{form[field].first_control_id}"' in response.content.decode()
    assert_aria_references_exist(response.content)
    assert_hints_and_errors_are_announced(response.content)
    return " ".join(form.errors[field])


def _deleted(model, pk, actor):
    entries = AuditEntry.objects.filter(content_type__app_label="costs", content_type__model=model._meta.model_name,
                                        object_id=str(pk), action=AuditEntry.Action.DELETE)
    return [entry.actor for entry in entries] == [actor]


# --- cost pools ------------------------------------------------------------------------------------------


def test_a_coordinator_sets_up_a_pool_and_is_sent_to_agree_how_it_is_split(coordinator, region):
    response = coordinator.post(reverse("costs:pool-create", args=[region.network.slug]), {
        "name": "Shared case system", "purpose": "shared_system", "description": "", "councils": [region.north.pk, region.south.pk],
        "course": "", "tolerance": "5.00"})
    pool = CostPool.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("costs:pool-basis", args=[pool.pk])
    assert (pool.name, pool.purpose, pool.tolerance, pool.recorded_by) == ("Shared case system", "shared_system", D("5.00"),
                                                                           region.coordinator)
    assert set(pool.members.values_list("council__slug", flat=True)) == {"north", "south"}
    assert AuditEntry.objects.filter(content_type__model="costpool", action=AuditEntry.Action.CREATE, actor=region.coordinator).exists()


def test_a_pool_for_one_council_is_refused_on_the_councils_and_nothing_is_saved(coordinator, region):
    response = coordinator.post(reverse("costs:pool-create", args=[region.network.slug]), {
        "name": "Alone", "purpose": "other", "councils": [region.north.pk], "tolerance": "0"})
    assert "at least two councils" in _errors_on(response, "councils")
    assert not CostPool.objects.exists()


def test_a_pool_without_a_name_or_with_a_council_from_outside_is_shown_again(coordinator, region):
    response = coordinator.post(reverse("costs:pool-create", args=[region.network.slug]), {
        "name": "", "purpose": "other", "councils": [region.north.pk, region.outsider.pk], "tolerance": "0"})
    _errors_on(response, "name")
    _errors_on(response, "councils")
    assert not CostPool.objects.exists()


def test_terms_save_each_councils_cost_alone_cap_floor_and_the_tolerance(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-terms", args=[pool.pk]), {
        "tolerance": "10.00", f"cost_alone_{n}": "900.00", f"cap_{n}": "", f"floor_{n}": "",
        f"cost_alone_{s}": "400.00", f"cap_{s}": "150.00", f"floor_{s}": "50.00"})
    assert response.status_code == 302 and response["Location"] == reverse("costs:pool-detail", args=[pool.pk])
    pool.refresh_from_db()
    assert pool.tolerance == D("10.00")
    assert {(m.council.slug, m.cost_alone, m.cap, m.floor) for m in pool.members.all()} == {
        ("north", D("900.00"), None, None), ("south", D("400.00"), D("150.00"), D("50.00"))}


def test_a_floor_above_a_cap_is_refused_on_that_councils_floor_and_nothing_is_saved(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-terms", args=[pool.pk]), {
        "tolerance": "10.00", f"cost_alone_{n}": "900.00", f"cost_alone_{s}": "", f"cap_{s}": "100.00", f"floor_{s}": "200.00"})
    assert "more than the most it pays" in _errors_on(response, f"floor_{s}")
    pool.refresh_from_db()
    assert pool.tolerance == D("0") and not PoolCouncil.objects.filter(pool=pool, cost_alone__isnull=False).exists()


def test_a_negative_tolerance_is_refused_on_the_tolerance(coordinator, region):
    pool = _pool(region)
    response = coordinator.post(reverse("costs:pool-terms", args=[pool.pk]), {"tolerance": "-1"})
    _errors_on(response, "tolerance")


def test_a_basis_with_typed_figures_is_saved_with_their_sources(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2025-04-01", "basis": "pro_rata", "measure": "typed", "measure_label": "Legal-services headcount",
        "note": "Agreed at the board", f"value_{n}": "30", f"source_{n}": "HR return 2025", f"value_{s}": "10",
        f"source_{s}": "HR return 2025"})
    assert response.status_code == 302 and response["Location"] == reverse("costs:pool-detail", args=[pool.pk])
    basis = pool.bases.get(effective_from=datetime.date(2025, 4, 1))
    assert (basis.basis, basis.measure, basis.measure_label, basis.note) == ("pro_rata", "typed", "Legal-services headcount",
                                                                             "Agreed at the board")
    assert {(f.council.slug, f.value, f.source) for f in basis.figures.all()} == {("north", D("30"), "HR return 2025"),
                                                                                  ("south", D("10"), "HR return 2025")}


def test_a_hybrid_basis_keeps_its_equal_percentage(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2025-04-01", "basis": "hybrid", "equal_weight": "30", "measure": "typed",
        f"value_{n}": "3", f"source_{n}": "census", f"value_{s}": "1", f"source_{s}": "census"})
    assert response.status_code == 302
    assert pool.bases.get(effective_from=datetime.date(2025, 4, 1)).equal_weight == D("30")


def test_a_basis_takes_headcount_from_partnering_with_its_date_and_source(coordinator, region):
    Investment.objects.create(council=region.north, year=2023, headcount=3000)
    region.south.headcount = 1000
    region.south.save()
    pool = _pool(region)
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2024-10-01", "basis": "pro_rata", "measure": "headcount"})
    assert response.status_code == 302
    basis = pool.bases.get(effective_from=datetime.date(2024, 10, 1))
    assert basis.measure == "headcount"
    assert {(f.council.slug, f.value, f.source, f.as_of) for f in basis.figures.all()} == {
        ("north", D("3000"), "L&D return 2023/24", datetime.date(2024, 3, 31)), ("south", D("1000"), "Council profile", None)}


def test_headcount_partnering_does_not_hold_is_refused_on_the_measure(coordinator, region):
    pool = _pool(region)
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2024-10-01", "basis": "pro_rata", "measure": "headcount"})
    assert "type the figures in instead" in _errors_on(response, "measure")
    assert pool.bases.count() == 1 and not BasisFigure.objects.filter(basis__effective_from=datetime.date(2024, 10, 1)).exists()


def test_a_typed_figure_without_its_source_is_refused_on_that_source(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2025-04-01", "basis": "pro_rata", "measure": "typed",
        f"value_{n}": "30", f"source_{n}": "HR return", f"value_{s}": "10", f"source_{s}": " "})
    assert "needs its source" in _errors_on(response, f"source_{s}")
    assert pool.bases.count() == 1


def test_a_missing_figure_is_refused_on_that_councils_figure(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2025-04-01", "basis": "usage", "measure": "typed", f"value_{n}": "30", f"source_{n}": "register"})
    assert "has no figure" in _errors_on(response, f"value_{s}")
    assert pool.bases.count() == 1


def test_fixed_shares_not_adding_to_100_are_refused_on_the_figures(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2025-04-01", "basis": "fixed", "measure": "typed",
        f"value_{n}": "70", f"source_{n}": "agreement", f"value_{s}": "20", f"source_{s}": "agreement"})
    assert "not exactly 100" in _errors_on(response, f"value_{n}")
    assert pool.bases.count() == 1


def test_a_second_basis_on_the_same_day_or_a_bad_date_is_refused_on_the_date(coordinator, region):
    pool = _pool(region)
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": START.isoformat(), "basis": "equal", "measure": "typed"})
    assert "already has a basis" in _errors_on(response, "effective_from")
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "31/02/2025", "basis": "equal", "measure": "typed"})
    _errors_on(response, "effective_from")
    assert pool.bases.count() == 1


def test_a_hybrid_without_its_equal_percentage_is_refused_on_that_percentage(coordinator, region):
    pool = _pool(region)
    n, s = region.north.pk, region.south.pk
    response = coordinator.post(reverse("costs:pool-basis", args=[pool.pk]), {
        "effective_from": "2025-04-01", "basis": "hybrid", "measure": "typed",
        f"value_{n}": "3", f"source_{n}": "census", f"value_{s}": "1", f"source_{s}": "census"})
    assert "percentage is shared equally" in _errors_on(response, "equal_weight")
    assert pool.bases.count() == 1


def test_a_cost_is_recorded_and_the_pool_page_opens_on_its_year_with_the_shares_and_recharge(coordinator, region):
    pool = _pool(region)
    response = coordinator.post(reverse("costs:cost-add", args=[pool.pk]), {
        "paid_by": region.south.pk, "date": "2024-06-30", "amount": "1000.00", "kind": "revenue", "description": "Room hire"})
    cost = Cost.objects.get()
    assert (cost.paid_by, cost.amount, cost.kind, cost.description) == (region.south, D("1000.00"), "revenue", "Room hire")
    assert response.status_code == 302 and response["Location"] == f"{reverse('costs:pool-detail', args=[pool.pk])}?year=2024"
    page = coordinator.get(response["Location"])
    shares = {row["council"].slug: row["share"] for row in page.context["period"].rows}
    assert shares == {"north": D("800.00"), "south": D("200.00")}
    assert [(r["payer"].slug, r["payee"].slug, r["amount"]) for r in page.context["period"].recharges] == [("north", "south", D("800.00"))]
    assert "£800.00" in page.content.decode()


@pytest.mark.parametrize(("field", "value"), [("amount", "-5"), ("amount", "ten pounds"), ("date", "2024-13-01"), ("description", "")])
def test_a_cost_with_bad_input_is_shown_again_on_the_field_and_not_saved(coordinator, region, field, value):
    pool = _pool(region)
    data = {"paid_by": region.north.pk, "date": "2024-06-30", "amount": "10.00", "kind": "revenue", "description": "Room", field: value}
    _errors_on(coordinator.post(reverse("costs:cost-add", args=[pool.pk]), data), field)
    assert not Cost.objects.exists()


def test_a_lead_records_a_cost_only_for_their_own_council(client, region):
    pool = _pool(region)
    client.force_login(region.lead_north)
    response = client.post(reverse("costs:cost-add", args=[pool.pk]), {
        "paid_by": region.south.pk, "date": "2024-06-30", "amount": "10.00", "kind": "revenue", "description": "Room"})
    _errors_on(response, "paid_by")
    response = client.post(reverse("costs:cost-add", args=[pool.pk]), {
        "paid_by": region.north.pk, "date": "2024-06-30", "amount": "10.00", "kind": "revenue", "description": "Room"})
    assert response.status_code == 302
    assert list(Cost.objects.values_list("paid_by__slug", flat=True)) == ["north"]


def test_removing_a_cost_is_audited_and_leaves_the_pool_page(coordinator, region):
    pool = _pool(region)
    cost = _cost(region, pool)
    response = coordinator.post(reverse("costs:cost-remove", args=[cost.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("costs:pool-detail", args=[pool.pk])
    assert not Cost.objects.exists()
    assert _deleted(Cost, cost.pk, region.coordinator)


def test_removing_a_basis_is_audited_but_the_last_one_stays_while_costs_need_it(coordinator, region):
    pool = _pool(region)
    later = services.set_basis(pool=pool, actor=region.coordinator, effective_from=datetime.date(2025, 4, 1), basis="equal")
    _cost(region, pool)
    assert coordinator.post(reverse("costs:basis-remove", args=[later.pk])).status_code == 302
    assert not PoolBasis.objects.filter(pk=later.pk).exists() and _deleted(PoolBasis, later.pk, region.coordinator)
    first = pool.bases.get()
    response = coordinator.post(reverse("costs:basis-remove", args=[first.pk]), follow=True)
    assert "need a basis" in response.content.decode()
    assert pool.bases.filter(pk=first.pk).exists()


def test_removing_is_done_by_post_only(coordinator, region):
    pool = _pool(region)
    cost = _cost(region, pool)
    assert coordinator.get(reverse("costs:cost-remove", args=[cost.pk])).status_code == 405
    assert Cost.objects.filter(pk=cost.pk).exists()


def test_the_recharge_csv_holds_who_invoices_whom_and_how_much(coordinator, region):
    pool = _pool(region)
    _cost(region, pool, amount="1000.00", paid_by=region.south)
    _cost(region, pool, amount="99.99", paid_by=region.south, date=datetime.date(2024, 9, 1), description="Catering")
    _cost(region, pool, amount="5000.00", paid_by=region.south, date=datetime.date(2025, 5, 1), description="Next year")
    response = coordinator.get(reverse("costs:recharges", args=[pool.pk, "csv"]) + "?year=2024")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "2024-25" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content if response.streaming else [response.content])
                                       .decode("utf-8-sig"))))
    assert rows == [["Invoicing council", "Council invoiced", "Amount (£)", "For"],
                    ["South Council", "North Council", "879.99", "Programme office, 2024-04-01 to 2025-03-31"]]


def test_the_recharge_xlsx_holds_the_recharges_and_every_councils_balance(coordinator, region):
    pool = _pool(region)
    _cost(region, pool, amount="1000.00", paid_by=region.south)
    response = coordinator.get(reverse("costs:recharges", args=[pool.pk, "xlsx"]) + "?year=2024")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(_body(response)))
    assert book.sheetnames == ["Recharges", "Balances"]
    assert [list(r) for r in book["Recharges"].iter_rows(min_row=2, values_only=True)] == [
        ["South Council", "North Council", 800, "Programme office, 2024-04-01 to 2025-03-31"]]
    assert [list(r) for r in book["Balances"].iter_rows(values_only=True)] == [
        ["Council", "Share (£)", "Paid (£)", "Balance (£)"], ["North Council", 800, 0, 800], ["South Council", 200, 1000, -800]]


def test_a_recharge_download_in_another_format_is_not_found(coordinator, region):
    pool = _pool(region)
    assert coordinator.get(reverse("costs:recharges", args=[pool.pk, "pdf"])).status_code == 404


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- funding packages -------------------------------------------------------------------------------------


def test_a_coordinator_sets_up_a_funding_package(coordinator, region):
    response = coordinator.post(reverse("costs:package-create", args=[region.network.slug]), {
        "name": "Legal collaboration", "description": "ESF and WLGA", "start_date": "2013-04-01", "end_date": "2014-12-31",
        "warn_days": "60"})
    package = FundingPackage.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("costs:package-detail", args=[package.pk])
    assert (package.name, package.start_date, package.end_date, package.warn_days) == (
        "Legal collaboration", datetime.date(2013, 4, 1), datetime.date(2014, 12, 31), 60)


def test_a_package_ending_before_it_starts_is_refused_on_the_end_date(coordinator, region):
    response = coordinator.post(reverse("costs:package-create", args=[region.network.slug]), {
        "name": "Backwards", "start_date": "2014-04-01", "end_date": "2013-12-31", "warn_days": "90"})
    assert "before the start date" in _errors_on(response, "end_date")
    assert not FundingPackage.objects.exists()


def _add(client, package, what, data):
    return client.post(reverse("costs:package-add", args=[package.pk, what]), data)


def test_each_package_entry_is_saved_from_its_form(coordinator, region):
    package = _package(region)
    url = reverse("costs:package-detail", args=[package.pk])
    assert _add(coordinator, package, "award", {"funder": "ESF", "awarded": "144933.00", "bid": "150000.00"})["Location"] == url
    award = Award.objects.get()
    assert (award.funder, award.awarded, award.bid) == ("ESF", D("144933.00"), D("150000.00"))

    assert _add(coordinator, package, "profile", {"year": "2024/25", "amount": "70000.00"})["Location"] == url
    assert _add(coordinator, package, "profile", {"year": "2025/26", "amount": "69933.00"})["Location"] == url
    assert list(ProfileLine.objects.values_list("year", "amount")) == [("2024/25", D("70000.00")), ("2025/26", D("69933.00"))]

    assert _add(coordinator, package, "amendment", {"award": award.pk, "date": "2025-04-01", "change": "-5000.00",
                                                    "year": "2025/26", "reason": "Third year halved"})["Location"] == url
    assert list(Amendment.objects.values_list("change", "year", "reason")) == [(D("-5000.00"), "2025/26", "Third year halved")]

    assert _add(coordinator, package, "reprofile", {"date": "2025-01-10", "from_year": "2024/25", "to_year": "2025/26",
                                                    "amount": "8000.00", "reason": "Recruitment delayed"})["Location"] == url
    assert list(Reprofile.objects.values_list("from_year", "to_year", "amount")) == [("2024/25", "2025/26", D("8000.00"))]

    assert _add(coordinator, package, "spend", {"date": "2024-05-31", "amount": "12000.00", "kind": "capital",
                                                "description": "Case system", "council": region.north.pk})["Location"] == url
    assert list(Spend.objects.values_list("amount", "kind", "council__slug")) == [(D("12000.00"), "capital", "north")]

    assert _add(coordinator, package, "claim", {"award": award.pk, "date": "2024-07-15", "amount": "10000.00",
                                                "reference": "ESF-1"})["Location"] == url
    assert list(Claim.objects.values_list("amount", "reference")) == [(D("10000.00"), "ESF-1")]

    assert _add(coordinator, package, "in_kind", {"council": region.south.pk, "date": "2024-05-31", "days": "4", "day_rate": "300.00",
                                                  "description": "Head of legal, a day a week"})["Location"] == url
    assert list(InKind.objects.values_list("council__slug", "days", "day_rate")) == [("south", D("4.00"), D("300.00"))]

    page = coordinator.get(url)
    figures = page.context["figures"]
    assert figures["total_awarded"] == "139933.00" and figures["spent"] == "12000.00" and figures["in_kind_total"] == "1200.00"
    assert figures["by_year"]["2025/26"]["profiled"] == "72933.00"  # 69,933 + 8,000 moved in − 5,000 cut
    assert [row["claimed"] for row in page.context["statement"].awards] == [D("10000.00")]


def test_a_profile_for_a_year_replaces_that_years_plan(coordinator, region):
    package = _package(region)
    _add(coordinator, package, "profile", {"year": "2024/25", "amount": "100.00"})
    _add(coordinator, package, "profile", {"year": "2024/25", "amount": "250.00"})
    assert list(ProfileLine.objects.values_list("year", "amount")) == [("2024/25", D("250.00"))]


@pytest.mark.parametrize(("what", "data", "field", "message"), [
    ("award", {"funder": "", "awarded": "100.00"}, "funder", ""),
    ("award", {"funder": "ESF", "awarded": "100.00"}, "funder", "already a funder of this package"),
    ("award", {"funder": "WLGA", "awarded": "-1"}, "awarded", ""),
    ("amendment", {"award": "AWARD", "date": "2025-04-01", "change": "-5000.00", "year": "", "reason": "cut"}, "change", "below zero"),
    ("amendment", {"award": "AWARD", "date": "2025-04-01", "change": "-5.00", "year": "2025", "reason": "cut"}, "year", "like 2013/14"),
    ("amendment", {"award": "AWARD", "date": "2025-04-01", "change": "-5.00", "year": "", "reason": ""}, "reason", ""),
    ("profile", {"year": "2024-25", "amount": "100.00"}, "year", "like 2013/14"),
    ("profile", {"year": "next year", "amount": "100.00"}, "year", "at most 7 characters"),
    ("profile", {"year": "2024/25", "amount": "-100.00"}, "amount", ""),
    ("reprofile", {"date": "2025-01-10", "from_year": "2024/25", "to_year": "2025/26", "amount": "8000.00", "reason": "late"},
     "amount", ""),
    ("reprofile", {"date": "2025-01-10", "from_year": "2024/25", "to_year": "2025-26", "amount": "1.00", "reason": "late"},
     "to_year", "like 2013/14"),
    ("reprofile", {"date": "2025-01-10", "from_year": "2024/25", "to_year": "2024/25", "amount": "1.00", "reason": "late"},
     "to_year", "the same year as from_year"),
    ("spend", {"date": "not a date", "amount": "1.00", "kind": "revenue", "description": "x"}, "date", ""),
    ("spend", {"date": "2024-05-01", "amount": "0", "kind": "revenue", "description": "x"}, "amount", ""),
    ("spend", {"date": "2024-05-01", "amount": "1.00", "kind": "revenue", "description": "x", "council": "OUTSIDER"}, "council", ""),
    ("claim", {"award": "", "date": "2024-05-01", "amount": "1.00"}, "award", ""),
    ("in_kind", {"council": "NORTH", "date": "2024-05-01", "days": "-2", "day_rate": "300.00", "description": "x"}, "days", ""),
])
def test_bad_package_entries_are_shown_again_on_the_field_and_nothing_is_saved(coordinator, region, what, data, field, message):
    package = _package(region)
    award = _award(region, package)
    before = {model: model.objects.count() for model in services.ENTRY_MODELS.values()}
    names = {"AWARD": award.pk, "OUTSIDER": region.outsider.pk, "NORTH": region.north.pk}
    data = {key: names.get(value, value) for key, value in data.items()}
    assert message in _errors_on(_add(coordinator, package, what, data), field)
    assert {model: model.objects.count() for model in services.ENTRY_MODELS.values()} == before
    if what == "amendment":
        award.refresh_from_db()
        assert award.awarded == D("1000.00")


def test_a_package_entry_of_an_unknown_kind_is_not_found(coordinator, region):
    package = _package(region)
    assert coordinator.get(reverse("costs:package-add", args=[package.pk, "gift"])).status_code == 404
    assert coordinator.post(reverse("costs:package-remove", args=[package.pk, "gift", 1])).status_code == 404


def test_every_kind_of_package_entry_is_taken_away_and_audited(coordinator, region):
    package = _package(region)
    award = _award(region, package)
    second = _award(region, package, funder="WLGA")
    services.add_package_entry(package=package, actor=region.coordinator, what="profile", values={"year": "2024/25", "amount": D("500.00")})
    entries = {
        "amendment": services.add_package_entry(package=package, actor=region.coordinator, what="amendment", values={
            "award": award, "date": datetime.date(2024, 9, 1), "change": D("100.00"), "year": "", "reason": "uplift"}),
        "reprofile": services.add_package_entry(package=package, actor=region.coordinator, what="reprofile", values={
            "date": datetime.date(2024, 9, 1), "from_year": "2024/25", "to_year": "2025/26", "amount": D("100.00"), "reason": "late"}),
        "profile": ProfileLine.objects.get(year="2024/25"),  # after the re-profiling that moved spend out of it
        "spend": services.add_package_entry(package=package, actor=region.coordinator, what="spend", values={
            "date": datetime.date(2024, 9, 1), "amount": D("50.00"), "kind": "revenue", "description": "Books", "council": None}),
        "claim": services.add_package_entry(package=package, actor=region.coordinator, what="claim", values={
            "award": award, "date": datetime.date(2024, 9, 1), "amount": D("50.00"), "reference": "C1"}),
        "in_kind": services.add_package_entry(package=package, actor=region.coordinator, what="in_kind", values={
            "council": region.north, "date": datetime.date(2024, 9, 1), "days": D("1"), "day_rate": D("250.00"), "description": "Time"}),
        "award": second,
    }
    for what, entry in entries.items():
        response = coordinator.post(reverse("costs:package-remove", args=[package.pk, what, entry.pk]))
        assert response.status_code == 302 and response["Location"] == reverse("costs:package-detail", args=[package.pk])
        assert not type(entry).objects.filter(pk=entry.pk).exists(), what
        assert _deleted(type(entry), entry.pk, region.coordinator), what


def test_taking_away_a_years_plan_that_spend_was_moved_out_of_is_refused_with_a_message(coordinator, region):
    package = _package(region)
    line = services.add_package_entry(package=package, actor=region.coordinator, what="profile",
                                      values={"year": "2024/25", "amount": D("100.00")})
    services.add_package_entry(package=package, actor=region.coordinator, what="reprofile", values={
        "date": datetime.date(2024, 9, 1), "from_year": "2024/25", "to_year": "2025/26", "amount": D("100.00"), "reason": "late"})
    response = coordinator.post(reverse("costs:package-remove", args=[package.pk, "profile", line.pk]), follow=True)
    assert response.status_code == 200 and "would not add up" in response.content.decode()
    assert ProfileLine.objects.filter(pk=line.pk).exists()
    assert not AuditEntry.objects.filter(content_type__model="profileline", action=AuditEntry.Action.DELETE).exists()


def test_an_entry_of_another_package_cannot_be_taken_away_through_this_one(coordinator, region):
    package, other = _package(region), _package(region, name="Other grant")
    award = _award(region, other)
    assert coordinator.post(reverse("costs:package-remove", args=[package.pk, "award", award.pk])).status_code == 404
    assert Award.objects.filter(pk=award.pk).exists()


def test_the_package_page_warns_before_the_end_date_while_money_is_unspent(coordinator, region):
    today = timezone.localdate()
    package = _package(region, start_date=today - datetime.timedelta(days=300), end_date=today + datetime.timedelta(days=30),
                       warn_days=60)
    _award(region, package, awarded="1000.00")
    page = coordinator.get(reverse("costs:package-detail", args=[package.pk]))
    assert [w["code"] for w in page.context["statement"].warnings] == ["ends_soon"]
    text = page.content.decode()
    assert 'data-testid="funding-warning"' in text and "30 days to the end date" in text and "£1,000.00 not yet spent" in text


def test_the_package_page_warns_of_the_underspend_to_return_once_it_has_ended(coordinator, region):
    today = timezone.localdate()
    package = _package(region, start_date=today - datetime.timedelta(days=400), end_date=today - datetime.timedelta(days=10))
    esf, wlga = _award(region, package, "ESF", "600.00"), _award(region, package, "WLGA", "400.00")
    services.add_package_entry(package=package, actor=region.coordinator, what="spend", values={
        "date": today - datetime.timedelta(days=100), "amount": D("900.00"), "kind": "revenue", "description": "Staff", "council": None})
    page = coordinator.get(reverse("costs:package-detail", args=[package.pk]))
    assert [w["code"] for w in page.context["statement"].warnings] == ["ended_with_underspend"]
    assert "with £100.00 unspent" in page.content.decode()
    assert {row["award"]: row["return"] for row in page.context["statement"].awards} == {esf: D("60.00"), wlga: D("40.00")}


def test_a_package_far_from_its_end_date_shows_no_warning(coordinator, region):
    today = timezone.localdate()
    package = _package(region, start_date=today, end_date=today + datetime.timedelta(days=400))
    _award(region, package)
    page = coordinator.get(reverse("costs:package-detail", args=[package.pk]))
    assert page.context["statement"].warnings == [] and 'data-testid="funding-warning"' not in page.content.decode()


# --- pooled entitlements ------------------------------------------------------------------------------------


def test_a_coordinator_sets_up_a_pooled_entitlement(coordinator, region):
    response = coordinator.post(reverse("costs:entitlement-create", args=[region.network.slug]), {
        "name": "North West support", "description": "", "pool_days": "14", "cap_days": "3"})
    pool = EntitlementPool.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("costs:entitlement-detail", args=[pool.pk])
    assert (pool.name, pool.pool_days, pool.cap_days) == ("North West support", D("14"), D("3"))


def test_a_cap_above_the_whole_pool_is_refused_on_the_cap(coordinator, region):
    response = coordinator.post(reverse("costs:entitlement-create", args=[region.network.slug]), {
        "name": "Support", "pool_days": "2", "cap_days": "3"})
    assert "more than the whole pool" in _errors_on(response, "cap_days")
    assert not EntitlementPool.objects.exists()


def _use(client, pool, what, data):
    return client.post(reverse("costs:entitlement-add", args=[pool.pk, what]), data)


def test_drawdowns_one_to_one_and_groups_are_saved_from_their_forms(coordinator, region):
    pool = _entitlement(region)
    url = reverse("costs:entitlement-detail", args=[pool.pk])
    assert _use(coordinator, pool, "drawdown", {"council": region.north.pk, "date": "2024-05-01", "days": "3"})["Location"] == url
    assert _use(coordinator, pool, "drawdown", {"council": region.south.pk, "date": "2024-05-01", "days": "2"})["Location"] == url
    assert _use(coordinator, pool, "one_to_one", {"council": region.south.pk, "date": "2024-07-01", "days": "1",
                                                  "description": "Consultancy"})["Location"] == url
    assert _use(coordinator, pool, "group", {"name": "Workforce planning", "days": "1.5",
                                             "members": [region.north.pk, region.south.pk], "weights": "2, 1"})["Location"] == url
    assert _use(coordinator, pool, "group", {"name": "Apprenticeships", "days": "1",
                                             "members": [region.north.pk, region.south.pk]})["Location"] == url
    assert list(Drawdown.objects.values_list("council__slug", "days")) == [("north", D("3.00")), ("south", D("2.00"))]
    assert list(OneToOne.objects.values_list("council__slug", "days", "description")) == [("south", D("1.00"), "Consultancy")]
    weights = {(m.group.name, m.council.slug): m.weight for g in ThemeGroup.objects.all() for m in g.members.all()}
    assert weights == {("Workforce planning", "north"): D("2"), ("Workforce planning", "south"): D("1"),
                       ("Apprenticeships", "north"): D("1"), ("Apprenticeships", "south"): D("1")}
    rows = {council.slug: row for council, row in coordinator.get(url).context["figures"]["councils"]}
    assert (rows["north"]["groups"], rows["north"]["balance"]) == (D("1.50"), D("1.50"))  # 1 of 1.5 by weight, 0.5 of 1 equally
    assert (rows["south"]["one_to_one"], rows["south"]["groups"], rows["south"]["balance"]) == (D("1"), D("1.00"), D("0.00"))


def test_a_drawdown_over_the_cap_is_refused_on_the_days_and_not_kept(coordinator, region):
    pool = _entitlement(region)
    _use(coordinator, pool, "drawdown", {"council": region.north.pk, "date": "2024-05-01", "days": "2"})
    response = _use(coordinator, pool, "drawdown", {"council": region.north.pk, "date": "2024-06-01", "days": "1.5"})
    assert "over the cap of 3 days" in _errors_on(response, "days")
    assert list(Drawdown.objects.values_list("days", flat=True)) == [D("2.00")]


@pytest.mark.parametrize(("what", "data", "field"), [
    ("drawdown", {"council": "", "date": "2024-05-01", "days": "1"}, "council"),
    ("drawdown", {"council": "NORTH", "date": "2024-05-01", "days": "0"}, "days"),
    ("drawdown", {"council": "OUTSIDER", "date": "2024-05-01", "days": "1"}, "council"),
    ("one_to_one", {"council": "NORTH", "date": "", "days": "1", "description": "x"}, "date"),
    ("one_to_one", {"council": "NORTH", "date": "2024-05-01", "days": "1", "description": ""}, "description"),
    ("group", {"name": "Theme", "days": "1", "members": ["NORTH", "SOUTH"], "weights": "2"}, "weights"),
    ("group", {"name": "Theme", "days": "1", "members": ["NORTH", "SOUTH"], "weights": "2, x"}, "weights"),
    ("group", {"name": "Theme", "days": "1", "members": ["NORTH", "SOUTH"], "weights": "2, 0"}, "weights"),
    ("group", {"name": "Theme", "days": "1", "members": []}, "members"),
    ("group", {"name": "Theme", "days": "-1", "members": ["NORTH"]}, "days"),
])
def test_bad_entitlement_entries_are_shown_again_on_the_field_and_nothing_is_saved(coordinator, region, what, data, field):
    pool = _entitlement(region)
    names = {"NORTH": region.north.pk, "SOUTH": region.south.pk, "OUTSIDER": region.outsider.pk}
    data = {key: ([names[v] for v in value] if isinstance(value, list) else names.get(value, value)) for key, value in data.items()}
    _errors_on(_use(coordinator, pool, what, data), field)
    assert not Drawdown.objects.exists() and not OneToOne.objects.exists() and not ThemeGroup.objects.exists()


def test_a_wrong_number_of_weights_says_how_many_are_needed(coordinator, region):
    pool = _entitlement(region)
    response = _use(coordinator, pool, "group", {"name": "Theme", "days": "1", "members": [region.north.pk, region.south.pk],
                                                 "weights": "1, 2, 3"})
    assert "one weight for each council ticked (2)" in _errors_on(response, "weights")


def test_a_second_group_with_the_same_theme_is_refused_on_the_theme(coordinator, region):
    pool = _entitlement(region)
    services.add_theme_group(pool=pool, actor=region.coordinator, name="Theme", days=D("1"), members={region.north: D("1")})
    response = _use(coordinator, pool, "group", {"name": "Theme", "days": "1", "members": [region.south.pk]})
    assert "already has a group" in _errors_on(response, "name")
    assert ThemeGroup.objects.count() == 1


def test_every_kind_of_entitlement_entry_is_taken_away_and_audited(coordinator, region):
    pool = _entitlement(region)
    entries = {
        "drawdown": services.draw_down(pool=pool, actor=region.coordinator, council=region.north, days=D("2"),
                                       date=datetime.date(2024, 5, 1)),
        "one_to_one": services.use_one_to_one(pool=pool, actor=region.coordinator, council=region.north, days=D("1"),
                                              date=datetime.date(2024, 6, 1), description="Coaching"),
        "group": services.add_theme_group(pool=pool, actor=region.coordinator, name="Theme", days=D("1"),
                                          members={region.north: D("1"), region.south: D("1")}),
    }
    for what, entry in entries.items():
        response = coordinator.post(reverse("costs:entitlement-remove", args=[pool.pk, what, entry.pk]))
        assert response.status_code == 302 and response["Location"] == reverse("costs:entitlement-detail", args=[pool.pk])
        assert not type(entry).objects.filter(pk=entry.pk).exists(), what
        assert _deleted(type(entry), entry.pk, region.coordinator), what
    assert coordinator.post(reverse("costs:entitlement-remove", args=[pool.pk, "loan", 1])).status_code == 404


# --- each council's statement ------------------------------------------------------------------------------


def _statement_region(region):
    pool = _pool(region)
    services.set_member_terms(pool=pool, actor=region.coordinator, terms={
        region.north.pk: (D("900.00"), None, None), region.south.pk: (D("400.00"), None, None)})
    _cost(region, pool, amount="1000.00", paid_by=region.south)
    package = _package(region)
    _award(region, package)
    services.add_package_entry(package=package, actor=region.coordinator, what="spend", values={
        "date": datetime.date(2024, 5, 1), "amount": D("120.00"), "kind": "revenue", "description": "Books", "council": region.north})
    services.add_package_entry(package=package, actor=region.coordinator, what="in_kind", values={
        "council": region.north, "date": datetime.date(2024, 9, 1), "days": D("2"), "day_rate": D("300.00"), "description": "Time"})
    entitlement = _entitlement(region)
    services.draw_down(pool=entitlement, actor=region.coordinator, council=region.north, days=D("3"), date=datetime.date(2024, 5, 1))
    services.use_one_to_one(pool=entitlement, actor=region.coordinator, council=region.north, days=D("1"),
                            date=datetime.date(2024, 6, 1), description="Coaching")
    return pool, package, entitlement


def test_the_statement_page_shows_the_councils_share_and_recharge_for_the_year_asked(client, region):
    _statement_region(region)
    client.force_login(region.lead_north)
    page = client.get(reverse("costs:statement", args=[region.network.slug, "north"]) + "?year=2024")
    assert page.status_code == 200
    statement = page.context["statement"]
    assert (statement.year, statement.totals["share"], statement.totals["balance"]) == (2024, D("800.00"), D("800.00"))
    text = page.content.decode()
    assert "Statement for North Council, 2024/25" in text and "£800.00" in text
    assert [(r["payee"].slug, r["payer"].slug, r["amount"]) for r in statement.recharges] == [("south", "north", D("800.00"))]
    current = client.get(reverse("costs:statement", args=[region.network.slug, "north"]))
    assert current.context["statement"].totals["share"] == D("0")  # another year: nothing shared yet


def test_the_statement_xlsx_has_a_sheet_for_each_part_with_its_figures(client, region):
    _statement_region(region)
    client.force_login(region.lead_north)
    response = client.get(reverse("costs:statement-download", args=[region.network.slug, "north", "xlsx"]) + "?year=2024")
    assert response.status_code == 200 and "2024-25.xlsx" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(_body(response)))
    assert book.sheetnames == ["Cost pools", "Recharges", "Funding", "Support days", "Places", "Shared posts", "Time given and got"]
    rows = {name: [list(r) for r in book[name].iter_rows(min_row=2, values_only=True)] for name in book.sheetnames}
    # North saves 100 by the agreed 80/20 split (900 alone); the Shapley value halves the 300 saved between two councils.
    assert rows["Cost pools"] == [["Programme office", 800, 0, 800, 900, 100, 150, None]]
    assert rows["Recharges"] == [["Programme office", "South Council", "North Council", 800]]
    assert rows["Funding"] == [["Skills grant", 120, 2, 600]]
    assert rows["Support days"] == [["Support days", 3, 1, 0, 1, 2]]
    assert rows["Places"] == [[0, 0]]
    assert rows["Shared posts"] == [] and rows["Time given and got"] == []  # no shared post or approved time in this partnership


def test_the_statement_pdf_renders(client, region):
    _statement_region(region)
    client.force_login(region.lead_north)
    response = client.get(reverse("costs:statement-download", args=[region.network.slug, "north", "pdf"]) + "?year=2024")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _body(response).startswith(b"%PDF")


def test_a_lead_cannot_read_or_download_the_partner_councils_statement(client, region):
    _statement_region(region)
    client.force_login(region.lead_north)
    assert client.get(reverse("costs:statement", args=[region.network.slug, "south"])).status_code == 404
    for fmt in ("xlsx", "pdf"):
        assert client.get(reverse("costs:statement-download", args=[region.network.slug, "south", fmt])).status_code == 404
    assert client.get(reverse("costs:statement-download", args=[region.network.slug, "north", "docx"])).status_code == 404


# --- every page ------------------------------------------------------------------------------------


def _pages(region):
    pool, package, entitlement = _statement_region(region)
    slug = region.network.slug
    return [
        reverse("costs:home"), reverse("costs:partnership", args=[slug]) + "?year=2024",
        reverse("costs:pool-create", args=[slug]), reverse("costs:package-create", args=[slug]),
        reverse("costs:entitlement-create", args=[slug]),
        reverse("costs:statement", args=[slug, "north"]) + "?year=2024",
        reverse("costs:pool-detail", args=[pool.pk]) + "?year=2024", reverse("costs:pool-terms", args=[pool.pk]),
        reverse("costs:pool-basis", args=[pool.pk]), reverse("costs:cost-add", args=[pool.pk]),
        reverse("costs:package-detail", args=[package.pk]),
        *[reverse("costs:package-add", args=[package.pk, what]) for what in services.ENTRY_MODELS],
        reverse("costs:entitlement-detail", args=[entitlement.pk]),
        *[reverse("costs:entitlement-add", args=[entitlement.pk, what]) for what in services.ENTITLEMENT_ENTRIES],
    ]


def test_every_costs_page_states_its_rounding_rule_and_refers_only_to_ids_it_has(coordinator, region):
    for url in _pages(region):
        response = coordinator.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert text.count('data-testid="rounding-rule"') == 1, url
        assert_aria_references_exist(text)
        assert_hints_and_errors_are_announced(text)


def test_every_costs_page_a_lead_reads_states_its_rounding_rule(client, region):
    pool, package, entitlement = _statement_region(region)
    client.force_login(region.lead_north)
    for url in (reverse("costs:home"), reverse("costs:partnership", args=[region.network.slug]),
                reverse("costs:statement", args=[region.network.slug, "north"]) + "?year=2024",
                reverse("costs:pool-detail", args=[pool.pk]) + "?year=2024", reverse("costs:cost-add", args=[pool.pk]),
                reverse("costs:package-detail", args=[package.pk]), reverse("costs:entitlement-detail", args=[entitlement.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'data-testid="rounding-rule"' in response.content.decode(), url
        assert_aria_references_exist(response.content)


# --- what must never be silent ---------------------------------------------------------------------


def test_taking_away_the_first_basis_while_costs_fall_before_the_next_is_refused(coordinator, region):
    pool = _pool(region)
    services.set_basis(pool=pool, actor=region.coordinator, effective_from=datetime.date(2025, 4, 1), basis="equal")
    _cost(region, pool, date=datetime.date(2024, 6, 30))
    first = pool.bases.get(effective_from=START)
    response = coordinator.post(reverse("costs:basis-remove", args=[first.pk]), follow=True)
    assert "need a basis" in response.content.decode()
    assert pool.bases.filter(pk=first.pk).exists()


def test_a_year_after_the_current_one_with_a_basis_or_cost_can_be_chosen(coordinator, region):
    pool = _pool(region)
    next_year = timezone.localdate().year + 1
    services.set_basis(pool=pool, actor=region.coordinator, effective_from=datetime.date(next_year, 4, 1), basis="equal")
    _cost(region, pool, date=datetime.date(next_year, 5, 1), amount="300.00")
    page = coordinator.get(reverse("costs:pool-detail", args=[pool.pk]) + f"?year={next_year}")
    assert page.context["year"] == next_year
    assert {row["council"].slug: row["share"] for row in page.context["period"].rows} == {"north": D("150.00"), "south": D("150.00")}


def test_a_pool_whose_shares_cannot_be_worked_out_says_so_on_the_statement_and_totals(client, region):
    pool = _pool(region)
    _cost(region, pool, amount="1000.00", paid_by=region.south)
    # Caps that cannot reach the total: the period cannot be split, which must never read as a zero share.
    services.set_member_terms(pool=pool, actor=region.coordinator, terms={
        region.north.pk: (None, D("100.00"), None), region.south.pk: (None, D("100.00"), None)})
    client.force_login(region.coordinator)
    statement = client.get(reverse("costs:statement", args=[region.network.slug, "north"]) + "?year=2024").content.decode()
    assert "cannot be worked out" in statement and "caps allow at most" in statement
    totals = client.get(reverse("costs:partnership", args=[region.network.slug]) + "?year=2024").content.decode()
    assert "cannot be worked out" in totals
    response = client.get(reverse("costs:statement-download", args=[region.network.slug, "north", "xlsx"]) + "?year=2024")
    row = next(openpyxl.load_workbook(io.BytesIO(_body(response)))["Cost pools"].iter_rows(min_row=2, values_only=True))
    assert row[0] == "Programme office" and row[1] is None and "caps allow at most" in row[-1]


def test_the_pool_page_asks_the_database_no_more_for_more_costs(client, region):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    pool = _pool(region)
    client.force_login(region.lead_north)  # a lead: whether each cost is theirs to remove is asked cost by cost
    url = reverse("costs:pool-detail", args=[pool.pk]) + "?year=2024"
    counts = []
    for day in (1, 2, 3, 4, 5, 6):
        _cost(region, pool, date=datetime.date(2024, 5, day), amount="10.00")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[1] == counts[-1], counts
