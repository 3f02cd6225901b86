import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import assessment as access
from partnering.access.scope import get_or_404, not_found
from partnering.community.models import Group
from partnering.organisations.models import Council, Membership

from . import services
from .forms import (
    ActionForm,
    AnswerForm,
    CriterionForm,
    EvidenceForm,
    FrameworkForm,
    QuestionForm,
    ResultsForm,
    RulesForm,
    ScoresForm,
    StartForm,
    SurveyForm,
    WaveForm,
)
from .models import BankQuestion, Criterion, Evidence
from .services import Refused


def _call(form, operation):
    try:
        return operation()
    except Refused as refusal:
        form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
    except ValidationError as error:
        for name, problems in error.update_error_dict({}).items():
            form.add_error(name if name in form.fields else None, problems)
    return None


def _form_page(request, form, *, title, caption, button, back, back_label, intro="", multipart=False):
    return TemplateResponse(request, "assessment/form.html", {
        "form": form, "title": title, "caption": caption, "button": button, "back": back, "back_label": back_label,
        "intro": intro, "multipart": multipart})


# --- Home and rules ------------------------------------------------------------------------------------


@login_required
def home(request):
    scope = request.scope
    frameworks = access.frameworks_visible_to(scope).select_related("partnership").order_by("partnership__name", "name")
    assessments = access.assessments_visible_to(scope).select_related("version__framework", "council", "partnership")
    page = Paginator(assessments, 25).get_page(request.GET.get("page"))
    return TemplateResponse(request, "assessment/home.html", {
        "built_in": [f for f in frameworks if f.built_in], "own": [f for f in frameworks if not f.built_in],
        "page": page, "coordinated": access.coordinated_partnerships(scope).order_by("name"),
        "surveys": access.surveys_visible_to(scope).exists(),
    })


@login_required
def rules_edit(request, slug):
    partnership = access.coordinated_partnership_for(request.scope, slug)
    form = RulesForm(request.POST or None, instance=services.rules_for(partnership))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.set_rules(partnership=partnership, actor=request.user, min_group=data["min_group"],
                                                  free_text_min=data["free_text_min"], weak_below=data["weak_below"])):
            messages.success(request, _("The rules are saved."))
            return redirect("assessment:home")
    return _form_page(request, form, title=_("Anonymity and action rules"), caption=partnership.name, button=_("Save"),
                      back=("assessment:home",), back_label=_("Self-assessment"),
                      intro=_("These apply to every benchmark and survey result of the partnership."))


# --- Frameworks ---------------------------------------------------------------------------------------


@login_required
def framework_create(request, slug):
    partnership = access.coordinated_partnership_for(request.scope, slug)
    form = FrameworkForm(request.POST or None, frameworks=access.frameworks_visible_to(request.scope))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        framework = _call(form, lambda: services.create_framework(partnership=partnership, actor=request.user, name=data["name"],
                                                                  description=data["description"], copy_of=data["copy_of"]))
        if framework:
            messages.success(request, _("Framework created."))
            return redirect("assessment:framework-detail", framework.pk)
    return _form_page(request, form, title=_("Define a framework"), caption=partnership.name, button=_("Create the framework"),
                      back=("assessment:home",), back_label=_("Self-assessment"))


@login_required
def framework_detail(request, pk):
    framework = access.framework_for(request.scope, pk)
    version = framework.current_version()
    areas = version.areas.prefetch_related("criteria") if version else []
    return TemplateResponse(request, "assessment/framework_detail.html", {
        "framework": framework, "version": version, "areas": areas, "versions": framework.versions.all(),
        "published": framework.published_benchmarks.all(),
        "can_manage": access.can_manage_framework(request.scope, framework),
        "can_start": access.can_start_assessment(request.scope, framework),
    })


@login_required
def criterion_add(request, pk):
    framework = access.managed_framework_for(request.scope, pk)
    form = CriterionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.add_criterion(framework=framework, actor=request.user, area=data["area"], text=data["text"],
                                                      guidance=data["guidance"], evidence_expected=data["evidence_expected"],
                                                      scale=data["scale"], descriptors=data["descriptors"],
                                                      custom_points=data["custom_points"])):
            messages.success(request, _("Criterion added."))
            return redirect("assessment:framework-detail", framework.pk)
    return _form_page(request, form, title=_("Add a criterion"), caption=framework.name, button=_("Add the criterion"),
                      back=("assessment:framework-detail", framework.pk), back_label=framework.name)


