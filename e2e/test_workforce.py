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


def test_every_workforce_page_passes_axe_with_its_forms_errors(page, region, axe):
    from decimal import Decimal

    from partnering.workforce import services

    post = services.create_post(actor=region.coordinator, partnership=region.network, title="Shared lawyer", person=region.staff_north,
                                employer=region.north, start_on=datetime.date(2025, 4, 1), annual_cost=Decimal("36500.00"))
    services.add_share(actor=region.coordinator, post=post, council=region.south, days=Decimal("2"))
    services.add_share(actor=region.coordinator, post=post, funder="Grant", days=Decimal("3"))
    secondment = services.create_secondment(actor=region.coordinator, partnership=region.network, person=region.staff_north,
                                            home=region.north, role="Project manager", host=None, start_on=datetime.date(2025, 4, 1),
                                            end_on=datetime.date.today() + datetime.timedelta(days=20), fte=Decimal("1"),
                                            backfill="Acting up")
    recruitment = services.create_recruitment(actor=region.coordinator, partnership=region.network, title="Shared solicitor",
                                              job_description="Advise", person_specification="Qualified",
                                              councils=[region.north, region.south])
    for council, pay in ((region.north, "40000"), (region.south, "42000")):
        services.save_terms(actor=region.coordinator, partnership=region.network, council=council, role_family="Legal",
                            annual_leave=Decimal("25"), hours=Decimal("37"), mileage_rate=Decimal("45"), notice_weeks=4,
                            pay=[("L1", Decimal(pay), 2, Decimal("2"))])
    sign_in(page, region.coordinator)
    for url, ready in [
        ("/workforce/", "workforce-partnerships"), ("/workforce/partnerships/test-network/", "posts"),
        (f"/workforce/posts/{post.pk}/?year=2025", "split"), (f"/workforce/secondments/{secondment.pk}/", "ending-soon"),
        (f"/workforce/recruitments/{recruitment.pk}/", "partners"), ("/workforce/partnerships/test-network/terms/", "terms-table"),
        ("/workforce/partnerships/test-network/harmonise/?role_family=Legal&to=up&on_cost=10", "options"),
        ("/workforce/partnerships/test-network/balances/", "balances-form"),
    ]:
        page.goto(url)
        page.get_by_test_id(ready).wait_for()
        axe(page)
    for url in ("/workforce/partnerships/test-network/posts/new/", f"/workforce/posts/{post.pk}/split/",
                "/workforce/partnerships/test-network/secondments/new/", f"/workforce/recruitments/{recruitment.pk}/agree/",
                f"/workforce/recruitments/{recruitment.pk}/evaluation/", "/workforce/partnerships/test-network/recruitments/new/",
                "/workforce/partnerships/test-network/terms/new/"):
        page.goto(url)
        axe(page)
        if url.endswith("/agree/"):  # every field is optional: a pay range upside down is the error
            page.get_by_label("Pay from (£ a year)").fill("39000")
            page.get_by_label("Pay to (£ a year)").fill("35000")
        page.locator("main form button[type=submit]").last.click()
        page.locator(".govuk-error-summary").wait_for()
        axe(page)
