"""Shared staff: each council sees the shared posts and secondments that involve it (its leads), the partnership
sees all of its own (coordinators and board), and the person and their line manager see theirs. Time is seen
by the person, their line manager (or, with none recorded, their employer's leads) and the partnership's
coordinators; only the person changes it, and nobody approves their own. Recruitment is the partner councils'
(leads sign off for their council) and the coordinators'; terms are read by the partnership's overseers."""

from django.db.models import Q

from partnering.organisations.models import Council, Membership, Partnership
from partnering.people.models import Employment
from partnering.workforce.models import (
    CouncilTerms,
    PostShare,
    Recruitment,
    RecruitmentPartner,
    Secondment,
    SharedPost,
    TimeEntry,
    Timesheet,
)

from .scope import Scope, get_or_404, not_found


def _everything(scope: Scope) -> bool:
    return scope.is_superuser


# --- Partnerships -----------------------------------------------------------------------------------------


def workforce_partnerships_for(scope: Scope):
    """Partnerships whose shared staff the scope oversees: coordinators, board members and member councils' leads."""
    if _everything(scope):
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.overseen_partnership_ids)


def workforce_partnership_for(scope: Scope, slug: str) -> Partnership:
    return get_or_404(workforce_partnerships_for(scope), slug=slug)


def reads_every_council(scope: Scope, partnership) -> bool:
    return _everything(scope) or partnership.pk in (scope.coordinated_partnership_ids | scope.board_partnership_ids)


def member_councils(partnership):
    return Council.objects.filter(pk__in=Membership.objects.filter(partnership=partnership).values("council_id")).order_by("name")


def arranging_councils_for(scope: Scope, partnership):
    """The councils the scope sets up posts, secondments and terms for: every member for the partnership's
    coordinators, the councils they lead for leads."""
    members = member_councils(partnership)
    if scope.coordinates(partnership.pk):
        return members
    return members.filter(pk__in=scope.lead_council_ids)


def arranging_partnership_for(scope: Scope, slug: str) -> Partnership:
    partnership = workforce_partnership_for(scope, slug)
    if not arranging_councils_for(scope, partnership).exists():
        raise not_found()
    return partnership


def councils_readable_by(scope: Scope, partnership) -> set[int]:
    """Councils whose figures (balances, time) the scope reads in the partnership."""
    if reads_every_council(scope, partnership):
        return set(member_councils(partnership).values_list("pk", flat=True))
    return set(member_councils(partnership).filter(pk__in=scope.lead_council_ids).values_list("pk", flat=True))


# --- Shared posts and secondments --------------------------------------------------------------------------------


def _overseen(scope: Scope) -> Q:
    return Q(partnership_id__in=scope.coordinated_partnership_ids | scope.board_partnership_ids)


def posts_visible_to(scope: Scope):
    if _everything(scope):
        return SharedPost.objects.all()
    if not scope.is_signed_in:
        return SharedPost.objects.none()
    involved = Q(employer_id__in=scope.lead_council_ids) | Q(pk__in=PostShare.objects.filter(council_id__in=scope.lead_council_ids)
                                                             .values("post_id"))
    return SharedPost.objects.filter(_overseen(scope) | involved | Q(person_id=scope.person_id) | Q(line_manager_id=scope.person_id))


def post_for(scope: Scope, pk) -> SharedPost:
    return get_or_404(posts_visible_to(scope).select_related("partnership", "employer", "person", "line_manager"), pk=pk)


def can_change_post(scope: Scope, post: SharedPost) -> bool:
    """The partnership's coordinators and the employing council's leads."""
    return scope.coordinates(post.partnership_id) or scope.leads(post.employer_id)


def changeable_post_for(scope: Scope, pk) -> SharedPost:
    post = post_for(scope, pk)
    if not can_change_post(scope, post):
        raise not_found()
    return post


def secondments_visible_to(scope: Scope):
    if _everything(scope):
        return Secondment.objects.all()
    if not scope.is_signed_in:
        return Secondment.objects.none()
    involved = Q(home_id__in=scope.lead_council_ids) | Q(host_id__in=scope.lead_council_ids)
    return Secondment.objects.filter(_overseen(scope) | involved | Q(person_id=scope.person_id) | Q(backfill_person_id=scope.person_id))


def secondment_for(scope: Scope, pk) -> Secondment:
    return get_or_404(secondments_visible_to(scope).select_related("partnership", "home", "host", "person", "backfill_person"), pk=pk)


def can_change_secondment(scope: Scope, secondment: Secondment) -> bool:
    return scope.coordinates(secondment.partnership_id) or scope.leads(secondment.home_id)


def changeable_secondment_for(scope: Scope, pk) -> Secondment:
    secondment = secondment_for(scope, pk)
    if not can_change_secondment(scope, secondment):
        raise not_found()
    return secondment


# --- Time ---------------------------------------------------------------------------------------------------


def line_manager_ids(timesheet: Timesheet) -> set[int]:
    """Who approves a period: the line manager of the person's shared post in the partnership, else of their employment."""
    posts = SharedPost.objects.filter(partnership_id=timesheet.partnership_id, person_id=timesheet.person_id,
                                      line_manager__isnull=False, start_on__lte=timesheet.end_on).filter(
        Q(end_on__isnull=True) | Q(end_on__gte=timesheet.start_on))
    managers = set(posts.values_list("line_manager_id", flat=True))
    if not managers:
        managers = set(Employment.objects.filter(person_id=timesheet.person_id, council_id=timesheet.council_id, line_manager__isnull=False)
                       .values_list("line_manager_id", flat=True))
    return managers - {timesheet.person_id}


