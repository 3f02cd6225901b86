"""The meetings pages through the Django test client: forms save and redirect, bad input comes back on the field,
PDFs render, logs export, the home page shows overdue actions, and other people's bodies are invisible."""

import csv
import datetime
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnering.meetings import services
from partnering.meetings.models import Action, AgendaItem, Decision, Meeting, Paper
from tests.html_checks import assert_aria_references_exist, assert_hints_and_errors_are_announced

from .conftest import at

pytestmark = pytest.mark.django_db

PAST = datetime.date(2026, 1, 15)


def _meeting(board, region, day=PAST, host=None):
    return services.arrange_meeting(body=board, actor=region.coordinator, starts_at=at(day), host=host or region.north,
                                    online_link="https://meet.example.test/board")


@pytest.fixture
def held(board, region):
    """A held January meeting with an item, a decision with positions and an overdue action for south's member of staff,
    and the February meeting after it."""
    meeting = _meeting(board, region)
    item = services.add_item(meeting=meeting, actor=region.coordinator, title="Case management system", owner=region.lead_north)
    services.record_decision(meeting=meeting, actor=region.coordinator, item=item, proposal="=Buy one system together",
                             outcome=Decision.Outcome.AGREED, positions={region.north: ("supports", ""), region.south: ("abstains", "")})
    services.record_action(meeting=meeting, actor=region.coordinator, title="Draft the specification", owner=region.staff_south,
                           due_on=datetime.date(2026, 1, 30))
    services.write_minutes(meeting=meeting, actor=region.coordinator, minutes="Present: all councils.")
    following = _meeting(board, region, datetime.date(2026, 2, 15), host=region.south)
    return meeting, following


def test_a_coordinator_sets_up_a_body_with_a_hosting_order(client, region):
    client.force_login(region.coordinator)
    response = client.post(reverse("meetings:body-create"), {
        "partnership": region.network.pk, "name": "Legal board", "slug": "legal-board", "kind": "board", "description": "",
        "councils": [region.north.pk, region.south.pk]})
    assert response.status_code == 302
    body = region.network.meeting_bodies.get(slug="legal-board")
    assert [h.council for h in body.host_councils.all()] == [region.north, region.south]


def test_a_body_with_a_taken_short_name_comes_back_with_the_error_on_that_field(client, region, board):
    client.force_login(region.coordinator)
    response = client.post(reverse("meetings:body-create"), {
        "partnership": region.network.pk, "name": "Again", "slug": board.slug, "kind": "board"})
    assert response.status_code == 200
    assert "already uses the short name" in response.context["form"].errors["slug"][0]
    assert_hints_and_errors_are_announced(response.content)


def test_the_hosting_order_is_saved_in_the_order_given_and_a_repeated_place_is_refused(client, region, board):
    client.force_login(region.coordinator)
    url = reverse("meetings:hosts", args=[board.slug])
    response = client.post(url, {f"position_{region.north.pk}": "1", f"position_{region.south.pk}": "1",
                                 f"can_host_{region.north.pk}": "on"})
    assert response.status_code == 200 and "already has place 1" in response.content.decode()
    response = client.post(url, {f"position_{region.north.pk}": "2", f"position_{region.south.pk}": "1",
                                 f"can_host_{region.north.pk}": "on"})
    assert response.status_code == 302
    assert [(h.council, h.can_host) for h in board.host_councils.all()] == [(region.south, False), (region.north, True)]


def test_arranging_a_meeting_suggests_the_next_host_and_refuses_another_councils_venue(client, region, board, north_venue):
    from tests.factories import VenueFactory

    south_venue = VenueFactory(council=region.south, name="South Room", sharing="public")
    client.force_login(region.coordinator)
    url = reverse("meetings:meeting-create", args=[board.slug])
    page = client.get(url)
    assert page.context["form"].initial["host"] == region.north
    assert "suggests North Council" in page.content.decode()
    response = client.post(url, {"date": "2027-03-04", "time": "10:00", "duration_minutes": "90", "host": region.north.pk,
                                 "venue": south_venue.pk, "online_link": ""})
    assert response.status_code == 200 and "host council's venues" in response.context["form"].errors["venue"][0]
    response = client.post(url, {"date": "2027-03-04", "time": "10:00", "duration_minutes": "90", "host": region.north.pk,
                                 "venue": north_venue.pk, "online_link": ""})
    meeting = Meeting.objects.get()
    assert response["Location"] == meeting.get_absolute_url() and meeting.venue == north_venue


