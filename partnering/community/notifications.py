"""Emails about groups: new threads, replies, mentions, documents, events and requests to join.

Services call these once the change is committed. Each works out who is told (members who chose emails
"straight away"; a mention always reaches the person named; replies only reach people following the thread)
and enqueues one task per email (`partnering.community.tasks.send_alert`). The task builds the message in the
recipient's language (`Person.language`, else the site's). Email never makes a change fail: problems are logged.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from partnering.learning.notifications import SUBJECT_MAX_LENGTH, one_line, site_url

logger = logging.getLogger(__name__)

THREAD = "thread"
REPLY = "reply"
MENTION = "mention"
DOCUMENT = "document"
EVENT = "event"
JOIN_REQUEST = "join_request"


def _enqueue(kind: str, object_id: int, recipient_id: int) -> None:
    try:
        from .tasks import send_alert

        send_alert.enqueue(kind, object_id, recipient_id)
    except Exception:
        logger.exception("Could not enqueue the %s group email about %s for person %s", kind, object_id, recipient_id)


def _immediate_members(group, *, exclude=()):
    from .models import GroupMember

    return set(group.current_members().filter(alerts=GroupMember.Alerts.IMMEDIATE).exclude(person_id__in=exclude)
               .values_list("person_id", flat=True))


def posted(post_id: int, *, new_thread: bool) -> int:
    from .models import Post

    try:
        post = Post.objects.select_related("thread__group").get(pk=post_id)
        mentioned = set(post.mentions.values_list("pk", flat=True))
        for person_id in mentioned:
            _enqueue(MENTION, post.pk, person_id)
        told = mentioned | {post.author_id}
        if new_thread:
            recipients = _immediate_members(post.thread.group, exclude=told)
        else:
            followers = set(post.thread.subscriptions.filter(following=True).values_list("person_id", flat=True))
            recipients = _immediate_members(post.thread.group, exclude=told) & followers
        for person_id in recipients:
            _enqueue(THREAD if new_thread else REPLY, post.pk, person_id)
        return len(mentioned) + len(recipients)
    except Exception:
        logger.exception("Could not work out who to tell about post %s", post_id)
        return 0


def document_added(version_id: int) -> int:
    from .models import DocumentVersion

    try:
        version = DocumentVersion.objects.select_related("document__group").get(pk=version_id)
        recipients = _immediate_members(version.document.group, exclude={version.uploaded_by_id})
        for person_id in recipients:
            _enqueue(DOCUMENT, version.pk, person_id)
        return len(recipients)
    except Exception:
        logger.exception("Could not work out who to tell about version %s", version_id)
        return 0


def event_added(event_id: int) -> int:
    from .models import Event

    try:
        event = Event.objects.select_related("group").get(pk=event_id)
        recipients = _immediate_members(event.group, exclude={event.created_by_id})
        for person_id in recipients:
            _enqueue(EVENT, event.pk, person_id)
        return len(recipients)
    except Exception:
        logger.exception("Could not work out who to tell about event %s", event_id)
        return 0


def join_requested(member_id: int) -> int:
    """To the chair's people and the partnership's coordinators."""
    from partnering.core.dates import current_on, today
    from partnering.people.models import PartnershipRole

    from .models import GroupMember

    try:
        member = GroupMember.objects.select_related("group").get(pk=member_id)
        chair = member.group.current_chair()
        recipients = set(chair[2] if chair else ()) | set(
            PartnershipRole.objects.filter(current_on(today(), "start_on", "end_on"), partnership_id=member.group.partnership_id,
                                           role=PartnershipRole.Role.COORDINATOR).values_list("person_id", flat=True))
        for person_id in recipients:
            _enqueue(JOIN_REQUEST, member.pk, person_id)
        return len(recipients)
    except Exception:
        logger.exception("Could not work out who to tell about request %s", member_id)
        return 0


def _message(recipient, subject: str, lines: list[str]) -> EmailMessage:
    footer = _("You get this email because of your choice for this group. Change it at %(url)s") % {
        "url": site_url(reverse("community:home"))}
    return EmailMessage(subject=one_line(subject, SUBJECT_MAX_LENGTH), body="\n\n".join([*lines, footer]),
                        to=[recipient.email])


def _build(kind: str, object_id: int, recipient):
    from .models import DocumentVersion, Event, GroupMember, Post

    if kind in (THREAD, REPLY, MENTION):
        post = Post.objects.select_related("thread__group", "author").filter(pk=object_id, hidden=False, thread__hidden=False).first()
        if post is None:
            return None
        values = {"group": post.thread.group.name, "thread": post.thread.title, "author": post.author.full_name}
        subject = {
            THREAD: _("New thread in %(group)s: %(thread)s"),
            REPLY: _("New reply in %(group)s: %(thread)s"),
            MENTION: _("%(author)s mentioned you in %(group)s: %(thread)s"),
        }[kind] % values
        return _message(recipient, subject, [_("%(author)s wrote:") % values, post.body, site_url(post.get_absolute_url())])
    if kind == DOCUMENT:
        version = DocumentVersion.objects.select_related("document__group", "uploaded_by").filter(pk=object_id).first()
        if version is None:
            return None
        values = {"group": version.document.group.name, "title": version.document.title, "number": version.number,
                  "who": version.uploaded_by.full_name, "note": version.note}
        subject = (_("New document in %(group)s: %(title)s") if version.number == 1
                   else _("New version of %(title)s in %(group)s")) % values
        return _message(recipient, subject, [_("%(who)s uploaded version %(number)s: %(note)s") % values,
                                             site_url(version.document.get_absolute_url())])
    if kind == EVENT:
        event = Event.objects.select_related("group").filter(pk=object_id, cancelled=False).first()
        if event is None:
            return None
        from django.utils import formats, timezone

        when = formats.date_format(timezone.localtime(event.starts_at), "DATETIME_FORMAT")
        values = {"group": event.group.name, "title": event.title, "when": when, "where": event.location or "–"}
        return _message(recipient, _("New event in %(group)s: %(title)s") % values,
                        [_("%(title)s, %(when)s. Where: %(where)s") % values, event.description,
                         site_url(reverse("community:event-list", args=[event.group.slug]))])
    if kind == JOIN_REQUEST:
        member = GroupMember.objects.select_related("group", "person", "council").filter(
            pk=object_id, status=GroupMember.Status.REQUESTED).first()
        if member is None:
            return None
        values = {"group": member.group.name, "name": member.person.full_name, "council": member.council.name if member.council else ""}
        return _message(recipient, _("%(name)s asks to join %(group)s") % values,
                        [_("%(name)s (%(council)s) asks to join %(group)s. Agree or turn down the request on the group's page.") % values,
                         site_url(member.group.get_absolute_url())])
    return None


def build(kind: str, object_id: int, recipient_id: int) -> EmailMessage | None:
    """The email in the recipient's language; None when there is nothing (or nobody) left to tell."""
    from partnering.people.models import Person

    recipient = Person.objects.filter(pk=recipient_id, is_active=True).first()
    if recipient is None or not recipient.email:
        return None
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        return _build(kind, object_id, recipient)



