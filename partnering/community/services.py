"""Writes for the groups: each is atomic, checked through the access layer and recorded in the audit trail by
the acting person. A refusal the user can cause raises `Refused`, naming the form field it concerns.
Emails go out after the change is committed (`partnering.community.notifications`)."""

from __future__ import annotations

import datetime
import re
import secrets
import zipfile
from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from partnering.access import community as access
from partnering.access import require, scope_of
from partnering.core import audit
from partnering.core.dates import today
from partnering.core.errors import Refused
from partnering.people.models import Person

from . import notifications
from .models import (
    CalendarToken,
    Document,
    DocumentVersion,
    Event,
    Group,
    GroupMember,
    Post,
    Priority,
    PriorityRank,
    Resource,
    Thread,
    ThreadSubscription,
)
from .ranking import borda

# --- groups and members -----------------------------------------------------------------------------------------

def _unique_slug(text: str, *, field: str = "slug") -> str:
    base = slugify(text)[:70] or "group"
    slug, number = base, 2
    while Group.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@audit.actor_argument("actor")
@transaction.atomic
def group_create(*, partnership, actor, name: str, description: str = "", kind: str = Group.Kind.INTEREST,
                 joining: str = Group.Joining.REQUEST, rotates_by: str = Group.RotatesBy.PERSON, rotation_months: int = 12,
                 rotation_starts_on: datetime.date | None = None, reports_to: Group | None = None,
                 also_partnerships=(), slug: str = "") -> Group:
    require(access.can_create_group(scope_of(actor), partnership), "Only the partnership's coordinators create its groups.")
    if reports_to is not None and reports_to.partnership_id != partnership.pk:
        raise Refused(_("A group can only report to a group of the same partnership."), "reports_to")
    slug = slug or _unique_slug(name)
    if Group.objects.filter(slug=slug).exists():
        raise Refused(_("Another group already has the short name “%(slug)s”. Choose another.") % {"slug": slug}, "slug")
    group = Group.objects.create(
        partnership=partnership, name=name, slug=slug, description=description, kind=kind, joining=joining,
        rotates_by=rotates_by, rotation_months=rotation_months, rotation_starts_on=rotation_starts_on or today(),
        reports_to=reports_to, created_by=actor,
    )
    if also_partnerships:
        group.also_partnerships.set([p for p in also_partnerships if p.pk != partnership.pk])
    return group


@audit.actor_argument("actor")
@transaction.atomic
def group_update(*, group: Group, actor, **fields) -> Group:
    require(access.can_manage_group(scope_of(actor), group), "Only the partnership's coordinators change a group's settings.")
    also = fields.pop("also_partnerships", None)
    reports_to = fields.get("reports_to")
    if reports_to is not None:
        chain, seen = reports_to, set()
        while chain is not None and chain.pk not in seen:
            if chain.pk == group.pk:
                raise Refused(_("A group cannot report to itself or to a group that reports to it."), "reports_to")
            seen.add(chain.pk)
            chain = chain.reports_to
        if reports_to.partnership_id != group.partnership_id:
            raise Refused(_("A group can only report to a group of the same partnership."), "reports_to")
    for name, value in fields.items():
        setattr(group, name, value)
    group.save()
    if also is not None:
        group.also_partnerships.set([p for p in also if p.pk != group.partnership_id])
    return group


def _current(group: Group, person) -> GroupMember | None:
    return group.members.filter(person=person, left_on__isnull=True).first()


@audit.actor_argument("actor")
@transaction.atomic
def group_join(*, group: Group, actor, council) -> GroupMember:
    """Join an open group, or ask to join one that agrees requests."""
    scope = scope_of(actor)
    require(access.can_join(scope, group), "Only staff of the partnership's councils join its groups.")
    if not access.joining_councils(scope, group).filter(pk=council.pk).exists():
        raise Refused(_("Choose a council you work for that is in the group's partnership."), "council")
    existing = _current(group, actor)
    if existing is not None:
        raise Refused(_("You are already a member of %(group)s.") % {"group": group.name} if existing.status == GroupMember.Status.ACTIVE
                      else _("You have already asked to join %(group)s.") % {"group": group.name})
    status = GroupMember.Status.ACTIVE if group.joining == Group.Joining.OPEN else GroupMember.Status.REQUESTED
    member = GroupMember.objects.create(group=group, person=actor, council=council, joined_on=today(), status=status)
    if status == GroupMember.Status.REQUESTED:
        transaction.on_commit(lambda: notifications.join_requested(member.pk))
    return member


