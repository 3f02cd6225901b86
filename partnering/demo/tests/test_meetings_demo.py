"""The demo's North Wales legal board, loaded through the meetings services: a year hosted in turn by its six councils,
decisions and actions, open actions on the next agenda, one overdue for Conwy's demo lead."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from partnering.core.models import AuditEntry
from partnering.demo.loader import load_demo
from partnering.meetings.models import Action, AgendaItem, Body, Decision, Meeting, Position
from partnering.meetings.selectors import overdue_actions_for
from partnering.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def board():
    return Body.objects.get(slug="nw-legal-board")


def test_the_board_meets_monthly_for_a_year_hosted_twice_by_each_of_the_six_councils(demo):
    meetings = list(board().meetings.order_by("starts_at").select_related("host"))
    assert len(meetings) == 12
    hosts = [m.host.short_name for m in meetings]
    assert Counter(hosts) == {name: 2 for name in ("Anglesey", "Gwynedd", "Conwy", "Denbighshire", "Flintshire", "Wrexham")}
    # Denbighshire could not host the fourth (its turn): Flintshire stood in, and Denbighshire hosted the fifth.
    assert hosts[:6] == ["Anglesey", "Gwynedd", "Conwy", "Flintshire", "Denbighshire", "Wrexham"]
    assert [timezone.localtime(m.starts_at).day for m in meetings] == [10] * 12


def test_six_meetings_are_held_with_minutes_decisions_and_positions_and_six_are_to_come(demo):
    meetings = board().meetings.all()
    held = meetings.filter(status=Meeting.Status.HELD)
    assert held.count() == 6 and all(m.minutes and m.minutes_approved for m in held)
    assert meetings.filter(status=Meeting.Status.PLANNED, starts_at__gt=timezone.now()).count() == 6
    assert set(Decision.objects.filter(meeting__body=board()).values_list("outcome", flat=True)) == set(Decision.Outcome.values)
    reserved = Position.objects.get(decision__proposal__startswith="Procure one case management system", council__short_name="Wrexham")
    assert reserved.stance == "reserves"


def test_the_next_meeting_carries_every_open_action_once_and_conwys_lead_sees_the_overdue_one(demo, client):
    coming = board().meetings.filter(starts_at__gt=timezone.now()).order_by("starts_at").first()
    open_actions = set(Action.objects.filter(body=board(), status__in=Action.OPEN_STATUSES))
    carried = list(AgendaItem.objects.filter(meeting=coming, action__isnull=False).values_list("action_id", flat=True))
    assert sorted(carried) == sorted(a.pk for a in open_actions) and len(carried) == len(set(carried)) == 4
    conwy = Person.objects.get(email="lead.conwy@demo.test")
    assert [a.title for a in overdue_actions_for(conwy)] == ["Circulate the draft protocol for sharing counsel's opinions"]
    others = Person.objects.filter(email__startswith="lead.", email__endswith="@demo.test").exclude(pk=conwy.pk)
    assert not any(overdue_actions_for(person).exists() for person in others)
    client.force_login(conwy)
    assert "Circulate the draft protocol" in client.get(reverse("home")).content.decode()


def test_the_demo_is_entered_through_the_services_by_the_host_councils_leads(demo):
    first = board().meetings.order_by("starts_at").first()
    entry = AuditEntry.objects.filter(object_repr="Draft the case management system specification", action="create",
                                      content_type__model="action").get()
    assert entry.actor.email == f"lead.{first.host.slug}@demo.test"


def test_loading_the_demo_again_adds_no_meetings_records(demo):
    counts = [Body.objects.count(), Meeting.objects.count(), AgendaItem.objects.count(), Decision.objects.count(), Action.objects.count()]
    report = load_demo()
    assert report.meetings_records == 0
    assert counts == [Body.objects.count(), Meeting.objects.count(), AgendaItem.objects.count(), Decision.objects.count(),
                      Action.objects.count()]
