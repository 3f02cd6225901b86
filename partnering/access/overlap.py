"""Overlap analysis: runs, groups, decisions and equivalences of a partnership."""

from partnering.overlap.models import AnalysisRun, Decision, Equivalence, OverlapGroup

from .mapping import partnerships_overseen_by
from .scope import Scope, get_or_404


def runs_visible_to(scope: Scope):
    return AnalysisRun.objects.filter(partnership__in=partnerships_overseen_by(scope))


def run_for(scope: Scope, pk) -> AnalysisRun:
    return get_or_404(runs_visible_to(scope), pk=pk)


def groups_visible_to(scope: Scope):
    return OverlapGroup.objects.filter(partnership__in=partnerships_overseen_by(scope))


def group_for(scope: Scope, pk) -> OverlapGroup:
    return get_or_404(
        groups_visible_to(scope).select_related("partnership", "topic").prefetch_related("members__provision__council"), pk=pk
    )


def decisions_visible_to(scope: Scope):
    return Decision.objects.filter(partnership__in=partnerships_overseen_by(scope))


def equivalences_visible_to(scope: Scope):
    return Equivalence.objects.filter(partnership__in=partnerships_overseen_by(scope))


def can_decide_overlap(scope: Scope, partnership) -> bool:
    """Run the analysis and confirm, reject, split or merge groups: the partnership's coordinators."""
    return scope.coordinates(partnership.pk)
