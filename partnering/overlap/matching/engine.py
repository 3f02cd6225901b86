"""Find groups of equivalent provision across councils (plain Python and rapidfuzz, no Django).

1. Each record becomes `Features` (normalise.py).
2. Records that cannot be equivalent never meet: they are partitioned by the hard
   constraints (awarding body, qualification type, level, audience, distinguishing words).
3. Within a partition, identical canonical titles collapse into one key, and candidate
   pairs of keys come from shared informative words (blocking on an inverted index).
4. Each candidate pair is scored: title similarity (rapidfuzz) plus agreement of topic,
   delivery method and duration. Pairs at or above the threshold are linked.
5. Linked keys form clusters (union-find). A cluster's id is its smallest record id, so
   the same records give the same clusters whatever their order.

Every link keeps an `Explanation` of what agreed, what differed and the score.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .normalise import COMMON, CONSTRAINT_NAMES, Features, features, prepare_synonyms

THRESHOLD = 0.86  # the rules' score
# The learned model's two parameters, from leave-one-set-out cross-validation over the built-in sets only
# (bench/overlap_bench.py reports it): how alike on average two groups must be (0.5, the best), and the probability a
# link needs. A threshold of 0.8 scores 0.01 higher there, but then nothing the model groups is uncertain enough to ask
# about, so the coordinator could never correct a wrong group by answering: we keep 0.5, the even odds.
LEARNED_THRESHOLD = 0.5
AVERAGE = 0.5
# Agreeing topic, method and duration can tip a close call, but never make merely similar titles equivalent.
BONUS_NEEDS_SIMILARITY = 0.84
MAX_BLOCK = 400  # an index word shared by more keys than this is too common to find candidates by


@dataclass(frozen=True)
class Record:
    record_id: str
    council: str
    title: str
    topic: str = ""
    provider_name: str = ""
    accreditation: str = ""
    level: str = ""
    duration_hours: float | None = None
    delivery_method: str = ""


@dataclass(frozen=True)
class Explanation:
    score: float
    title_similarity: float
    agreed: tuple[str, ...]
    differed: tuple[str, ...]

    def as_text(self) -> str:
        parts = [f"score {self.score:.2f}", f"titles {self.title_similarity:.0%} alike"]
        if self.agreed:
            parts.append("same " + ", ".join(self.agreed))
        if self.differed:
            parts.append("different " + ", ".join(self.differed))
        return "; ".join(parts)


@dataclass
class Result:
    clusters: dict[str, str]  # record_id → cluster_id
    links: dict[tuple[str, str], Explanation] = field(default_factory=dict)  # (record_id, record_id) → why
    features: dict[str, Features] = field(default_factory=dict)

    def members(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = defaultdict(list)
        for record_id, cluster_id in self.clusters.items():
            groups[cluster_id].append(record_id)
        return {cluster: sorted(ids, key=_sort_key) for cluster, ids in groups.items()}


def _sort_key(record_id: str):
    return (0, int(record_id), "") if record_id.isdigit() else (1, 0, record_id)


def explain(a: Features, b: Features) -> Explanation:
    """Score two records that already satisfy the hard constraints, and say why."""
    # When each title has words the other lacks ("Catering case system" / "Education case system"), the
    # lenient set ratio would call them alike; compare the whole titles instead, and let no bonus tip it.
    both_differ = bool(a.tokens - b.tokens) and bool(b.tokens - a.tokens)
    if both_differ:
        similarity = fuzz.token_sort_ratio(a.core, b.core) / 100
    else:
        similarity = max(fuzz.token_set_ratio(a.core, b.core), fuzz.token_sort_ratio(a.core, b.core)) / 100
    agreed, differed = [], []
    for name, left, right in zip(CONSTRAINT_NAMES, a.constraints, b.constraints, strict=True):
        if left and left == right:
            agreed.append(f"{name} ({left})")
        elif left and right:
            return Explanation(0.0, round(similarity, 4), tuple(agreed), (f"{name} ({left} / {right})",))
    bonus = penalty = 0.0
    if a.topic and b.topic:
        (agreed if a.topic == b.topic else differed).append("topic")
        bonus, penalty = (bonus + 0.03, penalty) if a.topic == b.topic else (bonus, penalty + 0.03)
    if a.delivery_method and b.delivery_method:
        (agreed if a.delivery_method == b.delivery_method else differed).append("delivery method")
        bonus, penalty = (bonus + 0.01, penalty) if a.delivery_method == b.delivery_method else (bonus, penalty + 0.01)
    if a.duration_hours and b.duration_hours:
        close = abs(a.duration_hours - b.duration_hours) <= 0.25 * max(a.duration_hours, b.duration_hours)
        (agreed if close else differed).append("duration")
        bonus, penalty = (bonus + 0.02, penalty) if close else (bonus, penalty + 0.04)
    score = similarity - penalty + (bonus if similarity >= BONUS_NEEDS_SIMILARITY and not both_differ else 0.0)
    return Explanation(round(min(max(score, 0.0), 1.0), 4), round(similarity, 4), tuple(agreed), tuple(differed))


DECIDED = Explanation(1.0, 1.0, ("confirmed by a coordinator",), ())


class _Components:
    """Union-find that refuses to join two components holding a pair someone rejected, or holding
    different known values of a hard constraint (so a record with no level cannot chain Level 2 to Level 3).

    With `average` set, it also refuses a join unless the two components are alike on average: the sum of
    the scores between their canonical lines (unscored pairs count as 0), divided by the number of pairs,
    must reach `average`. That stops one strong link chaining two different courses through a third line."""

    def __init__(self, feats: dict[str, Features], cannot_link: Iterable[tuple[str, str]], average: float | None = None):
        self.parent = {item: item for item in feats}
        self.members = {item: {item} for item in self.parent}
        self.known = {item: tuple({v} if v else set() for v in f.constraints) for item, f in feats.items()}
        self.rejected: dict[str, set[str]] = defaultdict(set)
        for a, b in cannot_link:
            self.rejected[a].add(b)
            self.rejected[b].add(a)
        self.average = average
        self.lines = dict.fromkeys(self.parent, 0)  # canonical lines per component (set by `canonical`)
        self.scores: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))

    def canonical(self, item: str) -> None:
        self.lines[item] = 1

    def score(self, a: str, b: str, value: float) -> None:
        self.scores[a][b] += value
        self.scores[b][a] += value

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str, *, forced: bool = False) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        small, large = sorted((root_a, root_b), key=lambda r: (len(self.members[r]), _sort_key(r)))
        merged = tuple(x | y for x, y in zip(self.known[small], self.known[large], strict=True))
        if any(len(values) > 1 for values in merged):
            return False
        if self.rejected and any(self.rejected[m] & self.members[large] for m in self.members[small]):
            return False
        pairs = self.lines[small] * self.lines[large]
        if not forced and self.average is not None and pairs and self.scores[small].get(large, 0.0) / pairs < self.average:
            return False
        self.parent[small] = large
        self.members[large] |= self.members.pop(small)
        self.known[large] = merged
        self.lines[large] += self.lines[small]
        for other, value in self.scores.pop(small, {}).items():
            if other == large:
                continue
            self.scores[large][other] += value
            self.scores[other][large] += value
            self.scores[other].pop(small, None)
        self.scores[large].pop(small, None)
        return True

    def clusters(self) -> dict[str, str]:
        labels = {}
        for members in self.members.values():
            label = min(members, key=_sort_key)
            labels.update(dict.fromkeys(members, label))
        return labels


def record_features(record: Record, synonyms: dict[str, str] | None = None) -> Features:
    return features(record.title, accreditation=record.accreditation, level=record.level, topic=record.topic,
                    delivery_method=record.delivery_method, duration_hours=record.duration_hours, synonyms=synonyms)


def _conflict(a: Features, b: Features) -> bool:
    return any(x and y and x != y for x, y in zip(a.constraints, b.constraints, strict=True))


def candidate_pairs(representative: Sequence[Features], partition_of: Sequence[tuple],
                    acronyms: Sequence[str] | None = None, also: Sequence[frozenset[str]] | None = None) -> list[tuple[int, int]]:
    """Pairs of keys worth scoring: in the same partition and sharing an informative word (or, failing
    that, any word), or one's acronym being the other's word, or one having a word the other is `also` indexed
    by (words learned to mean the same), with no conflicting hard constraint."""
    partitions: dict[tuple, list[int]] = defaultdict(list)
    for i, part in enumerate(partition_of):
        partitions[part].append(i)
    pairs: list[tuple[int, int]] = []
    for indexes in partitions.values():
        index: dict[str, list[int]] = defaultdict(list)
        for i in indexes:
            for token in sorted(representative[i].tokens - COMMON or representative[i].tokens):
                index[token].append(i)
            if acronyms and acronyms[i] and acronyms[i] not in representative[i].tokens:
                index[acronyms[i]].append(i)
            for word in sorted(also[i] if also else ()):
                index[word].append(i)
        seen: set[tuple[int, int]] = set()
        for _token, token_keys in sorted(index.items()):
            if len(token_keys) > MAX_BLOCK:
                continue
            for position, i in enumerate(token_keys):
                for j in token_keys[position + 1:]:
                    if (i, j) not in seen:
                        seen.add((i, j))
                        if not _conflict(representative[i], representative[j]):
                            pairs.append((i, j))
    return pairs


@dataclass
class Scored:
    """Every candidate pair of distinct canonical lines, scored."""

    feats: dict[str, Features]
    keys: dict[tuple, list[str]]  # canonical key → its records
    key_list: list[tuple]
    representative: list[Features]
    pairs: list[tuple[int, int]]  # indexes into key_list
    scores: list[float]  # the model's probability (or the rules' score) for each pair


def score_candidates(records: Sequence[Record], *, synonyms=None, model=None, learned: bool = True,
                     same: Iterable[tuple[str, str]] = ()) -> Scored:
    """Collapse identical canonical lines into keys, find candidate pairs of keys and score them. `same`: pairs of
    record ids people said are the same course; the names they teach (`learned.answer_synonyms`) are read like the
    glossary's, after it."""
    from .learned import Corpus, Extra, _expanded, answer_synonyms, default_model, neighbour_pairs, pair_matrix, with_corpus_words

    same = list(same)
    if learned and same:
        taught = answer_synonyms(records, same, synonyms)
        if taught:
            synonyms = ({**taught, **synonyms} if isinstance(synonyms, dict) else
                        [*(synonyms or []), *prepare_synonyms(taught)] if isinstance(synonyms, list) else taught)
    synonyms = with_corpus_words((r.title for r in records), synonyms) if learned else prepare_synonyms(synonyms)
    same: dict[tuple, Features] = {}  # titles repeat heavily across councils: read each distinct line once
    feats = {}
    for r in records:
        line = (r.title, r.accreditation, r.level, r.topic, r.delivery_method, r.duration_hours)
        if line not in same:
            same[line] = record_features(r, synonyms)
        feats[r.record_id] = same[line]
    keys: dict[tuple, list[str]] = defaultdict(list)
    by_id = {r.record_id: r for r in records}
    for record in records:
        f = feats[record.record_id]
        keys[(tuple(sorted(f.distinguishing)), f.constraints, f.core, f.topic, f.delivery_method, f.duration_hours)].append(record.record_id)
    for members in keys.values():
        members.sort(key=_sort_key)  # the same representative whatever the input order
    key_list = sorted(keys, key=repr)
    representative = [feats[keys[k][0]] for k in key_list]
    # The rules keep lines with different distinguishing words apart; the model weighs them instead.
    pairs = candidate_pairs(representative, [k[0] if not learned else () for k in key_list],
                            acronyms=[Extra.of(by_id[keys[k][0]].title).acronym for k in key_list] if learned else None)
    if not learned:
        return Scored(feats, keys, key_list, representative, pairs, [explain(representative[i], representative[j]).score for i, j in pairs])

    model = model or default_model()
    related = model.associations.related() if getattr(model, "associations", None) else {}
    if related:
        pairs = sorted(set(pairs).union(candidate_pairs(representative, [()] * len(representative), also=[_expanded(f, related) for f in representative])))
    extras = [Extra.of(by_id[keys[k][0]].title, by_id[keys[k][0]].provider_name) for k in key_list]
    corpus = Corpus(feats.values(), [x.text for x in extras])
    pairs = sorted(set(pairs).union(neighbour_pairs(representative, corpus)))
    vectors = pair_matrix(pairs, representative, extras, corpus, getattr(model, "associations", None))
    probability = model.probability(vectors)
    if getattr(model, "rivals", None) is not None:
        probability = model.weigh_rivals(pairs, [by_id[keys[k][0]].council for k in key_list], probability)
    return Scored(feats, keys, key_list, representative, pairs, probability.tolist() if pairs else [])


