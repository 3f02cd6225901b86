"""Running the overlap analysis for a partnership, and recording coordinators' decisions."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import NamedTuple

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.overlap import can_decide_overlap
from partnering.core import audit, changes
from partnering.core.models import Sharing
from partnering.glossary.models import synonym_map
from partnering.mapping.models import Provision
from partnering.organisations.selectors import current_member_councils

from . import savings
from .matching import THRESHOLD, Record, cluster, learned
from .matching.engine import is_sure, record_features, score_candidates
from .matching.engine import questions as questions_worth_asking
from .matching.learned import Label
from .models import AnalysisRun, Decision, Equivalence, GroupLine, OverlapGroup, Question

QUESTION_COUNT = 10  # open questions kept per partnership and year


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


def _fingerprint(lines: list[Provision], decisions: list[Decision], synonyms: dict[str, str], training=(), unsure=()) -> str:
    payload = json.dumps({
        "lines": sorted((line.pk, line.batch_id, line.topic_id) for line in lines),
        "decisions": sorted((d.kind, d.key_a, d.key_b) for d in decisions),
        "synonyms": sorted(synonyms.items()),
        "threshold": THRESHOLD,
        "training": sorted(training),  # other partnerships' decisions the model learns from
        "unsure": sorted(unsure),  # pairs never to ask about again
    })
    return hashlib.sha256(payload.encode()).hexdigest()


# --- Learning from decisions ----------------------------------------------------------------------


def _snapshot(line: Provision) -> dict:
    """What a decision keeps of a line to learn from: its title and course attributes, never learners, costs or council."""
    return {
        "title": line.title, "topic": line.topic.name if line.topic else line.topic_as_written,
        "provider_name": line.provider_name, "accreditation": line.accreditation, "level": line.level,
        "duration_hours": float(line.duration_hours) if line.duration_hours is not None else None,
        "delivery_method": line.delivery_method,
    }


def _snapshot_record(record_id: str, line: dict) -> Record:
    hours = line.get("duration_hours")
    return Record(record_id, "", line.get("title") or "", line.get("topic") or "", line.get("provider_name") or "",
                  line.get("accreditation") or "", line.get("level") or "", float(hours) if hours is not None else None,
                  line.get("delivery_method") or "")


def training_decisions(partnership):
    """The decisions a partnership's matcher learns from: its own, always, and those of every other partnership
    that lets Partnering learn from its decisions. A partnership that opts out still learns from the others'."""
    return Decision.objects.filter(Q(partnership=partnership) | Q(partnership__learn_from_decisions=True)).order_by("pk")


def training_labels(partnership, ids_by_key: dict[str, list[str]] | None = None) -> tuple[list[Record], list[Label]]:
    """The labelled pairs a partnership's matcher learns from beyond the built-in sets, and the records they name.

    The partnership's own decisions label its current lines (`ids_by_key`: line key → record ids) where they
    still exist, and otherwise the lines as they were when decided; other partnerships' decisions are records
    made from their snapshots alone (ids "d<pk>a" and "d<pk>b": titles and course attributes, no council,
    learners or costs). Those records only train the model: they are never grouped, asked about or shown."""
    ids_by_key = ids_by_key or {}
    records: list[Record] = []
    labels: list[Label] = []
    for decision in training_decisions(partnership):
        same = decision.kind == Decision.Kind.SAME
        if decision.partnership_id == partnership.pk:
            left, right = ids_by_key.get(decision.key_a), ids_by_key.get(decision.key_b)
            if left and right:
                labels.append(Label(left[0], right[0], same))
                continue
        if decision.line_a and decision.line_b:
            a, b = f"d{decision.pk}a", f"d{decision.pk}b"
            records += [_snapshot_record(a, decision.line_a), _snapshot_record(b, decision.line_b)]
            labels.append(Label(a, b, same))
    return records, labels


_MODELS: dict[str, learned.PairModel] = {}  # the last few trained models, by their training data


