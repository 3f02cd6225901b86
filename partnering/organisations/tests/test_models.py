import datetime

import pytest
from django.db import IntegrityError, transaction

from partnering.core.models import Sharing
from partnering.organisations.models import Membership, Venue
from partnering.organisations.reference import read_councils
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_a_council_can_belong_to_several_partnerships_and_history_is_kept():
    council = CouncilFactory()
    first, second = PartnershipFactory(), PartnershipFactory()
    MembershipFactory(council=council, partnership=first, joined_on=datetime.date(2010, 4, 1), left_on=datetime.date(2014, 3, 31))
    MembershipFactory(council=council, partnership=second)

    assert set(council.partnerships.all()) == {first, second}
    assert list(Membership.objects.current().filter(council=council).values_list("partnership", flat=True)) == [second.pk]


def test_membership_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        MembershipFactory(joined_on=datetime.date(2020, 1, 1), left_on=datetime.date(2019, 1, 1))


def test_a_council_has_one_open_membership_of_a_partnership_at_a_time():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError):
        MembershipFactory(council=membership.council, partnership=membership.partnership, joined_on=datetime.date(2021, 1, 1))


def test_a_council_can_rejoin_a_partnership_it_left():
    old = MembershipFactory(joined_on=datetime.date(2010, 1, 1), left_on=datetime.date(2012, 1, 1))
    MembershipFactory(council=old.council, partnership=old.partnership, joined_on=datetime.date(2016, 1, 1))
    assert Membership.objects.filter(council=old.council).count() == 2


def test_gss_code_is_unique_but_optional():
    CouncilFactory(gss_code=None)
    CouncilFactory(gss_code=None)
    CouncilFactory(gss_code="W06000011")
    with pytest.raises(IntegrityError):
        CouncilFactory(gss_code="W06000011")


def test_coordinates_outside_the_globe_are_refused_by_the_database():
    with pytest.raises(IntegrityError):
        CouncilFactory(latitude=91)


def test_a_venue_shared_with_a_partnership_must_name_it():
    with transaction.atomic(), pytest.raises(IntegrityError):
        VenueFactory(sharing=Sharing.PARTNERSHIP, shared_with=None)
    with transaction.atomic(), pytest.raises(IntegrityError):
        VenueFactory(sharing=Sharing.PRIVATE, shared_with=PartnershipFactory())
    assert VenueFactory(sharing=Sharing.PARTNERSHIP, shared_with=PartnershipFactory()).pk


def test_venue_names_are_unique_within_a_council_only():
    venue = VenueFactory(name="Civic Centre")
    VenueFactory(name="Civic Centre")
    with pytest.raises(IntegrityError):
        Venue.objects.create(council=venue.council, name="Civic Centre")


def test_reference_councils_carry_the_facts_from_the_studies():
    councils = {c.slug: c for c in read_councils()}
    assert len(councils) == 45
    assert councils["neath-port-talbot"].gss_code == "W06000012"
    assert councils["bolsover"].headcount == 411
    assert councils["bolsover"].service_expenditure_pence == 2_980_000_000
    assert councils["weymouth-and-portland"].headcount is None
