import pytest

from partnering.access import scope_of
from partnering.access.audit import audit_entries_visible_to
from partnering.core.models import AuditEntry, Sharing
from partnering.organisations import services
from partnering.organisations.models import Venue
from tests.factories import VenueFactory

pytestmark = pytest.mark.django_db


def entries_after(mark: int):
    """Entries written since `mark` (the fixtures' own records are audited too)."""
    return AuditEntry.objects.filter(pk__gt=mark)


def mark() -> int:
    last = AuditEntry.objects.order_by("-pk").first()
    return last.pk if last else 0


def test_service_refuses_changes_from_someone_who_is_not_the_councils_lead(region):
    from django.core.exceptions import PermissionDenied

    start = mark()
    with pytest.raises(PermissionDenied):
        services.venue_create(council=region.north, actor=region.lead_south, name="X", capacity=1, sharing=Sharing.PRIVATE)
    assert not Venue.objects.exists() and not entries_after(start).exists()


def test_a_change_that_changes_nothing_leaves_no_audit_entry(region):
    venue = VenueFactory(council=region.north, name="Hall")
    start = mark()
    services.venue_update(venue=venue, actor=region.lead_north, name="Hall")
    assert not entries_after(start).exists()


def test_invalid_service_input_writes_nothing(region):
    from django.core.exceptions import ValidationError

    start = mark()
    with pytest.raises(ValidationError):
        services.venue_create(council=region.north, actor=region.lead_north, name="X", capacity=1, sharing=Sharing.PARTNERSHIP)
    assert not Venue.objects.exists() and not entries_after(start).exists()


def test_audit_trail_is_visible_to_the_councils_leads_and_admins_only(region):
    start = mark()
    services.venue_create(council=region.north, actor=region.lead_north, name="Hall", capacity=10, sharing=Sharing.PRIVATE)
    assert audit_entries_visible_to(scope_of(region.lead_north)).filter(pk__gt=start).count() == 1
    assert audit_entries_visible_to(scope_of(region.admin)).filter(pk__gt=start).count() == 1
    assert audit_entries_visible_to(scope_of(region.lead_south)).filter(pk__gt=start).count() == 0
    assert not audit_entries_visible_to(scope_of(region.staff_north)).exists()


def test_admin_changes_are_audited(client, region):
    client.force_login(region.admin)
    venue = VenueFactory(council=region.north, name="Old name")
    start = mark()
    response = client.post(
        f"/admin/organisations/venue/{venue.pk}/change/",
        {"council": region.north.pk, "sharing": Sharing.PRIVATE, "name": "New name", "capacity": 5, "address": "", "postcode": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = entries_after(start).get()
    assert entry.actor == region.admin and entry.changes["name"] == ["Old name", "New name"]


def test_non_superuser_admin_staff_see_only_what_visibility_allows(client, region):
    from django.contrib.auth.models import Permission

    region.lead_north.is_staff = True
    region.lead_north.save()
    region.lead_north.user_permissions.add(*Permission.objects.filter(codename__in=["view_venue", "change_venue"]))
    mine = VenueFactory(council=region.north)
    theirs = VenueFactory(council=region.outsider)
    client.force_login(region.lead_north)
    listing = client.get("/admin/organisations/venue/")
    assert list(listing.context["cl"].result_list) == [mine]
    assert client.get(f"/admin/organisations/venue/{theirs.pk}/change/").status_code in (302, 404)
    assert client.get(f"/admin/organisations/venue/{mine.pk}/change/").status_code == 200


def test_memberships_added_in_the_admin_are_audited_against_the_council(client, region):
    client.force_login(region.admin)
    network = region.network
    existing = list(network.memberships.order_by("pk"))
    data = {
        "name": network.name, "slug": network.slug, "kind": network.kind, "formed_on": "2012-04-01", "description": "",
        "memberships-TOTAL_FORMS": str(len(existing) + 1), "memberships-INITIAL_FORMS": str(len(existing)),
        "memberships-MIN_NUM_FORMS": "0", "memberships-MAX_NUM_FORMS": "1000",
    }
    for index, membership in enumerate(existing):
        data.update({
            f"memberships-{index}-id": membership.pk, f"memberships-{index}-partnership": network.pk,
            f"memberships-{index}-council": membership.council_id, f"memberships-{index}-joined_on": "2015-04-01",
        })
    new = len(existing)
    data.update({
        f"memberships-{new}-partnership": network.pk, f"memberships-{new}-council": region.outsider.pk,
        f"memberships-{new}-joined_on": "2024-04-01",
    })
    start = mark()
    response = client.post(f"/admin/organisations/partnership/{network.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = entries_after(start).get(council=region.outsider)
    assert entry.action == "create" and entry.changes["joined"] == [None, "2024-04-01"]