@login_required
def criterion_edit(request, pk):
    criterion = get_or_404(Criterion.objects.filter(version__framework__in=access.frameworks_visible_to(request.scope))
                           .select_related("version__framework"), pk=pk)
    framework = criterion.version.framework
    if not access.can_manage_framework(request.scope, framework):
        raise not_found()
    initial = {"text": criterion.text, "guidance": criterion.guidance, "evidence_expected": criterion.evidence_expected,
               "scale": criterion.scale, "descriptors": "\n".join(criterion.descriptors),
               "custom_points": "\n".join(f"{v} = {label}" for v, label in criterion.custom_points)}
    form = CriterionForm(request.POST or None, initial=initial, with_area=False)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.edit_criterion(criterion=criterion, actor=request.user, text=data["text"], guidance=data["guidance"],
                                                       evidence_expected=data["evidence_expected"], scale=data["scale"],
                                                       descriptors=data["descriptors"], custom_points=data["custom_points"])):
            messages.success(request, _("Criterion saved."))
            return redirect("assessment:framework-detail", framework.pk)
    return _form_page(request, form, title=_("Change a criterion"), caption=framework.name, button=_("Save"),
                      back=("assessment:framework-detail", framework.pk), back_label=framework.name,
                      intro=_("Assessments keep the version they used: once one has, your change makes a new version."))


# --- Assessments -----------------------------------------------------------------------------------------


@login_required
def assessment_start(request, pk):
    framework = access.framework_for(request.scope, pk)
    if not access.can_start_assessment(request.scope, framework):
        raise not_found()
    subjects, targets = [], {}
    for council in access.councils_to_assess(request.scope, framework):
        for partnership in access.partnerships_of(council.pk, framework):
            key = f"c{council.pk}-p{partnership.pk}"
            subjects.append((key, _("%(council)s, in %(partnership)s") % {"council": council.name, "partnership": partnership.name}))
            targets[key] = (council, partnership)
    for partnership in access.partnerships_to_assess(request.scope, framework):
        key = f"p{partnership.pk}"
        subjects.append((key, _("%(partnership)s as a whole") % {"partnership": partnership.name}))
        targets[key] = (None, partnership)
    partnership_ids = {p.pk for _c, p in targets.values()}
    moderators = Council.objects.filter(pk__in=Membership.objects.current().filter(partnership_id__in=partnership_ids)
                                        .values("council_id")).order_by("name")
    form = StartForm(request.POST or None, subjects=subjects, moderators=moderators,
                     initial={"subject": subjects[0][0] if len(subjects) == 1 else None})
    if request.method == "POST" and form.is_valid():
        council, partnership = targets[form.cleaned_data["subject"]]
        data = form.cleaned_data
        assessment = _call(form, lambda: services.start_assessment(
            framework=framework, actor=request.user, partnership=partnership, council=council, title=data["title"], team=data["team"],
            moderator_council=data["moderator_council"]))
        if assessment:
            messages.success(request, _("Assessment started. Score each criterion and add your evidence."))
            return redirect("assessment:assessment-scores", assessment.pk)
    return _form_page(request, form, title=_("Start an assessment"), caption=framework.name, button=_("Start"),
                      back=("assessment:framework-detail", framework.pk), back_label=framework.name)


