"""The audit trail: who changed which record, when, through what, and from what to what.

Every model in `REGISTRY` is recorded automatically, whatever writes it (a service, a view, the admin, a
command, a task): signals compare the row before and after each save (`pre_save` fetches the old row once),
record deletions (`pre_delete`/`post_delete`) and many-to-many changes (`m2m_changed`). The entry is
written by the same database connection straight after the change, so inside the caller's transaction.

Who acted comes from the context, not from each call:

- a request: `AuditMiddleware` says "the signed-in person, through the web";
- the admin: `AuditedAdmin` says "this administrator, through the admin";
- a service: `@actor_argument("actor")` says "whoever the `actor` argument names";
- a command or task: `with acting_as(None, source="command:<name>")` (or the person a task acts for).

With nobody named the entry has no actor (the page shows "System") and says where it came from.

What the signals cannot see is recorded explicitly: writes that bypass models (`QuerySet.update`,
`bulk_create`, raw `executemany`) get one summary entry each from `record_bulk`, and work that replaces
many derived rows at once runs inside `quiet()` and sums itself up with `record_bulk` too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import signals

from .models import AuditEntry

Action = AuditEntry.Action


@dataclass(frozen=True)
class Audited:
    """How one model is recorded. `council` and `partnership` are attribute paths from a record to the
    council or partnership that owns it ("self" for a council or partnership itself); their leads and
    coordinators read its entries. A model owned by neither is read by site administrators only."""

    council: str | None = None
    partnership: str | None = None
    exclude: tuple[str, ...] = ()  # fields not worth recording: derived, bulky or secret
    m2m: tuple[str, ...] = ()  # many-to-many fields whose changes are recorded


# Every model of the project apps is either here or in NOT_AUDITED, with the reason (a test checks).
REGISTRY: dict[str, Audited] = {
    # organisations
    "organisations.Council": Audited(council="self"),
    "organisations.Partnership": Audited(partnership="self", m2m=("councils",)),
    "organisations.Membership": Audited(council="council", partnership="partnership"),
    "organisations.Venue": Audited(council="council"),
    # people: a person's account is nobody's council's, so site administrators read its entries
    "people.Person": Audited(exclude=("last_login",), m2m=("groups", "user_permissions")),
    "people.Employment": Audited(council="council"),
    "people.CouncilRole": Audited(council="employment.council"),
    "people.PartnershipRole": Audited(partnership="partnership"),
    # mapping; the shared topic taxonomy belongs to no one council
    "mapping.Topic": Audited(),
    "mapping.Return": Audited(council="council"),
    "mapping.ImportBatch": Audited(council="council_return.council", exclude=("report",)),
    "mapping.Provision": Audited(council="council"),  # imported lines arrive in bulk: one summary per import
    "mapping.Investment": Audited(council="council"),
    "mapping.Arrangement": Audited(council="council", m2m=("partners",)),
    # overlap; a run's progress and status are job state written by its task, and the groups a run
    # writes are summed up in one entry (they are recomputed on every run)
    "overlap.AnalysisRun": Audited(partnership="partnership", exclude=("progress", "message", "fingerprint")),
    "overlap.OverlapGroup": Audited(partnership="partnership", exclude=("explanation", "flags")),
    "overlap.Decision": Audited(partnership="partnership"),
    "overlap.Equivalence": Audited(partnership="partnership"),
    "overlap.Question": Audited(partnership="partnership", exclude=("probability", "rank")),  # rewritten quietly by each run; answers recorded
    # glossary; the shared terms belong to no one council
    "glossary.Term": Audited(),
    "glossary.LocalSynonym": Audited(council="council"),
    # learning
    "learning.Course": Audited(partnership="partnership", m2m=("commissioning_councils",)),
    "learning.Session": Audited(partnership="course.partnership", m2m=("trainers",)),
    "learning.ReservedPlaces": Audited(council="council", partnership="session.course.partnership"),
    "learning.Booking": Audited(council="council", partnership="session.course.partnership"),
    "learning.TrainingRecord": Audited(council="council", partnership="course.partnership"),
    "learning.RecordShare": Audited(council="council"),
    "learning.Requirement": Audited(council="council"),
    "learning.Interest": Audited(council="council", partnership="session.course.partnership"),
    "learning.Evaluation": Audited(),  # a person's own words about a course: site administrators only
    "learning.Evidence": Audited(council="council"),
    # planning
    "planning.VenuePlan": Audited(partnership="course.partnership", m2m=("sessions",)),
    # costs: everything belongs to the partnership that shares it; a cost or contribution also to its council
    "costs.CostPool": Audited(partnership="partnership"),
    "costs.PoolCouncil": Audited(council="council", partnership="pool.partnership"),
    "costs.PoolBasis": Audited(partnership="pool.partnership"),
    "costs.BasisFigure": Audited(council="council", partnership="basis.pool.partnership"),
    "costs.Cost": Audited(council="paid_by", partnership="pool.partnership"),
    "costs.FundingPackage": Audited(partnership="partnership"),
    "costs.Award": Audited(partnership="package.partnership"),
    "costs.Amendment": Audited(partnership="award.package.partnership"),
    "costs.ProfileLine": Audited(partnership="package.partnership"),
    "costs.Reprofile": Audited(partnership="package.partnership"),
    "costs.Spend": Audited(council="council", partnership="package.partnership"),
    "costs.Claim": Audited(partnership="award.package.partnership"),
    "costs.InKind": Audited(council="council", partnership="package.partnership"),
    "costs.EntitlementPool": Audited(partnership="partnership"),
    "costs.Drawdown": Audited(council="council", partnership="pool.partnership"),
    "costs.OneToOne": Audited(council="council", partnership="pool.partnership"),
    "costs.ThemeGroup": Audited(partnership="pool.partnership"),
    "costs.ThemeGroupMember": Audited(council="council", partnership="group.pool.partnership"),
    # directory: a person's profile is theirs (site administrators read it); a verified skill also its council's;
    # requests, asks and tiers belong to the partnership (and the council asking)
    "directory.Skill": Audited(),
    "directory.Profile": Audited(),
    "directory.ProfileSkill": Audited(council="verified_council"),
    "directory.SupportTier": Audited(partnership="partnership"),
    "directory.CouncilTier": Audited(council="council", partnership="partnership"),
    "directory.HelpRequest": Audited(council="council", partnership="partnership"),
    "directory.Ask": Audited(council="request.council", partnership="request.partnership", exclude=("reminded_at", "score", "reasons")),
    # community
    "community.Group": Audited(partnership="partnership", m2m=("also_partnerships",)),
    "community.GroupMember": Audited(council="council", partnership="group.partnership"),
    "community.Thread": Audited(partnership="group.partnership"),
    "community.Post": Audited(partnership="thread.group.partnership", m2m=("mentions",)),
    "community.Document": Audited(partnership="group.partnership"),
    "community.DocumentVersion": Audited(partnership="document.group.partnership"),
    "community.Resource": Audited(partnership="group.partnership"),
    "community.Event": Audited(partnership="group.partnership"),
    "community.Priority": Audited(partnership="partnership"),
    # meetings: everything belongs to the body's partnership; hosts, positions and actions also to their council
    "meetings.Body": Audited(partnership="partnership"),
    "meetings.HostCouncil": Audited(council="council", partnership="body.partnership"),
    "meetings.BodyMember": Audited(council="council", partnership="body.partnership"),
    "meetings.Meeting": Audited(council="host", partnership="body.partnership", exclude=("invitation_sequence",)),
    "meetings.AgendaItem": Audited(partnership="meeting.body.partnership"),
    "meetings.Paper": Audited(partnership="item.meeting.body.partnership"),
    "meetings.Decision": Audited(partnership="meeting.body.partnership"),
    "meetings.Position": Audited(council="council", partnership="decision.meeting.body.partnership"),
    "meetings.Action": Audited(council="owner_council", partnership="body.partnership"),
    # programmes: everything belongs to the programme's partnership; a project also to its lead council (publishing is recorded
    # on the project: published, published_on); partner organisations belong to no one partnership
    "programmes.PartnerOrganisation": Audited(),
    "programmes.Programme": Audited(partnership="partnership"),
    "programmes.Participation": Audited(partnership="partnership"),
    "programmes.Body": Audited(partnership="programme.partnership"),
    "programmes.Project": Audited(council="lead_council", partnership="programme.partnership"),
    "programmes.ProjectCouncil": Audited(council="council", partnership="project.programme.partnership"),
    "programmes.Milestone": Audited(partnership="project.programme.partnership"),
    "programmes.StatusReport": Audited(partnership="project.programme.partnership"),
    "programmes.Risk": Audited(partnership="project.programme.partnership"),
    "programmes.Decision": Audited(partnership="project.programme.partnership"),
    "programmes.SignOff": Audited(council="council", partnership="decision.project.programme.partnership"),
    "programmes.Result": Audited(partnership="project.programme.partnership"),
    "programmes.Indicator": Audited(partnership="result.project.programme.partnership"),
    "programmes.IndicatorPeriod": Audited(partnership="indicator.result.project.programme.partnership"),
    "programmes.Benefit": Audited(partnership="project.programme.partnership"),
    "programmes.Factor": Audited(partnership="project.programme.partnership"),
    "programmes.Lesson": Audited(partnership="project.programme.partnership"),
    "programmes.Agreement": Audited(partnership="partnership", m2m=("councils", "organisations"), exclude=("reminded_for",)),
    "programmes.AgreementVersion": Audited(partnership="agreement.partnership"),
    "programmes.ScrutinyMember": Audited(council="council", partnership="partnership"),
    "programmes.ScrutinyQuestion": Audited(council="council", partnership="programme.partnership"),
    "programmes.HighlightReport": Audited(partnership="programme.partnership", exclude=("sent_at",)),
    "programmes.Newsletter": Audited(partnership="partnership", exclude=("sent_at",)),
    # workforce: everything belongs to its partnership; a post to its employer, a secondment to the home council,
    # time to the employing council
    "workforce.SharedPost": Audited(council="employer", partnership="partnership"),
    "workforce.PostShare": Audited(council="council", partnership="post.partnership"),
    "workforce.Secondment": Audited(council="home", partnership="partnership", exclude=("reminded_on",)),
    "workforce.Timesheet": Audited(council="council", partnership="partnership", exclude=("reminded_on",)),
    "workforce.TimeEntry": Audited(council="timesheet.council", partnership="timesheet.partnership"),
    "workforce.Unlock": Audited(council="timesheet.council", partnership="timesheet.partnership"),
    "workforce.Recruitment": Audited(council="host", partnership="partnership"),
    "workforce.RecruitmentPartner": Audited(council="council", partnership="recruitment.partnership"),
    "workforce.CouncilTerms": Audited(council="council", partnership="partnership"),
    "workforce.PayPoint": Audited(council="terms.council", partnership="terms.partnership"),
    # identity: a council's provider (its secret never recorded), first sign-ins waiting for its lead, every sign-in
    "identity.IdentityProvider": Audited(council="council", exclude=("client_secret",)),
    "identity.AccessRequest": Audited(council="council"),
    "identity.SignIn": Audited(council="council"),
    "identity.HrImport": Audited(council="council", exclude=("data",)),  # the file itself is kept on the import, not in the trail
    "identity.ImportedEmployment": Audited(council="employment.council"),
    # api: a council's tokens (only a fingerprint is stored, and not recorded) and completions other systems sent
    "api.ApiToken": Audited(council="council", exclude=("hashed", "last_used_at")),
    "api.ExternalCompletion": Audited(council="council"),
    # assessment: frameworks belong to their partnership (built-ins to nobody: site administrators); an assessment,
    # its scores, evidence and actions to the council assessed and its partnership; surveys to their partnership
    "assessment.Rules": Audited(partnership="partnership"),
    "assessment.Framework": Audited(partnership="partnership"),
    "assessment.Version": Audited(partnership="framework.partnership"),
    "assessment.Area": Audited(partnership="version.framework.partnership"),
    "assessment.Criterion": Audited(partnership="version.framework.partnership"),
    "assessment.Assessment": Audited(council="council", partnership="partnership"),
    "assessment.Score": Audited(council="assessment.council", partnership="assessment.partnership"),
    "assessment.Evidence": Audited(council="assessment.council", partnership="assessment.partnership"),
    "assessment.Action": Audited(council="assessment.council", partnership="assessment.partnership"),
    "assessment.PublishedBenchmark": Audited(),
    "assessment.PublishedFigure": Audited(),
    "assessment.BankQuestion": Audited(),
    "assessment.Survey": Audited(partnership="partnership", exclude=("token",), m2m=("councils", "groups")),
    "assessment.Question": Audited(partnership="survey.partnership"),
    "assessment.Wave": Audited(partnership="survey.partnership"),
    # ops: how long a council keeps its leavers' personal data (the erasures themselves are in ops.ErasureLog)
    "ops.RetentionRule": Audited(council="council"),
}

NOT_AUDITED: dict[str, str] = {
    "core.ChangeCounter": "how many times the figures have changed: bookkeeping for kept pages, each change audited itself",
    "assessment.Invitation": "who has answered an anonymous survey: an entry when the flag changes would time each answer and "
                             "so tie a person to a response; a wave's invitations are summed up in one entry when it is sent",
    "assessment.Response": "an anonymous answer: an entry would name who gave it and when",
    "community.ThreadSubscription": "whether a person follows a thread: their own notification setting",
    "community.CalendarToken": "the secret of a person's calendar feed: recording it would put the secret in the trail",
    "community.DigestSent": "when a person's last weekly digest went: bookkeeping for the digest task",
    "community.PriorityRank": "a member's own ranking of the wish list: a private ballot, summed up on the page",
    "core.AuditEntry": "the trail itself",
    "mapping.ColumnMapping": "a remembered preference; each import batch records the mapping it used",
    "identity.HrMapping": "a remembered preference for reading a council's HR export",
    "ops.Heartbeat": "when the worker last ran its heartbeat: operational state, rewritten every minute",
    "ops.ErasureLog": "the log of erasures is its own trail: written once by the erasure task, never changed, and naming no one",
    "overlap.GroupLine": "which lines an overlap group holds: rewritten with the groups by every analysis",
}

PROJECT_APPS = ("core", "organisations", "people", "mapping", "overlap", "glossary", "learning", "planning", "costs", "directory",
                "community", "meetings", "workforce", "programmes", "identity", "api", "ops", "assessment")
SECRET_FIELDS = {"password"}
# Copies of another record's values that the database keeps (people.Employment's copy of its person's name and email
# for search): the trail of the record they come from has them.
COPIED_FIELDS = {"search_text"}


# --- Who is acting -----------------------------------------------------------------------------------------------

CURRENT = object()  # "whoever the context says is acting"


@dataclass(frozen=True)
class _Acting:
    actor: object = None  # a person, None, or a callable giving one when a change is recorded (a request's user)
    source: str = "system"


_NOBODY = _Acting()
_acting: ContextVar[_Acting | None] = ContextVar("audit_acting", default=None)
_quiet: ContextVar[bool] = ContextVar("audit_quiet", default=False)


@contextmanager
def acting_as(actor, source: str | None = None):
    """Changes made inside are recorded as made by `actor` (None: the system), through `source`
    ("web", "admin", "command:<name>", "task:<name>"); without a source the surrounding one stands."""
    token = _acting.set(_Acting(actor, source or _context().source))
    try:
        yield
    finally:
        _acting.reset(token)


def actor_argument(name: str = "actor"):
    """Decorate a service so what it changes is recorded as done by its `name` keyword argument. An argument
    of None (the command line) leaves whoever the context says is acting."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            actor = kwargs.get(name)
            if actor is None:
                return function(*args, **kwargs)
            with acting_as(actor):
                return function(*args, **kwargs)

        return wrapper

    return decorate


