"""Councils, partnerships, memberships and venues."""

from partnering.organisations.models import Council, Membership, Partnership, Venue

from .scope import Scope, get_or_404, not_found
from .sharing import led_by, shared_with


# Council profiles, partnerships and memberships are shared facts: anyone signed in reads them.
def councils_visible_to(scope: Scope):
    return Council.objects.all() if scope.is_signed_in or scope.is_superuser else Council.objects.none()


def council_for(scope: Scope, slug: str) -> Council:
    return get_or_404(councils_visible_to(scope), slug=slug)


def partnerships_visible_to(scope: Scope):
    return Partnership.objects.all() if scope.is_signed_in or scope.is_superuser else Partnership.objects.none()


def partnership_for(scope: Scope, slug: str) -> Partnership:
    return get_or_404(partnerships_visible_to(scope), slug=slug)


def memberships_visible_to(scope: Scope):
    return Membership.objects.all() if scope.is_signed_in or scope.is_superuser else Membership.objects.none()


def councils_led_by(scope: Scope):
    return Council.objects.all() if scope.is_superuser else Council.objects.filter(pk__in=scope.lead_council_ids)


def can_manage_council(scope: Scope, council) -> bool:
    """Change the council's profile, venues, returns and requirements; read its audit trail."""
    return council is not None and scope.leads(council.pk)


def managed_council_for(scope: Scope, slug: str) -> Council:
    """A council the scope leads; anyone else gets 404."""
    council = council_for(scope, slug)
    if not can_manage_council(scope, council):
        raise not_found()
    return council


def venues_visible_to(scope: Scope):
    return shared_with(scope, Venue.objects.all())


def venue_for(scope: Scope, pk) -> Venue:
    return get_or_404(venues_visible_to(scope).select_related("council", "shared_with"), pk=pk)


def venues_editable_by(scope: Scope):
    return led_by(scope, Venue.objects.all())


def can_change_venue(scope: Scope, venue: Venue) -> bool:
    return scope.leads(venue.council_id)


def changeable_venue_for(scope: Scope, pk) -> Venue:
    return get_or_404(venues_editable_by(scope).select_related("council"), pk=pk)


def can_share_with(council, partnership) -> bool:
    """A council shares its records only with a partnership it currently belongs to."""
    from partnering.core.dates import current_on, today

    return partnership is None or Membership.objects.filter(
        current_on(today(), "joined_on", "left_on"), council=council, partnership=partnership).exists()


def venues_for_partnership(partnership):
    """Rooms a partnership may use for its sessions: its current members' venues that are public or shared
    with this partnership (never private ones, nor ones shared with another partnership)."""
    from django.db.models import Q

    from partnering.core.dates import current_on, today
    from partnering.core.models import Sharing

    members = Membership.objects.filter(current_on(today(), "joined_on", "left_on"), partnership=partnership)
    return Venue.objects.filter(Q(sharing=Sharing.PUBLIC) | Q(sharing=Sharing.PARTNERSHIP, shared_with=partnership),
                                council_id__in=members.values("council_id"))
