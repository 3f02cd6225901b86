import datetime

import pytest
from django.utils import timezone

from partnering.learning.models import Booking, Course, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(region):
    course = Course.objects.create(partnership=region.network, title="Excel Intermediate", language="cy")
    start = timezone.now() + datetime.timedelta(days=7)
    return Session.objects.create(course=course, starts_at=start, ends_at=start + datetime.timedelta(hours=3), capacity=10,
                                  online_url="https://meet.example/x")


def test_partners_staff_see_the_catalogue_and_others_do_not(sign_in, region, session, client):
    page = sign_in(region.staff_south).get("/catalogue/")
    assert [s for s, _left in page.context["rows"]] == [session]
    client.logout()
    assert sign_in(region.staff_outsider).get("/catalogue/").context["rows"] == []
    assert client.get(f"/catalogue/sessions/{session.pk}/").status_code == 404


def test_catalogue_filters_by_language(sign_in, region, session):
    client = sign_in(region.staff_north)
    assert len(client.get("/catalogue/?language=cy").context["rows"]) == 1
    assert client.get("/catalogue/?language=en").context["rows"] == []


def test_booking_from_the_session_page_and_cancelling_from_my_bookings(sign_in, region, session):
    client = sign_in(region.staff_north)
    page = client.get(f"/catalogue/sessions/{session.pk}/")
    assert "Book a place" in page.content.decode()
    response = client.post(f"/catalogue/sessions/{session.pk}/", {"council": region.north.pk})
    assert response["Location"] == "/me/bookings/"
    booking = Booking.objects.get()
    assert "Excel Intermediate" in client.get("/me/bookings/").content.decode()
    client.post(f"/me/bookings/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_someone_elses_booking_cannot_be_cancelled_by_guessing_its_url(sign_in, region, session, client):
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="booked")
    assert sign_in(region.staff_south).post(f"/me/bookings/{booking.pk}/cancel/").status_code == 404
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_register_is_for_trainers_and_coordinators(sign_in, region, session, client):
    assert sign_in(region.staff_north).get(f"/catalogue/sessions/{session.pk}/register/").status_code == 404
    client.logout()
    assert sign_in(region.coordinator).get(f"/catalogue/sessions/{session.pk}/register/").status_code == 200


def test_coordinator_creates_a_course_from_an_overlap_group_and_adds_a_session(sign_in, region):
    from partnering.overlap import services as overlap
    from partnering.overlap.models import Group
    from partnering.overlap.tests.test_analysis import NORTH, SOUTH, share

    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)
    overlap.request_analysis(partnership=region.network, year=2025, actor=region.coordinator)
    group = Group.objects.get(title__startswith="ILM L3")
    equivalence = overlap.group_confirm(group=group, actor=region.coordinator)
    client = sign_in(region.coordinator)
    page = client.get(f"/learning/partnerships/{region.network.slug}/courses/new/?group={group.pk}")
    assert page.context["form"].initial["title"] == group.title and page.context["equivalence"] == equivalence
    form = page.context["form"]
    data = {"title": group.title, "delivery_method": "classroom", "language": "en", "equivalence": equivalence.pk,
            "commissioning_councils": [region.north.pk, region.south.pk]}
    response = client.post(page.request["PATH_INFO"], data)
    course = Course.objects.get()
    assert course.equivalence == equivalence and response["Location"] == f"/learning/courses/{course.pk}/sessions/new/"
    start = (timezone.localtime() + datetime.timedelta(days=20)).strftime("%Y-%m-%dT09:30")
    response = client.post(response["Location"], {"starts_at": start, "capacity": "12", "online_url": "https://meet.example/ilm",
                                                 f"reserve_{region.north.pk}": "2", "reserved_release_on": start})
    session = Session.objects.get(course=course)
    assert response["Location"] == session.get_absolute_url() and session.reservations.get().places == 2
    assert form is not None


def test_only_coordinators_create_courses(sign_in, region):
    assert sign_in(region.lead_north).get(f"/learning/partnerships/{region.network.slug}/courses/new/").status_code == 404


def test_catalogue_query_count_does_not_grow_with_sessions(sign_in, region, session):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = sign_in(region.staff_north)
    with CaptureQueriesContext(connection) as few:
        client.get("/catalogue/")
    for days in range(8, 18):
        start = timezone.now() + datetime.timedelta(days=days)
        Session.objects.create(course=session.course, starts_at=start, capacity=5, online_url="https://meet.example/y")
    with CaptureQueriesContext(connection) as many:
        client.get("/catalogue/")
    assert len(many) == len(few)
