import re

import pytest
from django.core import mail

from tests.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_and_password_uses_djangos_field_names(client, region):
    response = client.post("/accounts/login/", {"username": "LEAD_NORTH@example.test", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").context["user"] == region.lead_north


def test_wrong_password_shows_an_error_summary(client, region):
    response = client.post("/accounts/login/", {"username": region.lead_north.email, "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "Enter a correct email address and password" in page


def test_repeated_failed_sign_ins_are_throttled_even_with_the_right_password(client, region, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": region.lead_north.email, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": region.lead_north.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    # Another person signing in from the same address is not locked out.
    assert client.post("/accounts/login/", {"username": region.staff_north.email, "password": PASSWORD}).status_code == 302


def test_sign_out_is_a_post_and_ends_the_session(sign_in, region):
    client = sign_in(region.staff_north)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_password_reset_sends_an_email_with_a_working_link(client, region):
    response = client.post("/accounts/password_reset/", {"email": region.staff_north.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"},
    )
    assert done.status_code == 302
    signed_in = client.post("/accounts/login/", {"username": region.staff_north.email, "password": "a-brand-new-passphrase"})
    assert signed_in.status_code == 302


def test_password_reset_does_not_reveal_whether_an_address_has_an_account(client, db):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.test"})
    assert response.status_code == 302 and len(mail.outbox) == 0


def test_emails_are_stored_in_lower_case(db):
    person = PersonFactory._meta.model.objects.create_user("Mixed.Case@Example.TEST", "pw-long-enough-123", full_name="M")
    assert person.email == "mixed.case@example.test"


def test_password_rules_are_explained_in_welsh_to_a_welsh_reader(client, region):
    client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    client.post("/accounts/password_reset/", {"email": region.staff_north.email})
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": "12345", "new_password2": "12345"})
    page = response.content.decode()
    assert "Mae’r cyfrinair hwn yn rhy fyr" in page and "Mae’r cyfrinair hwn yn rhifau i gyd." in page
    assert "too short" not in page
