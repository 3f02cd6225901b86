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
    from partnering.overlap.models import OverlapGroup
    from partnering.overlap.tests.test_analysis import NORTH, SOUTH, share

    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)
    overlap.request_analysis(partnership=region.network, year=2025, actor=region.coordinator)
    group = OverlapGroup.objects.get(title__startswith="ILM L3")
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


def test_catalogue_filters_by_distance_from_where_you_work(sign_in, region, session):
    from partnering.organisations.models import Venue

    far = Venue.objects.create(council=region.south, name="Far Hall", latitude=53.4, longitude=-3.0, sharing="public")
    start = timezone.now() + datetime.timedelta(days=9)
    distant = Session.objects.create(course=session.course, starts_at=start, capacity=5, venue=far)
    client = sign_in(region.staff_north)  # North's head office is at 51.6, -3.9 in the factories
    nearby = [s for s, _left in client.get("/catalogue/?within_km=50").context["rows"]]
    assert session in nearby and distant not in nearby  # online sessions are never too far
    assert distant in [s for s, _left in client.get("/catalogue/?within_km=400").context["rows"]]


def test_reports_count_attendance_learner_days_and_welsh_courses(sign_in, region, session):
    session.course.duration_hours = 7.4
    session.course.save()
    Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="attended")
    Booking.objects.create(session=session, person=region.staff_south, council=region.south, status="no_show")
    page = sign_in(region.coordinator).get(f"/learning/partnerships/{region.network.slug}/reports/")
    rows = {row["council__short_name"]: row for row in page.context["by_council"]}
    assert rows["North"]["attended"] == 1 and rows["South"]["no_show_rate"] == 100
    assert page.context["learner_days"] == [("–", 1.0)]
    assert [(c.title, c.staff_attended) for c in page.context["welsh_courses"]] == [("Excel Intermediate", 1)]


def test_reports_are_not_for_staff_or_other_partnerships(sign_in, region, client):
    assert sign_in(region.staff_north).get(f"/learning/partnerships/{region.network.slug}/reports/").status_code == 404
    client.logout()
    assert sign_in(region.staff_outsider).get(f"/learning/partnerships/{region.network.slug}/reports/").status_code == 404


def test_leads_approve_bookings_from_their_view(sign_in, region, session):
    session.course.requires_approval = True
    session.course.save()
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="pending")
    client = sign_in(region.lead_north)
    assert booking in client.get(f"/learning/councils/{region.north.slug}/bookings/").context["pending"]
    client.post(f"/learning/bookings/{booking.pk}/decide/", {"decision": "approve"})
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_attendees_evaluate_then_follow_up_three_months_later(sign_in, region, session, client, django_capture_on_commit_callbacks):
    from django.core import mail
    from django.core.management import call_command

    from partnering.learning.models import Evaluation

    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="attended")
    me = sign_in(region.staff_north)
    page = me.get(f"/me/bookings/{booking.pk}/evaluate/").content.decode()
    assert 'class="govuk-radios__input"' in page and "govuk-fieldset__legend" in page  # GOV.UK radios, not Django's list
    assert me.post(f"/me/bookings/{booking.pk}/evaluate/", {"reaction": "9"}).status_code == 200  # out of range
    me.post(f"/me/bookings/{booking.pk}/evaluate/", {"reaction": "4", "learned": "Pivot tables", "intended_use": "Monthly returns"})
    evaluation = Evaluation.objects.get()
    assert evaluation.reaction == 4
    assert me.get(f"/me/bookings/{booking.pk}/follow-up/").status_code == 302  # not due yet
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() - datetime.timedelta(days=91))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_follow_ups", stdout=open("/dev/null", "w"))
    assert len(mail.outbox) == 1 and f"/me/bookings/{booking.pk}/follow-up/" in mail.outbox[0].body
    me.post(f"/me/bookings/{booking.pk}/follow-up/", {"follow_up": "I built the dashboard."})
    evaluation.refresh_from_db()
    assert evaluation.follow_up_at is not None
    client.logout()
    results = sign_in(region.coordinator).get(f"/learning/courses/{session.course.pk}/evaluations/")
    assert results.context["summary"]["responses"] == 1 and "I built the dashboard." in results.content.decode()
    client.logout()
    assert sign_in(region.staff_outsider).get(f"/learning/courses/{session.course.pk}/evaluations/").status_code == 404


def test_someone_elses_booking_cannot_be_evaluated(sign_in, region, session):
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="attended")
    assert sign_in(region.staff_south).get(f"/me/bookings/{booking.pk}/evaluate/").status_code == 404


def test_a_provisional_session_given_a_date_tells_the_interested(sign_in, region, django_capture_on_commit_callbacks):
    from django.core import mail

    from partnering.learning import services

    course = Course.objects.create(partnership=region.network, title="Menopause Awareness")
    provisional = Session.objects.create(course=course, capacity=20)
    services.interest_register(session=provisional, person=region.staff_north, council=region.north)
    client = sign_in(region.coordinator)
    start = (timezone.localtime() + datetime.timedelta(days=30)).strftime("%Y-%m-%dT10:00")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/learning/sessions/{provisional.pk}/edit/", {"starts_at": start, "capacity": "20", "online_url": "meet.example/x"})
    provisional.refresh_from_db()
    assert response.status_code == 302 and provisional.starts_at is not None and provisional.online_url == "https://meet.example/x"
    assert [m.to for m in mail.outbox] == [[region.staff_north.email]] and "now has a date" in mail.outbox[0].body


def test_changing_a_session_sends_updated_invitations(sign_in, region, session, django_capture_on_commit_callbacks):
    from django.core import mail

    Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="booked")
    start = (timezone.localtime() + datetime.timedelta(days=12)).strftime("%Y-%m-%dT13:00")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sign_in(region.coordinator).post(f"/learning/sessions/{session.pk}/edit/", {"starts_at": start, "capacity": "10", "online_url": session.online_url})
    assert mail.outbox[0].subject == "Session changed: Excel Intermediate" and mail.outbox[0].attachments[0][0] == "invitation.ics"


def test_only_coordinators_change_sessions(sign_in, region, session):
    assert sign_in(region.lead_north).get(f"/learning/sessions/{session.pk}/edit/").status_code == 404
