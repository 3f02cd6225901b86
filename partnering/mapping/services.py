"""Writes for the mapping exercise: upload, map, commit, restore. Each is atomic and audited.

`actor=None` means the command line, which runs with the operator's authority;
from the browser the actor must be the council's L&D or HR lead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.mapping import can_edit_topics
from partnering.access.organisations import can_manage_council, can_share_with
from partnering.core import audit
from partnering.core.models import Sharing
from partnering.organisations.models import Council
from partnering.reference.topics import TopicMatcher

from .importers import (
    FileProblem,
    Layout,
    LayoutProblem,
    Problem,
    ReturnParser,
    Summary,
    build_layout,
    choose_sheet,
    open_workbook,
)
from .importers.extras import Extras, read_extras
from .models import Arrangement, ColumnMapping, ImportBatch, Investment, Provision, Return, Topic

INSERT_BATCH = 5000


class ImportRejected(Exception):
    """The return has problems; nothing was written. `problems` says what and where."""

    def __init__(self, problems: list[Problem], summary: Summary | None = None):
        super().__init__(f"{len(problems)} problem(s) in the return; nothing was imported.")
        self.problems = problems
        self.summary = summary


def _require_lead(actor, council) -> None:
    """Commands run by the site's operators pass no actor; people must lead the council."""
    if actor is not None:
        require(can_manage_council(scope_of(actor), council), "Only the council's L&D or HR lead can import its return.")


def find_council(code: str) -> Council:
    """A council by GSS code, slug, short name or name."""
    code = code.strip()
    council = Council.objects.filter(
        Q(gss_code__iexact=code) | Q(slug__iexact=code) | Q(short_name__iexact=code) | Q(name__iexact=code)
    ).first()
    if council is None:
        raise FileProblem(_("Unknown council {code!r}: use a GSS code such as W06000011 or a slug such as swansea.").format(code=code))
    return council


def read_batch_file(batch: ImportBatch):
    with batch.source.open("rb") as handle:
        return open_workbook(handle.read(), batch.original_filename)


@audit.actor_argument()
@transaction.atomic
def return_upload(*, council: Council, year: int, filename: str, data: bytes, actor, sharing=None, shared_with=None,
                  workbook=None) -> ImportBatch:
    """Keep the uploaded file as a draft batch, after checking it is a spreadsheet we can read.

    The sharing chosen is kept on the draft and given to the return only when the draft is committed
    (`batch_commit`), so until then the return's lines stay as visible as they were. `sharing=None`
    keeps the return's sharing. A file that cannot be read raises FileProblem and nothing is kept:
    no draft, no return, no stored file.
    """
    _require_lead(actor, council)
    require(can_share_with(council, shared_with if sharing == Sharing.PARTNERSHIP else None),
            "A council shares its return only with a partnership it belongs to.")
    workbook = workbook or open_workbook(data, filename)
    workbook.read_every_sheet()  # a damaged sheet is refused now, not on the next page
    try:
        sheet = choose_sheet(workbook)
    except LayoutProblem:
        sheet = ""  # the user chooses on the next page
    council_return, _ = Return.objects.get_or_create(council=council, year=year)
    batch = ImportBatch(
        council_return=council_return, original_filename=filename[:255], uploaded_by=actor, sheet=sheet,
        sharing=sharing or "", shared_with=shared_with if sharing == Sharing.PARTNERSHIP else None,
    )
    batch.full_clean(exclude=["source"])
    batch.source.save(filename, ContentFile(data), save=False)
    try:
        batch.save()
    except BaseException:
        batch.source.delete(save=False)  # the database rolls back; the stored file must go too
        raise
    return batch


def remembered_mapping(council: Council) -> dict[str, str]:
    stored = ColumnMapping.objects.filter(council=council).first()
    return stored.mapping if stored else {}


