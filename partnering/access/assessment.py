"""Self-assessment and surveys.

- Frameworks: the built-in ones are for everyone signed in (site administrators change them); a partnership's
  own are read by its people and changed by its coordinators.
- An assessment of a council is read by that council's staff and changed by its L&D or HR leads while it is
  a draft. Once submitted, the partnership's coordinators read it, and the moderator (a peer council's leads,
  or the coordinators) moderates it. Partner councils see it only once it is agreed and shared: a council
  never sees another's unpublished assessment. An assessment of the partnership itself is the coordinators'.
- Surveys are set up by the partnership's coordinators; their results (cut by the anonymity rule) are read by
  the partnership's coordinators, board and councils' leads. A person answers a wave they were invited to;
  a client survey is answered by anyone with its link.
"""

from django.db.models import Q

from partnering.assessment.models import Action, Assessment, Framework, Survey, Wave
from partnering.organisations.models import Council, Membership, Partnership

from .scope import Scope, get_or_404, not_found

# --- Frameworks ----------------------------------------------------------------------------------------


def frameworks_visible_to(scope: Scope):
    if scope.is_superuser:
        return Framework.objects.all()
    if not scope.is_signed_in:
        return Framework.objects.none()
    return Framework.objects.filter(Q(partnership__isnull=True) | Q(partnership_id__in=scope.partnership_ids))


def framework_for(scope: Scope, pk) -> Framework:
    return get_or_404(frameworks_visible_to(scope).select_related("partnership"), pk=pk)


def can_manage_framework(scope: Scope, framework: Framework) -> bool:
    """Change its criteria: the partnership's coordinators (site administrators for a built-in framework)."""
    if framework.partnership_id is None:
        return scope.is_superuser
    return scope.coordinates(framework.partnership_id)


def managed_framework_for(scope: Scope, pk) -> Framework:
    framework = framework_for(scope, pk)
    if not can_manage_framework(scope, framework):
        raise not_found()
    return framework


def coordinated_partnerships(scope: Scope):
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.coordinated_partnership_ids)


def coordinated_partnership_for(scope: Scope, slug) -> Partnership:
    return get_or_404(coordinated_partnerships(scope), slug=slug)


# --- Assessments -------------------------------------------------------------------------------------------


def _member_partnerships(council_ids):
    return Membership.objects.current().filter(council_id__in=council_ids)


def assessments_visible_to(scope: Scope):
    if scope.is_superuser:
        return Assessment.objects.all()
    if not scope.is_signed_in:
        return Assessment.objects.none()
    not_draft = ~Q(status=Assessment.Status.DRAFT)
    return Assessment.objects.filter(
        Q(council_id__in=scope.council_ids)
        | Q(council__isnull=True, partnership_id__in=scope.coordinated_partnership_ids)
        | (not_draft & Q(partnership_id__in=scope.coordinated_partnership_ids))
        | (not_draft & Q(moderator_council_id__in=scope.lead_council_ids))
        | Q(shared=True, status=Assessment.Status.AGREED, partnership_id__in=scope.partnership_ids)
    )


def assessment_for(scope: Scope, pk) -> Assessment:
    return get_or_404(assessments_visible_to(scope).select_related("version__framework", "partnership", "council", "moderator_council"),
                      pk=pk)


def _owns(scope: Scope, assessment: Assessment) -> bool:
    """The assessed: the council's leads, or the coordinators for the partnership's own assessment."""
    if assessment.council_id is None:
        return scope.coordinates(assessment.partnership_id)
    return scope.leads(assessment.council_id)


def can_edit_assessment(scope: Scope, assessment: Assessment) -> bool:
    """Score, add evidence and submit: the assessed, while it is a draft."""
    return assessment.status == Assessment.Status.DRAFT and _owns(scope, assessment)


def is_moderator(scope: Scope, assessment: Assessment) -> bool:
    if assessment.moderator_council_id is not None:
        return scope.is_superuser or assessment.moderator_council_id in scope.lead_council_ids
    return scope.coordinates(assessment.partnership_id)


def can_moderate(scope: Scope, assessment: Assessment) -> bool:
    """Give the moderated scores and view, or send it back: the moderator, once it is submitted."""
    return assessment.status == Assessment.Status.SUBMITTED and is_moderator(scope, assessment)


def can_agree(scope: Scope, assessment: Assessment) -> bool:
    """Agree the moderated result: the assessed, or the coordinators."""
    return assessment.status == Assessment.Status.MODERATED and (_owns(scope, assessment) or scope.coordinates(assessment.partnership_id))


