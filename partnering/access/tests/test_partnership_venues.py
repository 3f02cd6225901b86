"""A partnership's sessions and venue plans use only rooms shared with that partnership (or public)."""

import pytest

from partnering.access.organisations import venues_for_partnership
from partnering.core.models import Sharing
from partnering.learning.forms import SessionForm
from partnering.learning.models import Course
from partnering.organisations.models import Partnership
from tests.factories import MembershipFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_rooms_private_or_shared_with_another_partnership_are_not_offered(region):
    other = Partnership.objects.create(name="Other", slug="other", kind="network")
    MembershipFactory(partnership=other, council=region.south)
    shared = VenueFactory(council=region.north, sharing=Sharing.PARTNERSHIP, shared_with=region.network)
    public = VenueFactory(council=region.south, sharing=Sharing.PUBLIC)
    VenueFactory(council=region.north, sharing=Sharing.PRIVATE)
    VenueFactory(council=region.south, sharing=Sharing.PARTNERSHIP, shared_with=other)
    VenueFactory(council=region.outsider, sharing=Sharing.PUBLIC)
    assert set(venues_for_partnership(region.network)) == {shared, public}
    course = Course.objects.create(partnership=region.network, title="Fire warden")
    assert set(SessionForm(course=course).fields["venue"].queryset) == {shared, public}
