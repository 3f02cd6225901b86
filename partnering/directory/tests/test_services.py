"""The directory's rules and operations: who finds whom, who verifies, asks and their deadlines, reminders,
matching through the app, and support tiers."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from partnering.access import directory as access
from partnering.access import scope_of
from partnering.core.models import AuditEntry
from partnering.directory import services
from partnering.directory.models import Ask, HelpRequest, Profile, Skill
from partnering.glossary.models import Term
from partnering.organisations.models import Council
from tests.factories import MembershipFactory, PersonFactory, VenueFactory, employ

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2030, 3, 4)


@pytest.fixture
def equality(db):
    term = Term.objects.create(english="Equality and diversity", welsh="Cydraddoldeb ac amrywiaeth", synonyms="EDI\nEqualities")
    return Skill.objects.create(name="Equality and diversity", welsh_name="Cydraddoldeb ac amrywiaeth", term=term)


def listed(person, listed_to=Profile.Listed.PARTNERSHIPS, skill=None, depth=4, **extra):
    profile = services.save_profile(actor=person, listed_to=listed_to, **extra)
    if skill is not None:
        services.add_skill(actor=person, skill=skill, depth=depth)
    return profile


def found_by(person):
    return set(access.profiles_listed_to(scope_of(person)).values_list("person__email", flat=True))


# --- Listing ----------------------------------------------------------------------------------------


def test_a_person_listed_to_their_council_only_is_not_found_by_a_partner_councils_staff(region):
    listed(region.staff_north, Profile.Listed.COUNCIL)
    assert "staff_north@example.test" in found_by(region.lead_north)
    assert "staff_north@example.test" in found_by(region.shared)  # employed by north too
    assert "staff_north@example.test" not in found_by(region.staff_south)
    assert "staff_north@example.test" not in found_by(region.lead_south)
    assert "staff_north@example.test" not in found_by(region.coordinator)


def test_a_person_listed_to_their_partnerships_is_found_across_the_partnership_and_no_further(region):
    listed(region.staff_north, Profile.Listed.PARTNERSHIPS)
    assert "staff_north@example.test" in found_by(region.staff_south)
    assert "staff_north@example.test" in found_by(region.coordinator)
    assert "staff_north@example.test" not in found_by(region.staff_outsider)


def test_an_unlisted_profile_is_seen_only_by_its_person(region):
    profile = listed(region.staff_north, Profile.Listed.NOBODY)
    assert found_by(region.lead_north) == set()
    assert access.profile_for(scope_of(region.staff_north), region.staff_north.pk) == profile
    with pytest.raises(Exception, match="not found"):
        access.profile_for(scope_of(region.lead_north), region.staff_north.pk)


def test_delivering_in_welsh_needs_level_three(region):
    with pytest.raises(services.Refused) as refused:
        services.save_profile(actor=region.staff_north, welsh_level=2, delivers_in_welsh=True)
    assert refused.value.field == "delivers_in_welsh"
    assert services.save_profile(actor=region.staff_north, welsh_level=3, delivers_in_welsh=True).delivers_in_welsh


# --- Verification -----------------------------------------------------------------------------------


def test_only_a_lead_of_the_persons_council_verifies_a_skill_and_never_their_own(region, equality):
    listed(region.staff_north, skill=equality)
    held = region.staff_north.expertise_profile.skills.get()
    for stranger in (region.staff_north, region.lead_south, region.coordinator, region.staff_south):
        with pytest.raises(PermissionDenied):
            services.verify_skill(actor=stranger, held=held)
    services.verify_skill(actor=region.lead_north, held=held)
    held.refresh_from_db()
    assert held.verified and held.verified_by == region.lead_north and held.verified_council == region.north
    assert AuditEntry.objects.filter(actor=region.lead_north, content_type__model="profileskill", council=region.north).exists()
    listed(region.lead_north, skill=equality)
    own = region.lead_north.expertise_profile.skills.get()
    with pytest.raises(PermissionDenied):
        services.verify_skill(actor=region.lead_north, held=own)


def test_changing_a_verified_skills_depth_clears_the_verification(region, equality):
    listed(region.staff_north, skill=equality, depth=2)
    held = region.staff_north.expertise_profile.skills.get()
    services.verify_skill(actor=region.lead_north, held=held)
    services.change_skill(actor=region.staff_north, held=held, depth=2, note="ran six sessions")
    held.refresh_from_db()
    assert held.verified
    services.change_skill(actor=region.staff_north, held=held, depth=4)
    held.refresh_from_db()
    assert not held.verified and held.depth == 4


# --- Requests, asks and deadlines -------------------------------------------------------------------


def test_five_working_days_skip_the_weekend():
    friday = datetime.date(2030, 3, 8)
    assert services.add_working_days(friday, 5) == datetime.date(2030, 3, 15)
    assert services.add_working_days(MONDAY, 5) == datetime.date(2030, 3, 11)
    assert services.next_working_day(friday) == datetime.date(2030, 3, 11)


def _request(region, actor=None, **extra):
    values = {"need": "Welsh-medium equality training for 20 managers", "needed_by": MONDAY + datetime.timedelta(days=60),
              "in_welsh": True, "people_count": 20, "days_estimate": Decimal("2")}
    values.update(extra)
    return services.create_request(actor=actor or region.lead_north, partnership=region.network, council=region.north, **values)


@pytest.fixture
def emails(django_capture_on_commit_callbacks):
    """Emails go after the commit: `with emails():` runs what was left for the commit on leaving the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def on_monday(monkeypatch):
    monkeypatch.setattr(services, "today", lambda: MONDAY)
    return MONDAY


