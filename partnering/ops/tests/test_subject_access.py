"""Subject access: a person's own data as PDF and JSON, and a council's lead releasing it on their behalf."""

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.utils import timezone
from pypdf import PdfReader

from partnering.core.models import AuditEntry
from partnering.identity.models import SignIn
from partnering.learning.models import Booking, Course, Session, TrainingRecord
from partnering.ops import subject_access
from partnering.workforce.models import SharedPost
from tests.factories import PersonFactory, employ, partnership_role

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def flat(text: str) -> str:
    """Words as one line: table cells wrap in the PDF."""
    return " ".join(text.split())


@pytest.fixture
def held(region):
    """What Partnering holds about North's member of staff, beyond their job: a training record, a shared post, a sign-in."""
    person = region.staff_north
    TrainingRecord.objects.create(person=person, title="Fire safety", completed_on=datetime.date(2025, 3, 1), council=region.north,
                                  hours=Decimal("3.50"))
    SharedPost.objects.create(partnership=region.network, title="Regional L&D adviser", person=person, employer=region.north,
                              start_on=datetime.date(2024, 4, 1), annual_cost=Decimal("48250.00"))
    SignIn.objects.create(person=person, method=SignIn.Method.PASSWORD)
    TrainingRecord.objects.create(person=region.staff_south, title="Somebody else's course", completed_on=datetime.date(2025, 3, 1))
    return person


