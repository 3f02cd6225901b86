"""Two-factor authentication: setting up an authenticator app, the code asked after the password, recovery
codes, and who must use it."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.test import override_settings

from partnering.identity.models import IdentityProvider, SignIn
from tests.factories import PASSWORD, CouncilFactory, PartnershipFactory, PersonFactory, employ, partnership_role

pytestmark = pytest.mark.django_db


def code_now(secret: str) -> str:
    # A code made in the last seconds of its 30-second step may be checked in the next: wait for a fresh step.
    if time.time() % 30 > 26:
        time.sleep(30 - time.time() % 30 + 0.1)
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def set_up_app(client, person) -> tuple[str, list[str]]:
    client.force_login(person)
    page = client.get("/accounts/two-factor/set-up/")
    secret = page.context["secret"]
    done = client.post("/accounts/two-factor/set-up/", {"code": code_now(secret)})
    assert done.status_code == 200 and "Your recovery codes" in done.content.decode()
    client.logout()
    return secret, done.context["codes"]


def sign_in_with_password(client, person):
    return client.post("/accounts/login/", {"username": person.email, "password": PASSWORD})


def test_a_wrong_setup_code_is_named_on_the_field_and_nothing_is_turned_on(client):
    person = PersonFactory()
    client.force_login(person)
    client.get("/accounts/two-factor/set-up/")
    response = client.post("/accounts/two-factor/set-up/", {"code": "000000" if code_now(client.session["identity:totp-secret"]) != "000000" else "111111"})
    assert "The code is not right" in response.content.decode()
    assert "six digits" in client.post("/accounts/two-factor/set-up/", {"code": "12ab56"}).content.decode()
    assert not Authenticator.objects.filter(user=person).exists()


def test_after_setting_up_an_app_the_password_is_not_enough_and_the_code_signs_in(client):
    person = PersonFactory()
    secret, _ = set_up_app(client, person)
    first = sign_in_with_password(client, person)
    assert first.status_code == 302 and first["Location"] == "/accounts/two-factor/"
    assert not client.get("/").wsgi_request.user.is_authenticated
    wrong = client.post("/accounts/two-factor/", {"code": "12345"})
    assert "The code is not right" in wrong.content.decode()
    right = client.post("/accounts/two-factor/", {"code": code_now(secret)})
    assert right.status_code == 302 and right["Location"] == "/"
    assert client.get("/").wsgi_request.user == person
    assert SignIn.objects.filter(person=person, method=SignIn.Method.PASSWORD).count() == 1


def test_a_recovery_code_signs_in_once_only(client):
    person = PersonFactory()
    _, codes = set_up_app(client, person)
    sign_in_with_password(client, person)
    assert client.post("/accounts/two-factor/", {"code": codes[0]}).status_code == 302
    client.logout()
    sign_in_with_password(client, person)
    again = client.post("/accounts/two-factor/", {"code": codes[0]})
    assert again.status_code == 200 and "The code is not right" in again.content.decode()


@override_settings(PARTNERING_TWO_FACTOR_TRIES=2)
def test_too_many_wrong_codes_start_the_sign_in_again(client):
    person = PersonFactory()
    set_up_app(client, person)
    sign_in_with_password(client, person)
    client.post("/accounts/two-factor/", {"code": "000001"})
    client.post("/accounts/two-factor/", {"code": "000002"})
    third = client.post("/accounts/two-factor/", {"code": "000003"})
    assert third.status_code == 429 and "too many wrong codes" in third.content.decode()
    assert client.get("/accounts/two-factor/")["Location"] == "/accounts/login/"


def test_a_coordinator_of_a_council_that_requires_it_must_set_up_an_app_before_anything_else(client):
    council = CouncilFactory()
    IdentityProvider.objects.create(council=council, issuer="https://idp.example.org", client_id="a", client_secret="b",
                                    domains="x.gov.uk", requires_two_factor=True)
    coordinator, member_of_staff = PersonFactory(), PersonFactory()
    employ(coordinator, council)
    employ(member_of_staff, council)
    partnership_role(coordinator, PartnershipFactory(), "coordinator")
    sign_in_with_password(client, coordinator)
    assert client.get("/")["Location"] == "/accounts/two-factor/set-up/"
    assert "you need to set this up before you continue" in client.get("/accounts/two-factor/set-up/").content.decode()
    client.post("/accounts/logout/")
    sign_in_with_password(client, member_of_staff)
    assert client.get("/").status_code == 200


@override_settings(PARTNERING_TWO_FACTOR_REQUIRED=True)
def test_where_the_site_requires_it_a_site_administrator_is_sent_to_set_it_up_and_is_let_through_after(client):
    admin = PersonFactory(is_staff=True, is_superuser=True)
    sign_in_with_password(client, admin)
    assert client.get("/")["Location"] == "/accounts/two-factor/set-up/"
    secret = client.get("/accounts/two-factor/set-up/").context["secret"]
    client.post("/accounts/two-factor/set-up/", {"code": code_now(secret)})
    assert client.get("/").status_code == 200
