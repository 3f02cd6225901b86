
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import programmes as access
from partnering.access.scope import get_or_404, not_found
from partnering.core.dates import today
from partnering.organisations.selectors import current_member_councils
from partnering.people.models import Person

from . import services
from .forms import (
    ENTRY_FORMS,
    AgreementForm,
    AnswerForm,
    IndicatorForm,
    MilestoneUpdateForm,
    MonthForm,
    NarrativeForm,
    NewsletterForm,
    PartnerOrganisationForm,
    PeriodForm,
    ProgrammeForm,
    ProjectForm,
    QuestionForm,
    ScrutinyMemberForm,
    SignOffForm,
    VersionForm,
)
from .models import Agreement, Milestone, Participation, PartnerOrganisation, ScrutinyMember
from .services import Refused


def _call(form, operation):
    """Run a service for a valid form; a refusal or model validation error becomes the form's error."""
    try:
        return operation()
    except Refused as refusal:
        form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
    except ValidationError as error:
        for name, problems in error.update_error_dict({}).items():
            form.add_error(name if name in form.fields else None, problems)
    return None


def _form_page(request, form, *, title, caption, button, back, back_label, intro="", multipart=False):
    return TemplateResponse(request, "programmes/form.html", {"form": form, "title": title, "caption": caption, "button": button,
                                                              "back": back, "back_label": back_label, "intro": intro,
                                                              "multipart": multipart})


@login_required
def home(request):
    programmes = access.programmes_visible_to(request.scope).select_related("partnership").order_by("partnership__name", "name")
    return TemplateResponse(request, "programmes/home.html", {
        "programmes": programmes, "new_for": access.partnerships_for_new_programmes(request.scope).order_by("name"),
        "can_add_organisation": access.can_add_partner_organisation(request.scope)})


# --- Partner organisations --------------------------------------------------------------------------------


@login_required
def organisations(request):
    page = Paginator(PartnerOrganisation.objects.prefetch_related("participations"), 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "programmes/organisations.html", {
        "page": page, "can_add": access.can_add_partner_organisation(request.scope)})


@login_required
def organisation_create(request):
    if not access.can_add_partner_organisation(request.scope):
        raise not_found()
    form = PartnerOrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.create_partner_organisation(actor=request.user, **form.cleaned_data)):
            messages.success(request, _("Organisation added."))
            return redirect("programmes:organisations")
    return _form_page(request, form, title=_("Add a partner organisation"), caption=_("Organisations that are not councils"),
                      button=_("Add the organisation"), back=("programmes:organisations", None), back_label=_("Partner organisations"))


# --- Programmes ------------------------------------------------------------------------------------------------


@login_required
def programme_create(request, slug):
    partnership = access.new_programme_partnership_for(request.scope, slug)
    form = ProgrammeForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        programme = _call(form, lambda: services.create_programme(partnership=partnership, actor=request.user, **data))
        if programme:
            messages.success(request, _("Programme set up. Now add its projects."))
            return redirect("programmes:programme", programme.slug)
    return _form_page(request, form, title=_("Set up a programme"), caption=partnership.name, button=_("Set up the programme"),
                      back=("programmes:home", None), back_label=_("Programmes"))


def _structure(programme):
    """The nested bodies as a tree: [(body, [children...]), ...]."""
    bodies = list(programme.bodies.all())
    children = {}
    for body in bodies:
        children.setdefault(body.parent_id, []).append(body)

    def tree(parent_id, seen):
        return [(b, tree(b.pk, seen | {b.pk})) for b in children.get(parent_id, []) if b.pk not in seen]

    return tree(None, frozenset())


