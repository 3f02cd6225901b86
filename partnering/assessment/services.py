"""Frameworks, assessments and their workflow, benchmarks, action plans and anonymous surveys.

Every change is checked through the access layer and (apart from survey answers, which name nobody) recorded
in the audit trail by the acting person. A refusal the user can cause raises `Refused`, naming the form field."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import assessment as rules
from partnering.access import require, scope_of
from partnering.core import audit
from partnering.core.dates import current_on
from partnering.core.errors import Refused
from partnering.organisations.models import Membership

from .anonymity import Cell, Table, breakdown, linked_hidden, mean_text
from .benchmark import from_counts
from .models import (
    Action,
    Area,
    Assessment,
    BankQuestion,
    Criterion,
    Evidence,
    Framework,
    Invitation,
    PublishedFigure,
    Question,
    QuestionKind,
    Response,
    Rules,
    Scale,
    Score,
    Survey,
    Version,
    Wave,
)
from .scoring import changes, weak_criteria


def rules_for(partnership) -> Rules:
    """The partnership's rules, or the defaults (not saved)."""
    return Rules.objects.filter(partnership=partnership).first() or Rules(partnership=partnership)


@audit.actor_argument("actor")
@transaction.atomic
def set_rules(*, partnership, actor, min_group: int, free_text_min: int, weak_below: Decimal) -> Rules:
    require(rules.can_manage_framework(scope_of(actor), Framework(partnership=partnership)), "only coordinators set the rules")
    if min_group < 3:
        raise Refused(_("The smallest group shown can never be below 3."), "min_group")
    if free_text_min < min_group:
        raise Refused(_("Free text needs at least as many responses as the smallest group shown."), "free_text_min")
    found = Rules.objects.filter(partnership=partnership).first() or Rules(partnership=partnership)
    found.min_group, found.free_text_min, found.weak_below = min_group, free_text_min, weak_below
    found.save()
    return found


# --- Frameworks ------------------------------------------------------------------------------------------


def _copy_version(source: Version, framework: Framework, number: int, note: str) -> Version:
    version = Version.objects.create(framework=framework, number=number, note=note)
    areas = {}
    for area in source.areas.all():
        areas[area.pk] = Area.objects.create(version=version, position=area.position, name=area.name)
    for c in source.criteria.all():
        Criterion.objects.create(version=version, area=areas[c.area_id], position=c.position, text=c.text, guidance=c.guidance,
                                 evidence_expected=c.evidence_expected, scale=c.scale, descriptors=c.descriptors,
                                 custom_points=c.custom_points, published_key=c.published_key)
    return version


@audit.actor_argument("actor")
@transaction.atomic
def create_framework(*, partnership, actor, name: str, description: str = "", copy_of: Framework | None = None) -> Framework:
    require(rules.can_manage_framework(scope_of(actor), Framework(partnership=partnership)), "only coordinators define frameworks")
    framework = Framework.objects.create(partnership=partnership, name=name, description=description, created_by=actor,
                                         source=copy_of.name if copy_of else "")
    if copy_of is not None:
        _copy_version(copy_of.current_version(), framework, 1, _("Copied from %(name)s") % {"name": copy_of.name})
    else:
        Version.objects.create(framework=framework, number=1)
    return framework


def _editable_version(framework: Framework) -> Version:
    """The version to change: the current one, or a new copy of it once an assessment has used it."""
    current = framework.current_version()
    if current.assessments.exists():
        return _copy_version(current, framework, current.number + 1, _("Changed after assessments used version %(n)s") % {"n": current.number})
    return current


def _clean_scale(scale: str, descriptors, custom_points):
    if scale == Scale.CUSTOM:
        if len(custom_points) < 2:
            raise Refused(_("A scale of your own needs at least two points, one a line, such as “3 = Fully”."), "custom_points")
        return [], custom_points
    if scale == Scale.POINTS:
        return list(descriptors)[:5], []
    return [], []


