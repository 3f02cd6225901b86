"""Each council's retention rule for its leavers' personal data, and the erasure that applies it.

Who is due is decided by the pure `retention_rules`; erasing one person runs every app's eraser (each app changes
only its own records, in its own `erasure` module) inside one transaction, quietly, because an audit entry per
change would copy into the trail the very data being erased. What is left: one summary audit entry and one
`ErasureLog` row, both naming the person only by the number of their now anonymous row.

Every app that holds something about a person says so twice: a section in `personal_data` (what the person can
download) and an entry in `ERASERS` here (what erasure does with it). A test checks that every section and every
model pointing at a person is covered, so a new one cannot be forgotten."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from partnering.access.retention import can_set_retention
from partnering.access.scope import require, scope_of
from partnering.core import audit
from partnering.core.dates import current_on, today
from partnering.core.errors import Refused

from . import retention_rules
from .models import ErasureLog, RetentionRule
from .retention_rules import MAX_MONTHS, MIN_MONTHS, Due


@dataclass(frozen=True)
class Former:
    """What identified the person before erasure, for erasers that must find it elsewhere or take it out of the trail."""

    full_name: str
    email: str
    identifiers: tuple[str, ...] = ()  # subjects at identity providers…
    council_identifiers: tuple[tuple[int, str, tuple[type, object]], ...] = ()  # (council, staff number, (model, pk) holding it)
    records: tuple[tuple[type, tuple], ...] = ()  # (model, primary keys): the person's own records, found before any eraser ran


@dataclass(frozen=True)
class Eraser:
    app: str
    anonymise: Callable[..., int]  # (person, former) -> how many records it changed or removed
    handles: dict[str, str]  # model label -> what erasure does with its records about the person
    sections: tuple[str, ...] = ()  # the personal_data sections whose contents it erases or keeps on purpose
    identifiers: Callable[..., list[str]] | None = None  # (person) -> what else identifies them, read before any eraser runs
    fields: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # label -> (path to the person, fields blanked)
    council_identifiers: Callable[..., list] | None = None  # (person) -> [(council, text, (model, pk))]: only that council's
    records: Callable[..., list] | None = None  # (person) -> [(model, pks)]: their records that point at no person (by address…)


ERASERS: dict[str, Eraser] = {}

# Models of apps with nothing personal to erase: they only note who recorded, decided or owns something, and the
# link then reads as the anonymised person.
WHO_DID_IT = "kept: who recorded, decided or owns it now reads as the anonymised person"
KEPT: dict[str, str] = {
    **{label: WHO_DID_IT for label in (
        "mapping.ImportBatch", "glossary.Term", "overlap.AnalysisRun", "overlap.Decision", "overlap.Equivalence", "overlap.Question",
        "planning.VenuePlan", "costs.CostPool", "costs.PoolBasis", "costs.Cost", "costs.FundingPackage", "costs.Award",
        "costs.Amendment", "costs.ProfileLine", "costs.Reprofile", "costs.Spend", "costs.Claim", "costs.InKind",
        "costs.EntitlementPool", "costs.Drawdown", "costs.OneToOne", "costs.ThemeGroup", "meetings.AgendaItem", "meetings.Paper",
        "meetings.Action", "assessment.Framework", "assessment.Assessment", "assessment.Evidence", "assessment.Survey",
        "api.ApiToken", "programmes.Project", "programmes.StatusReport", "programmes.Risk", "programmes.SignOff",
        "programmes.IndicatorPeriod", "programmes.Lesson", "programmes.AgreementVersion", "programmes.ScrutinyQuestion")},
    "meetings.BodyMember": "kept: who sat on a body when, for its attendance figures, as the anonymised person",
    "programmes.ScrutinyMember": "kept: who sat on scrutiny when, as the anonymised person",
    "assessment.Invitation": "kept: a survey's response rate counts invitations; they hold no answer",
}


def register(app: str, anonymise: Callable[..., int], *, handles: dict[str, str], sections: tuple[str, ...] = (),
             identifiers: Callable[..., list[str]] | None = None, fields: dict | None = None,
             council_identifiers: Callable[..., list] | None = None, records: Callable[..., list] | None = None) -> None:
    ERASERS[app] = Eraser(app, anonymise, handles, sections, identifiers, fields or {}, council_identifiers, records)


# What the erasure log calls each app's records (the keys stay in the log; people read these).
APP_LABELS = {
    "identity": _lazy("sign-ins and staff numbers"),
    "learning": _lazy("training"),
    "directory": _lazy("skills directory"),
    "community": _lazy("community"),
    "workforce": _lazy("shared posts, secondments and timesheets"),
    "trail": _lazy("audit trail"),
    "people": _lazy("person and employments"),
}


def app_label(app: str) -> str:
    return APP_LABELS.get(app, app)


def _records_of(person) -> tuple[tuple[type, tuple], ...]:
    """Every record about the person, before anything is erased: the person, every record pointing at them or at one
    of their employments (whatever erasure then blanks, removes or keeps), the records erasers reach by a path
    (an evaluation through its booking) and those an eraser finds otherwise. Only the trail's entries about these
    are redacted."""
    from django.apps import apps

    from partnering.people.models import Employment, Person

    employments = list(Employment.objects.filter(person=person).values_list("pk", flat=True))
    found: dict[type, set] = {Person: {person.pk}}
    for model in apps.get_models():
        for relation in model._meta.get_fields():
            if not (relation.concrete and relation.is_relation and relation.related_model in (Person, Employment)):
                continue
            if relation.related_model is Person:
                pks = model._base_manager.filter(**{relation.name: person}).values_list("pk", flat=True)
            elif employments:
                pks = model._base_manager.filter(**{f"{relation.name}__in": employments}).values_list("pk", flat=True)
            else:
                continue
            found.setdefault(model, set()).update(pks)
    for eraser in ERASERS.values():
        for label, (path, _names) in eraser.fields.items():
            model = apps.get_model(label)
            found.setdefault(model, set()).update(model._base_manager.filter(**{path: person}).values_list("pk", flat=True))
        for model, pks in (eraser.records(person) if eraser.records else ()):
            found.setdefault(model, set()).update(pks)
    return tuple((model, tuple(sorted(pks))) for model, pks in found.items() if pks)


def _erased_history(person) -> list[tuple[type, list, tuple[str, ...]]]:
    """The records whose blanked fields the audit trail may still hold earlier values of: (model, keys, fields)."""
    from django.apps import apps

    found = []
    for eraser in ERASERS.values():
        for label, (path, names) in eraser.fields.items():
            model = apps.get_model(label)
            found.append((model, list(model._base_manager.filter(**{path: person}).values_list("pk", flat=True)), names))
    return found


def _built_in() -> None:
    """Every app's eraser; people goes last so the others can still find the person by their old address if they need to."""
    from partnering.community import erasure as community
    from partnering.core import erasure as core
    from partnering.directory import erasure as directory
    from partnering.identity import erasure as identity
    from partnering.learning import erasure as learning
    from partnering.people import erasure as people
    from partnering.workforce import erasure as workforce

    register("identity", identity.anonymise_person, handles=identity.HANDLES, sections=("sign-ins",), identifiers=identity.identifiers_of,
             fields=identity.ERASED_FIELDS, council_identifiers=identity.staff_numbers_of, records=identity.records_of)
    register("learning", learning.anonymise_person, handles=learning.HANDLES,
             sections=("bookings", "training records", "training record shared with"), fields=learning.ERASED_FIELDS)
    register("directory", directory.anonymise_person, handles=directory.HANDLES, fields=directory.ERASED_FIELDS)
    register("community", community.anonymise_person, handles=community.HANDLES)
    register("workforce", workforce.anonymise_person, handles=workforce.HANDLES, sections=("shared posts", "secondments"),
             fields=workforce.ERASED_FIELDS)
    register("trail", lambda person, former: core.redact_person(
        records=former.records, texts=(former.full_name, former.email, *former.identifiers), council_texts=former.council_identifiers,
        replacement=people.anonymised_name(person.pk), history=_erased_history(person)), handles=core.HANDLES)
    register("people", people.anonymise_person, handles=people.HANDLES, sections=("employments", "partnership roles"))


