"""The public register in the browser: a council's lead publishes a project, and a visitor who is not signed in
finds it on the register, filters and opens it, in English and in Welsh; axe on every page on the way."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from partnering.programmes import services
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, person):
    page.goto("/accounts/login/")
    page.get_by_label("Email address", exact=True).fill(person.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/")


@pytest.fixture
def project(region):
    programme = services.create_programme(partnership=region.network, actor=region.coordinator, name="Shared services programme",
                                          slug="shared-services", theme="Legal services")
    project = services.create_project(programme=programme, actor=region.coordinator, name="Shared legal team", lead_council=region.north,
                                      councils=[region.south], purpose="One legal team for North and South.", notes="PRIVATE NOTE",
                                      start_on=datetime.date(2025, 4, 1))
    result = services.add_entry(project=project, actor=region.coordinator, what="result",
                                values={"kind": "outcome", "title": "Lower net cost", "description": ""})
    indicator = services.add_indicator(result=result, actor=region.coordinator, title="Net cost", ascending=False,
                                       baseline=Decimal("6000000"), baseline_on=datetime.date(2025, 3, 31))
    services.set_period(indicator=indicator, actor=region.coordinator, start_on=datetime.date(2025, 4, 1), end_on=datetime.date(2026, 3, 31),
                        target=Decimal("5700000"), actual=Decimal("5650000"))
    services.add_entry(project=project, actor=region.coordinator, what="benefit",
                       values={"kind": "cashable", "description": "Fewer external instructions", "planned": Decimal("300000")})
    return project


def test_a_lead_publishes_a_project_and_a_visitor_finds_it_on_the_public_register(page, browser, live_server, region, project, axe):
    sign_in(page, region.lead_north)
    page.goto(f"/programmes/projects/{project.pk}/")
    page.get_by_role("heading", level=1, name="Shared legal team").wait_for()
    axe(page)
    page.get_by_role("button", name="Publish on the public register").click()
    assert "Published on the public register." in page.get_by_role("alert").inner_text()
    assert project.identifier in page.get_by_test_id("register-status").inner_text()
    axe(page)

    visitor = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()  # not signed in
    visitor.goto("/register/")
    visitor.get_by_role("heading", level=1, name="Collaboration register").wait_for()
    axe(visitor)
    visitor.get_by_role("textbox", name="Search").fill("legal team")
    visitor.get_by_label("Partner council").select_option(label="South Council")
    visitor.get_by_role("button", name="Search").click()
    visitor.wait_for_url("**/register/?q=legal+team*")
    rows = visitor.get_by_test_id("register").locator("tbody tr")
    expect(rows).to_have_count(1)
    axe(visitor)
    rows.get_by_role("link", name="Shared legal team").click()
    visitor.get_by_role("heading", level=1, name="Shared legal team").wait_for()
    axe(visitor)
    text = visitor.locator("main").inner_text()
    assert "One legal team for North and South." in text and "North Council" in text and "PRIVATE NOTE" not in text
    visitor.get_by_test_id("indicators").get_by_role("row", name="Net cost").wait_for()
    assert visitor.url.endswith(f"/register/projects/{project.identifier}/")

    visitor.get_by_role("button", name="Cymraeg").click()
    visitor.wait_for_load_state()
    assert visitor.locator("html").get_attribute("lang") == "cy"
    axe(visitor)
    visitor.goto("/register/")
    axe(visitor)

    # Taken off again, it is gone from the register at the same address.
    page.get_by_role("button", name="Take it off the public register").click()
    assert "Taken off the public register." in page.get_by_role("alert").inner_text()
    response = visitor.goto(f"/register/projects/{project.identifier}/")
    assert response.status == 404
    visitor.context.close()


def test_the_programme_pages_pass_axe_for_the_coordinator(page, region, project, axe):
    sign_in(page, region.coordinator)
    page.goto("/programmes/")
    axe(page)
    page.get_by_role("link", name="Shared services programme").click()
    page.get_by_role("heading", level=1, name="Shared services programme").wait_for()
    axe(page)
    page.get_by_role("link", name="Prepare a highlight report").click()
    axe(page)
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("heading", level=1, name="Highlight report", exact=False).wait_for()
    axe(page)
    page.goto(f"/programmes/projects/{project.pk}/risk/new/")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    axe(page)
