"""Venue planning: the partnership's coordinators plan, and see the plans made."""

from partnering.planning.models import VenuePlan

from .scope import Scope, get_or_404


def plans_visible_to(scope: Scope):
    if scope.is_superuser:
        return VenuePlan.objects.all()
    return VenuePlan.objects.filter(course__partnership_id__in=scope.coordinated_partnership_ids)


def plan_for(scope: Scope, pk) -> VenuePlan:
    return get_or_404(plans_visible_to(scope).select_related("course__partnership", "source_session", "created_by"), pk=pk)


def can_plan_venues(scope: Scope, course) -> bool:
    return scope.coordinates(course.partnership_id)
