import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


def test_staff_member_books_a_place_from_the_catalogue(page, axe):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    page.goto("/accounts/login/")
    page.get_by_label("Email address", exact=True).fill("staff.swansea@demo.test")
    page.get_by_label("Password").fill("partnering-demo")
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/")
    page.get_by_role("link", name="Catalogue").first.click()
    page.get_by_role("heading", name="Catalogue").wait_for()
    axe(page)
    # The first session with a date (provisional ones only collect interest).
    page.locator("table tbody tr").filter(has_not_text="Date to be set").locator("a.govuk-link").first.click()
    page.get_by_role("button", name="Book a place").wait_for()
    axe(page)
    title = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="Book a place").click()
    page.wait_for_url("**/me/bookings/")
    page.get_by_role("link", name=title).first.wait_for()
    page.get_by_text("Booked").first.wait_for()
    axe(page)
    page.goto("/me/record/")
    axe(page)
    assert page.console_errors == []
