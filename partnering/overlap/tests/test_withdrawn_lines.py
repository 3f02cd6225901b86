"""A council that stops sharing its return drops out of every overlap group at once."""

import pytest

from partnering.core.models import Sharing
from partnering.mapping.models import Return
from partnering.overlap.models import OverlapGroup

from .test_analysis import NORTH, SOUTH, analyse, share

pytestmark = pytest.mark.django_db


def test_lines_a_council_makes_private_are_no_longer_shown_in_groups(region, sign_in):
    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)
    analyse(region)
    group = OverlapGroup.objects.filter(council_count=2).order_by("pk").first()
    Return.objects.filter(council=region.north).update(sharing=Sharing.PRIVATE, shared_with=None)
    client = sign_in(region.lead_south)
    detail = client.get(f"/overlap/groups/{group.pk}/")
    assert detail.context["members"] and {m.provision.council for m in detail.context["members"]} == {region.south}
    report = client.get(f"/overlap/partnerships/{region.network.slug}/?year=2025")
    shown = [m.provision.council for g in report.context["page"].object_list for m in g.shown_lines]
    assert shown and region.north not in shown
    north_only = [line[0] for line in NORTH[1:] if line[0] not in {s[0] for s in SOUTH[1:]}][0]
    assert not client.get(f"/overlap/partnerships/{region.network.slug}/?year=2025&q={north_only}").context["page"].object_list