@audit.actor_argument("actor")
@transaction.atomic
def add_criterion(*, framework: Framework, actor, area: str, text: str, guidance: str = "", evidence_expected: str = "",
                  scale: str = Scale.POINTS, descriptors=(), custom_points=()) -> Criterion:
    require(rules.can_manage_framework(scope_of(actor), framework), "only the framework's coordinators change it")
    version = _editable_version(framework)
    descriptors, custom_points = _clean_scale(scale, descriptors, custom_points)
    found = version.areas.filter(name__iexact=area.strip()).first()
    if found is None:
        found = Area.objects.create(version=version, position=version.areas.count() + 1, name=area.strip())
    position = (version.criteria.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    return Criterion.objects.create(version=version, area=found, position=position, text=text, guidance=guidance,
                                    evidence_expected=evidence_expected, scale=scale, descriptors=descriptors, custom_points=custom_points)


@audit.actor_argument("actor")
@transaction.atomic
def edit_criterion(*, criterion: Criterion, actor, text: str, guidance: str, evidence_expected: str, scale: str, descriptors=(),
                   custom_points=()) -> Criterion:
    framework = criterion.version.framework
    require(rules.can_manage_framework(scope_of(actor), framework), "only the framework's coordinators change it")
    if criterion.version != framework.current_version():
        raise Refused(_("Only the current version's criteria can be changed."))
    version = _editable_version(framework)
    target = version.criteria.get(position=criterion.position)
    target.descriptors, target.custom_points = _clean_scale(scale, descriptors, custom_points)
    target.text, target.guidance, target.evidence_expected, target.scale = text, guidance, evidence_expected, scale
    target.save()
    return target


# --- Assessments -----------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def start_assessment(*, framework: Framework, actor, partnership, council=None, title: str, team: str = "",
                     moderator_council=None) -> Assessment:
    scope = scope_of(actor)
    if council is not None:
        require(rules.councils_to_assess(scope, framework).filter(pk=council.pk).exists(), "only the council's leads assess it")
        if not rules.partnerships_of(council.pk, framework).filter(pk=partnership.pk).exists():
            raise Refused(_("%(council)s is not a member of %(partnership)s.") % {"council": council, "partnership": partnership},
                          "partnership")
    else:
        require(rules.partnerships_to_assess(scope, framework).filter(pk=partnership.pk).exists(), "only coordinators assess the partnership")
    if moderator_council is not None:
        if council is not None and moderator_council.pk == council.pk:
            raise Refused(_("A council cannot moderate its own assessment: choose a peer council."), "moderator_council")
        if not Membership.objects.current().filter(partnership=partnership, council=moderator_council).exists():
            raise Refused(_("The moderator must be a council in %(partnership)s.") % {"partnership": partnership}, "moderator_council")
    version = framework.current_version()
    if not version.criteria.exists():
        raise Refused(_("This framework has no criteria yet."))
    assessment = Assessment.objects.create(version=version, partnership=partnership, council=council, team=team, title=title,
                                           moderator_council=moderator_council, created_by=actor)
    for criterion in version.criteria.all():
        Score.objects.create(assessment=assessment, criterion=criterion)
    return assessment


def _check_value(criterion: Criterion, value):
    if value is None:
        return None
    allowed = {v for v, _ in criterion.points()}
    if Decimal(value) not in allowed:
        raise Refused(_("“%(criterion)s”: choose one of the scale's points.") % {"criterion": criterion.text}, f"score_{criterion.pk}")
    return Decimal(value)


@audit.actor_argument("actor")
@transaction.atomic
def save_scores(*, assessment: Assessment, actor, scores: dict) -> None:
    """scores: {criterion id: (value or None, comment)}"""
    require(rules.can_edit_assessment(scope_of(actor), assessment), "only the assessed change a draft")
    for score in assessment.scores.select_related("criterion"):
        if score.criterion_id in scores:
            value, comment = scores[score.criterion_id]
            score.value, score.comment = _check_value(score.criterion, value), comment
            score.save()


@audit.actor_argument("actor")
@transaction.atomic
def add_evidence(*, assessment: Assessment, actor, criterion: Criterion, kind: str, title: str, url: str = "", file=None,
                 note: str = "") -> Evidence:
    require(rules.can_edit_assessment(scope_of(actor), assessment), "only the assessed add evidence to a draft")
    if criterion.version_id != assessment.version_id:
        raise Refused(_("Choose one of this assessment's criteria."), "criterion")
    needed = {Evidence.Kind.DOCUMENT: ("file", file, _("Choose a document to upload.")),
              Evidence.Kind.LINK: ("url", url, _("Enter the link, starting https://")),
              Evidence.Kind.NOTE: ("note", note, _("Write the note."))}
    name, given, message = needed[kind]
    if not given:
        raise Refused(message, name)
    return Evidence.objects.create(assessment=assessment, criterion=criterion, kind=kind, title=title, url=url if kind == "link" else "",
                                   file=file if kind == "document" else None, note=note, added_by=actor)


@audit.actor_argument("actor")
@transaction.atomic
def remove_evidence(*, evidence: Evidence, actor) -> None:
    require(rules.can_edit_assessment(scope_of(actor), evidence.assessment), "only the assessed remove evidence from a draft")
    evidence.delete()


