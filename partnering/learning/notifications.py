"""Emails about bookings and sessions.

Services and views call `booking_changed` and `session_changed` once the change is committed
(`transaction.on_commit`). They work out who is told what and enqueue one task per email
(`partnering.learning.tasks.send_email`, in a worker when TASKS uses the database backend). The task
builds the message in the recipient's own language (`Person.language`, else `settings.LANGUAGE_CODE`)
and sends it. Email is never a reason for a booking or a request to fail: anything that goes wrong
here or in the task is logged (`logger.exception`) and goes no further.
"""

from __future__ import annotations

import logging
import unicodedata

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event, vCalAddress, vText

logger = logging.getLogger(__name__)

# Subjects are built from people's text (course titles, names): one line, and short enough to read.
SUBJECT_MAX_LENGTH = 150

# What an email is about; the task gets one of these, the id of the booking (or interest) and the recipient's id.
PENDING = "pending"  # to the person: waiting for approval
APPROVAL_REQUEST = "approval_request"  # to each approver
BOOKED = "booked"
APPROVED = "approved"
APPROVED_WAITLISTED = "approved_waitlisted"
PROMOTED = "promoted"
WAITLISTED = "waitlisted"
CANCELLED = "cancelled"
DECLINED = "declined"
SESSION_CHANGED = "session_changed"  # holds a place: the invitation is updated
SESSION_CHANGED_WAITING = "session_changed_waiting"
SESSION_CHANGED_PENDING = "session_changed_pending"
SESSION_DATED = "session_dated"  # to someone who registered interest in a provisional session
FOLLOW_UP = "follow_up"  # three months after a session: what has changed? (the object is the booking)

# kind → (subject, body, calendar method or None). Lazy, so each is translated when the task builds it.
_TO_THE_PERSON = {
    PENDING: (
        gettext_lazy("Waiting for approval: %(course)s"),
        gettext_lazy("You asked for a place on %(session)s. Your line manager, or your council's L&D or HR lead, "
                     "needs to approve it first. No place is held for you until then; we will email you when they decide."),
        None,
    ),
    BOOKED: (
        gettext_lazy("Booking confirmed: %(course)s"),
        gettext_lazy("You have a place on %(session)s. The attached invitation adds it to your calendar."),
        "REQUEST",
    ),
    APPROVED: (
        gettext_lazy("Booking approved: %(course)s"),
        gettext_lazy("Your booking for %(session)s is approved: you have a place. The attached invitation adds it to your calendar."),
        "REQUEST",
    ),
    APPROVED_WAITLISTED: (
        gettext_lazy("Booking approved, on the waiting list: %(course)s"),
        gettext_lazy("Your booking for %(session)s is approved, but there are no places left. "
                     "You are on the waiting list, and we will email you if a place comes free."),
        None,
    ),
    PROMOTED: (
        gettext_lazy("A place came free for you: %(course)s"),
        gettext_lazy("You have a place on %(session)s. The attached invitation adds it to your calendar."),
        "REQUEST",
    ),
    WAITLISTED: (
        gettext_lazy("You are on the waiting list: %(course)s"),
        gettext_lazy("There are no places left on %(session)s. You are on the waiting list, and we will email you if a place comes free."),
        None,
    ),
    CANCELLED: (
        gettext_lazy("Booking cancelled: %(course)s"),
        gettext_lazy("Your place on %(session)s is cancelled. The attached invitation removes it from your calendar."),
        "CANCEL",
    ),
    DECLINED: (
        gettext_lazy("Booking not approved: %(course)s"),
        gettext_lazy("Your booking for %(session)s was not approved, so you do not have a place. "
                     "Your line manager or your council's L&D or HR lead can tell you why."),
        None,
    ),
    SESSION_CHANGED: (
        gettext_lazy("Session changed: %(course)s"),
        gettext_lazy("The details of %(session)s have changed. The attached invitation updates your calendar."),
        "REQUEST",
    ),
    SESSION_CHANGED_WAITING: (
        gettext_lazy("Session changed: %(course)s"),
        gettext_lazy("The details of %(session)s have changed. You are still on the waiting list, "
                     "and we will email you if a place comes free."),
        None,
    ),
    SESSION_CHANGED_PENDING: (
        gettext_lazy("Session changed: %(course)s"),
        gettext_lazy("The details of %(session)s have changed. Your booking is still waiting for approval."),
        None,
    ),
}


