import pytest

from partnering.mapping.models import Provision
from partnering.mapping.tests.spreadsheets import xlsx

from .test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_lead_uploads_a_spreadsheet_maps_a_column_previews_and_commits(page, region, axe):
    sign_in(page, region.lead_north)
    page.goto(f"/mapping/councils/{region.north.slug}/returns/")
    axe(page)
    page.get_by_role("link", name="Upload a return").click()
    axe(page)
    page.get_by_label("Financial year").select_option(label="2025/26")
    rows = [["North Council L&D return"], [], ["Course", "Delegates", "Cost (£)", "Who ran it"],
            ["ILM L3 Award", 12, "£1,250.00", "Acme Training"], ["Manual Handling", 40, 0, ""], ["Total", 52, "£1,250.00", ""]]
    page.get_by_label("Spreadsheet").set_input_files({"name": "north.xlsx", "mimeType": "application/octet-stream", "buffer": xlsx(rows)})
    page.get_by_label("Who can see the lines of this return").select_option("private")
    page.get_by_role("button", name="Upload and continue").click()

    page.get_by_role("heading", name="Check the columns").wait_for()
    axe(page)
    assert page.get_by_label("Course").input_value() == "title"
    page.get_by_label("Who ran it").select_option(label="Provider name")
    page.get_by_role("button", name="Continue to preview").click()

    page.get_by_role("heading", name="Preview the return").wait_for()
    axe(page)
    assert page.get_by_test_id("line-count").inner_text() == "2"
    page.get_by_text("Acme Training").wait_for()
    page.get_by_role("button", name="Import this return").click()

    page.get_by_text("Return imported: 2 lines.").wait_for()
    assert Provision.objects.current().filter(council=region.north, provider_name="Acme Training").count() == 1

    page.goto(f"/mapping/councils/{region.north.slug}/?year=2025")
    page.locator("canvas[data-chart]").first.wait_for()
    axe(page)
    assert page.get_by_test_id("total-learners").inner_text() == "52"
    assert page.console_errors == []
