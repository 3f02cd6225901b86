import datetime

import pytest
from django.utils import timezone

from partnering.meetings import services
from partnering.meetings.models import Body, BodyMember
from tests.factories import VenueFactory


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def board(region):
    """The Test Network's board: North then South host in turn; staff of both are members."""
    body = services.create_body(partnership=region.network, actor=region.coordinator, name="Test Board", slug="test-board",
                                kind=Body.Kind.BOARD, host_councils=[region.north, region.south])
    services.add_member(body=body, actor=region.coordinator, person=region.staff_north, council=region.north)
    services.add_member(body=body, actor=region.coordinator, person=region.staff_south, council=region.south)
    services.add_member(body=body, actor=region.coordinator, person=region.lead_north, council=region.north, role=BodyMember.Role.CHAIR)
    return body


@pytest.fixture
def north_venue(region):
    return VenueFactory(council=region.north, name="North Hall", sharing="public")