@login_required
def programme(request, slug):
    programme = access.programme_for(request.scope, slug)
    projects = list(programme.projects.select_related("lead_council", "sro", "manager").prefetch_related("status_reports", "benefits"))
    for project in projects:
        project.latest_status = next(iter(project.status_reports.all()), None)
    benefits = services.benefit_totals([b for p in projects for b in p.benefits.all()])
    return TemplateResponse(request, "programmes/programme.html", {
        "programme": programme, "projects": projects, "structure": _structure(programme), "benefits": benefits,
        "organisations": Participation.objects.filter(partnership=programme.partnership).select_related("organisation", "project"),
        "highlights": programme.highlights.all()[:12],
        "can_manage": access.can_manage_programme(request.scope, programme),
        "can_ask": access.can_ask_scrutiny_question(request.scope, programme),
    })


@login_required
def programme_edit(request, slug):
    programme = access.managed_programme_for(request.scope, slug)
    form = ProgrammeForm(request.POST or None, instance=programme, partnership=programme.partnership)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items()}
        programme.refresh_from_db()
        if _call(form, lambda: services.update_programme(programme=programme, actor=request.user, **data)):
            messages.success(request, _("Programme saved."))
            return redirect("programmes:programme", programme.slug)
    return _form_page(request, form, title=_("Change the programme"), caption=programme.name, button=_("Save"),
                      back=("programmes:programme", programme.slug), back_label=programme.name)


def _partnership_people(partnership):
    return Person.objects.filter(employments__council__memberships__partnership=partnership).distinct().order_by("full_name")


@login_required
def project_create(request, slug):
    programme = access.managed_programme_for(request.scope, slug)
    councils = current_member_councils(programme.partnership).order_by("name")
    form = ProjectForm(request.POST or None, councils=councils, people=_partnership_people(programme.partnership),
                       partnership=programme.partnership)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        partners = list(data.pop("councils", []))
        project = _call(form, lambda: services.create_project(programme=programme, actor=request.user, councils=partners, **data))
        if project:
            messages.success(request, _("Project added."))
            return redirect("programmes:project", project.pk)
    return _form_page(request, form, title=_("Add a project or workstream"), caption=programme.name, button=_("Add the project"),
                      back=("programmes:programme", programme.slug), back_label=programme.name,
                      intro=_("The project initiation document: write it together with the partner councils."))


@login_required
def project(request, pk):
    project = access.project_for(request.scope, pk)
    can_edit = access.can_edit_project(request.scope, project)
    decisions = list(project.decisions.prefetch_related("signoffs__council"))
    for decision in decisions:
        decision.state = services.decision_state(decision)
    milestones = list(project.milestones.all())
    for milestone in milestones:
        milestone.state = services.results.milestone_state(planned=milestone.planned_on, forecast=milestone.forecast_on,
                                                           actual=milestone.actual_on, today=today())
    benefits = list(project.benefits.all())
    return TemplateResponse(request, "programmes/project.html", {
        "project": project, "programme": project.programme, "can_edit": can_edit,
        "can_publish": access.can_publish_project(request.scope, project),
        "can_sign_off": bool(decisions) and access.can_sign_off(request.scope, decisions[0]),
        "councils": project.councils.select_related("council"), "organisations": project.organisations.select_related("organisation"),
        "milestones": milestones, "statuses": project.status_reports.all()[:12], "risks": project.risks.select_related("owner"),
        "decisions": decisions, "results": services.indicator_rows(project), "benefits": benefits,
        "benefit_totals": services.benefit_totals(benefits), "factors": project.factors.all(), "lessons": project.lessons.all(),
        "threshold": project.programme.risk_threshold, "entry_kinds": list(ENTRY_FORMS),
    })


@login_required
def project_edit(request, pk):
    project = access.edited_project_for(request.scope, pk)
    councils = current_member_councils(project.programme.partnership).order_by("name")
    form = ProjectForm(request.POST or None, instance=project, councils=councils, people=_partnership_people(project.programme.partnership),
                       creating=False, partnership=project.programme.partnership)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        project.refresh_from_db()
        if _call(form, lambda: services.update_project(project=project, actor=request.user, **data)):
            messages.success(request, _("Project saved."))
            return redirect("programmes:project", project.pk)
    return _form_page(request, form, title=_("Change the project"), caption=project.name, button=_("Save"),
                      back=("programmes:project", project.pk), back_label=project.name)


