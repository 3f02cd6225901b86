"""Booking emails: who gets which, in their own language, sent by a task after the booking is committed,
and never a reason for a booking (or any request) to fail."""

import datetime
import logging
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks.signals import task_enqueued

from partnering.learning import notifications, services
from partnering.learning.models import Booking, Course, Session
from partnering.people.models import Employment
from tests.factories import PersonFactory, employ

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise SMTPException("The mail server is not answering")


FAILING_BACKEND = f"{FailingBackend.__module__}.FailingBackend"


def make_session(region, *, title="ILM Level 3 Award", capacity=5, requires_approval=False, days=10):
    course = Course.objects.create(partnership=region.network, title=title, duration_hours=6, requires_approval=requires_approval)
    start = timezone.now() + datetime.timedelta(days=days)
    return Session.objects.create(course=course, starts_at=start, ends_at=start + datetime.timedelta(hours=6), capacity=capacity,
                                  online_url="https://meet.example/ilm")


def sent_to(person):
    return [message for message in mail.outbox if message.to == [person.email]]


@pytest.fixture
def enqueued():
    """The names of the tasks enqueued while the test runs."""
    seen = []

    def receiver(sender, task_result, **kwargs):
        seen.append(task_result.task.name)

    task_enqueued.connect(receiver)
    yield seen
    task_enqueued.disconnect(receiver)


@pytest.fixture
def manager(region):
    person = PersonFactory(email="manager@example.test", full_name="Manager North")
    employ(person, region.north)
    Employment.objects.filter(person=region.staff_north, council=region.north).update(line_manager=person)
    return person


# --- 1. Bookings waiting for approval -------------------------------------------------------

