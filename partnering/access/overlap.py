"""Overlap analysis: runs, groups, decisions, equivalences and questions of a partnership."""

from django.db.models import Q

from partnering.overlap.models import AnalysisRun, Decision, Equivalence, OverlapGroup, Question

from .mapping import partnerships_overseen_by
from .scope import Scope, get_or_404


def runs_visible_to(scope: Scope):
    return AnalysisRun.objects.filter(partnership__in=partnerships_overseen_by(scope))


def run_for(scope: Scope, pk) -> AnalysisRun:
    return get_or_404(runs_visible_to(scope), pk=pk)


def lines_shown_in_groups(partnership):
    """A group's lines as anyone may see them: only lines a current member still shares with the partnership (or
    publishes). A council that makes its return private, or leaves, drops out of every group at once, without
    waiting for the analysis to run again."""
    from django.db.models import Q

    from partnering.core.dates import current_on, today
    from partnering.core.models import Sharing
    from partnering.mapping.models import ImportBatch
    from partnering.organisations.models import Membership
    from partnering.overlap.models import GroupLine

    members = Membership.objects.filter(current_on(today(), "joined_on", "left_on"), partnership=partnership)
    return GroupLine.objects.filter(
        Q(provision__batch__council_return__sharing=Sharing.PUBLIC)
        | Q(provision__batch__council_return__sharing=Sharing.PARTNERSHIP, provision__batch__council_return__shared_with=partnership),
        group__partnership=partnership, provision__batch__status=ImportBatch.Status.ACTIVE,
        provision__council_id__in=members.values("council_id"),
    )


def groups_visible_to(scope: Scope):
    return OverlapGroup.objects.filter(partnership__in=partnerships_overseen_by(scope))


def group_for(scope: Scope, pk) -> OverlapGroup:
    from django.db.models import Prefetch

    group = get_or_404(groups_visible_to(scope).select_related("partnership", "topic"), pk=pk)
    shown = lines_shown_in_groups(group.partnership).select_related("provision__council")
    return get_or_404(OverlapGroup.objects.filter(pk=group.pk).select_related("partnership", "topic")
                      .prefetch_related(Prefetch("members", queryset=shown)), pk=group.pk)


def decisions_visible_to(scope: Scope):
    return Decision.objects.filter(partnership__in=partnerships_overseen_by(scope))


def equivalences_visible_to(scope: Scope):
    return Equivalence.objects.filter(partnership__in=partnerships_overseen_by(scope))


def can_decide_overlap(scope: Scope, partnership) -> bool:
    """Run the analysis; confirm, reject, split or merge groups; answer its questions; undo decisions; and
    say whether Partnering may learn from the partnership's decisions: the partnership's coordinators."""
    return scope.coordinates(partnership.pk)


def _coordinated(scope: Scope) -> Q:
    return Q() if scope.is_superuser else Q(partnership_id__in=scope.coordinated_partnership_ids)


def questions_visible_to(scope: Scope):
    """The analysis asks the partnership's coordinators, and only them."""
    return Question.objects.filter(_coordinated(scope))


def question_for(scope: Scope, pk) -> Question:
    return get_or_404(
        questions_visible_to(scope).select_related("partnership", "provision_a__council", "provision_a__topic",
                                                   "provision_b__council", "provision_b__topic"),
        pk=pk,
    )


def decision_for_undoing(scope: Scope, pk) -> Decision:
    """A decision its partnership's coordinators may take back."""
    return get_or_404(Decision.objects.filter(_coordinated(scope)).select_related("partnership"), pk=pk)
