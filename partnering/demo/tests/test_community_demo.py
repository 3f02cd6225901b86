"""The demo's groups, loaded through the community services: the North Wales legal SIGs with rotating chairs and a
chairs' group reporting to the board, and the North West theme groups from ranked priorities with a union guest."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

from partnering.access import scope_of
from partnering.access.community import groups_visible_to
from partnering.community.models import Document, Group, GroupMember, Priority
from partnering.demo.community import LEGAL, SKILLS, UNION_GUEST, load_community
from partnering.organisations.models import Partnership
from partnering.organisations.reference import slugify
from partnering.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def test_the_legal_collaboration_has_three_sigs_reporting_to_a_chairs_group_that_reports_to_the_board(demo):
    legal = Partnership.objects.get(name=LEGAL)
    chairs = Group.objects.get(partnership=legal, kind=Group.Kind.CHAIRS)
    assert chairs.reports_to.kind == Group.Kind.BOARD
    sigs = Group.objects.filter(reports_to=chairs).order_by("name")
    assert [g.name for g in sigs] == ["Childcare law", "Employment law", "Property law"]
    chairs_now = {g.current_chair()[1] for g in sigs}
    assert len(chairs_now) == 3  # three SIGs, three different chairs this turn
    for sig in sigs:
        schedule = sig.chair_schedule(turns=len(sig.chair_candidates()))
        assert len({label for _, label, _ in schedule}) == len(sig.chair_candidates())  # everyone chairs once per round
        document = sig.documents.get()
        assert document.current.number == 2 and document.published == Document.Published.PARTNERSHIP
        assert sig.resources.filter(still_needed=True).exists()


def test_the_north_west_theme_groups_came_from_the_top_three_priorities_with_a_union_guest(demo):
    skills = Partnership.objects.get(name=SKILLS)
    themes = Group.objects.filter(partnership=skills, kind=Group.Kind.THEME).order_by("name")
    assert [g.name for g in themes] == ["Digital inclusion", "Impact measures and evaluation", "Support for union learning representatives"]
    assert Priority.objects.filter(partnership=skills, theme_group__isnull=True).count() == 1
    guest = Person.objects.get(email=UNION_GUEST[0])
    membership = GroupMember.objects.get(person=guest)
    assert membership.is_guest and membership.guest_organisation == UNION_GUEST[2]
    assert list(groups_visible_to(scope_of(guest))) == [membership.group]
    assert not scope_of(guest).partnership_ids


def test_loading_the_groups_again_changes_nothing(demo):
    from partnering.people.models import PartnershipRole

    coordinator = Person.objects.get(email="coordinator@demo.test")
    assert PartnershipRole.objects.filter(person=coordinator, partnership__name=SKILLS).exists()
    partnerships = {slugify(p.name): p for p in Partnership.objects.all()}
    before = (Group.objects.count(), GroupMember.objects.count(), Document.objects.count(), Priority.objects.count())
    assert load_community(partnerships, actor=coordinator).added == 0
    assert (Group.objects.count(), GroupMember.objects.count(), Document.objects.count(), Priority.objects.count()) == before
