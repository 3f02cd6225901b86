"""A course with a provisional session that four people across two councils would come to, and a
shared hall at each council: the scenario the planning view tests and the browser test share."""

from partnering.core.models import Sharing
from partnering.learning.models import Course, Interest, Session
from tests.factories import VenueFactory

CARDIFF, SWANSEA = (51.4816, -3.1791), (51.6214, -3.9436)


def provisional_session_with_interest(region):
    region.north.latitude, region.north.longitude = CARDIFF
    region.south.latitude, region.south.longitude = SWANSEA
    region.north.save(), region.south.save()
    shared = {"sharing": Sharing.PARTNERSHIP, "shared_with": region.network}
    halls = {
        "north": VenueFactory(council=region.north, name="Cardiff Hall", latitude=CARDIFF[0], longitude=CARDIFF[1], capacity=30, **shared),
        "south": VenueFactory(council=region.south, name="Swansea Hall", latitude=SWANSEA[0], longitude=SWANSEA[1], capacity=30, **shared),
        "private": VenueFactory(council=region.north, name="Private Room", latitude=51.5, longitude=-3.5, sharing=Sharing.PRIVATE),
    }
    course = Course.objects.create(partnership=region.network, title="Mental Health First Aid")
    session = Session.objects.create(course=course, capacity=40)
    for person, council in ((region.staff_north, region.north), (region.lead_north, region.north),
                            (region.staff_south, region.south), (region.shared, region.south)):
        Interest.objects.create(session=session, person=person, council=council)
    return course, session, halls
