import datetime
from decimal import Decimal

import factory

from partnering.core.models import Sharing
from partnering.organisations.models import Council, Membership, Partnership, Venue
from partnering.people.models import CouncilRole, Employment, PartnershipRole, Person

PASSWORD = "correct-horse-battery"


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    name = factory.Sequence(lambda n: f"Council {n} County Council")
    short_name = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    country = Council.Country.WALES
    region = "South West Wales"
    latitude = 51.6
    longitude = -3.9


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Partnership {n}")
    slug = factory.Sequence(lambda n: f"partnership-{n}")
    kind = Partnership.Kind.NETWORK
    formed_on = datetime.date(2012, 4, 1)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    council = factory.SubFactory(CouncilFactory)
    joined_on = datetime.date(2015, 4, 1)


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    council = factory.SubFactory(CouncilFactory)
    name = factory.Sequence(lambda n: f"Venue {n}")
    capacity = 20
    sharing = Sharing.PRIVATE


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)


class EmploymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employment

    person = factory.SubFactory(PersonFactory)
    council = factory.SubFactory(CouncilFactory)
    job_title = "Officer"
    fte = Decimal("1")
    start_on = datetime.date(2020, 1, 1)


def employ(person, council, *roles, fte="1", **extra):
    employment = EmploymentFactory(person=person, council=council, fte=Decimal(fte), **extra)
    for role in roles or ("staff",):
        CouncilRole.objects.create(employment=employment, role=role)
    return employment


def partnership_role(person, partnership, role):
    return PartnershipRole.objects.create(person=person, partnership=partnership, role=role, start_on=datetime.date(2020, 1, 1))
