from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.core import audit
from partnering.learning.models import Evaluation


class Command(BaseCommand):
    help = "Ask attendees what changed, three months after their session. Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="where Partnering is served, for the link")

    def handle(self, *args, base_url, **options):
        with audit.acting_as(None, source="command:send_follow_ups"):
            sent = self._send(base_url)
        self.stdout.write(f"{sent} follow-up requests sent.")

    def _send(self, base_url) -> int:
        sent = 0
        for evaluation in Evaluation.objects.filter(follow_up_at__isnull=True, follow_up_requested_at__isnull=True).select_related("booking__person", "booking__session__course"):
            if not evaluation.follow_up_due:
                continue
            link = base_url.rstrip("/") + reverse("learning:follow-up", args=[evaluation.booking_id])
            send_mail(_("Three months on: %(course)s") % {"course": evaluation.booking.session.course.title},
                      _("What has changed in your work since the course? Tell us here: %(link)s") % {"link": link},
                      None, [evaluation.booking.person.email])
            evaluation.follow_up_requested_at = timezone.now()
            evaluation.save(update_fields=["follow_up_requested_at"])
            sent += 1
        return sent
