import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnering.people.erasure import anonymise_person
from partnering.people.models import Employment, Person
from tests.factories import PersonFactory, employ

pytestmark = pytest.mark.django_db


def test_people_list_is_scoped_to_the_viewers_councils(sign_in, region):
    response = sign_in(region.staff_north).get("/people/")
    names = {p.full_name for p in response.context["page"].object_list}
    assert {"Lead North", "Staff North", "Shared"} <= names
    assert "Staff South" not in names and "Staff Outsider" not in names


def test_person_employed_by_two_councils_sees_staff_of_both_and_can_filter_by_council(sign_in, region):
    client = sign_in(region.shared)
    everyone = {p.full_name for p in client.get("/people/").context["page"].object_list}
    assert {"Staff North", "Staff South"} <= everyone
    south_only = {p.full_name for p in client.get("/people/?council=south").context["page"].object_list}
    assert "Staff South" in south_only and "Staff North" not in south_only


def test_people_search_by_name_returns_the_results_partial_for_htmx(sign_in, region):
    response = sign_in(region.staff_north).get("/people/?q=lead", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "Lead North" in page and "Staff North" not in page
    assert "<html" not in page and 'id="people-results"' in page


def _found(client, query):
    return {p.full_name for p in client.get("/people/", {"q": query}).context["page"].object_list}


def test_people_search_finds_by_any_part_of_the_name_or_email_in_any_case(sign_in, region):
    client = sign_in(region.staff_north)
    assert _found(client, "LEAD n") == {"Lead North"}
    assert _found(client, "shared@example") == {"Shared"}
    assert _found(client, "staff") == {"Staff North"}  # Staff South and Staff Outsider work elsewhere
    assert _found(client, "staff north") == {"Staff North"}  # themselves, found like anyone else


def test_people_search_reaches_the_partnerships_councils_for_a_coordinator_and_no_further(sign_in, region):
    assert _found(sign_in(region.coordinator), "staff") == {"Staff North", "Staff South"}


def test_someone_employed_nowhere_finds_only_themselves(sign_in, region):
    client = sign_in(region.board_member)
    assert _found(client, "board") == {"Board Member"}
    assert _found(client, "staff") == set()


def test_people_search_follows_a_new_name_or_email_however_it_is_written(sign_in, region):
    # The search reads the employment's copy of the name and email, which the database keeps: a bulk update
    # (as the HR import makes) and a bulk insert reach it without the model's save().
    Person.objects.filter(pk=region.staff_north.pk).update(full_name="Ffion Pritchard", email="ffion.pritchard@north.test")
    newcomer = PersonFactory(full_name="Rhodri Vaughan")
    Employment.objects.bulk_create([Employment(person=newcomer, council=region.north, job_title="Planner", start_on=datetime.date(2024, 4, 1))])
    client = sign_in(region.lead_north)
    assert _found(client, "pritchard") == {"Ffion Pritchard"}
    assert _found(client, "ffion.pritchard@north") == {"Ffion Pritchard"}
    assert _found(client, "staff north") == set()
    assert _found(client, "vaughan") == {"Rhodri Vaughan"}


def test_an_anonymised_person_is_not_found_by_their_old_name(sign_in, region):
    anonymise_person(region.staff_north, former=None)
    assert Employment.objects.filter(search_text__icontains="staff north").count() == 0
    assert _found(sign_in(region.lead_north), "staff north") == set()


def test_people_list_query_count_does_not_grow_with_people(sign_in, region):
    client = sign_in(region.staff_north)
    client.get("/people/")
    with CaptureQueriesContext(connection) as few:
        client.get("/people/")
    for _n in range(20):
        employ(PersonFactory(), region.north)
    with CaptureQueriesContext(connection) as many:
        client.get("/people/")
    assert len(many) == len(few)


def test_another_councils_person_is_not_found_by_guessing_the_url(sign_in, region):
    assert sign_in(region.staff_north).get(f"/people/{region.staff_outsider.pk}/").status_code == 404


def test_person_page_shows_only_employments_the_viewer_may_see(sign_in, region):
    response = sign_in(region.staff_north).get(f"/people/{region.shared.pk}/")
    assert [e.council for e in response.context["person"].visible_employments] == [region.north]


def test_my_profile_shows_all_of_my_employments(sign_in, region):
    response = sign_in(region.shared).get("/me/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "North Council" in page and "South Council" in page
    assert "0.6" in page and "0.4" in page


def test_my_profile_shows_partnership_roles(sign_in, region):
    page = sign_in(region.coordinator).get("/me/").content.decode()
    assert "Coordinator (regional project officer)" in page and "Test Network" in page
