from django.core.management.base import BaseCommand

from partnering.learning.services import release_reserved_places


class Command(BaseCommand):
    help = "Give released reserved places to waiting lists. Run it every few minutes (cron or a scheduler)."

    def handle(self, *args, **options):
        self.stdout.write(f"{release_reserved_places()} waiting-list bookings promoted.")