@audit.actor_argument("actor")
@transaction.atomic
def submit(*, assessment: Assessment, actor) -> Assessment:
    require(rules.can_edit_assessment(scope_of(actor), assessment), "only the assessed submit a draft")
    unscored = [s.criterion.text for s in assessment.scores.select_related("criterion") if s.value is None]
    if unscored:
        raise Refused(_("Score every criterion before submitting: “%(criterion)s” has no score (%(n)s unscored).")
                      % {"criterion": unscored[0], "n": len(unscored)})
    assessment.status, assessment.submitted_at = Assessment.Status.SUBMITTED, timezone.now()
    assessment.save()
    return assessment


@audit.actor_argument("actor")
@transaction.atomic
def moderate(*, assessment: Assessment, actor, view: str, scores: dict) -> Assessment:
    """scores: {criterion id: (moderated value or None to keep the council's, comment)}"""
    require(rules.can_moderate(scope_of(actor), assessment), "only the moderator moderates a submitted assessment")
    if not view.strip():
        raise Refused(_("Give the moderator's view."), "moderator_view")
    for score in assessment.scores.select_related("criterion"):
        if score.criterion_id in scores:
            value, comment = scores[score.criterion_id]
            score.moderated_value, score.moderator_comment = _check_value(score.criterion, value), comment
            score.save()
    assessment.moderator_view, assessment.status, assessment.moderated_at = view, Assessment.Status.MODERATED, timezone.now()
    assessment.save()
    return assessment


@audit.actor_argument("actor")
@transaction.atomic
def return_to_draft(*, assessment: Assessment, actor, reason: str = "") -> Assessment:
    require(rules.can_moderate(scope_of(actor), assessment), "only the moderator sends an assessment back")
    assessment.status, assessment.submitted_at = Assessment.Status.DRAFT, None
    if reason:
        assessment.moderator_view = reason
    assessment.save()
    return assessment


@audit.actor_argument("actor")
@transaction.atomic
def agree(*, assessment: Assessment, actor, today: datetime.date | None = None) -> list[Action]:
    """Agree the moderated result; each criterion below the partnership's threshold gets a suggested action."""
    require(rules.can_agree(scope_of(actor), assessment), "only the assessed or the coordinators agree a moderated assessment")
    assessment.status, assessment.agreed_at = Assessment.Status.AGREED, timezone.now()
    assessment.save()
    return suggest_actions(assessment, today or timezone.localdate())


def threshold_for(criterion: Criterion, weak_below: Decimal) -> Decimal:
    """The partnership's threshold is on a 1 to 5 scale: yes/partly/no and custom scales are weak below their top point."""
    return weak_below if criterion.scale == Scale.POINTS else criterion.top()


def suggest_actions(assessment: Assessment, today: datetime.date) -> list[Action]:
    weak_below = rules_for(assessment.partnership).weak_below
    scores = {s.criterion_id: s for s in assessment.scores.select_related("criterion")}
    weak = weak_criteria({k: s.final for k, s in scores.items()}, {k: threshold_for(s.criterion, weak_below) for k, s in scores.items()})
    made = []
    for criterion_id in weak:
        criterion = scores[criterion_id].criterion
        action, created = Action.objects.get_or_create(
            assessment=assessment, criterion=criterion,
            defaults={"text": _("Agree how to improve: %(criterion)s") % {"criterion": criterion.text},
                      "due_on": today + datetime.timedelta(days=90), "review_on": today + datetime.timedelta(days=180)})
        if created:
            made.append(action)
    return made


@audit.actor_argument("actor")
@transaction.atomic
def set_shared(*, assessment: Assessment, actor, shared: bool) -> Assessment:
    require(rules.can_share(scope_of(actor), assessment), "only the assessed share an agreed assessment")
    assessment.shared = shared
    assessment.save()
    return assessment


@audit.actor_argument("actor")
@transaction.atomic
def update_action(*, action: Action, actor, text: str, owner: str, due_on, review_on, status: str) -> Action:
    require(rules.can_plan_actions(scope_of(actor), action.assessment), "only the assessed and coordinators change the action plan")
    if due_on and review_on and review_on < due_on:
        raise Refused(_("The review date must be on or after the due date."), "review_on")
    action.text, action.owner, action.due_on, action.review_on, action.status = text, owner, due_on, review_on, status
    action.save()
    return action


# --- Reading assessments -------------------------------------------------------------------------------


def previous_assessment(assessment: Assessment) -> Assessment | None:
    """The same subject's last agreed assessment with the same framework before this one."""
    return (Assessment.objects.filter(version__framework_id=assessment.version.framework_id, partnership=assessment.partnership,
                                      council=assessment.council, team=assessment.team, status=Assessment.Status.AGREED,
                                      created_at__lt=assessment.created_at).exclude(pk=assessment.pk)
            .order_by("-created_at").first())


