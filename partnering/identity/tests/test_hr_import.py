"""Loading people and jobs from a council's HR export: every problem by row and column, the columns remembered,
one commit, and the import owning what it made (leavers end-dated, hand-entered jobs left alone)."""

import datetime
import io

import pytest
from openpyxl import Workbook

from partnering.identity.hr import read_export
from partnering.people.models import Employment, Person
from tests.factories import PersonFactory, employ

pytestmark = pytest.mark.django_db

GOOD = (b"Staff No,Work email,Name,Post title,FTE,Start date,Line manager,Roles\n"
        b"1001,ann@north.example,Ann Jones,Officer,0.6,01/04/2020,,staff\n"
        b"1002,bob@north.example,Bob Evans,Planner,100%,2021-05-03,1001,\n")


def upload(client, council, data, name="hr.csv", full=True):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = {"file": SimpleUploadedFile(name, data)}
    if full:
        body["full_export"] = "on"
    return client.post(f"/councils/{council.slug}/people-import/", body)


def test_the_pure_reader_names_every_problem_by_row_and_column():
    data = b"Email,Name,Job title,FTE,Start date,End date\nbad,Ann,,2,31/02/2020,\nann@x.example,Ann,Officer,1,2020-01-01,2019-01-01\n"
    export = read_export(data, "hr.csv")
    found = {(p.row, p.column, p.field) for p in export.problems}
    assert found == {(2, "A", "email"), (2, "C", "job_title"), (2, "D", "fte"), (2, "E", "start_on"), (3, "F", "end_on")}
    assert not export.rows


def test_an_xlsx_export_with_a_title_above_the_header_is_read():
    book = Workbook()
    sheet = book.active
    sheet.append(["North Council HR export, March"])
    sheet.append([])
    sheet.append(["Email address", "Surname", "Forename", "Job title", "Start date"])
    sheet.append(["cai@north.example", "Lewis", "Cai", "Clerk", datetime.date(2022, 9, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    export = read_export(buffer.getvalue(), "hr.xlsx")
    assert not export.problems and export.header_row == 3
    assert export.rows[0].full_name == "Cai Lewis" and export.rows[0].start_on == datetime.date(2022, 9, 1)


def test_a_lead_uploads_checks_and_commits_and_the_people_are_employed_with_their_line_manager(client, region):
    client.force_login(region.lead_north)
    response = upload(client, region.north, GOOD)
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert "What will change" in preview.content.decode()
    assert not Person.objects.filter(email="ann@north.example").exists()  # nothing written before the commit
    done = client.post(response["Location"], {"action": "commit"}, follow=True)
    assert "2 started" in done.content.decode()
    bob = Employment.objects.get(person__email="bob@north.example", council=region.north)
    assert bob.line_manager.email == "ann@north.example" and bob.fte == 1
    assert Employment.objects.get(person__email="ann@north.example").roles.filter(role="staff").exists()


def test_a_later_full_export_ends_jobs_it_made_that_are_gone_and_leaves_hand_entered_ones_alone(client, region):
    client.force_login(region.lead_north)
    first = upload(client, region.north, GOOD)
    client.post(first["Location"], {"action": "commit"})
    hand_entered = Employment.objects.filter(council=region.north, person=region.staff_north).get()
    second = upload(client, region.north, b"Staff No,Work email,Name,Post title,Start date\n1001,ann@north.example,Ann Jones,Senior Officer,01/04/2020\n")
    page = client.get(second["Location"]).content.decode()
    assert "Ended today" in page
    client.post(second["Location"], {"action": "commit"})
    bob = Employment.objects.get(person__email="bob@north.example")
    assert bob.end_on == datetime.date.today() and Person.objects.filter(email="bob@north.example").exists()
    assert Employment.objects.get(person__email="ann@north.example").job_title == "Senior Officer"
    hand_entered.refresh_from_db()
    assert hand_entered.end_on is None


def test_problems_stop_the_commit_and_unknown_columns_can_be_mapped_and_are_remembered(client, region):
    client.force_login(region.lead_north)
    data = b"Mail,Name,Job title,Began\nann@north.example,Ann,Officer,01/04/2020\n"
    response = upload(client, region.north, data)
    page = client.get(response["Location"]).content.decode()
    assert "No column holds the email address" in page and "Import these people" not in page
    client.post(response["Location"], {"action": "map", "map:mail": "email", "map:began": "start_on"})
    assert "Import these people" in client.get(response["Location"]).content.decode()
    again = upload(client, region.north, data)
    assert "Import these people" in client.get(again["Location"]).content.decode()


def test_an_unknown_line_manager_is_a_problem_on_its_row_and_column(client, region):
    client.force_login(region.lead_north)
    data = b"Email,Name,Job title,Start date,Line manager\nann@north.example,Ann,Officer,01/04/2020,nobody@x.example\n"
    page = client.get(upload(client, region.north, data)["Location"]).content.decode()
    assert "nobody@x.example" in page and ">E<" in page


def test_another_councils_lead_cannot_upload_or_see_an_import(client, region):
    client.force_login(region.lead_north)
    location = upload(client, region.north, GOOD)["Location"]
    client.force_login(region.lead_south)
    assert client.get(location).status_code == 404
    assert upload(client, region.north, GOOD).status_code == 404


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_file_field(client, region):
    client.force_login(region.lead_north)
    response = upload(client, region.north, b"hello", name="notes.pdf")
    assert response.status_code == 200 and "is not a spreadsheet" in response.content.decode()


def test_a_person_already_known_by_email_is_linked_not_duplicated(client, region):
    existing = PersonFactory(email="ann@north.example")
    employ(existing, region.south)
    client.force_login(region.lead_north)
    client.post(upload(client, region.north, GOOD)["Location"], {"action": "commit"})
    assert Person.objects.filter(email="ann@north.example").count() == 1
    assert set(existing.employments.values_list("council__slug", flat=True)) == {region.north.slug, region.south.slug}
