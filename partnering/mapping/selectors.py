"""Who may read which management information, decided once."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from partnering.core.tenancy import scope_for
from partnering.organisations.models import Council, Membership, Partnership


def partnerships_with_dashboards(user):
    """Coordinators and board members see their partnerships; leads see the partnerships their councils are in."""
    scope = scope_for(user)
    if scope.is_superuser:
        return Partnership.objects.all()
    via_leads = Membership.objects.current().filter(council_id__in=scope.lead_council_ids).values("partnership_id")
    return Partnership.objects.filter(
        pk__in=set(scope.coordinated_partnership_ids | scope.board_partnership_ids)
    ) | Partnership.objects.filter(pk__in=via_leads)


def partnership_dashboard_or_404(user, slug: str) -> Partnership:
    return get_object_or_404(partnerships_with_dashboards(user).distinct(), slug=slug)


def council_dashboard_or_404(user, slug: str) -> Council:
    """A council's own MI: its leads, and coordinators and board members of its partnerships."""
    scope = scope_for(user)
    council = get_object_or_404(Council.objects.visible_to(user), slug=slug)
    if scope.can_manage_council(council.pk):
        return council
    overseen = Membership.objects.current().filter(
        council=council, partnership_id__in=scope.coordinated_partnership_ids | scope.board_partnership_ids
    )
    if not overseen.exists():
        raise Http404(_("Page not found"))
    return council