@login_required
def assessment_detail(request, pk):
    scope = request.scope
    assessment = access.assessment_for(scope, pk)
    scores = list(assessment.scores.select_related("criterion__area"))
    evidence = {}
    for item in assessment.evidence.all():
        evidence.setdefault(item.criterion_id, []).append(item)
    before, changed, earlier_actions = services.what_changed(assessment)
    history = services.progress(assessment)
    areas = list(dict.fromkeys(s.criterion.area.name for s in scores))
    chart = {"labels": [str(h["assessment"].title) for h in history],
             "series": [{"label": area, "values": [float(h["means"][area]) if h["means"].get(area) is not None else None for h in history]}
                        for area in areas]}
    for h in history:
        h["values"] = [h["means"].get(area) for area in areas]
    return TemplateResponse(request, "assessment/assessment_detail.html", {
        "assessment": assessment, "scores": [(s, evidence.get(s.criterion_id, [])) for s in scores],
        "actions": assessment.actions.select_related("criterion"), "before": before, "changed": changed,
        "earlier_actions": earlier_actions, "history": history, "areas": areas, "chart": chart,
        "can_edit": access.can_edit_assessment(scope, assessment), "can_moderate": access.can_moderate(scope, assessment),
        "can_agree": access.can_agree(scope, assessment), "can_share": access.can_share(scope, assessment),
        "can_plan": access.can_plan_actions(scope, assessment),
    })


@login_required
def assessment_scores(request, pk):
    assessment = access.editable_assessment_for(request.scope, pk)
    form = ScoresForm(request.POST or None, scores=assessment.scores.select_related("criterion"))
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.save_scores(assessment=assessment, actor=request.user, scores=form.scores()) or True):
            messages.success(request, _("Scores saved."))
            return redirect("assessment:assessment-detail", assessment.pk)
    return TemplateResponse(request, "assessment/scores.html", {"form": form, "assessment": assessment, "moderating": False})


@login_required
def assessment_moderate(request, pk):
    assessment = access.moderated_assessment_for(request.scope, pk)
    form = ScoresForm(request.POST or None, scores=assessment.scores.select_related("criterion"), moderating=True,
                      initial={"moderator_view": assessment.moderator_view})
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.moderate(assessment=assessment, actor=request.user, view=form.cleaned_data["moderator_view"],
                                                 scores=form.scores())):
            messages.success(request, _("Moderation recorded. The council can now agree the result."))
            return redirect("assessment:assessment-detail", assessment.pk)
    return TemplateResponse(request, "assessment/scores.html", {"form": form, "assessment": assessment, "moderating": True})


@login_required
@require_POST
def assessment_transition(request, pk, action):
    assessment = access.assessment_for(request.scope, pk)
    if not access.can_transition(request.scope, assessment, action):
        raise not_found()
    try:
        if action == "submit":
            services.submit(assessment=assessment, actor=request.user)
            messages.success(request, _("Submitted for moderation."))
        elif action == "return":
            services.return_to_draft(assessment=assessment, actor=request.user, reason=request.POST.get("reason", "").strip())
            messages.success(request, _("Sent back to the council as a draft."))
        elif action == "agree":
            made = services.agree(assessment=assessment, actor=request.user)
            messages.success(request, _("Agreed. %(n)s suggested actions were added to the action plan.") % {"n": len(made)})
        elif action == "share":
            services.set_shared(assessment=assessment, actor=request.user, shared=not assessment.shared)
            messages.success(request, _("Shared with the partnership.") if assessment.shared else _("No longer shared."))
    except Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("assessment:assessment-detail", assessment.pk)


@login_required
def evidence_add(request, pk):
    assessment = access.editable_assessment_for(request.scope, pk)
    criteria = assessment.version.criteria.all()
    form = EvidenceForm(request.POST or None, request.FILES or None)
    form.fields["criterion"] = __import__("django").forms.ModelChoiceField(label=_("Criterion"), queryset=criteria)
    form._style("criterion")
    form.order_fields(["criterion", "kind", "title", "url", "file", "note"])
    if request.GET.get("criterion") and not form.is_bound:
        form.initial["criterion"] = request.GET["criterion"]
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.add_evidence(assessment=assessment, actor=request.user, criterion=data["criterion"], kind=data["kind"],
                                                     title=data["title"], url=data["url"], file=data["file"], note=data["note"])):
            messages.success(request, _("Evidence added."))
            return redirect("assessment:assessment-detail", assessment.pk)
    return _form_page(request, form, title=_("Add evidence"), caption=assessment.title, button=_("Add the evidence"),
                      back=("assessment:assessment-detail", assessment.pk), back_label=assessment.title, multipart=True)


def _evidence_for(request, pk) -> Evidence:
    return get_or_404(Evidence.objects.filter(assessment__in=access.assessments_visible_to(request.scope)).select_related("assessment"), pk=pk)