@contextmanager
def quiet():
    """Record nothing row by row inside; the caller sums the work up with `record_bulk`."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def _context() -> _Acting:
    return _acting.get() or _NOBODY


def current_source() -> str:
    return _context().source


def _person(actor):
    if callable(actor) and not isinstance(actor, models.Model):
        actor = actor()
    return actor if getattr(actor, "is_authenticated", False) else None


def current_actor():
    return _person(_context().actor)


# --- Values as a reader sees them ----------------------------------------------------------------------------------


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if value is None or isinstance(value, (bool, int, float, str, list, dict)):
        return value
    return str(value)


def _recorded_fields(model, exclude=()):
    for field in model._meta.concrete_fields:
        if (field.primary_key or field.name in SECRET_FIELDS or field.name in COPIED_FIELDS or field.name in exclude
                or getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)):
            continue
        yield field


def _normal(field, value):
    """The value as the database holds it, so "12" and 12, or "2024-04-01" and a date, compare equal."""
    if value is None:
        return None
    target = field.target_field if field.is_relation else field
    try:
        return target.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return value


def _label(field, value, instance=None):
    """What a reader sees for a stored value: the related record's name, a choice's label, or the value."""
    if value is None:
        return None
    if field.is_relation:
        if instance is not None and field.is_cached(instance) and getattr(instance, field.name) is not None:
            return str(getattr(instance, field.name))
        related = field.related_model._base_manager.filter(**{field.target_field.attname: value}).first()
        return str(related) if related is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return _plain(value)


def snapshot(instance: models.Model, exclude=()) -> dict:
    """Field values that matter to a reader of the trail, as plain JSON values."""
    return {
        str(field.verbose_name): _label(field, _normal(field, getattr(instance, field.attname, None)), instance)
        for field in _recorded_fields(type(instance), exclude)
    }


# --- Who owns a record ---------------------------------------------------------------------------------------------


def _config(model) -> Audited | None:
    return REGISTRY.get(model._meta.label)


def _owner_id(instance, path: str | None):
    """The primary key at the end of `path` ("council", "session.course.partnership"), without fetching the last hop."""
    if not path:
        return None
    if path == "self":
        return instance.pk
    *hops, last = path.split(".")
    target = instance
    for hop in hops:
        target = getattr(target, hop, None)
        if target is None:
            return None
    field = target._meta.get_field(last)
    return getattr(target, field.attname)


# A council, partnership or person being deleted: entries written while the deletion cascades must not point at it.
_DYING_LABELS = ("organisations.Council", "organisations.Partnership", "people.Person")
_dying: dict[str, set] = {label: set() for label in _DYING_LABELS}


def _owners(instance) -> tuple[int | None, int | None]:
    config = _config(type(instance))
    if config is not None:
        council_id, partnership_id = _owner_id(instance, config.council), _owner_id(instance, config.partnership)
    else:  # explicit records of other models say who owns them, if anyone
        council = getattr(instance, "audit_council", None)
        partnership = getattr(instance, "audit_partnership", None)
        council_id, partnership_id = getattr(council, "pk", None), getattr(partnership, "pk", None)
    return council_id, partnership_id


def _write(*, actor, council_id, partnership_id, action, content_type, object_id, object_repr, changes) -> AuditEntry:
    actor = current_actor() if actor is CURRENT else _person(actor)
    if council_id in _dying["organisations.Council"]:
        council_id = None
    if partnership_id in _dying["organisations.Partnership"]:
        partnership_id = None
    actor_id = actor.pk if actor is not None and actor.pk not in _dying["people.Person"] else None
    return AuditEntry.objects.create(
        actor_id=actor_id, council_id=council_id, partnership_id=partnership_id, action=action, content_type=content_type,
        object_id=object_id, object_repr=str(object_repr)[:200], changes=changes, source=current_source()[:100],
    )


def _content_type(model_or_instance):
    return ContentType.objects.get_for_model(model_or_instance, for_concrete_model=False)


# --- Explicit records ----------------------------------------------------------------------------------------------


def record(*, actor=CURRENT, instance: models.Model, action: str, before: dict | None = None) -> AuditEntry | None:
    """Write one entry for a change the signals cannot see (a model not in the registry). For an update
    with nothing changed, write nothing. Models in the registry are recorded automatically: do not call this for them."""
    after = {} if action == Action.DELETE else snapshot(instance)
    if action == Action.UPDATE:
        changes = {key: [(before or {}).get(key), value] for key, value in after.items() if (before or {}).get(key) != value}
        if not changes:
            return None
    elif action == Action.CREATE:
        changes = {key: [None, value] for key, value in after.items() if value not in (None, "")}
    else:
        changes = {key: [value, None] for key, value in (before or {}).items() if value not in (None, "")}
    council_id, partnership_id = _owners(instance)
    return _write(actor=actor, council_id=council_id, partnership_id=partnership_id, action=action,
                  content_type=_content_type(instance), object_id=str(instance.pk), object_repr=str(instance), changes=changes)


def record_bulk(*, actor=CURRENT, model, council=None, partnership=None, action: str, count: int, description: str,
                changes: dict | None = None) -> AuditEntry | None:
    """One entry summing up a write that bypasses models (QuerySet.update, bulk_create, executemany), such as
    "Imported 214 lines from return.xlsx". Nothing written (count 0), nothing recorded."""
    if not count:
        return None
    return _write(actor=actor, council_id=getattr(council, "pk", council), partnership_id=getattr(partnership, "pk", partnership),
                  action=action, content_type=_content_type(model), object_id="", object_repr=description, changes=changes or {})


def record_created(instances, *, description: str, actor=CURRENT) -> list[AuditEntry]:
    """Sum up records just written with `bulk_create` (which sends no signals): one entry for each council and
    partnership that owns some of them, so each reads its own. `description` may hold %(count)d."""
    instances = list(instances)
    groups: dict[tuple, int] = {}
    for instance in instances:
        owners = _owners(instance)
        groups[owners] = groups.get(owners, 0) + 1
    model = type(instances[0]) if instances else None
    return [
        record_bulk(actor=actor, model=model, council=council_id, partnership=partnership_id, action=Action.CREATE,
                    count=count, description=description % {"count": count})
        for (council_id, partnership_id), count in groups.items()
    ]


# --- The signals ---------------------------------------------------------------------------------------------------


def _stored(model, pk, fields) -> dict | None:
    return model._base_manager.filter(pk=pk).values(*(field.attname for field in fields)).first()


def _before_save(sender, instance, raw=False, update_fields=None, **kwargs):
    instance.__dict__.pop("_audit_before", None)
    if raw or _quiet.get() or instance.pk is None:
        return  # a new row (or a fixture being loaded): there is nothing before it
    fields = list(_recorded_fields(sender, _config(sender).exclude))
    if update_fields is not None:
        fields = [field for field in fields if field.name in update_fields or field.attname in update_fields]
        if not fields:
            return  # only technical fields (a last sign-in, a timestamp) change
    stored = _stored(sender, instance.pk, fields)
    if stored is not None:
        instance.__dict__["_audit_before"] = (fields, stored)


def _after_save(sender, instance, created, raw=False, **kwargs):
    before = instance.__dict__.pop("_audit_before", None)
    if raw or _quiet.get():
        return
    if not created and before is None:
        return  # only technical fields were saved, or the old row could not be read: nothing to compare
    if created:
        changes = {key: [None, value] for key, value in snapshot(instance, _config(sender).exclude).items() if value not in (None, "")}
        action = Action.CREATE
    else:
        fields, stored = before
        changes = {}
        for field in fields:
            old, new = _normal(field, stored[field.attname]), _normal(field, getattr(instance, field.attname, None))
            if old != new:
                changes[str(field.verbose_name)] = [_label(field, old), _label(field, new, instance)]
        if not changes:
            return
        action = Action.UPDATE
    council_id, partnership_id = _owners(instance)
    _write(actor=CURRENT, council_id=council_id, partnership_id=partnership_id, action=action, content_type=_content_type(sender),
           object_id=str(instance.pk), object_repr=str(instance), changes=changes)


def _before_delete(sender, instance, **kwargs):
    if sender._meta.label in _dying:
        _dying[sender._meta.label].add(instance.pk)
    if _quiet.get():
        return
    # Read now: by post_delete the records it points at may be gone with it.
    changes = {key: [value, None] for key, value in snapshot(instance, _config(sender).exclude).items() if value not in (None, "")}
    instance.__dict__["_audit_deleting"] = (changes, *_owners(instance), str(instance))


def _after_delete(sender, instance, **kwargs):
    deleting = instance.__dict__.pop("_audit_deleting", None)
    if deleting is not None:
        changes, council_id, partnership_id, name = deleting
        _write(actor=CURRENT, council_id=council_id, partnership_id=partnership_id, action=Action.DELETE,
               content_type=_content_type(sender), object_id=str(instance.pk), object_repr=name, changes=changes)
    if sender._meta.label in _dying:
        _dying[sender._meta.label].discard(instance.pk)


def _m2m_names(record, field) -> list[str]:
    return sorted(str(other) for other in getattr(record, field.name).all())


def _m2m_handler(field):
    def changed(sender, instance, action, reverse, model: type, pk_set, **kwargs):
        if _quiet.get() or action not in ("pre_add", "pre_remove", "pre_clear", "post_add", "post_remove", "post_clear"):
            return
        if not reverse:
            records = [instance]
        elif pk_set is not None:
            records = list(model._base_manager.filter(pk__in=pk_set))
        else:  # cleared from the other side: every record that pointed at it
            records = list(model._base_manager.filter(**{field.name: instance}))
        memo = instance.__dict__.setdefault("_audit_m2m", {})
        if action.startswith("pre_"):
            for record in records:
                memo[(field.name, record.pk)] = _m2m_names(record, field)
            return
        for record in records:
            old, new = memo.pop((field.name, record.pk), None), _m2m_names(record, field)
            if old is None or old == new:
                continue
            council_id, partnership_id = _owners(record)
            _write(actor=CURRENT, council_id=council_id, partnership_id=partnership_id, action=Action.UPDATE,
                   content_type=_content_type(type(record)), object_id=str(record.pk), object_repr=str(record),
                   changes={str(field.verbose_name): [old, new]})

    return changed


_handlers: list = []  # signals hold receivers weakly: keep the m2m closures alive


def audited_models() -> list[type]:
    return [apps.get_model(label) for label in REGISTRY]


def connect() -> None:
    """Connect the signals for every registered model (from CoreConfig.ready)."""
    for label, config in REGISTRY.items():
        model = apps.get_model(label)
        uid = f"audit:{label}"
        signals.pre_save.connect(_before_save, sender=model, dispatch_uid=f"{uid}:pre_save")
        signals.post_save.connect(_after_save, sender=model, dispatch_uid=f"{uid}:post_save")
        signals.pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"{uid}:pre_delete")
        signals.post_delete.connect(_after_delete, sender=model, dispatch_uid=f"{uid}:post_delete")
        for name in config.m2m:
            field = model._meta.get_field(name)
            handler = _m2m_handler(field)
            _handlers.append(handler)
            signals.m2m_changed.connect(handler, sender=field.remote_field.through, dispatch_uid=f"{uid}:{name}")
