from django.core.management.base import BaseCommand, CommandError

from partnering.core import audit
from partnering.demo.loader import DEMO_PASSWORD, NotDemoDatabase, load_demo


class Command(BaseCommand):
    help = "Load the demo region (idempotent). Refuses a database that holds non-demo data."

    def handle(self, *args, **options):
        try:
            with audit.acting_as(None, source="command:load_demo"):
                report = load_demo()
        except NotDemoDatabase as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Demo region ready: {report.councils} councils, {report.partnerships} partnerships, {report.venues} venues; "
            f"{report.people_created} people, {report.employments_created} employments and {report.returns} L&D returns "
            "(through the spreadsheet importer) added this time; "
            f"{report.overlap_groups} groups of provision shared by two or more councils; {report.sessions} joint sessions scheduled; "
            f"{report.cost_records} records of shared costs, funding and pooled support days added this time."
        )
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
        for email, name in report.accounts:
            self.stdout.write(f"  {email:45} {name}")