def one_line(text: str, limit: int | None = None) -> str:
    """Text for a header: every run of whitespace (\\r, \\n, \\u2028 …) becomes one space, other control
    characters go, and it is cut to `limit` characters with an ellipsis."""
    text = "".join(" " if unicodedata.category(c) in {"Cc", "Zl", "Zp"} and not c.isspace() else c for c in str(text))
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def calendar(booking, *, cancel: bool) -> bytes:
    session = booking.session
    cal = Calendar()
    cal.add("prodid", "-//Partnering//Learning together//EN")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancel else "REQUEST")
    event = Event()
    now = timezone.now()
    event.add("uid", f"session-{session.pk}-booking-{booking.pk}@partnering")
    # Each invitation for a booking supersedes the last one sent (a changed session, then a cancellation).
    event.add("sequence", int(now.timestamp()))
    event.add("dtstamp", now)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at or session.starts_at)
    event.add("summary", one_line(session.course.title))
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    if session.venue:
        event.add("location", vText(one_line(f"{session.venue.name}, {session.venue.address}".replace("\n", ", "))))
    elif session.online_url:
        event.add("location", vText(session.online_url))
    attendee = vCalAddress(f"mailto:{booking.person.email}")
    attendee.params["cn"] = vText(one_line(booking.person.full_name))
    event.add("attendee", attendee)
    cal.add_component(event)
    return cal.to_ical()


def session_label(session) -> str:
    """The course and when it is, in the active language ("ILM Level 3 Award, 3 Mehefin 2026, 10:00")."""
    when = formats.date_format(timezone.localtime(session.starts_at), "j F Y, H:i") if session.starts_at else _("date to be set")
    return f"{one_line(session.course.title)}, {when}"


def _subject(template, **values) -> str:
    return one_line(str(template) % values, SUBJECT_MAX_LENGTH)


# --- Who is told what (runs after the commit, in the request or the caller) -----------------

def _enqueue(kind: str, object_id: int, recipient_id: int) -> None:
    from .tasks import send_email

    try:
        send_email.enqueue(kind, object_id, recipient_id)
    except Exception:
        logger.exception("Could not enqueue the %s email about %s for person %s", kind, object_id, recipient_id)


def _person_kind(status: str, *, promoted: bool, decided: bool) -> str | None:
    from .models import Booking

    return {
        Booking.Status.PENDING: PENDING,
        Booking.Status.BOOKED: APPROVED if decided else PROMOTED if promoted else BOOKED,
        Booking.Status.WAITLISTED: APPROVED_WAITLISTED if decided else WAITLISTED,
        Booking.Status.CANCELLED: DECLINED if decided else CANCELLED,
    }.get(status)


def approvers_of(booking) -> list:
    """Whom to ask to approve a booking: the person's current line manager in that council and the council's
    current L&D or HR leads, each only if the access rules let them approve it (so never the person)."""
    from partnering.access import scope_of
    from partnering.access.learning import can_approve_booking
    from partnering.people.models import CouncilRole, Employment, Person

    current = Employment.objects.current().filter(council_id=booking.council_id)
    managers = current.filter(person_id=booking.person_id, line_manager__isnull=False).values("line_manager_id")
    leads = current.filter(roles__role=CouncilRole.Role.LEAD).values("person_id")
    candidates = Person.objects.filter(Q(pk__in=managers) | Q(pk__in=leads), is_active=True).exclude(pk=booking.person_id)
    return [person for person in candidates.order_by("pk") if can_approve_booking(scope_of(person), booking)]


def booking_changed(booking, *, promoted: bool = False, decided: bool = False) -> None:
    """Tell the person about their booking as it now stands; a booking waiting for approval also asks its approvers.
    `decided`: an approver has just approved or declined it. Call once the change is committed."""
    try:
        kind = _person_kind(booking.status, promoted=promoted, decided=decided)
        if kind:
            _enqueue(kind, booking.pk, booking.person_id)
        if kind == PENDING:
            for approver in approvers_of(booking):
                _enqueue(APPROVAL_REQUEST, booking.pk, approver.pk)
    except Exception:
        logger.exception("Could not send the emails about booking %s", booking.pk)


