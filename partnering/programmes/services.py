"""Writes for programmes and projects, and the live figures their reports are built from.

Every write is one function: keyword-only, in a transaction, checked through the access layer, recorded
in the audit trail with the acting person. Figures that need arithmetic go through the pure core
(`partnering.programmes.results`)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.programmes import (
    can_add_partner_organisation,
    can_answer_scrutiny_question,
    can_ask_scrutiny_question,
    can_edit_newsletter,
    can_edit_project,
    can_manage_agreements,
    can_manage_programme,
    can_publish_project,
    can_sign_off_for_board,
    partnerships_for_new_programmes,
    scrutiny_councils_for,
    signoff_councils_for,
)
from partnering.core import audit
from partnering.core.dates import today as today_
from partnering.core.errors import Refused

from . import results
from .models import (
    Agreement,
    AgreementVersion,
    Benefit,
    Body,
    Decision,
    Factor,
    HighlightReport,
    Indicator,
    IndicatorPeriod,
    Lesson,
    Milestone,
    Newsletter,
    Participation,
    PartnerOrganisation,
    Programme,
    Project,
    ProjectCouncil,
    Rag,
    Result,
    Risk,
    ScrutinyMember,
    ScrutinyQuestion,
    SignOff,
    StatusReport,
)


def _full_clean(obj, exclude=None):
    obj.full_clean(exclude=exclude)
    obj.save()
    return obj


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


# Addresses under /programmes/ that a programme's short name would hide.
RESERVED_SLUGS = {"organisations", "partnerships", "projects", "milestones", "decisions", "results", "indicators", "agreements",
                  "agreement-versions", "questions", "highlights", "newsletters"}


# --- Programmes and projects ---------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_programme(*, partnership, actor, name: str, slug: str, **fields) -> Programme:
    require(partnerships_for_new_programmes(scope_of(actor)).filter(pk=partnership.pk).exists(),
            "only the partnership's coordinators set up its programmes")
    if slug in RESERVED_SLUGS:
        raise Refused(_("This short name is used by Partnering's own pages. Choose another."), "slug")
    if Programme.objects.filter(slug=slug).exists():
        raise Refused(_("Another programme already uses this short name. Choose another."), "slug")
    return _full_clean(Programme(partnership=partnership, name=name, slug=slug, **fields))


@audit.actor_argument("actor")
@transaction.atomic
def update_programme(*, programme: Programme, actor, **fields) -> Programme:
    require(can_manage_programme(scope_of(actor), programme), "only the partnership's coordinators change a programme")
    for name, value in fields.items():
        setattr(programme, name, value)
    return _full_clean(programme)


@audit.actor_argument("actor")
@transaction.atomic
def create_project(*, programme: Programme, actor, councils=(), **fields) -> Project:
    require(can_manage_programme(scope_of(actor), programme), "only the partnership's coordinators add projects")
    project = _full_clean(Project(programme=programme, **fields))
    lead = project.lead_council
    for council in {lead, *councils}:
        ProjectCouncil.objects.create(project=project, council=council, role=_("Lead council") if council == lead else _("Partner"))
    return project


@audit.actor_argument("actor")
@transaction.atomic
def update_project(*, project: Project, actor, **fields) -> Project:
    require(can_edit_project(scope_of(actor), project), "only the people who run the project change it")
    for name, value in fields.items():
        setattr(project, name, value)
    _full_clean(project)
    if project.published:
        project.register_updated_at = timezone.now()
        project.save(update_fields=["register_updated_at"])
    return project


@audit.actor_argument("actor")
@transaction.atomic
def set_published(*, project: Project, actor, published: bool) -> Project:
    """Publish a project to the public register, or take it off. Recorded in the audit trail (the project's
    `published` field) with who did it."""
    require(can_publish_project(scope_of(actor), project), "only the lead council's leads and the coordinators publish a project")
    if published and not project.purpose.strip():
        raise Refused(_("Write the project's purpose before publishing it: it is what the register shows first."), "purpose")
    project.published = published
    if published and project.published_on is None:
        project.published_on = today_()
    project.register_updated_at = timezone.now()
    project.save(update_fields=["published", "published_on", "register_updated_at"])
    return project


# What a project keeps: entry kind -> (model, fields the form gives)
ENTRY_MODELS = {
    "milestone": Milestone, "status": StatusReport, "risk": Risk, "decision": Decision, "result": Result, "benefit": Benefit,
    "factor": Factor, "lesson": Lesson, "council": ProjectCouncil, "organisation": Participation, "body": Body,
}


@audit.actor_argument("actor")
@transaction.atomic
def add_entry(*, project: Project, actor, what: str, values: dict):
    """Add a milestone, RAG report, risk or issue, decision, result, benefit, enabler or barrier, lesson, council,
    partner organisation or body to a project."""
    require(can_edit_project(scope_of(actor), project), "only the people who run the project add to it")
    model = ENTRY_MODELS.get(what)
    if model is None:
        raise Refused(_("There is no such kind of entry."))
    values = dict(values)
    if what == "status":
        values["period"] = first_of_month(values["period"])
        values["reported_by"] = actor
        if StatusReport.objects.filter(project=project, period=values["period"]).exists():
            raise Refused(_("This month already has a RAG status. Remove it first to replace it."), "period")
    if what == "lesson":
        values.setdefault("recorded_on", today_())
        values["recorded_by"] = actor
    if what == "council" and ProjectCouncil.objects.filter(project=project, council=values["council"]).exists():
        raise Refused(_("This council already takes part in the project."), "council")
    if what == "organisation":
        values["partnership"] = project.programme.partnership
    if what == "body":
        entry = Body(programme=project.programme, **values)
        if entry.parent and entry.parent.programme_id != project.programme_id:
            raise Refused(_("Choose a body of this programme."), "parent")
        return _full_clean(entry)
    if what == "benefit" and values.get("kind") == Benefit.Kind.NON_CASH and (values.get("planned") or values.get("realised")):
        raise Refused(_("A non-cash benefit has no money figure: record quality, resilience or capacity in words."), "planned")
    if what == "benefit" and values.get("kind") != Benefit.Kind.NON_CASH and values.get("category"):
        raise Refused(_("Only a non-cash benefit has a category."), "category")
    if what == "benefit" and values.get("year"):
        _check_year(values["year"])
    entry = model(project=project, **values)
    _full_clean(entry)
    _touch_register(project)
    return entry


def _check_year(value: str) -> None:
    if not (len(value) == 7 and value[4] == "/" and value[:4].isdigit() and value[5:].isdigit() and (int(value[:4]) + 1) % 100 == int(value[5:])):
        raise Refused(_("Write the financial year like 2015/16."), "year")


def _touch_register(project: Project) -> None:
    if project.published:
        project.register_updated_at = timezone.now()
        project.save(update_fields=["register_updated_at"])


@audit.actor_argument("actor")
@transaction.atomic
def remove_entry(*, entry, actor, project: Project | None = None) -> None:
    """Remove a project's entry; a body of the programme's structure is removed from one of its projects' pages."""
    if isinstance(entry, Body):
        if project is None or project.programme_id != entry.programme_id:
            raise Refused(_("Remove a body from one of its programme's projects."))
    else:
        project = entry.project
    require(can_edit_project(scope_of(actor), project), "only the people who run the project remove its entries")
    if isinstance(entry, ProjectCouncil) and entry.council_id == entry.project.lead_council_id:
        raise Refused(_("The lead council stays in the project. Change the lead council first."))
    entry.delete()
    _touch_register(project)


