import pytest
from django.core.paginator import Paginator

from partnering.core.pagination import OneQueryPaginator
from partnering.people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    PersonFactory.create_batch(7, full_name="Jones")
    PersonFactory.create_batch(3, full_name="Evans")
    return Person.objects.filter(full_name="Jones").order_by("email")


def test_a_page_and_the_count_come_from_one_query(people, django_assert_num_queries):
    with django_assert_num_queries(1):
        page = OneQueryPaginator(people, 3).get_page("2")
        assert (page.number, page.paginator.count, page.paginator.num_pages) == (2, 7, 3)
        assert page.has_next() and page.has_previous() and (page.start_index(), page.end_index()) == (4, 6)


@pytest.mark.parametrize("number", ["1", "2", "3", "9", "", "x", "-1", None, "99999999999999999999"])
def test_every_page_matches_djangos_paginator(people, number):
    ours, djangos = OneQueryPaginator(people, 3).get_page(number), Paginator(people, 3).get_page(number)
    assert ours.number == djangos.number
    assert list(ours) == list(djangos)
    assert ours.paginator.count == djangos.paginator.count


def test_nothing_matching_is_one_empty_page(django_assert_max_num_queries):
    page = OneQueryPaginator(Person.objects.filter(full_name="Nobody").order_by("pk"), 50).get_page(1)
    assert (page.number, page.paginator.count, list(page)) == (1, 0, [])