def test_a_meeting_from_agenda_to_minutes_rolls_its_open_action_into_the_next(client, region, board, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first = _meeting(board, region)
    second = _meeting(board, region, datetime.date(2026, 2, 15), host=region.south)
    client.force_login(region.lead_north)  # the host council's lead
    client.post(reverse("meetings:item-add", args=[first.pk]), {"title": "Budget", "owner": region.staff_north.pk, "minutes_allowed": "15"})
    item = first.items.get(title="Budget")
    response = client.post(reverse("meetings:paper-add", args=[item.pk]),
                           {"title": "", "file": SimpleUploadedFile("Budget 2026.pdf", b"%PDF-1.4 budget")})
    assert response.status_code == 302
    paper = Paper.objects.get()
    download = client.get(reverse("meetings:paper", args=[paper.pk]))
    assert b"".join(download.streaming_content) == b"%PDF-1.4 budget"
    client.post(reverse("meetings:decision-add", args=[first.pk]), {"proposal": "Agree the budget", "outcome": "agreed", "item": item.pk,
                                                                    f"stance_{region.north.pk}": "supports"})
    client.post(reverse("meetings:action-add", args=[first.pk]), {"title": "Send the figures", "owner": region.staff_south.pk,
                                                                  "due_on": "2026-02-01"})
    response = client.post(reverse("meetings:minutes", args=[first.pk]), {"minutes": "All present.", f"notes_{item.pk}": "Agreed.",
                                                                          "approved": "on"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == "held" and first.minutes_approved and first.items.get(pk=item.pk).notes == "Agreed."
    action = Action.objects.get()
    assert second.items.filter(action=action).count() == 1
    # South hosts the next one: north's lead may read it but not change it; south's lead may.
    page = client.get(second.get_absolute_url())
    assert "Send the figures" in page.content.decode() and not page.context["can_edit"]
    client.force_login(region.lead_south)
    assert client.post(reverse("meetings:carry-forward", args=[second.pk])).status_code == 302
    assert second.items.filter(action=action).count() == 1


def test_bad_agenda_input_names_the_field_and_writes_nothing(client, region, board):
    meeting = _meeting(board, region)
    client.force_login(region.coordinator)
    response = client.post(reverse("meetings:item-add", args=[meeting.pk]), {"title": "", "minutes_allowed": "-5", "owner": "999999"})
    form = response.context["form"]
    assert set(form.errors) >= {"title", "minutes_allowed", "owner"}
    assert not AgendaItem.objects.exists()
    response = client.post(reverse("meetings:action-add", args=[meeting.pk]), {"title": "x", "owner": region.staff_north.pk, "due_on": "31/02/2026"})
    assert "due_on" in response.context["form"].errors


def test_a_paper_that_is_not_what_it_says_comes_back_on_the_file_field(client, region, board, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = _meeting(board, region)
    item = services.add_item(meeting=meeting, actor=region.coordinator, title="Budget")
    client.force_login(region.coordinator)
    response = client.post(reverse("meetings:paper-add", args=[item.pk]), {"file": SimpleUploadedFile("a.docx", b"not a zip")})
    assert response.status_code == 200 and "not a DOCX file" in response.context["form"].errors["file"][0]
    assert not Paper.objects.exists()


def test_the_action_owner_updates_the_status_and_a_member_who_is_not_the_owner_cannot(client, region, board, held):
    action = Action.objects.get()
    client.force_login(region.staff_south)
    response = client.post(action.get_absolute_url(), {"status": "done", "update": "Sent round", "due_on": "2026-01-30"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done" and action.update == "Sent round"
    client.force_login(region.staff_north)  # a member: reads, cannot update
    page = client.get(action.get_absolute_url())
    assert page.status_code == 200 and page.context["form"] is None
    assert client.post(action.get_absolute_url(), {"status": "open", "due_on": "2026-01-30"}).status_code == 404


def test_the_owners_home_page_shows_their_overdue_action_and_others_do_not(client, region, board, held):
    client.force_login(region.staff_south)
    page = client.get(reverse("home")).content.decode()
    assert 'data-testid="overdue-actions"' in page and "Draft the specification" in page
    assert_aria_references_exist(page)
    client.force_login(region.staff_north)
    assert 'data-testid="overdue-actions"' not in client.get(reverse("home")).content.decode()


def test_the_meeting_pack_and_the_minutes_render_as_pdfs(client, region, board, held):
    meeting, following = held
    client.force_login(region.staff_north)
    pack = client.get(reverse("meetings:pack", args=[following.pk]))
    assert pack.status_code == 200 and pack["Content-Type"] == "application/pdf" and pack.content.startswith(b"%PDF")
    minutes = client.get(reverse("meetings:minutes-pdf", args=[meeting.pk]))
    assert minutes.status_code == 200 and minutes.content.startswith(b"%PDF")
    # minutes of a meeting not yet held: back to the meeting with a message, not a blank PDF
    assert client.get(reverse("meetings:minutes-pdf", args=[following.pk]))["Location"] == following.get_absolute_url()


def test_the_pdfs_hold_the_agenda_and_the_decisions(region, board, held):
    from pypdf import PdfReader

    from partnering.core.pdf import render_pdf
    from partnering.meetings.views import _pdf_context

    meeting, following = held
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf("meetings/minutes_pdf.html", _pdf_context(meeting), "Minutes"))).pages)
    assert "Buy one system together" in text and "Draft the specification" in text and "Abstains" in text
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_pdf("meetings/pack_pdf.html", _pdf_context(following), "Pack"))).pages)
    assert "Action: Draft the specification" in text


