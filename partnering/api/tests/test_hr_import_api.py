"""A council's HR system sends its whole export through the API: the browser's reading, mapping and checks; every
problem by row and column with nothing written; one commit and its counts; a dry run that writes nothing; and jobs
entered by hand ended only when asked."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from partnering.api.services import api_token_create
from partnering.core.models import AuditEntry
from partnering.identity.models import HrImport, HrMapping
from partnering.people.models import Employment, Person

pytestmark = pytest.mark.django_db

GOOD = (b"Staff No,Work email,Name,Post title,FTE,Start date,Line manager,Roles\n"
        b"1001,ann@north.example,Ann Jones,Officer,0.6,01/04/2020,,staff\n"
        b"1002,bob@north.example,Bob Evans,Planner,100%,2021-05-03,1001,\n")
ANN_ONLY = b"Staff No,Work email,Name,Post title,Start date\n1001,ann@north.example,Ann Jones,Senior Officer,01/04/2020\n"


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def north_token(region):
    return api_token_create(actor=region.lead_north, council=region.north, name="North iTrent")[1]


def send(client, secret, data, name="hr.csv", **options):
    body = {"file": SimpleUploadedFile(name, data), **{key: str(value).lower() for key, value in options.items()}}
    return client.post("/api/v1/hr-imports/", body, **bearer(secret))


def test_a_whole_export_is_committed_in_one_go_with_its_counts(client, region, north_token):
    response = send(client, north_token, GOOD, full_export=True)
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["counts"] == {"started": 2, "changed": 0, "left": 0, "ended": 0, "ended_hand_entered": 0, "left_alone": 3}
    assert body["columns"]["email"] == "B" and body["header_row"] == 1
    assert [(r["row"], r["email"], r["change"]) for r in body["rows"]] == [(2, "ann@north.example", "start"), (3, "bob@north.example", "start")]
    bob = Employment.objects.get(person__email="bob@north.example", council=region.north)
    assert bob.line_manager.email == "ann@north.example"
    kept = HrImport.objects.get(pk=body["id"])
    assert kept.status == HrImport.Status.COMMITTED and bytes(kept.data) == b"" and kept.summary["started"] == 2  # the summary is kept, never the file
    assert AuditEntry.objects.filter(source__startswith="api:north:").exists()
    listed = client.get("/api/v1/hr-imports/", **bearer(north_token)).json()
    assert [i["id"] for i in listed["results"]] == [kept.pk] and listed["results"][0]["summary"]["started"] == 2


def test_a_dry_run_previews_and_writes_nothing(client, region, north_token):
    response = send(client, north_token, GOOD, dry_run=True)
    assert response.status_code == 200, response.json()
    assert response.json()["id"] is None and response.json()["counts"]["started"] == 2
    assert not Person.objects.filter(email="ann@north.example").exists() and not HrImport.objects.exists()


def test_every_problem_is_named_by_row_and_column_and_nothing_is_written(client, region, north_token):
    data = (b"Email,Name,Job title,FTE,Start date,End date\n"
            b"bad,Ann,,2,31/02/2020,\n"
            b"cai@north.example,Cai,Officer,1,2020-01-01,2019-01-01\n"
            b"dai@north.example,Dai,Clerk,1,2020-01-01,\n")
    response = send(client, north_token, data, full_export=True)
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422 and body["code"] == "file_problems" and "5 problems" in body["message"]
    assert set(body["fields"]) == {"row.2.A", "row.2.C", "row.2.D", "row.2.E", "row.3.F"}
    assert not Person.objects.filter(email__in=["cai@north.example", "dai@north.example"]).exists()
    assert not HrImport.objects.exists()


def test_columns_nobody_mapped_are_problems_until_a_lead_maps_them_once(client, region, north_token):
    data = b"Mail,Name,Job title,Began\nann@north.example,Ann,Officer,01/04/2020\n"
    refused = send(client, north_token, data)
    assert refused.status_code == 422
    assert set(refused.json()["fields"]) == {"columns.email", "columns.start_on"}
    assert "“Mail”" in refused.json()["message"] and "“Began”" in refused.json()["message"]
    HrMapping.objects.create(council=region.north, mapping={"mail": "email", "began": "start_on"})  # as the browser's mapping saves it
    assert send(client, north_token, data).status_code == 201
    assert Employment.objects.filter(person__email="ann@north.example", council=region.north).exists()


def test_an_xlsx_export_with_title_rows_is_read(client, region, north_token):
    book = Workbook()
    sheet = book.active
    sheet.append(["North Council HR export, March"])
    sheet.append([])
    sheet.append(["Email address", "Surname", "Forename", "Job title", "Start date"])
    sheet.append(["cai@north.example", "Lewis", "Cai", "Clerk", datetime.date(2022, 9, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    response = send(client, north_token, buffer.getvalue(), name="hr.xlsx")
    assert response.status_code == 201 and response.json()["header_row"] == 3
    assert Person.objects.get(email="cai@north.example").full_name == "Cai Lewis"


def test_a_file_that_is_not_a_spreadsheet_or_a_missing_file_is_a_400_on_the_file_field(client, region, north_token):
    for name, data in (("notes.pdf", b"hello"), ("hr.xlsx", b"\x00\x01 not a workbook")):
        response = send(client, north_token, data, name=name)
        assert response.status_code == 400 and "file" in response.json()["fields"], name
    missing = client.post("/api/v1/hr-imports/", {"full_export": "true"}, **bearer(north_token))
    assert missing.status_code == 400 and "file" in missing.json()["fields"]
    partial = send(client, north_token, GOOD, include_hand_entered=True)
    assert partial.status_code == 400 and "include_hand_entered" in partial.json()["fields"]


def test_hand_entered_jobs_are_left_alone_by_default_and_ended_when_chosen(client, region, north_token):
    assert send(client, north_token, GOOD, full_export=True).status_code == 201
    hand_entered = Employment.objects.get(council=region.north, person=region.staff_north)
    second = send(client, north_token, ANN_ONLY, full_export=True)
    assert second.json()["counts"]["ended"] == 1 and second.json()["counts"]["ended_hand_entered"] == 0
    assert Employment.objects.get(person__email="bob@north.example").end_on == datetime.date.today()
    hand_entered.refresh_from_db()
    assert hand_entered.end_on is None
    chosen = send(client, north_token, ANN_ONLY, full_export=True, include_hand_entered=True)
    assert chosen.status_code == 201 and chosen.json()["counts"]["ended_hand_entered"] == 3  # staff, lead and shared at North
    assert region.staff_north.email in chosen.json()["ending"]
    hand_entered.refresh_from_db()
    assert hand_entered.end_on == datetime.date.today() and Person.objects.filter(pk=region.staff_north.pk).exists()
    south_job = Employment.objects.get(council=region.south, person=region.shared)
    assert south_job.end_on is None  # another council's jobs are never touched


def test_only_a_councils_token_sends_an_export_and_only_for_its_own_council(client, region, north_token):
    client.force_login(region.lead_north)
    refused = client.post("/api/v1/hr-imports/", {"file": SimpleUploadedFile("hr.csv", GOOD)})
    assert refused.status_code == 403 and refused.json()["status"] == 403
    client.logout()
    send(client, north_token, GOOD)
    south = api_token_create(actor=region.lead_south, council=region.south, name="South HR")[1]
    assert client.get("/api/v1/hr-imports/", **bearer(south)).json()["count"] == 0
    north_import = HrImport.objects.get(council=region.north)
    assert client.get(f"/api/v1/hr-imports/{north_import.pk}/", **bearer(south)).status_code == 404
    assert not Employment.objects.filter(council=region.south, person__email="ann@north.example").exists()
