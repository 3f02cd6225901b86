"""The shared layout: who is signed in, which council they act for, language."""

import pytest

pytestmark = pytest.mark.django_db


def test_header_shows_the_person_and_the_council_they_act_for(sign_in, region):
    page = sign_in(region.staff_north).get("/").content.decode()
    assert "Staff North" in page and "Acting for <strong>North Council</strong>" in page
    assert 'id="switch-council"' not in page


def test_person_with_two_employments_gets_a_switcher_and_can_switch(sign_in, region):
    client = sign_in(region.shared)
    page = client.get("/").content.decode()
    assert 'id="switch-council"' in page
    assert "Acting for <strong>North Council</strong>" in page
    response = client.post("/council/switch/", {"council": "south", "next": "/me/"})
    assert response.status_code == 302 and response["Location"] == "/me/"
    assert "Acting for <strong>South Council</strong>" in client.get("/").content.decode()


def test_cannot_switch_to_a_council_you_do_not_work_for(sign_in, region):
    client = sign_in(region.shared)
    assert client.post("/council/switch/", {"council": "outsider"}).status_code == 404


def test_switch_ignores_a_redirect_to_another_site(sign_in, region):
    response = sign_in(region.shared).post("/council/switch/", {"council": "south", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_language_switch_to_welsh_persists_and_translates_the_chrome(sign_in, region):
    client = sign_in(region.staff_north)
    response = client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert 'lang="cy"' in page
    assert "Allgofnodi" in page
    assert "Sign out" not in page
    # Still Welsh on the next page: the choice is kept in a cookie.
    assert "Allgofnodi" in client.get("/partnerships/").content.decode()


def test_every_page_sends_a_content_security_policy_with_a_nonce(sign_in, region):
    response = sign_in(region.staff_north).get("/")
    policy = response["Content-Security-Policy"]
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert f'nonce="{nonce}"' in response.content.decode()


def test_home_page_shows_what_matters_to_each_role(sign_in, region, client):
    lead = sign_in(region.lead_north).get("/").content.decode()
    assert "Recent changes to your council" in lead
    client.logout()
    coordinator = sign_in(region.coordinator).get("/").content.decode()
    assert "Partnerships you coordinate" in coordinator and "Test Network" in coordinator
    client.logout()
    board = sign_in(region.board_member).get("/").content.decode()
    assert "Boards you sit on" in board
    client.logout()
    staff = sign_in(region.staff_north).get("/").content.decode()
    assert "Recent changes" not in staff and "Staff on Partnering" in staff


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_when_the_database_does_not_answer(client, db, monkeypatch):
    from django.db import connection
    from django.db.utils import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"] == "error"