_built_in()


# --- The rule -----------------------------------------------------------------------------------------------------


def months_for(council) -> int | None:
    """The council's period, or None when it keeps data until its lead sets one."""
    return RetentionRule.objects.filter(council=council).values_list("months", flat=True).first()


@audit.actor_argument("actor")
def set_retention(*, council, months: int | None, actor=None) -> RetentionRule:
    """Set (or, with None, clear) how many months after leaving the council keeps a person's data. Recorded in the
    council's audit trail. Only those who may (its leads, site administrators)."""
    require(can_set_retention(scope_of(actor), council), "Only the council's leads set how long it keeps leavers' data.")
    if months is not None and not MIN_MONTHS <= months <= MAX_MONTHS:
        raise Refused(_("Enter a number of months between %(low)d and %(high)d, or leave it blank to keep data until you set a period.")
                      % {"low": MIN_MONTHS, "high": MAX_MONTHS}, field="months")
    with transaction.atomic():
        rule, created = RetentionRule.objects.select_for_update().get_or_create(council=council, defaults={"months": months})
        if not created and rule.months != months:
            rule.months = months
            rule.save(update_fields=["months"])
    return rule


# --- Who is due ---------------------------------------------------------------------------------------------------


def _still_active(on: datetime.date) -> list:
    """People who on `on` still hold something in the partnership, each as a subquery of person ids: a partnership role
    (a coordinator or board member), a seat on scrutiny or on a meeting body (a body's members have no dates: always
    current), a shared post not yet ended (or not yet started) and a secondment."""
    from partnering.meetings.models import BodyMember
    from partnering.people.models import PartnershipRole
    from partnering.programmes.models import ScrutinyMember
    from partnering.workforce.models import Secondment, SharedPost

    current = current_on(on, "start_on", "end_on")
    return [PartnershipRole.objects.filter(current).values("person_id"), ScrutinyMember.objects.filter(current).values("person_id"),
            BodyMember.objects.values("person_id"),
            SharedPost.objects.filter(Q(end_on__isnull=True) | Q(end_on__gte=on)).values("person_id"),
            Secondment.objects.filter(current).values("person_id")]