def cluster(records: Iterable[Record], *, threshold: float | None = None, synonyms: dict[str, str] | None = None,
            must_link: Iterable[tuple[str, str]] = (), cannot_link: Iterable[tuple[str, str]] = (),
            progress: Callable[[float], None] | None = None, model=None, method: str = "learned",
            average: float | None = AVERAGE, scored: Scored | None = None) -> Result:
    """Cluster records into groups of equivalent provision.

    `method="learned"` (the default) scores candidate pairs with the learned model (`model`, or the one
    trained on the built-in labelled sets) and links pairs at or above `threshold` (a probability,
    LEARNED_THRESHOLD by default); `method="rules"` is the earlier hand-weighted score (threshold 0.86), kept as a baseline.
    `must_link` and `cannot_link` are decisions people made (confirmed, rejected, split, merged, answers):
    they override the scores, so re-running never undoes them. A rejected pair is never joined,
    even through other records.
    """
    records = list(records)
    learned = method == "learned"
    if threshold is None:
        threshold = LEARNED_THRESHOLD if learned else THRESHOLD
    must_link = list(must_link)
    scored = scored or score_candidates(records, synonyms=synonyms, model=model if learned else None, learned=learned,
                                        same=must_link)
    feats, keys, key_list, representative = scored.feats, scored.keys, scored.key_list, scored.representative
    if progress:
        progress(0.3)

    edges: list[tuple[float, str, str, Explanation]] = []
    for a, b in must_link:
        if a in feats and b in feats:
            edges.append((2.0, a, b, DECIDED))
    alike: dict[tuple[int, int], Explanation] = {}  # identical lines share their Features: explain each once
    for members in keys.values():
        for other in members[1:]:
            a, b = feats[members[0]], feats[other]
            why = alike.get((id(a), id(b)))
            if why is None:
                why = alike[(id(a), id(b))] = explain(a, b)
            edges.append((1.0, members[0], other, why))
    for (i, j), score in zip(scored.pairs, scored.scores, strict=True):
        if score >= threshold:
            why = explain(representative[i], representative[j])
            if learned:
                why = Explanation(round(score, 4), why.title_similarity, why.agreed, why.differed)
            edges.append((score, keys[key_list[i]][0], keys[key_list[j]][0], why))

    if progress:
        progress(0.8)
    components = _Components(feats, cannot_link, average=average if learned else None)
    for k in key_list:
        components.canonical(keys[k][0])
    for (i, j), score in zip(scored.pairs, scored.scores, strict=True):
        components.score(keys[key_list[i]][0], keys[key_list[j]][0], score)
    links: dict[tuple[str, str], Explanation] = {}
    # Strongest evidence first, ties broken by ids, so the result never depends on input order.
    for score, a, b, why in sorted(edges, key=lambda e: (-e[0], _sort_key(e[1]), _sort_key(e[2]))):
        if components.union(a, b, forced=score >= 1.0):
            links.setdefault(tuple(sorted((a, b), key=_sort_key)), why)  # the strongest reason (a decision first) stays
    return Result(components.clusters(), links, feats)


