"""What one person's erasure may touch, and who counts as still active: only their own records' entries in the trail,
staff numbers only in the issuing council's entries, the HR files that listed them, and nobody who still holds a
seat, post or secondment on the day of the run."""

import datetime
import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnering.core.models import AuditEntry
from partnering.identity.models import HrImport, ImportedEmployment
from partnering.learning.models import Course
from partnering.ops import retention
from partnering.ops.models import ErasureLog, RetentionRule
from partnering.people.models import Employment
from tests.factories import PersonFactory, employ

pytestmark = pytest.mark.django_db

RUN_ON = datetime.date(2027, 1, 1)
NAME = "Samantha Leaverton"


def set_period(council, months):
    RetentionRule.objects.update_or_create(council=council, defaults={"months": months})


@pytest.fixture
def leaver(region):
    person = PersonFactory(full_name=NAME, email="sam.leaverton@north.example")
    employment = employ(person, region.north, job_title="Payroll officer", start_on=datetime.date(2015, 4, 1))
    ImportedEmployment.objects.create(employment=employment, staff_number="1042")
    Employment.objects.filter(person=person).update(end_on=datetime.date(2020, 3, 31))
    set_period(region.north, 12)
    return person


def entry(council, record, repr_, changes):
    return AuditEntry.objects.create(council=council, action=AuditEntry.Action.UPDATE, object_repr=repr_, changes=changes,
                                     content_type=ContentType.objects.get_for_model(record), object_id=str(record.pk))


# --- Bug: erasing one person rewrote other people's entries -----------------------------------------------------------


def test_a_namesake_in_another_council_keeps_their_name_in_the_trail(region, leaver):
    namesake = PersonFactory(full_name=NAME, email="samantha.leaverton@south.example")
    theirs = employ(namesake, region.south, job_title="Planner", start_on=datetime.date(2018, 1, 1))
    about_namesake = entry(region.south, theirs, f"{NAME} – Planner, South", {"Name": [None, NAME]})
    about_leaver = entry(region.north, Employment.objects.get(person=leaver), f"{NAME} – Payroll officer, North", {"Name": [None, NAME]})
    assert retention.erase_expired(on=RUN_ON).erased == 1
    about_namesake.refresh_from_db()
    about_leaver.refresh_from_db()
    assert about_namesake.object_repr == f"{NAME} – Planner, South" and about_namesake.changes == {"Name": [None, NAME]}
    assert NAME not in about_leaver.object_repr and NAME not in str(about_leaver.changes)


def test_a_staff_number_is_redacted_only_in_the_issuing_councils_entries_about_the_person(region, leaver):
    imported = ImportedEmployment.objects.get(employment__person=leaver)
    own = entry(region.north, imported, "Payroll officer (1042)", {"Staff number": [None, "1042"]})
    course = Course.objects.create(partnership=region.network, title="Budgets")
    amount = entry(region.north, course, "Budgets", {"Cost": ["900", "1042"]})  # someone else's record, same council
    south_job = employ(leaver, region.south, start_on=datetime.date(2016, 1, 1), end_on=datetime.date(2019, 1, 1))
    elsewhere = entry(region.south, south_job, "Tutor, South", {"Reference": [None, "1042"]})  # their record, another council
    set_period(region.south, 12)
    assert retention.erase_expired(on=RUN_ON).erased == 1
    for each in (own, amount, elsewhere):
        each.refresh_from_db()
    assert "1042" not in own.object_repr and "1042" not in str(own.changes)
    assert amount.changes == {"Cost": ["900", "1042"]}
    assert elsewhere.changes == {"Reference": [None, "1042"]}


def test_the_admins_log_is_redacted_only_about_the_persons_records(region, leaver):
    namesake = PersonFactory(full_name=NAME, email="samantha.leaverton@south.example")
    employ(namesake, region.south, start_on=datetime.date(2018, 1, 1))
    logs = {person: LogEntry.objects.create(user=region.admin, content_type=ContentType.objects.get_for_model(person),
                                            object_id=str(person.pk), object_repr=NAME, action_flag=CHANGE, change_message="")
            for person in (leaver, namesake)}
    retention.erase_expired(on=RUN_ON)
    assert LogEntry.objects.get(pk=logs[namesake].pk).object_repr == NAME
    assert LogEntry.objects.get(pk=logs[leaver].pk).object_repr == f"Anonymised person #{leaver.pk}"


def test_the_erasure_reads_only_the_trail_entries_about_the_persons_records(region, leaver):
    with CaptureQueriesContext(connection) as queries:
        retention.erase_expired(on=RUN_ON)
    reads = [query["sql"] for query in queries.captured_queries
             if query["sql"].startswith("SELECT") and 'FROM "core_auditentry"' in query["sql"]]
    # each by the records it is about (or, deleting sign-ins, by who acted): never the whole trail, nor by its text
    assert reads and all("content_type_id" in sql or '"actor_id" =' in sql for sql in reads), reads
    assert not any("LIKE" in sql for sql in reads), reads


# --- Bug: HR files were never erased ------------------------------------------------------------------------------


GOOD = (b"Staff No,Work email,Name,Post title,FTE,Start date,Line manager,Roles\n"
        b"1001,ann@north.example,Ann Jones,Officer,0.6,01/04/2020,,staff\n")


