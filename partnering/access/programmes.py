"""Programmes, projects, results, agreements, scrutiny, highlight reports and newsletters.

- A partnership's programmes are read by its coordinators and board, the leads of its member councils, the
  scrutiny members its councils appoint (read only, through one common template), and the people named on a
  project (sponsor, senior responsible officer, project manager).
- The partnership's coordinators set up programmes and projects, agreements, scrutiny members, highlight
  reports and newsletters, and answer scrutiny questions.
- A project is kept up to date (milestones, RAG, risks, decisions, results, benefits) by the partnership's
  coordinators, the leads of its lead council and its project manager; councils decide what is published:
  the lead council's leads and the coordinators publish and unpublish it.
- A decision's sign-off is recorded by the coordinators (for the board, and for any council) and by each
  project council's leads (for their own council's corporate management team).
- Scrutiny members (and board members) put questions; newsletters are read by everyone in the partnership.
Everyone else gets the same "not found" as for a record that does not exist.
"""

from django.db.models import Q

from partnering.core.dates import current_on, today
from partnering.organisations.models import Partnership
from partnering.programmes.models import (
    Agreement,
    AgreementVersion,
    Decision,
    HighlightReport,
    Indicator,
    Newsletter,
    Programme,
    Project,
    Result,
    ScrutinyMember,
    ScrutinyQuestion,
)

from .scope import Scope, get_or_404, not_found


def scrutiny_partnership_ids(scope: Scope) -> frozenset[int]:
    if not scope.is_signed_in:
        return frozenset()
    return frozenset(ScrutinyMember.objects.filter(current_on(today(), "start_on", "end_on"), person_id=scope.person_id)
                     .values_list("partnership_id", flat=True))


def _reader_partnership_ids(scope: Scope) -> frozenset[int]:
    return scope.overseen_partnership_ids | scrutiny_partnership_ids(scope)


def programmes_visible_to(scope: Scope):
    if scope.is_superuser:
        return Programme.objects.all()
    if not scope.is_signed_in:
        return Programme.objects.none()
    named = Project.objects.filter(Q(sponsor_id=scope.person_id) | Q(sro_id=scope.person_id) | Q(manager_id=scope.person_id))
    return Programme.objects.filter(Q(partnership_id__in=_reader_partnership_ids(scope)) | Q(pk__in=named.values("programme_id"))).distinct()


def programme_for(scope: Scope, slug) -> Programme:
    return get_or_404(programmes_visible_to(scope).select_related("partnership"), slug=slug)


def can_manage_programme(scope: Scope, programme: Programme) -> bool:
    return scope.coordinates(programme.partnership_id)


def managed_programme_for(scope: Scope, slug) -> Programme:
    programme = programme_for(scope, slug)
    if not can_manage_programme(scope, programme):
        raise not_found()
    return programme


def partnerships_for_new_programmes(scope: Scope):
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.coordinated_partnership_ids)


def new_programme_partnership_for(scope: Scope, slug) -> Partnership:
    return get_or_404(partnerships_for_new_programmes(scope), slug=slug)


def projects_visible_to(scope: Scope):
    return Project.objects.filter(programme__in=programmes_visible_to(scope))


def project_for(scope: Scope, pk) -> Project:
    return get_or_404(projects_visible_to(scope).select_related("programme__partnership", "lead_council", "sponsor", "sro", "manager"), pk=pk)


def can_edit_project(scope: Scope, project: Project) -> bool:
    """Keep the project up to date: the coordinators, the lead council's leads, its project manager."""
    return (scope.coordinates(project.programme.partnership_id) or scope.leads(project.lead_council_id)
            or (scope.person_id is not None and scope.person_id == project.manager_id))


def edited_project_for(scope: Scope, pk) -> Project:
    project = project_for(scope, pk)
    if not can_edit_project(scope, project):
        raise not_found()
    return project


def can_publish_project(scope: Scope, project: Project) -> bool:
    """Councils decide what is published: the lead council's leads, and the coordinators acting for the councils."""
    return scope.coordinates(project.programme.partnership_id) or scope.leads(project.lead_council_id)


def published_project_for(scope: Scope, pk) -> Project:
    project = project_for(scope, pk)
    if not can_publish_project(scope, project):
        raise not_found()
    return project


def signoff_councils_for(scope: Scope, decision: Decision):
    """The councils whose corporate management team's sign-off the scope records: every project council for
    coordinators, the councils they lead for leads."""
    from partnering.organisations.models import Council

    councils = Council.objects.filter(pk__in=decision.project.councils.values("council_id")).order_by("name")
    if scope.coordinates(decision.project.programme.partnership_id):
        return councils
    return councils.filter(pk__in=scope.lead_council_ids)


def can_sign_off_for_board(scope: Scope, decision: Decision) -> bool:
    return scope.coordinates(decision.project.programme.partnership_id)


def can_sign_off(scope: Scope, decision: Decision) -> bool:
    return can_sign_off_for_board(scope, decision) or signoff_councils_for(scope, decision).exists()


def decision_for_signoff(scope: Scope, pk) -> Decision:
    decision = get_or_404(Decision.objects.filter(project__in=projects_visible_to(scope)).select_related("project__programme"), pk=pk)
    if not can_sign_off(scope, decision):
        raise not_found()
    return decision