@audit.actor_argument("actor")
@transaction.atomic
def update_milestone(*, milestone: Milestone, actor, forecast_on=None, actual_on=None) -> Milestone:
    require(can_edit_project(scope_of(actor), milestone.project), "only the people who run the project update its milestones")
    milestone.forecast_on, milestone.actual_on = forecast_on, actual_on
    return _full_clean(milestone)


# --- Decisions and sign-off ----------------------------------------------------------------------------------


@dataclass
class DecisionState:
    state: str  # "approved", "rejected", "board" (waiting for the board), "councils" (waiting for councils)
    waiting_for: list = field(default_factory=list)  # councils still to sign off at level two

    @property
    def label(self) -> str:
        return {"approved": _("Approved"), "rejected": _("Rejected"), "board": _("Waiting for the project board"),
                "councils": _("Waiting for councils' corporate management teams")}[self.state]


def decision_state(decision: Decision) -> DecisionState:
    signoffs = list(decision.signoffs.all())
    if any(s.answer == SignOff.Answer.REJECTED for s in signoffs):
        return DecisionState("rejected")
    if not any(s.level == 1 for s in signoffs):
        return DecisionState("board")
    if decision.levels == 1:
        return DecisionState("approved")
    done = {s.council_id for s in signoffs if s.level == 2}
    waiting = [pc.council for pc in decision.project.councils.select_related("council") if pc.council_id not in done]
    return DecisionState("councils", waiting) if waiting else DecisionState("approved")


