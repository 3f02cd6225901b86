"""The weekly digest: for each member who chose "a weekly digest" for a group, what happened there since their
last digest (new threads, replies, documents and versions, events), and their overdue actions from meetings
(`partnering.meetings.selectors.overdue_actions_for`), in their own language. Nothing new, no email."""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from partnering.learning.notifications import site_url
from partnering.meetings.selectors import overdue_actions_for

from .models import DigestSent, DocumentVersion, Event, Group, GroupMember, Post, Thread

logger = logging.getLogger(__name__)
WEEK = datetime.timedelta(days=7)


@dataclass
class GroupNews:
    group: Group
    threads: list = field(default_factory=list)  # new threads
    replies: list = field(default_factory=list)  # (thread, number of new replies)
    versions: list = field(default_factory=list)
    events: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.threads or self.replies or self.versions or self.events)


@dataclass
class Digest:
    person: object
    since: datetime.datetime
    groups: list[GroupNews]
    overdue: list

    def __bool__(self):
        return bool(self.groups or self.overdue)


def digest_for(person, *, since: datetime.datetime, until: datetime.datetime) -> Digest:
    groups = Group.objects.filter(pk__in=GroupMember.objects.filter(
        person=person, status=GroupMember.Status.ACTIVE, alerts=GroupMember.Alerts.WEEKLY, left_on__isnull=True,
    ).values("group_id")).order_by("name")
    window = Q(created_at__gt=since, created_at__lte=until)
    news = []
    for group in groups:
        item = GroupNews(group)
        item.threads = list(group.threads.filter(window, hidden=False).order_by("created_at"))
        new_ids = {t.pk for t in item.threads}
        replies = (Post.objects.filter(window, thread__group=group, thread__hidden=False, hidden=False)
                   .exclude(thread_id__in=new_ids).values("thread_id").annotate(n=Count("pk")))
        threads = Thread.objects.in_bulk([r["thread_id"] for r in replies])
        item.replies = [(threads[r["thread_id"]], r["n"]) for r in replies]
        item.versions = list(DocumentVersion.objects.filter(document__group=group, uploaded_at__gt=since, uploaded_at__lte=until)
                             .select_related("document", "uploaded_by").order_by("uploaded_at"))
        item.events = list(Event.objects.filter(group=group, updated_at__gt=since, updated_at__lte=until, cancelled=False,
                                                ends_at__gte=until).order_by("starts_at"))
        if item:
            news.append(item)
    overdue = list(overdue_actions_for(person, on=timezone.localdate(until)))
    return Digest(person, since, news, overdue)


def render(digest: Digest) -> tuple[str, str]:
    """(subject, body) in the active language."""
    lines = [_("Hello %(name)s,") % {"name": digest.person.full_name},
             _("Here is what happened in your groups since %(day)s.") % {"day": formats.date_format(timezone.localtime(digest.since), "DATE_FORMAT")}]
    for item in digest.groups:
        lines.append(f"== {item.group.name} ==")
        for thread in item.threads:
            lines.append(_("New thread: %(title)s") % {"title": thread.title} + f"\n  {site_url(thread.get_absolute_url())}")
        for thread, count in item.replies:
            lines.append(_("%(count)d new replies in: %(title)s") % {"count": count, "title": thread.title}
                         + f"\n  {site_url(thread.get_absolute_url())}")
        for version in item.versions:
            lines.append(_("Document %(title)s, version %(number)d: %(note)s") % {
                "title": version.document.title, "number": version.number, "note": version.note}
                + f"\n  {site_url(version.document.get_absolute_url())}")
        for event in item.events:
            lines.append(_("Event: %(title)s, %(when)s") % {
                "title": event.title, "when": formats.date_format(timezone.localtime(event.starts_at), "DATETIME_FORMAT")})
    if digest.overdue:
        lines.append("== " + _("Your overdue actions") + " ==")
        for action in digest.overdue:
            lines.append(_("%(title)s, due %(day)s") % {"title": action.title, "day": formats.date_format(action.due_on, "DATE_FORMAT")}
                         + f"\n  {site_url(action.get_absolute_url())}")
    lines.append(_("You get this weekly digest because of your choices for your groups. Change them at %(url)s")
                 % {"url": site_url(reverse("community:home"))})
    return _("Your weekly groups digest"), "\n\n".join(lines)


def recipients():
    from partnering.people.models import Person

    return Person.objects.filter(is_active=True, group_memberships__status=GroupMember.Status.ACTIVE,
                                 group_memberships__alerts=GroupMember.Alerts.WEEKLY,
                                 group_memberships__left_on__isnull=True).distinct().order_by("pk")


def send_digests(*, now: datetime.datetime | None = None) -> int:
    """Send each due digest (a week or more since the last one) and note when it went. Returns how many went."""
    now = now or timezone.now()
    sent = 0
    for person in recipients():
        mark = DigestSent.objects.filter(person=person).first()
        since = mark.sent_at if mark else now - WEEK
        if mark and now - mark.sent_at < WEEK - datetime.timedelta(hours=1):
            continue  # already had this week's
        try:
            with translation.override(person.language or settings.LANGUAGE_CODE):
                digest = digest_for(person, since=since, until=now)
                if not digest:
                    continue
                subject, body = render(digest)
            EmailMessage(subject=subject, body=body, to=[person.email]).send(fail_silently=False)
        except Exception:
            logger.exception("Could not send the weekly digest to person %s", person.pk)
            continue
        with transaction.atomic():
            DigestSent.objects.update_or_create(person=person, defaults={"sent_at": now})
        sent += 1
    return sent
