"""Remind coordinators (and host councils' leads) about agreements coming up for review or expiry; run daily."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from partnering.programmes import services


class Command(BaseCommand):
    help = "Email reminders about agreements whose review or expiry date is within their reminder window (once per date)."

    def add_arguments(self, parser):
        parser.add_argument("--on", help="the day to run as, like 2026-03-31 (default: today)")

    def handle(self, *args, on=None, **options):
        try:
            day = datetime.date.fromisoformat(on) if on else None
        except ValueError:
            raise CommandError(f"--on: expected a date like 2026-03-31, got {on!r}") from None
        count = services.send_agreement_reminders(day)
        self.stdout.write(f"{count} agreement(s) reminded about")
