"""Loading a council's people and jobs from its HR export: checked first (every problem by row and column), then
committed in one transaction. The import owns what it made: a later full export ends the jobs it made that are no
longer there (never deleting anyone); jobs entered by hand are left alone unless the lead (or the council's HR system,
through the API) chooses to include them.

The browser uploads a draft, shows the check and commits it (`hr_upload`, `hr_check`, `hr_commit`); the API sends
the whole file at once (`hr_import_file`): the same reading, mapping and checks, then one commit or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access.identity import can_import_people
from partnering.access.scope import require, scope_of
from partnering.core import audit
from partnering.core.dates import today
from partnering.mapping.importers.parsing import column_letter
from partnering.organisations.models import Council, Venue
from partnering.people.models import Employment, Person
from partnering.people.services import role_grant

from .hr import FIELDS, Existing, Export, Plan, Problem, plan, read_export
from .models import HrImport, HrMapping, ImportedEmployment

MAX_BYTES = 20 * 1024 * 1024  # the largest export read, in the browser and through the API


@dataclass
class Checked:
    export: Export
    plan: Plan | None

    @property
    def problems(self) -> list[Problem]:
        return self.export.problems

    @property
    def can_commit(self) -> bool:
        return not self.export.problems and self.plan is not None


def mapping_of(council) -> dict[str, str]:
    found = HrMapping.objects.filter(council=council).first()
    return dict(found.mapping) if found else {}


@audit.actor_argument("actor")
@transaction.atomic
def hr_upload(*, actor, council, filename: str, data: bytes, full_export: bool) -> HrImport:
    require(can_import_people(scope_of(actor), council), "Only the council's leads import its people.")
    read_export(data, filename, mapping_of(council))  # FileProblem for a file that cannot be read at all
    return HrImport.objects.create(council=council, filename=filename[:255], data=data, full_export=full_export, created_by=actor)


@audit.actor_argument("actor")
@transaction.atomic
def hr_mapping_save(*, actor, council, mapping: dict[str, str]) -> None:
    require(can_import_people(scope_of(actor), council), "Only the council's leads map its HR export.")
    clean = {header: field for header, field in mapping.items() if field in FIELDS or field == ""}
    HrMapping.objects.update_or_create(council=council, defaults={"mapping": {**mapping_of(council), **clean}})


def _existing(council) -> list[Existing]:
    rows = []
    for employment in Employment.objects.current().filter(council=council).select_related("person", "imported"):
        imported = getattr(employment, "imported", None)
        key = (imported.staff_number if imported and imported.staff_number else "") or employment.person.email
        rows.append(Existing(key=key, email=employment.person.email, imported=imported is not None))
    return rows


def hr_check(hr_import: HrImport) -> Checked:
    """Reads the file with the council's remembered mapping and checks what only the database knows (line managers,
    work bases)."""
    return check_export(hr_import.council, bytes(hr_import.data), hr_import.filename, full_export=hr_import.full_export)


def check_export(council, data: bytes, filename: str, *, full_export: bool) -> Checked:
    """`hr_check` for a file not (yet) kept: raises FileProblem for a file that cannot be read at all."""
    export = read_export(data, filename, mapping_of(council))
    if export.problems:
        return Checked(export, None)
    in_file = {row.email for row in export.rows} | {row.staff_number for row in export.rows if row.staff_number}
    venues = {name.lower() for name in Venue.objects.filter(council=council).values_list("name", flat=True)}
    for row in export.rows:
        if row.line_manager and row.line_manager not in in_file and not _person_at(council, row.line_manager):
            export.problems.append(Problem(row.row, column_letter(export.columns["line_manager"]), "line_manager",
                                           _("No one with “%(who)s” works for %(council)s or is in this file.") % {
                                               "who": row.line_manager, "council": council.name}))
        if row.work_base and row.work_base.lower() not in venues:
            export.problems.append(Problem(row.row, column_letter(export.columns["work_base"]), "work_base",
                                           _("%(council)s has no venue called “%(base)s”: add it first, or leave the cell empty.") % {
                                               "council": council.name, "base": row.work_base}))
    export.problems.sort(key=lambda p: (p.row, p.column))
    return Checked(export, None if export.problems else plan(export.rows, _existing(council), full_export=full_export))


def _person_at(council, reference: str) -> Person | None:
    by_number = ImportedEmployment.objects.filter(staff_number=reference, employment__council=council).select_related("employment__person").first()
    if by_number:
        return by_number.employment.person
    return Person.objects.filter(email__iexact=reference, employments__council=council).distinct().first()


def _open_employment(council, row) -> Employment | None:
    if row.staff_number:
        owned = ImportedEmployment.objects.filter(staff_number=row.staff_number, employment__council=council,
                                                  employment__end_on__isnull=True).select_related("employment").first()
        if owned:
            return owned.employment
    return Employment.objects.filter(council=council, person__email__iexact=row.email, end_on__isnull=True).first()


@audit.actor_argument("actor")
@transaction.atomic
def hr_commit(*, actor, hr_import: HrImport, include_hand_entered: bool = False) -> dict:
    """Applies a checked import in one transaction; nothing is written if anything is wrong. With
    `include_hand_entered`, a full export also ends the jobs entered by hand (not by an import) that it leaves out."""
    council = hr_import.council
    require(can_import_people(scope_of(actor), council), "Only the council's leads import its people.")
    hr_import = HrImport.objects.select_for_update().get(pk=hr_import.pk)
    if hr_import.status != HrImport.Status.DRAFT:
        raise ValueError(_("This import has already been committed."))
    checked = hr_check(hr_import)
    if not checked.can_commit:
        raise ValueError(_("This import has problems: correct the file and upload it again."))
    return _apply(hr_import, checked, include_hand_entered=include_hand_entered)


class ExportProblems(Exception):
    """The file was read but has problems (by row and column, or columns not mapped): nothing was written."""

    def __init__(self, checked: Checked):
        super().__init__(_("The file has problems: nothing was imported."))
        self.checked = checked


@dataclass
class FileImport:
    """What the API's whole-file import did (or, on a dry run, would do)."""

    checked: Checked
    counts: dict
    hr_import: HrImport | None  # None on a dry run: nothing was written