def test_a_committed_hr_import_keeps_its_summary_and_not_the_file(client, region):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(region.lead_north)
    uploaded = client.post("/councils/north/people-import/", {"file": SimpleUploadedFile("hr.csv", GOOD), "full_export": "on"})
    assert bytes(HrImport.objects.get().data) == GOOD  # the draft keeps its file until it is committed
    done = client.post(uploaded["Location"], {"action": "commit"}, follow=True)
    made = HrImport.objects.get()
    assert made.status == HrImport.Status.COMMITTED and bytes(made.data) == b"" and made.summary["started"] == 1
    assert "1 started" in done.content.decode()
    assert client.get(uploaded["Location"]).status_code == 200  # its summary page still opens


def test_erasure_removes_files_committed_earlier_that_listed_the_person(region, leaver):
    listing = b"Staff No,Work email,Name\n1042,sam.leaverton@north.example,Samantha Leaverton\n"
    north_file = HrImport.objects.create(council=region.north, filename="hr.csv", data=listing, status=HrImport.Status.COMMITTED)
    draft = HrImport.objects.create(council=region.north, filename="next.csv", data=b"Staff No\n2001\n")
    south_file = HrImport.objects.create(council=region.south, filename="hr.csv", data=b"Staff No\n3001\n", status=HrImport.Status.COMMITTED)
    retention.erase_expired(on=RUN_ON)
    for each in (north_file, draft, south_file):
        each.refresh_from_db()
    assert bytes(north_file.data) == b""
    assert bytes(draft.data) == b"Staff No\n2001\n" and bytes(south_file.data) == b"Staff No\n3001\n"


# --- Bug: only a partnership role kept someone from erasure ------------------------------------------------------------


def _scrutiny(region, person, start, end):
    from partnering.programmes.models import ScrutinyMember

    ScrutinyMember.objects.create(partnership=region.network, council=region.north, person=person, start_on=start, end_on=end)


def _body(region, person, start, end):
    from partnering.meetings.models import Body, BodyMember

    BodyMember.objects.create(body=Body.objects.create(partnership=region.network, name="Board", slug="board"), person=person)


def _shared_post(region, person, start, end):
    from partnering.workforce.models import SharedPost

    SharedPost.objects.create(partnership=region.network, title="Shared trainer", person=person, employer=region.north,
                              start_on=datetime.date(2018, 1, 1), end_on=end)


def _secondment(region, person, start, end):
    from partnering.workforce.models import Secondment

    Secondment.objects.create(partnership=region.network, person=person, role="Project lead", home=region.north, host=region.south,
                              start_on=start, end_on=end)


def _role(region, person, start, end):
    from partnering.people.models import PartnershipRole

    PartnershipRole.objects.create(person=person, partnership=region.network, start_on=start, end_on=end)


@pytest.mark.parametrize("hold", [_scrutiny, _body, _shared_post, _secondment, _role])
def test_someone_still_holding_a_seat_post_or_secondment_on_the_day_of_the_run_is_not_due(region, leaver, hold):
    later = datetime.date(2031, 1, 1)  # the run's day, years after today: what is current then decides
    hold(region, leaver, datetime.date(2030, 6, 1), datetime.date(2031, 6, 30))
    assert leaver.pk not in {row.person_id for row in retention.due_on(later)}
    assert retention.erase_expired(on=later).erased == 0 and not ErasureLog.objects.exists()


@pytest.mark.parametrize("hold", [_scrutiny, _shared_post, _secondment, _role])
def test_a_seat_post_or_secondment_that_ended_before_the_day_of_the_run_no_longer_keeps_them(region, leaver, hold):
    hold(region, leaver, datetime.date(2021, 1, 1), datetime.date(2021, 6, 30))
    assert leaver.pk in {row.person_id for row in retention.due_on(RUN_ON)}


# --- Bug: the page read every employment nationwide ------------------------------------------------------------------


def test_the_councils_candidates_are_only_leavers_it_employed_with_all_their_employments(region, leaver):
    set_period(region.south, 12)
    employ(leaver, region.south, start_on=datetime.date(2016, 1, 1), end_on=datetime.date(2019, 1, 1))
    Employment.objects.filter(person=region.staff_south).update(end_on=datetime.date(2020, 1, 1))  # a South-only leaver
    north = retention._candidate_employments(RUN_ON, region.north)
    assert set(north.values_list("person_id", "council_id")) == {(leaver.pk, region.north.pk), (leaver.pk, region.south.pk)}
    everyone = set(retention._candidate_employments(RUN_ON).values_list("person_id", flat=True))
    assert everyone == {leaver.pk, region.staff_south.pk}  # nobody still employed anywhere is even read


# --- Bug: the service did not check who may set the period -------------------------------------------------------------


def test_only_the_councils_leads_may_set_its_period_through_the_service(region):
    for person in (region.staff_north, region.lead_south, region.coordinator):
        with pytest.raises(PermissionDenied):
            retention.set_retention(council=region.north, months=24, actor=person)
    assert not RetentionRule.objects.exists()
    assert retention.set_retention(council=region.north, months=24, actor=region.lead_north).months == 24


# --- Bug: the log showed the apps' internal keys ------------------------------------------------------------------------


def test_the_erasure_log_names_what_was_changed_in_words_not_app_keys(client, region, leaver):
    retention.erase_expired(on=RUN_ON)
    client.force_login(region.lead_north)
    log = client.get("/councils/north/retention/").content.decode().split("Erasure log", 1)[1]
    assert "person and employments: " in log and "sign-ins and staff numbers: " in log and "audit trail: " in log
    assert not re.search(r"(>|, )(people|identity|learning|trail): ", log), log
