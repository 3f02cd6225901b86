"""Emails about bookings, each with an iCalendar invitation (or cancellation) attached."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText


def calendar(booking, *, cancel: bool) -> bytes:
    session = booking.session
    cal = Calendar()
    cal.add("prodid", "-//Partnering//Learning together//EN")
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancel else "REQUEST")
    event = Event()
    event.add("uid", f"session-{session.pk}-booking-{booking.pk}@partnering")
    event.add("sequence", int(booking.updated_at.timestamp()) if booking.updated_at else 0)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at or session.starts_at)
    event.add("summary", session.course.title)
    event.add("status", "CANCELLED" if cancel else "CONFIRMED")
    if session.venue:
        event.add("location", vText(f"{session.venue.name}, {session.venue.address}".replace("\n", ", ")))
    elif session.online_url:
        event.add("location", vText(session.online_url))
    attendee = vCalAddress(f"mailto:{booking.person.email}")
    attendee.params["cn"] = vText(booking.person.full_name)
    event.add("attendee", attendee)
    cal.add_component(event)
    return cal.to_ical()


def session_changed(session, *, now_dated: bool) -> int:
    """Tell everyone with a place or a waiting-list place (and, once it has a date, everyone interested)."""
    from .models import Booking

    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for booking in session.bookings.filter(status__in=[Booking.Status.BOOKED, Booking.Status.WAITLISTED]).select_related("person"):
            message = EmailMessage(_("Session changed: %(course)s") % {"course": session.course.title},
                                   _("The details of %(session)s have changed. The attached invitation updates your calendar.") % {"session": session},
                                   to=[booking.person.email])
            if session.starts_at:
                message.attach("invitation.ics", calendar(booking, cancel=False), "text/calendar; method=REQUEST")
            message.send(fail_silently=False)
            sent += 1
        if now_dated:
            for interest in session.interests.select_related("person"):
                EmailMessage(_("A date is set: %(course)s") % {"course": session.course.title},
                             _("You said you would come to %(course)s. It now has a date: %(session)s. Book a place in the catalogue.")
                             % {"course": session.course.title, "session": session}, to=[interest.person.email]).send(fail_silently=False)
                sent += 1
    return sent


def booking_changed(booking, *, promoted: bool = False) -> None:
    from .models import Booking

    session = booking.session
    with translation.override(settings.LANGUAGE_CODE):
        if booking.status == Booking.Status.WAITLISTED:
            subject = _("You are on the waiting list: %(course)s") % {"course": session.course.title}
            body = _("There are no places left on %(session)s. You are on the waiting list, and we will email you if a place comes free.")
            attach, cancel = False, False
        elif booking.status == Booking.Status.CANCELLED:
            subject = _("Booking cancelled: %(course)s") % {"course": session.course.title}
            body = _("Your place on %(session)s is cancelled. The attached invitation removes it from your calendar.")
            attach, cancel = True, True
        else:
            subject = (_("A place came free for you: %(course)s") if promoted else _("Booking confirmed: %(course)s")) % {"course": session.course.title}
            body = _("You have a place on %(session)s. The attached invitation adds it to your calendar.")
            attach, cancel = True, False
        message = EmailMessage(subject, body % {"session": session}, to=[booking.person.email])
        if attach and session.starts_at:
            message.attach("invitation.ics", calendar(booking, cancel=cancel), f"text/calendar; method={'CANCEL' if cancel else 'REQUEST'}")
        message.send(fail_silently=False)
