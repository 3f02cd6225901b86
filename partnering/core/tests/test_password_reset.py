"""Password reset is throttled: a few emails per address and a few requests per client address an hour,
and the page says the same whether or not the address has an account."""

import time

import pytest
from django.core import mail
from django.core.cache import caches

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

RESET = "/accounts/password_reset/"


@pytest.fixture(autouse=True)
def empty_cache():
    """The throttle counts in the cache: every test here starts and ends with none."""
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def person(db):
    return PersonFactory(email="reset.me@example.test", full_name="Reset Me")


def request_reset(client, email, address="198.51.100.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_the_tests_use_a_local_memory_cache(settings):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_fifteen_requests_for_one_address_send_at_most_three_emails(client, person):
    responses = [request_reset(client, person.email, address=f"198.51.100.{number}") for number in range(15)]
    assert len(mail.outbox) == 3
    assert {(response.status_code, response["Location"]) for response in responses} == {(302, "/accounts/password_reset/done/")}


def test_fifteen_requests_from_one_client_send_at_most_three_emails(client, person):
    for _ in range(15):
        request_reset(client, person.email)
    assert len(mail.outbox) == 3


def test_over_the_address_limit_the_page_looks_the_same_whether_or_not_there_is_an_account(client, person, settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 1
    answers = []
    for email in (person.email, person.email, "nobody@example.test", "nobody@example.test"):
        response = request_reset(client, email, address=f"203.0.113.{len(answers)}")
        answers.append((response.status_code, response["Location"]))
    assert len(set(answers)) == 1
    assert len(mail.outbox) == 1
    done = client.get("/accounts/password_reset/done/").content.decode()
    assert "nobody" not in done and person.email not in done


def test_the_address_limit_is_per_address(client, person, settings):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 1
    other = PersonFactory(email="other@example.test", full_name="Other")
    request_reset(client, person.email)
    request_reset(client, person.email)
    request_reset(client, "RESET.ME@example.test")
    request_reset(client, other.email)
    assert sorted(message.to[0] for message in mail.outbox) == ["other@example.test", "reset.me@example.test"]


def test_one_client_asking_for_many_addresses_is_told_to_try_again_later(client, settings):
    settings.PASSWORD_RESET_IP_LIMIT = 10
    people = [PersonFactory(email=f"person{number}@example.test", full_name=f"Person {number}") for number in range(12)]
    responses = [request_reset(client, person.email) for person in people]
    assert [response.status_code for response in responses] == [302] * 10 + [429] * 2
    assert len(mail.outbox) == 10
    page = responses[-1].content.decode()
    assert "There is a problem" in page and "Try again later" in page
    # Someone else, elsewhere, is not held up.
    assert request_reset(client, people[-1].email, address="192.0.2.44").status_code == 302
    assert len(mail.outbox) == 11


def test_the_limits_lift_after_the_window(client, person, settings, monkeypatch):
    settings.PASSWORD_RESET_EMAIL_LIMIT = 1
    settings.PASSWORD_RESET_IP_LIMIT = 2
    for _ in range(3):
        request_reset(client, person.email)
    assert len(mail.outbox) == 1
    later = time.time() + settings.PASSWORD_RESET_THROTTLE_MINUTES * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert request_reset(client, person.email).status_code == 302
    assert len(mail.outbox) == 2


def test_the_limits_default_to_three_emails_per_address_and_ten_requests_per_client_an_hour():
    from config.settings import base

    assert (base.PASSWORD_RESET_EMAIL_LIMIT, base.PASSWORD_RESET_IP_LIMIT, base.PASSWORD_RESET_THROTTLE_MINUTES) == (3, 10, 60)


def test_a_blank_or_malformed_address_still_gets_a_clear_message(client):
    response = request_reset(client, "not an email")
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
