"""Meetings in the browser: a coordinator arranges a board's meetings with the rotation's hosts, the host council's lead
builds the agenda with a paper, records a decision with councils' positions and an action for another council's officer,
writes the minutes, and the open action is on the next meeting's agenda; its owner sees it overdue on their home page
and marks it done. axe-core checks every page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from partnering.meetings import services
from partnering.meetings.models import Action, AgendaItem, Body, Meeting
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, person):
    page.context.clear_cookies()  # sign the last person out
    page.goto("/accounts/login/")
    page.get_by_label("Email address", exact=True).fill(person.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/")


def _board(region):
    body = services.create_body(partnership=region.network, actor=region.coordinator, name="Test Board", slug="test-board",
                                kind=Body.Kind.BOARD, host_councils=[region.north, region.south])
    for person, council in ((region.lead_north, region.north), (region.lead_south, region.south), (region.staff_south, region.south)):
        services.add_member(body=body, actor=region.coordinator, person=person, council=council)
    return body


def _arrange(page, axe, body, day: datetime.date, time: str, expected_host: str):
    page.goto(f"/meetings/bodies/{body.slug}/")
    page.get_by_role("link", name="Arrange a meeting").click()
    page.get_by_role("heading", level=1, name="Arrange a meeting").wait_for()
    axe(page)
    assert f"suggests {expected_host} hosts next" in page.get_by_test_id("form-intro").inner_text()
    page.get_by_label("Date", exact=True).fill(day.isoformat())
    page.get_by_label("Start time").fill(time)
    page.get_by_label("Online meeting link").fill("https://meet.example.test/board")
    page.get_by_role("button", name="Arrange the meeting").click()
    page.get_by_test_id("meeting-details").wait_for()
    assert page.get_by_test_id("host").inner_text() == expected_host
    axe(page)


def test_a_meeting_from_agenda_to_minutes_with_an_action_rolled_into_the_next(page, region, axe, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    body = _board(region)
    today = timezone.localdate()

    sign_in(page, region.coordinator)
    page.goto("/meetings/")
    page.get_by_role("heading", level=1, name="Meetings, decisions and actions").wait_for()
    axe(page)
    page.get_by_test_id("bodies").get_by_role("link", name="Test Board").click()
    page.get_by_role("heading", level=1, name="Test Board").wait_for()
    axe(page)
    _arrange(page, axe, body, today, "00:00", "North Council")  # today's, already started
    _arrange(page, axe, body, today + datetime.timedelta(days=30), "10:00", "South Council")
    first, second = Meeting.objects.order_by("starts_at")

    # The host council's lead builds the agenda and writes the minutes.
    sign_in(page, region.lead_north)
    page.goto(first.get_absolute_url())
    page.get_by_role("link", name="Add an agenda item").click()
    axe(page)
    page.get_by_label("Title").fill("Shared case management system")
    page.get_by_label("Owner").select_option(label=region.lead_north.full_name)
    page.get_by_label("Time in minutes").fill("20")
    page.get_by_role("button", name="Add the item").click()
    page.get_by_test_id("agenda").wait_for()
    page.get_by_role("link", name="Add a paper to Shared case management system").click()
    axe(page)
    page.get_by_label("File").set_input_files(files=[{"name": "Options appraisal.pdf", "mimeType": "application/pdf",
                                                      "buffer": b"%PDF-1.4 options"}])
    page.get_by_role("button", name="Upload the paper").click()
    page.get_by_test_id("papers").get_by_role("link", name="Options appraisal").wait_for()
    axe(page)

    page.get_by_role("link", name="Record a decision").click()
    axe(page)
    page.get_by_label("Proposal").fill("Procure one case management system together")
    page.get_by_label("Agreed with changes").check()
    page.get_by_role("button", name="Record the decision").click()
    assert "Say what changes were agreed." in page.get_by_role("alert").inner_text()  # the error summary, on the field
    axe(page)
    page.get_by_label("Changes agreed, or reasons").fill("From April")
    page.get_by_label("North Council's position").select_option(label="Supports")
    page.get_by_label("South Council's position").select_option(label="Reserves its position")
    page.get_by_role("button", name="Record the decision").click()
    decision = page.get_by_test_id("decision")
    expect(decision).to_contain_text("Agreed with changes")
    assert "Reserves its position" in decision.get_by_test_id("positions").inner_text()

    page.get_by_role("link", name="Record an action").click()
    axe(page)
    page.get_by_label("Action", exact=True).fill("Draft the specification")
    page.get_by_label("Owner").select_option(label=region.staff_south.full_name)
    page.get_by_label("Due").fill((today - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Record the action").click()
    assert "Draft the specification" in page.get_by_test_id("actions").inner_text()

    page.get_by_role("link", name="Write the minutes").click()
    axe(page)
    page.get_by_label("Minutes", exact=True).fill("Present: North and South.")
    page.get_by_label("Item 1: Shared case management system").fill("Options discussed.")
    page.get_by_role("button", name="Save the minutes").click()
    assert page.get_by_test_id("status").inner_text().startswith("Held")
    assert "Options discussed." in page.get_by_test_id("item-notes").inner_text()
    axe(page)

    # The next meeting, hosted by South, has the open action on its agenda, once.
    page.get_by_role("link", name="Go to the next meeting").click()
    page.get_by_test_id("agenda").wait_for()
    assert page.get_by_test_id("host").inner_text() == "South Council"
    rolled = page.get_by_test_id("agenda-item").filter(has_text="Action: Draft the specification")
    assert rolled.count() == 1 and "Overdue" in rolled.inner_text()
    axe(page)
    action = Action.objects.get()
    assert AgendaItem.objects.filter(meeting=second, action=action).count() == 1

    # Its owner, from the other council, sees it overdue at home and marks it done.
    sign_in(page, region.staff_south)
    overdue = page.get_by_test_id("overdue-actions")
    assert "Draft the specification" in overdue.inner_text()
    axe(page)
    overdue.get_by_role("link", name="Draft the specification").click()
    page.get_by_role("heading", level=1, name="Draft the specification").wait_for()
    axe(page)
    page.get_by_role("radio", name="Done").check()
    page.get_by_role("textbox", name="Progress").fill("Sent to the board.")
    page.get_by_role("button", name="Save the update").click()
    assert page.get_by_test_id("action-status").inner_text().startswith("Done")
    axe(page)
    page.goto("/")
    assert page.get_by_test_id("overdue-actions").count() == 0

    # The pack and the minutes download as PDFs; the action log as a spreadsheet.
    for path in (f"/meetings/{second.pk}/pack.pdf", f"/meetings/{first.pk}/minutes.pdf"):
        response = page.request.get(path)
        assert response.status == 200 and response.body().startswith(b"%PDF")
    page.goto(f"/meetings/bodies/{body.slug}/actions/?status=all")
    axe(page)
    assert page.console_errors == []