def test_a_welsh_request_suggests_only_people_who_deliver_in_welsh_and_other_councils_first(region, equality, on_monday):
    listed(region.staff_south, skill=equality, welsh_level=5, delivers_in_welsh=True, available_days=Decimal("4"))
    listed(region.shared, skill=equality, welsh_level=5, delivers_in_welsh=True, available_days=Decimal("4"))
    listed(region.staff_north, skill=equality, welsh_level=1, available_days=Decimal("10"))
    request = _request(region)
    matches = services.matches_for(scope_of(region.lead_north), request)
    emails = [PersonFactory._meta.model.objects.get(pk=int(m.person_id)).email for m in matches]
    # The shared person works for north (the council asking) and south: equally good, so south's own person comes first.
    assert emails == ["staff_south@example.test", "shared@example.test"]
    assert [m.other_council for m in matches] == [True, False]
    assert matches[0].score == matches[1].score


def test_asking_sets_a_deadline_five_working_days_on_and_emails_the_person_in_their_language(region, equality, on_monday, emails):
    region.staff_south.language = "cy"
    region.staff_south.save()
    listed(region.staff_south, skill=equality, welsh_level=5, delivers_in_welsh=True)
    request = _request(region)
    with pytest.raises(Exception):  # noqa: B017 - the lead of north may not ask someone north cannot see
        services.ask_person(actor=region.lead_north, request=request, person=region.staff_outsider)
    with emails():
        ask = services.ask_person(actor=region.lead_north, request=request, person=region.staff_south)
    assert ask.respond_by == datetime.date(2030, 3, 11)
    assert ask.score is not None and {r["code"] for r in ask.reasons} >= {"skill", "welsh", "other_council"}
    assert [m.to for m in mail.outbox] == [["staff_south@example.test"]]
    assert "11 Mawrth 2030" in mail.outbox[0].body  # built in the recipient's language
    with pytest.raises(services.Refused, match="already been asked"):
        services.ask_person(actor=region.lead_north, request=request, person=region.staff_south)


