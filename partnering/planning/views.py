from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from partnering.learning.models import Course, Session
from partnering.overlap.models import can_decide
from partnering.people.models import Employment

from . import services
from .forms import PlanForm
from .models import VenuePlan
from .optimiser import PlanningProblem

PLAN_LABELS = {
    "optimal": gettext_lazy("Best venues for everyone"),
    "central": gettext_lazy("One central venue"),
    "rotation": gettext_lazy("Rotate round the partner councils"),
    "trainer_travels": gettext_lazy("Trainer travels to each council"),
    "online": gettext_lazy("Online"),
}


def _course_and_session(request, pk) -> tuple[Course, Session | None]:
    course = get_object_or_404(Course.objects.visible_to(request.user).select_related("partnership"), pk=pk)
    if not can_decide(request.user, course.partnership):
        raise Http404(_("Page not found"))
    session_id = request.GET.get("session") or request.POST.get("session")
    session = None
    if session_id:
        session = get_object_or_404(Session.objects.visible_to(request.user).filter(course=course), pk=session_id if str(session_id).isdigit() else 0)
    return course, session


def _plan(request, form, course, session):
    """The plans for the form's choices, or None with the reason added to the form."""
    data = form.cleaned_data
    people = services.audience(course, data["audience"], session=session, roles=data["roles"])
    venues = services.candidate_venues(course, request.user)
    if not people.learners:
        form.add_error(None, _("There is nobody to plan for: nobody has booked or said they would come, or nobody has a work place "
                               "recorded. Choose other people to plan for."))
        return None
    if not venues:
        form.add_error(None, _("No venue at the partnership's councils has a location recorded and is shared with the partnership."))
        return None
    if data["capacity"]:
        limits = sorted((venue.capacity or len(people.learners) for venue in venues), reverse=True)
        if sum(limits[: data["k"]]) < len(people.learners):
            form.add_error("capacity", _("%(k)s venue(s) cannot hold %(count)s people: choose more venues, or plan without capacities.")
                           % {"k": data["k"], "count": len(people.learners)})
            return None
    trainer_from = data["trainer_from"]
    try:
        return services.plan(course, venues, people, form.settings(), trainer_from=trainer_from)
    except PlanningProblem:
        form.add_error(None, _("No plan could be made with these choices. Try more venues, or plan without capacities."))
        return None


@login_required
def plan_venues(request, pk):
    course, session = _course_and_session(request, pk)
    trainer = Employment.objects.filter(sessions_trained__course=course).select_related("council").order_by("pk").first()
    form = PlanForm(request.GET if "k" in request.GET else None, course=course, session=session,
                    initial={"trainer_from": trainer.council if trainer else None})
    result = _plan(request, form, course, session) if form.is_bound and form.is_valid() else None
    context = {"course": course, "session": session, "form": form, "result": result,
               "history": VenuePlan.objects.visible_to(request.user).filter(course=course).prefetch_related("sessions__venue")[:10]}
    if result is not None:
        context["map"] = services.map_shapes(result)
        context["venue_rows"] = _venue_rows(result)
        context["form_values"] = [(name, request.GET.getlist(name)) for name in form.fields if name in request.GET]
        context["plan_rows"] = [{"plan": plan, "label": PLAN_LABELS[plan.key], "applicable": plan.key in services.APPLICABLE_PLANS}
                                for plan in result.comparison.plans]
    return TemplateResponse(request, "planning/plan.html", context)


def _venue_rows(result):
    """For the best-venues plan: each chosen venue and how many people would go there."""
    optimal = result.comparison.plan("optimal")
    going = Counter(optimal.assignments.values())
    rows = [{"venue": result.by_id[venue_id], "people": going[venue_id]} for venue_id in optimal.venues]
    return {"rows": rows, "gap": optimal.solution.gap, "status": optimal.solution.status}


def _back_to_planning(course, session):
    url = reverse("planning:plan", args=[course.pk])
    return redirect(f"{url}?session={session.pk}" if session else url)


@login_required
@require_POST
def apply_plan(request, pk):
    course, session = _course_and_session(request, pk)
    form = PlanForm(request.POST, course=course, session=session)
    plan_key = request.POST.get("plan")
    if plan_key not in services.APPLICABLE_PLANS or not form.is_valid():
        messages.error(request, _("The plan could not be turned into sessions: choose again and try once more."))
        return _back_to_planning(course, session)
    result = _plan(request, form, course, session)
    if result is None:
        messages.error(request, " ".join(str(error) for error in form.non_field_errors()) or _("No plan could be made with these choices."))
        return _back_to_planning(course, session)
    record = services.apply_plan(result=result, plan_key=plan_key, course=course, source=session, actor=request.user,
                                 parameters=form.parameters())
    messages.success(request, _("%(count)s provisional sessions added at the chosen venues. Give each a date when the room is booked.")
                     % {"count": record.sessions.count()})
    return redirect("planning:plan-detail", record.pk)


@login_required
def plan_detail(request, pk):
    record = get_object_or_404(VenuePlan.objects.visible_to(request.user).select_related("course", "source_session", "created_by"), pk=pk)
    return TemplateResponse(request, "planning/plan_detail.html", {
        "record": record, "sessions": record.sessions.select_related("venue__council").order_by("venue__name"),
        "undo_blocker": services.undo_blocker(record)})


@login_required
@require_POST
def undo_plan(request, pk):
    record = get_object_or_404(VenuePlan.objects.visible_to(request.user), pk=pk)
    try:
        services.undo_plan(record=record, actor=request.user)
    except services.CannotUndo as reason:
        messages.error(request, str(reason))
    else:
        messages.success(request, _("The plan's sessions have been taken away and everyone's interest is back on the session it was "
                                    "planned from."))
    return redirect("planning:plan-detail", record.pk)
