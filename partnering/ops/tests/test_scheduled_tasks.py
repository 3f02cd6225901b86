"""The scheduler's periodic tasks do the daily work that used to need cron, each safe to run again."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from partnering.learning.models import Booking, Course, Evaluation, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended_three_months_ago(region):
    course = Course.objects.create(partnership=region.network, title="Excel Intermediate")
    start = timezone.now() - datetime.timedelta(days=91)
    session = Session.objects.create(course=course, starts_at=start, ends_at=start + datetime.timedelta(hours=3), capacity=10)
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="attended")
    Evaluation.objects.create(booking=booking, reaction=4)
    return booking


def test_one_scheduler_round_enqueues_every_periodic_task(capsys):
    call_command("run_scheduler", once=True)
    out = capsys.readouterr().out
    for name in ("heartbeat", "reserved places", "reminders", "follow-ups", "weekly digests"):
        assert f"enqueued {name}" in out


def test_a_follow_up_goes_once_in_the_attendees_language_however_often_the_scheduler_runs(
        region, attended_three_months_ago, django_capture_on_commit_callbacks):
    region.staff_north.language = "cy"
    region.staff_north.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", once=True)
        call_command("run_scheduler", once=True)  # a restarted scheduler sends nothing twice
    follow_ups = [m for m in mail.outbox if f"/me/bookings/{attended_three_months_ago.pk}/follow-up/" in m.body]
    assert len(follow_ups) == 1 and follow_ups[0].to == [region.staff_north.email]
    assert follow_ups[0].subject == "Tri mis yn ddiweddarach: Excel Intermediate"
    assert Evaluation.objects.get().follow_up_requested_at is not None


def test_a_follow_up_is_not_asked_before_three_months_or_after_it_was_given(region, attended_three_months_ago, django_capture_on_commit_callbacks):
    start = timezone.now() - datetime.timedelta(days=80)
    Session.objects.update(starts_at=start, ends_at=start + datetime.timedelta(hours=3))
    from partnering.ops.tasks import send_follow_ups

    with django_capture_on_commit_callbacks(execute=True):
        assert send_follow_ups.call() == 0
    Session.objects.update(starts_at=timezone.now() - datetime.timedelta(days=91))
    Evaluation.objects.update(follow_up="Built a dashboard", follow_up_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert send_follow_ups.call() == 0
    assert mail.outbox == []


def test_no_follow_up_goes_to_someone_whose_account_is_closed(region, attended_three_months_ago, django_capture_on_commit_callbacks):
    region.staff_north.is_active = False
    region.staff_north.save(update_fields=["is_active"])
    from partnering.ops.tasks import send_follow_ups

    with django_capture_on_commit_callbacks(execute=True):
        assert send_follow_ups.call() == 0
    assert mail.outbox == []


def test_the_daily_reminders_task_reports_what_each_area_sent():
    from partnering.ops.tasks import send_reminders

    assert send_reminders.call() == {"asks": 0, "secondments": 0, "timesheets": 0, "agreements": 0}
