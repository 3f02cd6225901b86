from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from partnering.access import mapping as mapping_access
from partnering.access import overlap as access
from partnering.core import changes
from partnering.core.dates import today
from partnering.core.downloads import download_response
from partnering.organisations import services as organisation_services
from partnering.organisations.selectors import current_member_councils
from partnering.reference.labels import DELIVERY_METHOD_LABELS
from partnering.reference.spreadsheets import xlsx_bytes
from partnering.reference.years import current_financial_year, financial_year_label

from . import savings, services
from .forms import AnswerForm, AssumptionsForm, LearningForm, MergeForm, ReportFilterForm, SplitForm
from .models import AnalysisRun, OverlapGroup, Question

FLAG_LABELS = {
    savings.PROCUREMENT: gettext_lazy("Same accredited course bought from several suppliers: a shared procurement framework candidate"),
    savings.CO_DELIVERY: gettext_lazy("Each council delivers it in-house: a co-delivery (shared trainers) candidate"),
    savings.SHARED_LICENCE: gettext_lazy("E-learning bought separately: a shared licence candidate"),
}


def _partnership(request, slug):
    return mapping_access.overseen_partnership_for(request.scope, slug)


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or request.POST.get("year") or current_financial_year())
    except ValueError:
        raise Http404(_("Page not found")) from None


# The report shows each group's first lines (the group's own page shows them all), so a page of groups reads and
# renders a bounded number of lines however many councils and lines a group gathers.
REPORT_LINES_PER_GROUP = 10


def _with_members(groups, partnership):
    """Groups with, as `shown_lines`, the first lines anyone may see in them (lines still shared with the
    partnership): one more than the report shows, so it can say there are more."""
    shown = access.lines_shown_in_groups(partnership).select_related("provision__council")[: REPORT_LINES_PER_GROUP + 1]
    return groups.select_related("topic").prefetch_related(Prefetch("members", queryset=shown, to_attr="shown_lines"))


def _with_council(groups, partnership) -> list[OverlapGroup]:
    """One-council groups with `council_name`: one read of the councils of this page's groups, not of their lines."""
    groups = list(groups)
    councils = dict(access.lines_shown_in_groups(partnership).filter(group__in=groups).order_by()
                    .values_list("group_id", "provision__council__short_name"))
    for group in groups:
        group.council_name = councils.get(group.pk)
    return groups


def _filtered_groups(request, partnership, year):
    """The year's groups the viewer may see, narrowed by the report's filter (title or provider, topic)."""
    groups = access.groups_visible_to(request.scope).filter(partnership=partnership, year=year)
    form = ReportFilterForm(request.GET or None)
    if form.is_valid():
        if form.cleaned_data.get("topic"):
            groups = groups.filter(topic=form.cleaned_data["topic"])
        if form.cleaned_data.get("q"):
            text = form.cleaned_data["q"]
            found = access.lines_shown_in_groups(partnership).filter(
                Q(provision__title__icontains=text) | Q(provision__provider_name__icontains=text))
            groups = groups.filter(pk__in=found.values("group_id"))
    return form, groups


def _one_council(groups, partnership):
    """Groups of one council's lines, leaving out any whose lines are no longer shared with the partnership."""
    shown = access.lines_shown_in_groups(partnership).filter(group=OuterRef("pk"))
    return groups.filter(council_count=1).filter(Exists(shown))


def _report_figures(partnership, year, groups, form, page_number) -> tuple[dict, str]:
    """The report's groups and counts, the same for everyone who may read it: kept until the figures change.
    Returns them and the key they are kept under (the page keeps its drawn groups under it too)."""
    def compute():
        shared = _with_members(groups.filter(council_count__gte=2), partnership).order_by("-council_count", "-spend_pence", "title")
        page = Paginator(shared, 10).get_page(page_number)
        return {
            "groups": list(page.object_list), "count": page.paginator.count, "number": page.number,
            "one_council_count": _one_council(groups, partnership).count(),
            "members": current_member_councils(partnership).count(),
            "sharing": services.shared_lines(partnership, year).values("council").distinct().count(),
        }
    chosen = form.cleaned_data if form.is_valid() else {}
    topic = chosen.get("topic")
    parts = ("overlap report", partnership.pk, year, chosen.get("q") or "", topic.pk if topic else None, page_number, today())
    figures_key = changes.key(changes.FIGURES, parts)
    return changes.kept(figures_key, compute), figures_key