def what_changed(assessment: Assessment):
    """Each criterion's score then and now, and the previous assessment's actions."""
    before = previous_assessment(assessment)
    if before is None:
        return None, [], []
    then = {s.criterion.text: s.final for s in before.scores.select_related("criterion")}
    now = {s.criterion.text: s.final for s in assessment.scores.select_related("criterion")}
    return before, changes(then, now), list(before.actions.select_related("criterion"))


def progress(assessment: Assessment) -> list[dict]:
    """The subject's assessments with this framework over time: each one's mean score per area (agreed ones, and this)."""
    history = (Assessment.objects.filter(version__framework_id=assessment.version.framework_id, partnership=assessment.partnership,
                                         council=assessment.council, team=assessment.team)
               .filter(Q(status=Assessment.Status.AGREED) | Q(pk=assessment.pk)).order_by("created_at", "pk")
               .prefetch_related("scores__criterion__area"))
    out = []
    for a in history:
        by_area: dict[str, list] = {}
        for s in a.scores.all():
            by_area.setdefault(s.criterion.area.name, []).append(s.final)
        means = {area: _mean([v for v in values if v is not None]) for area, values in by_area.items()}
        out.append({"assessment": a, "means": means})
    return out


def _mean(values):
    return (sum(values, Decimal(0)) / len(values)) if values else None


@dataclass
class BenchmarkRow:
    criterion: Criterion
    own: Decimal | None
    partnership: dict | None  # {"n", "mean"} or None (hidden)
    everyone: dict | None
    published: dict | None = None  # {"n", "mean", "counts"}
    hidden: bool = False


def benchmark(assessment: Assessment) -> list[BenchmarkRow]:
    """This assessment against the other councils' latest agreed assessments with the same framework (matching criteria by
    their wording across versions): those in the partnership, and every council that has used it. The anonymity rule
    treats "partners" and "councils elsewhere" as the groups under the total of other councils, so neither can be
    worked out from the other; the assessed council's own score is left out of both, as the reader knows it."""
    min_group = rules_for(assessment.partnership).min_group
    others = (Assessment.objects.filter(version__framework_id=assessment.version.framework_id, status=Assessment.Status.AGREED,
                                        council__isnull=False).exclude(council_id=assessment.council_id)
              .order_by("council_id", "-agreed_at", "-pk"))
    latest = {}
    for a in others.only("pk", "council_id", "partnership_id"):
        latest.setdefault(a.council_id, a)
    partner_ids = set(Membership.objects.filter(current_on(timezone.localdate(), "joined_on", "left_on"),
                                                partnership=assessment.partnership).values_list("council_id", flat=True))
    finals: dict[str, dict[str, list]] = {}
    for score in Score.objects.filter(assessment__in=list(latest.values())).select_related("criterion", "assessment"):
        group = "partners" if score.assessment.council_id in partner_ids else "elsewhere"
        if score.final is not None:
            finals.setdefault(score.criterion.text, {"partners": [], "elsewhere": []})[group].append(score.final)
    published = {f.item: f.counts for f in PublishedFigure.objects.filter(benchmark__framework_id=assessment.version.framework_id)}
    rows = []
    for score in assessment.scores.select_related("criterion"):
        values = finals.get(score.criterion.text, {"partners": [], "elsewhere": []})
        cells = {g: Cell(len(v), sum(v, Decimal(0))) for g, v in values.items() if v}
        shown = breakdown(cells, min_group) if cells else None
        partners = shown.groups.get("partners") if shown else None
        everyone = shown.overall if shown else None
        row = BenchmarkRow(score.criterion, score.final,
                           {"n": partners.n, "mean": mean_text(partners.mean)} if partners else None,
                           {"n": everyone.n, "mean": mean_text(everyone.mean)} if everyone else None,
                           hidden=bool(cells) and (partners is None or everyone is None))
        counts = published.get(score.criterion.published_key) if score.criterion.published_key else None
        if counts:
            cell = from_counts({int(k): v for k, v in counts.items()})
            row.published = {"n": cell.n, "mean": mean_text(cell.mean), "counts": [counts.get(str(k), 0) for k in range(1, 6)]}
        rows.append(row)
    return rows