def test_only_the_person_asked_answers_and_not_after_the_deadline(region, equality, on_monday, monkeypatch, emails):
    listed(region.staff_south, skill=equality, welsh_level=5, delivers_in_welsh=True)
    ask = services.ask_person(actor=region.coordinator, request=_request(region), person=region.staff_south)
    with pytest.raises(PermissionDenied):
        services.answer_ask(actor=region.lead_north, ask=ask, accept=True)
    monkeypatch.setattr(services, "today", lambda: datetime.date(2030, 3, 12))
    with pytest.raises(services.Refused, match="has passed"):
        services.answer_ask(actor=region.staff_south, ask=ask, accept=True)
    monkeypatch.setattr(services, "today", lambda: datetime.date(2030, 3, 11))
    mail.outbox.clear()
    with emails():
        answered = services.answer_ask(actor=region.staff_south, ask=ask, accept=True, note="Happy to")
    assert answered.status == Ask.Status.ACCEPTED
    assert [m.to for m in mail.outbox] == [["coordinator@example.test"]] and "accepted" in mail.outbox[0].body
    with pytest.raises(services.Refused, match="already answered"):
        services.answer_ask(actor=region.staff_south, ask=ask, accept=False)


def test_a_reminder_goes_once_the_working_day_before_the_deadline_and_not_after_an_answer(region, equality, on_monday, emails):
    listed(region.staff_south, skill=equality, welsh_level=5, delivers_in_welsh=True)
    listed(region.shared, skill=equality, welsh_level=5, delivers_in_welsh=True)
    request = _request(region)
    waiting = services.ask_person(actor=region.coordinator, request=request, person=region.staff_south)  # due Monday 11th
    answered = services.ask_person(actor=region.coordinator, request=request, person=region.shared)
    services.answer_ask(actor=region.shared, ask=answered, accept=False)
    mail.outbox.clear()
    assert services.send_reminders(on=datetime.date(2030, 3, 7)) == 0  # Thursday: two working days before
    with emails():
        assert services.send_reminders(on=datetime.date(2030, 3, 8)) == 1  # Friday: the working day before
    assert [m.to for m in mail.outbox] == [["staff_south@example.test"]] and mail.outbox[0].subject.startswith("Reminder")
    assert services.send_reminders(on=datetime.date(2030, 3, 11)) == 0  # reminded already
    waiting.refresh_from_db()
    assert waiting.reminded_at is not None


def test_the_reminder_command_runs(region, equality):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("send_directory_reminders", stdout=out)
    assert out.getvalue().strip() == "0 reminders sent."


def test_closing_a_request_records_the_outcome_and_withdraws_asks_still_waiting(region, equality, on_monday):
    listed(region.staff_south, skill=equality, welsh_level=5, delivers_in_welsh=True)
    request = _request(region)
    ask = services.ask_person(actor=region.coordinator, request=request, person=region.staff_south)
    with pytest.raises(services.Refused) as refused:
        services.close_request(actor=region.lead_north, request=request, outcome=HelpRequest.Outcome.HELPED)
    assert refused.value.field == "days_used"
    with pytest.raises(PermissionDenied):
        services.close_request(actor=region.lead_south, request=request, outcome=HelpRequest.Outcome.WITHDRAWN)
    services.close_request(actor=region.lead_north, request=request, outcome=HelpRequest.Outcome.HELPED, days_used=Decimal("1.5"),
                           feedback="Managers rated it highly")
    ask.refresh_from_db()
    assert ask.status == Ask.Status.WITHDRAWN
    with pytest.raises(services.Refused, match="closed"):
        services.ask_person(actor=region.coordinator, request=request, person=region.shared)


def test_a_lead_asks_for_help_only_for_a_council_they_lead(region, on_monday):
    with pytest.raises(services.Refused) as refused:
        services.create_request(actor=region.lead_north, partnership=region.network, council=region.south, need="x",
                                needed_by=MONDAY)
    assert refused.value.field == "council"
    with pytest.raises(PermissionDenied):
        services.create_request(actor=region.staff_north, partnership=region.network, council=region.north, need="x", needed_by=MONDAY)
    with pytest.raises(services.Refused) as refused:
        services.create_request(actor=region.coordinator, partnership=region.network, council=region.south, need="x",
                                needed_by=MONDAY - datetime.timedelta(days=1))
    assert refused.value.field == "needed_by"


# --- Where people work, evidence --------------------------------------------------------------------


