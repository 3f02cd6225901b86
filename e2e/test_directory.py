"""The expertise directory in the browser: a Welsh-speaking trainer fills in their profile from "My profile"; a council's
lead asks for Welsh-medium equality training, reads who fits best and why, and asks the trainer; the trainer accepts;
the lead records the outcome. Every page passes axe."""

import datetime

import pytest
from playwright.sync_api import expect

from partnering.directory.models import Ask, HelpRequest, Profile, Skill
from partnering.glossary.models import Term
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, person):
    """Sign in with email and password, and wait until the page says who is signed in (the sign-in page's own
    address ends in "/" too, so waiting for the address alone can go on before the sign-in lands)."""
    page.goto("/accounts/login/")
    page.get_by_label("Email address", exact=True).fill(person.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(person.full_name)


def test_a_trainer_lists_their_expertise_a_lead_asks_them_and_they_accept(page, region, axe):
    term = Term.objects.create(english="Equality and diversity", welsh="Cydraddoldeb ac amrywiaeth", synonyms="Equalities")
    Skill.objects.create(name="Equality and diversity", welsh_name="Cydraddoldeb ac amrywiaeth", term=term)

    # The trainer (south) fills in their profile.
    sign_in(page, region.staff_south)
    page.goto("/me/")
    page.get_by_test_id("expertise-profile-link").click()
    page.get_by_role("heading", level=1, name="Your expertise profile").wait_for()
    axe(page)
    page.get_by_label("People in my council's partnerships").check()
    page.get_by_label("1 – entry: a few words and phrases").check()
    page.get_by_label("I can deliver training or advice in Welsh").check()
    page.get_by_role("button", name="Save your profile").click()
    page.get_by_role("heading", level=2, name="There is a problem").wait_for()  # level 1 cannot deliver in Welsh
    axe(page)
    page.get_by_label("5 – proficient: fluent, including written work").check()
    page.get_by_label("Days a quarter you can give").fill("4")
    page.get_by_role("button", name="Save your profile").click()
    page.get_by_text("Your expertise profile is saved.").wait_for()
    page.get_by_role("link", name="Add a skill").click()
    axe(page)
    page.get_by_label("Skill").select_option(label="Equality and diversity")
    page.get_by_label("Can train others").check()
    page.get_by_role("button", name="Add the skill").click()
    page.get_by_text("Equality and diversity is added to your profile.").wait_for()
    assert Profile.objects.get(person=region.staff_south).delivers_in_welsh

    # North's lead searches, then asks for help.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, region.lead_north)
    page.goto("/directory/")
    axe(page)
    page.get_by_label("Can deliver in Welsh").check()
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_test_id("directory-results").get_by_role("link")).to_have_text(["Staff South"])
    page.get_by_role("link", name="Requests for help").first.click()
    axe(page)
    page.get_by_role("link", name="Ask for help in Test Network").click()
    axe(page)
    page.get_by_label("What help is needed").fill("Welsh-medium equality training for 20 managers in March")
    page.get_by_label("Needed by").fill((datetime.date.today() + datetime.timedelta(days=60)).isoformat())
    page.get_by_label("The help must be given in Welsh").check()
    page.get_by_label("Number of people").fill("20")
    page.get_by_role("button", name="Make the request").click()
    page.get_by_test_id("matches").wait_for()
    axe(page)
    match = page.get_by_test_id("matches").locator("li").first
    assert "Staff South" in match.inner_text() and "Delivers in Welsh" in match.inner_text()
    page.get_by_label("Person to ask").select_option(label="Staff South")
    page.get_by_role("button", name="Ask them").click()
    page.get_by_text("Staff South is asked").wait_for()
    ask = Ask.objects.get()

    # The trainer accepts.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, region.staff_south)
    page.goto("/directory/requests/")
    axe(page)
    page.get_by_test_id("my-asks").get_by_role("link").click()
    page.get_by_role("heading", level=1, name="Welsh-medium equality training for 20 managers in March").wait_for()
    axe(page)
    page.get_by_label("Yes, I can help").check()
    page.get_by_role("button", name="Send your answer").click()
    page.get_by_text("Thank you: whoever asked you is told.").wait_for()
    ask.refresh_from_db()
    assert ask.status == Ask.Status.ACCEPTED

    # The lead records the outcome.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, region.lead_north)
    page.goto(f"/directory/requests/{ask.request_id}/")
    page.get_by_role("link", name="Record the outcome").click()
    axe(page)
    page.get_by_label("Help given").check()
    page.get_by_label("Days of support used").fill("1")
    page.get_by_role("button", name="Record and close").click()
    page.get_by_text("The outcome is recorded and the request is closed.").wait_for()
    axe(page)
    assert HelpRequest.objects.get().status == HelpRequest.Status.CLOSED
    assert page.console_errors == []


def test_a_coordinator_sets_tiers_and_a_lead_verifies_a_skill(page, region, axe):
    from decimal import Decimal

    from partnering.directory import services

    skill = Skill.objects.create(name="Coaching", welsh_name="Hyfforddi")
    services.save_profile(actor=region.staff_north, listed_to=Profile.Listed.COUNCIL, welsh_level=3)
    services.add_skill(actor=region.staff_north, skill=skill, depth=3)

    sign_in(page, region.coordinator)
    page.goto("/directory/skills/")
    axe(page)
    page.goto(f"/directory/partnerships/{region.network.slug}/tiers/")
    axe(page)
    page.get_by_role("link", name="Add a tier").click()
    page.get_by_label("Name").fill("Amber")
    page.get_by_label("Colour").select_option(label="Amber")
    page.get_by_label("Days of support a year").fill("5")
    page.get_by_role("button", name="Add the tier").click()
    page.get_by_text("The tier is added.").wait_for()
    page.get_by_role("link", name="Set each council's tier").click()
    axe(page)
    page.get_by_label("North Council").select_option(label="Amber")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Each council's tier is saved.").wait_for()
    axe(page)
    assert "Amber" in page.get_by_test_id("council-tiers").locator("tbody tr").first.inner_text()
    assert services.tier_usage(region.network, region.north).entitlement == Decimal("5")

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, region.lead_north)
    page.goto(f"/directory/people/{region.staff_north.pk}/")
    axe(page)
    page.get_by_role("button", name="Verify Coaching").click()
    page.get_by_text("Coaching is verified for Staff North.").wait_for()
    axe(page)
    assert page.console_errors == []