@audit.actor_argument("actor")
@transaction.atomic
def sign_off(*, decision: Decision, actor, level: int, council=None, answer: str, on: datetime.date, note: str = "") -> SignOff:
    """Record the board's sign-off (level one) or a council's corporate management team's (level two, after the board's)."""
    scope = scope_of(actor)
    if level == 1:
        require(can_sign_off_for_board(scope, decision), "only the coordinators record the project board's sign-off")
        council = None
        if decision.signoffs.filter(level=1).exists():
            raise Refused(_("The project board's sign-off is already recorded."), "level")
    elif level == 2:
        if decision.levels != 2:
            raise Refused(_("This decision needs the project board's sign-off only."), "level")
        if council is None:
            raise Refused(_("Choose the council whose corporate management team signed off."), "council")
        require(signoff_councils_for(scope, decision).filter(pk=council.pk).exists(), "only that council's leads or the coordinators record it")
        if not decision.signoffs.filter(level=1, answer=SignOff.Answer.APPROVED).exists():
            raise Refused(_("The project board signs off first; then each council's corporate management team."), "level")
        if decision.signoffs.filter(level=2, council=council).exists():
            raise Refused(_("That council's sign-off is already recorded."), "council")
    else:
        raise Refused(_("Choose level one (the project board) or two (a council)."), "level")
    return _full_clean(SignOff(decision=decision, level=level, council=council, answer=answer, on=on, note=note, recorded_by=actor))


# --- Results and indicators -----------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def add_indicator(*, result: Result, actor, **fields) -> Indicator:
    require(can_edit_project(scope_of(actor), result.project), "only the people who run the project add indicators")
    if fields.get("source") == Indicator.Source.SPEND and fields.get("package") is None:
        raise Refused(_("Choose the funding package the spend comes from."), "package")
    if fields.get("package") is not None and fields["package"].partnership_id != result.project.programme.partnership_id:
        raise Refused(_("Choose one of this partnership's funding packages."), "package")
    indicator = _full_clean(Indicator(result=result, **fields))
    _touch_register(result.project)
    return indicator


@audit.actor_argument("actor")
@transaction.atomic
def set_period(*, indicator: Indicator, actor, start_on, end_on, target=None, actual=None, target_text: str = "",
               actual_text: str = "", comment: str = "", evidence: str = "") -> IndicatorPeriod:
    """A period's target and actual. A typed actual records who verified it and when (today)."""
    require(can_edit_project(scope_of(actor), indicator.result.project), "only the people who run the project record figures")
    if indicator.measure == Indicator.Measure.PERCENTAGE:
        for name, value in (("target", target), ("actual", actual)):
            if value is not None and not 0 <= value <= 100:
                raise Refused(_("A percentage is between 0 and 100."), name)
    if indicator.measure != Indicator.Measure.QUALITATIVE and (target_text or actual_text) and target is None and actual is None:
        raise Refused(_("This indicator is a number: give the target and actual as numbers."), "target")
    period = IndicatorPeriod.objects.filter(indicator=indicator, start_on=start_on).first() or IndicatorPeriod(indicator=indicator, start_on=start_on)
    period.end_on, period.target, period.actual = end_on, target, actual
    period.target_text, period.actual_text, period.comment, period.evidence = target_text, actual_text, comment, evidence
    if actual is not None or actual_text:
        period.verified_by, period.verified_on = actor, today_()
    _full_clean(period)
    _touch_register(indicator.result.project)
    return period


