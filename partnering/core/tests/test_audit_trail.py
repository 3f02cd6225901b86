"""The audit trail records every change to council- and partnership-owned records, whoever or whatever makes it:
people in the browser, the admin, commands, tasks and bulk writes, each once, with who, when and what."""

import ast
import datetime
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from partnering.access import scope_of
from partnering.access.audit import audit_entries_visible_to
from partnering.core import audit
from partnering.core.models import AuditEntry, Sharing
from partnering.learning import services as learning
from partnering.learning.models import Booking, Course, Evidence, Interest, Requirement, ReservedPlaces, Session, TrainingRecord
from partnering.mapping.models import Provision
from partnering.mapping.tests.spreadsheets import HEADERS, ROWS, xlsx
from partnering.organisations import services as organisations
from partnering.organisations.models import Venue
from partnering.overlap import services as overlap
from partnering.overlap.models import AnalysisRun, Decision, Equivalence, OverlapGroup
from tests.factories import CouncilFactory, PartnershipFactory, PersonFactory, VenueFactory, employ, partnership_role

pytestmark = pytest.mark.django_db


def entries_for(instance):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False), object_id=str(instance.pk)
    ).order_by("pk")


def make_session(region, capacity=2, days=10, **extra):
    course = Course.objects.create(partnership=region.network, title="ILM Level 3 Award", duration_hours=6)
    start = timezone.now() + datetime.timedelta(days=days)
    return Session.objects.create(course=course, starts_at=start, ends_at=start + datetime.timedelta(hours=6), capacity=capacity, **extra)


# --- Learning: attendance, waiting lists, reserved places ---------------------------------------------------------


def test_taking_the_register_records_the_attendance_and_the_training_record_made_and_taken_away(region):
    session = make_session(region, days=-1)
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status=Booking.Status.BOOKED)

    learning.attendance_record(session=session, actor=region.coordinator, attended={booking.pk: True})

    attended = entries_for(booking).filter(action="update").get()
    assert attended.actor == region.coordinator and attended.changes["status"] == ["Booked", "Attended"]
    assert attended.council == region.north and attended.partnership == region.network
    record = TrainingRecord.objects.get()
    made = entries_for(record).get()
    assert made.action == "create" and made.actor == region.coordinator and made.council == region.north
    assert made.changes["title"] == [None, "ILM Level 3 Award"]

    learning.attendance_record(session=session, actor=region.coordinator, attended={booking.pk: False})
    assert entries_for(booking).filter(action="update").last().changes["status"] == ["Attended", "Did not attend"]
    taken_away = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(TrainingRecord), action="delete").get()
    assert taken_away.object_id == str(record.pk) and taken_away.actor == region.coordinator


def test_a_waiting_list_promotion_after_a_cancellation_is_recorded_as_done_by_whoever_cancelled(region):
    session = make_session(region, capacity=1)
    first = learning.booking_create(session=session, person=region.staff_north, council=region.north)
    waiting = learning.booking_create(session=session, person=region.staff_south, council=region.south)
    assert entries_for(waiting).get().action == "create"

    learning.booking_cancel(booking=first, actor=region.staff_north)

    cancelled = entries_for(first).filter(action="update").get()
    assert cancelled.changes["status"] == ["Booked", "Cancelled"] and cancelled.actor == region.staff_north
    promoted = entries_for(waiting).filter(action="update").get()
    assert promoted.changes["status"] == ["On the waiting list", "Booked"]
    assert promoted.actor == region.staff_north and promoted.council == region.south


