from django.core.management.base import BaseCommand

from partnering.core import audit


class Command(BaseCommand):
    help = "Send the weekly groups digest to every member who chose it (run it once a week, e.g. from cron)."

    def handle(self, *args, **options):
        from partnering.community.digest import send_digests

        with audit.acting_as(None, source="command:send_group_digest"):
            sent = send_digests()
        self.stdout.write(f"Sent {sent} weekly digest(s).")