def result_for_editing(scope: Scope, pk) -> Result:
    result = get_or_404(Result.objects.filter(project__in=projects_visible_to(scope)).select_related("project__programme"), pk=pk)
    if not can_edit_project(scope, result.project):
        raise not_found()
    return result


def indicator_for(scope: Scope, pk) -> Indicator:
    return get_or_404(Indicator.objects.filter(result__project__in=projects_visible_to(scope))
                      .select_related("result__project__programme__partnership", "package"), pk=pk)


def entry_for_removal(scope: Scope, model, pk, project_path: str = "project"):
    """A project's entry (milestone, risk, benefit...) for the people who keep the project up to date."""
    entry = get_or_404(model.objects.filter(**{f"{project_path}__in": projects_visible_to(scope)}), pk=pk)
    project = entry
    for part in project_path.split("__"):
        project = getattr(project, part)
    if not can_edit_project(scope, project):
        raise not_found()
    return entry


# --- Agreements -----------------------------------------------------------------------------------------


def agreement_partnership_for(scope: Scope, slug) -> Partnership:
    if scope.is_superuser:
        return get_or_404(Partnership.objects.all(), slug=slug)
    return get_or_404(Partnership.objects.filter(pk__in=_reader_partnership_ids(scope)), slug=slug)


def agreements_visible_to(scope: Scope):
    if scope.is_superuser:
        return Agreement.objects.all()
    return Agreement.objects.filter(partnership_id__in=_reader_partnership_ids(scope))


def agreement_for(scope: Scope, pk) -> Agreement:
    return get_or_404(agreements_visible_to(scope).select_related("partnership", "host"), pk=pk)


def can_manage_agreements(scope: Scope, partnership) -> bool:
    return scope.coordinates(getattr(partnership, "pk", partnership))


def managed_agreement_for(scope: Scope, pk) -> Agreement:
    agreement = agreement_for(scope, pk)
    if not can_manage_agreements(scope, agreement.partnership):
        raise not_found()
    return agreement


def agreement_version_for(scope: Scope, pk) -> AgreementVersion:
    return get_or_404(AgreementVersion.objects.filter(agreement__in=agreements_visible_to(scope)).select_related("agreement"), pk=pk)


# --- Scrutiny ------------------------------------------------------------------------------------------------


def scrutiny_councils_for(scope: Scope, programme: Programme):
    """The councils the scope sits on scrutiny for, in this programme's partnership."""
    return ScrutinyMember.objects.filter(current_on(today(), "start_on", "end_on"), person_id=scope.person_id,
                                         partnership_id=programme.partnership_id)


def can_ask_scrutiny_question(scope: Scope, programme: Programme) -> bool:
    """Scrutiny members and board members put questions."""
    return (scope.is_superuser or programme.partnership_id in scope.board_partnership_ids
            or scrutiny_councils_for(scope, programme).exists())


def can_answer_scrutiny_question(scope: Scope, programme: Programme) -> bool:
    return scope.coordinates(programme.partnership_id)


def question_for_answering(scope: Scope, pk) -> ScrutinyQuestion:
    question = get_or_404(ScrutinyQuestion.objects.filter(programme__in=programmes_visible_to(scope)).select_related("programme"), pk=pk)
    if not can_answer_scrutiny_question(scope, question.programme):
        raise not_found()
    return question


# --- Highlight reports ---------------------------------------------------------------------------------------


def highlight_for(scope: Scope, pk) -> HighlightReport:
    return get_or_404(HighlightReport.objects.filter(programme__in=programmes_visible_to(scope))
                      .select_related("programme__partnership"), pk=pk)


def can_edit_highlight(scope: Scope, report: HighlightReport) -> bool:
    return scope.coordinates(report.programme.partnership_id)


def edited_highlight_for(scope: Scope, pk) -> HighlightReport:
    report = highlight_for(scope, pk)
    if not can_edit_highlight(scope, report):
        raise not_found()
    return report


# --- Newsletters: for everyone in the partnership -------------------------------------------------------------


def newsletter_partnership_ids(scope: Scope) -> frozenset[int]:
    return scope.partnership_ids | _reader_partnership_ids(scope)


def newsletter_partnership_for(scope: Scope, slug) -> Partnership:
    if scope.is_superuser:
        return get_or_404(Partnership.objects.all(), slug=slug)
    return get_or_404(Partnership.objects.filter(pk__in=newsletter_partnership_ids(scope)), slug=slug)


def newsletters_visible_to(scope: Scope):
    if scope.is_superuser:
        return Newsletter.objects.all()
    return Newsletter.objects.filter(partnership_id__in=newsletter_partnership_ids(scope))


def newsletter_for(scope: Scope, pk) -> Newsletter:
    return get_or_404(newsletters_visible_to(scope).select_related("partnership"), pk=pk)


def can_edit_newsletter(scope: Scope, partnership) -> bool:
    return scope.coordinates(getattr(partnership, "pk", partnership))


def edited_newsletter_for(scope: Scope, pk) -> Newsletter:
    newsletter = newsletter_for(scope, pk)
    if not can_edit_newsletter(scope, newsletter.partnership):
        raise not_found()
    return newsletter


# --- Partner organisations --------------------------------------------------------------------------------------


def can_add_partner_organisation(scope: Scope) -> bool:
    """Coordinators of any partnership add organisations that are not councils (a shared list)."""
    return scope.is_superuser or bool(scope.coordinated_partnership_ids)
