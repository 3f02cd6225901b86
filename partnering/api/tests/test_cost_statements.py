"""Cost statements through the API: a council's token reads its own council's statement and its partnership's totals,
never another council's lines; signed in, people read what the access layer lets them."""

import datetime
from decimal import Decimal

import pytest

from partnering.api.services import api_token_create
from partnering.costs.models import Cost, CostPool, PoolBasis, PoolCouncil
from partnering.organisations.models import Membership
from tests.factories import MembershipFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

YEAR = 2025


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def pooled(region):
    """The Test Network shares a programme office equally; North paid £1,000 and South £200 in 2025/26. Outsider is in
    another partnership with its own pool."""
    pool = CostPool.objects.create(partnership=region.network, name="Programme office")
    for council in (region.north, region.south):
        PoolCouncil.objects.create(pool=pool, council=council)
    PoolBasis.objects.create(pool=pool, effective_from=datetime.date(2025, 4, 1), basis="equal")
    Cost.objects.create(pool=pool, paid_by=region.north, date=datetime.date(2025, 5, 1), amount=Decimal("1000"), description="Rent")
    Cost.objects.create(pool=pool, paid_by=region.south, date=datetime.date(2025, 6, 1), amount=Decimal("200"), description="Printing")
    region.other = PartnershipFactory(name="Other Network", slug="other-network")
    MembershipFactory(partnership=region.other, council=region.outsider)
    other_pool = CostPool.objects.create(partnership=region.other, name="Outsider office")
    PoolCouncil.objects.create(pool=other_pool, council=region.outsider)
    return region


@pytest.fixture
def north_token(pooled):
    return api_token_create(actor=pooled.lead_north, council=pooled.north, name="North finance")[1]


def test_a_councils_token_reads_its_own_statement_with_the_partnerships_totals(client, pooled, north_token):
    response = client.get(f"/api/v1/cost-statements/?year={YEAR}", **bearer(north_token))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["count"] == 1
    statement = body["results"][0]
    assert (statement["partnership"], statement["council"], statement["year_label"]) == ("test-network", "north", "2025/26")
    assert statement["pools"] == [{
        "pool": statement["pools"][0]["pool"], "name": "Programme office", "share": "600.00", "paid": "1000.00", "balance": "-400.00",
        "cost_alone": None, "saving": None, "fair_saving": None, "within_tolerance": False, "error": ""}]
    assert [(r["payer"], r["payee"], r["amount"]) for r in statement["recharges"]] == [("south", "north", "400.00")]
    assert statement["partnership_totals"]["pool_total"] == "1200.00"
    assert statement["totals"]["share"] == "600.00"


def test_a_councils_token_cannot_read_another_councils_statement(client, pooled, north_token):
    assert client.get(f"/api/v1/cost-statements/test-network/south/?year={YEAR}", **bearer(north_token)).status_code == 404
    assert client.get(f"/api/v1/cost-statements/other-network/outsider/?year={YEAR}", **bearer(north_token)).status_code == 404
    own = client.get(f"/api/v1/cost-statements/test-network/north/?year={YEAR}", **bearer(north_token))
    assert own.status_code == 200 and own.json()["council"] == "north"
    asked_for_south = client.get(f"/api/v1/cost-statements/?council=south&year={YEAR}", **bearer(north_token)).json()
    assert asked_for_south["count"] == 0
    outsider = api_token_create(actor=None, council=pooled.outsider, name="Outsider finance")[1]
    theirs = client.get(f"/api/v1/cost-statements/?year={YEAR}", **bearer(outsider)).json()["results"]
    assert [(s["partnership"], s["council"]) for s in theirs] == [("other-network", "outsider")]


def test_signed_in_a_coordinator_reads_every_member_and_a_lead_only_their_council(client, pooled):
    client.force_login(pooled.coordinator)
    rows = client.get(f"/api/v1/cost-statements/?year={YEAR}&partnership=test-network").json()["results"]
    assert [r["council"] for r in rows] == ["north", "south"]
    client.force_login(pooled.lead_south)
    rows = client.get(f"/api/v1/cost-statements/?year={YEAR}").json()["results"]
    assert [(r["council"], r["pools"][0]["balance"]) for r in rows] == [("south", "400.00")]
    assert client.get(f"/api/v1/cost-statements/test-network/north/?year={YEAR}").status_code == 404
    client.force_login(pooled.staff_north)
    assert client.get(f"/api/v1/cost-statements/?year={YEAR}").json()["count"] == 0


def test_a_council_that_left_before_the_year_is_not_listed_for_it(client, pooled):
    Membership.objects.filter(partnership=pooled.network, council=pooled.south).update(left_on=datetime.date(2024, 3, 31))
    client.force_login(pooled.coordinator)
    assert [r["council"] for r in client.get(f"/api/v1/cost-statements/?year={YEAR}").json()["results"]] == ["north"]
    assert [r["council"] for r in client.get("/api/v1/cost-statements/?year=2023").json()["results"]] == ["north", "south"]
    assert client.get(f"/api/v1/cost-statements/test-network/south/?year={YEAR}").status_code == 404
    assert client.get("/api/v1/cost-statements/test-network/south/?year=2023").json()["council"] == "south"


def test_a_year_out_of_range_is_named_in_the_error_body(client, pooled, north_token):
    for year in ("1066", "twenty", "2025.5"):
        response = client.get(f"/api/v1/cost-statements/?year={year}", **bearer(north_token))
        assert response.status_code == 400 and "year" in response.json()["fields"], year
    assert client.get("/api/v1/cost-statements/test-network/north/?year=99999", **bearer(north_token)).status_code == 400


def test_without_a_year_the_current_financial_years_statement_is_given(client, pooled, north_token):
    from partnering.reference.years import current_financial_year

    statement = client.get("/api/v1/cost-statements/test-network/north/", **bearer(north_token)).json()
    assert statement["year"] == current_financial_year()
