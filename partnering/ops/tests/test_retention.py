"""Each council's retention period for its leavers' personal data, and the daily erasure that applies it."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session as WebSession
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from partnering.core.models import AuditEntry
from partnering.directory.models import Ask, HelpRequest, Profile, ProfileSkill, Skill
from partnering.identity.models import AccessRequest, ImportedEmployment, SignIn
from partnering.learning.models import Booking, Course, Evaluation, Session, TrainingRecord
from partnering.ops import personal_data, retention
from partnering.ops.models import ErasureLog, RetentionRule
from partnering.ops.retention_tasks import erase_expired_personal_data
from partnering.people.models import Employment
from partnering.workforce.models import Timesheet
from tests.factories import PASSWORD, PersonFactory, employ

pytestmark = pytest.mark.django_db

RUN_ON = datetime.date(2027, 1, 1)
FULL_NAME, EMAIL = "Samantha Leaverton", "sam.leaverton@north.example"
PERSONAL = (FULL_NAME, EMAIL, "N-004217", "allotment in Pontardawe", "Polish and Gujarati",
            "Samantha learned pivot tables", "Samantha's week off sick", "Samantha's own note", "sub-8842")


def set_period(council, months):
    RetentionRule.objects.update_or_create(council=council, defaults={"months": months})


def ended(person, on):
    Employment.objects.filter(person=person).update(end_on=on)


def everything_as_text(person) -> str:
    return json.dumps(personal_data.as_json(personal_data.everything_about(person)), ensure_ascii=False, default=str)


@pytest.fixture
def leaver(region, client):
    """Someone who left North in March 2020, leaving something in every app that holds personal data."""
    person = PersonFactory(full_name=FULL_NAME, email=EMAIL)
    employment = employ(person, region.north, job_title="Payroll officer", start_on=datetime.date(2015, 4, 1))
    ImportedEmployment.objects.create(employment=employment, staff_number="N-004217")
    AccessRequest.objects.create(council=region.north, email=EMAIL, full_name=FULL_NAME, job_title="Payroll officer",
                                 status=AccessRequest.Status.APPROVED)
    profile = Profile.objects.create(person=person, about="Ask me about the allotment in Pontardawe", training_languages="Polish and Gujarati",
                                     listed_to=Profile.Listed.PARTNERSHIPS)
    ProfileSkill.objects.create(profile=profile, skill=Skill.objects.create(name="Payroll"), note="Samantha's own note")
    request = HelpRequest.objects.create(council=region.north, partnership=region.network, need="Payroll help",
                                         needed_by=datetime.date(2019, 7, 1))
    Ask.objects.create(request=request, person=person, respond_by=datetime.date(2019, 7, 1), message="Hello Samantha", response_note="Samantha's own note")
    course = Course.objects.create(partnership=region.network, title="Excel Intermediate")
    start = timezone.make_aware(datetime.datetime(2019, 5, 1, 9))
    session = Session.objects.create(course=course, starts_at=start, ends_at=start + datetime.timedelta(hours=3), capacity=10)
    booking = Booking.objects.create(session=session, person=person, council=region.north, status=Booking.Status.ATTENDED)
    Evaluation.objects.create(booking=booking, reaction=5, learned="Samantha learned pivot tables")
    TrainingRecord.objects.create(person=person, title="Excel Intermediate", completed_on=datetime.date(2019, 5, 1),
                                  council=region.north, hours=Decimal("3.00"))
    Timesheet.objects.create(partnership=region.network, person=person, council=region.north, start_on=datetime.date(2019, 6, 3),
                             end_on=datetime.date(2019, 6, 9), comment="Samantha's week off sick")
    SignIn.objects.create(person=person, method=SignIn.Method.COUNCIL, council=region.north)
    EmailAddress.objects.create(user=person, email=EMAIL, verified=True, primary=True)
    SocialAccount.objects.create(user=person, provider="north", uid="sub-8842", extra_data={"name": FULL_NAME, "email": EMAIL})
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    client.force_login(person)  # a session still open somewhere
    ended(person, datetime.date(2020, 3, 31))
    return person


# --- Who is due ---------------------------------------------------------------------------------------------------


def test_a_leaver_is_due_once_their_councils_period_has_passed(region, leaver):
    set_period(region.north, 72)
    assert retention.due_on(datetime.date(2026, 3, 31)) == []
    [due] = retention.due_on(datetime.date(2026, 4, 1))
    assert (due.person_id, due.council_id, due.months) == (leaver.pk, region.north.pk, 72)


def test_a_council_without_a_period_keeps_everyones_data(region, leaver):
    assert retention.due_on(RUN_ON) == []
    set_period(region.north, None)  # "keep until I say"
    assert retention.due_on(RUN_ON) == []


def test_someone_who_left_one_council_but_still_works_for_another_is_not_due(region):
    set_period(region.north, 1)
    set_period(region.south, 1)
    Employment.objects.filter(person=region.shared, council=region.north).update(end_on=datetime.date(2021, 6, 30))
    assert region.shared.pk not in {row.person_id for row in retention.due_on(RUN_ON)}
    Employment.objects.filter(person=region.shared).update(end_on=datetime.date(2021, 6, 30))
    assert region.shared.pk in {row.person_id for row in retention.due_on(RUN_ON)}


def test_with_several_councils_the_longest_period_counts(region, leaver):
    set_period(region.north, 12)
    set_period(region.south, 120)
    employ(leaver, region.south, start_on=datetime.date(2016, 1, 1), end_on=datetime.date(2020, 3, 31))
    assert retention.due_on(RUN_ON) == []
    [due] = retention.due_on(datetime.date(2030, 4, 1))
    assert (due.council_id, due.months) == (region.south.pk, 120)


def test_coordinators_and_site_administrators_are_never_due(region):
    set_period(region.north, 1)
    for person in (region.coordinator, region.admin):
        employ(person, region.north, start_on=datetime.date(2015, 1, 1), end_on=datetime.date(2016, 1, 1))
    # the coordinator's current partnership role (from the region) keeps them; the administrator's account is not a council's
    due = {row.person_id for row in retention.due_on(RUN_ON)}
    assert region.coordinator.pk not in due and region.admin.pk not in due


# --- The erasure ----------------------------------------------------------------------------------------------------


def test_erasure_leaves_nothing_personal_in_the_persons_data_download(region, leaver):
    set_period(region.north, 12)
    before = everything_as_text(leaver)
    assert FULL_NAME in before and EMAIL in before
    result = retention.erase_expired(on=RUN_ON)
    assert (result.due, result.erased) == (1, 1)
    leaver.refresh_from_db()
    after = everything_as_text(leaver)
    for text in PERSONAL:
        assert text not in after, text
    assert leaver.full_name == f"Anonymised person #{leaver.pk}" and leaver.email == f"erased-{leaver.pk}@invalid"


def test_erasure_blanks_every_apps_personal_fields(region, leaver):
    set_period(region.north, 12)
    retention.erase_expired(on=RUN_ON)
    assert ImportedEmployment.objects.get(employment__person=leaver).staff_number == ""
    assert Employment.objects.get(person=leaver).job_title == "Payroll officer"  # the post, kept for the workforce figures
    access_request = AccessRequest.objects.get(council=region.north)
    assert FULL_NAME not in str(access_request) and EMAIL not in access_request.email and access_request.job_title == ""
    profile = Profile.objects.get(person=leaver)
    assert (profile.about, profile.training_languages, profile.listed_to) == ("", "", Profile.Listed.NOBODY)
    assert ProfileSkill.objects.get(profile=profile).note == ""
    assert Ask.objects.filter(person=leaver, message="", response_note="").count() == 1
    assert Evaluation.objects.get(booking__person=leaver).learned == ""
    assert Timesheet.objects.get(person=leaver).comment == ""


def test_erasure_ends_every_way_of_signing_in(region, leaver, client):
    set_period(region.north, 12)
    assert WebSession.objects.count() == 1
    retention.erase_expired(on=RUN_ON)
    leaver.refresh_from_db()
    assert not leaver.is_active and not leaver.has_usable_password()
    assert not EmailAddress.objects.filter(user=leaver).exists()
    assert not SocialAccount.objects.filter(user=leaver).exists()
    assert not Authenticator.objects.filter(user=leaver).exists()
    assert WebSession.objects.count() == 0
    assert client.post("/accounts/login/", {"username": EMAIL, "password": PASSWORD}).status_code == 200  # the form again, refused


def test_the_partnerships_figures_are_unchanged_by_an_erasure(region, leaver):
    set_period(region.north, 12)
    figures = lambda: (Booking.objects.filter(status=Booking.Status.ATTENDED, council=region.north).count(),  # noqa: E731
                       sum(record.hours for record in TrainingRecord.objects.filter(council=region.north)),
                       Evaluation.objects.filter(reaction=5).count(), SignIn.objects.filter(council=region.north).count(),
                       Timesheet.objects.filter(council=region.north).count(), Employment.objects.filter(council=region.north).count())
    before = figures()
    retention.erase_expired(on=RUN_ON)
    assert figures() == before == (1, Decimal("3.00"), 1, 1, 1, 4)
    assert Booking.objects.get(council=region.north).person_id == leaver.pk  # still linked, to the anonymous person


def test_the_log_and_the_audit_trail_hold_nothing_of_what_was_erased(region, leaver):
    set_period(region.north, 12)
    assert AuditEntry.objects.filter(object_repr__contains=FULL_NAME).exists()  # the trail named them before
    retention.erase_expired(on=RUN_ON, source="command:test")
    [log] = ErasureLog.objects.all()
    assert (log.council, log.person_pk, log.months, log.source) == (region.north, leaver.pk, 12, "command:test")
    assert log.records["people"] >= 1 and log.records["identity"] >= 4 and log.records["trail"] >= 1
    logged = json.dumps([log.person_pk, log.months, log.records, str(log)], ensure_ascii=False)
    trail = json.dumps([[entry.object_repr, entry.changes] for entry in AuditEntry.objects.all()], ensure_ascii=False)
    for text in PERSONAL:
        assert text not in logged, text
        assert text not in trail, text
    summary = AuditEntry.objects.get(council=region.north, object_repr__startswith="Personal data of person")
    assert f"#{leaver.pk}" in summary.object_repr and summary.source == "command:test"


def test_a_second_run_processes_nobody_again(region, leaver):
    set_period(region.north, 12)
    assert retention.erase_expired(on=RUN_ON).erased == 1
    again = retention.erase_expired(on=RUN_ON)
    assert (again.due, again.erased) == (0, 0)
    assert ErasureLog.objects.count() == 1


def test_a_dry_run_counts_and_changes_nothing(region, leaver):
    set_period(region.north, 12)
    entries = AuditEntry.objects.count()
    result = retention.erase_expired(on=RUN_ON, dry_run=True)
    assert (result.due, result.erased, result.dry_run) == (1, 0, True)
    leaver.refresh_from_db()
    assert leaver.full_name == FULL_NAME and leaver.is_active
    assert not ErasureLog.objects.exists() and AuditEntry.objects.count() == entries


def test_the_command_prints_its_counts_and_honours_dry_run_and_a_day(region, leaver, capsys):
    set_period(region.north, 72)
    call_command("erase_expired_personal_data", "--dry-run", "--on", "2026-04-01")
    assert "Due for erasure: 1 (dry run: nothing changed)" in capsys.readouterr().out
    call_command("erase_expired_personal_data", "--on", "2026-03-31")
    assert "Due for erasure: 0; anonymised: 0" in capsys.readouterr().out
    call_command("erase_expired_personal_data", "--on", "2026-04-01")
    out = capsys.readouterr().out
    assert "Due for erasure: 1; anonymised: 1" in out and "people: " in out
    with pytest.raises(CommandError, match="--on must be a date"):
        call_command("erase_expired_personal_data", "--on", "1 April")


def test_the_daily_task_erases_as_of_today(region, leaver):
    set_period(region.north, 1)
    result = erase_expired_personal_data.enqueue().return_value
    assert result["erased"] == 1 and result["records"]["people"] >= 1
    assert ErasureLog.objects.get().source == "task:erase_expired_personal_data"


# --- Nothing forgotten -----------------------------------------------------------------------------------------------


def test_every_section_of_the_personal_data_download_has_an_eraser():
    covered = {section for eraser in retention.ERASERS.values() for section in eraser.sections}
    missing = sorted(set(personal_data.SECTIONS) - covered)
    assert not missing, f"Say which eraser covers these personal_data sections (partnering/ops/retention.py): {missing}"


def test_every_model_pointing_at_a_person_says_what_erasure_does_with_it():
    person = get_user_model()
    # A person's employments are theirs too: what points at one is about the person.
    pointing = {model._meta.label for model in apps.get_models() for field in model._meta.get_fields()
                if field.concrete and field.is_relation and field.related_model in (person, Employment)}
    declared = {label for eraser in retention.ERASERS.values() for label in eraser.handles} | set(retention.KEPT)
    assert not sorted(pointing - declared), f"Add these to an app's erasure HANDLES or retention.KEPT: {sorted(pointing - declared)}"
    assert not sorted(declared - pointing), f"No longer point at a person: {sorted(declared - pointing)}"


# --- The lead's page -------------------------------------------------------------------------------------------------


def test_a_lead_sets_the_period_and_the_change_is_audited(client, region):
    client.force_login(region.lead_north)
    page = client.get("/councils/north/retention/")
    assert page.status_code == 200 and 'value="72"' in page.content.decode()  # six years suggested
    response = client.post("/councils/north/retention/", {"months": "24"})
    assert response.status_code == 302
    assert RetentionRule.objects.get(council=region.north).months == 24
    entry = AuditEntry.objects.get(council=region.north, content_type__model="retentionrule")
    assert entry.actor == region.lead_north
    client.post("/councils/north/retention/", {"months": ""})
    assert RetentionRule.objects.get(council=region.north).months is None
    assert "kept until you set a period" in client.get("/councils/north/retention/").content.decode()


@pytest.mark.parametrize("months, message", [("0", "between 1 and 1200"), ("1201", "between 1 and 1200"),
                                             ("six", "whole number")])
def test_a_period_out_of_range_is_refused_with_the_fields_error(client, region, months, message):
    client.force_login(region.lead_north)
    response = client.post("/councils/north/retention/", {"months": months})
    content = response.content.decode()
    assert response.status_code == 200 and message in content
    assert 'aria-describedby="id_months-hint id_months-error"' in content and 'href="#id_months"' in content
    assert not RetentionRule.objects.exists()


def test_the_preview_lists_who_the_next_run_would_anonymise_and_no_other_councils_leavers(client, region, leaver):
    set_period(region.north, 12)
    set_period(region.south, 12)
    ended(region.staff_south, datetime.date(2021, 1, 1))
    client.force_login(region.lead_north)
    content = client.get("/councils/north/retention/").content.decode()
    assert "1 person who worked for your council." in content and FULL_NAME in content and "31 March 2020" in content
    assert region.staff_south.full_name not in content


def test_the_preview_and_the_log_are_paginated_newest_log_first(client, region):
    set_period(region.north, 1)
    for number in range(27):
        person = PersonFactory(full_name=f"Leaver {number:02d}")
        employ(person, region.north, start_on=datetime.date(2015, 1, 1), end_on=datetime.date(2020, 1, 1))
    client.force_login(region.lead_north)
    first = client.get("/councils/north/retention/").content.decode()
    assert "27 people who worked for your council." in first and "Page 1 of 2" in first and "Leaver 26" not in first
    assert "Leaver 26" in client.get("/councils/north/retention/?due=2").content.decode()
    retention.erase_expired()
    log = client.get("/councils/north/retention/").content.decode()
    shown = [int(pk) for pk in re.findall(r"Anonymised person #(\d+)", log.split("Erasure log", 1)[1])]
    newest_first = list(ErasureLog.objects.order_by("-at", "-pk").values_list("person_pk", flat=True))
    assert shown == newest_first[:25] and shown[0] > shown[-1]
    assert "0 people who worked for your council." in log
    assert "Page 2 of 2" in client.get("/councils/north/retention/?log=2").content.decode()


def test_another_councils_lead_and_staff_cannot_open_the_page(client, region):
    for person in (region.lead_south, region.staff_north, region.coordinator):
        client.force_login(person)
        assert client.get("/councils/north/retention/").status_code == 404
        assert client.post("/councils/north/retention/", {"months": "1"}).status_code == 404
    assert not RetentionRule.objects.exists()


def test_an_uploaded_certificate_is_deleted_once_the_erasure_is_committed(region, leaver, settings, tmp_path,
                                                                          django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    from partnering.learning.models import Evidence

    settings.MEDIA_ROOT = tmp_path
    evidence = Evidence(person=leaver, council=region.north, title="First aid at work", completed_on=datetime.date(2019, 9, 1),
                        hours=Decimal("6.00"))
    evidence.certificate.save("certificate.pdf", ContentFile(b"%PDF-1.4 Samantha Leaverton"), save=True)
    storage, stored = evidence.certificate.storage, evidence.certificate.name
    assert storage.exists(stored)
    set_period(region.north, 12)
    with django_capture_on_commit_callbacks(execute=True):
        retention.erase_expired(on=RUN_ON)
    evidence.refresh_from_db()
    assert not storage.exists(stored) and evidence.certificate.name == ""
    assert (evidence.title, evidence.hours) == ("First aid at work", Decimal("6.00"))  # still counted as training done


def test_the_scheduler_runs_the_erasure_every_day(region, leaver, capsys):
    from partnering.ops.management.commands.run_scheduler import HOUR, schedule

    assert ("personal data erasure", 24 * HOUR, erase_expired_personal_data) in schedule()
    set_period(region.north, 1)
    call_command("run_scheduler", once=True)  # the test settings run each task as it is enqueued
    assert "enqueued personal data erasure" in capsys.readouterr().out
    assert ErasureLog.objects.get().person_pk == leaver.pk