# --- Surveys ---------------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_survey(*, partnership, actor, title: str, kind: str, audience: str, introduction: str = "", service: str = "",
                  councils=(), groups=(), roles=()) -> Survey:
    require(rules.can_manage_survey(scope_of(actor), Survey(partnership=partnership)), "only coordinators set up surveys")
    members = set(Membership.objects.current().filter(partnership=partnership).values_list("council_id", flat=True))
    strangers = [c for c in councils if c.pk not in members]
    if strangers:
        raise Refused(_("%(council)s is not a member of %(partnership)s.") % {"council": strangers[0], "partnership": partnership}, "councils")
    if audience == Survey.Audience.STAFF and not councils and not groups:
        raise Refused(_("Choose the councils or groups whose staff answer."), "councils")
    if audience == Survey.Audience.CLIENTS and not service.strip():
        raise Refused(_("Name the service its clients are asked about."), "service")
    survey = Survey.objects.create(partnership=partnership, title=title, kind=kind, audience=audience, introduction=introduction,
                                   service=service, roles=list(roles), created_by=actor)
    survey.councils.set(councils)
    survey.groups.set(groups)
    return survey


@audit.actor_argument("actor")
@transaction.atomic
def add_question(*, survey: Survey, actor, text: str = "", kind: str = "", choices=(), required: bool = False,
                 from_bank: BankQuestion | None = None) -> Question:
    require(rules.can_manage_survey(scope_of(actor), survey), "only coordinators change a survey")
    if survey.waves.exists():
        raise Refused(_("This survey has been sent: its questions stay as they were, so waves can be compared."))
    if from_bank is not None:
        text, kind, choices = from_bank.text, from_bank.kind, from_bank.choices
    if not text.strip():
        raise Refused(_("Write the question, or choose one from the bank."), "text")
    if kind == QuestionKind.CHOICE and len(choices) < 2:
        raise Refused(_("A choice question needs at least two choices, one a line."), "choices")
    position = (survey.questions.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    return Question.objects.create(survey=survey, position=position, text=text, kind=kind,
                                   choices=list(choices) if kind == QuestionKind.CHOICE else [], required=required)


@audit.actor_argument("actor")
@transaction.atomic
def remove_question(*, question: Question, actor) -> None:
    require(rules.can_manage_survey(scope_of(actor), question.survey), "only coordinators change a survey")
    if question.survey.waves.exists():
        raise Refused(_("This survey has been sent: its questions stay as they were, so waves can be compared."))
    question.delete()


def eligible(survey: Survey, day: datetime.date) -> dict:
    """Who a staff survey goes to: {person id: (council id, role)}. Staff of the chosen councils (only the chosen
    roles, if any), then members of the chosen groups."""
    from partnering.community.models import GroupMember
    from partnering.people.models import Employment

    out: dict = {}
    employments = (Employment.objects.filter(current_on(day, "start_on", "end_on"), council__in=survey.councils.all())
                   .prefetch_related("roles").order_by("person_id", "pk"))
    for employment in employments:
        held = sorted(r.role for r in employment.roles.all()) or ["staff"]
        role = next((r for r in ("lead", "trainer", "staff") if r in held), held[0])
        if survey.roles and role not in survey.roles:
            continue
        out.setdefault(employment.person_id, (employment.council_id, role))
    members = GroupMember.objects.filter(Q(left_on__isnull=True) | Q(left_on__gt=day), joined_on__lte=day, group__in=survey.groups.all(),
                                         status=GroupMember.Status.ACTIVE)
    for member in members:
        out.setdefault(member.person_id, (member.council_id, "member"))
    return out


@audit.actor_argument("actor")
@transaction.atomic
def open_wave(*, survey: Survey, actor, opens_on: datetime.date, closes_on: datetime.date) -> Wave:
    require(rules.can_manage_survey(scope_of(actor), survey), "only coordinators send a survey")
    if closes_on < opens_on:
        raise Refused(_("The closing date must be on or after the opening date."), "closes_on")
    if not survey.questions.exists():
        raise Refused(_("Add at least one question before sending the survey."))
    if survey.waves.filter(closed=False, closes_on__gte=opens_on).exists():
        raise Refused(_("The last wave is still open on that day: close it first, or open this one later."), "opens_on")
    number = (survey.waves.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    wave = Wave.objects.create(survey=survey, number=number, opens_on=opens_on, closes_on=closes_on)
    if survey.audience == Survey.Audience.STAFF:
        people = eligible(survey, opens_on)
        if not people:
            raise Refused(_("Nobody is in the chosen councils, groups and roles."))
        Invitation.objects.bulk_create([Invitation(wave=wave, person_id=p, council_id=c, role=r) for p, (c, r) in sorted(people.items())])
        audit.record_bulk(model=Invitation, action=audit.Action.CREATE, count=len(people), partnership=survey.partnership,
                          description=_("Invited %(n)s people to wave %(wave)s of %(survey)s") % {"n": len(people), "wave": number, "survey": survey})
        if closes_on >= timezone.localdate():  # a wave recorded after it closed invites nobody to answer it
            from . import notifications

            transaction.on_commit(lambda: notifications.invite(wave.pk, list(people), reminder=False))
    return wave


@audit.actor_argument("actor")
@transaction.atomic
def close_wave(*, wave: Wave, actor) -> Wave:
    require(rules.can_manage_survey(scope_of(actor), wave.survey), "only coordinators close a survey")
    wave.closed = True
    wave.save()
    return wave


@audit.actor_argument("actor")
@transaction.atomic
def remind(*, wave: Wave, actor, today: datetime.date | None = None) -> int:
    """Remind everyone invited who has not answered (the only list of who has, and it names no answer)."""
    require(rules.can_manage_survey(scope_of(actor), wave.survey), "only coordinators send reminders")
    if not wave.is_open(today or timezone.localdate()):
        raise Refused(_("The survey is not open: there is nothing to remind people about."))
    waiting = list(wave.invitations.filter(answered=False).values_list("person_id", flat=True))
    wave.invitations.filter(answered=False).update(reminders=F("reminders") + 1)
    from . import notifications

    transaction.on_commit(lambda: notifications.invite(wave.pk, waiting, reminder=True))
    return len(waiting)


def _clean_answers(survey: Survey, answers: dict) -> dict:
    """{question id: value} checked against each question; text stripped; empty answers left out."""
    clean = {}
    for question in survey.questions.all():
        value = answers.get(question.pk)
        if value in (None, ""):
            if question.required:
                raise Refused(_("Answer “%(question)s”.") % {"question": question.text}, f"q{question.pk}")
            continue
        if question.kind == QuestionKind.TEXT:
            clean[str(question.pk)] = str(value).strip()[:2000]
            continue
        if question.kind == QuestionKind.CHOICE:
            if value not in question.choices:
                raise Refused(_("“%(question)s”: choose one of the answers.") % {"question": question.text}, f"q{question.pk}")
            clean[str(question.pk)] = value
            continue
        low, high = (1, 5) if question.kind == QuestionKind.LIKERT else (0, 10)
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not low <= number <= high:
            raise Refused(_("“%(question)s”: choose a number from %(low)s to %(high)s.") % {"question": question.text, "low": low, "high": high},
                          f"q{question.pk}")
        clean[str(question.pk)] = number
    return clean


def _store(wave: Wave, council_id, role: str, answers: dict) -> None:
    """Insert the response under a fresh random key (retrying the rare clash)."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                Response.objects.create(wave=wave, council_id=council_id, role=role, answers=answers)
            return
        except IntegrityError:
            continue
    raise Refused(_("Your answers could not be saved. Please try again."))


@transaction.atomic
def answer(*, wave: Wave, person, answers: dict, today: datetime.date | None = None) -> None:
    """Record one person's answers. Whether they have answered is set on their invitation; the response names no one,
    carries no time, and its key is random. Deliberately not audited: an audit entry would name who answered when."""
    invitation = Invitation.objects.select_for_update().filter(wave=wave, person=person).first()
    if invitation is None:
        raise Refused(_("You were not invited to answer this survey."))
    if invitation.answered:
        raise Refused(_("You have already answered this survey. Each person answers once."))
    if not wave.is_open(today or timezone.localdate()):
        raise Refused(_("This survey is closed."))
    clean = _clean_answers(wave.survey, answers)
    if not clean:
        raise Refused(_("Answer at least one question."))
    _store(wave, invitation.council_id, invitation.role, clean)
    Invitation.objects.filter(pk=invitation.pk).update(answered=True)


@transaction.atomic
def answer_as_client(*, survey: Survey, answers: dict, today: datetime.date | None = None) -> Wave:
    day = today or timezone.localdate()
    wave = next((w for w in survey.waves.order_by("-number") if w.is_open(day)), None)
    if wave is None:
        raise Refused(_("This survey is closed."))
    clean = _clean_answers(survey, answers)
    if not clean:
        raise Refused(_("Answer at least one question."))
    _store(wave, None, "", clean)
    return wave


def open_wave_of(survey: Survey, day: datetime.date | None = None) -> Wave | None:
    day = day or timezone.localdate()
    return next((w for w in survey.waves.order_by("-number") if w.is_open(day)), None)


# --- Survey results ---------------------------------------------------------------------------------------


BY = ("council", "partnership", "role", "wave")


@dataclass
class QuestionResult:
    question: Question
    overall: dict | None  # {"n", "mean"} or None when hidden
    groups: list = field(default_factory=list)  # [(label, {"n", "mean"} or None)]
    choices: list = field(default_factory=list)  # [(choice, count, percent)] overall only
    texts: list = field(default_factory=list)


def _numeric(question: Question) -> bool:
    return question.kind in (QuestionKind.LIKERT, QuestionKind.RECOMMEND)


def respondents_shown(wave: Wave, min_group: int, today: datetime.date | None = None) -> int | None:
    """The number of responses to show: while the wave is open, rounded down to a multiple of the smallest group (so one
    more answer does not show), nothing below it; once closed, the count itself if at least the smallest group."""
    n = wave.responses.count()
    if n < min_group:
        return None
    if wave.is_open(today or timezone.localdate()):
        return n - n % min_group
    return n


def _closed_waves(survey: Survey, day: datetime.date) -> list[Wave]:
    return [w for w in survey.waves.order_by("number") if not w.is_open(day) and w.opens_on <= day]


OTHERS = "\x00others"  # the atom of other partnerships' answers (never shown by name)
FEWEST_OTHER_PARTNERSHIPS = 2  # other partnerships pooled, so no one partnership's result is shown to another


def _elsewhere(survey: Survey, day: datetime.date) -> dict:
    """Other partnerships' answers to the same questions (the same wording and kind, as from the question bank), in their
    surveys' closed waves: {(text, kind): (number of partnerships, [values]), …}, only where at least two other partnerships
    asked it. Their rules' smallest groups are returned too, as the strictest applies."""
    wanted = {(q.text, q.kind) for q in survey.questions.all() if _numeric(q)}
    found: dict = {}
    mins = []
    others = Survey.objects.exclude(partnership_id=survey.partnership_id).filter(questions__text__in=[t for t, _k in wanted]).distinct()
    for other in others.select_related("partnership").prefetch_related("questions"):
        keys = {str(q.pk): (q.text, q.kind) for q in other.questions.all() if (q.text, q.kind) in wanted}
        closed = _closed_waves(other, day)
        if not keys or not closed:
            continue
        mins.append(rules_for(other.partnership).min_group)
        for response in Response.objects.filter(wave__in=closed):
            for key, item in keys.items():
                if key in response.answers:
                    partnerships, values = found.setdefault(item, (set(), []))
                    partnerships.add(other.partnership_id)
                    values.append(Decimal(response.answers[key]))
    return {item: (len(p), v) for item, (p, v) in found.items() if len(p) >= FEWEST_OTHER_PARTNERSHIPS}, max(mins, default=0)


def _linked_figures(responses, key: str, label, own: str, elsewhere, min_group: int, wave_labels: list[str]) -> dict:
    """One numeric question's figures in every breakdown the results page offers, cut together by the linked rule:
    {by: (overall or None, [(group, figures or None)])}, figures {"n", "mean"}."""
    atoms: dict = {}
    for r in responses:
        if key in r.answers:
            atom = (label(r, "council"), label(r, "role"), label(r, "wave"))
            atoms[atom] = atoms.get(atom, Cell(0)) + Cell(1, Decimal(r.answers[key]))
    for r in responses:  # every group offered, even if none of it answered this question
        atoms.setdefault((label(r, "council"), label(r, "role"), label(r, "wave")), Cell(0))
    everyone = frozenset(atoms)
    tables = {}
    for position, by in enumerate(("council", "role", "wave")):
        groups: dict = {}
        for atom in atoms:
            groups.setdefault(atom[position], set()).add(atom)
        tables[by] = Table(everyone, {name: frozenset(members) for name, members in groups.items()})
    partnership_groups = {own: everyone}
    if elsewhere is not None:
        _count, values = elsewhere
        atoms[OTHERS] = Cell(len(values), sum(values, Decimal(0)))
        partnership_groups[str(_("Other partnerships (together)"))] = frozenset({OTHERS})
    tables["partnership"] = Table(frozenset(atoms), partnership_groups)
    hidden = linked_hidden({a: c.n for a, c in atoms.items()}, tables, min_group)

    def figures(members: frozenset):
        if members in hidden:
            return None
        cell = Cell(0)
        for a in members:
            cell = cell + atoms[a]
        return {"n": cell.n, "mean": mean_text(cell.mean)} if cell.n else None

    out = {}
    for by, table in tables.items():
        if by == "wave":
            groups = sorted(table.groups.items(), key=lambda item: wave_labels.index(item[0]))
        else:
            groups = sorted(table.groups.items(), key=lambda item: (item[0] != own, item[0]))
        out[by] = (figures(table.total), [(name, figures(members)) for name, members in groups])
    return out


def results(survey: Survey, *, by: str, today: datetime.date | None = None) -> dict:
    """Each question's figures for the closed waves, cut by council, partnership, role or wave. Every breakdown the page
    offers (and the trend across waves, which is the breakdown by wave) is cut together by the linked anonymity rule, so
    nothing hidden in one can be worked out from the others. "By partnership" sets this partnership beside the other
    partnerships that asked the same question, pooled. Free text is shown only when the total reaches the higher
    threshold, and never beside a breakdown."""
    from partnering.organisations.models import Council

    if by not in BY:
        raise ValueError(f"results by {by!r}: choose one of {', '.join(BY)}")
    day = today or timezone.localdate()
    survey_rules = rules_for(survey.partnership)
    closed = _closed_waves(survey, day)
    responses = list(Response.objects.filter(wave__in=closed).order_by("id"))
    councils = dict(Council.objects.filter(pk__in={r.council_id for r in responses if r.council_id}).values_list("pk", "name"))
    roles = {"lead": _("L&D or HR leads"), "staff": _("Staff"), "trainer": _("Trainers"), "member": _("Group members"), "": _("Clients")}
    numbers = {w.pk: w.number for w in closed}
    wave_labels = [str(_("Wave %(n)s") % {"n": w.number}) for w in closed]
    elsewhere, others_min = _elsewhere(survey, day) if responses else ({}, 0)
    min_group = max(survey_rules.min_group, others_min) if elsewhere else survey_rules.min_group

    def label(r: Response, kind: str) -> str:
        if kind == "council":
            return councils.get(r.council_id, str(_("No council")))
        if kind == "role":
            return str(roles.get(r.role, r.role))
        return str(_("Wave %(n)s") % {"n": numbers[r.wave_id]})

    out, trend_rows = [], []
    total = len(responses)
    for question in survey.questions.all():
        key = str(question.pk)
        answered = [r for r in responses if key in r.answers]
        result = QuestionResult(question, None)
        if _numeric(question):
            if responses:
                figures = _linked_figures(responses, key, label, survey.partnership.name, elsewhere.get((question.text, question.kind)),
                                          min_group, wave_labels)
                result.overall, result.groups = figures[by]
                by_wave = dict(figures["wave"][1])
                trend_rows.append({"question": question, "means": [(by_wave.get(w) or {}).get("mean") for w in wave_labels]})
        elif question.kind == QuestionKind.CHOICE:
            if len(answered) >= survey_rules.min_group:
                result.overall = {"n": len(answered), "mean": None}
                for choice in question.choices:
                    count = sum(1 for r in answered if r.answers[key] == choice)
                    result.choices.append((choice, count, round(100 * count / len(answered))))
        else:
            if total >= survey_rules.free_text_min and len(answered) >= survey_rules.min_group:
                result.overall = {"n": len(answered), "mean": None}
                result.texts = sorted(r.answers[key] for r in answered)  # sorted: no order of answering
        out.append(result)
    return {"questions": out, "waves": closed, "respondents": total if total >= survey_rules.min_group else None,
            "rules": survey_rules, "min_group": min_group, "trend": {"waves": closed, "rows": trend_rows},
            "compared": any(elsewhere.get((q.text, q.kind)) for q in survey.questions.all())}


def trend(survey: Survey, today: datetime.date | None = None) -> dict:
    """Each numeric question's overall mean in each closed wave: the breakdown by wave, under the same linked rule as
    every other breakdown of the results page (a wave too small to show is not the total less the others)."""
    return results(survey, by="wave", today=today)["trend"]


def share_at_or_above(survey: Survey, question: Question, threshold, wave: Wave | None = None,
                      today: datetime.date | None = None) -> tuple[int, int] | None:
    """For a register indicator ("95% good or excellent"): of the responses to the latest closed wave (or the wave given),
    how many answered the question at or above the threshold, and how many answered it. For a choice question the
    threshold is the worst choice that counts (choices run best first: "Good" counts "Excellent" and "Good"). None
    when fewer than the partnership's smallest group answered, so the figure is never about a handful of people."""
    day = today or timezone.localdate()
    if wave is None:
        wave = next((w for w in survey.waves.order_by("-number") if not w.is_open(day) and w.opens_on <= day), None)
    if wave is None or question.survey_id != survey.pk:
        return None
    key = str(question.pk)
    values = [r.answers[key] for r in wave.responses.all() if key in r.answers]
    if len(values) < rules_for(survey.partnership).min_group:
        return None
    if question.kind == QuestionKind.CHOICE:
        if threshold not in question.choices:
            raise ValueError(f"{threshold!r} is not one of the choices of {question.text!r}")
        good = set(question.choices[: question.choices.index(threshold) + 1])
        return sum(1 for v in values if v in good), len(values)
    if question.kind == QuestionKind.TEXT:
        raise ValueError("a free-text question has no share at or above a threshold")
    return sum(1 for v in values if Decimal(v) >= Decimal(threshold)), len(values)
