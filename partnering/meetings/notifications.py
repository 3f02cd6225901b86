"""Invitations to meetings, by email with an iCalendar attachment, in each recipient's language.

`invite(meeting)` runs after the change is committed and enqueues one task per body member
(`partnering.meetings.tasks.send_invitation`). The task builds the message in the member's language
(`Person.language`, else `settings.LANGUAGE_CODE`). Each invitation carries the meeting's stable UID and a
sequence number that goes up every time invitations are sent, so calendar programs update the event they
already have (or remove it, for a cancelled meeting) instead of adding another.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from partnering.learning.notifications import one_line, site_url

logger = logging.getLogger(__name__)


def place(meeting) -> str:
    if meeting.venue_id:
        venue = meeting.venue
        return one_line(", ".join(filter(None, [venue.name, venue.address.replace("\n", ", "), venue.postcode])))
    return meeting.online_link or _("Online")


def calendar(meeting, recipients=(), *, method: str | None = None) -> bytes:
    """The meeting as an iCalendar event: REQUEST to invite, CANCEL for a cancelled meeting, PUBLISH (no
    attendees) for a download."""
    cancelled = meeting.status == meeting.Status.CANCELLED
    method = method or ("CANCEL" if cancelled else "REQUEST")
    cal = Calendar()
    cal.add("prodid", "-//Partnering//Meetings//EN")
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", f"meeting-{meeting.uid}@partnering")
    event.add("sequence", meeting.invitation_sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + datetime.timedelta(minutes=meeting.duration_minutes))
    event.add("summary", one_line(str(meeting)))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("location", vText(place(meeting)))
    event.add("url", site_url(reverse("meetings:meeting", args=[meeting.pk])))
    if meeting.host_id:
        event.add("description", _("Hosted by %(council)s.") % {"council": meeting.host.name})
    for person in recipients:
        attendee = vCalAddress(f"mailto:{person.email}")
        attendee.params["cn"] = vText(one_line(person.full_name or person.email))
        event.add("attendee", attendee)
    cal.add_component(event)
    return cal.to_ical()


def when(meeting) -> str:
    return formats.date_format(timezone.localtime(meeting.starts_at), "l j F Y, H:i")


def build(meeting_id: int, recipient_id: int) -> EmailMessage | None:
    """The invitation (or cancellation) for one member, in their language; None if either has gone."""
    from partnering.people.models import Person

    from .models import Meeting

    recipient = Person.objects.filter(pk=recipient_id, is_active=True).first()
    meeting = Meeting.objects.select_related("body", "host", "venue").filter(pk=meeting_id).first()
    if recipient is None or not recipient.email or meeting is None:
        return None
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        values = {"meeting": one_line(str(meeting)), "when": when(meeting), "place": place(meeting),
                  "host": meeting.host.name if meeting.host_id else _("no council"), "url": site_url(meeting.get_absolute_url())}
        if meeting.status == Meeting.Status.CANCELLED:
            subject = _("Cancelled: %(meeting)s") % values
            body = _("%(meeting)s on %(when)s is cancelled. The attached file removes it from your calendar.") % values
        else:
            subject = _("Invitation: %(meeting)s") % values
            body = "\n\n".join([
                _("You are invited to %(meeting)s on %(when)s, hosted by %(host)s, at %(place)s.") % values,
                _("The agenda and papers: %(url)s") % values,
                _("The attached invitation adds the meeting to your calendar, or updates it if you have it already."),
            ])
        message = EmailMessage(one_line(subject, 150), body, to=[recipient.email])
        message.attach("meeting.ics", calendar(meeting, [recipient]), "text/calendar; method=%s; charset=utf-8"
                       % ("CANCEL" if meeting.status == Meeting.Status.CANCELLED else "REQUEST"))
        return message


def invite(meeting) -> int:
    """Enqueue an invitation for each of the body's members; returns how many."""
    from .tasks import send_invitation

    people = list(meeting.body.members.values_list("person_id", flat=True))
    for person_id in people:
        try:
            send_invitation.enqueue(meeting.pk, person_id)
        except Exception:
            logger.exception("Could not enqueue the invitation to meeting %s for person %s", meeting.pk, person_id)
    return len(people)
