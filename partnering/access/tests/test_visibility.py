"""Who sees what: one council's private records stay private, partners see what is shared."""

import pytest

from partnering.access import organisations, people, scope_of
from partnering.core.models import Sharing
from partnering.organisations.models import Venue
from partnering.people.models import Employment, Person
from tests.factories import VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def venues(region):
    return {
        "north_private": VenueFactory(council=region.north, sharing=Sharing.PRIVATE),
        "north_shared": VenueFactory(council=region.north, sharing=Sharing.PARTNERSHIP, shared_with=region.network),
        "outsider_public": VenueFactory(council=region.outsider, sharing=Sharing.PUBLIC),
        "outsider_private": VenueFactory(council=region.outsider, sharing=Sharing.PRIVATE),
    }


VISIBLE_TO = {Venue: organisations.venues_visible_to, Person: people.people_visible_to, Employment: people.employments_visible_to}


def visible(model, person):
    return set(VISIBLE_TO[model](scope_of(person)))


def test_staff_see_their_own_councils_private_venues(region, venues):
    assert venues["north_private"] in visible(Venue, region.staff_north)


def test_partners_see_what_is_shared_with_their_partnership_but_not_private_venues(region, venues):
    seen = visible(Venue, region.staff_south)
    assert venues["north_shared"] in seen
    assert venues["north_private"] not in seen


def test_everyone_signed_in_sees_public_venues_and_nobody_else_sees_private_ones(region, venues):
    seen = visible(Venue, region.staff_north)
    assert venues["outsider_public"] in seen
    assert venues["outsider_private"] not in seen


def test_coordinator_sees_shared_venues_of_the_partnership_but_not_private_ones(region, venues):
    seen = visible(Venue, region.coordinator)
    assert venues["north_shared"] in seen and venues["north_private"] not in seen


def test_anonymous_visitors_see_nothing(region, venues):
    from django.contrib.auth.models import AnonymousUser

    assert not organisations.venues_visible_to(scope_of(AnonymousUser())).exists()
    assert not people.people_visible_to(scope_of(AnonymousUser())).exists()


def test_site_administrators_see_everything(region, venues):
    assert visible(Venue, region.admin) == set(venues.values())


def test_people_list_holds_colleagues_but_not_other_councils_staff(region):
    seen = visible(Person, region.staff_north)
    assert {region.lead_north, region.staff_north, region.shared} <= seen
    assert region.staff_south not in seen
    assert region.staff_outsider not in seen


def test_a_person_employed_by_two_councils_sees_the_staff_of_both(region):
    seen = visible(Person, region.shared)
    assert {region.staff_north, region.staff_south} <= seen
    assert region.staff_outsider not in seen


def test_coordinator_sees_staff_of_current_member_councils_only(region):
    seen = visible(Person, region.coordinator)
    assert {region.staff_north, region.staff_south} <= seen
    assert region.staff_outsider not in seen


def test_board_members_do_not_see_staff(region):
    assert visible(Person, region.board_member) == {region.board_member}


def test_another_councils_employment_of_a_shared_person_stays_with_that_council(region):
    seen = visible(Employment, region.staff_north)
    assert {e.council for e in seen if e.person == region.shared} == {region.north}
    assert {e.council for e in people.employments_visible_to(scope_of(region.shared)) if e.person == region.shared} == {
        region.north,
        region.south,
    }


def test_ended_employment_no_longer_gives_visibility(region):
    import datetime

    Employment.objects.filter(person=region.staff_north).update(end_on=datetime.date(2021, 1, 1))
    region.staff_north.refresh_from_db()
    assert visible(Person, region.staff_north) == {region.staff_north}


def test_a_scope_passed_where_a_person_is_expected_is_kept(region):
    scope = scope_of(region.lead_north)
    assert scope_of(scope) is scope and scope.leads(region.north.pk)
