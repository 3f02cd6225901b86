"""Running the overlap analysis for a partnership, and recording coordinators' decisions."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.overlap import can_decide_overlap
from partnering.core import audit
from partnering.core.models import Sharing
from partnering.glossary.models import synonym_map
from partnering.mapping.models import Provision
from partnering.organisations.selectors import current_member_councils

from . import savings
from .matching import THRESHOLD, Record, cluster
from .matching.engine import record_features
from .models import AnalysisRun, Decision, Equivalence, GroupLine, OverlapGroup


def line_key(council_id: int, features) -> str:
    """What identifies a line across re-imports: its council, canonical title and hard constraints."""
    constraints = "/".join(value or "" for value in features.constraints)
    return f"{council_id}|{features.core}|{constraints}|{','.join(sorted(features.distinguishing))}"


def shared_lines(partnership, year: int):
    """The current lines of member councils that were shared with this partnership (or published)."""
    return (
        Provision.objects.current()
        .filter(council__in=current_member_councils(partnership), year=year)
        .filter(
            Q(batch__council_return__sharing=Sharing.PUBLIC)
            | Q(batch__council_return__sharing=Sharing.PARTNERSHIP, batch__council_return__shared_with=partnership)
        )
        .select_related("council", "topic")
    )


def _record(line: Provision) -> Record:
    return Record(
        str(line.pk), line.council.short_name, line.title, line.topic.name if line.topic else line.topic_as_written,
        line.provider_name, line.accreditation, line.level,
        float(line.duration_hours) if line.duration_hours is not None else None, line.delivery_method,
    )


def _fingerprint(lines: list[Provision], decisions: list[Decision], synonyms: dict[str, str]) -> str:
    payload = json.dumps({
        "lines": sorted((line.pk, line.batch_id, line.topic_id) for line in lines),
        "decisions": sorted((d.kind, d.key_a, d.key_b) for d in decisions),
        "synonyms": sorted(synonyms.items()),
        "threshold": THRESHOLD,
    })
    return hashlib.sha256(payload.encode()).hexdigest()


def savings_lines(lines) -> list[savings.Line]:
    return [
        savings.Line(line.council.short_name, line.learners_per_year, line.annual_cost_pence, line.sessions_per_year,
                     line.provider_type, line.provider_name, line.delivery_method, line.accreditation)
        for line in lines
    ]


def run_analysis(run: AnalysisRun) -> AnalysisRun:
    """Cluster the partnership's shared lines for the year and replace its groups, respecting decisions."""
    def step(fraction: float, message: str = "") -> None:
        AnalysisRun.objects.filter(pk=run.pk).update(progress=int(fraction * 100), message=message[:300])

    AnalysisRun.objects.filter(pk=run.pk).update(status=AnalysisRun.Status.RUNNING)
    partnership = run.partnership
    lines = list(shared_lines(partnership, run.year))
    decisions = list(Decision.objects.filter(partnership=partnership))
    synonyms = synonym_map()
    fingerprint = _fingerprint(lines, decisions, synonyms)
    last = AnalysisRun.objects.filter(partnership=partnership, year=run.year, status=AnalysisRun.Status.DONE).first()
    if last and last.fingerprint == fingerprint:
        AnalysisRun.objects.filter(pk=run.pk).update(
            status=AnalysisRun.Status.UNCHANGED, progress=100, finished_at=timezone.now(), fingerprint=fingerprint,
            line_count=len(lines), group_count=last.group_count,
            message=_("Nothing has changed since the last analysis; its groups stand."),
        )
        run.refresh_from_db()
        return run

    step(0.05, _("Reading %(count)d lines") % {"count": len(lines)})
    records = [_record(line) for line in lines]
    by_id = {str(line.pk): line for line in lines}
    keys = {str(line.pk): line_key(line.council_id, record_features(record, synonyms)) for line, record in zip(lines, records, strict=True)}
    ids_by_key: dict[str, list[str]] = defaultdict(list)
    for record_id, key in keys.items():
        ids_by_key[key].append(record_id)
    must, cannot = [], []
    for decision in decisions:
        left, right = ids_by_key.get(decision.key_a, []), ids_by_key.get(decision.key_b, [])
        if decision.kind == Decision.Kind.SAME:
            must.extend((a, b) for a in left[:1] for b in right[:1])
        else:
            cannot.extend((a, b) for a in left for b in right)
    result = cluster(records, synonyms=synonyms, must_link=must, cannot_link=cannot,
                     progress=lambda f: step(0.05 + 0.8 * f, _("Comparing lines")))
    step(0.9, _("Saving groups"))
    confirmed = [set(eq.line_keys) for eq in Equivalence.objects.filter(partnership=partnership)]
    # The groups are recomputed on every run: one audit entry sums up the replacement, not one per group.
    with transaction.atomic(), audit.quiet():
        replaced = OverlapGroup.objects.filter(partnership=partnership, year=run.year).delete()[1].get(OverlapGroup._meta.label, 0)
        count = 0
        for members in result.members().values():
            member_lines = [by_id[m] for m in members]
            member_keys = {keys[m] for m in members}
            opportunity = savings.opportunity(savings_lines(member_lines))
            biggest = max(member_lines, key=lambda line: (line.learners_per_year or 0, -line.pk))
            explanation = [
                {"a": by_id[a].title, "a_council": by_id[a].council.short_name, "b": by_id[b].title,
                 "b_council": by_id[b].council.short_name, "why": why.as_text()}
                for (a, b), why in result.links.items() if a in members and b in members
            ][:50]
            group = OverlapGroup.objects.create(
                partnership=partnership, year=run.year, run=run, title=biggest.title[:300], topic=biggest.topic,
                status=OverlapGroup.Status.CONFIRMED if any(member_keys and member_keys <= c for c in confirmed) else OverlapGroup.Status.PROPOSED,
                council_count=len({line.council_id for line in member_lines}), line_count=len(member_lines),
                learners=opportunity.learners, spend_pence=opportunity.spend_today_pence,
                saving_pence=opportunity.saving_pence if opportunity.councils > 1 else 0, flags=opportunity.flags,
                explanation=explanation,
            )
            GroupLine.objects.bulk_create(GroupLine(group=group, provision=line, line_key=keys[str(line.pk)]) for line in member_lines)
            count += 1
        AnalysisRun.objects.filter(pk=run.pk).update(
            status=AnalysisRun.Status.DONE, progress=100, finished_at=timezone.now(), fingerprint=fingerprint,
            line_count=len(lines), group_count=count, message="",
        )
        audit.record_bulk(  # not quietened: explicit records always go in
            model=OverlapGroup, partnership=partnership, action=audit.Action.UPDATE, count=replaced + count,
            description=_("Overlap analysis %(year)s: %(count)d groups from %(lines)d lines replaced %(replaced)d groups")
            % {"year": run.year, "count": count, "lines": len(lines), "replaced": replaced},
        )
    run.refresh_from_db()
    return run


