"""Booking rules: places, reserved places and their release, the waiting list, cancellation, attendance."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from partnering.access import learning as access
from partnering.access import scope_of
from partnering.access.learning import records_visible_to
from partnering.learning import services
from partnering.learning.models import Booking, Course, ReservedPlaces, Session, TrainingRecord
from tests.factories import PersonFactory, employ

pytestmark = pytest.mark.django_db


def make_session(region, capacity=2, days=10, **extra):
    course = Course.objects.create(partnership=region.network, title="ILM Level 3 Award", duration_hours=6)
    start = timezone.now() + datetime.timedelta(days=days)
    return Session.objects.create(course=course, starts_at=start, ends_at=start + datetime.timedelta(hours=6), capacity=capacity,
                                  online_url="https://meet.example/ilm", **extra)


def test_people_get_places_until_the_session_is_full_then_join_the_waiting_list(region):
    session = make_session(region, capacity=2)
    first = services.booking_create(session=session, person=region.staff_north, council=region.north)
    second = services.booking_create(session=session, person=region.staff_south, council=region.south)
    third = services.booking_create(session=session, person=region.lead_north, council=region.north)
    assert [first.status, second.status, third.status] == ["booked", "booked", "waitlisted"]


def test_a_cancellation_promotes_the_next_person_and_tells_them(region, django_capture_on_commit_callbacks):
    session = make_session(region, capacity=1)
    first = services.booking_create(session=session, person=region.staff_north, council=region.north)
    waiting = services.booking_create(session=session, person=region.staff_south, council=region.south)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=first, actor=region.staff_north)
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.BOOKED
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["A place came free for you: ILM Level 3 Award", "Booking cancelled: ILM Level 3 Award"]


def test_reserved_places_are_kept_for_their_council_until_released(region):
    session = make_session(region, capacity=2)
    ReservedPlaces.objects.create(session=session, council=region.south, places=1, release_on=timezone.now() + datetime.timedelta(days=5))
    services.booking_create(session=session, person=region.staff_north, council=region.north)
    other_north = services.booking_create(session=session, person=region.lead_north, council=region.north)
    assert other_north.status == Booking.Status.WAITLISTED  # the last place is South's
    south = services.booking_create(session=session, person=region.staff_south, council=region.south)
    assert south.status == Booking.Status.BOOKED and south.uses_reserved_place


def test_released_reserved_places_go_to_the_waiting_list(region):
    session = make_session(region, capacity=2)
    reservation = ReservedPlaces.objects.create(session=session, council=region.south, places=1,
                                                release_on=timezone.now() + datetime.timedelta(days=5))
    services.booking_create(session=session, person=region.staff_north, council=region.north)
    waiting = services.booking_create(session=session, person=region.lead_north, council=region.north)
    assert services.release_reserved_places() == 0
    reservation.release_on = timezone.now() - datetime.timedelta(minutes=1)
    reservation.save()
    assert services.release_reserved_places() == 1
    waiting.refresh_from_db()
    assert waiting.status == Booking.Status.BOOKED


def test_a_person_with_two_employers_books_for_either_but_not_for_a_council_outside_the_partnership(region):
    session = make_session(region)
    assert {c.slug for c in access.councils_to_book_for(scope_of(region.shared), session)} == {"north", "south"}
    with pytest.raises(services.BookingRefused):
        services.booking_create(session=session, person=region.staff_outsider, council=region.outsider)
    booking = services.booking_create(session=session, person=region.shared, council=region.south)
    assert booking.council == region.south


def test_booking_twice_closed_windows_and_started_sessions_are_refused(region):
    session = make_session(region, booking_closes_at=timezone.now() + datetime.timedelta(days=1))
    services.booking_create(session=session, person=region.staff_north, council=region.north)
    with pytest.raises(services.BookingRefused, match="already"):
        services.booking_create(session=session, person=region.staff_north, council=region.north)
    closed = make_session(region, booking_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(services.BookingRefused, match="not open"):
        services.booking_create(session=closed, person=region.staff_north, council=region.north)


def test_someone_else_cannot_cancel_your_booking_but_your_lead_can(region):
    from django.core.exceptions import PermissionDenied

    session = make_session(region)
    booking = services.booking_create(session=session, person=region.staff_north, council=region.north)
    with pytest.raises(PermissionDenied):
        services.booking_cancel(booking=booking, actor=region.staff_south)
    services.booking_cancel(booking=booking, actor=region.lead_north)
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED


def test_the_invitation_is_a_calendar_event_for_the_session(region, django_capture_on_commit_callbacks):
    session = make_session(region)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(session=session, person=region.staff_north, council=region.north)
    name, content, mimetype = mail.outbox[0].attachments[0]
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert name == "invitation.ics" and mimetype.startswith("text/calendar")
    assert str(event["summary"]) == "ILM Level 3 Award" and event.decoded("dtstart") == session.starts_at.replace(microsecond=0)
    assert "staff_north@example.test" in str(event["attendee"])


def test_attendance_creates_a_training_record_that_stays_with_the_person(region):
    session = make_session(region, days=-1)
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status=Booking.Status.BOOKED)
    services.attendance_record(session=session, actor=region.coordinator, attended={booking.pk: True})
    record = TrainingRecord.objects.get(person=region.staff_north)
    assert record.title == "ILM Level 3 Award" and record.council == region.north
    # A new employment elsewhere does not take it away.
    from tests.factories import CouncilFactory

    employ(region.staff_north, CouncilFactory())
    assert records_visible_to(scope_of(region.staff_north)).count() == 1
    services.attendance_record(session=session, actor=region.coordinator, attended={booking.pk: False})
    assert not TrainingRecord.objects.exists()


def test_only_trainers_and_coordinators_take_the_register(region):
    from django.core.exceptions import PermissionDenied

    session = make_session(region)
    with pytest.raises(PermissionDenied):
        services.attendance_record(session=session, actor=region.staff_north, attended={})
    trainer = PersonFactory()
    session.trainers.add(employ(trainer, region.south, "trainer"))
    services.attendance_record(session=session, actor=trainer, attended={})


def test_a_course_needing_approval_holds_no_place_until_the_lead_approves(region):
    session = make_session(region, capacity=1)
    session.course.requires_approval = True
    session.course.save()
    pending = services.booking_create(session=session, person=region.staff_north, council=region.north)
    assert pending.status == Booking.Status.PENDING and services.places(session).general_left == 1
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.booking_decide(booking=pending, actor=region.lead_south, approve=True)
    approved = services.booking_decide(booking=pending, actor=region.lead_north, approve=True)
    assert approved.status == Booking.Status.BOOKED
    colleague = PersonFactory()
    employ(colleague, region.north)
    second = services.booking_create(session=session, person=colleague, council=region.north)
    assert services.booking_decide(booking=second, actor=region.lead_north, approve=True).status == Booking.Status.WAITLISTED
    third = services.booking_create(session=session, person=region.shared, council=region.north)
    assert services.booking_decide(booking=third, actor=region.lead_north, approve=False).status == Booking.Status.CANCELLED


def test_provisional_sessions_collect_interest_instead_of_bookings(region):
    course = Course.objects.create(partnership=region.network, title="Menopause Awareness")
    provisional = Session.objects.create(course=course, capacity=20)
    services.interest_register(session=provisional, person=region.staff_north, council=region.north)
    services.interest_register(session=provisional, person=region.staff_north, council=region.north)  # once only
    assert provisional.interests.count() == 1
    with pytest.raises(services.BookingRefused, match="not open"):
        services.booking_create(session=provisional, person=region.staff_south, council=region.south)
    with pytest.raises(services.BookingRefused):
        services.interest_register(session=make_session(region), person=region.staff_south, council=region.south)


def test_distance_between_two_places():
    swansea, neath = (51.616, -3.944), (51.592, -3.781)
    assert 11 < services.distance_km(*swansea, *neath) < 12.5
    assert services.distance_km(None, 0, 1, 1) is None


def test_the_line_manager_approves_and_others_cannot(region):
    from django.core.exceptions import PermissionDenied

    from partnering.people.models import Employment

    session = make_session(region)
    session.course.requires_approval = True
    session.course.save()
    manager = PersonFactory()
    Employment.objects.filter(person=region.staff_north, council=region.north).update(line_manager=manager)
    pending = services.booking_create(session=session, person=region.staff_north, council=region.north)
    assert list(access.bookings_awaiting(scope_of(manager))) == [pending]
    assert list(access.bookings_awaiting(scope_of(PersonFactory()))) == []
    with pytest.raises(PermissionDenied):
        services.booking_decide(booking=pending, actor=region.staff_south, approve=True)
    assert services.booking_decide(booking=pending, actor=manager, approve=True).status == Booking.Status.BOOKED


def test_it_is_too_late_to_cancel_once_the_session_has_started(region):
    session = make_session(region, days=-1)
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status=Booking.Status.BOOKED)
    with pytest.raises(services.BookingRefused, match="too late"):
        services.booking_cancel(booking=booking, actor=region.staff_north)


def test_nobody_approves_their_own_booking_even_as_the_councils_lead(region):
    from django.core.exceptions import PermissionDenied

    session = make_session(region, capacity=5)
    session.course.requires_approval = True
    session.course.save()
    own = services.booking_create(session=session, person=region.lead_north, council=region.north)
    with pytest.raises(PermissionDenied):
        services.booking_decide(booking=own, actor=region.lead_north, approve=True)
    assert own not in access.bookings_awaiting(scope_of(region.lead_north))
    assert services.booking_decide(booking=own, actor=region.admin, approve=True).status == Booking.Status.BOOKED