@login_required
def report(request, slug):
    partnership = _partnership(request, slug)
    year = _year(request)
    form, groups = _filtered_groups(request, partnership, year)
    figures, figures_key = _report_figures(partnership, year, groups, form, request.GET.get("page"))
    # A page of the counted groups, without reading them again.
    page = Paginator(range(figures["count"]), 10).get_page(figures["number"])
    page.object_list = figures["groups"]
    run = AnalysisRun.objects.filter(partnership=partnership, year=year).first()
    can_decide = access.can_decide_overlap(request.scope, partnership)
    return TemplateResponse(request, "overlap/report.html", {
        "partnership": partnership, "year": year, "year_label": financial_year_label(year), "form": form, "page": page,
        "figures_key": figures_key, "lines_per_group": REPORT_LINES_PER_GROUP, "one_council_count": figures["one_council_count"],
        "run": run, "can_decide": can_decide,
        "not_sharing": figures["members"] - figures["sharing"], "methods": DELIVERY_METHOD_LABELS,
        "open_questions": _open_questions(request, partnership, year).count() if can_decide else None,
        "learning_form": LearningForm(initial={"learn_from_decisions": partnership.learn_from_decisions}) if can_decide else None,
    })


@login_required
def one_council(request, slug):
    """The groups only one council provides, a page at a time (the report says how many there are)."""
    partnership = _partnership(request, slug)
    year = _year(request)
    form, groups = _filtered_groups(request, partnership, year)
    page = Paginator(_one_council(groups, partnership).order_by("title", "pk"), 50).get_page(request.GET.get("page"))
    page.object_list = _with_council(page.object_list, partnership)
    return TemplateResponse(request, "overlap/one_council.html", {
        "partnership": partnership, "year": year, "year_label": financial_year_label(year), "form": form, "page": page,
    })


@login_required
def run_status(request, pk):
    run = access.run_for(request.scope, pk)
    return TemplateResponse(request, "overlap/_run_status.html", {"run": run})


@login_required
@require_POST
def run(request, slug):
    partnership = _partnership(request, slug)
    year = _year(request)
    try:
        analysis = services.request_analysis(partnership=partnership, year=year, actor=request.user)
    except PermissionDenied:
        raise Http404(_("Page not found")) from None
    analysis.refresh_from_db()
    if analysis.status == AnalysisRun.Status.DONE:
        messages.success(request, _("Analysis finished: %(count)d groups from %(lines)d lines.") % {"count": analysis.group_count, "lines": analysis.line_count})
    elif analysis.status == AnalysisRun.Status.UNCHANGED:
        messages.success(request, analysis.message)
    return redirect(f"{request.path.rsplit('run/', 1)[0]}?year={year}")


def _group(request, pk) -> OverlapGroup:
    return access.group_for(request.scope, pk)


@login_required
def group_detail(request, pk):
    group = _group(request, pk)
    members = list(group.members.all())
    others = OverlapGroup.objects.filter(partnership=group.partnership, year=group.year).exclude(pk=group.pk).order_by("title")
    keys = {member.line_key for member in members}
    # The partnership's own decisions about any of these lines: they joined lines into the group or kept others out.
    answers = (access.decisions_visible_to(request.scope).filter(partnership=group.partnership)
               .filter(Q(key_a__in=keys) | Q(key_b__in=keys)).select_related("decided_by"))
    return TemplateResponse(request, "overlap/group_detail.html", {
        "group": group, "members": members, "can_decide": access.can_decide_overlap(request.scope, group.partnership),
        "split_form": SplitForm(members=members), "merge_form": MergeForm(groups=others), "methods": DELIVERY_METHOD_LABELS,
        "flags": [FLAG_LABELS[f] for f in group.flags], "answers": answers,
    })


def _after_decision(request, group, message):
    services.request_analysis(partnership=group.partnership, year=group.year, actor=request.user)
    messages.success(request, message)
    return redirect(f"/overlap/partnerships/{group.partnership.slug}/?year={group.year}")


