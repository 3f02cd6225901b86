"""Time given and got in the browser: a person employed by two councils records and submits a week of time for each,
and each council's lead approves their own council's week (and cannot see the other's); axe-core on every page."""

import datetime

import pytest

from partnering.workforce.models import Timesheet

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, person):
    page.goto("/accounts/login/")
    page.get_by_label("Email address", exact=True).fill(person.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/")


def _record_week(page, axe, job_label, day, entries):
    page.goto("/workforce/time/")
    page.get_by_role("heading", level=1, name="Your time").wait_for()
    axe(page)
    page.get_by_label("Time for").select_option(label=job_label)
    page.get_by_label("A week").check()
    page.get_by_label("A day in the period").fill(day)
    page.get_by_role("button", name="Open the period").click()
    page.get_by_test_id("entry-form").wait_for()
    axe(page)
    for date, hours, council, cover in entries:
        page.get_by_label("Date").fill(date)
        page.get_by_label("Hours").fill(hours)
        page.get_by_label("For which council").select_option(label=council)
        if cover:
            page.get_by_label("This was cover for someone's absence").check()
        page.get_by_role("button", name="Add the time").click()
        page.get_by_text("Time recorded.").wait_for()
    axe(page)
    page.get_by_role("button", name="Submit for approval").click()
    page.get_by_text("Submitted to your line manager for approval.").wait_for()
    assert page.get_by_test_id("status").inner_text() == "Submitted"
    axe(page)


def _approve(page, axe, lead, person):
    page.context.clear_cookies()
    sign_in(page, lead)
    page.goto("/workforce/approvals/")
    page.get_by_role("heading", level=1, name="Time to approve").wait_for()
    axe(page)
    rows = page.get_by_test_id("to-approve").locator("tbody tr")
    assert rows.count() == 1  # only their own council's week
    rows.get_by_role("link", name=person.full_name).click()
    page.get_by_test_id("decide-form").wait_for()
    axe(page)
    page.get_by_role("button", name="Save the decision").click()  # no decision chosen: the error names the field
    page.locator(".govuk-error-summary").wait_for()
    axe(page)
    page.get_by_label("Approve and lock the period").check()
    page.get_by_role("button", name="Save the decision").click()
    page.get_by_text("Approved and locked.").wait_for()
    assert page.get_by_test_id("status").inner_text() == "Approved and locked"
    axe(page)


def test_a_person_employed_by_two_councils_submits_a_week_for_each_and_each_lead_approves_their_own(page, region, axe):
    sign_in(page, region.shared)
    _record_week(page, axe, "North Council – Test Network", "2025-06-04",
                 [("2025-06-02", "7.5", "South Council", False), ("2025-06-03", "3", "South Council", True)])
    _record_week(page, axe, "South Council – Test Network", "2025-06-04", [("2025-06-05", "6", "North Council", False)])
    assert Timesheet.objects.filter(person=region.shared, status=Timesheet.Status.SUBMITTED).count() == 2

    _approve(page, axe, region.lead_north, region.shared)
    _approve(page, axe, region.lead_south, region.shared)
    assert set(Timesheet.objects.filter(person=region.shared).values_list("status", flat=True)) == {Timesheet.Status.APPROVED}

    page.goto("/workforce/partnerships/test-network/balances/?year=2025")
    page.get_by_test_id("balances").wait_for()
    axe(page)
    rows = page.get_by_test_id("balances").locator("tbody tr")
    assert rows.count() == 1  # South's lead reads South's figures only
    assert rows.first.inner_text().split("\t")[:4] == ["South Council", "6", "10.5", "-4.5"]
    # The balances carry a chart only with its table beside it.
    assert page.locator("canvas[data-chart='balance-chart']").count() == 1
    assert datetime.date(2025, 6, 2) in set(Timesheet.objects.values_list("start_on", flat=True))
