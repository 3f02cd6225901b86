"""Pages for bodies that meet, their meetings, agendas and papers, minutes, decisions and actions."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import meetings as access
from partnering.access.organisations import venues_for_partnership
from partnering.access.scope import not_found
from partnering.core.dates import today
from partnering.core.downloads import download_response, file_download_response
from partnering.organisations.models import Council
from partnering.organisations.selectors import current_member_councils
from partnering.reference.spreadsheets import csv_bytes, xlsx_bytes

from . import notifications, services
from .forms import (
    ActionForm,
    ActionUpdateForm,
    BodyForm,
    DecisionForm,
    HostsForm,
    ItemForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    PaperForm,
    PlanForm,
)
from .models import Action, Body, Decision, Meeting
from .selectors import open_actions_for
from .services import Refused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PER_PAGE = 25


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
    return TemplateResponse(request, "meetings/form.html", {
        "form": form, "title": title, "caption": caption, "button": button, "back": back, "back_label": back_label,
        "intro": intro, "multipart": multipart})


def _people(body: Body):
    """Who can own an item or an action: the body's members and the partnership's coordinators."""
    from partnering.core.dates import current_on
    from partnering.people.models import PartnershipRole, Person

    coordinators = PartnershipRole.objects.filter(current_on(today(), "start_on", "end_on"), partnership=body.partnership,
                                                  role=PartnershipRole.Role.COORDINATOR).values("person_id")
    return Person.objects.filter(Q(body_memberships__body=body) | Q(pk__in=coordinators), is_active=True).distinct().order_by("full_name")


def _member_councils(body: Body):
    return current_member_councils(body.partnership).order_by("name")


# --- Bodies ---------------------------------------------------------------------------------------


@login_required
def index(request):
    bodies = access.bodies_visible_to(request.scope).select_related("partnership").order_by("partnership__name", "name")
    mine = open_actions_for(request.user)
    return TemplateResponse(request, "meetings/index.html", {
        "bodies": bodies, "my_actions": mine, "today": today(), "can_create": access.can_create_body(request.scope)})


@login_required
def body_create(request):
    partnerships = access.partnerships_for_new_bodies(request.scope).order_by("name")
    if not partnerships.exists():
        raise not_found()
    chosen = partnerships.filter(pk=request.POST.get("partnership") or request.GET.get("partnership")).first() or partnerships.first()
    form = BodyForm(request.POST or None, partnerships=partnerships, councils=_member_councils_of(chosen),
                    initial={"partnership": chosen, "kind": Body.Kind.BOARD, "councils": _member_councils_of(chosen)})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        body = _call(form, lambda: services.create_body(
            partnership=data["partnership"], actor=request.user, name=data["name"], slug=data["slug"], kind=data["kind"],
            description=data["description"], group=data["group"], host_councils=list(data["councils"])))
        if body is not None:
            messages.success(request, _("%(body)s set up. Add its members, then arrange its meetings.") % {"body": body.name})
            return redirect(body)
    return _form_page(request, form, title=_("Set up a body that meets"), caption=_("Meetings"), button=_("Set it up"),
                      back=reverse("meetings:index"), back_label=_("Meetings"))


def _member_councils_of(partnership):
    return current_member_councils(partnership).order_by("name") if partnership else Council.objects.none()


@login_required
def body(request, slug):
    body = access.body_for(request.scope, slug)
    meetings = body.meetings.select_related("host", "venue").order_by("starts_at")
    now = timezone.now()
    upcoming = [m for m in meetings if m.starts_at >= now and m.status == Meeting.Status.PLANNED]
    past = [m for m in meetings if m not in upcoming]
    past.reverse()
    can_manage = access.can_manage_body(request.scope, body)
    suggestion = services.suggest_hosts(body, 6, before=None) if body.host_councils.exists() else None
    return TemplateResponse(request, "meetings/body.html", {
        "body": body, "upcoming": upcoming, "past_page": Paginator(past, PER_PAGE).get_page(request.GET.get("page")),
        "members": body.members.select_related("person", "council"), "hosts": services.host_order(body),
        "suggestion": _named_plan(suggestion) if suggestion else None, "can_manage": can_manage,
        "open_actions": body.actions.filter(status__in=Action.OPEN_STATUSES).count(),
    })


def _named_plan(plan):
    councils = {c.slug: c for c in Council.objects.filter(slug__in=[h for h in plan.hosts if h])}
    return [{"host": councils.get(t.host), "skipped": [s for s in t.skipped], "owed": t.owed} for t in plan.turns]


@login_required
def hosts(request, slug):
    body = access.managed_body_for(request.scope, slug)
    form = HostsForm(request.POST or None, body=body, councils=_member_councils(body))
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.set_hosts(body=body, actor=request.user, hosts=form.hosts())) is None and not form.errors:
            messages.success(request, _("Hosting order saved."))
            return redirect(body)
    return _form_page(request, form, title=_("Hosting order"), caption=body.name, button=_("Save the order"), back=body.get_absolute_url(),
                      back_label=body.name,
                      intro=_("Meetings go round the councils in this order. A council that cannot host is skipped and hosts at the "
                              "next meeting it can, so every council hosts its share over the year."))


@login_required
def member_add(request, slug):
    body = access.managed_body_for(request.scope, slug)
    form = MemberForm(request.POST or None, councils=_member_councils(body))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = _call(form, lambda: services.add_member(body=body, actor=request.user, person=data["person"], council=data["council"],
                                                         role=data["role"]))
        if member is not None:
            messages.success(request, _("%(person)s added.") % {"person": member.person.full_name})
            return redirect(body)
    return _form_page(request, form, title=_("Add a member"), caption=body.name, button=_("Add the member"), back=body.get_absolute_url(),
                      back_label=body.name)


@login_required
@require_POST
def member_remove(request, slug, pk):
    body = access.managed_body_for(request.scope, slug)
    member = body.members.filter(pk=pk).select_related("person").first()
    if member is None:
        raise not_found()
    services.remove_member(member=member, actor=request.user)
    messages.success(request, _("%(person)s is no longer a member.") % {"person": member.person.full_name})
    return redirect(body)


# --- Meetings -------------------------------------------------------------------------------------


@login_required
def meeting_create(request, slug):
    body = access.managed_body_for(request.scope, slug)
    councils = Council.objects.filter(pk__in=body.host_councils.values("council_id")).order_by("name")
    suggestion = services.suggest_hosts(body, 1).turns[0] if body.host_councils.exists() else None
    suggested = councils.filter(slug=suggestion.host).first() if suggestion and suggestion.host else None
    form = MeetingForm(request.POST or None, hosts=councils, venues=venues_for_partnership(body.partnership),
                       initial={"host": suggested})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meeting = _call(form, lambda: services.arrange_meeting(
            body=body, actor=request.user, starts_at=data["starts_at"], duration_minutes=data["duration_minutes"], host=data["host"],
            venue=data["venue"], online_link=data["online_link"], title=data["title"]))
        if meeting is not None:
            messages.success(request, _("Meeting arranged. Open actions from earlier meetings are on its agenda."))
            return redirect(meeting)
    intro = ""
    if suggested:
        intro = _("The rotation suggests %(council)s hosts next.") % {"council": suggested.name}
        if suggestion.skipped:
            intro += " " + _("Passed over because they cannot host: %(councils)s.") % {
                "councils": ", ".join(c.name for c in councils.filter(slug__in=suggestion.skipped))}
    return _form_page(request, form, title=_("Arrange a meeting"), caption=body.name, button=_("Arrange the meeting"),
                      back=body.get_absolute_url(), back_label=body.name, intro=intro)


@login_required
def meeting_plan(request, slug):
    body = access.managed_body_for(request.scope, slug)
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meetings = _call(form, lambda: services.plan_meetings(
            body=body, actor=request.user, first=data["starts_at"], every=data["every"], count=data["count"],
            duration_minutes=data["duration_minutes"], online_link=data["online_link"]))
        if meetings is not None:
            messages.success(request, _("%(count)s meetings arranged, hosted in turn.") % {"count": len(meetings)})
            return redirect(body)
    return _form_page(request, form, title=_("Plan a series of meetings"), caption=body.name, button=_("Plan the meetings"),
                      back=body.get_absolute_url(), back_label=body.name,
                      intro=_("Hosts follow the hosting order, skipping councils that cannot host at present."))


@login_required
def meeting(request, pk):
    meeting = access.meeting_for(request.scope, pk)
    items = meeting.items.select_related("owner", "action__owner").prefetch_related("papers")
    decisions = meeting.decisions.select_related("item").prefetch_related("positions__council")
    actions = meeting.actions_raised.select_related("owner", "owner_council", "body")
    can_edit = access.can_edit_meeting(request.scope, meeting)
    return TemplateResponse(request, "meetings/meeting.html", {
        "meeting": meeting, "body": meeting.body, "items": items, "decisions": decisions, "actions": actions, "today": today(),
        "can_edit": can_edit, "can_manage": access.can_manage_body(request.scope, meeting.body),
        "updatable": {a.pk for a in actions if access.can_update_action(request.scope, a)},
        "next_meeting": services.next_meeting(meeting), "place": notifications.place(meeting),
        "total_minutes": sum(i.minutes_allowed for i in items),
    })


@login_required
def meeting_edit(request, pk):
    meeting = access.edited_meeting_for(request.scope, pk)
    body = meeting.body
    councils = Council.objects.filter(pk__in=body.host_councils.values("council_id")).order_by("name")
    can_manage = access.can_manage_body(request.scope, body)
    local = timezone.localtime(meeting.starts_at)
    form = MeetingForm(request.POST or None, hosts=councils, venues=venues_for_partnership(body.partnership), with_status=True,
                       host_locked=not can_manage, initial={
                           "title": meeting.title, "date": local.date(), "time": local.time(), "duration_minutes": meeting.duration_minutes,
                           "host": meeting.host, "venue": meeting.venue, "online_link": meeting.online_link, "status": meeting.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        changes = {"title": data["title"], "starts_at": data["starts_at"], "duration_minutes": data["duration_minutes"],
                   "venue": data["venue"], "online_link": data["online_link"], "status": data["status"]}
        if can_manage:
            changes["host"] = data["host"]
        if _call(form, lambda: services.change_meeting(meeting=meeting, actor=request.user, **changes)) is not None:
            messages.success(request, _("Meeting saved. Send the invitations again so calendars update."))
            return redirect(meeting)
    return _form_page(request, form, title=_("Change the meeting"), caption=str(meeting), button=_("Save"), back=meeting.get_absolute_url(),
                      back_label=str(meeting))


@login_required
@require_POST
def invite(request, pk):
    meeting = access.edited_meeting_for(request.scope, pk)
    try:
        count = services.send_invitations(meeting=meeting, actor=request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Invitations sent to %(count)s members.") % {"count": count})
    return redirect(meeting)


@login_required
def calendar(request, pk):
    meeting = access.meeting_for(request.scope, pk)
    return download_response(notifications.calendar(meeting, method="PUBLISH"), f"{meeting.body.slug}-{meeting.starts_at:%Y-%m-%d}.ics",
                             "text/calendar; charset=utf-8")


@login_required
@require_POST
def roll(request, pk):
    meeting = access.edited_meeting_for(request.scope, pk)
    added = services.carry_forward(meeting=meeting, actor=request.user)
    if added:
        messages.success(request, _("%(count)s open actions added to the agenda.") % {"count": len(added)})
    else:
        messages.success(request, _("Every open action is already on the agenda."))
    return redirect(meeting)


# --- Agenda and papers ----------------------------------------------------------------------------


@login_required
def item_add(request, pk):
    meeting = access.edited_meeting_for(request.scope, pk)
    form = ItemForm(request.POST or None, people=_people(meeting.body))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        item = _call(form, lambda: services.add_item(meeting=meeting, actor=request.user, title=data["title"], description=data["description"],
                                                     owner=data["owner"], minutes_allowed=data["minutes_allowed"], position=data["position"]))
        if item is not None:
            messages.success(request, _("Item added to the agenda."))
            return redirect(meeting)
    return _form_page(request, form, title=_("Add an agenda item"), caption=str(meeting), button=_("Add the item"),
                      back=meeting.get_absolute_url(), back_label=str(meeting))


@login_required
def item_edit(request, pk):
    item = access.edited_item_for(request.scope, pk)
    meeting = item.meeting
    form = ItemForm(request.POST or None, people=_people(meeting.body), initial={
        "title": item.title, "description": item.description, "owner": item.owner_id, "minutes_allowed": item.minutes_allowed,
        "position": item.position})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.change_item(item=item, actor=request.user, title=data["title"], description=data["description"],
                                                    owner=data["owner"], minutes_allowed=data["minutes_allowed"],
                                                    position=data["position"] or item.position)) is not None:
            messages.success(request, _("Item saved."))
            return redirect(meeting)
    return _form_page(request, form, title=_("Change an agenda item"), caption=str(meeting), button=_("Save"),
                      back=meeting.get_absolute_url(), back_label=str(meeting))


@login_required
@require_POST
def item_remove(request, pk):
    item = access.edited_item_for(request.scope, pk)
    services.remove_item(item=item, actor=request.user)
    messages.success(request, _("Item removed from the agenda."))
    return redirect(item.meeting)


@login_required
def paper_add(request, pk):
    item = access.edited_item_for(request.scope, pk)
    form = PaperForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        paper = _call(form, lambda: services.add_paper(item=item, actor=request.user, title=form.cleaned_data["title"],
                                                       upload=form.cleaned_data["file"]))
        if paper is not None:
            messages.success(request, _("Paper added."))
            return redirect(item.meeting)
    return _form_page(request, form, title=_("Add a paper"), caption=item.title, button=_("Upload the paper"),
                      back=item.meeting.get_absolute_url(), back_label=str(item.meeting), multipart=True)


@login_required
def paper(request, pk):
    paper = access.paper_for(request.scope, pk)
    try:
        handle = paper.file.open("rb")
    except (FileNotFoundError, OSError):
        raise not_found() from None
    return file_download_response(handle, paper.filename or PurePath(paper.file.name).name, "application/octet-stream")


@login_required
@require_POST
def paper_remove(request, pk):
    paper = access.edited_paper_for(request.scope, pk)
    meeting = paper.item.meeting
    services.remove_paper(paper=paper, actor=request.user)
    messages.success(request, _("Paper removed."))
    return redirect(meeting)


# --- Minutes, decisions, actions ------------------------------------------------------------------


@login_required
def minutes(request, pk):
    meeting = access.edited_meeting_for(request.scope, pk)
    items = list(meeting.items.all())
    form = MinutesForm(request.POST or None, items=items, initial={"minutes": meeting.minutes, "approved": meeting.minutes_approved})
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.write_minutes(meeting=meeting, actor=request.user, minutes=form.cleaned_data["minutes"],
                                                      item_notes=form.item_notes(), approved=form.cleaned_data["approved"])) is not None:
            messages.success(request, _("Minutes saved. Actions still open are on the next meeting's agenda."))
            return redirect(meeting)
    return _form_page(request, form, title=_("Write the minutes"), caption=str(meeting), button=_("Save the minutes"),
                      back=meeting.get_absolute_url(), back_label=str(meeting))


def _body_councils(body):
    return Council.objects.filter(pk__in=body.host_councils.values("council_id")).order_by("name")


@login_required
def decision_add(request, pk):
    meeting = access.edited_meeting_for(request.scope, pk)
    form = DecisionForm(request.POST or None, meeting=meeting, councils=_body_councils(meeting.body))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        decision = _call(form, lambda: services.record_decision(
            meeting=meeting, actor=request.user, proposal=data["proposal"], outcome=data["outcome"], changes=data["changes"],
            item=data["item"], positions=form.positions()))
        if decision is not None:
            messages.success(request, _("Decision recorded."))
            return redirect(meeting)
    return _form_page(request, form, title=_("Record a decision"), caption=str(meeting), button=_("Record the decision"),
                      back=meeting.get_absolute_url(), back_label=str(meeting),
                      intro=_("Record each council's position only where the body wants them on record."))


@login_required
@require_POST
def decision_remove(request, pk):
    decision = access.edited_decision_for(request.scope, pk)
    services.remove_decision(decision=decision, actor=request.user)
    messages.success(request, _("Decision removed."))
    return redirect(decision.meeting)


@login_required
def action_add(request, pk):
    meeting = access.edited_meeting_for(request.scope, pk)
    form = ActionForm(request.POST or None, people=_people(meeting.body))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        action = _call(form, lambda: services.record_action(meeting=meeting, actor=request.user, title=data["title"], owner=data["owner"],
                                                            due_on=data["due_on"]))
        if action is not None:
            messages.success(request, _("Action recorded. Until it is done it goes on each next meeting's agenda."))
            return redirect(meeting)
    return _form_page(request, form, title=_("Record an action"), caption=str(meeting), button=_("Record the action"),
                      back=meeting.get_absolute_url(), back_label=str(meeting))


@login_required
def action(request, pk):
    action = access.action_for(request.scope, pk)
    can_update = access.can_update_action(request.scope, action)
    form = None
    if can_update:
        form = ActionUpdateForm(request.POST or None, initial={"status": action.status, "update": action.update, "due_on": action.due_on})
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            if _call(form, lambda: services.update_action(action=action, actor=request.user, status=data["status"], update=data["update"],
                                                          due_on=data["due_on"])) is not None:
                messages.success(request, _("Action updated."))
                return redirect(action)
    elif request.method == "POST":
        raise not_found()
    readable_body = access.bodies_visible_to(request.scope).filter(pk=action.body_id).exists()
    return TemplateResponse(request, "meetings/action.html", {
        "action": action, "form": form, "can_update": can_update, "today": today(), "readable_body": readable_body,
        "agenda_items": action.agenda_items.filter(meeting__in=access.meetings_visible_to(request.scope)).select_related("meeting"),
    })


# --- Logs, pack and minutes -----------------------------------------------------------------------


def _decision_rows(body):
    decisions = (Decision.objects.filter(meeting__body=body).select_related("meeting", "item")
                 .prefetch_related("positions__council").order_by("-meeting__starts_at", "pk"))
    return decisions


@login_required
def decisions(request, slug, fmt=None):
    body = access.body_for(request.scope, slug)
    rows = _decision_rows(body)
    if fmt is None:
        return TemplateResponse(request, "meetings/decisions.html", {
            "body": body, "page": Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))})
    if fmt not in ("xlsx", "csv"):
        raise not_found()
    headers = [_("Meeting date"), _("Meeting"), _("Agenda item"), _("Proposal"), _("Outcome"), _("Changes or reasons"), _("Positions")]
    table = [[timezone.localtime(d.meeting.starts_at).date().isoformat(), str(d.meeting), d.item.title if d.item else "", d.proposal,
              d.get_outcome_display(), d.changes, "; ".join(f"{p.council.name}: {p.get_stance_display()}" for p in d.positions.all())]
             for d in rows]
    name = f"{body.name} {_('decision log')}"
    if fmt == "csv":
        return download_response(csv_bytes(headers, table), f"{name}.csv", "text/csv; charset=utf-8")
    return download_response(xlsx_bytes([(_("Decisions"), headers, table)]), f"{name}.xlsx", XLSX)


@login_required
def actions(request, slug, fmt=None):
    body = access.body_for(request.scope, slug)
    status = request.GET.get("status", "open")
    rows = body.actions.select_related("owner", "owner_council", "meeting").order_by("due_on", "pk")
    if status == "open":
        rows = rows.filter(status__in=Action.OPEN_STATUSES)
    elif status in Action.Status.values:
        rows = rows.filter(status=status)
    else:
        status = "all"
    if fmt is None:
        return TemplateResponse(request, "meetings/actions.html", {
            "body": body, "page": Paginator(rows, PER_PAGE).get_page(request.GET.get("page")), "status": status, "today": today(),
            "statuses": [("open", _("Still open")), *Action.Status.choices, ("all", _("All"))]})
    if fmt not in ("xlsx", "csv"):
        raise not_found()
    headers = [_("Action"), _("Owner"), _("Council"), _("Due"), _("Status"), _("Overdue"), _("Raised at"), _("Latest update"), _("Closed")]
    day = today()
    table = [[a.title, a.owner.full_name, a.owner_council.name if a.owner_council else "", a.due_on.isoformat(), a.get_status_display(),
              _("Yes") if a.is_open and a.due_on < day else "", str(a.meeting) if a.meeting else "", a.update,
              a.closed_on.isoformat() if a.closed_on else ""] for a in rows]
    name = f"{body.name} {_('action log')}"
    if fmt == "csv":
        return download_response(csv_bytes(headers, table), f"{name}.csv", "text/csv; charset=utf-8")
    return download_response(xlsx_bytes([(_("Actions"), headers, table)]), f"{name}.xlsx", XLSX)


def _pdf_context(meeting):
    return {
        "meeting": meeting, "body": meeting.body, "place": notifications.place(meeting), "when": notifications.when(meeting),
        "items": meeting.items.select_related("owner", "action__owner").prefetch_related("papers"),
        "decisions": meeting.decisions.select_related("item").prefetch_related("positions__council"),
        "actions": meeting.actions_raised.select_related("owner", "owner_council"),
    }


@login_required
def pack(request, pk):
    meeting = access.meeting_for(request.scope, pk)
    from partnering.core.pdf import render_pdf

    title = _("Meeting pack: %(meeting)s") % {"meeting": meeting}
    content = render_pdf("meetings/pack_pdf.html", _pdf_context(meeting), title)
    return download_response(content, f"{meeting.body.slug} {meeting.starts_at:%Y-%m-%d} {_('pack')}.pdf", "application/pdf")


@login_required
def minutes_pdf(request, pk):
    meeting = access.meeting_for(request.scope, pk)
    if meeting.status != Meeting.Status.HELD:
        messages.error(request, _("The minutes can be downloaded once the meeting has been held and they are written."))
        return redirect(meeting)
    from partnering.core.pdf import render_pdf

    title = _("Minutes: %(meeting)s") % {"meeting": meeting}
    content = render_pdf("meetings/minutes_pdf.html", _pdf_context(meeting), title)
    return download_response(content, f"{meeting.body.slug} {meeting.starts_at:%Y-%m-%d} {_('minutes')}.pdf", "application/pdf")

