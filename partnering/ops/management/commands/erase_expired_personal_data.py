"""Anonymise leavers whose councils' retention periods have passed (the scheduler's daily task runs the same)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from partnering.core import audit
from partnering.ops.retention import erase_expired


class Command(BaseCommand):
    help = "Anonymise the personal data of people whose councils' retention periods have passed since they left."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count who is due and change nothing")
        parser.add_argument("--on", metavar="YYYY-MM-DD", help="decide who is due as on this day (default: today)")

    def handle(self, *args, **options):
        on = None
        if options["on"]:
            try:
                on = datetime.date.fromisoformat(options["on"])
            except ValueError as error:
                raise CommandError(f"--on must be a date like 2027-03-31, not {options['on']!r}.") from error
        with audit.acting_as(None, source="command:erase_expired_personal_data"):
            result = erase_expired(on=on, dry_run=options["dry_run"], source="command:erase_expired_personal_data")
        if result.dry_run:
            self.stdout.write(f"Due for erasure: {result.due} (dry run: nothing changed)")
            return
        self.stdout.write(f"Due for erasure: {result.due}; anonymised: {result.erased}")
        for app, count in sorted(result.records.items()):
            self.stdout.write(f"  {app}: {count} records changed or removed")