def test_the_release_command_records_its_promotions_as_the_system_naming_the_command(region):
    session = make_session(region, capacity=2)
    reservation = ReservedPlaces.objects.create(session=session, council=region.south, places=1,
                                                release_on=timezone.now() + datetime.timedelta(days=5))
    learning.booking_create(session=session, person=region.staff_north, council=region.north)
    waiting = learning.booking_create(session=session, person=region.lead_north, council=region.north)
    reservation.release_on = timezone.now() - datetime.timedelta(minutes=1)
    reservation.save()

    call_command("release_reserved_places", stdout=open("/dev/null", "w"))  # noqa: SIM115

    promoted = entries_for(waiting).filter(action="update").get()
    assert promoted.actor is None and promoted.source == "command:release_reserved_places"
    assert promoted.changes["status"] == ["On the waiting list", "Booked"]
    released = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(ReservedPlaces), source="command:release_reserved_places").get()
    assert released.actor is None and released.partnership == region.network
    assert str(session) in released.object_repr and "1" in released.object_repr
    # Running it again promotes nobody and records nothing.
    before = AuditEntry.objects.count()
    call_command("release_reserved_places", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert AuditEntry.objects.count() == before


def test_registering_interest_and_checking_evidence_are_recorded(region):
    course = Course.objects.create(partnership=region.network, title="Coaching skills")
    provisional = Session.objects.create(course=course, capacity=20)
    interest = learning.interest_register(session=provisional, person=region.staff_north, council=region.north)
    entry = entries_for(interest).get()
    assert entry.action == "create" and entry.actor == region.staff_north and entry.partnership == region.network

    evidence = Evidence.objects.create(person=region.staff_north, council=region.north, title="First aid",
                                       completed_on=datetime.date(2025, 1, 10), certificate="evidence/x.pdf")
    learning.evidence_decide(evidence=evidence, actor=region.lead_north, approve=True)
    decided = entries_for(evidence).filter(action="update").get()
    assert decided.actor == region.lead_north and decided.changes["status"] == ["Waiting for a lead to check", "Approved"]
    assert entries_for(TrainingRecord.objects.get()).get().actor == region.lead_north


def test_a_requirement_added_on_its_page_is_recorded_once_as_the_signed_in_lead(region, sign_in):
    client = sign_in(region.lead_north)
    response = client.post(f"/learning/councils/{region.north.slug}/requirements/", {"role": "staff", "title": "Manual handling"})
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entries_for(Requirement.objects.get()).get()
    assert entry.actor == region.lead_north and entry.source == "web" and entry.council == region.north


def test_changing_a_sessions_trainers_is_recorded(region):
    session = make_session(region)
    trainer = employ(PersonFactory(full_name="Tess Trainer"), region.south, "trainer")
    with audit.acting_as(region.coordinator):
        session.trainers.add(trainer)
    entry = entries_for(session).filter(action="update").get()
    assert entry.actor == region.coordinator and entry.changes["trainers"] == [[], [str(trainer)]]


# --- Mapping: an import is one summary, not a row per line ---------------------------------------------------------


def test_an_import_records_one_summary_for_its_lines_naming_the_command(region, tmp_path):
    path = tmp_path / "return.xlsx"
    path.write_bytes(xlsx([HEADERS, *ROWS]))
    call_command("import_provision", str(path), council=region.north.slug, year=2025, stdout=open("/dev/null", "w"))  # noqa: SIM115

    lines = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Provision))
    summary = lines.get()
    assert summary.action == "create" and summary.council == region.north and summary.actor is None
    assert summary.source == "command:import_provision" and summary.object_repr == "Imported 3 lines from return.xlsx"
    assert AuditEntry.objects.filter(source="command:import_provision").count() > 1  # the batch and return too


