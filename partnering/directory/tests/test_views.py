"""The directory's pages through the test client: search with filters and pagination, profiles and their
skills, the taxonomy, a request from making to outcome, answers and tiers; bad input comes back on the form."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from partnering.directory import services
from partnering.directory.models import Ask, HelpRequest, Profile, ProfileSkill, Skill, SupportTier
from partnering.glossary.models import Term
from tests.factories import PersonFactory, VenueFactory, employ
from tests.html_checks import assert_aria_references_exist, assert_hints_and_errors_are_announced

pytestmark = pytest.mark.django_db


@pytest.fixture
def equality(db):
    term = Term.objects.create(english="Equality and diversity", welsh="Cydraddoldeb ac amrywiaeth", synonyms="EDI\nEqualities")
    return Skill.objects.create(name="Equality and diversity", welsh_name="Cydraddoldeb ac amrywiaeth", term=term)


def listed(person, skill, listed_to=Profile.Listed.PARTNERSHIPS, depth=4, **extra):
    services.save_profile(actor=person, listed_to=listed_to, **extra)
    services.add_skill(actor=person, skill=skill, depth=depth)


def as_(client, person):
    client.force_login(person)
    return client


def test_the_profile_form_saves_and_a_bad_welsh_claim_lands_on_its_field(client, region):
    as_(client, region.staff_north)
    url = reverse("directory:my-profile")
    page = client.get(url)
    assert page.status_code == 200
    assert_hints_and_errors_are_announced(page.content.decode())
    bad = client.post(url, {"listed_to": "council", "welsh_level": "1", "delivers_in_welsh": "on", "available_days": "2"})
    assert bad.status_code == 200 and not Profile.objects.exists()
    assert bad.context["form"].errors["delivers_in_welsh"]
    assert_aria_references_exist(bad.content.decode())
    good = client.post(url, {"listed_to": "council", "welsh_level": "4", "delivers_in_welsh": "on", "available_days": "2.5",
                             "training_languages": "English, Welsh"})
    assert good.status_code == 302
    profile = Profile.objects.get(person=region.staff_north)
    assert (profile.listed_to, profile.welsh_level, profile.available_days) == ("council", 4, Decimal("2.5"))
    negative = client.post(url, {"listed_to": "council", "welsh_level": "0", "available_days": "-1"})
    assert negative.context["form"].errors["available_days"]


def test_a_person_adds_changes_and_removes_their_skills(client, region, equality):
    as_(client, region.staff_north)
    assert client.post(reverse("directory:skill-add"), {"skill": equality.pk, "depth": "3"}).status_code == 302
    again = client.post(reverse("directory:skill-add"), {"skill": equality.pk, "depth": "2"})
    assert "already on your profile" in again.context["form"].errors["skill"][0]
    held = ProfileSkill.objects.get()
    assert client.post(reverse("directory:skill-edit", args=[held.pk]), {"depth": "4", "note": "Six years"}).status_code == 302
    held.refresh_from_db()
    assert (held.depth, held.note) == (4, "Six years")
    page = client.get(reverse("directory:my-profile"))
    assert "Equality and diversity" in page.content.decode() and "Cydraddoldeb ac amrywiaeth" in page.content.decode()
    assert client.post(reverse("directory:skill-remove", args=[held.pk])).status_code == 302
    assert not ProfileSkill.objects.exists()


def test_a_lead_verifies_a_skill_from_the_profile_page_and_the_person_sees_no_button(client, region, equality):
    listed(region.staff_north, equality, Profile.Listed.COUNCIL)
    held = ProfileSkill.objects.get()
    url = reverse("directory:profile-detail", args=[region.staff_north.pk])
    own = as_(client, region.staff_north).get(url).content.decode()
    assert reverse("directory:skill-verify", args=[held.pk]) not in own
    lead = as_(client, region.lead_north).get(url).content.decode()
    assert reverse("directory:skill-verify", args=[held.pk]) in lead
    assert client.post(reverse("directory:skill-verify", args=[held.pk])).status_code == 302
    held.refresh_from_db()
    assert held.verified
    assert "Verified" in client.get(url).content.decode()
    client.post(reverse("directory:skill-verify", args=[held.pk]), {"verified": "no"})
    held.refresh_from_db()
    assert not held.verified


def test_search_filters_by_skill_welsh_council_distance_and_days_and_shows_only_people_listed_to_the_searcher(client, region, equality):
    near = VenueFactory(council=region.north, latitude=51.6, longitude=-3.9)
    far = VenueFactory(council=region.south, latitude=53.2, longitude=-4.1)
    for person, venue in ((region.lead_north, near), (region.staff_south, far)):
        job = person.employments.get()
        job.work_base = venue
        job.save()
    listed(region.staff_south, equality, welsh_level=5, delivers_in_welsh=True, available_days=Decimal("4"))
    listed(region.shared, equality, available_days=Decimal("1"))
    listed(region.staff_north, equality, Profile.Listed.NOBODY)
    as_(client, region.lead_north)
    url = reverse("directory:home")

    def names(**query):
        page = client.get(url, query)
        assert page.status_code == 200
        return [row["profile"].person.email for row in page.context["page"].object_list]

    assert names() == ["shared@example.test", "staff_south@example.test"]  # nearest first; staff_north is not listed
    assert names(welsh="on") == ["staff_south@example.test"]
    assert names(council=region.north.pk) == ["shared@example.test"]
    assert names(days="2") == ["staff_south@example.test"]
    assert names(within="50") == ["shared@example.test"]
    assert names(q="cydraddoldeb") == ["shared@example.test", "staff_south@example.test"]
    assert names(skill=equality.pk, partnership=region.network.pk) == ["shared@example.test", "staff_south@example.test"]
    bad = client.get(url, {"days": "lots"})
    assert bad.status_code == 200 and bad.context["form"].errors["days"]


def test_search_is_paginated(client, region, equality):
    for n in range(23):
        person = PersonFactory(full_name=f"Trainer {n:02d}")
        employ(person, region.north)
        listed(person, equality, Profile.Listed.COUNCIL)
    as_(client, region.lead_north)
    first = client.get(reverse("directory:home"))
    assert len(first.context["page"].object_list) == 20 and first.context["count"] == 23
    second = client.get(reverse("directory:home"), {"page": 2})
    assert [r["profile"].person.full_name for r in second.context["page"].object_list] == ["Trainer 20", "Trainer 21", "Trainer 22"]


def test_a_request_from_making_to_outcome(client, region, equality, django_capture_on_commit_callbacks):
    listed(region.staff_south, equality, welsh_level=5, delivers_in_welsh=True, available_days=Decimal("3"))
    listed(region.staff_north, equality, welsh_level=1, available_days=Decimal("10"))
    tier = services.create_tier(actor=region.coordinator, partnership=region.network, name="Amber", colour="amber", days_a_year=Decimal("5"))
    services.set_council_tiers(actor=region.coordinator, partnership=region.network, tiers={region.north.pk: tier})
    as_(client, region.lead_north)
    create = reverse("directory:request-create", args=[region.network.slug])
    past = client.post(create, {"council": region.north.pk, "need": "Welsh-medium equality training", "needed_by": "2020-01-01",
                                "purpose": "share"})
    assert past.context["form"].errors["needed_by"] and not HelpRequest.objects.exists()
    needed_by = (datetime.date.today() + datetime.timedelta(days=40)).isoformat()
    made = client.post(create, {"council": region.north.pk, "need": "Welsh-medium equality training for 20 managers",
                                "needed_by": needed_by, "in_welsh": "on", "purpose": "share", "people_count": "20", "days_estimate": "2"})
    request = HelpRequest.objects.get()
    assert made.status_code == 302 and made["Location"] == reverse("directory:request-detail", args=[request.pk])
    page = client.get(made["Location"])
    matches = page.context["matches"]
    assert [m["person"] for m in matches] == [region.staff_south]  # staff_north cannot deliver in Welsh
    text = page.content.decode()
    assert "Delivers in Welsh" in text and "From another council" in text and "Amber" in text
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(reverse("directory:request-ask", args=[request.pk]), {"person": region.staff_south.pk})
    assert asked.status_code == 302
    ask = Ask.objects.get()
    assert "1 request for help is waiting for your answer" in as_(client, region.staff_south).get(reverse("directory:home")).content.decode()
    as_(client, region.lead_north)
    nobody = client.post(reverse("directory:request-ask", args=[request.pk]), {"person": region.staff_outsider.pk})
    assert nobody.status_code == 200 and nobody.context["ask_form"].errors["person"]
    # The person asked answers.
    as_(client, region.staff_south)
    answer = reverse("directory:ask-respond", args=[ask.pk])
    assert "Why you were suggested" in client.get(answer).content.decode()
    assert client.post(answer, {}).context["form"].errors["answer"]
    assert client.post(answer, {"answer": "accept", "note": "Glad to"}).status_code == 302
    ask.refresh_from_db()
    assert ask.status == Ask.Status.ACCEPTED
    assert client.get(reverse("directory:request-detail", args=[request.pk])).status_code == 200  # the asked person reads it
    # The lead records the outcome.
    as_(client, region.lead_north)
    outcome = reverse("directory:request-outcome", args=[request.pk])
    assert client.post(outcome, {"outcome": "helped"}).context["form"].errors["days_used"]
    assert client.post(outcome, {"outcome": "helped", "days_used": "2", "feedback": "Very good"}).status_code == 302
    request.refresh_from_db()
    assert (request.status, request.outcome, request.days_used) == ("closed", "helped", Decimal("2"))
    assert "2 days used" in client.get(reverse("directory:request-detail", args=[request.pk])).content.decode()
    listing = client.get(reverse("directory:requests"))
    assert list(listing.context["page"].object_list) == [request]


def test_coordinators_keep_the_taxonomy_and_the_tiers(client, region, equality):
    as_(client, region.coordinator)
    assert client.post(reverse("directory:taxonomy-create"), {"name": "equality AND diversity"}).context["form"].errors["name"]
    assert client.post(reverse("directory:taxonomy-create"), {"name": "Coaching", "welsh_name": "Hyfforddi"}).status_code == 302
    assert Skill.objects.filter(name="Coaching", welsh_name="Hyfforddi").exists()
    assert client.post(reverse("directory:taxonomy-edit", args=[equality.pk]),
                       {"name": "Equality, diversity and inclusion", "term": equality.term_id}).status_code == 302
    tiers = reverse("directory:tiers", args=[region.network.slug])
    assert client.post(reverse("directory:tier-create", args=[region.network.slug]),
                       {"name": "Red", "colour": "red", "days_a_year": "-1", "order": "4"}).context["form"].errors["days_a_year"]
    assert client.post(reverse("directory:tier-create", args=[region.network.slug]),
                       {"name": "Red", "colour": "red", "days_a_year": "10", "order": "4"}).status_code == 302
    red = SupportTier.objects.get()
    assert client.post(reverse("directory:tier-assign", args=[region.network.slug]),
                       {f"council_{region.south.pk}": red.pk}).status_code == 302
    page = client.get(tiers)
    assert [r["usage"].tier for r in page.context["rows"]] == [None, red]
    assert client.post(reverse("directory:tier-remove", args=[red.pk])).status_code == 302
    assert not SupportTier.objects.exists()
    as_(client, region.lead_north)
    assert client.get(tiers).status_code == 200
    assert client.get(reverse("directory:tier-create", args=[region.network.slug])).status_code == 404
    assert client.get(reverse("directory:taxonomy-create")).status_code == 404


def test_the_directory_pages_render_for_someone_with_nothing_yet(client, region):
    as_(client, region.staff_outsider)
    for name in ("directory:home", "directory:my-profile", "directory:taxonomy", "directory:requests", "directory:skill-add"):
        page = client.get(reverse(name))
        assert page.status_code == 200, name
        assert_aria_references_exist(page.content.decode())
    assert "No one listed to you matches" in client.get(reverse("directory:home")).content.decode()


def test_an_ask_made_by_mistake_is_withdrawn_and_a_closed_request_reopened(client, region, equality):
    listed(region.staff_south, equality, welsh_level=5, delivers_in_welsh=True)
    help_request = services.create_request(actor=region.lead_north, partnership=region.network, council=region.north,
                                           need="Equality training", needed_by=datetime.date.today() + datetime.timedelta(days=9))
    ask = services.ask_person(actor=region.lead_north, request=help_request, person=region.staff_south)
    as_(client, region.lead_south)  # another council's lead: not theirs to change
    assert client.post(reverse("directory:ask-withdraw", args=[ask.pk])).status_code == 404
    as_(client, region.lead_north)
    assert client.post(reverse("directory:ask-withdraw", args=[ask.pk])).status_code == 302
    ask.refresh_from_db()
    assert ask.status == Ask.Status.WITHDRAWN
    again = client.post(reverse("directory:ask-withdraw", args=[ask.pk]), follow=True)
    assert "is already withdrawn" in again.content.decode()
    services.close_request(actor=region.lead_north, request=help_request, outcome="withdrawn")
    assert client.post(reverse("directory:request-reopen", args=[help_request.pk])).status_code == 302
    help_request.refresh_from_db()
    assert (help_request.status, help_request.outcome) == ("open", "")


def test_the_search_page_asks_the_database_as_often_for_ten_people_as_for_two(client, region, equality):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    as_(client, region.lead_north)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("directory:home"), {"q": "equality"}).status_code == 200
        return len(captured)

    people = [PersonFactory() for _ in range(10)]
    for person in people[:2]:
        employ(person, region.north)
        listed(person, equality, Profile.Listed.COUNCIL)
    few = queries()
    for person in people[2:]:
        employ(person, region.south)
        listed(person, equality)
    assert queries() == few


def test_skills_are_named_in_welsh_when_the_site_is_in_welsh(client, region, equality):
    listed(region.staff_north, equality, Profile.Listed.COUNCIL)
    as_(client, region.lead_north)
    english = client.get(reverse("directory:profile-detail", args=[region.staff_north.pk])).content.decode()
    assert 'Equality and diversity <span lang="cy">(Cydraddoldeb ac amrywiaeth)</span>' in english
    client.post(reverse("set_language"), {"language": "cy", "next": "/"})
    welsh = client.get(reverse("directory:profile-detail", args=[region.staff_north.pk])).content.decode()
    assert 'Cydraddoldeb ac amrywiaeth <span lang="en">(Equality and diversity)</span>' in welsh
    assert "Cydraddoldeb ac amrywiaeth (" in client.get(reverse("directory:home")).content.decode()


def test_the_reasons_name_the_skill_in_the_readers_language(region, equality):
    from django.utils import translation

    from partnering.directory.matching import Reason
    from partnering.directory.reasons import reason_text, skill_labels

    reason = Reason("skill", {"skill": "Equality and diversity", "percent": 100}, 50)
    assert reason_text(reason.code, reason.values, reason.points, skill_labels()).startswith("Skill: Equality and diversity")
    with translation.override("cy"):
        assert "Cydraddoldeb ac amrywiaeth" in reason_text(reason.code, reason.values, reason.points, skill_labels())