def batch_layout(batch: ImportBatch, workbook=None) -> Layout:
    """How the batch's sheet is read: its saved mapping, or the council's remembered one, or header names."""
    workbook = workbook or read_batch_file(batch)
    sheet = choose_sheet(workbook, batch.sheet or None)
    council = batch.council_return.council
    return build_layout(workbook, sheet, overrides=batch.mapping or None, remembered=remembered_mapping(council))


@audit.actor_argument()
@transaction.atomic
def batch_set_layout(*, batch: ImportBatch, actor, sheet: str, mapping: dict[str, str]) -> Layout:
    _require_lead(actor, batch.council_return.council)
    workbook = read_batch_file(batch)
    layout = build_layout(workbook, choose_sheet(workbook, sheet), overrides=mapping)
    batch.sheet, batch.header_row, batch.mapping = layout.sheet, layout.header_row, layout.header_mapping()
    batch.save(update_fields=["sheet", "header_row", "mapping"])
    return layout


@dataclass
class Preview:
    layout: Layout
    summary: Summary
    sample: list = field(default_factory=list)
    extras: Extras = field(default_factory=Extras)
    unknown_partners: list[Problem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [*self.summary.problems, *self.extras.problems, *self.unknown_partners]


def _resolve_partners(extras: Extras) -> tuple[dict[int, list[Council]], list[Problem]]:
    resolved, problems = {}, []
    for line in extras.arrangements:
        councils = []
        for name in line.partners:
            try:
                councils.append(find_council(name))
            except FileProblem as error:
                problems.append(Problem(line.row, _("Arrangements: Partner councils"), name, str(error)))
        resolved[line.row] = councils
    return resolved, problems


def batch_preview(batch: ImportBatch, sample_size: int = 20) -> Preview:
    """Read the whole return without writing anything: counts, totals, problems and the first lines."""
    workbook = read_batch_file(batch)
    return preview(workbook, batch_layout(batch, workbook), sample_size)


def preview(workbook, layout: Layout, sample_size: int = 20) -> Preview:
    parser = ReturnParser(workbook, layout)
    sample = []
    for line in parser.lines():
        if len(sample) < sample_size:
            sample.append(line)
    extras = read_extras(workbook)
    _, unknown = _resolve_partners(extras)
    return Preview(layout, parser.summary, sample, extras, unknown)


def topic_matcher() -> TopicMatcher:
    return TopicMatcher([topic.terms() for topic in Topic.objects.all()])


@audit.actor_argument()
@transaction.atomic
def batch_commit(*, batch: ImportBatch, actor, workbook=None) -> ImportBatch:
    """Write every line of the return in one transaction, replacing the year's previous batch.

    Lines are inserted in chunks as they are read, so memory stays flat; any problem
    anywhere rolls the whole transaction back and raises ImportRejected.
    """
    council_return = Return.objects.select_for_update().get(pk=batch.council_return_id)
    council = council_return.council
    _require_lead(actor, council)
    if batch.status != ImportBatch.Status.DRAFT:
        raise FileProblem(_("This upload has already been committed."))
    workbook = workbook or read_batch_file(batch)
    layout = batch_layout(batch, workbook)
    parser = ReturnParser(workbook, layout)
    matcher = topic_matcher()
    chunk: list[tuple] = []
    council_id, year, batch_id, resolve = council.pk, council_return.year, batch.pk, matcher.resolve
    for line in parser.lines():
        topic_id, suggested = resolve(line.topic, line.title)
        chunk.append((
            council_id, year, batch_id, line.row, line.title, topic_id, suggested, line.topic or "",
            line.delivery_method or "", line.provider_type or "", line.provider_name or "", line.accreditation or "",
            line.level or "", line.duration_hours, line.sessions_per_year, line.learners_per_year, line.annual_cost_pence,
            line.venue or "", line.notes or "",
        ))
        if len(chunk) >= INSERT_BATCH and not parser.summary.problems:
            _insert_lines(chunk)
            chunk = []
        elif parser.summary.problems:
            chunk = []  # it will be rolled back anyway: stop holding lines
    extras = read_extras(workbook)
    partners, unknown = _resolve_partners(extras)
    problems = [*parser.summary.problems, *extras.problems, *unknown]
    if problems:
        raise ImportRejected(problems, parser.summary)
    if parser.summary.lines == 0:
        raise ImportRejected([Problem(None, None, "", _("The return has no lines to import."))], parser.summary)
    _insert_lines(chunk)
    # The lines go in with executemany, past the model's signals: one entry stands for all of them.
    audit.record_bulk(model=Provision, council=council, action=audit.Action.CREATE, count=parser.summary.lines,
                      description=_("Imported %(count)d lines from %(file)s") % {"count": parser.summary.lines, "file": batch.original_filename})

    previous = council_return.active_batch
    if previous is not None:
        previous.status = ImportBatch.Status.REPLACED
        previous.save(update_fields=["status"])
    summary = parser.summary
    batch.status = ImportBatch.Status.ACTIVE
    batch.committed_at = timezone.now()
    batch.sheet, batch.header_row, batch.mapping = layout.sheet, layout.header_row, layout.header_mapping()
    batch.line_count, batch.total_learners, batch.total_cost_pence = summary.lines, summary.total_learners, summary.total_cost_pence
    batch.report = {**summary.as_json(), "totals_rows": summary.totals_rows}
    batch.save()
    _apply_sharing(council_return, batch, actor)
    ColumnMapping.objects.update_or_create(council=council, defaults={"mapping": layout.header_mapping()})
    _save_extras(council, council_return.year, batch, extras, partners, actor)
    return batch


def _apply_sharing(council_return: Return, batch: ImportBatch, actor) -> None:
    """Make the batch the return's lines and, if the upload chose one, give the return its new sharing."""
    changes_sharing = bool(batch.sharing) and (
        (batch.sharing, batch.shared_with_id) != (council_return.sharing, council_return.shared_with_id))
    council_return.active_batch = batch
    if not changes_sharing:
        council_return.save(update_fields=["active_batch"])
        return
    council_return.sharing, council_return.shared_with = batch.sharing, batch.shared_with
    council_return.save(update_fields=["active_batch", "sharing", "shared_with"])


LINE_COLUMNS = (
    "council", "year", "batch", "row_number", "title", "topic", "topic_suggested", "topic_as_written", "delivery_method",
    "provider_type", "provider_name", "accreditation", "level", "duration_hours", "sessions_per_year", "learners_per_year",
    "annual_cost_pence", "venue", "notes",
)


def _insert_lines(rows: list[tuple]) -> None:
    """Insert parsed lines with one executemany. The parser has already validated every value and the
    database constraints still apply; skipping model instances makes a 100,000-line return several
    times faster than bulk_create."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(Provision._meta.get_field(name).column) for name in LINE_COLUMNS)
    placeholders = ", ".join(["%s"] * len(LINE_COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {quote(Provision._meta.db_table)} ({columns}) VALUES ({placeholders})", rows)


def _save_extras(council, year, batch, extras: Extras, partners, actor) -> None:
    if extras.investment.any():
        investment, _created = Investment.objects.get_or_create(council=council, year=year)
        for name, value in vars(extras.investment).items():
            if value is not None:
                setattr(investment, name, value)
        investment.save()
    if extras.arrangements:
        # The return's arrangements sheet replaces arrangements imported with earlier returns for the year.
        Arrangement.objects.filter(council=council, year=year, batch__isnull=False).delete()
        for line in extras.arrangements:
            arrangement = Arrangement.objects.create(
                council=council, year=year, subject=line.subject[:200] or "—", kind=line.kind, description=line.description, batch=batch
            )
            arrangement.partners.set(partners.get(line.row, []))


@audit.actor_argument()
@transaction.atomic
def batch_restore(*, batch: ImportBatch, actor) -> ImportBatch:
    """Make an earlier, replaced upload the year's return again."""
    council_return = Return.objects.select_for_update().get(pk=batch.council_return_id)
    _require_lead(actor, council_return.council)
    if batch.status != ImportBatch.Status.REPLACED:
        raise FileProblem(_("Only a replaced upload can be restored."))
    current = council_return.active_batch
    if current is not None:
        current.status = ImportBatch.Status.REPLACED
        current.save(update_fields=["status"])
    batch.status = ImportBatch.Status.ACTIVE
    batch.save(update_fields=["status"])
    council_return.active_batch = batch
    council_return.save(update_fields=["active_batch"])
    return batch


@audit.actor_argument()
def import_return(*, council: Council, year: int, filename: str, data: bytes, actor=None, sheet=None,
                  mapping=None, dry_run=False) -> tuple[ImportBatch | None, Summary]:
    """Upload, map and commit in one go (the command line and the demo loader use this)."""
    _require_lead(actor, council)
    if dry_run:
        workbook = open_workbook(data, filename)
        layout = build_layout(workbook, choose_sheet(workbook, sheet), mapping, remembered=remembered_mapping(council))
        checked = preview(workbook, layout)
        if checked.problems:
            raise ImportRejected(checked.problems, checked.summary)
        return None, checked.summary
    batch = None
    try:
        with transaction.atomic():
            workbook = open_workbook(data, filename)  # opened once: opening parses every shared string
            batch = return_upload(council=council, year=year, filename=filename, data=data, actor=actor, workbook=workbook)
            if sheet or mapping:
                batch_set_layout(batch=batch, actor=actor, sheet=sheet or batch.sheet, mapping=mapping or {})
            batch = batch_commit(batch=batch, actor=actor, workbook=workbook)
    except Exception:
        if batch is not None:
            batch.source.delete(save=False)  # the database rolled back; do not keep the orphaned file either
        raise
    summary = Summary(lines=batch.line_count, total_learners=batch.total_learners, total_cost_pence=batch.total_cost_pence,
                      skipped_blank=batch.report.get("skipped_blank", 0), skipped_totals=batch.report.get("skipped_totals", 0))
    return batch, summary


@audit.actor_argument()
@transaction.atomic
def suggested_topic_accept(*, line: Provision, actor, topic: Topic) -> Provision:
    _require_lead(actor, line.council)
    line.topic, line.topic_suggested = topic, False
    line.save(update_fields=["topic", "topic_suggested"])
    return line


@audit.actor_argument()
@transaction.atomic
def investment_save(*, council: Council, year: int, actor, **values) -> Investment:
    _require_lead(actor, council)
    investment, _created = Investment.objects.get_or_create(council=council, year=year)
    for name, value in values.items():
        setattr(investment, name, value)
    investment.full_clean()
    investment.save()
    return investment


@audit.actor_argument()
@transaction.atomic
def arrangement_create(*, council: Council, actor, year: int, partners, subject: str, kind: str, description: str = "") -> Arrangement:
    _require_lead(actor, council)
    arrangement = Arrangement(council=council, year=year, subject=subject, kind=kind, description=description)
    arrangement.full_clean()
    arrangement.save()
    arrangement.partners.set(partners)
    return arrangement


@audit.actor_argument()
@transaction.atomic
def topic_save(*, topic: Topic, actor) -> Topic:
    require(can_edit_topics(scope_of(actor)), "Only coordinators can change the topic taxonomy.")
    topic.full_clean()
    topic.save()
    return topic


@audit.actor_argument()
@transaction.atomic
def suggested_topics_accept_all(*, council: Council, year: int, actor) -> int:
    """Accept every suggested topic in the council's current return for the year; returns how many."""
    _require_lead(actor, council)
    lines = Provision.objects.current().filter(council=council, year=year, topic_suggested=True, topic__isnull=False)
    count = lines.update(topic_suggested=False)
    council_return = Return.objects.get(council=council, year=year) if count else None
    audit.record_bulk(model=Provision, council=council, action=audit.Action.UPDATE, count=count,
                      description=_("Accepted %(count)d suggested topics in %(return)s") % {"count": count, "return": council_return},
                      changes={"suggested topics accepted": [0, count]})
    return count
