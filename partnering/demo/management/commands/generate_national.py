import json
from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError

from partnering.core import audit
from partnering.demo.national import NATIONAL_PASSWORD, NotGeneratedDatabase, Scale, generate


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = ("Generate a synthetic national dataset for load tests: every UK council (about 400) in regional partnerships, "
            "their staff, provision lines, overlap groups, joint courses, sessions and bookings. Bulk-written, bypassing the "
            "per-row services (see partnering/demo/national.py); refuses a database holding anything else unless --force.")

    def add_arguments(self, parser):
        defaults = Scale()
        parser.add_argument("--councils", type=_positive, default=defaults.councils)
        parser.add_argument("--staff", type=_positive, default=defaults.staff)
        parser.add_argument("--provision", type=_positive, default=defaults.provision)
        parser.add_argument("--seed", type=int, default=defaults.seed)
        parser.add_argument("--force", action="store_true", help="Add the synthetic councils beside data the generator did not make.")
        parser.add_argument("--summary-json", help="Also write the counts, time, size and sign-ins to this file.")

    def handle(self, *args, **options):
        scale = Scale(councils=options["councils"], staff=options["staff"], provision=options["provision"], seed=options["seed"])
        try:
            with audit.acting_as(None, source="command:generate_national"):
                report = generate(scale, force=options["force"], progress=lambda message: self.stdout.write(message))
        except NotGeneratedDatabase as error:
            raise CommandError(str(error)) from error
        size = f"{report.database_bytes / 1024 ** 2:,.0f} MB" if report.database_bytes else "unknown size"
        self.stdout.write(f"Generated in {report.seconds:,.1f} s; database now {size}.")
        for table, count in report.rows.items():
            self.stdout.write(f"  {table:24} {count:>12,}")
        self.stdout.write(f"Sign-ins for the largest partnership ({report.partnership_slug}), password {NATIONAL_PASSWORD}:")
        for kind, email in report.accounts.items():
            self.stdout.write(f"  {kind:12} {email}")
        if options["summary_json"]:
            with open(options["summary_json"], "w") as handle:
                json.dump({"scale": asdict(scale), **asdict(report)}, handle, indent=2)