@login_required
def evidence_file(request, pk):
    evidence = _evidence_for(request, pk)
    if not evidence.file:
        raise not_found()
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.file.name.rsplit("/", 1)[-1])


@login_required
@require_POST
def evidence_remove(request, pk):
    evidence = _evidence_for(request, pk)
    if not access.can_edit_assessment(request.scope, evidence.assessment):
        raise not_found()
    services.remove_evidence(evidence=evidence, actor=request.user)
    messages.success(request, _("Evidence removed."))
    return redirect("assessment:assessment-detail", evidence.assessment_id)


@login_required
def assessment_benchmark(request, pk):
    assessment = access.assessment_for(request.scope, pk)
    rows = services.benchmark(assessment)
    return TemplateResponse(request, "assessment/benchmark.html", {
        "assessment": assessment, "rows": rows, "rules": services.rules_for(assessment.partnership),
        "has_published": any(r.published for r in rows), "any_hidden": any(r.hidden for r in rows),
        "chart": {"labels": [r.criterion.text[:40] for r in rows],
                  "own": [float(r.own) if r.own is not None else None for r in rows],
                  "partnership": [float(r.partnership["mean"]) if r.partnership else None for r in rows],
                  "published": [float(r.published["mean"]) if r.published else None for r in rows]},
    })


@login_required
def action_edit(request, pk):
    action = access.action_for(request.scope, pk)
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.update_action(action=action, actor=request.user, text=data["text"], owner=data["owner"],
                                                      due_on=data["due_on"], review_on=data["review_on"], status=data["status"])):
            messages.success(request, _("Action saved."))
            return redirect("assessment:assessment-detail", action.assessment_id)
    return _form_page(request, form, title=_("Action"), caption=action.criterion.text, button=_("Save"),
                      back=("assessment:assessment-detail", action.assessment_id), back_label=action.assessment.title)


# --- Surveys --------------------------------------------------------------------------------------------


@login_required
def survey_list(request):
    scope = request.scope
    surveys = access.surveys_visible_to(scope).select_related("partnership")
    waves = access.waves_to_answer(scope).select_related("survey").order_by("-opens_on")
    today = timezone.localdate()
    answered = set(waves.filter(invitations__person_id=scope.person_id, invitations__answered=True).values_list("pk", flat=True))
    to_answer = [(w, w.pk in answered) for w in waves if w.is_open(today)]
    return TemplateResponse(request, "assessment/survey_list.html", {
        "surveys": Paginator(surveys, 25).get_page(request.GET.get("page")), "to_answer": to_answer,
        "coordinated": access.coordinated_partnerships(scope).order_by("name")})


@login_required
def survey_create(request, slug):
    partnership = access.coordinated_partnership_for(request.scope, slug)
    councils = Council.objects.filter(pk__in=Membership.objects.current().filter(partnership=partnership).values("council_id")).order_by("name")
    form = SurveyForm(request.POST or None, councils=councils, groups=Group.objects.filter(partnership=partnership).order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        survey = _call(form, lambda: services.create_survey(
            partnership=partnership, actor=request.user, title=data["title"], kind=data["kind"], audience=data["audience"],
            introduction=data["introduction"], service=data["service"], councils=list(data["councils"]), groups=list(data["groups"]),
            roles=data["roles"]))
        if survey:
            messages.success(request, _("Survey set up. Now add its questions."))
            return redirect("assessment:survey-detail", survey.pk)
    return _form_page(request, form, title=_("Set up a survey"), caption=partnership.name, button=_("Set up the survey"),
                      back=("assessment:survey-list",), back_label=_("Surveys"))


@login_required
def survey_detail(request, pk):
    survey = access.survey_for(request.scope, pk)
    rules = services.rules_for(survey.partnership)
    today = timezone.localdate()
    waves = [(w, services.respondents_shown(w, rules.min_group, today), w.is_open(today)) for w in survey.waves.all()]
    return TemplateResponse(request, "assessment/survey_detail.html", {
        "survey": survey, "questions": survey.questions.all(), "waves": waves, "rules": rules,
        "can_manage": access.can_manage_survey(request.scope, survey),
        "client_link": request.build_absolute_uri(f"/surveys/s/{survey.token}/") if survey.audience == "clients" else "",
    })


@login_required
def question_add(request, pk):
    survey = access.managed_survey_for(request.scope, pk)
    form = QuestionForm(request.POST or None)
    form.fields["from_bank"].queryset = BankQuestion.objects.all()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.add_question(survey=survey, actor=request.user, text=data["text"], kind=data["kind"],
                                                     choices=data["choices"], required=data["required"], from_bank=data["from_bank"])):
            messages.success(request, _("Question added."))
            return redirect("assessment:survey-detail", survey.pk)
    return _form_page(request, form, title=_("Add a question"), caption=survey.title, button=_("Add the question"),
                      back=("assessment:survey-detail", survey.pk), back_label=survey.title)


