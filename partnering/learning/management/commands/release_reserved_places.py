from django.core.management.base import BaseCommand

from partnering.core import audit
from partnering.learning.services import release_reserved_places


class Command(BaseCommand):
    help = "Give released reserved places to waiting lists. Run it every few minutes (cron or a scheduler)."

    def handle(self, *args, **options):
        with audit.acting_as(None, source="command:release_reserved_places"):
            promoted = release_reserved_places()
        self.stdout.write(f"{promoted} waiting-list bookings promoted.")