@audit.actor_argument("actor")
@transaction.atomic
def set_indicator_from_survey(*, indicator: Indicator, actor, value: Decimal, as_of: datetime.date, label: str) -> Indicator:
    """The hook for surveys: a closed survey's result (a percentage, say of clients rating the service good or
    excellent) becomes the indicator's actual. `actor` is the person closing the survey (None from a task)."""
    if actor is not None:
        require(can_edit_project(scope_of(actor), indicator.result.project), "only the people who run the project set its figures")
    if indicator.source != Indicator.Source.SURVEY:
        raise Refused(_("This indicator's actual does not come from a survey."), "source")
    if indicator.measure == Indicator.Measure.PERCENTAGE and not 0 <= value <= 100:
        raise Refused(_("A percentage is between 0 and 100."), "survey_value")
    indicator.survey_value, indicator.survey_as_of, indicator.survey_label = value, as_of, label
    indicator.save(update_fields=["survey_value", "survey_as_of", "survey_label"])
    _touch_register(indicator.result.project)
    return indicator


@dataclass
class Actual:
    value: Decimal | None
    text: str
    as_of: datetime.date | None
    how: str  # where it came from, in words
    computed: bool
    stale: bool
    verified_by: object = None
    profiled: Decimal | None = None  # spend: the profile so far


def current_period(indicator: Indicator, on: datetime.date) -> IndicatorPeriod | None:
    periods = list(indicator.periods.all())
    inside = [p for p in periods if p.start_on <= on <= p.end_on]
    if inside:
        return inside[-1]
    before = [p for p in periods if p.start_on <= on]
    return before[-1] if before else (periods[0] if periods else None)


def indicator_actual(indicator: Indicator, on: datetime.date | None = None) -> Actual:
    """The indicator's actual now: computed from Partnering's own data where it holds it (with its "as of"
    date), else the latest typed figure with who verified it; stale when older than the indicator allows."""
    on = on or today_()
    source = indicator.source
    partnership_id = indicator.result.project.programme.partnership_id
    if source in (Indicator.Source.COURSE_PLACES, Indicator.Source.SESSIONS):
        from partnering.learning.models import Booking, Session

        now = timezone.now()
        end = datetime.datetime.combine(on, datetime.time.max, tzinfo=datetime.UTC)
        sessions = Session.objects.filter(course__partnership_id=partnership_id, cancelled_at__isnull=True, ends_at__lte=min(now, end))
        period = current_period(indicator, on)
        if period is not None:
            sessions = sessions.filter(starts_at__date__gte=period.start_on)
        if source == Indicator.Source.COURSE_PLACES:
            value = Booking.objects.filter(session__in=sessions, status=Booking.Status.ATTENDED).count()
            how = _("Places attended on the partnership's courses, from the catalogue's registers")
        else:
            value = sessions.count()
            how = _("Sessions delivered on the partnership's courses, from the catalogue")
        return Actual(Decimal(value), "", on, how, True, False)
    if source == Indicator.Source.SPEND:
        from partnering.costs.services import package_statement

        if indicator.package is None:
            return Actual(None, "", None, _("No funding package chosen"), True, True)
        figures = package_statement(indicator.package, on).figures
        profiled = figures.get("total_profiled")
        return Actual(Decimal(figures["spent"]), "", on, _("Spend recorded on the funding package %(name)s") % {"name": indicator.package.name},
                      True, False, profiled=Decimal(profiled) if profiled is not None else None)
    if source == Indicator.Source.SURVEY:
        stale = results.stale(indicator.survey_as_of, on, indicator.max_age_days)
        return Actual(indicator.survey_value, "", indicator.survey_as_of, indicator.survey_label or _("No survey result yet"), True, stale)
    typed = [p for p in indicator.periods.all() if p.actual is not None or p.actual_text]
    if not typed:
        return Actual(None, "", None, _("Not yet recorded"), False, True)
    latest = typed[-1]
    stale = results.stale(latest.verified_on, on, indicator.max_age_days)
    return Actual(latest.actual, latest.actual_text, latest.verified_on, latest.evidence or _("Typed in"), False, stale, latest.verified_by)


