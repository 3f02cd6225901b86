"""The demo's expertise directory, loaded through the directory's services: Welsh-speaking trainers, a taxonomy,
support tiers and a brokering request for Welsh-medium equality training with people asked."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction

from partnering.access import directory as access
from partnering.access import scope_of
from partnering.demo.directory import load_directory
from partnering.directory import services
from partnering.directory.models import HelpRequest, Profile, ProfileSkill, Skill, SupportTier
from partnering.organisations.models import Council, Partnership
from partnering.people.models import Person

pytestmark = pytest.mark.django_db

NETWORK = "south-west-wales-workforce-development-network"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_the_shared_trainer_is_a_verified_welsh_speaking_equality_trainer(demo):
    profile = Profile.objects.get(person__email="shared@demo.test")
    assert (profile.welsh_level, profile.delivers_in_welsh, profile.listed_to) == (5, True, Profile.Listed.PARTNERSHIPS)
    equality = profile.skills.get(skill__name="Equality and diversity")
    assert equality.depth == ProfileSkill.Depth.TRAINER
    assert equality.verified_by.email == "lead.swansea@demo.test"


def test_generated_trainers_of_both_welsh_partnerships_have_profiles_some_delivering_in_welsh(demo):
    for slug in (NETWORK, "north-wales-legal-services-collaboration"):
        councils = Partnership.objects.get(slug=slug).councils.values("pk")
        profiles = Profile.objects.filter(person__employments__council__in=councils, person__email__contains=".demo.test").distinct()
        assert profiles.count() >= 2 * len(councils)
        assert profiles.filter(delivers_in_welsh=True).exists()
        assert ProfileSkill.objects.filter(profile__in=profiles, verified_at__isnull=False).exists()
    legal = Profile.objects.filter(skills__skill__name__in=["Employment law", "Childcare law", "Property law"])
    assert legal.exists()


def test_the_taxonomy_is_in_english_and_welsh_and_linked_to_the_glossary(demo):
    assert Skill.objects.count() == 15
    assert all(skill.welsh_name for skill in Skill.objects.all())
    equality = Skill.objects.get(name="Equality and diversity")
    assert equality.term.english == "Equality and diversity" and "Equalities" in equality.other_names()


def test_the_network_has_four_tiers_and_every_council_one(demo):
    network = Partnership.objects.get(slug=NETWORK)
    assert list(SupportTier.objects.filter(partnership=network).values_list("name", flat=True)) == ["Green", "Yellow", "Amber", "Red"]
    usage = services.tier_usage(network, Council.objects.get(slug="carmarthenshire"))
    assert (usage.tier.name, usage.entitlement) == ("Amber", 5)
    assert all(services.tier_usage(network, council).tier for council in network.councils.all())


def test_the_welsh_medium_equality_request_asks_welsh_speakers_from_other_councils(demo):
    request = HelpRequest.objects.get(need="Welsh-medium equality training for 20 managers in March")
    assert (request.council.slug, request.in_welsh, request.people_count) == ("carmarthenshire", True, 20)
    asks = list(request.asks.select_related("person__expertise_profile"))
    assert len(asks) == 2 and "shared@demo.test" in {a.person.email for a in asks}
    for ask in asks:
        assert ask.person.expertise_profile.delivers_in_welsh
        assert ask.respond_by == services.add_working_days(ask.asked_at.date(), 5)
        assert any(r["code"] == "other_council" for r in ask.reasons)
    coordinator = Person.objects.get(email="coordinator@demo.test")
    matches = services.matches_for(scope_of(coordinator), request)
    assert matches and all(Profile.objects.get(person_id=int(m.person_id)).delivers_in_welsh for m in matches)


def test_a_partner_councils_lead_finds_the_listed_trainers_but_an_outside_lead_does_not(demo):
    shared = Person.objects.get(email="shared@demo.test")
    bridgend = Person.objects.get(email="lead.bridgend@demo.test")
    conwy = Person.objects.get(email="lead.conwy@demo.test")
    assert access.profiles_listed_to(scope_of(bridgend)).filter(person=shared).exists()
    assert not access.profiles_listed_to(scope_of(conwy)).filter(person=shared).exists()


def test_loading_again_changes_nothing(demo):
    partnerships = {p.slug: p for p in Partnership.objects.all()}
    councils = {c.slug: c for c in Council.objects.all()}
    before = (Profile.objects.count(), ProfileSkill.objects.count(), HelpRequest.objects.count())
    summary = load_directory(partnerships, councils, actor=Person.objects.get(email="coordinator@demo.test"))
    assert summary.added == 0
    assert (Profile.objects.count(), ProfileSkill.objects.count(), HelpRequest.objects.count()) == before
    assert datetime.date.today() <= HelpRequest.objects.get().needed_by
