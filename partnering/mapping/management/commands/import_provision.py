import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnering.core import audit
from partnering.mapping.importers import FileProblem
from partnering.mapping.importers.__main__ import parse_map
from partnering.mapping.services import ImportRejected, find_council, import_return


class Command(BaseCommand):
    help = "Import a council's L&D return for a year from .xlsx, .xls, .ods or .csv. Writes nothing if anything is wrong."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--council", required=True, help="GSS code or slug, e.g. W06000011 or swansea")
        parser.add_argument("--year", required=True, type=int, help="financial year starting, e.g. 2025 for 2025/26")
        parser.add_argument("--sheet")
        parser.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD", help='e.g. --map "Course=title"')
        parser.add_argument("--dry-run", action="store_true", help="check the file and report, without writing")
        parser.add_argument("--json", action="store_true", help="print the summary as JSON")

    def handle(self, *args, file: Path, council: str, year: int, sheet, map, dry_run, **options):
        if not 2000 <= year <= 2100:
            raise CommandError(f"--year {year} is not a financial year we accept (2000 to 2100).")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        try:
            target = find_council(council)
            with audit.acting_as(None, source="command:import_provision"):
                _, summary = import_return(
                    council=target, year=year, filename=file.name, data=data, sheet=sheet, mapping=parse_map(map), dry_run=dry_run
                )
        except ImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(f"{file.name}: {problem}")
            raise CommandError(f"{len(rejected.problems)} problem(s); nothing was imported.") from rejected
        except FileProblem as problem:
            raise CommandError(f"{file.name}: {problem}") from problem
        if options["json"]:
            self.stdout.write(_dumps(summary.as_json()))
        else:
            verb = "would import" if dry_run else "imported"
            self.stdout.write(
                f"{target.name} {year}: {verb} {summary.lines} lines ({summary.total_learners} learners, "
                f"£{summary.total_cost_pence / 100:,.2f}); skipped {summary.skipped_blank} blank and {summary.skipped_totals} totals rows."
            )


def _dumps(value) -> str:
    return json.dumps(value)