def approves(scope: Scope, timesheet: Timesheet) -> bool:
    """The line manager; with none recorded, the employing council's leads; never the person."""
    if not scope.is_signed_in or scope.person_id == timesheet.person_id:
        return False
    managers = line_manager_ids(timesheet)
    if managers:
        return scope.person_id in managers or scope.is_superuser
    return scope.leads(timesheet.council_id)


def _managed_people(scope: Scope) -> Q:
    by_post = SharedPost.objects.filter(line_manager_id=scope.person_id)
    by_job = Employment.objects.filter(line_manager_id=scope.person_id)
    return (Q(person_id__in=by_post.values("person_id"), partnership_id__in=by_post.values("partnership_id"))
            | Q(person_id__in=by_job.values("person_id"), council_id__in=by_job.values("council_id")))


def timesheets_visible_to(scope: Scope):
    if _everything(scope):
        return Timesheet.objects.all()
    if not scope.is_signed_in:
        return Timesheet.objects.none()
    return Timesheet.objects.filter(Q(person_id=scope.person_id) | Q(council_id__in=scope.lead_council_ids)
                                    | Q(partnership_id__in=scope.coordinated_partnership_ids) | _managed_people(scope))


def timesheet_for(scope: Scope, pk) -> Timesheet:
    return get_or_404(timesheets_visible_to(scope).select_related("partnership", "council", "person", "decided_by"), pk=pk)


def own_timesheet_for(scope: Scope, pk) -> Timesheet:
    """The person's own period, for them to fill in and submit."""
    timesheet = timesheet_for(scope, pk)
    if timesheet.person_id != scope.person_id:
        raise not_found()
    return timesheet


def can_edit_timesheet(scope: Scope, timesheet: Timesheet) -> bool:
    return scope.person_id == timesheet.person_id and not timesheet.locked


def decidable_timesheet_for(scope: Scope, pk) -> Timesheet:
    timesheet = timesheet_for(scope, pk)
    if not approves(scope, timesheet):
        raise not_found()
    return timesheet


def can_unlock(scope: Scope, timesheet: Timesheet) -> bool:
    """Open an approved period again (with a reason): its approvers, the employer's leads, the partnership's coordinators."""
    if scope.person_id == timesheet.person_id and not scope.is_superuser:
        return False
    return approves(scope, timesheet) or scope.leads(timesheet.council_id) or scope.coordinates(timesheet.partnership_id)


def unlockable_timesheet_for(scope: Scope, pk) -> Timesheet:
    timesheet = timesheet_for(scope, pk)
    if not can_unlock(scope, timesheet):
        raise not_found()
    return timesheet


def own_entry_for(scope: Scope, pk) -> TimeEntry:
    return get_or_404(TimeEntry.objects.filter(timesheet__person_id=scope.person_id).select_related("timesheet"), pk=pk)


def timesheets_to_approve(scope: Scope):
    """Submitted periods the scope approves."""
    candidates = timesheets_visible_to(scope).filter(status=Timesheet.Status.SUBMITTED).exclude(person_id=scope.person_id)
    return [t for t in candidates.select_related("person", "council", "partnership").order_by("start_on", "person__full_name")
            if approves(scope, t)]


# --- Joint recruitment --------------------------------------------------------------------------------------------


def recruitments_visible_to(scope: Scope):
    if _everything(scope):
        return Recruitment.objects.all()
    if not scope.is_signed_in:
        return Recruitment.objects.none()
    partner = RecruitmentPartner.objects.filter(council_id__in=scope.lead_council_ids).values("recruitment_id")
    return Recruitment.objects.filter(_overseen(scope) | Q(pk__in=partner))


def recruitment_for(scope: Scope, pk) -> Recruitment:
    return get_or_404(recruitments_visible_to(scope).select_related("partnership", "host", "terms_of"), pk=pk)


def can_manage_recruitment(scope: Scope, recruitment_or_partnership) -> bool:
    partnership_id = getattr(recruitment_or_partnership, "partnership_id", None) or recruitment_or_partnership.pk
    return scope.coordinates(partnership_id)


def managed_recruitment_for(scope: Scope, pk) -> Recruitment:
    recruitment = recruitment_for(scope, pk)
    if not can_manage_recruitment(scope, recruitment):
        raise not_found()
    return recruitment


def evaluating_partners_for(scope: Scope, recruitment: Recruitment):
    """The partner councils whose job evaluation the scope records: all for coordinators, their own for leads."""
    partners = recruitment.partners.select_related("council")
    if can_manage_recruitment(scope, recruitment):
        return partners
    return partners.filter(council_id__in=scope.lead_council_ids)


def evaluating_recruitment_for(scope: Scope, pk) -> Recruitment:
    recruitment = recruitment_for(scope, pk)
    if not evaluating_partners_for(scope, recruitment).exists():
        raise not_found()
    return recruitment


def signing_partners_for(scope: Scope, recruitment: Recruitment):
    """A partner signs off for itself: the council's leads (site administrators for any)."""
    partners = recruitment.partners.select_related("council")
    return partners if scope.is_superuser else partners.filter(council_id__in=scope.lead_council_ids)


def signing_recruitment_for(scope: Scope, pk) -> Recruitment:
    recruitment = recruitment_for(scope, pk)
    if not signing_partners_for(scope, recruitment).exists():
        raise not_found()
    return recruitment


# --- Terms ----------------------------------------------------------------------------------------------------


def terms_visible_to(scope: Scope, partnership):
    return CouncilTerms.objects.filter(partnership=partnership)


def terms_partnership_for(scope: Scope, slug: str) -> Partnership:
    return workforce_partnership_for(scope, slug)
