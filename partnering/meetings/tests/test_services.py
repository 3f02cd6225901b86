"""Services: hosts from the rotation, meetings and venues, decisions and positions, actions that roll forward once."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from partnering.core.models import AuditEntry
from partnering.meetings import services
from partnering.meetings.models import Action, AgendaItem, Decision, Meeting
from partnering.meetings.services import Refused

from .conftest import at

PAST = datetime.date(2026, 1, 15)


def _meeting(board, region, day, host=None, **extra):
    return services.arrange_meeting(body=board, actor=region.coordinator, starts_at=at(day), host=host or region.north,
                                    online_link="https://meet.example.test/board", **extra)


def test_the_rotation_suggests_the_council_whose_turn_it_is_skipping_one_that_cannot_host(board, region):
    assert services.suggest_hosts(board, 1).hosts == ["north"]
    _meeting(board, region, PAST, host=region.north)
    assert services.suggest_hosts(board, 3).hosts == ["south", "north", "south"]
    services.set_hosts(body=board, actor=region.coordinator, hosts=[(region.north, True), (region.south, False)])
    assert services.suggest_hosts(board, 2).hosts == ["north", "north"]


def test_a_planned_series_goes_round_the_councils_and_keeps_the_time(board, region):
    meetings = services.plan_meetings(body=board, actor=region.coordinator, first=at(datetime.date(2027, 1, 20), 14), every="month",
                                      count=4, online_link="https://meet.example.test/b")
    assert [m.host for m in meetings] == [region.north, region.south, region.north, region.south]
    assert [timezone.localtime(m.starts_at).hour for m in meetings] == [14] * 4
    assert timezone.localtime(meetings[1].starts_at).date() == datetime.date(2027, 2, 20)


def test_the_venue_must_be_the_host_councils_or_the_meeting_is_online(board, region, north_venue):
    with pytest.raises(Refused) as refused:
        services.arrange_meeting(body=board, actor=region.coordinator, starts_at=at(PAST), host=region.south, venue=north_venue)
    assert refused.value.field == "venue"
    with pytest.raises(Refused) as refused:
        services.arrange_meeting(body=board, actor=region.coordinator, starts_at=at(PAST), host=region.north)
    assert refused.value.field == "online_link"
    meeting = services.arrange_meeting(body=board, actor=region.coordinator, starts_at=at(PAST), host=region.north, venue=north_venue)
    assert meeting.venue == north_venue and not meeting.is_online


def test_only_coordinators_arrange_meetings_and_host_leads_edit_only_their_own(board, region):
    with pytest.raises(PermissionDenied):
        services.arrange_meeting(
            body=board, actor=region.lead_north, starts_at=at(PAST), host=region.north, online_link="https://x.test")
    north_hosted = _meeting(board, region, PAST, host=region.north)
    south_hosted = _meeting(board, region, datetime.date(2026, 2, 15), host=region.south)
    services.add_item(meeting=north_hosted, actor=region.lead_north, title="Budget")
    with pytest.raises(PermissionDenied):
        services.add_item(meeting=south_hosted, actor=region.lead_north, title="Budget")
    with pytest.raises(PermissionDenied):
        services.add_item(meeting=north_hosted, actor=region.staff_north, title="Budget")


def test_an_open_action_rolls_into_the_next_meeting_exactly_once_whoever_hosts(board, region):
    first = _meeting(board, region, PAST, host=region.north)
    second = _meeting(board, region, datetime.date(2026, 2, 15), host=region.south)
    action = services.record_action(meeting=first, actor=region.lead_north, title="Send the figures", owner=region.staff_south,
                                    due_on=datetime.date(2026, 2, 1))
    assert action.owner_council == region.south
    rolled = second.items.get(action=action)
    assert rolled.title == "Send the figures" and rolled.owner == region.staff_south
    # Rolling again, by any route, adds nothing.
    assert services.roll_open_actions(second) == []
    assert services.carry_forward(meeting=second, actor=region.lead_south) == []
    services.write_minutes(meeting=first, actor=region.lead_north, minutes="Met.")
    services.change_meeting(meeting=second, actor=region.coordinator, title="February board")
    assert second.items.filter(action=action).count() == 1
    # Not into the meeting it was raised at.
    assert not first.items.filter(action=action).exists()


def test_an_action_still_open_after_the_next_meeting_rolls_on_and_a_done_one_does_not(board, region):
    first = _meeting(board, region, datetime.date(2026, 1, 15))
    second = _meeting(board, region, datetime.date(2026, 2, 15), host=region.south)
    open_one = services.record_action(meeting=first, actor=region.coordinator, title="Open", owner=region.staff_north,
                                      due_on=datetime.date(2026, 3, 1))
    done_one = services.record_action(meeting=first, actor=region.coordinator, title="Done", owner=region.staff_north,
                                      due_on=datetime.date(2026, 3, 1))
    services.update_action(action=done_one, actor=region.staff_north, status=Action.Status.DONE, update="Sent")
    third = _meeting(board, region, datetime.date(2026, 3, 15))
    assert list(third.items.values_list("action__title", flat=True)) == ["Open"]
    services.write_minutes(meeting=second, actor=region.lead_south, minutes="Met.")
    assert third.items.filter(action=open_one).count() == 1
    assert second.items.filter(action=open_one).count() == 1 and second.items.filter(action=done_one).count() == 1


def test_the_database_refuses_the_same_action_twice_on_one_agenda(board, region):
    from django.db import IntegrityError, transaction

    first = _meeting(board, region, PAST)
    second = _meeting(board, region, datetime.date(2026, 2, 15))
    action = services.record_action(meeting=first, actor=region.coordinator, title="A", owner=region.staff_north, due_on=PAST)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgendaItem.objects.create(meeting=second, position=99, title="again", action=action)


def test_a_decision_records_its_outcome_and_each_councils_position(board, region):
    meeting = _meeting(board, region, PAST)
    item = services.add_item(meeting=meeting, actor=region.coordinator, title="Shared legal case system")
    decision = services.record_decision(
        meeting=meeting, actor=region.lead_north, item=item, proposal="Procure one case management system",
        outcome=Decision.Outcome.AGREED_WITH_CHANGES, changes="From April, not January",
        positions={region.north: ("supports", ""), region.south: ("reserves", "Cabinet to confirm")})
    assert {(p.council, p.stance, p.note) for p in decision.positions.all()} == {
        (region.north, "supports", ""), (region.south, "reserves", "Cabinet to confirm")}
    services.set_positions(decision=decision, actor=region.coordinator, positions={region.south: ("supports", "")})
    assert [(p.council, p.stance) for p in decision.positions.all()] == [(region.south, "supports")]


def test_agreed_with_changes_needs_the_changes_and_positions_only_from_the_bodys_councils(board, region):
    meeting = _meeting(board, region, PAST)
    with pytest.raises(Refused) as refused:
        services.record_decision(meeting=meeting, actor=region.coordinator, proposal="P", outcome=Decision.Outcome.AGREED_WITH_CHANGES)
    assert refused.value.field == "changes"
    with pytest.raises(Refused) as refused:
        services.record_decision(meeting=meeting, actor=region.coordinator, proposal="P", outcome=Decision.Outcome.AGREED,
                                 positions={region.outsider: ("supports", "")})
    assert refused.value.field == "positions"
    assert not Decision.objects.exists()


def test_an_owner_from_any_council_updates_their_action_and_others_cannot(board, region):
    meeting = _meeting(board, region, PAST)
    action = services.record_action(meeting=meeting, actor=region.coordinator, title="Draft", owner=region.staff_south, due_on=PAST)
    services.update_action(action=action, actor=region.staff_south, status=Action.Status.DONE, update="Circulated")
    action.refresh_from_db()
    assert action.status == "done" and action.closed_on is not None
    with pytest.raises(PermissionDenied):
        services.update_action(action=action, actor=region.staff_north, status=Action.Status.OPEN)
    services.update_action(action=action, actor=region.staff_south, status=Action.Status.OPEN)
    action.refresh_from_db()
    assert action.closed_on is None


def test_minutes_wait_until_the_meeting_has_started(board, region):
    future = _meeting(board, region, timezone.localdate() + datetime.timedelta(days=10))
    with pytest.raises(Refused):
        services.write_minutes(meeting=future, actor=region.coordinator, minutes="Too soon")
    services.write_minutes(meeting=future, actor=region.coordinator, minutes="Agenda notes", held=False)
    future.refresh_from_db()
    assert future.status == Meeting.Status.PLANNED and future.minutes == "Agenda notes"


def test_papers_must_be_what_their_names_say_and_not_too_big(board, region, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = _meeting(board, region, PAST)
    item = services.add_item(meeting=meeting, actor=region.coordinator, title="Budget")
    with pytest.raises(Refused, match="not a PDF"):
        services.add_paper(item=item, actor=region.coordinator, title="", upload=SimpleUploadedFile("budget.pdf", b"hello there"))
    with pytest.raises(Refused, match="PDF, a Word"):
        services.add_paper(item=item, actor=region.coordinator, title="", upload=SimpleUploadedFile("run.exe", b"MZ"))
    paper = services.add_paper(item=item, actor=region.coordinator, title="",
                               upload=SimpleUploadedFile("Cyllideb Môn.pdf", b"%PDF-1.4 budget"))
    assert paper.title == "Cyllideb Môn" and paper.filename == "Cyllideb Môn.pdf"
    assert paper.file.read() == b"%PDF-1.4 budget"


def test_changes_are_in_the_audit_trail_by_the_acting_person(board, region):
    meeting = _meeting(board, region, PAST)
    services.record_action(meeting=meeting, actor=region.lead_north, title="Audit me", owner=region.staff_north, due_on=PAST)
    entry = AuditEntry.objects.filter(object_repr="Audit me").get()
    assert entry.actor == region.lead_north and entry.partnership_id == region.network.pk


def test_invitations_go_to_each_member_in_their_language_with_a_calendar_that_updates(board, region, mailoutbox, django_capture_on_commit_callbacks):
    from icalendar import Calendar

    region.staff_south.language = "cy"
    region.staff_south.save()
    meeting = _meeting(board, region, datetime.date(2027, 1, 15))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_invitations(meeting=meeting, actor=region.coordinator) == 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in (region.staff_north, region.staff_south, region.lead_north))
    welsh = next(m for m in mailoutbox if m.to == [region.staff_south.email])
    english = next(m for m in mailoutbox if m.to == [region.staff_north.email])
    assert english.subject.startswith("Invitation:")
    assert "Ionawr 2027" in welsh.body and "January 2027" in english.body  # dates in each member's language
    name, content, mimetype = english.attachments[0]
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["uid"]) == f"meeting-{meeting.uid}@partnering" and int(event["sequence"]) == 1
    mailoutbox.clear()
    services.change_meeting(meeting=meeting, actor=region.coordinator, status=Meeting.Status.CANCELLED)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_invitations(meeting=meeting, actor=region.coordinator)
    cancelled = Calendar.from_ical(mailoutbox[0].attachments[0][1])
    assert str(cancelled["method"]) == "CANCEL" and int(cancelled.walk("VEVENT")[0]["sequence"]) == 2


def test_a_cancelled_meetings_open_actions_go_to_the_meeting_after(board, region):
    first = _meeting(board, region, PAST)
    action = services.record_action(meeting=first, actor=region.coordinator, title="Carry on", owner=region.staff_north, due_on=PAST)
    second = _meeting(board, region, datetime.date(2026, 2, 15), host=region.south)
    third = _meeting(board, region, datetime.date(2026, 3, 15))
    assert second.items.filter(action=action).exists() and third.items.filter(action=action).exists()
    # Raised after the later meetings were arranged: into the next only, until that is cancelled.
    late = services.record_action(meeting=first, actor=region.coordinator, title="Late", owner=region.staff_north, due_on=PAST)
    assert second.items.filter(action=late).exists() and not third.items.filter(action=late).exists()
    services.change_meeting(meeting=second, actor=region.coordinator, status=Meeting.Status.CANCELLED)
    assert third.items.filter(action=late).count() == 1


def test_a_body_for_a_group_must_take_a_group_of_its_own_partnership(region):
    from partnering.community.models import Group
    from tests.factories import PartnershipFactory

    elsewhere = Group.objects.create(partnership=PartnershipFactory(), name="Elsewhere", slug="elsewhere")
    with pytest.raises(Refused) as refused:
        services.create_body(partnership=region.network, actor=region.coordinator, name="SIG", slug="sig", kind="group", group=elsewhere)
    assert refused.value.field == "group"
    ours = Group.objects.create(partnership=region.network, name="Legal SIG chairs", slug="chairs")
    body = services.create_body(partnership=region.network, actor=region.coordinator, name="SIG", slug="sig", kind="group", group=ours)
    assert body.group == ours