@audit.actor_argument("actor")
@transaction.atomic
def member_add(*, group: Group, actor, email: str, full_name: str = "", council=None, guest_organisation: str = "") -> GroupMember:
    """Add a member of staff for their council, or a named guest from an outside organisation (who gets an
    account with no employment if they have none: they sign in by setting a password from the emailed link)."""
    require(access.can_moderate(scope_of(actor), group), "Only the chair or the coordinators add members.")
    email = (email or "").strip().lower()
    if not email:
        raise Refused(_("Enter the person's email address."), "email")
    person = Person.objects.filter(email=email).first()
    if council is None and not guest_organisation.strip():
        raise Refused(_("Choose the council the person is a member for, or name the organisation a guest comes from."), "council")
    if council is not None and guest_organisation.strip():
        raise Refused(_("A member is either for a council or a guest from an outside organisation, not both."), "guest_organisation")
    if council is not None:
        if person is None or not person.employments.filter(council=council).exists():
            raise Refused(_("%(email)s does not work for %(council)s. Add them as a guest, or choose their council.")
                          % {"email": email, "council": council.name}, "email")
    elif person is None:
        if not full_name.strip():
            raise Refused(_("Enter the guest's full name: they have no account yet."), "full_name")
        person = Person.objects.create_user(email=email, full_name=full_name.strip())
    existing = _current(group, person)
    if existing is not None and existing.status == GroupMember.Status.ACTIVE:
        raise Refused(_("%(name)s is already a member of the group.") % {"name": person.full_name}, "email")
    if existing is not None:  # a request: agree it with what the chair chose
        existing.delete()
    return GroupMember.objects.create(group=group, person=person, council=council, guest_organisation=guest_organisation.strip(),
                                      joined_on=today(), can_chair=council is not None)


@audit.actor_argument("actor")
@transaction.atomic
def member_approve(*, member: GroupMember, actor) -> GroupMember:
    require(access.can_moderate(scope_of(actor), member.group), "Only the chair or the coordinators agree requests.")
    if member.status != GroupMember.Status.REQUESTED:
        raise Refused(_("%(name)s is already a member.") % {"name": member.person.full_name})
    member.status = GroupMember.Status.ACTIVE
    member.joined_on = today()
    member.save(update_fields=["status", "joined_on"])
    return member


@audit.actor_argument("actor")
@transaction.atomic
def member_remove(*, member: GroupMember, actor) -> None:
    """A member leaves (their history stays, dated); a request is withdrawn or turned down (deleted)."""
    require(access.can_remove_member(scope_of(actor), member), "Only the chair, the coordinators or the member themselves.")
    if member.status == GroupMember.Status.REQUESTED:
        member.delete()
        return
    if member.left_on is not None:
        raise Refused(_("%(name)s has already left the group.") % {"name": member.person.full_name})
    member.left_on = today()
    member.save(update_fields=["left_on"])


@audit.actor_argument("actor")
@transaction.atomic
def set_alerts(*, member: GroupMember, actor, alerts: str) -> GroupMember:
    require(member.person_id == getattr(actor, "pk", None), "Members choose their own emails.")
    member.alerts = alerts
    member.save(update_fields=["alerts"])
    return member


# --- forum --------------------------------------------------------------------------------------------------------

_MENTION = re.compile(r"@([\w.+-]+(?:\s[\w'’-]+){0,3})", re.UNICODE)


def mentioned_in(body: str, people) -> list:
    """The people named in `body` as @Full Name (any case) or @the-part-of-their-email-before-the-@."""
    lowered = body.casefold()
    found = []
    for person in people:
        local = person.email.split("@", 1)[0].casefold()
        name = person.full_name.casefold()
        if (name and f"@{name}" in lowered) or re.search(rf"@{re.escape(local)}(?![\w.+-])", lowered):
            found.append(person)
    return found


def _follow(thread: Thread, person, following: bool = True, *, force: bool = True) -> None:
    subscription, created = ThreadSubscription.objects.get_or_create(thread=thread, person=person, defaults={"following": following})
    if not created and force and subscription.following != following:
        subscription.following = following
        subscription.save(update_fields=["following"])


