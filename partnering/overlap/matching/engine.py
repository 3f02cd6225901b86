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

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .normalise import COMMON, CONSTRAINT_NAMES, Features, features, prepare_synonyms

THRESHOLD = 0.86
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
    different known values of a hard constraint (so a record with no level cannot chain Level 2 to Level 3)."""

    def __init__(self, feats: dict[str, Features], cannot_link: Iterable[tuple[str, str]]):
        self.parent = {item: item for item in feats}
        self.members = {item: {item} for item in self.parent}
        self.known = {item: tuple({v} if v else set() for v in f.constraints) for item, f in feats.items()}
        self.rejected: dict[str, set[str]] = defaultdict(set)
        for a, b in cannot_link:
            self.rejected[a].add(b)
            self.rejected[b].add(a)

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> bool:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        small, large = sorted((root_a, root_b), key=lambda r: len(self.members[r]))
        merged = tuple(x | y for x, y in zip(self.known[small], self.known[large], strict=True))
        if any(len(values) > 1 for values in merged):
            return False
        if self.rejected and any(self.rejected[m] & self.members[large] for m in self.members[small]):
            return False
        self.parent[small] = large
        self.members[large] |= self.members.pop(small)
        self.known[large] = merged
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


def cluster(records: Iterable[Record], *, threshold: float = THRESHOLD, synonyms: dict[str, str] | None = None,
            must_link: Iterable[tuple[str, str]] = (), cannot_link: Iterable[tuple[str, str]] = (),
            progress: Callable[[float], None] | None = None) -> Result:
    """Cluster records into groups of equivalent provision.

    `must_link` and `cannot_link` are decisions people made (confirmed, rejected, split, merged):
    they override the scores, so re-running never undoes them. A rejected pair is never joined,
    even through other records.
    """
    records = list(records)
    synonyms = prepare_synonyms(synonyms)
    feats = {r.record_id: record_features(r, synonyms) for r in records}
    if progress:
        progress(0.3)

    # Identical canonical records collapse into one key; each key remembers its records.
    keys: dict[tuple, list[str]] = defaultdict(list)
    for record in records:
        f = feats[record.record_id]
        keys[(tuple(sorted(f.distinguishing)), f.constraints, f.core, f.topic, f.delivery_method, f.duration_hours)].append(record.record_id)
    key_list = sorted(keys, key=repr)
    representative = [feats[keys[k][0]] for k in key_list]

    edges: list[tuple[float, str, str, Explanation]] = []
    for a, b in must_link:
        if a in feats and b in feats:
            edges.append((2.0, a, b, DECIDED))
    for members in keys.values():
        edges.extend((1.0, members[0], other, explain(feats[members[0]], feats[other])) for other in members[1:])

    partitions: dict[tuple, list[int]] = defaultdict(list)
    for i, key in enumerate(key_list):
        partitions[key[0]].append(i)
    for indexes in partitions.values():
        index: dict[str, list[int]] = defaultdict(list)
        for i in indexes:
            for token in representative[i].tokens - COMMON or representative[i].tokens:
                index[token].append(i)
        seen: set[tuple[int, int]] = set()
        for token_keys in index.values():
            if len(token_keys) > MAX_BLOCK:
                continue
            for position, i in enumerate(token_keys):
                for j in token_keys[position + 1:]:
                    if (i, j) in seen:
                        continue
                    seen.add((i, j))
                    why = explain(representative[i], representative[j])
                    if why.score >= threshold:
                        edges.append((why.score, keys[key_list[i]][0], keys[key_list[j]][0], why))

    if progress:
        progress(0.8)
    components = _Components(feats, cannot_link)
    links: dict[tuple[str, str], Explanation] = {}
    # Strongest evidence first, ties broken by ids, so the result never depends on input order.
    for _score, a, b, why in sorted(edges, key=lambda e: (-e[0], _sort_key(e[1]), _sort_key(e[2]))):
        if components.union(a, b):
            links[tuple(sorted((a, b), key=_sort_key))] = why
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