def test_a_booking_waiting_for_approval_tells_the_person_it_waits_and_asks_the_line_manager_and_leads(
        region, manager, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://partnering.example.gov.uk"
    session = make_session(region, requires_approval=True)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_create(session=session, person=region.staff_north, council=region.north)
    assert booking.status == Booking.Status.PENDING
    [waiting] = sent_to(region.staff_north)
    assert waiting.subject == "Waiting for approval: ILM Level 3 Award"
    assert "you have a place" not in waiting.body.lower() and waiting.attachments == []
    for approver in (manager, region.lead_north):
        [request] = sent_to(approver)
        assert request.subject == "Booking to approve: Staff North, ILM Level 3 Award"
        assert "https://partnering.example.gov.uk/me/approvals/" in request.body and request.attachments == []
    assert len(mail.outbox) == 3  # nobody else: not South's lead, not the coordinator


def test_a_lead_booking_for_themselves_is_not_asked_to_approve_it(region, django_capture_on_commit_callbacks):
    session = make_session(region, requires_approval=True)
    other_lead = PersonFactory(email="other_lead@example.test")
    employ(other_lead, region.north, "lead")
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(session=session, person=region.lead_north, council=region.north)
    assert [m.subject for m in sent_to(region.lead_north)] == ["Waiting for approval: ILM Level 3 Award"]
    assert [m.subject for m in sent_to(other_lead)] == ["Booking to approve: Lead North, ILM Level 3 Award"]


def test_a_former_line_manager_and_a_former_lead_are_not_asked(region, manager, django_capture_on_commit_callbacks):
    session = make_session(region, requires_approval=True)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Employment.objects.filter(person=region.staff_north, council=region.north).update(end_on=yesterday)
    employ(region.staff_north, region.north, start_on=timezone.localdate())  # a new post, with nobody named as manager
    Employment.objects.filter(person=region.lead_north).update(end_on=yesterday)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(session=session, person=region.staff_north, council=region.north)
    assert sent_to(manager) == [] and sent_to(region.lead_north) == []
    assert [m.to for m in mail.outbox] == [[region.staff_north.email]]


def test_the_decision_is_emailed_approved_with_an_invitation_or_declined_without(region, manager, django_capture_on_commit_callbacks):
    session = make_session(region, capacity=1, requires_approval=True)
    colleague = PersonFactory(email="colleague@example.test")
    employ(colleague, region.north)
    first = services.booking_create(session=session, person=region.staff_north, council=region.north)
    second = services.booking_create(session=session, person=colleague, council=region.north)
    third = services.booking_create(session=session, person=region.shared, council=region.north)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_decide(booking=first, actor=manager, approve=True)
        services.booking_decide(booking=second, actor=region.lead_north, approve=True)
        services.booking_decide(booking=third, actor=region.lead_north, approve=False)
    [approved] = sent_to(region.staff_north)
    assert approved.subject == "Booking approved: ILM Level 3 Award" and approved.attachments[0][0] == "invitation.ics"
    [full] = sent_to(colleague)
    assert full.subject == "Booking approved, on the waiting list: ILM Level 3 Award" and full.attachments == []
    [declined] = sent_to(region.shared)
    assert declined.subject == "Booking not approved: ILM Level 3 Award" and declined.attachments == []


# --- 2. Sent by a task, after the commit; a failure is logged and nothing else --------------

@pytest.mark.django_db(transaction=True)
def test_a_mail_server_outage_does_not_stop_a_booking_from_the_browser(region, sign_in, settings, caplog):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    session = make_session(region)
    client = sign_in(region.staff_north)
    with caplog.at_level(logging.ERROR, logger="partnering.learning"):
        response = client.post(f"/catalogue/sessions/{session.pk}/", {"council": region.north.pk})
    assert response.status_code == 302 and response["Location"] == "/me/bookings/"
    assert Booking.objects.get().status == Booking.Status.BOOKED
    [failure] = [r for r in caplog.records if r.name.startswith("partnering.learning")]
    assert failure.exc_info and "mail server is not answering" in str(failure.exc_info[1])


def test_booking_emails_are_enqueued_as_tasks_only_once_the_booking_is_committed(region, enqueued, django_capture_on_commit_callbacks):
    session = make_session(region)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.booking_create(session=session, person=region.staff_north, council=region.north)
    assert enqueued == [] and mail.outbox == []
    for callback in callbacks:
        callback()
    assert enqueued == ["send_email"] and [m.subject for m in mail.outbox] == ["Booking confirmed: ILM Level 3 Award"]


def test_emails_are_in_the_recipients_language_not_the_language_of_the_request(region, sign_in, django_capture_on_commit_callbacks):
    region.staff_north.language = "cy"
    region.staff_north.save()
    session = make_session(region)
    client = sign_in(region.staff_north)  # the site is in English for this request
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/catalogue/sessions/{session.pk}/", {"council": region.north.pk})
    assert [m.subject for m in mail.outbox] == ["Archeb wedi’i chadarnhau: ILM Level 3 Award"]
    # The lead, who has chosen no language, gets English even when cancelling in Welsh.
    booking = Booking.objects.get()
    region.staff_north.language = ""
    region.staff_north.save()
    mail.outbox.clear()
    client.logout()
    lead = sign_in(region.lead_north)
    lead.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    with django_capture_on_commit_callbacks(execute=True):
        lead.post(f"/me/bookings/{booking.pk}/cancel/", HTTP_ACCEPT_LANGUAGE="cy")
    assert [m.subject for m in mail.outbox] == ["Booking cancelled: ILM Level 3 Award"]


def test_dates_in_a_welsh_email_are_written_in_welsh(region, django_capture_on_commit_callbacks):
    region.staff_north.language = "cy"
    region.staff_north.save()
    session = make_session(region)
    session.starts_at = timezone.make_aware(datetime.datetime(timezone.now().year + 1, 6, 3, 10, 0))
    session.ends_at = session.starts_at + datetime.timedelta(hours=2)
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(session=session, person=region.staff_north, council=region.north)
    assert "Mehefin" in mail.outbox[0].body and "June" not in mail.outbox[0].body


# --- 4. Subjects are one line ----------------------------------------------------------------

def test_a_course_title_with_line_breaks_gives_a_one_line_subject(region, django_capture_on_commit_callbacks):
    session = make_session(region, title="ILM\r\nLevel 3\u2028Award\tfor\n\nmanagers")
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(session=session, person=region.staff_north, council=region.north)
    assert [m.subject for m in mail.outbox] == ["Booking confirmed: ILM Level 3 Award for managers"]
    assert mail.outbox[0].message()["Subject"] == "Booking confirmed: ILM Level 3 Award for managers"


def test_a_very_long_course_title_is_cut_short_in_the_subject(region, django_capture_on_commit_callbacks):
    session = make_session(region, title="Safeguarding " * 23)
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_create(session=session, person=region.staff_north, council=region.north)
    subject = mail.outbox[0].subject
    assert subject.startswith("Booking confirmed: Safeguarding Safeguarding") and subject.endswith("…")
    assert len(subject) <= notifications.SUBJECT_MAX_LENGTH


@pytest.mark.django_db(transaction=True)
def test_booking_a_course_whose_title_has_a_line_break_works_in_the_browser(region, sign_in):
    session = make_session(region, title="ILM Level 3\nAward")
    response = sign_in(region.staff_north).post(f"/catalogue/sessions/{session.pk}/", {"council": region.north.pk})
    assert response.status_code == 302 and Booking.objects.get().status == Booking.Status.BOOKED
    assert [m.subject for m in mail.outbox] == ["Booking confirmed: ILM Level 3 Award"]


# --- 5. Session changes and waiting-list promotions take the same path ----------------------

def test_session_changes_are_emailed_by_tasks_in_each_recipients_language(region, enqueued, django_capture_on_commit_callbacks):
    session = make_session(region)
    Booking.objects.create(session=session, person=region.staff_north, council=region.north, status=Booking.Status.BOOKED)
    Booking.objects.create(session=session, person=region.staff_south, council=region.south, status=Booking.Status.WAITLISTED)
    region.staff_south.language = "cy"
    region.staff_south.save()
    notifications.session_changed(session, now_dated=False)
    assert enqueued == ["send_email", "send_email"]
    [booked] = sent_to(region.staff_north)
    assert booked.subject == "Session changed: ILM Level 3 Award" and booked.attachments[0][0] == "invitation.ics"
    [waiting] = sent_to(region.staff_south)
    assert waiting.subject == "Sesiwn wedi newid: ILM Level 3 Award"
    assert waiting.attachments == []  # no place, so nothing goes into their calendar


def test_a_date_being_set_is_emailed_by_a_task(region, enqueued):
    from partnering.learning.models import Interest

    session = make_session(region)
    Interest.objects.create(session=session, person=region.staff_north, council=region.north)
    notifications.session_changed(session, now_dated=True)
    assert enqueued == ["send_email"] and [m.subject for m in mail.outbox] == ["A date is set: ILM Level 3 Award"]


def test_changing_a_session_while_the_mail_server_is_down_still_saves_it(region, sign_in, settings, caplog,
                                                                         django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    session = make_session(region)
    Booking.objects.create(session=session, person=region.staff_north, council=region.north, status=Booking.Status.BOOKED)
    start = (timezone.localtime() + datetime.timedelta(days=12)).strftime("%Y-%m-%dT13:00")
    client = sign_in(region.coordinator)
    with caplog.at_level(logging.ERROR, logger="partnering.learning"), django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/learning/sessions/{session.pk}/edit/", {"starts_at": start, "capacity": "10", "online_url": session.online_url})
    assert response.status_code == 302
    assert [r for r in caplog.records if r.name.startswith("partnering.learning") and r.exc_info]


def test_a_waiting_list_promotion_is_emailed_by_a_task_in_the_recipients_language(region, enqueued, django_capture_on_commit_callbacks):
    session = make_session(region, capacity=1)
    first = services.booking_create(session=session, person=region.staff_north, council=region.north)
    services.booking_create(session=session, person=region.staff_south, council=region.south)
    region.staff_south.language = "cy"
    region.staff_south.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=first, actor=region.staff_north)
    assert enqueued == ["send_email", "send_email"]
    assert [m.subject for m in sent_to(region.staff_south)] == ["Daeth lle ar gael i chi: ILM Level 3 Award"]