@login_required
@require_POST
def group_decide(request, pk, action):
    group = _group(request, pk)
    if not access.can_decide_overlap(request.scope, group.partnership):
        raise Http404(_("Page not found"))
    members = list(group.members.all())  # the lines shown (still shared), fetched with the group
    if action == "confirm":
        services.group_confirm(group=group, actor=request.user)
        return _after_decision(request, group, _("Confirmed: %(title)s is now one of the partnership's equivalences.") % {"title": group.title})
    if action == "reject":
        services.group_reject(group=group, actor=request.user)
        return _after_decision(request, group, _("Rejected: these lines will not be grouped again."))
    if action == "split":
        form = SplitForm(request.POST, members=members)
        if form.is_valid():
            try:
                services.group_split(group=group, actor=request.user, line_ids=[int(i) for i in form.cleaned_data["lines"]])
            except ValueError as error:
                messages.error(request, str(error))
                return redirect(group)
            return _after_decision(request, group, _("Split: the chosen lines now form their own group."))
    if action == "merge":
        others = OverlapGroup.objects.filter(partnership=group.partnership, year=group.year).exclude(pk=group.pk)
        form = MergeForm(request.POST, groups=others)
        if form.is_valid():
            services.group_merge(group=group, other=form.cleaned_data["other"], actor=request.user)
            return _after_decision(request, group, _("Merged the two groups."))
    messages.error(request, _("Choose what to split off or merge with, then try again."))
    return redirect(group)