@dataclass
class IndicatorRow:
    indicator: Indicator
    period: IndicatorPeriod | None
    actual: Actual
    progress: results.Progress


def indicator_rows(project: Project, on: datetime.date | None = None) -> list[tuple[Result, list[IndicatorRow]]]:
    on = on or today_()
    out = []
    for result in project.results.prefetch_related("indicators__periods", "indicators__package"):
        rows = []
        for indicator in result.indicators.all():
            period = current_period(indicator, on)
            actual = indicator_actual(indicator, on)
            target = period.target if period else None
            try:
                progress = results.progress(baseline=indicator.baseline, target=target, actual=actual.value,
                                            ascending=indicator.ascending, measure=indicator.measure)
            except results.ResultsError:
                progress = results.Progress(None, None, None, None)
            rows.append(IndicatorRow(indicator, period, actual, progress))
        out.append((result, rows))
    return out


def benefit_totals(benefits) -> results.BenefitTotals:
    return results.benefits([{"kind": b.kind, "planned": b.planned, "realised": b.realised, "description": b.description} for b in benefits])


# --- Partner organisations -------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_partner_organisation(*, actor, name: str, kind: str, website: str = "", identifier: str = "") -> PartnerOrganisation:
    require(can_add_partner_organisation(scope_of(actor)), "only coordinators add partner organisations")
    if PartnerOrganisation.objects.filter(name__iexact=name.strip()).exists():
        raise Refused(_("An organisation with this name is already on the list."), "name")
    return _full_clean(PartnerOrganisation(name=name.strip(), kind=kind, website=website, identifier=identifier))


# --- Agreements ------------------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_agreement(*, partnership, actor, councils, organisations=(), **fields) -> Agreement:
    require(can_manage_agreements(scope_of(actor), partnership), "only the partnership's coordinators keep its agreements")
    if fields.get("kind") == Agreement.Kind.HOSTING and fields.get("host") is None:
        raise Refused(_("Say which council hosts."), "host")
    if not councils:
        raise Refused(_("Choose at least one council that is a party."), "councils")
    agreement = _full_clean(Agreement(partnership=partnership, **fields))
    agreement.councils.set(councils)
    agreement.organisations.set(organisations)
    return agreement


