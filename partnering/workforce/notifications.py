"""Emails about time and secondments, each built in the recipient's language by a task
(`partnering.workforce.tasks.send_email`) after the change is committed. Email is never a reason for a
submission or an approval to fail: failures are logged and go no further."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from partnering.learning.notifications import SUBJECT_MAX_LENGTH, one_line, site_url

logger = logging.getLogger(__name__)

SUBMITTED = "submitted"  # to each approver: a period waits for them
APPROVED = "approved"  # to the person
RETURNED = "returned"  # to the person, with what needs changing
MISSING = "missing"  # to the person: last week's time is not submitted
ENDING = "ending"  # to the person seconded and the home council's leads: the secondment ends soon
KINDS = (SUBMITTED, APPROVED, RETURNED, MISSING, ENDING)


def enqueue(kind: str, object_id: int, recipient_id: int) -> None:
    from .tasks import send_email

    try:
        send_email.enqueue(kind, object_id, recipient_id)
    except Exception:
        logger.exception("Could not enqueue the %s email about %s for person %s", kind, object_id, recipient_id)


def _date(day) -> str:
    return formats.date_format(day, "j F Y")


def build(kind: str, object_id: int, recipient_id: int) -> EmailMessage | None:
    """The email in the recipient's language; None when there is nobody, or nothing left, to tell."""
    from partnering.people.models import Person

    from .models import Secondment, Timesheet

    recipient = Person.objects.filter(pk=recipient_id).first()
    if recipient is None or not recipient.email or kind not in KINDS:
        return None
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        if kind == ENDING:
            secondment = Secondment.objects.select_related("person", "home", "host", "partnership").filter(pk=object_id).first()
            if secondment is None:
                return None
            where = secondment.host.name if secondment.host else secondment.partnership.name
            subject = _("Secondment ends on %(date)s: %(person)s") % {"date": _date(secondment.end_on), "person": secondment.person}
            body = [_("%(person)s's secondment from %(home)s to %(where)s as %(role)s ends on %(date)s. Agree whether it is extended, "
                      "and what happens to the back-fill.") % {"person": secondment.person, "home": secondment.home.name, "where": where,
                                                               "role": secondment.role, "date": _date(secondment.end_on)},
                    site_url(reverse("workforce:secondment-detail", args=[secondment.pk]))]
        else:
            timesheet = Timesheet.objects.select_related("person", "council").filter(pk=object_id).first()
            if timesheet is None:
                return None
            period = _("%(start)s to %(end)s") % {"start": _date(timesheet.start_on), "end": _date(timesheet.end_on)}
            link = site_url(reverse("workforce:timesheet", args=[timesheet.pk]))
            if kind == SUBMITTED:
                if timesheet.status != Timesheet.Status.SUBMITTED:
                    return None
                subject = _("Time to approve: %(person)s, %(period)s") % {"person": timesheet.person, "period": period}
                body = [_("%(person)s has submitted their time for %(period)s for you to approve.")
                        % {"person": timesheet.person, "period": period}, link]
            elif kind == APPROVED:
                subject = _("Your time for %(period)s is approved") % {"period": period}
                body = [_("Your time for %(period)s is approved and locked.") % {"period": period}, link]
            elif kind == RETURNED:
                subject = _("Your time for %(period)s needs changes") % {"period": period}
                body = [_("Your time for %(period)s was returned: %(comment)s") % {"period": period, "comment": timesheet.comment}, link]
            else:
                if timesheet.status in (Timesheet.Status.SUBMITTED, Timesheet.Status.APPROVED):
                    return None
                subject = _("Please submit your time for %(period)s") % {"period": period}
                body = [_("Your time for %(period)s for %(council)s is not submitted yet.")
                        % {"period": period, "council": timesheet.council.name}, link]
        return EmailMessage(one_line(subject, SUBJECT_MAX_LENGTH), "\n\n".join(body), to=[recipient.email])
