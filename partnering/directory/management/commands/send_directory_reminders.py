from django.core.management.base import BaseCommand

from partnering.directory.services import send_reminders


class Command(BaseCommand):
    help = "Remind people asked to help whose answer is due by the next working day. Run daily."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminders sent.")