@login_required
def wave_open(request, pk):
    survey = access.managed_survey_for(request.scope, pk)
    today = timezone.localdate()
    form = WaveForm(request.POST or None, initial={"opens_on": today, "closes_on": today + datetime.timedelta(days=14)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.open_wave(survey=survey, actor=request.user, opens_on=data["opens_on"], closes_on=data["closes_on"])):
            messages.success(request, _("The survey is sent."))
            return redirect("assessment:survey-detail", survey.pk)
    return _form_page(request, form, title=_("Send a wave of the survey"), caption=survey.title, button=_("Send"),
                      back=("assessment:survey-detail", survey.pk), back_label=survey.title,
                      intro=_("Everyone in the chosen councils, groups and roles is emailed a link. The questions cannot change once sent."))


@login_required
@require_POST
def wave_close(request, pk):
    wave = access.managed_wave_for(request.scope, pk)
    services.close_wave(wave=wave, actor=request.user)
    messages.success(request, _("Wave %(n)s is closed; its results are ready.") % {"n": wave.number})
    return redirect("assessment:survey-detail", wave.survey_id)


@login_required
@require_POST
def wave_remind(request, pk):
    wave = access.managed_wave_for(request.scope, pk)
    try:
        count = services.remind(wave=wave, actor=request.user)
        messages.success(request, _("Reminders sent to the %(n)s people who have not answered.") % {"n": count})
    except Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("assessment:survey-detail", wave.survey_id)


@login_required
def survey_results(request, pk):
    survey = access.survey_for(request.scope, pk)
    form = ResultsForm(request.GET or None)
    by = form.cleaned_data["by"] if form.is_bound and form.is_valid() else "council"
    results = services.results(survey, by=by)
    return TemplateResponse(request, "assessment/results.html", {
        "survey": survey, "form": form, "by": by, "by_label": dict(form.fields["by"].choices)[by], "results": results,
        "trend": results["trend"]})


def _answer_page(request, survey, form, *, done=False, closed=False, action_url=""):
    return TemplateResponse(request, "assessment/answer.html", {"survey": survey, "form": form, "done": done, "closed": closed,
                                                                "action_url": action_url})


@login_required
def answer(request, pk):
    wave = access.wave_to_answer_for(request.scope, pk)
    survey = wave.survey
    if wave.invitations.filter(person_id=request.scope.person_id, answered=True).exists():
        return _answer_page(request, survey, None, done=True)
    if not wave.is_open(timezone.localdate()):
        return _answer_page(request, survey, None, closed=True)
    form = AnswerForm(request.POST or None, questions=survey.questions.all())
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.answer(wave=wave, person=request.user, answers=form.answers()) or True):
            messages.success(request, _("Thank you: your answers are saved, anonymously."))
            return redirect("assessment:answer", wave.pk)
    return _answer_page(request, survey, form)


def client_answer(request, token):
    survey = access.client_survey_for(token)
    if request.session.get(f"answered-survey-{survey.pk}"):
        return _answer_page(request, survey, None, done=True)
    if services.open_wave_of(survey) is None:
        return _answer_page(request, survey, None, closed=True)
    form = AnswerForm(request.POST or None, questions=survey.questions.all())
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.answer_as_client(survey=survey, answers=form.answers())):
            request.session[f"answered-survey-{survey.pk}"] = True  # no more than once from this browser
            return redirect("assessment:client-answer", survey.token)
    return _answer_page(request, survey, form)
