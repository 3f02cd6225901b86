"""Emails about asks: to the person asked (the ask, and a reminder before the deadline) and to whoever asked
(the answer). Each is built in the recipient's language by a task (`partnering.directory.tasks.send_email`)
after the change is committed; email is never a reason for an ask or an answer to fail (failures are logged).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from partnering.learning.notifications import SUBJECT_MAX_LENGTH, one_line, site_url

logger = logging.getLogger(__name__)

ASKED = "asked"  # to the person asked
REMINDER = "reminder"  # to the person asked, before the deadline
ACCEPTED = "accepted"  # to whoever asked
DECLINED = "declined"  # to whoever asked
KINDS = (ASKED, REMINDER, ACCEPTED, DECLINED)


def enqueue(kind: str, ask_id: int, recipient_id: int) -> None:
    from .tasks import send_email

    try:
        send_email.enqueue(kind, ask_id, recipient_id)
    except Exception:
        logger.exception("Could not enqueue the %s email about ask %s for person %s", kind, ask_id, recipient_id)


def _subject(text: str) -> str:
    return one_line(text, SUBJECT_MAX_LENGTH)


def build(kind: str, ask_id: int, recipient_id: int) -> EmailMessage | None:
    """The email, in the recipient's language; None when there is no one (or nothing) left to tell."""
    from partnering.people.models import Person

    from .models import Ask

    recipient = Person.objects.filter(pk=recipient_id).first()
    ask = Ask.objects.select_related("request__council", "request__partnership", "person").filter(pk=ask_id).first()
    if recipient is None or not recipient.email or ask is None or kind not in KINDS:
        return None
    if kind in (ASKED, REMINDER) and ask.status != Ask.Status.ASKED:
        return None  # answered or withdrawn since
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        request = ask.request
        need, council = one_line(request.need), request.council.name
        by = formats.date_format(ask.respond_by, "j F Y")
        if kind in (ASKED, REMINDER):
            link = site_url(reverse("directory:ask-respond", args=[ask.pk]))
            if kind == ASKED:
                subject = _subject(_("Can you help? %(need)s") % {"need": need})
                opening = _("%(council)s has asked for help through %(partnership)s: %(need)s. You were suggested because of "
                            "your expertise profile.") % {"council": council, "partnership": request.partnership.name, "need": need}
            else:
                subject = _subject(_("Reminder: can you help? %(need)s") % {"need": need})
                opening = _("You have not yet said whether you can help %(council)s with: %(need)s.") % {"council": council, "need": need}
            lines = [opening]
            if ask.message:
                lines.append(ask.message)
            lines.append(_("Please accept or decline by %(date)s: %(url)s") % {"date": by, "url": link})
        else:
            link = site_url(reverse("directory:request-detail", args=[request.pk]))
            who = one_line(ask.person.full_name or ask.person.email)
            if kind == ACCEPTED:
                subject = _subject(_("%(person)s can help: %(need)s") % {"person": who, "need": need})
                lines = [_("%(person)s has accepted your request to help with: %(need)s.") % {"person": who, "need": need}]
            else:
                subject = _subject(_("%(person)s cannot help: %(need)s") % {"person": who, "need": need})
                lines = [_("%(person)s has declined your request to help with: %(need)s.") % {"person": who, "need": need}]
            if ask.response_note:
                lines.append(ask.response_note)
            lines.append(_("See the request: %(url)s") % {"url": link})
        return EmailMessage(subject, "\n\n".join(lines), to=[recipient.email])