def preview_counts(checked: Checked, *, include_hand_entered: bool) -> dict:
    """What committing would do, in the same words as the commit's counts."""
    plan_ = checked.plan
    return {"started": len(plan_.starters), "changed": len(plan_.changes), "left": len(plan_.leavers_in_file), "ended": len(plan_.missing),
            "ended_hand_entered": len(plan_.hand_entered_missing) if include_hand_entered else 0,
            "left_alone": 0 if include_hand_entered else len(plan_.hand_entered_missing)}


@transaction.atomic
def hr_import_file(*, scope, council, filename: str, data: bytes, full_export: bool, include_hand_entered: bool = False,
                   dry_run: bool = False) -> FileImport:
    """A whole HR export in one request (the council's HR system through the API): read with the council's remembered
    mapping and checked as in the browser; with any problem, ExportProblems and nothing written (FileProblem for a
    file that cannot be read at all); otherwise kept and committed at once, or, on a dry run, only previewed. Who acts
    is the caller's audit context."""
    require(can_import_people(scope, council), "Only the council's leads and its own HR system import its people.")
    if not dry_run:  # one import at a time per council, so two sent at once cannot both add the same starter
        Council.objects.select_for_update().filter(pk=council.pk).first()
    checked = check_export(council, data, filename, full_export=full_export)
    if not checked.can_commit:
        raise ExportProblems(checked)
    if dry_run:
        return FileImport(checked, preview_counts(checked, include_hand_entered=include_hand_entered), None)
    hr_import = HrImport.objects.create(council=council, filename=filename[:255], data=data, full_export=full_export)
    return FileImport(checked, _apply(hr_import, checked, include_hand_entered=include_hand_entered), hr_import)


def _apply(hr_import: HrImport, checked: Checked, *, include_hand_entered: bool) -> dict:
    council = hr_import.council
    venues = {v.name.lower(): v for v in Venue.objects.filter(council=council)}
    made: dict[str, Person] = {}
    hand_entered = checked.plan.hand_entered_missing if include_hand_entered else []
    counts = {"started": 0, "changed": 0, "left": 0, "ended": 0, "ended_hand_entered": 0,
              "left_alone": len(checked.plan.hand_entered_missing) - len(hand_entered)}
    for row in [*checked.plan.starters, *checked.plan.changes, *checked.plan.leavers_in_file]:
        person = Person.objects.filter(email__iexact=row.email).first() or Person.objects.create_user(email=row.email, full_name=row.full_name)
        made[row.email] = person
        if row.staff_number:
            made[row.staff_number] = person
        employment = _open_employment(council, row)
        created = employment is None
        if created:
            employment = Employment(person=person, council=council)
        employment.job_title, employment.start_on, employment.end_on = row.job_title, row.start_on, row.end_on
        if row.fte is not None:
            employment.fte = row.fte
        employment.work_base = venues.get(row.work_base.lower()) if row.work_base else employment.work_base
        employment.save()
        if created:
            ImportedEmployment.objects.create(employment=employment, staff_number=row.staff_number, hr_import=hr_import)
        elif row.staff_number:
            ImportedEmployment.objects.filter(employment=employment).update(staff_number=row.staff_number)
        for role in row.roles or (("staff",) if created else ()):
            role_grant(employment=employment, role=role)
        counts["left" if row.end_on else ("started" if created else "changed")] += 1
    for row in [*checked.plan.starters, *checked.plan.changes, *checked.plan.leavers_in_file]:
        if row.line_manager:
            manager = made.get(row.line_manager) or _person_at(council, row.line_manager)
            for employment in Employment.objects.filter(council=council, person=made[row.email], start_on=row.start_on).exclude(
                    line_manager=manager):
                employment.line_manager = manager
                employment.save()
    day = today()
    for gone in checked.plan.missing:
        for employment in Employment.objects.filter(council=council, end_on__isnull=True, imported__isnull=False).filter(
                person__email__iexact=gone.email):
            employment.end_on = max(day, employment.start_on)
            employment.save()
            counts["ended"] += 1
    for gone in hand_entered:  # only when the lead chose to: jobs no import made, missing from this full export
        for employment in Employment.objects.filter(council=council, end_on__isnull=True, imported__isnull=True).filter(
                person__email__iexact=gone.email):
            employment.end_on = max(day, employment.start_on)
            employment.save()
            counts["ended_hand_entered"] += 1
    hr_import.status = HrImport.Status.COMMITTED
    hr_import.summary = {**counts, "include_hand_entered": include_hand_entered, "at": timezone.now().isoformat()}
    hr_import.data = b""  # the file's rows (names, addresses, staff numbers) are in the people's records now: keep only the summary
    hr_import.save()
    return counts