def can_share(scope: Scope, assessment: Assessment) -> bool:
    """Share an agreed assessment with the partnership (or stop sharing it): the assessed."""
    return assessment.status == Assessment.Status.AGREED and _owns(scope, assessment)


TRANSITIONS = {"submit": can_edit_assessment, "return": can_moderate, "agree": can_agree, "share": can_share}


def can_transition(scope: Scope, assessment: Assessment, action: str) -> bool:
    check = TRANSITIONS.get(action)
    return bool(check and check(scope, assessment))


def can_plan_actions(scope: Scope, assessment: Assessment) -> bool:
    """Change the action plan: the assessed and the partnership's coordinators, once there is one."""
    return _owns(scope, assessment) or scope.coordinates(assessment.partnership_id)


def editable_assessment_for(scope: Scope, pk) -> Assessment:
    assessment = assessment_for(scope, pk)
    if not can_edit_assessment(scope, assessment):
        raise not_found()
    return assessment


def moderated_assessment_for(scope: Scope, pk) -> Assessment:
    assessment = assessment_for(scope, pk)
    if not can_moderate(scope, assessment):
        raise not_found()
    return assessment


def action_for(scope: Scope, pk) -> Action:
    action = get_or_404(Action.objects.filter(assessment__in=assessments_visible_to(scope))
                        .select_related("assessment__partnership", "criterion"), pk=pk)
    if not can_plan_actions(scope, action.assessment):
        raise not_found()
    return action


def councils_to_assess(scope: Scope, framework: Framework):
    """The councils the scope may start an assessment for with this framework: those it leads (every council for site
    administrators), in the framework's partnership if it has one."""
    councils = Council.objects.all() if scope.is_superuser else Council.objects.filter(pk__in=scope.lead_council_ids)
    if framework.partnership_id is not None:
        councils = councils.filter(pk__in=_member_partnerships(councils.values("pk")).filter(
            partnership_id=framework.partnership_id).values("council_id"))
    return councils.order_by("name")


def partnerships_to_assess(scope: Scope, framework: Framework):
    """The partnerships that may assess themselves with it: those the scope coordinates."""
    partnerships = coordinated_partnerships(scope)
    if framework.partnership_id is not None:
        partnerships = partnerships.filter(pk=framework.partnership_id)
    return partnerships.order_by("name")


def can_start_assessment(scope: Scope, framework: Framework) -> bool:
    return councils_to_assess(scope, framework).exists() or partnerships_to_assess(scope, framework).exists()


def partnerships_of(council_id, framework: Framework | None = None):
    """The partnerships a council may assess itself within (for a partnership's framework, that one)."""
    ids = _member_partnerships([council_id]).values("partnership_id")
    partnerships = Partnership.objects.filter(pk__in=ids)
    if framework is not None and framework.partnership_id is not None:
        partnerships = partnerships.filter(pk=framework.partnership_id)
    return partnerships.order_by("name")


# --- Surveys ------------------------------------------------------------------------------------------


def surveys_visible_to(scope: Scope):
    """The surveys whose set-up and results the scope reads: the partnership's coordinators, board and councils' leads."""
    if scope.is_superuser:
        return Survey.objects.all()
    return Survey.objects.filter(partnership_id__in=scope.overseen_partnership_ids)


def survey_for(scope: Scope, pk) -> Survey:
    return get_or_404(surveys_visible_to(scope).select_related("partnership"), pk=pk)


def can_manage_survey(scope: Scope, survey: Survey) -> bool:
    return scope.coordinates(survey.partnership_id)


def managed_survey_for(scope: Scope, pk) -> Survey:
    survey = survey_for(scope, pk)
    if not can_manage_survey(scope, survey):
        raise not_found()
    return survey


def managed_wave_for(scope: Scope, pk) -> Wave:
    wave = get_or_404(Wave.objects.filter(survey__in=surveys_visible_to(scope)).select_related("survey__partnership"), pk=pk)
    if not can_manage_survey(scope, wave.survey):
        raise not_found()
    return wave


def waves_to_answer(scope: Scope):
    """The waves the scope was invited to (answered or not)."""
    if not scope.is_signed_in:
        return Wave.objects.none()
    return Wave.objects.filter(invitations__person_id=scope.person_id)


def wave_to_answer_for(scope: Scope, pk) -> Wave:
    return get_or_404(waves_to_answer(scope).select_related("survey"), pk=pk)


def client_survey_for(token: str) -> Survey:
    """A client survey, by its link: open to anyone who has it."""
    return get_or_404(Survey.objects.filter(audience=Survey.Audience.CLIENTS), token=token)