@login_required
def opportunities(request, slug):
    partnership = _partnership(request, slug)
    year = _year(request)
    form = AssumptionsForm(request.GET or None, initial={"cohort_size": 12})
    cohort_size = form.cleaned_data["cohort_size"] if form.is_valid() and form.cleaned_data.get("cohort_size") else 12
    assumptions = savings.Assumptions(cohort_size=cohort_size)
    groups = access.groups_visible_to(request.scope).filter(partnership=partnership, year=year, council_count__gte=2)
    # One join over a subquery rather than a prefetch by id: a large partnership has thousands of lines.
    lines_by_group = defaultdict(list)
    for member in access.lines_shown_in_groups(partnership).filter(group__in=groups).select_related("provision__council"):
        lines_by_group[member.group_id].append(member.provision)
    rows = [(group, savings.opportunity(services.savings_lines(lines_by_group[group.pk]), assumptions))
            for group in groups.select_related("topic")]
    rows.sort(key=lambda row: (-row[1].saving_pence, row[0].title))
    if request.GET.get("download"):
        headers = [_("Group"), _("Topic"), _("Councils"), _("Learners"), _("Spend today (£)"), _("Cohorts needed"),
                   _("Median external cost per cohort (£)"), _("Joint cost (£)"), _("Estimated saving (£)"), _("Suppliers"), _("Flags")]
        data = [[g.title, str(g.topic or ""), o.councils, o.learners, o.spend_today_pence / 100, o.cohorts_needed,
                 None if o.cost_per_cohort_pence is None else o.cost_per_cohort_pence / 100,
                 None if o.joint_cost_pence is None else o.joint_cost_pence / 100, o.saving_pence / 100,
                 ", ".join(o.suppliers), "; ".join(str(FLAG_LABELS[f]) for f in o.flags)] for g, o in rows]
        return download_response(xlsx_bytes([(_("Opportunities"), headers, data)]), f"{partnership.slug}-opportunities-{year}.xlsx",
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    page = Paginator(rows, 25).get_page(request.GET.get("page"))
    return TemplateResponse(request, "overlap/opportunities.html", {
        "partnership": partnership, "year": year, "year_label": financial_year_label(year), "form": form, "page": page,
        "cohort_size": cohort_size, "flag_labels": FLAG_LABELS, "total_saving": sum(o.saving_pence for _g, o in rows),
        "can_decide": access.can_decide_overlap(request.scope, partnership),
    })


@login_required
def decisions(request, slug):
    partnership = _partnership(request, slug)
    page = Paginator(access.decisions_visible_to(request.scope).filter(partnership=partnership).select_related("decided_by"), 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "overlap/decisions.html", {"partnership": partnership, "page": page,
                                                                "equivalences": partnership.equivalences.select_related("confirmed_by"),
                                                                "can_decide": access.can_decide_overlap(request.scope, partnership)})


# --- Questions, undo and learning ------------------------------------------------------------------


def _open_questions(request, partnership, year):
    return access.questions_visible_to(request.scope).filter(partnership=partnership, year=year, status=Question.Status.OPEN)


def _coordinated_partnership(request, slug):
    partnership = _partnership(request, slug)
    if not access.can_decide_overlap(request.scope, partnership):
        raise Http404(_("Page not found"))
    return partnership


def _questions_url(partnership, year) -> str:
    return f"{reverse('overlap:questions', args=[partnership.slug])}?year={year}"


def _question_page(request, partnership, year, *, question=None, form=None):
    remaining = _open_questions(request, partnership, year).select_related(
        "provision_a__council", "provision_a__topic", "provision_b__council", "provision_b__topic")
    question = question or remaining.first()
    form = form or AnswerForm()
    rows = []
    if question:
        a, b = question.provision_a, question.provision_b

        def topic(line):
            return str(line.topic) if line.topic else line.topic_as_written

        def duration(line):
            return _("%(hours)s hours") % {"hours": f"{line.duration_hours.normalize():f}"} if line.duration_hours is not None else ""

        rows = [(label, value(a) or "–", value(b) or "–") for label, value in (
            (_("Title"), lambda line: line.title), (_("Topic"), topic),
            (_("Method"), lambda line: line.get_delivery_method_display()), (_("Provider"), lambda line: line.provider_name),
            (_("Accreditation"), lambda line: line.accreditation), (_("Level"), lambda line: line.level), (_("Duration"), duration),
        )]
    return TemplateResponse(request, "overlap/questions.html", {
        "partnership": partnership, "year": year, "year_label": financial_year_label(year), "question": question, "form": form,
        "rows": rows, "remaining": remaining.count(), "run": AnalysisRun.objects.filter(partnership=partnership, year=year).first(),
    })


@login_required
def questions(request, slug):
    """One question at a time: is this line the same course as that one?"""
    partnership = _coordinated_partnership(request, slug)
    return _question_page(request, partnership, _year(request))


@login_required
@require_POST
def question_answer(request, pk):
    question = access.question_for(request.scope, pk)
    partnership, year = question.partnership, question.year
    if question.status != Question.Status.OPEN:
        messages.info(request, _("That question has already been answered."))
        return redirect(_questions_url(partnership, year))
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _question_page(request, partnership, year, question=question, form=form)
    answer = form.cleaned_data["answer"]
    try:
        services.question_answer(question=question, answer=answer, actor=request.user)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(_questions_url(partnership, year))
    # The groups and the next questions follow from the answer; with a worker this page does not wait for them.
    services.request_analysis(partnership=partnership, year=year, actor=request.user)
    names = {"a": f"{question.provision_a.title} ({question.provision_a.council.short_name})",
             "b": f"{question.provision_b.title} ({question.provision_b.council.short_name})"}
    messages.success(request, {
        services.YES: _("Recorded: %(a)s and %(b)s are the same course.") % names,
        services.NO: _("Recorded: %(a)s and %(b)s are different courses.") % names,
        services.NOT_SURE: _("We will not ask about %(a)s and %(b)s again.") % names,
    }[answer])
    return redirect(_questions_url(partnership, year))


@login_required
@require_POST
def decision_undo(request, pk):
    decision = access.decision_for_undoing(request.scope, pk)
    partnership = decision.partnership
    services.decision_undo(decision=decision, actor=request.user)
    last = AnalysisRun.objects.filter(partnership=partnership).first()
    if last:
        services.request_analysis(partnership=partnership, year=last.year, actor=request.user)
    messages.success(request, _("Undone: %(a)s and %(b)s are left to the matcher again.") % {"a": decision.label_a, "b": decision.label_b})
    return redirect("overlap:decisions", slug=partnership.slug)


@login_required
@require_POST
def learning(request, slug):
    partnership = _coordinated_partnership(request, slug)
    form = LearningForm(request.POST)
    learn = form.is_valid() and form.cleaned_data["learn_from_decisions"]
    organisation_services.partnership_set_learning(partnership=partnership, learn=learn, actor=request.user)
    if learn:
        messages.success(request, _("Partnering will learn from your overlap decisions for every partnership."))
    else:
        messages.success(request, _("Your overlap decisions will improve your own analysis only."))
    return redirect(f"{reverse('overlap:report', args=[partnership.slug])}?year={_year(request)}")
