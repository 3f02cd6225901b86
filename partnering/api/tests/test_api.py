"""The API: tokens per council acting with the council-client scope and no more, consent for training records,
writes through the services, one error body."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from partnering.api.models import ApiToken, hash_token
from partnering.api.services import api_token_create
from partnering.core.models import AuditEntry
from partnering.learning.models import RecordShare, TrainingRecord
from partnering.people.models import Employment
from tests.factories import PersonFactory, employ

pytestmark = pytest.mark.django_db


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def north_token(region):
    return api_token_create(actor=region.lead_north, council=region.north, name="North HR")[1]


def test_create_api_token_prints_the_token_once_and_keeps_only_its_hash(region, capsys):
    call_command("create_api_token", council=region.north.slug, name="iTrent")
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("ptk_")
    token = ApiToken.objects.get(name="iTrent")
    assert token.hashed == hash_token(secret) and secret not in str(AuditEntry.objects.filter(object_repr__contains="iTrent").values())
    with pytest.raises(CommandError, match="No council has the slug"):
        call_command("create_api_token", council="nowhere", name="x")


def test_without_a_token_or_session_the_api_answers_401_with_the_error_body(client, region):
    response = client.get("/api/v1/councils/")
    assert response.status_code == 401
    assert response.json()["status"] == 401 and response.json()["code"] == "not_authenticated"
    wrong = client.get("/api/v1/councils/", **bearer("ptk_00000000_nope"))
    assert wrong.status_code == 401 and "not known or has been revoked" in wrong.json()["message"]


def test_a_revoked_token_no_longer_works(client, region, north_token):
    assert client.get("/api/v1/councils/", **bearer(north_token)).status_code == 200
    client.force_login(region.lead_north)
    token = ApiToken.objects.get(council=region.north)
    assert client.post(f"/api-tokens/{token.pk}/revoke/").status_code == 302
    client.logout()
    assert client.get("/api/v1/councils/", **bearer(north_token)).status_code == 401


def test_a_lead_makes_a_token_in_the_browser_and_sees_it_once(client, region):
    client.force_login(region.lead_north)
    response = client.post(f"/councils/{region.north.slug}/api-tokens/", {"name": "Learning system"}, follow=True)
    page = response.content.decode()
    assert "Your new token" in page and "ptk_" in page
    assert "Your new token" not in client.get(f"/councils/{region.north.slug}/api-tokens/").content.decode()
    assert "Enter a name" in client.post(f"/councils/{region.north.slug}/api-tokens/", {"name": ""}).content.decode()


def test_another_councils_lead_cannot_see_or_revoke_a_token(client, region, north_token):
    client.force_login(region.lead_south)
    assert client.get(f"/councils/{region.north.slug}/api-tokens/").status_code == 404
    token = ApiToken.objects.get(council=region.north)
    assert client.post(f"/api-tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_token_reads_its_own_councils_bookings_and_employments_but_not_another_councils(client, region, north_token):
    rows = client.get("/api/v1/employments/", **bearer(north_token)).json()["results"]
    assert rows and {row["council"] for row in rows} == {region.north.slug}
    people = {row["email"] for row in client.get("/api/v1/people/", **bearer(north_token)).json()["results"]}
    assert region.staff_north.email in people and region.staff_outsider.email not in people
    south_employment = Employment.objects.filter(council=region.south).first()
    assert client.get(f"/api/v1/employments/{south_employment.pk}/", **bearer(north_token)).status_code == 404


def test_a_token_reads_training_records_only_of_people_who_shared_theirs_with_the_council(client, region, north_token):
    TrainingRecord.objects.create(person=region.staff_north, title="Fire safety", completed_on=datetime.date(2025, 3, 1))
    TrainingRecord.objects.create(person=region.lead_north, title="Coaching", completed_on=datetime.date(2025, 3, 1))
    assert client.get("/api/v1/training-records/", **bearer(north_token)).json()["count"] == 0
    RecordShare.objects.create(person=region.staff_north, council=region.north)
    titles = [r["title"] for r in client.get("/api/v1/training-records/", **bearer(north_token)).json()["results"]]
    assert titles == ["Fire safety"]


def test_a_learning_system_sends_a_completion_once_and_sending_it_again_changes_the_record(client, region, north_token):
    body = {"external_id": "lms-1", "person": region.staff_north.email, "title": "Manual handling", "completed_on": "2025-04-02",
            "hours": "3.5", "evidence_url": "https://lms.north.example/cert/1"}
    first = client.post("/api/v1/training-records/", body, content_type="application/json", **bearer(north_token))
    assert first.status_code == 201 and first.json()["evidence_url"] == "https://lms.north.example/cert/1"
    again = client.post("/api/v1/training-records/", {**body, "completed_on": "2025-04-03"}, content_type="application/json",
                        **bearer(north_token))
    assert again.status_code == 200
    record = TrainingRecord.objects.get(person=region.staff_north, title="Manual handling")
    assert record.completed_on == datetime.date(2025, 4, 3) and record.council == region.north
    entry = AuditEntry.objects.filter(object_repr__contains="Manual handling").first()
    assert entry.source.startswith("api:north:")


def test_a_completion_for_someone_who_does_not_work_for_the_council_is_refused_on_the_person_field(client, region, north_token):
    response = client.post("/api/v1/training-records/", {"external_id": "x", "person": region.staff_outsider.email, "title": "T",
                                                          "completed_on": "2025-01-01"}, content_type="application/json", **bearer(north_token))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and "person" in response.json()["fields"]
    future = client.post("/api/v1/training-records/", {"external_id": "y", "person": region.staff_north.email, "title": "T",
                                                        "completed_on": "2999-01-01"}, content_type="application/json", **bearer(north_token))
    assert future.status_code == 400 and "completed_on" in future.json()["fields"]


def test_an_hr_system_sends_a_starter_then_a_leaver_who_is_end_dated_not_deleted(client, region, north_token):
    starter = {"person": "new.starter@north.example", "full_name": "New Starter", "job_title": "Planner", "start_on": "2025-01-06",
               "fte": "0.6", "line_manager": region.lead_north.email}
    made = client.post("/api/v1/employments/", starter, content_type="application/json", **bearer(north_token))
    assert made.status_code == 201 and made.json()["line_manager"] == region.lead_north.email
    leaver = client.post("/api/v1/employments/", {**starter, "end_on": "2025-06-30"}, content_type="application/json", **bearer(north_token))
    assert leaver.status_code == 200
    employment = Employment.objects.get(person__email="new.starter@north.example")
    assert employment.end_on == datetime.date(2025, 6, 30) and employment.council == region.north
    backwards = client.post("/api/v1/employments/", {**starter, "end_on": "2024-01-01"}, content_type="application/json",
                            **bearer(north_token))
    assert backwards.status_code == 400 and "end_on" in backwards.json()["fields"]


def test_a_person_signed_in_reads_their_own_records_through_the_session(client, region):
    TrainingRecord.objects.create(person=region.staff_north, title="Mine", completed_on=datetime.date(2025, 3, 1))
    TrainingRecord.objects.create(person=region.staff_south, title="Not mine", completed_on=datetime.date(2025, 3, 1))
    client.force_login(region.staff_north)
    assert [r["title"] for r in client.get("/api/v1/training-records/").json()["results"]] == ["Mine"]
    refused = client.post("/api/v1/employments/", {}, content_type="application/json")
    assert refused.status_code == 403 and refused.json()["status"] == 403


def test_the_schema_and_the_docs_are_served_within_the_content_security_policy(client, region):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "unpkg" not in page and "cdn" not in page.lower() and "/static/drf_spectacular_sidecar/" in page
    assert "<script>" not in page.replace(" ", "")  # no inline script: the set-up comes from the view's ?script address
    assert "script-src 'self'" in docs["Content-Security-Policy"]


def test_an_employee_of_the_tokens_council_can_be_booked_through_the_api(client, region, north_token):
    from partnering.learning.models import Course, Session

    course = Course.objects.create(partnership=region.network, title="ILM Level 3 Award")
    start = datetime.datetime(2030, 1, 1, 9, tzinfo=datetime.UTC)
    session = Session.objects.create(course=course, capacity=5, starts_at=start, ends_at=start + datetime.timedelta(hours=6))
    response = client.post("/api/v1/bookings/", {"session": session.pk, "person": region.staff_north.email}, content_type="application/json",
                           **bearer(north_token))
    assert response.status_code == 201, response.json()
    assert response.json()["council"] == region.north.slug
    again = client.post("/api/v1/bookings/", {"session": session.pk, "person": region.staff_north.email}, content_type="application/json",
                        **bearer(north_token))
    assert again.status_code == 400 and "person" in again.json()["fields"]
    other = PersonFactory()
    employ(other, region.outsider)
    stranger = client.post("/api/v1/bookings/", {"session": session.pk, "person": other.email}, content_type="application/json",
                           **bearer(north_token))
    assert stranger.status_code == 400 and "person" in stranger.json()["fields"]
