from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnering.mapping.importers import FileProblem
from partnering.mapping.models import Provision
from partnering.mapping.services import find_council
from partnering.mapping.spreadsheets import export_provision


class Command(BaseCommand):
    help = "Export a council's return for a year to .csv or .xlsx (text that a spreadsheet would run is neutralised)."

    def add_arguments(self, parser):
        parser.add_argument("--council", required=True, help="GSS code or slug")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--out", required=True, type=Path, help="a .csv or .xlsx file")

    def handle(self, *args, council, year, out: Path, **options):
        fmt = out.suffix.lower().lstrip(".")
        if fmt not in ("csv", "xlsx"):
            raise CommandError(f"--out must end in .csv or .xlsx, not {out.suffix or 'nothing'}.")
        try:
            target = find_council(council)
        except FileProblem as error:
            raise CommandError(str(error)) from error
        lines = Provision.objects.current().filter(council=target, year=year).select_related("topic").order_by("row_number")
        count = lines.count()
        if not count:
            raise CommandError(f"{target.name} has no return for {year}.")
        out.write_bytes(export_provision(lines, fmt))
        self.stdout.write(f"Wrote {count} lines to {out}.")
