"""Signing in through a council's identity provider in a real browser: Partnering's sign-in page, the provider's
own page (a real OpenID Connect server), and back, signed in; then setting up two-factor authentication."""

import re

import pytest
from django.core.management import call_command

from partnering.identity.tests.conftest import oidc_provider, set_user  # noqa: F401  (the provider fixture)
from partnering.people.models import Person
from tests.factories import CouncilFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_of_staff_signs_in_with_their_council_account_and_sets_up_two_factor(page, axe, oidc_provider):  # noqa: F811
    CouncilFactory(name="Cardiff Council", short_name="Cardiff", slug="cardiff")
    call_command("add_identity_provider", council="cardiff", issuer=oidc_provider, client_id="partnering", client_secret="s",
                 domains="cardiff.gov.uk")
    set_user(oidc_provider, "sub-ann", email="ann.jones@cardiff.gov.uk", email_verified=True, name="Ann Jones")

    page.goto("/accounts/login/")
    axe(page)
    page.get_by_label("Your council email address").fill("nobody@unknown.example")
    page.get_by_role("button", name="Sign in with your council account").click()
    page.get_by_role("alert").filter(has_text="does not know a council").wait_for()
    axe(page)

    page.get_by_label("Your council email address").fill("ann.jones@cardiff.gov.uk")
    page.get_by_role("button", name="Sign in with your council account").click()
    page.wait_for_url(re.compile(re.escape(oidc_provider) + r"/oauth2/authorize"))
    page.locator("input[name=sub]").fill("sub-ann")
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(r"/$"))
    page.console_errors.clear()  # the provider's own page asks the internet for its stylesheet and icon: not Partnering's
    assert Person.objects.get(email="ann.jones@cardiff.gov.uk").employments.get().council.slug == "cardiff"
    assert "Ann Jones" in page.content()
    axe(page)

    page.goto("/accounts/two-factor/set-up/")
    axe(page)
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    page.get_by_role("link", name="Enter the six-digit code from your authenticator app").wait_for()
    axe(page)
    assert not page.console_errors