@audit.actor_argument("actor")
@transaction.atomic
def add_agreement_version(*, agreement: Agreement, actor, upload, note: str = "") -> AgreementVersion:
    require(can_manage_agreements(scope_of(actor), agreement.partnership), "only the partnership's coordinators add versions")
    number = (agreement.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = AgreementVersion(agreement=agreement, number=number, filename=upload.name[:255], note=note, uploaded_by=actor,
                               uploaded_at=timezone.now())
    version.file.save(f"agreement-{agreement.pk}-v{number}-{upload.name[-80:]}", upload, save=False)
    version.save()
    return version


def agreements_due(on: datetime.date):
    """Agreements whose review or expiry date is within their reminder window and not yet reminded about."""
    due = []
    for agreement in Agreement.objects.select_related("partnership", "host"):
        when = _next_date(agreement, on)
        if when is not None and (when - on).days <= agreement.remind_days and agreement.reminded_for != when:
            due.append((agreement, when))
    return due


def _next_date(agreement: Agreement, on: datetime.date):
    dates = [d for d in (agreement.review_on, agreement.expires_on) if d and d >= on]
    return min(dates) if dates else None


def send_agreement_reminders(on: datetime.date | None = None) -> int:
    """Email the coordinators (and the host council's leads) about each agreement coming up for review or
    expiry, once per date. Returns how many agreements were reminded about."""
    from . import notifications

    on = on or today_()
    count = 0
    with audit.acting_as(None, source="command:programme_reminders"):
        for agreement, when in agreements_due(on):
            with transaction.atomic():
                agreement.reminded_for = when
                agreement.save(update_fields=["reminded_for"])
                transaction.on_commit(lambda a=agreement: notifications.agreement_due(a))
            count += 1
    return count


# --- Scrutiny -----------------------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def appoint_scrutiny_member(*, partnership, actor, person, council, start_on) -> ScrutinyMember:
    require(scope_of(actor).coordinates(partnership.pk), "only the partnership's coordinators add scrutiny members")
    if not partnership.memberships.filter(council=council).exists():
        raise Refused(_("Choose one of the partnership's councils."), "council")
    return _full_clean(ScrutinyMember(partnership=partnership, person=person, council=council, start_on=start_on))


@audit.actor_argument("actor")
@transaction.atomic
def ask_question(*, programme: Programme, actor, question: str) -> ScrutinyQuestion:
    scope = scope_of(actor)
    require(can_ask_scrutiny_question(scope, programme), "only scrutiny and board members put questions")
    if not question.strip():
        raise Refused(_("Enter your question."), "question")
    seat = scrutiny_councils_for(scope, programme).first()
    return ScrutinyQuestion.objects.create(programme=programme, council=seat.council if seat else None, asked_by=actor,
                                           question=question.strip(), asked_at=timezone.now())


@audit.actor_argument("actor")
@transaction.atomic
def answer_question(*, question: ScrutinyQuestion, actor, answer: str) -> ScrutinyQuestion:
    require(can_answer_scrutiny_question(scope_of(actor), question.programme), "only the coordinators answer")
    if not answer.strip():
        raise Refused(_("Enter the answer."), "answer")
    question.answer, question.answered_by, question.answered_at = answer.strip(), actor, timezone.now()
    question.save()
    return question


# --- Highlight reports ----------------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def highlight_report(*, programme: Programme, actor, month: datetime.date) -> HighlightReport:
    """The month's report (made the first time it is asked for)."""
    require(can_manage_programme(scope_of(actor), programme), "only the coordinators start a highlight report")
    report, _created = HighlightReport.objects.get_or_create(programme=programme, month=first_of_month(month))
    return report


@audit.actor_argument("actor")
@transaction.atomic
def save_highlight_narrative(*, report: HighlightReport, actor, narrative: str) -> HighlightReport:
    require(can_manage_programme(scope_of(actor), report.programme), "only the coordinators edit the narrative")
    report.narrative = narrative
    report.save(update_fields=["narrative"])
    return report


def _month_end(month: datetime.date) -> datetime.date:
    following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return following - datetime.timedelta(days=1)


def highlight_figures(programme: Programme, month: datetime.date, on: datetime.date | None = None) -> dict:
    """The live figures of a month's highlight report: each project's latest RAG up to the month, milestones
    due in the month and missed by its end, open risks at or above the board's threshold, spend against profile,
    results; with exception reporting, only the projects that are red or amber or have something to report."""
    month = first_of_month(month)
    end = _month_end(month)
    on = on or today_()
    # The day the report looks from: today during the month, the day after it once the month is over (so a milestone
    # due on its last day and not met is missed), even when a past month's report is read later.
    looking_from = on if on <= end else end + datetime.timedelta(days=1)
    rows = []
    for project in programme.projects.select_related("lead_council", "sro").prefetch_related("milestones", "risks", "status_reports"):
        status = next((s for s in project.status_reports.all() if s.period <= month), None)
        due = [m for m in project.milestones.all() if month <= m.planned_on <= end]
        missed = [m for m in project.milestones.all()
                  if m.planned_on < looking_from and (m.actual_on is None or m.actual_on >= looking_from)]
        risks = [r for r in project.risks.all() if not r.closed and results.above_threshold(r.likelihood, r.impact, programme.risk_threshold)]
        exception = (status is None or status.rag != Rag.GREEN) or bool(missed) or bool(risks)
        rows.append({"project": project, "status": status, "due": due, "missed": missed, "risks": risks, "exception": exception,
                     "results": indicator_rows(project, min(on, end))})
    shown = [r for r in rows if r["exception"]] if programme.exception_reporting else rows
    spend = None
    if programme.funding_package_id:
        from partnering.costs.services import package_statement

        figures = package_statement(programme.funding_package, min(on, end)).figures
        spend = {"package": programme.funding_package, "spent": Decimal(figures["spent"]), "awarded": Decimal(figures["total_awarded"]),
                 "profiled": Decimal(figures["total_profiled"]) if figures.get("total_profiled") else None,
                 "by_year": {y: {k: Decimal(v) for k, v in f.items()} for y, f in figures["by_year"].items()}}
    counts = {rag: sum(1 for r in rows if r["status"] and r["status"].rag == rag) for rag in Rag.values}
    counts["none"] = sum(1 for r in rows if r["status"] is None)
    return {"month": month, "month_end": end, "rows": shown, "all_rows": rows, "counts": counts, "spend": spend,
            "exception_reporting": programme.exception_reporting, "hidden": len(rows) - len(shown)}


def send_highlight(*, report: HighlightReport, actor) -> int:
    """Email the report (with its PDF) to the board and coordinators, each in their own language."""
    from . import notifications

    require(can_manage_programme(scope_of(actor), report.programme), "only the coordinators send the report")
    with audit.acting_as(actor, source="web"):
        report.sent_at = timezone.now()
        report.save(update_fields=["sent_at"])
    return notifications.highlight_sent(report)


# --- Newsletters -------------------------------------------------------------------------------------------------


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


@audit.actor_argument("actor")
@transaction.atomic
def create_newsletter(*, partnership, actor, quarter_start: datetime.date, **fields) -> Newsletter:
    require(can_edit_newsletter(scope_of(actor), partnership), "only the coordinators edit newsletters")
    start = globals()["quarter_start"](quarter_start)
    if Newsletter.objects.filter(partnership=partnership, quarter_start=start).exists():
        raise Refused(_("This quarter already has a newsletter: edit that one."), "quarter_start")
    return _full_clean(Newsletter(partnership=partnership, quarter_start=start, **fields))


@audit.actor_argument("actor")
@transaction.atomic
def update_newsletter(*, newsletter: Newsletter, actor, **fields) -> Newsletter:
    require(can_edit_newsletter(scope_of(actor), newsletter.partnership), "only the coordinators edit newsletters")
    for name, value in fields.items():
        setattr(newsletter, name, value)
    return _full_clean(newsletter)


def newsletter_contents(newsletter: Newsletter) -> dict:
    """What the quarter brought: register updates, new catalogue courses, group news (new threads in the
    partnership's groups); the case study and introduction are the coordinator's."""
    start = newsletter.quarter_start
    end = datetime.date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)  # the first day of the next quarter
    partnership = newsletter.partnership
    projects = Project.objects.filter(published=True, programme__partnership=partnership, register_updated_at__date__gte=start,
                                      register_updated_at__date__lt=end).select_related("lead_council")
    from partnering.learning.models import Course

    courses = Course.objects.filter(partnership=partnership, created_at__date__gte=start, created_at__date__lt=end).order_by("title")
    from partnering.community.models import Thread

    news = Thread.objects.filter(group__partnership=partnership, hidden=False, created_at__date__gte=start,
                                 created_at__date__lt=end).select_related("group").order_by("-created_at")[:10]
    return {"projects": list(projects), "courses": list(courses), "news": list(news), "end": end - datetime.timedelta(days=1)}


def send_newsletter(*, newsletter: Newsletter, actor) -> int:
    from . import notifications

    require(can_edit_newsletter(scope_of(actor), newsletter.partnership), "only the coordinators send newsletters")
    with audit.acting_as(actor, source="web"):
        newsletter.sent_at = timezone.now()
        newsletter.save(update_fields=["sent_at"])
    return notifications.newsletter_sent(newsletter)


