import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, person):
    page.goto("/accounts/login/")
    page.get_by_label("Email address", exact=True).fill(person.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/")


def test_sign_in_switch_council_switch_to_welsh_and_sign_out(page, region):
    sign_in(page, region.shared)
    assert "Acting for North Council" in page.get_by_test_id("acting-council").inner_text()

    page.get_by_label("Council to act for").select_option(label="South Council")
    page.get_by_role("button", name="Switch council").click()
    expect(page.get_by_test_id("acting-council")).to_contain_text("Acting for South Council")
    page.get_by_text("You are now acting for South Council.").wait_for()

    page.get_by_role("button", name="Cymraeg").click()
    page.get_by_role("button", name="Allgofnodi").wait_for()
    assert page.locator("html").get_attribute("lang") == "cy"
    page.get_by_role("link", name="Partneriaethau").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partneriaethau")

    page.get_by_role("button", name="Allgofnodi").click()
    page.wait_for_url("**/accounts/login/")
    assert page.get_by_role("heading", level=1).inner_text() == "Mewngofnodi i Partnering"
    assert page.console_errors == []


def test_people_search_updates_results_as_you_type(page, region):
    sign_in(page, region.lead_north)
    page.goto("/people/")
    page.get_by_label("Name or email").fill("staff")
    page.wait_for_url("**/people/?q=staff**")
    results = page.locator("#people-results")
    results.get_by_text("Staff North").wait_for()
    assert "Lead North" not in results.inner_text()


def test_login_home_and_partnership_pages_have_no_accessibility_violations(page, region, axe):
    page.goto("/accounts/login/")
    axe(page)
    page.get_by_role("button", name="Sign in", exact=True).click()  # the error state too
    page.get_by_text("There is a problem").wait_for()
    axe(page)
    sign_in(page, region.shared)
    axe(page)
    page.goto(f"/partnerships/{region.network.slug}/")
    axe(page)
    page.goto(f"/councils/{region.north.slug}/")
    axe(page)
    page.goto("/people/")
    axe(page)
    page.goto("/me/")
    axe(page)


def test_welsh_pages_have_no_accessibility_violations(page, region, axe):
    sign_in(page, region.lead_north)
    page.get_by_role("button", name="Cymraeg").click()
    page.get_by_role("button", name="Allgofnodi").wait_for()
    axe(page)
    page.goto(f"/councils/{region.north.slug}/edit/")
    page.get_by_label("Lliw brand").fill("not a colour")
    page.get_by_role("button", name="Cadw’r proffil").click()
    page.get_by_text("Mae problem wedi codi").wait_for()
    axe(page)
