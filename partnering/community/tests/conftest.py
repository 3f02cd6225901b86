import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from partnering.community import services
from partnering.community.models import Group, GroupMember
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory, employ, partnership_role


@pytest.fixture
def net(db, settings, tmp_path):
    """A partnership of two councils with a coordinator, a member of staff in each, a union guest, and a council outside."""
    settings.MEDIA_ROOT = tmp_path
    partnership = PartnershipFactory(name="North West skills group", slug="nw")
    far = PartnershipFactory(name="Elsewhere", slug="far")
    a, b, c = CouncilFactory(name="Bolton", slug="bolton"), CouncilFactory(name="Wigan", slug="wigan"), CouncilFactory(name="Far", slug="far-c")
    MembershipFactory(partnership=partnership, council=a)
    MembershipFactory(partnership=partnership, council=b)
    MembershipFactory(partnership=far, council=c)
    people = {key: PersonFactory(email=f"{key}@example.test", full_name=name) for key, name in (
        ("coordinator", "Rhian Pryce"), ("alice", "Alice Ashworth"), ("bryn", "Bryn Bowen"), ("guest", "Gwen Union"),
        ("outsider", "Owen Outside"))}
    partnership_role(people["coordinator"], partnership, "coordinator")
    employ(people["alice"], a)
    employ(people["bryn"], b)
    employ(people["outsider"], c)
    group = services.group_create(partnership=partnership, actor=people["coordinator"], name="Digital inclusion",
                                  rotation_months=3, rotation_starts_on=timezone.localdate() - datetime.timedelta(days=5))
    day = timezone.localdate() - datetime.timedelta(days=30)
    GroupMember.objects.create(group=group, person=people["alice"], council=a, joined_on=day)
    GroupMember.objects.create(group=group, person=people["bryn"], council=b, joined_on=day + datetime.timedelta(days=1))
    services.member_add(group=group, actor=people["coordinator"], email="guest@example.test", guest_organisation="UNISON North West")
    other = services.group_create(partnership=partnership, actor=people["coordinator"], name="Impact measures")
    return SimpleNamespace(partnership=partnership, far=far, a=a, b=b, c=c, group=group, other=other, **people)


def login(client, person):
    client.force_login(person)
    return client


__all__ = ["Group", "login"]