def _post(thread: Thread, actor, body: str) -> Post:
    body = body.strip()
    if not body:
        raise Refused(_("Enter your message."), "body")
    now = timezone.now()
    post = Post.objects.create(thread=thread, author=actor, body=body, created_at=now)
    people = Person.objects.filter(pk__in=thread.group.current_members().values("person_id")).exclude(pk=actor.pk)
    mentioned = mentioned_in(body, people)
    if mentioned:
        post.mentions.set(mentioned)
        for person in mentioned:
            _follow(thread, person, force=False)
    _follow(thread, actor, force=False)
    thread.last_post_at = now
    thread.save(update_fields=["last_post_at"])
    return post


@audit.actor_argument("actor")
@transaction.atomic
def thread_start(*, group: Group, actor, title: str, body: str) -> Thread:
    require(access.can_contribute(scope_of(actor), group), "Only members and coordinators post in a group.")
    if not title.strip():
        raise Refused(_("Enter a title for the thread."), "title")
    now = timezone.now()
    thread = Thread.objects.create(group=group, title=title.strip(), started_by=actor, created_at=now, last_post_at=now)
    post = _post(thread, actor, body)
    transaction.on_commit(lambda: notifications.posted(post.pk, new_thread=True))
    return thread


@audit.actor_argument("actor")
@transaction.atomic
def reply(*, thread: Thread, actor, body: str) -> Post:
    require(access.can_contribute(scope_of(actor), thread.group), "Only members and coordinators post in a group.")
    if not access.can_reply(scope_of(actor), thread):
        raise Refused(_("This thread is locked: no more replies."), "body")
    post = _post(thread, actor, body)
    transaction.on_commit(lambda: notifications.posted(post.pk, new_thread=False))
    return post


@audit.actor_argument("actor")
@transaction.atomic
def thread_lock(*, thread: Thread, actor, locked: bool) -> Thread:
    require(access.can_moderate(scope_of(actor), thread.group), "Only the chair or the coordinators moderate.")
    thread.locked = locked
    thread.save(update_fields=["locked"])
    return thread


@audit.actor_argument("actor")
@transaction.atomic
def thread_hide(*, thread: Thread, actor, hidden: bool) -> Thread:
    require(access.can_moderate(scope_of(actor), thread.group), "Only the chair or the coordinators moderate.")
    thread.hidden = hidden
    thread.save(update_fields=["hidden"])
    return thread


@audit.actor_argument("actor")
@transaction.atomic
def post_hide(*, post: Post, actor, hidden: bool) -> Post:
    require(access.can_moderate(scope_of(actor), post.thread.group), "Only the chair or the coordinators moderate.")
    post.hidden = hidden
    post.save(update_fields=["hidden"])
    return post


def follow(*, thread: Thread, actor, following: bool) -> None:
    require(access.can_read_group(scope_of(actor), thread.group), "Only the group's readers follow its threads.")
    _follow(thread, actor, following)


def is_following(thread: Thread, person) -> bool:
    return ThreadSubscription.objects.filter(thread=thread, person=person, following=True).exists()


def search_posts(group: Group, query: str, *, include_hidden: bool):
    """Threads of the group whose title or any visible post contains every word of the query."""
    threads = group.threads.all() if include_hidden else group.threads.filter(hidden=False)
    for word in query.split()[:8]:
        matching_posts = Post.objects.filter(body__icontains=word)
        if not include_hidden:
            matching_posts = matching_posts.filter(hidden=False)
        threads = threads.filter(Q(title__icontains=word) | Q(pk__in=matching_posts.values("thread_id")))
    return threads.distinct()


# --- documents ------------------------------------------------------------------------------------------------------