@audit.actor_argument()
def request_analysis(*, partnership, year: int, actor) -> AnalysisRun:
    """Queue an analysis (it runs at once with the in-process task backend)."""
    require(can_decide_overlap(scope_of(actor), partnership), "Only the partnership's coordinators can run the analysis.")
    run = AnalysisRun.objects.create(partnership=partnership, year=year, requested_by=actor)
    from .tasks import analyse_overlap

    # Enqueued in the same transaction: the database backend's worker sees the task and the run together.
    analyse_overlap.enqueue(run.pk)
    run.refresh_from_db()
    return run


# --- Decisions ---------------------------------------------------------------------------


def _require_coordinator(actor, partnership) -> None:
    require(can_decide_overlap(scope_of(actor), partnership), "Only the partnership's coordinators can decide what is equivalent.")


def _label(member: GroupLine) -> str:
    return f"{member.provision.title} ({member.provision.council.short_name})"[:400]


def _decide(partnership, kind, a: GroupLine, b: GroupLine, actor) -> Decision:
    key_a, key_b = sorted((a.line_key, b.line_key))
    if key_a == key_b:
        return None
    decision, created = Decision.objects.update_or_create(
        partnership=partnership, key_a=key_a, key_b=key_b,
        defaults={"kind": kind, "label_a": _label(a if a.line_key == key_a else b),
                  "label_b": _label(b if b.line_key == key_b else a), "decided_by": actor},
    )
    return decision


# Decisions, equivalences and groups belong to the partnership: the audit trail records each one made,
# changed or deleted below for the partnership's coordinators, as done by the acting coordinator.


@audit.actor_argument()
@transaction.atomic
def group_confirm(*, group: OverlapGroup, actor) -> Equivalence:
    """These lines are the same learning: remember it, and make it one of the partnership's equivalences."""
    _require_coordinator(actor, group.partnership)
    members = list(group.members.select_related("provision__council"))
    for other in members[1:]:
        _decide(group.partnership, Decision.Kind.SAME, members[0], other, actor)
    equivalence = Equivalence.objects.create(
        partnership=group.partnership, title=group.title, topic=group.topic, confirmed_by=actor,
        line_keys=sorted({m.line_key for m in members}), titles=sorted({_label(m) for m in members}),
    )
    group.status = OverlapGroup.Status.CONFIRMED
    group.save(update_fields=["status"])
    return equivalence


@audit.actor_argument()
@transaction.atomic
def group_reject(*, group: OverlapGroup, actor) -> int:
    """None of these lines are equivalent to each other (across councils)."""
    _require_coordinator(actor, group.partnership)
    members = list(group.members.select_related("provision__council"))
    count = 0
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            if a.provision.council_id != b.provision.council_id and _decide(group.partnership, Decision.Kind.DIFFERENT, a, b, actor):
                count += 1
    keys = {m.line_key for m in members}
    for equivalence in Equivalence.objects.filter(partnership=group.partnership):
        if set(equivalence.line_keys) <= keys:
            equivalence.delete()  # a rejected group is no longer an equivalence
    return count


@audit.actor_argument()
@transaction.atomic
def group_split(*, group: OverlapGroup, actor, line_ids: list[int]) -> None:
    """The chosen lines are a different course from the rest of the group."""
    _require_coordinator(actor, group.partnership)
    members = list(group.members.select_related("provision__council"))
    leaving = [m for m in members if m.provision_id in set(line_ids)]
    staying = [m for m in members if m.provision_id not in set(line_ids)]
    if not leaving or not staying:
        raise ValueError(_("Choose some, but not all, of the group's lines to split off."))
    for a in leaving:
        for b in staying:
            _decide(group.partnership, Decision.Kind.DIFFERENT, a, b, actor)
    for other in leaving[1:]:
        _decide(group.partnership, Decision.Kind.SAME, leaving[0], other, actor)


@audit.actor_argument()
@transaction.atomic
def group_merge(*, group: OverlapGroup, other: OverlapGroup, actor) -> None:
    """Two groups are the same course."""
    _require_coordinator(actor, group.partnership)
    if other.partnership_id != group.partnership_id or other.pk == group.pk:
        raise ValueError(_("Choose another group of the same partnership."))
    a = group.members.select_related("provision__council").first()
    b = other.members.select_related("provision__council").first()
    _decide(group.partnership, Decision.Kind.SAME, a, b, actor)