def request_follow_up(booking_id: int, person_id: int) -> None:
    """Ask the person what has changed since their session. Call once the request is committed."""
    _enqueue(FOLLOW_UP, booking_id, person_id)


def session_changed(session, *, now_dated: bool) -> int:
    """Tell everyone with a place, a waiting-list place or a booking waiting for approval (and, once the session
    has a date, everyone who registered interest). Returns how many emails were enqueued."""
    from .models import Booking

    kinds = {Booking.Status.BOOKED: SESSION_CHANGED, Booking.Status.WAITLISTED: SESSION_CHANGED_WAITING,
             Booking.Status.PENDING: SESSION_CHANGED_PENDING}
    enqueued = 0
    try:
        for booking_id, person_id, status in session.bookings.filter(status__in=kinds).values_list("pk", "person_id", "status"):
            _enqueue(kinds[status], booking_id, person_id)
            enqueued += 1
        if now_dated:
            for interest_id, person_id in session.interests.values_list("pk", "person_id"):
                _enqueue(SESSION_DATED, interest_id, person_id)
                enqueued += 1
    except Exception:
        logger.exception("Could not send the emails about session %s", session.pk)
    return enqueued


# --- Building one email (runs in the task) ------------------------------------------------

def _booking(booking_id: int):
    from .models import Booking

    return (Booking.objects.select_related("person", "council", "session__course", "session__venue")
            .filter(pk=booking_id).first())


def _to_the_person(kind: str, booking, recipient) -> EmailMessage:
    subject, body, method = _TO_THE_PERSON[kind]
    session = booking.session
    message = EmailMessage(_subject(subject, course=session.course.title),
                           str(body) % {"session": session_label(session)}, to=[recipient.email])
    if method and session.starts_at:
        cancel = method == "CANCEL"
        message.attach("invitation.ics", calendar(booking, cancel=cancel), f"text/calendar; method={method}")
    return message


def _approval_request(booking, recipient) -> EmailMessage:
    session = booking.session
    link = site_url(reverse("learning:approvals"))
    subject = _subject(_("Booking to approve: %(person)s, %(course)s"), person=booking.person.full_name or booking.person.email,
                       course=session.course.title)
    body = "\n\n".join([
        _("%(person)s has asked for a place on %(session)s for %(council)s. It needs approval from their line manager "
          "or the council's L&D or HR lead before a place is held.")
        % {"person": one_line(booking.person.full_name or booking.person.email), "session": session_label(session),
           "council": booking.council.name},
        _("Approve or decline it: %(url)s") % {"url": link},
    ])
    return EmailMessage(subject, body, to=[recipient.email])


def _session_dated(interest_id: int, recipient) -> EmailMessage | None:
    from .models import Interest

    interest = Interest.objects.select_related("session__course").filter(pk=interest_id).first()
    if interest is None:
        return None
    session = interest.session
    return EmailMessage(
        _subject(_("A date is set: %(course)s"), course=session.course.title),
        _("You said you would come to %(course)s. It now has a date: %(session)s. Book a place in the catalogue.")
        % {"course": one_line(session.course.title), "session": session_label(session)},
        to=[recipient.email],
    )


def _follow_up(booking, recipient) -> EmailMessage:
    link = site_url(reverse("learning:follow-up", args=[booking.pk]))
    return EmailMessage(
        _subject(_("Three months on: %(course)s"), course=booking.session.course.title),
        _("What has changed in your work since the course? Tell us here: %(link)s") % {"link": link},
        to=[recipient.email],
    )


def build(kind: str, object_id: int, recipient_id: int) -> EmailMessage | None:
    """The email, in the recipient's language; None when there is no one (or nothing) left to tell."""
    from partnering.people.models import Person

    recipient = Person.objects.filter(pk=recipient_id).first()
    if recipient is None or not recipient.email:
        return None
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        if kind == SESSION_DATED:
            return _session_dated(object_id, recipient)
        booking = _booking(object_id)
        if booking is None:
            return None
        if kind == APPROVAL_REQUEST:
            return _approval_request(booking, recipient)
        if kind == FOLLOW_UP:
            return _follow_up(booking, recipient)
        return _to_the_person(kind, booking, recipient)