def _model(records: list[Record], labels: list[Label], synonyms) -> learned.PairModel:
    """The built-in model retrained with these labelled pairs (reproducible: the same pairs give the same model)."""
    if not labels:
        return learned.default_model()
    vectors, truths = learned.label_vectors(records, labels, synonyms)
    if not len(truths):
        return learned.default_model()
    digest = hashlib.sha256(vectors.tobytes() + truths.tobytes()).hexdigest()
    if digest not in _MODELS:
        while len(_MODELS) >= 4:
            _MODELS.pop(next(iter(_MODELS)))
        _MODELS[digest] = learned.train(vectors, truths, rivals=learned.default_model().rivals)
    return _MODELS[digest]


def _unsure_pairs(partnership) -> set[frozenset[str]]:
    return {frozenset(pair) for pair in Question.objects.filter(partnership=partnership, status=Question.Status.UNSURE)
            .values_list("key_a", "key_b")}


def _confidence(scored, keys: dict[str, str], decided: set[frozenset[str]]) -> float:
    """The share of compared pairs the grouping is sure of: decided by a coordinator, or clear-cut to the model."""
    if not scored.pairs:
        return 1.0
    sure = 0
    for (i, j), probability in zip(scored.pairs, scored.scores, strict=True):
        pair = frozenset((keys[scored.keys[scored.key_list[i]][0]], keys[scored.keys[scored.key_list[j]][0]]))
        sure += is_sure(probability) or pair in decided
    return sure / len(scored.pairs)