def test_distance_is_measured_from_the_work_base_else_the_councils_office(region):
    venue = VenueFactory(council=region.north, latitude=53.0, longitude=-4.0)
    job = region.staff_north.employments.get()
    assert services.work_base_of(region.staff_north)[:2] == (51.6, -3.9)  # the council's office
    job.work_base = venue
    job.save()
    assert services.work_base_of(region.staff_north) == (53.0, -4.0, venue)


def test_evidence_counts_sessions_co_delivered_courses_trained_and_answers_accepted(region):
    from django.utils import timezone

    from partnering.learning.models import Course, Session
    from partnering.mapping.models import Topic

    course = Course.objects.create(partnership=region.network, title="Equality for managers",
                                   topic=Topic.objects.first() or Topic.objects.create(name="Equality"))
    past = timezone.now() - datetime.timedelta(days=10)
    trainer = employ(region.staff_south, region.north, "trainer")
    other = region.lead_north.employments.get()
    end = past + datetime.timedelta(hours=3)
    alone = Session.objects.create(course=course, starts_at=past, ends_at=end, capacity=10)
    together = Session.objects.create(course=course, starts_at=past, ends_at=end, capacity=10)
    upcoming = Session.objects.create(course=course, starts_at=timezone.now() + datetime.timedelta(days=3), capacity=10)
    alone.trainers.add(trainer)
    together.trainers.add(trainer, other)
    upcoming.trainers.add(trainer)
    evidence = services.evidence_for(region.staff_south)
    assert (evidence.sessions, evidence.co_delivered, evidence.courses, evidence.answers) == (2, 1, 1, 0)


# --- Support tiers ----------------------------------------------------------------------------------


def test_a_councils_tier_shows_its_entitlement_and_the_days_used_and_promised(region, equality):
    amber = services.create_tier(actor=region.coordinator, partnership=region.network, name="Amber", colour="amber",
                                 days_a_year=Decimal("5"))
    with pytest.raises(PermissionDenied):
        services.create_tier(actor=region.lead_north, partnership=region.network, name="Red", colour="red", days_a_year=Decimal("10"))
    with pytest.raises(services.Refused, match="already has a tier"):
        services.create_tier(actor=region.coordinator, partnership=region.network, name="amber", colour="amber", days_a_year=Decimal("1"))
    services.set_council_tiers(actor=region.coordinator, partnership=region.network, tiers={region.north.pk: amber})
    listed(region.staff_south, skill=equality, welsh_level=5, delivers_in_welsh=True)
    done = _request(region, needed_by=datetime.date.today() + datetime.timedelta(days=30))
    services.close_request(actor=region.lead_north, request=done, outcome="helped", days_used=Decimal("1.5"))
    promised = _request(region, needed_by=datetime.date.today() + datetime.timedelta(days=30), days_estimate=Decimal("2"))
    services.answer_ask(actor=region.staff_south, ask=services.ask_person(actor=region.coordinator, request=promised,
                                                                          person=region.staff_south), accept=True)
    usage = services.tier_usage(region.network, region.north)
    assert (usage.tier, usage.entitlement, usage.used, usage.committed, usage.left) == (amber, Decimal("5"), Decimal("1.5"),
                                                                                       Decimal("2"), Decimal("1.5"))
    assert services.tier_usage(region.network, region.south).tier is None
    services.remove_tier(actor=region.coordinator, tier=amber)
    assert services.tier_usage(region.network, region.north).tier is None


def test_a_council_outside_the_partnership_cannot_be_put_in_a_tier_of_another_partnership(region):
    other = MembershipFactory(council=region.outsider).partnership
    foreign = Council.objects.get(pk=region.outsider.pk)
    theirs = services.create_tier(actor=PersonFactory(is_superuser=True), partnership=other, name="Green", colour="green",
                                  days_a_year=Decimal("1"))
    with pytest.raises(services.Refused, match="partnership's own tiers"):
        services.set_council_tiers(actor=region.coordinator, partnership=region.network, tiers={foreign.pk: theirs})
