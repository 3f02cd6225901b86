from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from partnering.access import learning as learning_access
from partnering.access import planning as access
from partnering.access.scope import get_or_404, not_found
from partnering.learning.models import Course, Session
from partnering.people.models import Employment

from . import services
from .forms import PlanForm

PLAN_LABELS = {
    "optimal": gettext_lazy("Best venues for everyone"),
    "central": gettext_lazy("One central venue"),
    "rotation": gettext_lazy("Rotate round the partner councils"),
    "trainer_travels": gettext_lazy("Trainer travels to each council"),
    "online": gettext_lazy("Online"),
}


def _course_and_session(request, pk) -> tuple[Course, Session | None]:
    course = learning_access.course_for(request.scope, pk)
    if not access.can_plan_venues(request.scope, course):
        raise not_found()
    session_id = request.GET.get("session") or request.POST.get("session")
    session = get_or_404(learning_access.sessions_visible_to(request.scope).filter(course=course), pk=session_id) if session_id else None
    return course, session


def _plan(request, form, course, session):
    """The plans for the form's choices, or None with the reason added to the form."""
    data = form.cleaned_data
    try:
        return services.plan_choices(course, request.scope, who=data["audience"], session=session, roles=data["roles"],
                                     settings=form.settings(), capacity=data["capacity"], k=data["k"],
                                     trainer_from=data["trainer_from"])
    except services.CannotPlan as refusal:
        form.add_error(refusal.field, str(refusal))
        return None


@login_required
def plan_venues(request, pk):
    course, session = _course_and_session(request, pk)
    trainer = Employment.objects.filter(sessions_trained__course=course).select_related("council").order_by("pk").first()
    form = PlanForm(request.GET if "k" in request.GET else None, course=course, session=session,
                    initial={"trainer_from": trainer.council if trainer else None})
    result = _plan(request, form, course, session) if form.is_bound and form.is_valid() else None
    context = {"course": course, "session": session, "form": form, "result": result,
               "history": access.plans_visible_to(request.scope).filter(course=course).prefetch_related("sessions__venue")[:10]}
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
    record = access.plan_for(request.scope, pk)
    return TemplateResponse(request, "planning/plan_detail.html", {
        "record": record, "sessions": record.sessions.select_related("venue__council").order_by("venue__name"),
        "undo_blocker": services.undo_blocker(record)})


@login_required
@require_POST
def undo_plan(request, pk):
    record = access.plan_for(request.scope, pk)
    try:
        services.undo_plan(record=record, actor=request.user)
    except services.CannotUndo as reason:
        messages.error(request, str(reason))
    else:
        messages.success(request, _("The plan's sessions have been taken away and everyone's interest is back on the session it was "
                                    "planned from."))
    return redirect("planning:plan-detail", record.pk)
