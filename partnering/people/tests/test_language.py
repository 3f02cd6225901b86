"""The language we email someone in: chosen on their profile, or taken from the site when they switch it."""

import pytest

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return PersonFactory(email="bethan@example.test", full_name="Bethan Hughes")


def test_a_new_person_has_not_chosen_a_language(person):
    assert person.language == ""


def test_switching_the_site_to_welsh_records_welsh_for_someone_who_has_not_chosen(person, sign_in):
    client = sign_in(person)
    response = client.post("/i18n/setlang/", {"language": "cy", "next": "/me/"})
    assert response.status_code == 302 and response["Location"] == "/me/"
    person.refresh_from_db()
    assert person.language == "cy"


def test_switching_the_site_does_not_change_a_language_someone_chose(person, sign_in):
    person.language = "en"
    person.save()
    sign_in(person).post("/i18n/setlang/", {"language": "cy", "next": "/"})
    person.refresh_from_db()
    assert person.language == "en"


def test_switching_to_a_language_the_site_does_not_offer_records_nothing(person, sign_in):
    sign_in(person).post("/i18n/setlang/", {"language": "fr", "next": "/"})
    person.refresh_from_db()
    assert person.language == ""


def test_switching_language_before_signing_in_still_works(client):
    response = client.post("/i18n/setlang/", {"language": "cy", "next": "/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "cy"


def test_people_choose_their_email_language_on_their_profile(person, sign_in):
    client = sign_in(person)
    page = client.get("/me/").content.decode()
    assert 'action="/me/language/"' in page and 'type="radio"' in page and 'value="cy"' in page
    response = client.post("/me/language/", {"language": "cy"})
    assert response.status_code == 302 and response["Location"] == "/me/"
    person.refresh_from_db()
    assert person.language == "cy"
    client.post("/me/language/", {"language": ""})  # back to "the language I use the site in"
    person.refresh_from_db()
    assert person.language == ""


def test_a_language_that_is_not_offered_is_refused_with_a_message(person, sign_in):
    response = sign_in(person).post("/me/language/", {"language": "fr"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and "Select" in page
    person.refresh_from_db()
    assert person.language == ""


def test_choosing_a_language_changes_only_your_own(person, sign_in):
    other = PersonFactory()
    sign_in(person).post("/me/language/", {"language": "cy", "person": other.pk})
    other.refresh_from_db()
    assert other.language == ""


def test_the_language_page_needs_a_signed_in_person(client):
    response = client.post("/me/language/", {"language": "cy"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_opening_the_language_address_goes_to_the_profile(person, sign_in):
    response = sign_in(person).get("/me/language/")
    assert response.status_code == 302 and response["Location"] == "/me/"
