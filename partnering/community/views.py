from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import community as access
from partnering.access.scope import not_found
from partnering.core.downloads import file_download_response

from . import feeds, ical, services
from .forms import (
    AdoptForm,
    AlertsForm,
    DocumentForm,
    EventForm,
    GroupForm,
    JoinForm,
    MemberForm,
    PriorityForm,
    PublishForm,
    RankForm,
    ReplyForm,
    ResourceForm,
    SearchForm,
    ThreadForm,
    VersionForm,
)
from .models import Group, GroupMember, Priority, PriorityRank
from .services import Refused

PAGE_SIZE = 25


def _call(form, operation):
    try:
        return operation()
    except Refused as refusal:
        form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
    return None


def _form(request, form, *, title, caption, button, back, intro="", upload=False, status=200):
    return TemplateResponse(request, "community/form.html", {
        "form": form, "title": title, "caption": caption, "button": button, "back": back, "intro": intro, "upload": upload,
    }, status=status)


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# --- groups -------------------------------------------------------------------------------------------------------

@login_required
def home(request):
    scope = request.scope
    mine = Group.objects.filter(pk__in=scope.group_ids).select_related("partnership").order_by("name")
    others = access.groups_visible_to(scope).exclude(pk__in=scope.group_ids).select_related("partnership").order_by("partnership__name", "name")
    partnerships = access.partnerships_for_groups(scope).order_by("name")
    requested = set(GroupMember.objects.filter(person=request.user, status=GroupMember.Status.REQUESTED, left_on__isnull=True)
                    .values_list("group_id", flat=True))
    return TemplateResponse(request, "community/home.html", {
        "mine": mine, "others": _page(request, others), "partnerships": partnerships, "requested": requested,
        "creatable": [p for p in partnerships if access.can_create_group(scope, p)],
    })


@login_required
def group_create(request, slug):
    partnership = access.creating_partnership_for(request.scope, slug)
    form = GroupForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        group = _call(form, lambda: services.group_create(
            partnership=partnership, actor=request.user, name=data["name"], description=data["description"], kind=data["kind"],
            joining=data["joining"], rotates_by=data["rotates_by"], rotation_months=data["rotation_months"],
            rotation_starts_on=data["rotation_starts_on"], reports_to=data["reports_to"], also_partnerships=list(data["also_partnerships"])))
        if group is not None:
            messages.success(request, _("Group set up. Now add its members."))
            return redirect("community:group-detail", group.slug)
    return _form(request, form, title=_("Set up a group"), caption=partnership.name, button=_("Set up the group"),
                 back=reverse("community:home"))


@login_required
def group_detail(request, slug):
    scope = request.scope
    group = access.group_for(scope, slug)
    readable = access.can_read_group(scope, group)
    moderate = access.can_moderate(scope, group)
    members = group.current_members().select_related("person", "council") if readable else GroupMember.objects.none()
    requests = (group.members.filter(status=GroupMember.Status.REQUESTED, left_on__isnull=True).select_related("person", "council")
                if moderate else [])
    own = group.members.filter(person=request.user, left_on__isnull=True).first()
    reporting = []
    for child in group.reporting_groups.order_by("name"):
        chair = child.current_chair()
        reporting.append((child, chair[1] if chair else None))
    return TemplateResponse(request, "community/group_detail.html", {
        "group": group, "readable": readable, "can_moderate": moderate, "can_manage": access.can_manage_group(scope, group),
        "can_join": access.can_join(scope, group) and own is None, "own": own, "members": members, "requests": requests,
        "chair": group.current_chair(), "schedule": group.chair_schedule() if readable else [], "reporting": reporting,
        "also": group.also_partnerships.all(),
    })


