"""Shared money: the partnership's coordinators manage its cost pools, funding and pooled entitlements;
its board and its councils' leads read them. A council's statement is read by its own leads and by the
partnership's coordinators and board, never by another council's lead."""

from django.db.models import Q

from partnering.costs.models import Cost, CostPool, EntitlementPool, FundingPackage
from partnering.organisations.models import Council, Membership, Partnership

from .scope import Scope, get_or_404, not_found


def partnerships_with_costs_for(scope: Scope):
    """The partnerships whose shared costs the scope reads."""
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.overseen_partnership_ids)


def costs_partnership_for(scope: Scope, slug: str) -> Partnership:
    return get_or_404(partnerships_with_costs_for(scope), slug=slug)


def managed_costs_partnership_for(scope: Scope, slug: str) -> Partnership:
    partnership = costs_partnership_for(scope, slug)
    if not can_manage_costs(scope, partnership):
        raise not_found()
    return partnership


def can_manage_costs(scope: Scope, partnership) -> bool:
    """Set up and change pools, bases, funding and entitlements: the partnership's coordinators."""
    return scope.coordinates(getattr(partnership, "pk", partnership))


def _readable(scope: Scope, queryset):
    if scope.is_superuser:
        return queryset
    return queryset.filter(partnership_id__in=scope.overseen_partnership_ids)


def pools_visible_to(scope: Scope):
    return _readable(scope, CostPool.objects.all())


def pool_for(scope: Scope, pk) -> CostPool:
    return get_or_404(pools_visible_to(scope).select_related("partnership", "course"), pk=pk)


def managed_pool_for(scope: Scope, pk) -> CostPool:
    pool = pool_for(scope, pk)
    if not can_manage_costs(scope, pool.partnership):
        raise not_found()
    return pool


def councils_paying_for(scope: Scope, pool: CostPool):
    """The councils the scope may record a cost for: every council in the pool for its coordinators,
    the councils they lead for leads."""
    councils = Council.objects.filter(pk__in=pool.members.values("council_id")).order_by("name")
    if can_manage_costs(scope, pool.partnership):
        return councils
    return councils.filter(pk__in=scope.lead_council_ids)


def can_record_cost(scope: Scope, pool: CostPool) -> bool:
    return councils_paying_for(scope, pool).exists()


def pool_for_recording(scope: Scope, pk) -> CostPool:
    pool = pool_for(scope, pk)
    if not can_record_cost(scope, pool):
        raise not_found()
    return pool


def can_remove_cost(scope: Scope, cost: Cost) -> bool:
    """The pool's coordinators, or a lead of the council that paid it."""
    return can_manage_costs(scope, cost.pool.partnership) or scope.leads(cost.paid_by_id)


def removable_cost_for(scope: Scope, pk) -> Cost:
    cost = get_or_404(Cost.objects.filter(pool__in=pools_visible_to(scope)).select_related("pool__partnership", "paid_by"), pk=pk)
    if not can_remove_cost(scope, cost):
        raise not_found()
    return cost


def packages_visible_to(scope: Scope):
    return _readable(scope, FundingPackage.objects.all())


def package_for(scope: Scope, pk) -> FundingPackage:
    return get_or_404(packages_visible_to(scope).select_related("partnership"), pk=pk)


def managed_package_for(scope: Scope, pk) -> FundingPackage:
    package = package_for(scope, pk)
    if not can_manage_costs(scope, package.partnership):
        raise not_found()
    return package


def entitlements_visible_to(scope: Scope):
    return _readable(scope, EntitlementPool.objects.all())


def entitlement_for(scope: Scope, pk) -> EntitlementPool:
    return get_or_404(entitlements_visible_to(scope).select_related("partnership"), pk=pk)


def managed_entitlement_for(scope: Scope, pk) -> EntitlementPool:
    pool = entitlement_for(scope, pk)
    if not can_manage_costs(scope, pool.partnership):
        raise not_found()
    return pool


def statement_councils_for(scope: Scope, partnership: Partnership):
    """The councils whose statement the scope reads in this partnership: every member's for its
    coordinators and board, the councils they lead for leads."""
    members = Council.objects.filter(pk__in=Membership.objects.filter(partnership=partnership).values("council_id")).order_by("name")
    if scope.is_superuser or partnership.pk in (scope.coordinated_partnership_ids | scope.board_partnership_ids):
        return members
    return members.filter(pk__in=scope.lead_council_ids)


def statement_for(scope: Scope, partnership_slug: str, council_slug: str) -> tuple[Partnership, Council]:
    partnership = costs_partnership_for(scope, partnership_slug)
    council = get_or_404(statement_councils_for(scope, partnership), slug=council_slug)
    return partnership, council


def statement_memberships_visible_to(scope: Scope):
    """Every statement the scope reads, across partnerships, as the memberships of (partnership, council) pairs: the
    same as `statement_councils_for` over `partnerships_with_costs_for` (a pair that left and rejoined has more than
    one row; callers keep one). A council's own statement comes with its partnership's totals, which every
    reader of a statement also reads."""
    memberships = Membership.objects.all()
    if scope.is_superuser:
        return memberships
    every_council = scope.coordinated_partnership_ids | scope.board_partnership_ids
    return memberships.filter(Q(partnership_id__in=every_council)
                              | Q(partnership_id__in=scope.lead_partnership_ids, council_id__in=scope.lead_council_ids))


def reads_every_council(scope: Scope, partnership) -> bool:
    """Coordinators and board members read every council's own figures; a lead reads only their council's."""
    return scope.is_superuser or partnership.pk in (scope.coordinated_partnership_ids | scope.board_partnership_ids)


def council_figures_readable_by(scope: Scope, partnership) -> set[int]:
    """The councils whose own figures (shares, payments, recharges, days used) the scope reads in this partnership."""
    return set(statement_councils_for(scope, partnership).values_list("pk", flat=True))