@login_required
def project_add(request, pk, what):
    project = access.edited_project_for(request.scope, pk)
    if what not in ENTRY_FORMS:
        raise not_found()
    form_class, title = ENTRY_FORMS[what]
    form = form_class(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if _call(form, lambda: services.add_entry(project=project, actor=request.user, what=what, values=data)) is not None:
            messages.success(request, _("Saved."))
            return redirect("programmes:project", project.pk)
    return _form_page(request, form, title=title, caption=project.name, button=_("Save"), back=("programmes:project", project.pk),
                      back_label=project.name)


@login_required
@require_POST
def entry_remove(request, pk, what, entry):
    project = access.edited_project_for(request.scope, pk)
    model = services.ENTRY_MODELS.get(what)
    if model is None:
        raise not_found()
    lookup = {"programme": project.programme} if what == "body" else {"project": project}
    item = get_or_404(model.objects.filter(**lookup), pk=entry)
    try:
        services.remove_entry(entry=item, actor=request.user, project=project)
        messages.success(request, _("Removed."))
    except Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("programmes:project", project.pk)


@login_required
def milestone_update(request, pk):
    milestone = access.entry_for_removal(request.scope, Milestone, pk)
    form = MilestoneUpdateForm(request.POST or None, initial={"forecast_on": milestone.forecast_on, "actual_on": milestone.actual_on})
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.update_milestone(milestone=milestone, actor=request.user, **form.cleaned_data)):
            messages.success(request, _("Milestone updated."))
            return redirect("programmes:project", milestone.project_id)
    return _form_page(request, form, title=_("Update the milestone: %(title)s") % {"title": milestone.title}, caption=milestone.project.name,
                      button=_("Save"), back=("programmes:project", milestone.project_id), back_label=milestone.project.name,
                      intro=_("Planned for %(date)s.") % {"date": milestone.planned_on.strftime("%d/%m/%Y")})


@login_required
@require_POST
def publish(request, pk):
    project = access.published_project_for(request.scope, pk)
    wanted = request.POST.get("action") != "unpublish"
    try:
        services.set_published(project=project, actor=request.user, published=wanted)
        messages.success(request, _("Published on the public register.") if wanted else _("Taken off the public register."))
    except Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("programmes:project", project.pk)


