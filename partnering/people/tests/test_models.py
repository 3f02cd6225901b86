import datetime

import pytest
from django.db import IntegrityError

from partnering.people.models import Employment
from tests.factories import CouncilFactory, EmploymentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_a_person_can_hold_current_employments_in_several_councils():
    person = PersonFactory()
    EmploymentFactory(person=person, fte="0.5")
    EmploymentFactory(person=person, fte="0.5")
    assert Employment.objects.current().filter(person=person).count() == 2


@pytest.mark.parametrize("fte", ["0", "-0.5", "1.5"])
def test_fte_share_must_be_more_than_nothing_and_at_most_one(fte):
    with pytest.raises(IntegrityError):
        EmploymentFactory(fte=fte)


def test_employment_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        EmploymentFactory(start_on=datetime.date(2020, 1, 1), end_on=datetime.date(2019, 1, 1))


def test_only_one_open_employment_per_person_and_council():
    person, council = PersonFactory(), CouncilFactory()
    EmploymentFactory(person=person, council=council)
    with pytest.raises(IntegrityError):
        EmploymentFactory(person=person, council=council)


def test_future_and_ended_employments_are_not_current():
    person = PersonFactory()
    EmploymentFactory(person=person, start_on=datetime.date(2099, 1, 1))
    EmploymentFactory(person=person, start_on=datetime.date(2010, 1, 1), end_on=datetime.date(2012, 1, 1))
    assert not Employment.objects.current().filter(person=person).exists()
