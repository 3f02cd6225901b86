"""The mapping exercise: returns, their lines, imports, investment, arrangements, topics and MI."""

from django.db.models import Q

from partnering.core.dates import current_on, today
from partnering.mapping.models import Arrangement, ImportBatch, Investment, Provision, Return, Topic
from partnering.organisations.models import Council, Membership, Partnership

from .organisations import council_for
from .scope import Scope, get_or_404, not_found
from .sharing import led_by, shared_with


def topics_visible_to(scope: Scope):
    return Topic.objects.all() if scope.is_signed_in or scope.is_superuser else Topic.objects.none()


def can_edit_topics(scope: Scope) -> bool:
    """Coordinators of any partnership keep the shared topic taxonomy."""
    return scope.is_superuser or bool(scope.coordinated_partnership_ids)


def topic_for_editing(scope: Scope, pk) -> Topic:
    if not can_edit_topics(scope):
        raise not_found()
    return get_or_404(Topic.objects.all(), pk=pk)


def returns_visible_to(scope: Scope):
    return shared_with(scope, Return.objects.all())


def returns_editable_by(scope: Scope):
    return led_by(scope, Return.objects.all())


def provision_visible_to(scope: Scope):
    """Line by line: the council's own lines, and partners' lines where they shared their return."""
    return shared_with(scope, Provision.objects.all(), via="batch__council_return__")


def provision_line_for(scope: Scope, pk) -> Provision:
    return get_or_404(provision_visible_to(scope).select_related("council"), pk=pk)


def can_change_provision(scope: Scope, line: Provision) -> bool:
    return scope.leads(line.council_id)


def batches_editable_by(scope: Scope):
    return ImportBatch.objects.filter(council_return__in=returns_editable_by(scope))


def batch_for(scope: Scope, pk) -> ImportBatch:
    """Uploads, their mapping, preview, file and restore: the council's leads only."""
    return get_or_404(batches_editable_by(scope).select_related("council_return__council"), pk=pk)


def _partner_council_ids(scope: Scope):
    members = Membership.objects.filter(current_on(today(), "joined_on", "left_on"), partnership_id__in=scope.partnership_ids)
    return members.values("council_id")


def _shared_across_partnerships(scope: Scope, queryset):
    """The council's own, and those of councils in the scope's partnerships (for the partnership's MI)."""
    if scope.is_superuser:
        return queryset.all()
    return queryset.filter(Q(council_id__in=scope.council_ids) | Q(council_id__in=_partner_council_ids(scope)))


def investments_visible_to(scope: Scope):
    return _shared_across_partnerships(scope, Investment.objects.all())


def arrangements_visible_to(scope: Scope):
    return _shared_across_partnerships(scope, Arrangement.objects.all())


def partnerships_overseen_by(scope: Scope):
    """Partnerships whose MI and overlap report the scope reads: their coordinators and board
    members, and leads of their member councils."""
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.overseen_partnership_ids)


def overseen_partnership_for(scope: Scope, slug: str) -> Partnership:
    return get_or_404(partnerships_overseen_by(scope), slug=slug)


def can_read_council_mi(scope: Scope, council: Council) -> bool:
    """A council's own MI: its leads, and coordinators and board members of its current partnerships."""
    if scope.leads(council.pk):
        return True
    overseers = scope.coordinated_partnership_ids | scope.board_partnership_ids
    return Membership.objects.filter(current_on(today(), "joined_on", "left_on"), council=council, partnership_id__in=overseers).exists()


def council_mi_for(scope: Scope, slug: str) -> Council:
    council = council_for(scope, slug)
    if not can_read_council_mi(scope, council):
        raise not_found()
    return council


def council_provision_for(scope: Scope, slug: str, year: int):
    """A council's current lines for a year that the scope may read, and the council. Someone who may
    see none of its lines gets 404 (its leads always reach the page, even before the first import)."""
    council = council_for(scope, slug)
    lines = provision_visible_to(scope).current().filter(council=council, year=year)
    if not scope.leads(council.pk) and not lines.exists():
        raise not_found()
    return council, lines


def councils_with_returns_for(scope: Scope):
    """The councils whose returns the scope manages, for the mapping home page."""
    if scope.is_superuser:
        return Council.objects.filter(provision__isnull=False).distinct()
    return Council.objects.filter(pk__in=scope.lead_council_ids)
