"""Shared costs in the browser: a council's lead reads and downloads its statement; a coordinator sets up a
cost pool through the forms, records a cost, downloads the recharge drafts, and is stopped at a drawdown's cap."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from partnering.costs import services
from partnering.costs.models import Cost, CostPool, Drawdown

from .test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

D = Decimal


def _shared_costs(page, axe, partnership):
    """From any page: "Shared costs" in the navigation, then the partnership."""
    page.get_by_role("navigation").get_by_role("link", name="Shared costs").click()
    page.get_by_role("heading", level=1, name="Shared costs").wait_for()
    axe(page)
    page.get_by_test_id("costs-partnerships").get_by_role("link", name=partnership.name).click()
    page.get_by_test_id("year-form").wait_for()
    axe(page)


def _download(page, link):
    with page.expect_download() as info:
        link.click()
    download = info.value
    return download.suggested_filename, open(download.path(), "rb").read()


def test_a_councils_lead_reads_and_downloads_its_statement_but_not_its_partners(page, region, axe):
    pool = services.create_pool(partnership=region.network, actor=region.coordinator, name="Programme office",
                                purpose="programme_office", councils=[region.north, region.south])
    services.set_basis(pool=pool, actor=region.coordinator, effective_from=datetime.date(2024, 4, 1), basis="fixed",
                       figures={region.north.pk: (D("80"), "Programme agreement", None),
                                region.south.pk: (D("20"), "Programme agreement", None)})
    services.record_cost(pool=pool, actor=region.coordinator, paid_by=region.south, date=datetime.date(2024, 6, 30),
                         amount=D("1000.00"), description="Programme manager")

    sign_in(page, region.lead_north)
    _shared_costs(page, axe, region.network)
    links = page.get_by_test_id("statement-links")
    assert links.get_by_role("link").all_inner_texts() == ["Statement for North Council"]  # not South's
    links.get_by_role("link", name="Statement for North Council").click()
    page.get_by_label("Financial year").select_option(label="2024/25")
    page.get_by_role("button", name="Show").click()
    page.get_by_role("heading", level=1, name="Statement for North Council, 2024/25").wait_for()
    axe(page)
    assert page.get_by_test_id("statement-share").inner_text() == "£800.00"
    recharge = page.get_by_test_id("statement-recharges").locator("tbody tr").inner_text()
    assert "Programme office" in recharge and "South Council" in recharge and "North Council" in recharge and "£800.00" in recharge
    page.get_by_test_id("rounding-rule").wait_for()

    name, body = _download(page, page.get_by_test_id("statement-xlsx"))
    assert name.endswith("2024-25.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(body))
    pools = list(book["Cost pools"].iter_rows(min_row=2, values_only=True))
    assert [(row[0], row[1], row[2], row[3]) for row in pools] == [("Programme office", 800, 0, 800)]
    assert list(book["Recharges"].iter_rows(min_row=2, values_only=True)) == [("Programme office", "South Council", "North Council", 800)]
    name, body = _download(page, page.get_by_test_id("statement-pdf"))
    assert name.endswith(".pdf") and body.startswith(b"%PDF")

    assert page.console_errors == []
    response = page.goto(f"/costs/partnerships/{region.network.slug}/statements/{region.south.slug}/?year=2024")
    assert response.status == 404
    response = page.request.get(f"/costs/partnerships/{region.network.slug}/statements/{region.south.slug}/xlsx/")
    assert response.status == 404


def test_a_coordinator_sets_up_a_pool_records_a_cost_and_is_stopped_at_a_drawdowns_cap(page, region, axe):
    sign_in(page, region.coordinator)
    _shared_costs(page, axe, region.network)

    page.get_by_role("link", name="Set up a cost pool").click()
    page.get_by_role("heading", level=1, name="Set up a cost pool").wait_for()
    axe(page)
    page.get_by_label("Name", exact=True).fill("Shared case system")
    page.get_by_label("A shared system").check()
    assert page.get_by_label("North Council").is_checked() and page.get_by_label("South Council").is_checked()
    page.get_by_label("Tolerance").fill("0")
    page.get_by_role("button", name="Set up the pool").click()

    page.get_by_role("heading", level=1, name="How the pool is split").wait_for()
    page.get_by_text("Cost pool set up. Now agree how it is split.").wait_for()
    axe(page)
    page.get_by_label("Applies from").fill("2024-04-01")
    page.get_by_label("Pro rata to a measure (such as headcount)").check()
    page.get_by_label("Figures typed in, with their source").check()
    page.get_by_label("What the figures are").fill("Legal-services headcount")
    page.get_by_label("North Council: figure").fill("30")
    page.get_by_label("North Council: source of the figure").fill("HR return 2024")
    page.get_by_label("South Council: figure").fill("10")
    page.get_by_label("South Council: source of the figure").fill("HR return 2024")
    page.get_by_role("button", name="Save the basis").click()

    page.get_by_role("heading", level=1, name="Shared case system").wait_for()
    axe(page)
    basis = page.get_by_test_id("basis").inner_text()
    assert "Pro rata to a measure" in basis and "HR return 2024" in basis and "Legal-services headcount" in basis
    page.get_by_role("link", name="Record a cost").click()
    page.get_by_role("heading", level=1, name="Record a cost").wait_for()
    axe(page)
    page.get_by_label("Paid by").select_option(label="North Council")
    page.get_by_label("Date").fill("2024-07-31")
    page.get_by_label("Amount").fill("2000.00")
    page.get_by_label("Capital").check()
    page.get_by_label("What for").fill("Case system licence")
    page.get_by_role("button", name="Record the cost").click()

    page.get_by_test_id("pool-shares").wait_for()
    assert "year=2024" in page.url
    axe(page)
    shares = {row.locator("th").inner_text(): row.locator("td").all_inner_texts()
              for row in page.get_by_test_id("pool-shares").locator("tbody tr").all()}
    assert shares["North Council"][:3] == ["£1,500.00", "£2,000.00", "−£500.00"]
    assert shares["South Council"][:3] == ["£500.00", "£0.00", "£500.00"]
    recharge = page.get_by_test_id("recharges").locator("tbody tr").all_inner_texts()
    assert recharge == ["North Council\tSouth Council\t£500.00"]
    name, body = _download(page, page.get_by_role("link", name="(.csv for finance systems)"))
    assert name == "Shared case system 2024-25 recharges.csv"
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [["Invoicing council", "Council invoiced", "Amount (£)", "For"],
                    ["North Council", "South Council", "500.00", "Shared case system, 2024-04-01 to 2025-03-31"]]
    assert list(Cost.objects.values_list("kind", "amount")) == [("capital", D("2000.00"))]
    assert CostPool.objects.get().tolerance == D("0")

    page.get_by_role("link", name="Shared costs").last.click()  # the back link
    page.get_by_role("link", name="Set up a pooled entitlement").click()
    page.get_by_role("heading", level=1, name="Set up a pooled entitlement").wait_for()
    axe(page)
    page.get_by_label("Name", exact=True).fill("North West support")
    page.get_by_label("Days in the pool").fill("14")
    page.get_by_label("Most days one council may draw").fill("3")
    page.get_by_role("button", name="Set it up").click()
    page.get_by_test_id("entitlement-summary").wait_for()
    axe(page)

    for days, expect_error in (("2", False), ("1.5", True)):
        page.get_by_role("link", name="Record a drawdown").click()
        page.get_by_role("heading", level=1, name="Record a drawdown").wait_for()
        if not expect_error:
            axe(page)
        page.get_by_label("Council").select_option(label="South Council")
        page.get_by_label("Date").fill("2024-05-01")
        page.get_by_label("Days drawn").fill(days)
        page.get_by_role("button", name="Save").click()
        if not expect_error:
            page.get_by_test_id("drawdowns").wait_for()
            assert "South Council" in page.get_by_test_id("drawdowns").inner_text()
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert page.title().startswith("Error:")
    message = "South Council cannot draw 1.5 days: that is over the cap of 3 days a council."
    link = summary.get_by_role("link", name=message)
    assert link.get_attribute("href") == "#id_days"
    assert page.locator("#id_days-error").inner_text().endswith(message)
    axe(page)
    link.click()
    assert page.evaluate("document.activeElement.id") == "id_days"
    assert [d.days for d in Drawdown.objects.all()] == [D("2.00")]
    assert page.console_errors == []