def test_the_councils_audit_page_says_what_the_command_did(region, sign_in, tmp_path):
    path = tmp_path / "return.xlsx"
    path.write_bytes(xlsx([HEADERS, *ROWS]))
    call_command("import_provision", str(path), council=region.north.slug, year=2025, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = sign_in(region.lead_north).get(f"/councils/{region.north.slug}/audit/").content.decode()
    assert "Imported 3 lines from return.xlsx" in page and "System (command import_provision)" in page


def test_accepting_every_suggested_topic_is_one_entry_as_the_lead(region):
    from partnering.mapping import services as mapping

    mapping.import_return(council=region.north, year=2025, filename="r.xlsx", data=xlsx([HEADERS, *ROWS]))
    before = AuditEntry.objects.count()
    count = mapping.suggested_topics_accept_all(council=region.north, year=2025, actor=region.lead_north)
    assert count >= 1
    entry = AuditEntry.objects.exclude(pk__lte=AuditEntry.objects.order_by("pk")[before - 1].pk).get()
    assert entry.actor == region.lead_north and entry.council == region.north and str(count) in entry.object_repr


# --- Overlap: tasks and decisions ----------------------------------------------------------------------------------


@pytest.fixture
def shared_returns(region):
    from partnering.mapping import services as mapping
    from partnering.mapping.models import Return

    for council in (region.north, region.south):
        mapping.import_return(council=council, year=2025, filename="r.xlsx", data=xlsx([HEADERS, *ROWS]))
        council_return = Return.objects.get(council=council, year=2025)
        council_return.sharing, council_return.shared_with = Sharing.PARTNERSHIP, region.network
        council_return.save()


def test_an_analysis_run_by_its_task_is_recorded_as_the_task_for_the_person_who_asked(region, shared_returns):
    run = overlap.request_analysis(partnership=region.network, year=2025, actor=region.coordinator)
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.DONE
    assert entries_for(run).filter(action="create").get().actor == region.coordinator
    by_task = AuditEntry.objects.filter(source="task:analyse_overlap")
    groups = by_task.get(content_type=ContentType.objects.get_for_model(OverlapGroup))
    assert groups.actor == region.coordinator and groups.partnership == region.network and groups.council is None
    assert str(run.group_count) in groups.object_repr
    assert not by_task.filter(content_type=ContentType.objects.get_for_model(OverlapGroup), object_id__gt="").exists()


def test_confirming_a_group_records_the_decisions_and_the_equivalence_for_the_partnership(region, shared_returns):
    overlap.request_analysis(partnership=region.network, year=2025, actor=region.coordinator)
    group = OverlapGroup.objects.filter(council_count=2).first()
    overlap.group_confirm(group=group, actor=region.coordinator)

    decision = Decision.objects.get()
    made = entries_for(decision).get()
    assert made.action == "create" and made.actor == region.coordinator and made.partnership == region.network
    assert entries_for(Equivalence.objects.get()).get().partnership == region.network
    assert entries_for(group).filter(action="update").get().changes["status"] == ["Proposed", "Confirmed"]


WRITES = {"create", "bulk_create", "get_or_create", "update_or_create", "update", "delete", "bulk_update"}


def test_only_the_audit_module_writes_audit_entries():
    root = Path(__file__).resolve().parents[2]
    writers = []
    for path in sorted(root.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts or path == root / "core" / "audit.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
                owner = node.func.value
                if isinstance(owner, ast.Attribute) and owner.attr == "objects" and isinstance(owner.value, ast.Name) and owner.value.id == "AuditEntry":
                    writers.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    assert writers == []


# --- Who sees what -------------------------------------------------------------------------------------------------


def test_a_coordinator_sees_the_partnerships_trail_and_an_unrelated_lead_does_not(region):
    session = make_session(region)
    course_entry = entries_for(session.course).get()
    assert course_entry.partnership == region.network and course_entry.council is None
    assert course_entry in audit_entries_visible_to(scope_of(region.coordinator))
    assert course_entry not in audit_entries_visible_to(scope_of(region.lead_north))  # a member's lead: not theirs
    other = PartnershipFactory()
    stranger = PersonFactory()
    employ(stranger, CouncilFactory(), "lead")
    partnership_role(PersonFactory(), other, "coordinator")
    assert course_entry not in audit_entries_visible_to(scope_of(stranger))
    assert not audit_entries_visible_to(scope_of(stranger)).filter(partnership=region.network).exists()
    assert not audit_entries_visible_to(scope_of(region.board_member)).exists()  # the board reads, it does not audit
    # A lead still sees their council's records, and the coordinator sees a member council's only where the
    # record is the partnership's too.
    venue = organisations.venue_create(council=region.north, actor=region.lead_north, name="Hall", capacity=10, sharing=Sharing.PRIVATE)
    venue_entry = entries_for(venue).get()
    assert venue_entry in audit_entries_visible_to(scope_of(region.lead_north))
    assert venue_entry not in audit_entries_visible_to(scope_of(region.coordinator))


# --- The admin, and records deleted with their council ---------------------------------------------------------------


def test_an_admin_change_is_recorded_once_with_the_admin_as_its_source(client, region):
    client.force_login(region.admin)
    venue = VenueFactory(council=region.north, name="Old name")
    response = client.post(
        f"/admin/organisations/venue/{venue.pk}/change/",
        {"council": region.north.pk, "sharing": Sharing.PRIVATE, "name": "New name", "capacity": 20, "address": "", "postcode": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    change = entries_for(venue).filter(action="update").get()
    assert change.actor == region.admin and change.source == "admin" and change.changes == {"name": ["Old name", "New name"]}


def test_deleting_a_council_in_the_admin_is_recorded_and_leaves_no_entry_pointing_at_it(client, region):
    client.force_login(region.admin)
    council = CouncilFactory(name="Gone Council")
    venue = VenueFactory(council=council, name="Gone Hall")
    response = client.post(f"/admin/organisations/council/{council.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302, response.content.decode()[:2000]
    gone = AuditEntry.objects.filter(action="delete", actor=region.admin, source="admin")
    assert {entry.object_repr for entry in gone} == {"Gone Council", "Gone Hall"}
    assert all(entry.council is None for entry in gone)
    assert not Venue.objects.filter(pk=venue.pk).exists()
    connection.check_constraints()


def test_a_service_change_is_recorded_once(region):
    venue = organisations.venue_create(council=region.north, actor=region.lead_north, name="Hall", capacity=10, sharing=Sharing.PRIVATE)
    organisations.venue_update(venue=venue, actor=region.lead_north, capacity=12)
    assert [(e.action, e.actor) for e in entries_for(venue)] == [("create", region.lead_north), ("update", region.lead_north)]
    assert entries_for(venue).last().changes == {"capacity": [10, 12]}


def test_changes_made_with_nobody_acting_are_recorded_as_the_system(region):
    venue = VenueFactory(council=region.north)
    entry = entries_for(venue).get()
    assert entry.actor is None and entry.source == "system" and entry.council == region.north


def test_interest_moved_by_a_coordinator_is_recorded(region):
    course = Course.objects.create(partnership=region.network, title="Coaching skills")
    first, second = Session.objects.create(course=course, capacity=20), Session.objects.create(course=course, capacity=20)
    interest = Interest.objects.create(session=first, person=region.staff_north, council=region.north)
    learning.interests_move(moves={interest: second}, actor=region.coordinator)
    moved = entries_for(interest).filter(action="update").get()
    assert moved.actor == region.coordinator and moved.changes["session"] == [str(first), str(second)]


def test_every_model_of_the_project_apps_is_audited_or_says_why_not():
    from django.apps import apps

    labels = {model._meta.label for app in audit.PROJECT_APPS for model in apps.get_app_config(app).get_models()}
    assert labels == set(audit.REGISTRY) | set(audit.NOT_AUDITED)
    assert not set(audit.REGISTRY) & set(audit.NOT_AUDITED)


def test_deleting_several_venues_with_the_admin_action_records_each_once(client, region):
    client.force_login(region.admin)
    halls = [VenueFactory(council=region.north, name=name) for name in ("East Hall", "West Hall")]
    response = client.post("/admin/organisations/venue/", {"action": "delete_selected", "_selected_action": [h.pk for h in halls], "post": "yes"})
    assert response.status_code == 302, response.content.decode()[:2000]
    gone = AuditEntry.objects.filter(action="delete")
    assert sorted((e.object_repr, e.actor, e.source, e.council) for e in gone) == [
        ("East Hall", region.admin, "admin", region.north), ("West Hall", region.admin, "admin", region.north)]


def test_a_person_added_in_the_admin_is_recorded_without_their_password(client, region):
    from partnering.people.models import Person

    client.force_login(region.admin)
    response = client.post("/admin/people/person/add/", {"email": "new@example.test", "full_name": "New Person",
                                                         "password1": "a-long-Pass-phrase-9", "password2": "a-long-Pass-phrase-9"})
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entries_for(Person.objects.get(email="new@example.test")).get()
    assert entry.action == "create" and entry.actor == region.admin and entry.source == "admin"
    assert "password" not in entry.changes and entry.changes["full name"] == [None, "New Person"]
    assert entry.council is None and entry not in audit_entries_visible_to(scope_of(region.lead_north))
