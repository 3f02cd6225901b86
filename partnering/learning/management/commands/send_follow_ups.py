from django.core.management.base import BaseCommand

from partnering.core import audit
from partnering.learning.services import request_follow_ups


class Command(BaseCommand):
    help = "Ask attendees what changed, three months after their session. Run daily (the scheduler does)."

    def handle(self, *args, **options):
        with audit.acting_as(None, source="command:send_follow_ups"):
            sent = request_follow_ups()
        self.stdout.write(f"{sent} follow-up requests sent.")
