"""Emails inviting people to answer a survey, and reminding those who have not. Each is built in the
recipient's language by a task (`partnering.assessment.tasks.send_email`) after the wave is committed; email is
never a reason for sending a survey to fail (failures are logged). The emails say nothing about answers."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from partnering.learning.notifications import SUBJECT_MAX_LENGTH, one_line, site_url

logger = logging.getLogger(__name__)

INVITE = "invite"
REMIND = "remind"


def invite(wave_id: int, person_ids, *, reminder: bool) -> None:
    from .tasks import send_email

    for person_id in person_ids:
        try:
            send_email.enqueue(REMIND if reminder else INVITE, wave_id, person_id)
        except Exception:
            logger.exception("Could not enqueue the survey email for wave %s to person %s", wave_id, person_id)


def build(kind: str, wave_id: int, recipient_id: int) -> EmailMessage | None:
    from partnering.people.models import Person

    from .models import Invitation

    invitation = Invitation.objects.select_related("wave__survey__partnership", "person").filter(wave_id=wave_id, person_id=recipient_id).first()
    recipient = Person.objects.filter(pk=recipient_id).first()
    if invitation is None or recipient is None or not recipient.email or kind not in (INVITE, REMIND):
        return None
    if kind == REMIND and invitation.answered:
        return None
    wave = invitation.wave
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        title = one_line(wave.survey.title)
        link = site_url(reverse("assessment:answer", args=[wave.pk]))
        by = formats.date_format(wave.closes_on, "j F Y")
        if kind == INVITE:
            subject = _("Please answer: %(survey)s") % {"survey": title}
            opening = _("%(partnership)s asks for your views in a short survey: %(survey)s.") % {
                "partnership": wave.survey.partnership.name, "survey": title}
        else:
            subject = _("Reminder: %(survey)s") % {"survey": title}
            opening = _("You have not yet answered the survey %(survey)s.") % {"survey": title}
        lines = [opening,
                 _("Your answers are anonymous: Partnering records that you have answered, but not which answers are yours, and "
                   "no figure for fewer than a handful of people is ever shown."),
                 _("Please answer by %(date)s: %(url)s") % {"date": by, "url": link}]
        return EmailMessage(one_line(subject, SUBJECT_MAX_LENGTH), "\n\n".join(lines), to=[recipient.email])