def pairwise_scores(true: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of predicted clusters against true ones."""
    from math import comb

    both: dict[tuple[str, str], int] = defaultdict(int)
    true_sizes: dict[str, int] = defaultdict(int)
    predicted_sizes: dict[str, int] = defaultdict(int)
    for rid, true_cluster in true.items():
        predicted_cluster = predicted[rid]
        both[(true_cluster, predicted_cluster)] += 1
        true_sizes[true_cluster] += 1
        predicted_sizes[predicted_cluster] += 1
    together = sum(comb(n, 2) for n in both.values())
    predicted_pairs = sum(comb(n, 2) for n in predicted_sizes.values())
    true_pairs = sum(comb(n, 2) for n in true_sizes.values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "true_pairs": true_pairs, "predicted_pairs": predicted_pairs}


# Questions about pairs the grouping joined are asked where the model's probability is near this, cross-validated over
# the built-in sets (bench/overlap_bench.py --learning-cv-only): mean F1 after 20 answers 0.884 at 0.5, 0.882 at 0.7 and
# 0.876 at 0.85 (after 40: 0.895, 0.892, 0.883). The model before the second stage did best at 0.85.
QUESTION_CENTRE = 0.5
# The share of questions about pairs the grouping kept apart (the rest ask about pairs it joined), cross-validated
# likewise: mean F1 after 5, 20 and 40 answers 0.894, 0.898 and 0.914 at 0.2, against 0.886, 0.896, 0.911 at 0.4 and
# 0.880, 0.896, 0.912 when both kinds were ranked together (which seldom asked about a pair kept apart).
APART_SHARE = 0.2


def uncertainty(probability: float, threshold: float = LEARNED_THRESHOLD) -> float:
    """1 at the threshold (the model could go either way), falling to 0 at a probability of 0 or 1."""
    if probability < threshold:
        return max(0.0, probability / threshold)
    return max(0.0, (1.0 - probability) / (1.0 - threshold)) if threshold < 1 else 0.0


UNSURE = (0.3, 0.9)  # the model is unsure of a pair whose probability lies between these


def is_sure(probability: float) -> bool:
    """Clear-cut to the model: a pair not worth asking about, which counts towards the grouping's confidence."""
    return not UNSURE[0] <= probability <= UNSURE[1]


def questions(records: Sequence[Record], *, count: int, labels: Iterable = (), synonyms=None, model=None,
              weights: dict[str, float] | None = None) -> list[tuple[str, str]]:
    """The `count` pairs whose answers would most improve the grouping, most useful first.

    A pair is worth asking when the model is unsure of it and much is at stake: the lines behind each side (and
    their `weights`, such as learners or spend) and the size of the groups the answer would join or keep apart.
    Most questions ask whether a pair the grouping joined is one course (where the model is least sure); one in
    five (APART_SHARE) whether a pair it kept apart is two (the likeliest to be one first). Never a pair already
    labelled (or between the same canonical lines as a labelled pair), never a pair the model is sure of
    (`is_sure`, so the questions run out), never two records of the same council, and no line in more than one
    question of the same batch, so the answers teach different things.
    """
    records = list(records)
    labels = list(labels)
    by_id = {r.record_id: r for r in records}
    scored = score_candidates(records, synonyms=synonyms, model=model, same=[(x.a, x.b) for x in labels if x.same])
    key_of = {rid: n for n, k in enumerate(scored.key_list) for rid in scored.keys[k]}
    asked = {frozenset((key_of[x.a], key_of[x.b])) for x in labels if x.a in key_of and x.b in key_of}
    weights = weights or {}
    stake = [sum(1.0 + weights.get(rid, 0.0) for rid in scored.keys[k]) for k in scored.key_list]
    # The grouping as it stands with the answers given, from the same scores.
    clusters = cluster(records, model=model, synonyms=synonyms, scored=scored, must_link=[(x.a, x.b) for x in labels if x.same],
                       cannot_link=[(x.a, x.b) for x in labels if not x.same]).clusters
    group_size: dict[str, int] = defaultdict(int)
    for cluster_id in clusters.values():
        group_size[cluster_id] += 1
    # Two kinds of question, taken in turn: is a pair the grouping joined really one course (ranked by how unsure
    # the model is, around QUESTION_CENTRE), and is a pair it kept apart really two (ranked by how likely it is the same).
    joined, apart = [], []
    for (i, j), p in zip(scored.pairs, scored.scores, strict=True):
        if frozenset((i, j)) in asked or is_sure(p):
            continue
        pair = _pair_across_councils(scored.keys[scored.key_list[i]], scored.keys[scored.key_list[j]], by_id)
        if pair is None:
            continue
        impact = math.log1p(stake[i]) + math.log1p(stake[j])
        if clusters[pair[0]] == clusters[pair[1]]:
            joined.append((-(uncertainty(p, QUESTION_CENTRE) * impact), _sort_key(pair[0]), _sort_key(pair[1]), i, j, pair))
        else:
            impact += 0.5 * math.log1p(group_size[clusters[pair[0]]] + group_size[clusters[pair[1]]])
            apart.append((-(p * impact), _sort_key(pair[0]), _sort_key(pair[1]), i, j, pair))
    joined.sort()
    apart.sort()
    chosen, used = [], set()
    for *_rank, i, j, pair in _in_turn(joined, apart, APART_SHARE):
        if i in used or j in used:
            continue
        chosen.append(pair)
        used.update((i, j))
        if len(chosen) == count:
            break
    return chosen


def _in_turn(first: list, second: list, share: float):
    """Both lists merged, taking from `second` whenever it has had less than `share` of what was taken so far."""
    x = y = 0
    while x < len(first) or y < len(second):
        if y < len(second) and (x >= len(first) or y < share * (x + y + 1)):
            yield second[y]
            y += 1
        else:
            yield first[x]
            x += 1


def _pair_across_councils(left: list[str], right: list[str], by_id: dict[str, Record]) -> tuple[str, str] | None:
    for a in left:
        for b in right:
            if by_id[a].council != by_id[b].council:
                return tuple(sorted((a, b), key=_sort_key))
    return None