DOCUMENT_TYPES = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".csv", ".txt", ".png", ".jpg", ".jpeg"}
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
_ZIPPED = {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"}
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


def check_upload(filename: str, data: bytes) -> None:
    """Refuse what a group should not share: other types, too big, contents that are not what the name says,
    archives that expand too far or are protected. Downloads are always sent as attachments."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in DOCUMENT_TYPES:
        raise Refused(_("%(file)s: the file must be one of %(types)s.") % {"file": filename, "types": ", ".join(sorted(DOCUMENT_TYPES))}, "file")
    if not data:
        raise Refused(_("%(file)s is empty.") % {"file": filename}, "file")
    if len(data) > DOCUMENT_MAX_BYTES:
        raise Refused(_("%(file)s is %(size).1f MB; the limit is %(limit)d MB.")
                      % {"file": filename, "size": len(data) / (1024 * 1024), "limit": DOCUMENT_MAX_BYTES // (1024 * 1024)}, "file")
    head = data[:8]
    ok = {
        ".pdf": head.startswith(b"%PDF"),
        ".png": head.startswith(b"\x89PNG"),
        ".jpg": head.startswith(b"\xff\xd8\xff"),
        ".jpeg": head.startswith(b"\xff\xd8\xff"),
    }.get(suffix)
    if suffix in _ZIPPED:
        ok = head.startswith(b"PK\x03\x04")
        if ok:
            try:
                with zipfile.ZipFile(BytesIO(data)) as archive:
                    parts = archive.infolist()
            except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
                raise Refused(_("%(file)s is damaged. Save it again and upload the new copy.") % {"file": filename}, "file") from None
            if any(p.flag_bits & 0x1 for p in parts):
                raise Refused(_("%(file)s is protected with a password. Remove the password and upload it again.") % {"file": filename}, "file")
            if sum(p.file_size for p in parts) > min(MAX_UNZIPPED_BYTES, len(data) * 200):
                raise Refused(_("%(file)s expands too far when opened. Save it again and upload the new copy.") % {"file": filename}, "file")
    elif suffix in (".csv", ".txt"):
        ok = b"\x00" not in data[:4096]
    if not ok:
        raise Refused(_("%(file)s is not a %(type)s file, whatever its name says.") % {"file": filename, "type": suffix[1:].upper()}, "file")


def _add_version(document: Document, actor, filename: str, data: bytes, note: str) -> DocumentVersion:
    check_upload(filename, data)
    number = (document.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = DocumentVersion(document=document, number=number, original_filename=PurePath(filename).name[:255], size=len(data),
                              uploaded_by=actor, uploaded_at=timezone.now(), note=note.strip()[:500])
    version.file.save(version.original_filename, ContentFile(data), save=False)
    version.save()
    return version


@audit.actor_argument("actor")
@transaction.atomic
def document_create(*, group: Group, actor, title: str, filename: str, data: bytes, description: str = "", note: str = "") -> Document:
    require(access.can_contribute(scope_of(actor), group), "Only members and coordinators add documents.")
    if not title.strip():
        raise Refused(_("Enter the document's title."), "title")
    document = Document.objects.create(group=group, title=title.strip(), description=description, created_by=actor,
                                       created_at=timezone.now())
    version = _add_version(document, actor, filename, data, note or _("First version"))
    transaction.on_commit(lambda: notifications.document_added(version.pk))
    return document


@audit.actor_argument("actor")
@transaction.atomic
def version_add(*, document: Document, actor, filename: str, data: bytes, note: str) -> DocumentVersion:
    require(access.can_add_version(scope_of(actor), document), "Only members and coordinators add versions.")
    if not note.strip():
        raise Refused(_("Say what changed in this version."), "note")
    version = _add_version(document, actor, filename, data, note)
    transaction.on_commit(lambda: notifications.document_added(version.pk))
    return version


@audit.actor_argument("actor")
@transaction.atomic
def document_publish(*, document: Document, actor, published: str) -> Document:
    require(access.can_publish(scope_of(actor), document), "Only the chair or the coordinators publish.")
    if published not in Document.Published.values:
        raise Refused(_("Choose who can read the document."), "published")
    document.published = published
    document.published_at = None if published == Document.Published.GROUP else timezone.now()
    document.save(update_fields=["published", "published_at"])
    return document


@audit.actor_argument("actor")
@transaction.atomic
def resource_save(*, group: Group, actor, resource: Resource | None = None, title: str, note: str = "", still_needed: bool,
                  document: Document | None = None, link: str = "") -> Resource:
    require(access.can_contribute(scope_of(actor), group), "Only members and coordinators keep the resource list.")
    if not title.strip():
        raise Refused(_("Enter what the resource is."), "title")
    if document is not None and document.group_id != group.pk:
        raise Refused(_("Choose one of this group's documents."), "document")
    if not still_needed and document is None and not link:
        raise Refused(_("Link the resource to a document or a web address, or mark it as still needed."), "still_needed")
    resource = resource or Resource(group=group, added_by=actor)
    resource.title, resource.note, resource.still_needed, resource.document, resource.link = title.strip(), note, still_needed, document, link
    resource.save()
    return resource


# --- calendar --------------------------------------------------------------------------------------------------------

@audit.actor_argument("actor")
@transaction.atomic
def event_save(*, group: Group, actor, event: Event | None = None, title: str, starts_at, ends_at, location: str = "",
               description: str = "", cancelled: bool = False) -> Event:
    require(access.can_contribute(scope_of(actor), group), "Only members and coordinators keep the group's calendar.")
    if ends_at <= starts_at:
        raise Refused(_("The end must be after the start."), "ends_at")
    new = event is None
    event = event or Event(group=group, created_by=actor, sequence=0)
    if not new:
        event.sequence += 1
    event.title, event.starts_at, event.ends_at = title.strip(), starts_at, ends_at
    event.location, event.description, event.cancelled = location, description, cancelled
    event.updated_at = timezone.now()
    event.save()
    if new:
        transaction.on_commit(lambda: notifications.event_added(event.pk))
    return event


@transaction.atomic
def token_renew(*, person) -> CalendarToken:
    """A new secret address for the person's feeds; the old one stops working."""
    now = timezone.now()
    CalendarToken.objects.filter(person=person, revoked_at__isnull=True).update(revoked_at=now)
    return CalendarToken.objects.create(person=person, token=secrets.token_urlsafe(32), created_at=now)


@transaction.atomic
def token_revoke(*, person) -> int:
    return CalendarToken.objects.filter(person=person, revoked_at__isnull=True).update(revoked_at=timezone.now())


def live_token(person) -> CalendarToken | None:
    return CalendarToken.objects.filter(person=person, revoked_at__isnull=True).first()


# --- priorities --------------------------------------------------------------------------------------------------------

@audit.actor_argument("actor")
@transaction.atomic
def priority_propose(*, partnership, actor, title: str, description: str = "") -> Priority:
    require(access.can_rank_priorities(scope_of(actor), partnership), "Only the partnership's people propose priorities.")
    if not title.strip():
        raise Refused(_("Enter the priority."), "title")
    if Priority.objects.filter(partnership=partnership, title__iexact=title.strip()).exists():
        raise Refused(_("“%(title)s” is already on the list: rank it instead.") % {"title": title.strip()}, "title")
    return Priority.objects.create(partnership=partnership, title=title.strip(), description=description, proposed_by=actor,
                                   created_at=timezone.now())


MAX_RANKED = 5


@transaction.atomic
def priorities_rank(*, partnership, actor, ranks: dict[int, int]) -> None:
    """The person's ballot: priority id → place (1 best). Replaces their earlier ballot for the partnership."""
    require(access.can_rank_priorities(scope_of(actor), partnership), "Only the partnership's people rank priorities.")
    places = [rank for rank in ranks.values() if rank]
    if len(places) != len(set(places)):
        raise Refused(_("Give each place to one priority only."))
    if any(rank < 1 or rank > MAX_RANKED for rank in places):
        raise Refused(_("Places go from 1 to %(most)d.") % {"most": MAX_RANKED})
    open_ids = set(Priority.objects.filter(partnership=partnership, theme_group__isnull=True).values_list("pk", flat=True))
    PriorityRank.objects.filter(person=actor, priority__partnership=partnership).delete()
    PriorityRank.objects.bulk_create([PriorityRank(priority_id=pk, person=actor, rank=rank)
                                      for pk, rank in ranks.items() if rank and pk in open_ids])


def ranking(partnership) -> list[tuple[Priority, int, int]]:
    """The open priorities best first, with their points and how many ranked them."""
    priorities = list(Priority.objects.filter(partnership=partnership, theme_group__isnull=True).order_by("created_at", "pk"))
    ballots: dict[str, list[tuple[int, str]]] = {}
    for person_id, priority_id, rank in PriorityRank.objects.filter(priority__in=priorities).values_list("person_id", "priority_id", "rank"):
        ballots.setdefault(str(person_id), []).append((rank, str(priority_id)))
    ordered = {voter: [item for _, item in sorted(entries)] for voter, entries in ballots.items()}
    by_id = {str(p.pk): p for p in priorities}
    return [(by_id[r.item], r.points, r.voters) for r in borda(list(by_id), ordered)]


@audit.actor_argument("actor")
@transaction.atomic
def priority_adopt(*, priority: Priority, actor, name: str = "", description: str = "") -> Group:
    """Turn a priority into a theme group of the partnership (the coordinator who adopts it starts it)."""
    require(access.can_adopt_priority(scope_of(actor), priority.partnership), "Only the partnership's coordinators adopt priorities.")
    if priority.theme_group_id:
        raise Refused(_("This priority already has a theme group."))
    group = group_create(partnership=priority.partnership, actor=actor, name=(name or priority.title).strip(),
                         description=description or priority.description, kind=Group.Kind.THEME, joining=Group.Joining.OPEN)
    priority.theme_group = group
    priority.save(update_fields=["theme_group"])
    return group