def _candidate_employments(on: datetime.date, council=None):
    """Employments of people who might be due on `on`: every employment ended (someone still employed anywhere is not
    due), not already erased, not site administrators (their accounts are not a council's to erase), and holding
    nothing current in the partnership (see `_still_active`). With `council`, only people it employed (all their
    employments still: another council's later period decides)."""
    from partnering.people.models import Employment

    employments = (Employment.objects.exclude(person_id__in=Employment.objects.filter(end_on__isnull=True).values("person_id"))
                   .exclude(person_id__in=ErasureLog.objects.values("person_pk"))
                   .exclude(Q(person__is_staff=True) | Q(person__is_superuser=True)))
    for active in _still_active(on):
        employments = employments.exclude(person_id__in=active)
    if council is not None:
        employments = employments.filter(person_id__in=Employment.objects.filter(council=council).values("person_id"))
    return employments


def _months_by_council() -> dict[int, int | None]:
    return dict(RetentionRule.objects.values_list("council_id", "months"))


def due_on(day: datetime.date, *, council=None) -> list[Due]:
    """Everyone the next run on `day` would anonymise, by person (with `council`, only people it employed)."""
    employments = [retention_rules.Employment(person_id, council_id, end_on) for person_id, council_id, end_on
                   in _candidate_employments(day, council).values_list("person_id", "council_id", "end_on")]
    return retention_rules.due_on(day, employments, _months_by_council())


@dataclass(frozen=True)
class PreviewRow:
    person_id: int
    full_name: str
    left_on: datetime.date  # when their last employment with this council ended
    keep_until: datetime.date
    decided_by: str  # the council whose period decides (another council's, if it runs out later)


def preview_for(council, day: datetime.date) -> list[PreviewRow]:
    """The people the next run would anonymise who worked for `council`: for its lead's page."""
    from partnering.organisations.models import Council
    from partnering.people.models import Employment

    due = {row.person_id: row for row in due_on(day, council=council)}
    left: dict[int, tuple[str, datetime.date]] = {}
    for person_id, full_name, end_on in (Employment.objects.filter(council=council, person_id__in=due)
                                         .values_list("person_id", "person__full_name", "end_on")):
        if person_id not in left or end_on > left[person_id][1]:
            left[person_id] = (full_name, end_on)
    names = dict(Council.objects.filter(pk__in={due[pk].council_id for pk in left}).values_list("pk", "short_name"))
    rows = [PreviewRow(pk, name, left_on, due[pk].keep_until, names[due[pk].council_id]) for pk, (name, left_on) in left.items()]
    return sorted(rows, key=lambda row: (row.keep_until, row.full_name, row.person_id))


def erasures_for(council):
    return ErasureLog.objects.filter(council=council)


# --- The erasure ----------------------------------------------------------------------------------------------------


@dataclass
class Result:
    due: int = 0
    erased: int = 0
    records: dict[str, int] = field(default_factory=dict)  # by app, over everyone erased
    dry_run: bool = False


def erase_person(person, due: Due, *, source: str) -> ErasureLog | None:
    """Anonymise one person through every app's eraser, in one transaction, and log it. None if another run got
    there first (the log's unique person number stops a second erasure)."""
    from partnering.people.models import Person

    former = Former(person.full_name, person.email,
                    tuple(text for eraser in ERASERS.values() if eraser.identifiers for text in eraser.identifiers(person)),
                    tuple(tuple(found) for eraser in ERASERS.values() if eraser.council_identifiers
                          for found in eraser.council_identifiers(person)),
                    _records_of(person))
    try:
        with transaction.atomic(), audit.acting_as(None, source=source):
            log = ErasureLog.objects.create(council_id=due.council_id, person_pk=person.pk, months=due.months, source=source[:100])
            with audit.quiet():
                counts = {app: eraser.anonymise(person, former) for app, eraser in ERASERS.items()}
            log.records = counts
            log.save(update_fields=["records"])
            audit.record_bulk(model=Person, council=due.council_id, action=audit.Action.UPDATE, count=1,
                              description=_("Personal data of person #%(pk)d anonymised under the council's retention rule "
                                            "(%(months)d months after leaving)") % {"pk": person.pk, "months": due.months})
    except IntegrityError:
        if ErasureLog.objects.filter(person_pk=person.pk).exists():
            return None
        raise
    return log


def erase_expired(*, on: datetime.date | None = None, dry_run: bool = False, source: str = "") -> Result:
    """Anonymise everyone due on `on` (today by default); with `dry_run`, only count them."""
    from partnering.people.models import Person

    due = due_on(on or today())
    result = Result(due=len(due), dry_run=dry_run)
    if dry_run:
        return result
    people = Person.objects.in_bulk([row.person_id for row in due])
    for row in due:
        log = erase_person(people[row.person_id], row, source=source or audit.current_source())
        if log is not None:
            result.erased += 1
            for app, count in log.records.items():
                result.records[app] = result.records.get(app, 0) + count
    return result
