from django.core.management.base import BaseCommand

from partnering.workforce.services import send_reminders


class Command(BaseCommand):
    help = "Remind before secondments end, and remind shared staff whose last week's time is not submitted. Run daily."

    def handle(self, *args, **options):
        counts = send_reminders()
        self.stdout.write(f"{counts['secondments']} secondment reminders, {counts['timesheets']} time reminders sent.")