@login_required
def group_edit(request, slug):
    group = access.managed_group_for(request.scope, slug)
    initial = {name: getattr(group, name) for name in ("name", "description", "kind", "joining", "rotates_by", "rotation_months",
                                                        "rotation_starts_on", "reports_to")}
    initial["also_partnerships"] = list(group.also_partnerships.all())
    form = GroupForm(request.POST or None, partnership=group.partnership, group=group, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["rotation_starts_on"] = data["rotation_starts_on"] or group.rotation_starts_on
        data["also_partnerships"] = list(data["also_partnerships"])
        if _call(form, lambda: services.group_update(group=group, actor=request.user, **data)) is not None:
            messages.success(request, _("Group settings saved."))
            return redirect("community:group-detail", group.slug)
    return _form(request, form, title=_("Group settings and chair rotation"), caption=group.name, button=_("Save"),
                 back=group.get_absolute_url())


@login_required
def group_join(request, slug):
    group = access.joinable_group_for(request.scope, slug)
    form = JoinForm(request.POST or None, councils=access.joining_councils(request.scope, group))
    if request.method == "POST" and form.is_valid():
        member = _call(form, lambda: services.group_join(group=group, actor=request.user, council=form.cleaned_data["council"]))
        if member is not None:
            messages.success(request, _("You are now a member.") if member.status == GroupMember.Status.ACTIVE
                             else _("Your request is with the group's chair and coordinators."))
            return redirect("community:group-detail", group.slug)
        if not form.has_error("council"):
            messages.info(request, " ".join(str(e) for e in form.non_field_errors()))
            return redirect("community:group-detail", group.slug)
    intro = (_("This group is open: you join straight away.") if group.joining == Group.Joining.OPEN
             else _("The chair or a coordinator agrees requests to join."))
    return _form(request, form, title=_("Join %(group)s") % {"group": group.name}, caption=group.partnership.name,
                 button=_("Join") if group.joining == Group.Joining.OPEN else _("Ask to join"), back=group.get_absolute_url(), intro=intro)


@login_required
def member_add(request, slug):
    group = access.moderated_group_for(request.scope, slug)
    from partnering.organisations.models import Council, Membership

    partnerships = [group.partnership_id, *group.also_partnerships.values_list("pk", flat=True)]
    councils = Council.objects.filter(pk__in=Membership.objects.filter(partnership_id__in=partnerships).values("council_id")).order_by("name")
    form = MemberForm(request.POST or None, councils=councils)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member = _call(form, lambda: services.member_add(group=group, actor=request.user, email=data["email"], full_name=data["full_name"],
                                                         council=data["council"], guest_organisation=data["guest_organisation"]))
        if member is not None:
            messages.success(request, _("%(name)s added to the group.") % {"name": member.person.full_name})
            return redirect("community:group-detail", group.slug)
    return _form(request, form, title=_("Add a member or a guest"), caption=group.name, button=_("Add"), back=group.get_absolute_url())


@login_required
@require_POST
def member_approve(request, pk):
    member = access.approvable_member_for(request.scope, pk)
    try:
        services.member_approve(member=member, actor=request.user)
        messages.success(request, _("%(name)s is now a member.") % {"name": member.person.full_name})
    except Refused as refusal:
        messages.error(request, str(refusal))
    return redirect("community:group-detail", member.group.slug)


@login_required
@require_POST
def member_remove(request, pk):
    member = access.removable_member_for(request.scope, pk)
    try:
        services.member_remove(member=member, actor=request.user)
        messages.success(request, _("%(name)s is no longer in the group.") % {"name": member.person.full_name})
    except Refused as refusal:
        messages.error(request, str(refusal))
    if member.person_id == request.user.pk:
        return redirect("community:home")
    return redirect("community:group-detail", member.group.slug)


@login_required
def alerts(request, slug):
    member = access.own_membership_for(request.scope, slug)
    form = AlertsForm(request.POST or None, initial={"alerts": member.alerts})
    if request.method == "POST" and form.is_valid():
        services.set_alerts(member=member, actor=request.user, alerts=form.cleaned_data["alerts"])
        messages.success(request, _("Your email choice is saved."))
        return redirect("community:group-detail", member.group.slug)
    return _form(request, form, title=_("Emails about %(group)s") % {"group": member.group.name}, caption=member.group.name,
                 button=_("Save"), back=member.group.get_absolute_url(),
                 intro=_("Emails go in your language. A mention always reaches you."))


# --- forum --------------------------------------------------------------------------------------------------------------

@login_required
def thread_list(request, slug):
    group = access.content_group_for(request.scope, slug)
    search = SearchForm(request.GET or None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    moderate = access.can_moderate(request.scope, group)
    threads = services.search_posts(group, query, include_hidden=moderate) if query else access.threads_visible_to(request.scope, group)
    return TemplateResponse(request, "community/thread_list.html", {
        "group": group, "search": search, "query": query, "page": _page(request, threads.select_related("started_by")),
    })


@login_required
def thread_create(request, slug):
    group = access.content_group_for(request.scope, slug)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        thread = _call(form, lambda: services.thread_start(group=group, actor=request.user, **form.cleaned_data))
        if thread is not None:
            return redirect(thread.get_absolute_url())
    return _form(request, form, title=_("Start a thread"), caption=group.name, button=_("Post"), back=reverse("community:thread-list", args=[slug]))


@login_required
def thread_detail(request, pk):
    scope = request.scope
    thread = access.thread_for(scope, pk)
    moderate = access.can_moderate(scope, thread.group)
    can_reply = access.can_reply(scope, thread)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if not can_reply:
            form.is_valid()
            form.add_error("body", _("This thread is locked: no more replies."))
        elif form.is_valid():
            post = _call(form, lambda: services.reply(thread=thread, actor=request.user, body=form.cleaned_data["body"]))
            if post is not None:
                return redirect(post.get_absolute_url())
    posts = thread.posts.select_related("author").prefetch_related("mentions")
    if not moderate:
        posts = posts.filter(hidden=False)
    return TemplateResponse(request, "community/thread_detail.html", {
        "thread": thread, "group": thread.group, "page": _page(request, posts), "form": form, "can_reply": can_reply,
        "can_moderate": moderate, "following": services.is_following(thread, request.user),
    })


def _toggle(request, thread_or_post, service, field, done_on, done_off):
    value = not getattr(thread_or_post, field)
    service(value)
    messages.success(request, done_on if value else done_off)


@login_required
@require_POST
def thread_lock(request, pk):
    thread = access.moderated_thread_for(request.scope, pk)
    _toggle(request, thread, lambda v: services.thread_lock(thread=thread, actor=request.user, locked=v), "locked",
            _("Thread locked: no more replies."), _("Thread unlocked."))
    return redirect(thread.get_absolute_url())


@login_required
@require_POST
def thread_hide(request, pk):
    thread = access.moderated_thread_for(request.scope, pk)
    _toggle(request, thread, lambda v: services.thread_hide(thread=thread, actor=request.user, hidden=v), "hidden",
            _("Thread hidden: only the chair and coordinators see it."), _("Thread shown again."))
    return redirect(thread.get_absolute_url())


@login_required
@require_POST
def post_hide(request, pk):
    post = access.moderated_post_for(request.scope, pk)
    _toggle(request, post, lambda v: services.post_hide(post=post, actor=request.user, hidden=v), "hidden",
            _("Message hidden: only the chair and coordinators see it."), _("Message shown again."))
    return redirect(post.get_absolute_url())


@login_required
@require_POST
def thread_follow(request, pk):
    thread = access.thread_for(request.scope, pk)
    following = not services.is_following(thread, request.user)
    services.follow(thread=thread, actor=request.user, following=following)
    messages.success(request, _("You will get emails about replies.") if following else _("You will get no more emails about this thread."))
    return redirect(thread.get_absolute_url())


# --- documents and resources -----------------------------------------------------------------------------------------------

def _upload(form):
    upload = form.cleaned_data["file"]
    return upload.name, upload.read()


@login_required
def document_list(request, slug):
    group = access.content_group_for(request.scope, slug)
    documents = group.documents.prefetch_related("versions__uploaded_by")
    resources = group.resources.select_related("document")
    return TemplateResponse(request, "community/document_list.html", {
        "group": group, "page": _page(request, documents), "resources": resources,
        "needed": sum(1 for r in resources if r.still_needed),
    })


@login_required
def document_create(request, slug):
    group = access.content_group_for(request.scope, slug)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        filename, content = _upload(form)
        document = _call(form, lambda: services.document_create(group=group, actor=request.user, title=data["title"], filename=filename,
                                                                data=content, description=data["description"], note=data["note"]))
        if document is not None:
            messages.success(request, _("Document added as version 1."))
            return redirect(document.get_absolute_url())
    return _form(request, form, title=_("Add a document"), caption=group.name, button=_("Upload"), upload=True,
                 back=reverse("community:document-list", args=[slug]))


@login_required
def document_detail(request, pk):
    scope = request.scope
    document = access.document_for(scope, pk)
    versions = list(document.versions.select_related("uploaded_by"))
    return TemplateResponse(request, "community/document_detail.html", {
        "document": document, "group": document.group, "versions": versions, "current": versions[0] if versions else None,
        "can_add_version": access.can_add_version(scope, document), "can_publish": access.can_publish(scope, document),
        "in_group": access.can_read_group(scope, document.group),
    })


@login_required
def document_upload(request, pk):
    document = access.versionable_document_for(request.scope, pk)
    form = VersionForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        filename, data = _upload(form)
        version = _call(form, lambda: services.version_add(document=document, actor=request.user, filename=filename, data=data,
                                                           note=form.cleaned_data["note"]))
        if version is not None:
            messages.success(request, _("Version %(number)d is now the current version.") % {"number": version.number})
            return redirect(document.get_absolute_url())
    return _form(request, form, title=_("Upload a new version"), caption=document.title, button=_("Upload"), upload=True,
                 back=document.get_absolute_url())


def _send_version(version):
    try:
        handle = version.file.open("rb")
    except (FileNotFoundError, OSError):
        raise not_found() from None
    return file_download_response(handle, version.original_filename, "application/octet-stream")


@login_required
def version_download(request, pk):
    return _send_version(access.version_for(request.scope, pk))


def public_download(request, pk):
    """A document published to the public: its current version, no sign-in."""
    document = access.public_document_for(pk)
    current = document.versions.order_by("-number").first()
    if current is None:
        raise not_found()
    return _send_version(current)


@login_required
def document_publish(request, pk):
    document = access.publishable_document_for(request.scope, pk)
    form = PublishForm(request.POST or None, initial={"published": document.published})
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.document_publish(document=document, actor=request.user, **form.cleaned_data)) is not None:
            messages.success(request, _("Saved: %(who)s can read the document.") % {"who": document.get_published_display()})
            return redirect(document.get_absolute_url())
    public_url = request.build_absolute_uri(reverse("community:public-download", args=[document.pk]))
    return _form(request, form, title=_("Publish the document"), caption=document.title, button=_("Save"), back=document.get_absolute_url(),
                 intro=_("Publish when the group is ready. A public document is downloadable without signing in at %(url)s") % {"url": public_url})


@login_required
def partnership_documents(request, slug):
    partnership = access.groups_partnership_for(request.scope, slug)
    documents = access.partnership_documents_for(request.scope, partnership).select_related("group")
    return TemplateResponse(request, "community/partnership_documents.html", {"partnership": partnership, "page": _page(request, documents)})


def _resource_form(request, group, resource=None):
    initial = {}
    if resource is not None:
        initial = {"title": resource.title, "note": resource.note, "still_needed": resource.still_needed,
                   "document": resource.document, "link": resource.link}
    else:
        initial = {"still_needed": True}
    form = ResourceForm(request.POST or None, group=group, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _call(form, lambda: services.resource_save(group=group, actor=request.user, resource=resource, **form.cleaned_data))
        if saved is not None:
            messages.success(request, _("Resource list updated."))
            return redirect("community:document-list", group.slug)
    return _form(request, form, title=_("Change a resource") if resource else _("Add to the resource list"), caption=group.name,
                 button=_("Save"), back=reverse("community:document-list", args=[group.slug]),
                 intro=_("Mark what the group still needs, so members see the gaps and can share what they have."))


@login_required
def resource_create(request, slug):
    return _resource_form(request, access.content_group_for(request.scope, slug))


@login_required
def resource_edit(request, pk):
    resource = access.resource_for(request.scope, pk)
    return _resource_form(request, resource.group, resource)


# --- calendar -----------------------------------------------------------------------------------------------------------------

@login_required
def event_list(request, slug):
    group = access.content_group_for(request.scope, slug)
    now = timezone.now()
    token = services.live_token(request.user)
    return TemplateResponse(request, "community/event_list.html", {
        "group": group, "upcoming": group.events.filter(ends_at__gte=now), "past": _page(request, group.events.filter(ends_at__lt=now).order_by("-starts_at")),
        "feed_url": request.build_absolute_uri(reverse("community:group-feed", args=[token.token, group.slug])) if token else None,
    })


def _event_form(request, group, event=None):
    initial = {}
    if event is not None:
        initial = {name: getattr(event, name) for name in ("title", "location", "description", "cancelled")}
        initial.update(starts_at=timezone.localtime(event.starts_at), ends_at=timezone.localtime(event.ends_at))
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _call(form, lambda: services.event_save(group=group, actor=request.user, event=event, **form.cleaned_data))
        if saved is not None:
            messages.success(request, _("Calendar updated. Subscribed calendars pick up the change."))
            return redirect("community:event-list", group.slug)
    return _form(request, form, title=_("Change an event") if event else _("Add an event"), caption=group.name, button=_("Save"),
                 back=reverse("community:event-list", args=[group.slug]))


@login_required
def event_create(request, slug):
    return _event_form(request, access.content_group_for(request.scope, slug))


@login_required
def event_edit(request, pk):
    event = access.event_for(request.scope, pk)
    return _event_form(request, event.group, event)


def _calendar_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response


def personal_feed(request, token):
    """Every group the token's owner reads, and whatever other apps add: no sign-in, the secret is the key."""
    found = access.feed_token_for(token)
    events = feeds.personal_events(found.person, access.feed_groups_for(found.person), absolute=request.build_absolute_uri)
    return _calendar_response(ical.feed(events, name=_("Partnering: my groups")), "partnering")


def group_feed(request, token, slug):
    found = access.feed_token_for(token)
    group = Group.objects.filter(slug=slug, pk__in=access.feed_groups_for(found.person)).first()
    if group is None:
        raise not_found()
    return _calendar_response(ical.feed(feeds.group_events([group.pk], absolute=request.build_absolute_uri), name=group.name), group.slug)


@login_required
def my_calendar(request):
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.token_revoke(person=request.user)
            messages.success(request, _("Your calendar addresses no longer work. Calendars subscribed to them stop updating."))
        else:
            services.token_renew(person=request.user)
            messages.success(request, _("New calendar address made. Any earlier address has stopped working."))
        return redirect("community:my-calendar")
    token = services.live_token(request.user)
    groups = Group.objects.filter(pk__in=access.feed_groups_for(request.user)).order_by("name")
    return TemplateResponse(request, "community/my_calendar.html", {
        "token": token, "groups": groups,
        "feed_url": request.build_absolute_uri(reverse("community:personal-feed", args=[token.token])) if token else None,
        "group_urls": [(g, request.build_absolute_uri(reverse("community:group-feed", args=[token.token, g.slug]))) for g in groups] if token else [],
    })


# --- priorities ------------------------------------------------------------------------------------------------------------------

@login_required
def priority_list(request, slug):
    scope = request.scope
    partnership = access.groups_partnership_for(scope, slug)
    can_propose = access.can_rank_priorities(scope, partnership)
    form = PriorityForm(request.POST or None)
    if request.method == "POST":
        if not can_propose:
            raise not_found()
        if form.is_valid():
            priority = _call(form, lambda: services.priority_propose(partnership=partnership, actor=request.user, **form.cleaned_data))
            if priority is not None:
                messages.success(request, _("Added to the wish list. Now rank it with the others."))
                return redirect("community:priority-list", slug)
    adopted = Priority.objects.filter(partnership=partnership, theme_group__isnull=False).select_related("theme_group")
    return TemplateResponse(request, "community/priorities.html", {
        "partnership": partnership, "ranking": services.ranking(partnership), "adopted": adopted, "form": form,
        "can_propose": can_propose, "can_adopt": access.can_adopt_priority(scope, partnership),
    })


@login_required
def priority_rank(request, slug):
    partnership = access.groups_partnership_for(request.scope, slug)
    if not access.can_rank_priorities(request.scope, partnership):
        raise not_found()
    priorities = Priority.objects.filter(partnership=partnership, theme_group__isnull=True)
    current = dict(PriorityRank.objects.filter(person=request.user, priority__in=priorities).values_list("priority_id", "rank"))
    form = RankForm(request.POST or None, priorities=priorities, current=current)
    if request.method == "POST" and form.is_valid():
        _call(form, lambda: services.priorities_rank(partnership=partnership, actor=request.user, ranks=form.ranks()))
        if not form.errors:
            messages.success(request, _("Your ranking is saved."))
            return redirect("community:priority-list", slug)
    return _form(request, form, title=_("Rank the priorities"), caption=partnership.name, button=_("Save my ranking"),
                 back=reverse("community:priority-list", args=[slug]),
                 intro=_("Give your top priorities a place, 1 for the most important. First place earns the most points."))


@login_required
def priority_adopt(request, pk):
    priority = access.adoptable_priority_for(request.scope, pk)
    form = AdoptForm(request.POST or None, initial={"name": priority.title, "description": priority.description})
    if request.method == "POST" and form.is_valid():
        group = _call(form, lambda: services.priority_adopt(priority=priority, actor=request.user, **form.cleaned_data))
        if group is not None:
            messages.success(request, _("Theme group set up. Staff of the partnership's councils can join it straight away."))
            return redirect(group.get_absolute_url())
    return _form(request, form, title=_("Turn a priority into a theme group"), caption=priority.partnership.name,
                 button=_("Set up the theme group"), back=reverse("community:priority-list", args=[priority.partnership.slug]))

