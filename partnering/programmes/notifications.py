"""Emails: highlight reports to the board, newsletters to the partnership, reminders about agreements.

Each email is built by a task (`partnering.programmes.tasks.send_email`) in the recipient's own language
(`Person.language`, else the site's). Email never makes the change it describes fail: problems are logged."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _

from partnering.core.dates import current_on, today

logger = logging.getLogger(__name__)

HIGHLIGHT = "highlight"
NEWSLETTER = "newsletter"
AGREEMENT = "agreement"


def one_line(text: str, limit: int = 150) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _enqueue(kind: str, object_id: int, recipient_id: int) -> None:
    from .tasks import send_email

    try:
        send_email.enqueue(kind, object_id, recipient_id)
    except Exception:
        logger.exception("Could not enqueue the %s email about %s for person %s", kind, object_id, recipient_id)


def _partnership_people(partnership_id: int, roles=("coordinator", "board")) -> set[int]:
    from partnering.people.models import PartnershipRole

    return set(PartnershipRole.objects.filter(current_on(today(), "start_on", "end_on"), partnership_id=partnership_id, role__in=roles)
               .values_list("person_id", flat=True))


def _member_leads(partnership_id: int) -> set[int]:
    from partnering.organisations.models import Membership
    from partnering.people.models import Employment

    councils = Membership.objects.filter(current_on(today(), "joined_on", "left_on"), partnership_id=partnership_id).values("council_id")
    return set(Employment.objects.filter(current_on(today(), "start_on", "end_on"), council_id__in=councils, roles__role="lead")
               .values_list("person_id", flat=True))


def _scrutiny(partnership_id: int) -> set[int]:
    from .models import ScrutinyMember

    return set(ScrutinyMember.objects.filter(current_on(today(), "start_on", "end_on"), partnership_id=partnership_id)
               .values_list("person_id", flat=True))


def highlight_sent(report) -> int:
    """The board and the coordinators get the month's highlight report."""
    recipients = _partnership_people(report.programme.partnership_id)
    for person_id in sorted(recipients):
        _enqueue(HIGHLIGHT, report.pk, person_id)
    return len(recipients)


def newsletter_sent(newsletter) -> int:
    """The coordinators, the board, the member councils' leads and the scrutiny members get the newsletter
    (staff read it on its page, linked from their home page)."""
    recipients = _partnership_people(newsletter.partnership_id) | _member_leads(newsletter.partnership_id) | _scrutiny(newsletter.partnership_id)
    for person_id in sorted(recipients):
        _enqueue(NEWSLETTER, newsletter.pk, person_id)
    return len(recipients)


def agreement_due(agreement) -> int:
    """The coordinators, and the host council's leads, are told an agreement is coming up for review or expiry."""
    from partnering.people.models import Employment

    recipients = _partnership_people(agreement.partnership_id, roles=("coordinator",))
    if agreement.host_id:
        recipients |= set(Employment.objects.filter(Q(end_on__isnull=True) | Q(end_on__gte=today()), council_id=agreement.host_id,
                                                    roles__role="lead").values_list("person_id", flat=True))
    for person_id in sorted(recipients):
        _enqueue(AGREEMENT, agreement.pk, person_id)
    return len(recipients)


def _highlight(report_id: int, recipient) -> EmailMessage | None:
    from . import services
    from .models import HighlightReport

    report = HighlightReport.objects.filter(pk=report_id).select_related("programme__partnership").first()
    if report is None:
        return None
    month = formats.date_format(report.month, "F Y")
    figures = services.highlight_figures(report.programme, report.month)
    body = render_to_string("programmes/email_highlight.txt", {"report": report, "figures": figures, "month": month,
                                                                "link": site_url(reverse("programmes:highlight", args=[report.pk]))})
    message = EmailMessage(one_line(_("Highlight report for %(month)s: %(programme)s") % {"month": month, "programme": report.programme.name}),
                           body, to=[recipient.email])
    from partnering.core.pdf import render_pdf

    pdf = render_pdf("programmes/highlight_pdf.html", {"report": report, "figures": figures}, title=_("Highlight report"))
    message.attach(f"highlight-{report.month:%Y-%m}.pdf", pdf, "application/pdf")
    return message


def _newsletter(newsletter_id: int, recipient) -> EmailMessage | None:
    from . import services
    from .models import Newsletter

    newsletter = Newsletter.objects.filter(pk=newsletter_id).select_related("partnership").first()
    if newsletter is None:
        return None
    welsh = translation.get_language() == "cy"
    body = render_to_string("programmes/email_newsletter.txt", {
        "newsletter": newsletter, "welsh": welsh, "contents": services.newsletter_contents(newsletter),
        "link": site_url(reverse("programmes:newsletter", args=[newsletter.pk]))})
    return EmailMessage(one_line(newsletter.title_cy if welsh else newsletter.title_en), body, to=[recipient.email])


def _agreement(agreement_id: int, recipient) -> EmailMessage | None:
    from .models import Agreement

    agreement = Agreement.objects.filter(pk=agreement_id).select_related("partnership").first()
    if agreement is None or agreement.reminded_for is None:
        return None
    when = formats.date_format(agreement.reminded_for, "j F Y")
    body = _("%(title)s (%(partnership)s) comes up for review or expiry on %(date)s. Check it is still right, agree any changes "
             "with the parties and upload the new version.\n\n%(link)s") % {
        "title": agreement.title, "partnership": agreement.partnership.name, "date": when,
        "link": site_url(reverse("programmes:agreement", args=[agreement.pk]))}
    return EmailMessage(one_line(_("Agreement due for review: %(title)s") % {"title": agreement.title}), body, to=[recipient.email])


def build(kind: str, object_id: int, recipient_id: int) -> EmailMessage | None:
    from partnering.people.models import Person

    recipient = Person.objects.filter(pk=recipient_id).first()
    if recipient is None or not recipient.email:
        return None
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        builder = {HIGHLIGHT: _highlight, NEWSLETTER: _newsletter, AGREEMENT: _agreement}.get(kind)
        return builder(object_id, recipient) if builder else None