@login_required
def signoff(request, pk):
    decision = access.decision_for_signoff(request.scope, pk)
    councils = access.signoff_councils_for(request.scope, decision)
    board = access.can_sign_off_for_board(request.scope, decision)
    form = SignOffForm(request.POST or None, councils=councils, board=board, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if _call(form, lambda: services.sign_off(decision=decision, actor=request.user, **data)):
            messages.success(request, _("Sign-off recorded."))
            return redirect("programmes:project", decision.project_id)
    state = services.decision_state(decision)
    return _form_page(request, form, title=_("Record a sign-off: %(title)s") % {"title": decision.title}, caption=decision.project.name,
                      button=_("Record the sign-off"), back=("programmes:project", decision.project_id), back_label=decision.project.name,
                      intro=state.label)


@login_required
def indicator_create(request, pk):
    result = access.result_for_editing(request.scope, pk)
    form = IndicatorForm(request.POST or None, partnership=result.project.programme.partnership)
    if request.method == "POST" and form.is_valid():
        indicator = _call(form, lambda: services.add_indicator(result=result, actor=request.user, **form.cleaned_data))
        if indicator:
            messages.success(request, _("Indicator added. Now give it a target for each period."))
            return redirect("programmes:indicator", indicator.pk)
    return _form_page(request, form, title=_("Add an indicator"), caption=result.title, button=_("Add the indicator"),
                      back=("programmes:project", result.project_id), back_label=result.project.name)


@login_required
def indicator(request, pk):
    indicator = access.indicator_for(request.scope, pk)
    project = indicator.result.project
    can_edit = access.can_edit_project(request.scope, project)
    form = PeriodForm(request.POST or None) if can_edit else None
    if request.method == "POST":
        if not can_edit:
            raise not_found()
        if form.is_valid():
            if _call(form, lambda: services.set_period(indicator=indicator, actor=request.user, **form.cleaned_data)):
                messages.success(request, _("Figures saved."))
                return redirect("programmes:indicator", indicator.pk)
    actual = services.indicator_actual(indicator)
    return TemplateResponse(request, "programmes/indicator.html", {
        "indicator": indicator, "project": project, "periods": indicator.periods.select_related("verified_by"), "actual": actual,
        "form": form, "can_edit": can_edit})


# --- Agreements -------------------------------------------------------------------------------------------------


@login_required
def agreements(request, slug):
    partnership = access.agreement_partnership_for(request.scope, slug)
    rows = list(access.agreements_visible_to(request.scope).filter(partnership=partnership).select_related("host")
                .prefetch_related("councils", "organisations", "versions"))
    on = today()
    for agreement in rows:
        agreement.due = services._next_date(agreement, on)
        agreement.due_soon = agreement.due is not None and (agreement.due - on).days <= agreement.remind_days
    return TemplateResponse(request, "programmes/agreements.html", {
        "partnership": partnership, "agreements": rows, "hosting": [a for a in rows if a.kind == Agreement.Kind.HOSTING],
        "can_manage": access.can_manage_agreements(request.scope, partnership)})


@login_required
def agreement_create(request, slug):
    partnership = access.agreement_partnership_for(request.scope, slug)
    if not access.can_manage_agreements(request.scope, partnership):
        raise not_found()
    form = AgreementForm(request.POST or None, councils=current_member_councils(partnership).order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        councils, organisations = list(data.pop("councils")), list(data.pop("organisations"))
        agreement = _call(form, lambda: services.create_agreement(partnership=partnership, actor=request.user, councils=councils,
                                                                  organisations=organisations, **data))
        if agreement:
            messages.success(request, _("Agreement added. Upload the signed document."))
            return redirect("programmes:agreement", agreement.pk)
    return _form_page(request, form, title=_("Add an agreement"), caption=partnership.name, button=_("Add the agreement"),
                      back=("programmes:agreements", partnership.slug), back_label=_("Agreements"))


@login_required
def agreement(request, pk):
    agreement = access.agreement_for(request.scope, pk)
    can_manage = access.can_manage_agreements(request.scope, agreement.partnership)
    form = VersionForm(request.POST or None, request.FILES or None) if can_manage else None
    if request.method == "POST":
        if not can_manage:
            raise not_found()
        if form.is_valid():
            if _call(form, lambda: services.add_agreement_version(agreement=agreement, actor=request.user, upload=form.cleaned_data["file"],
                                                                  note=form.cleaned_data["note"])):
                messages.success(request, _("New version uploaded."))
                return redirect("programmes:agreement", agreement.pk)
    return TemplateResponse(request, "programmes/agreement.html", {
        "agreement": agreement, "versions": agreement.versions.select_related("uploaded_by"), "form": form, "can_manage": can_manage,
        "due": services._next_date(agreement, today())})


@login_required
def agreement_file(request, pk):
    version = access.agreement_version_for(request.scope, pk)
    try:
        handle = version.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise not_found() from None
    return FileResponse(handle, as_attachment=True, filename=version.filename)


# --- Scrutiny -----------------------------------------------------------------------------------------------------


@login_required
def scrutiny(request, slug):
    """The one common template every partner council's scrutiny members read: the programme as it stands, read only."""
    programme = access.programme_for(request.scope, slug)
    can_ask = access.can_ask_scrutiny_question(request.scope, programme)
    form = QuestionForm(request.POST or None) if can_ask else None
    if request.method == "POST":
        if not can_ask:
            raise not_found()
        if form.is_valid():
            if _call(form, lambda: services.ask_question(programme=programme, actor=request.user, question=form.cleaned_data["question"])):
                messages.success(request, _("Question sent to the programme's coordinators. The answer will appear here."))
                return redirect("programmes:scrutiny", programme.slug)
    figures = services.highlight_figures(programme, today().replace(day=1))
    return TemplateResponse(request, "programmes/scrutiny.html", {
        "programme": programme, "figures": figures, "form": form,
        "questions": programme.questions.select_related("council", "asked_by", "answered_by"),
        "can_answer": access.can_answer_scrutiny_question(request.scope, programme),
        "benefits": services.benefit_totals([b for p in programme.projects.prefetch_related("benefits") for b in p.benefits.all()]),
    })


@login_required
def scrutiny_members(request, slug):
    partnership = access.new_programme_partnership_for(request.scope, slug)
    councils = current_member_councils(partnership).order_by("name")
    form = ScrutinyMemberForm(request.POST or None, councils=councils, initial={"start_on": today()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.appoint_scrutiny_member(partnership=partnership, actor=request.user, person=form.person,
                                                                council=data["council"], start_on=data["start_on"])):
            messages.success(request, _("Scrutiny member added."))
            return redirect("programmes:scrutiny-members", partnership.slug)
    members = ScrutinyMember.objects.filter(partnership=partnership).select_related("person", "council")
    return TemplateResponse(request, "programmes/scrutiny_members.html", {"partnership": partnership, "form": form, "members": members})


@login_required
def question_answer(request, pk):
    question = access.question_for_answering(request.scope, pk)
    form = AnswerForm(request.POST or None, initial={"answer": question.answer})
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.answer_question(question=question, actor=request.user, answer=form.cleaned_data["answer"])):
            messages.success(request, _("Answer recorded."))
            return redirect("programmes:scrutiny", question.programme.slug)
    return _form_page(request, form, title=_("Answer a scrutiny question"), caption=question.programme.name, button=_("Record the answer"),
                      back=("programmes:scrutiny", question.programme.slug), back_label=_("Joint scrutiny"), intro=question.question)


# --- Highlight reports --------------------------------------------------------------------------------------------


@login_required
def highlight_create(request, slug):
    programme = access.managed_programme_for(request.scope, slug)
    form = MonthForm(request.POST or None, initial={"month": today()})
    if request.method == "POST" and form.is_valid():
        report = services.highlight_report(programme=programme, actor=request.user, month=form.cleaned_data["month"])
        return redirect("programmes:highlight", report.pk)
    return _form_page(request, form, title=_("Prepare a highlight report"), caption=programme.name, button=_("Continue"),
                      back=("programmes:programme", programme.slug), back_label=programme.name)


@login_required
def highlight(request, pk):
    report = access.highlight_for(request.scope, pk)
    can_edit = access.can_edit_highlight(request.scope, report)
    form = NarrativeForm(request.POST or None, initial={"narrative": report.narrative}) if can_edit else None
    if request.method == "POST":
        if not can_edit:
            raise not_found()
        if form.is_valid():
            services.save_highlight_narrative(report=report, actor=request.user, narrative=form.cleaned_data["narrative"])
            messages.success(request, _("Narrative saved."))
            return redirect("programmes:highlight", report.pk)
    return TemplateResponse(request, "programmes/highlight.html", {
        "report": report, "programme": report.programme, "figures": services.highlight_figures(report.programme, report.month),
        "form": form, "can_edit": can_edit})


@login_required
def highlight_pdf(request, pk):
    report = access.highlight_for(request.scope, pk)
    from partnering.core.pdf import render_pdf

    figures = services.highlight_figures(report.programme, report.month)
    pdf = render_pdf("programmes/highlight_pdf.html", {"report": report, "figures": figures}, title=_("Highlight report"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="highlight-{slugify(report.programme.slug)}-{report.month:%Y-%m}.pdf"'
    return response


@login_required
@require_POST
def highlight_send(request, pk):
    report = access.edited_highlight_for(request.scope, pk)
    count = services.send_highlight(report=report, actor=request.user)
    messages.success(request, _("Highlight report sent to %(count)s people on the board and the coordinators.") % {"count": count})
    return redirect("programmes:highlight", report.pk)


# --- Newsletters --------------------------------------------------------------------------------------------------


@login_required
def newsletters(request, slug):
    partnership = access.newsletter_partnership_for(request.scope, slug)
    return TemplateResponse(request, "programmes/newsletters.html", {
        "partnership": partnership, "newsletters": access.newsletters_visible_to(request.scope).filter(partnership=partnership),
        "can_edit": access.can_edit_newsletter(request.scope, partnership)})


@login_required
def newsletter_create(request, slug):
    partnership = access.newsletter_partnership_for(request.scope, slug)
    if not access.can_edit_newsletter(request.scope, partnership):
        raise not_found()
    form = NewsletterForm(request.POST or None, initial={"quarter_start": services.quarter_start(today())})
    if request.method == "POST" and form.is_valid():
        newsletter = _call(form, lambda: services.create_newsletter(partnership=partnership, actor=request.user, **form.cleaned_data))
        if newsletter:
            messages.success(request, _("Newsletter started: it gathers the quarter's news as it happens."))
            return redirect("programmes:newsletter", newsletter.pk)
    return _form_page(request, form, title=_("Start a newsletter"), caption=partnership.name, button=_("Start the newsletter"),
                      back=("programmes:newsletters", partnership.slug), back_label=_("Newsletters"))


def _welsh(request) -> bool:
    wanted = request.GET.get("lang")
    return wanted == "cy" if wanted in ("cy", "en") else translation.get_language() == "cy"


@login_required
def newsletter(request, pk):
    newsletter = access.newsletter_for(request.scope, pk)
    welsh = _welsh(request)
    return TemplateResponse(request, "programmes/newsletter.html", {
        "newsletter": newsletter, "welsh": welsh, "contents": services.newsletter_contents(newsletter),
        "can_edit": access.can_edit_newsletter(request.scope, newsletter.partnership)})


@login_required
def newsletter_edit(request, pk):
    newsletter = access.edited_newsletter_for(request.scope, pk)
    form = NewsletterForm(request.POST or None, instance=newsletter)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        newsletter.refresh_from_db()
        if _call(form, lambda: services.update_newsletter(newsletter=newsletter, actor=request.user, **data)):
            messages.success(request, _("Newsletter saved."))
            return redirect("programmes:newsletter", newsletter.pk)
    return _form_page(request, form, title=_("Edit the newsletter"), caption=newsletter.partnership.name, button=_("Save"),
                      back=("programmes:newsletter", newsletter.pk), back_label=newsletter.title_en)


@login_required
def newsletter_pdf(request, pk):
    newsletter = access.newsletter_for(request.scope, pk)
    welsh = _welsh(request)
    from partnering.core.pdf import render_pdf

    with translation.override("cy" if welsh else "en"):
        pdf = render_pdf("programmes/newsletter_pdf.html", {"newsletter": newsletter, "welsh": welsh,
                                                            "contents": services.newsletter_contents(newsletter)},
                         title=newsletter.title_cy if welsh else newsletter.title_en)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="newsletter-{newsletter.quarter_start:%Y-%m}-{"cy" if welsh else "en"}.pdf"'
    return response


@login_required
@require_POST
def newsletter_send(request, pk):
    newsletter = access.edited_newsletter_for(request.scope, pk)
    count = services.send_newsletter(newsletter=newsletter, actor=request.user)
    messages.success(request, _("Newsletter sent to %(count)s people, each in their own language.") % {"count": count})
    return redirect("programmes:newsletter", newsletter.pk)