def test_a_person_downloads_a_readable_pdf_of_everything_held_about_them(client, held, region):
    client.force_login(held)
    response = client.get("/me/data.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="partnering-my-data.pdf"'
    text = flat(pdf_text(response.content))
    assert f"Personal data held by Partnering about {held.full_name}" in text
    for heading in ("About you", "Jobs", "Partnership roles", "Bookings", "Training record", "Training record shared with",
                    "Shared posts", "Secondments", "Sign-ins"):
        assert heading in text, heading
    assert held.email in text and region.north.name in text
    assert "Fire safety" in text and "1 March 2025" in text and "3.5" in text  # dates and figures as people write them
    assert "Regional L&D adviser" in text and "£48,250.00" in text and "1 April 2024" in text
    assert "Email and password" in text and "Recharge at the agreed split" in text  # a choice shows its label, not its stored value
    assert "Nothing held." in text  # no bookings, roles or secondments
    assert "Somebody else's course" not in text


def test_the_pdf_is_in_the_language_of_the_page(client, held):
    client.force_login(held)
    client.cookies["django_language"] = "cy"
    text = flat(pdf_text(client.get("/me/data.pdf").content))
    assert "1 Mawrth 2025" in text  # the month in Welsh


def test_the_json_download_keeps_machine_values_and_the_new_sections(client, held):
    client.force_login(held)
    data = json.loads(client.get("/me/data.json").content)
    assert data["shared posts"] == [{"title": "Regional L&D adviser", "partnership__name": "Test Network", "employer__name": "North Council",
                                     "start_on": "2024-04-01", "end_on": None, "charging": "recharge", "annual_cost": "48250.00"}]
    assert data["training records"][0]["completed_on"] == "2025-03-01"
    assert data["sign-ins"][0]["method"] == "password"


def test_the_downloads_are_linked_from_the_profile_and_the_privacy_notice(client, held):
    client.force_login(held)
    for page in ("/me/", "/privacy/"):
        html = client.get(page).content.decode()
        assert 'href="/me/data.pdf"' in html and 'href="/me/data.json"' in html, page


def test_someone_not_signed_in_is_asked_to_sign_in(client, region):
    for path in ("/me/data.pdf", "/me/data.json", f"/people/{region.staff_north.pk}/data/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), path


def release(client, person, **data):
    return client.post(f"/people/{person.pk}/data/", {"received_on": "2026-03-27", "reference": "SAR-0042", "format": "pdf", **data})


def test_a_lead_records_the_request_and_downloads_the_persons_data(client, held, region, settings):
    client.force_login(region.lead_north)
    page = client.get(f"/people/{held.pk}/data/")
    assert page.status_code == 200 and "Request received on" in page.content.decode()
    response = release(client, held)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    text = flat(pdf_text(response.content))
    assert "Fire safety" in text and "£48,250.00" in text
    assert "Released by Lead North for North Council, answering a request received on 27 March 2026." in text
    assert "Reference: SAR-0042." in text
    json_response = release(client, held, format="json", reference="")
    assert json.loads(json_response.content)["person"]["email"] == held.email


def test_each_release_is_in_the_councils_audit_trail_with_who_for_whom_when_and_how(client, held, region):
    client.force_login(region.lead_north)
    before = AuditEntry.objects.count()
    release(client, held)
    entry = AuditEntry.objects.latest("pk")
    assert AuditEntry.objects.count() == before + 1
    assert entry.actor == region.lead_north and entry.council == region.north and entry.at is not None
    assert entry.object_repr == f"copy of the personal data of {held.full_name} (PDF), released on request"
    assert entry.changes == {"person": [None, held.email], "format": [None, "PDF"], "request received on": [None, "2026-03-27"],
                             "request reference": [None, "SAR-0042"]}
    trail = client.get(f"/councils/{region.north.slug}/audit/").content.decode()
    assert f"copy of the personal data of {held.full_name} (PDF), released on request" in trail


def test_the_request_date_is_required_and_not_in_the_future(client, held, region):
    client.force_login(region.lead_north)
    before = AuditEntry.objects.count()
    missing = release(client, held, received_on="")
    assert missing.status_code == 200 and "Enter the day the request was received" in missing.content.decode()
    future = release(client, held, received_on=(datetime.date.today() + datetime.timedelta(days=2)).isoformat())
    assert "must be today or in the past" in future.content.decode()
    nonsense = release(client, held, received_on="31/02/2026", format="")
    html = nonsense.content.decode()
    assert "must be a real date" in html and "Choose PDF or JSON" in html
    assert 'aria-describedby="id_received_on-hint id_received_on-error"' in html
    assert AuditEntry.objects.count() == before  # nothing released, nothing recorded


def test_a_lead_may_release_the_data_of_someone_who_has_left_their_council(client, region):
    leaver = region.staff_north
    leaver.employments.update(end_on=datetime.date(2024, 3, 31))
    client.force_login(region.lead_north)
    assert client.get(f"/people/{leaver.pk}/data/").status_code == 200
    assert release(client, leaver)["Content-Type"] == "application/pdf"


def test_a_shared_persons_release_is_recorded_for_the_leads_council_only(client, region):
    client.force_login(region.lead_south)
    release(client, region.shared)
    assert AuditEntry.objects.latest("pk").council == region.south


def test_the_page_says_a_lead_releases_their_councils_records_and_an_administrator_everything(client, region):
    client.force_login(region.lead_south)
    text = client.get(f"/people/{region.shared.pk}/data/").content.decode()
    assert "what South Council put into Partnering" in text and "from every council they have worked for" not in text
    client.force_login(region.admin)
    assert "from every council they have worked for" in client.get(f"/people/{region.shared.pk}/data/").content.decode()


def test_a_site_administrator_releases_for_every_council_that_employed_the_person(client, region):
    client.force_login(region.admin)
    release(client, region.shared)
    entries = AuditEntry.objects.order_by("-pk")[:2]
    assert {entry.council for entry in entries} == {region.north, region.south}


@pytest.mark.parametrize("who", ["lead_south", "coordinator", "board_member", "staff_north", "shared"])
def test_nobody_else_may_release_a_persons_data(client, region, who):
    client.force_login(getattr(region, who))
    assert client.get(f"/people/{region.staff_north.pk}/data/").status_code == 404
    assert release(client, region.staff_north).status_code == 404
    assert not AuditEntry.objects.filter(object_repr__startswith="copy of the personal data").exists()


def test_the_person_page_offers_the_download_only_to_those_who_may_release_it(client, region):
    link = f'href="/people/{region.staff_north.pk}/data/"'
    for who, offered in (("lead_north", True), ("admin", True), ("coordinator", False), ("staff_north", False)):
        client.force_login(getattr(region, who))
        page = client.get(f"/people/{region.staff_north.pk}/")
        assert page.status_code == 200
        assert (link in page.content.decode()) is offered, who


def test_a_lead_finds_someone_who_has_left_by_email_then_records_the_request(client, region):
    leaver = region.staff_north
    leaver.employments.update(end_on=datetime.date(2024, 3, 31))
    client.force_login(region.lead_north)
    assert 'href="/people/data-requests/"' in client.get("/people/").content.decode()
    found = client.post("/people/data-requests/", {"email": leaver.email.upper()})
    assert found.status_code == 302 and found["Location"] == f"/people/{leaver.pk}/data/"


def test_finding_someone_another_council_employs_says_no_one_is_found(client, region):
    client.force_login(region.lead_north)
    page = client.post("/people/data-requests/", {"email": region.staff_south.email})
    assert page.status_code == 200
    assert "No one with that email address works or has worked for a council you lead" in page.content.decode()


def test_only_leads_and_site_administrators_answer_subject_access_requests(client, region):
    for who, allowed in (("lead_south", True), ("admin", True), ("coordinator", False), ("staff_north", False)):
        client.force_login(getattr(region, who))
        assert client.get("/people/data-requests/").status_code == (200 if allowed else 404), who
        assert ('href="/people/data-requests/"' in client.get("/people/").content.decode()) is allowed, who


@pytest.fixture
def mover(region):
    """Someone who worked for North and now works for South: South's job, line manager, booking and sign-in are South's."""
    person = PersonFactory(email="mover@example.test", full_name="Mover")
    employ(person, region.north, job_title="Planning officer", start_on=datetime.date(2019, 1, 1), end_on=datetime.date(2023, 6, 30))
    employ(person, region.south, job_title="Head of housing", start_on=datetime.date(2023, 7, 1), line_manager=region.lead_south)
    TrainingRecord.objects.create(person=person, title="North induction", completed_on=datetime.date(2019, 2, 1), council=region.north)
    TrainingRecord.objects.create(person=person, title="South induction", completed_on=datetime.date(2023, 7, 3), council=region.south)
    session = Session.objects.create(course=Course.objects.create(partnership=region.network, title="Housing law"),
                                     starts_at=timezone.now(), capacity=10)
    Booking.objects.create(session=session, person=person, council=region.south, status=Booking.Status.BOOKED)
    SignIn.objects.create(person=person, method=SignIn.Method.COUNCIL, council=region.south)
    SignIn.objects.create(person=person, method=SignIn.Method.PASSWORD)
    partnership_role(person, region.network, "board")
    return person


def test_a_former_employers_lead_releases_only_what_their_council_put_in(client, mover, region):
    client.force_login(region.lead_north)
    data = json.loads(release(client, mover, format="json").content)
    assert data["person"]["email"] == mover.email
    assert [(job["council__name"], job["job_title"]) for job in data["employments"]] == [("North Council", "Planning officer")]
    assert [record["title"] for record in data["training records"]] == ["North induction"]
    assert data["bookings"] == [] and data["sign-ins"] == []  # booked for South, signed in through South or with a password
    assert "partnership roles" not in data  # the partnership's, not North's
    assert region.lead_south.email not in json.dumps(data)  # the line manager at South
    text = flat(pdf_text(release(client, mover).content))
    assert "Planning officer" in text and "North induction" in text
    for south_data in ("Head of housing", region.lead_south.email, "South induction", "Housing law", "Council account", "Partnership roles"):
        assert south_data not in text, south_data


def test_the_person_and_a_site_administrator_have_everything_from_every_council(client, mover, region):
    client.force_login(mover)
    own = json.loads(client.get("/me/data.json").content)
    client.force_login(region.admin)
    released = json.loads(release(client, mover, format="json").content)
    for data in (own, released):
        assert {job["job_title"] for job in data["employments"]} == {"Planning officer", "Head of housing"}
        assert {job["line_manager__email"] for job in data["employments"]} == {None, region.lead_south.email}
        assert [booking["council__name"] for booking in data["bookings"]] == ["South Council"]
        assert {sign_in["method"] for sign_in in data["sign-ins"]} == {"council", "password"}
        assert [role["role"] for role in data["partnership roles"]] == ["board"]


def test_a_release_is_recorded_in_every_councils_trail_or_in_none(client, region, monkeypatch):
    record_bulk, written = subject_access.audit.record_bulk, []

    def fails_the_second_time(**kwargs):
        if written:
            raise RuntimeError("the database went away")
        written.append(record_bulk(**kwargs))

    monkeypatch.setattr(subject_access.audit, "record_bulk", fails_the_second_time)
    client.force_login(region.admin)  # releases for North and South
    with pytest.raises(RuntimeError):
        release(client, region.shared)
    assert written  # the first trail was written...
    assert not AuditEntry.objects.filter(object_repr__startswith="copy of the personal data").exists()  # ...and undone