def _choose_questions(records, lines_by_id, keys, ids_by_key, decisions, unsure, model, synonyms, scored):
    """The pairs most worth asking next, with the model's probability: never decided and never "not sure" before
    (the matcher never asks about a pair it is sure of: the same bar as the run's confidence, so the questions run out)."""
    labels = [Label(a, b, d.kind == Decision.Kind.SAME) for d in decisions
              for a in ids_by_key.get(d.key_a, []) for b in ids_by_key.get(d.key_b, [])]
    decided = {frozenset((d.key_a, d.key_b)) for d in decisions}
    weights = {rid: float(line.learners_per_year or 0) for rid, line in lines_by_id.items()}
    pairs = questions_worth_asking(records, count=3 * QUESTION_COUNT + len(unsure), labels=labels, synonyms=synonyms, model=model,
                                   weights=weights)
    index = {rid: n for n, key in enumerate(scored.key_list) for rid in scored.keys[key]}
    probability = {frozenset(pair): p for pair, p in zip(scored.pairs, scored.scores, strict=True)}
    chosen = []
    for a, b in pairs:
        pair = frozenset((keys[a], keys[b]))
        if len(pair) < 2 or pair in unsure or pair in decided:
            continue
        chosen.append((a, b, probability.get(frozenset((index[a], index[b])), 0.5)))
    return chosen[:QUESTION_COUNT]


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
    unsure = _unsure_pairs(partnership)
    training = training_decisions(partnership).exclude(partnership=partnership).values_list("pk", "kind", "key_a", "key_b")
    fingerprint = _fingerprint(lines, decisions, synonyms, [list(t) for t in training], [sorted(pair) for pair in unsure])
    last = AnalysisRun.objects.filter(partnership=partnership, year=run.year, status=AnalysisRun.Status.DONE).first()
    if last and last.fingerprint == fingerprint:
        AnalysisRun.objects.filter(pk=run.pk).update(
            status=AnalysisRun.Status.UNCHANGED, progress=100, finished_at=timezone.now(), fingerprint=fingerprint,
            line_count=len(lines), group_count=last.group_count, confidence=last.confidence,
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
    step(0.08, _("Learning from decisions"))
    extra, labels = training_labels(partnership, ids_by_key)
    model = _model(records + extra, labels, synonyms)
    scored = score_candidates(records, synonyms=synonyms, model=model, same=must)
    result = cluster(records, synonyms=synonyms, must_link=must, cannot_link=cannot, model=model, scored=scored,
                     progress=lambda f: step(0.1 + 0.6 * f, _("Comparing lines")))
    step(0.75, _("Choosing questions worth asking"))
    chosen = _choose_questions(records, by_id, keys, ids_by_key, decisions, unsure, model, synonyms, scored)
    confidence = _confidence(scored, keys, {frozenset((d.key_a, d.key_b)) for d in decisions})
    decided_same = {frozenset((d.key_a, d.key_b)) for d in decisions if d.kind == Decision.Kind.SAME}
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
            # Each link's confidence is the model's probability; a link between lines a coordinator said are the same is certain.
            explanation = [
                {"a": by_id[a].title, "a_council": by_id[a].council.short_name, "b": by_id[b].title,
                 "b_council": by_id[b].council.short_name, "why": why.as_text(),
                 "confidence": 1.0 if frozenset((keys[a], keys[b])) in decided_same else round(why.score, 4),
                 "decided": frozenset((keys[a], keys[b])) in decided_same}
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
        # The questions are recomputed on every run too; answered and "not sure" ones stay as the record of answers.
        Question.objects.filter(partnership=partnership, year=run.year, status=Question.Status.OPEN).delete()
        Question.objects.bulk_create(
            Question(partnership=partnership, year=run.year, run=run, provision_a=by_id[a], provision_b=by_id[b], key_a=keys[a],
                     key_b=keys[b], probability=probability, rank=rank)
            for rank, (a, b, probability) in enumerate(chosen, 1)
        )
        changes.bump(changes.FIGURES)  # the groups were replaced: no report kept from the old ones may stand
        AnalysisRun.objects.filter(pk=run.pk).update(
            status=AnalysisRun.Status.DONE, progress=100, finished_at=timezone.now(), fingerprint=fingerprint,
            line_count=len(lines), group_count=count, message="", confidence=confidence,
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


class _Line(NamedTuple):
    """A line as a decision names it (a group's member, or one side of a question)."""

    line_key: str
    provision: Provision


def _decide(partnership, kind, a: GroupLine | _Line, b: GroupLine | _Line, actor) -> Decision:
    key_a, key_b = sorted((a.line_key, b.line_key))
    if key_a == key_b:
        return None
    first, second = (a, b) if a.line_key == key_a else (b, a)
    decision, created = Decision.objects.update_or_create(
        partnership=partnership, key_a=key_a, key_b=key_b,
        defaults={"kind": kind, "label_a": _label(first), "label_b": _label(second), "decided_by": actor,
                  "line_a": _snapshot(first.provision), "line_b": _snapshot(second.provision)},
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
    changes.bump(changes.FIGURES)
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


# --- Questions, undo and learning -----------------------------------------------------------------

YES, NO, NOT_SURE = "yes", "no", "not-sure"


@audit.actor_argument()
@transaction.atomic
def question_answer(*, question: Question, answer: str, actor) -> Decision | None:
    """A coordinator's answer. Yes or no is recorded as a decision (so it binds, trains the matcher, is listed with the
    partnership's decisions and can be undone); "not sure" is remembered so the pair is never asked again."""
    _require_coordinator(actor, question.partnership)
    if answer not in (YES, NO, NOT_SURE):
        raise ValueError(_("Choose yes, no or not sure."))
    question = Question.objects.select_for_update().select_related("provision_a__council", "provision_b__council").get(pk=question.pk)
    if question.status != Question.Status.OPEN:
        raise ValueError(_("That question has already been answered."))
    decision = None
    if answer != NOT_SURE:
        kind = Decision.Kind.SAME if answer == YES else Decision.Kind.DIFFERENT
        decision = _decide(question.partnership, kind, _Line(question.key_a, question.provision_a),
                           _Line(question.key_b, question.provision_b), actor)
    question.status = Question.Status.UNSURE if answer == NOT_SURE else Question.Status.ANSWERED
    question.answered_by, question.answered_at, question.decision = actor, timezone.now(), decision
    question.save(update_fields=["status", "answered_by", "answered_at", "decision"])
    return decision


@audit.actor_argument()
@transaction.atomic
def decision_undo(*, decision: Decision, actor) -> None:
    """Take a decision back: the lines are left to the matcher again, which no longer learns from it."""
    _require_coordinator(actor, decision.partnership)
    decision.delete()