def test_the_decision_and_action_logs_export_as_xlsx_and_csv(client, region, board, held):
    client.force_login(region.board_member)  # the board reads its board
    rows = list(csv.reader(io.StringIO(client.get(reverse("meetings:decisions-csv", args=[board.slug])).content.decode("utf-8-sig"))))
    assert rows[1][3] == "'=Buy one system together"  # a formula is neutralised
    assert rows[1][4] == "Agreed" and "South Council: Abstains" in rows[1][6]
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("meetings:actions-xlsx", args=[board.slug])).content))
    sheet = book.active
    assert sheet.cell(2, 1).value == "Draft the specification" and sheet.cell(2, 6).value == "Yes"
    page = client.get(reverse("meetings:actions", args=[board.slug]) + "?status=done")
    assert 'data-testid="no-actions"' in page.content.decode()


def test_another_partnerships_coordinator_and_a_non_member_get_not_found(client, region, board, held):
    from tests.factories import PartnershipFactory, PersonFactory, partnership_role

    other = PersonFactory()
    partnership_role(other, PartnershipFactory(), "coordinator")
    meeting, _following = held
    for person in (other, region.staff_outsider, region.shared):
        client.force_login(person)
        assert client.get(meeting.get_absolute_url()).status_code == 404
        assert client.get(reverse("meetings:body", args=[board.slug])).status_code == 404
        assert client.get(reverse("meetings:decisions-xlsx", args=[board.slug])).status_code == 404
        assert board.name not in client.get(reverse("meetings:index")).content.decode()


def test_invitations_are_sent_from_the_meeting_page(client, region, board, mailoutbox, django_capture_on_commit_callbacks):
    meeting = _meeting(board, region, timezone.localdate() + datetime.timedelta(days=14))
    client.force_login(region.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:invite", args=[meeting.pk]), follow=True)
    assert "Invitations sent to 3 members" in response.content.decode()
    assert len(mailoutbox) == 3 and mailoutbox[0].attachments[0][0] == "meeting.ics"
    calendar = client.get(reverse("meetings:calendar", args=[meeting.pk]))
    assert calendar["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in calendar.content


def test_every_meetings_page_refers_only_to_ids_it_has(client, region, board, held):
    meeting, following = held
    client.force_login(region.coordinator)
    action = Action.objects.get()
    item = meeting.items.first()
    for url in (reverse("meetings:index"), reverse("meetings:body", args=[board.slug]), meeting.get_absolute_url(),
                following.get_absolute_url(), action.get_absolute_url(), reverse("meetings:decisions", args=[board.slug]),
                reverse("meetings:actions", args=[board.slug]), reverse("meetings:hosts", args=[board.slug]),
                reverse("meetings:meeting-create", args=[board.slug]), reverse("meetings:meeting-plan", args=[board.slug]),
                reverse("meetings:meeting-edit", args=[meeting.pk]), reverse("meetings:minutes", args=[meeting.pk]),
                reverse("meetings:decision-add", args=[meeting.pk]), reverse("meetings:item-edit", args=[item.pk])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_aria_references_exist(response.content)


def test_the_body_page_lists_the_next_hosts_by_the_rotation(client, region, board, held):
    client.force_login(region.staff_north)
    page = client.get(reverse("meetings:body", args=[board.slug]))
    hosts = [turn["host"] for turn in page.context["suggestion"]]
    assert hosts[:2] == [region.north, region.south]


def _page_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_meeting_page_and_the_logs_take_as_many_queries_for_many_records_as_for_one(client, region, board, held):
    meeting, following = held
    client.force_login(region.lead_north)
    urls = [meeting.get_absolute_url(), following.get_absolute_url(), reverse("meetings:actions", args=[board.slug]),
            reverse("meetings:decisions", args=[board.slug]), reverse("meetings:index")]
    before = [_page_queries(client, url) for url in urls]
    for n in range(4):
        item = services.add_item(meeting=meeting, actor=region.coordinator, title=f"Item {n}", owner=region.staff_north)
        services.record_decision(meeting=meeting, actor=region.coordinator, item=item, proposal=f"Proposal {n}",
                                 outcome=Decision.Outcome.AGREED, positions={region.north: ("supports", "")})
        services.record_action(meeting=meeting, actor=region.coordinator, title=f"Action {n}", owner=region.lead_north,
                               due_on=datetime.date(2026, 3, 1))
    assert [_page_queries(client, url) for url in urls] == before
