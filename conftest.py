"""Shared fixtures: a small region of three councils, two of them in one partnership."""

import datetime
from dataclasses import dataclass

import pytest
from django.db import connection

from tests.factories import (
    PASSWORD,
    CouncilFactory,
    MembershipFactory,
    PartnershipFactory,
    PersonFactory,
    employ,
    partnership_role,
)


def pytest_collection_modifyitems(config, items):
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL: set PARTNERING_TEST_DATABASE_URL (CI does) to run the concurrency and locking tests"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@dataclass
class Region:
    north: object
    south: object
    outsider: object
    network: object
    lead_north: object
    staff_north: object
    lead_south: object
    staff_south: object
    staff_outsider: object
    shared: object
    coordinator: object
    board_member: object
    admin: object


@pytest.fixture
def region(db):
    north, south, outsider = (CouncilFactory(short_name=n, name=f"{n} Council", slug=n.lower()) for n in ("North", "South", "Outsider"))
    network = PartnershipFactory(name="Test Network", slug="test-network")
    MembershipFactory(partnership=network, council=north)
    MembershipFactory(partnership=network, council=south)
    people = {
        key: PersonFactory(email=f"{key}@example.test", full_name=key.replace("_", " ").title())
        for key in ("lead_north", "staff_north", "lead_south", "staff_south", "staff_outsider", "shared", "coordinator", "board_member")
    }
    employ(people["lead_north"], north, "lead", "staff")
    employ(people["staff_north"], north)
    employ(people["lead_south"], south, "lead", "staff")
    employ(people["staff_south"], south)
    employ(people["staff_outsider"], outsider)
    employ(people["shared"], north, fte="0.6")
    employ(people["shared"], south, fte="0.4", start_on=datetime.date(2021, 1, 1))
    partnership_role(people["coordinator"], network, "coordinator")
    partnership_role(people["board_member"], network, "board")
    admin = PersonFactory(email="admin@example.test", full_name="Admin", is_staff=True, is_superuser=True)
    return Region(north=north, south=south, outsider=outsider, network=network, admin=admin, **people)


@pytest.fixture
def sign_in(client):
    """Sign in through the real sign-in form, so throttling and backends are exercised too."""

    def _sign_in(person):
        response = client.post("/accounts/login/", {"username": person.email, "password": PASSWORD})
        assert response.status_code == 302, response.content
        return client

    return _sign_in


@pytest.fixture(autouse=True)
def english_unless_a_test_says_otherwise():
    """A request in Welsh leaves Welsh active on the thread; later tests in the same worker must not inherit it."""
    from django.utils import translation

    translation.activate("en-gb")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_caches():
    """Throttles (password reset) and kept pages (dashboards) live in the cache: each test starts with none."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
