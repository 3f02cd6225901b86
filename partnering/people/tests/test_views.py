import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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
