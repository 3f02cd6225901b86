#!/usr/bin/env python3
"""Sanity checks and counts for the independent overlap evaluation sets.

Checks each CSV parses with the csv module, has the expected header, unique integer
record ids, allowed delivery_method values, non-empty council/title/cluster, and
reports: records, councils, clusters, multi-council clusters, singleton clusters,
records in singleton clusters, and positive cross-council pairs (pairs of records in
the same cluster from different councils).

These sets are for measurement only: never train or tune the matcher on them.
"""
import csv
import os
import sys
from collections import Counter, defaultdict
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = ["record_id", "council", "title", "topic", "provider_name", "accreditation",
          "level", "duration_hours", "delivery_method", "cluster"]
METHODS = {"", "classroom", "e-learning", "live-online", "blended", "coaching", "conference"}
MIN_PAIRS = 300


def check(name):
    path = os.path.join(HERE, name)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    errors = []
    if header != HEADER:
        errors.append(f"bad header {header}")
    ids = set()
    by_cluster = defaultdict(list)
    seen_title = {}
    for n, row in enumerate(rows, start=2):
        if len(row) != len(HEADER):
            errors.append(f"line {n}: {len(row)} fields")
            continue
        rec = dict(zip(HEADER, row, strict=False))
        try:
            rid = int(rec["record_id"])
        except ValueError:
            errors.append(f"line {n}: non-integer id")
            continue
        if rid in ids:
            errors.append(f"line {n}: duplicate id {rid}")
        ids.add(rid)
        for k in ("council", "title", "cluster"):
            if not rec[k].strip():
                errors.append(f"line {n}: empty {k}")
        if rec["delivery_method"] not in METHODS:
            errors.append(f"line {n}: bad delivery_method {rec['delivery_method']!r}")
        if rec["cluster"] != rec["cluster"].strip():
            errors.append(f"line {n}: cluster has stray whitespace")
        # consistency: the same council+title must not carry two different clusters
        key = (rec["council"], rec["title"].strip().lower())
        if key in seen_title and seen_title[key] != rec["cluster"]:
            errors.append(f"line {n}: {key} labelled {seen_title[key]} and {rec['cluster']}")
        seen_title[key] = rec["cluster"]
        by_cluster[rec["cluster"]].append(rec)
    # case-variant cluster labels would be a labelling slip
    lower = Counter(c.lower() for c in by_cluster)
    for c, k in lower.items():
        if k > 1:
            errors.append(f"cluster label differs only by case: {c}")
    councils = Counter(r[1] for r in rows)
    pairs = 0
    multi = 0
    singletons = 0
    singleton_records = 0
    same_council_pairs = 0
    for recs in by_cluster.values():
        cs = {r["council"] for r in recs}
        if len(cs) > 1:
            multi += 1
        if len(recs) == 1:
            singletons += 1
            singleton_records += 1
        for a, b in combinations(recs, 2):
            if a["council"] != b["council"]:
                pairs += 1
            else:
                same_council_pairs += 1
    total_pairs = len(rows) * (len(rows) - 1) // 2
    print(f"== {name}")
    print(f"records                      {len(rows)}")
    print(f"councils                     {len(councils)}")
    print(f"clusters                     {len(by_cluster)}")
    print(f"multi-council clusters       {multi}")
    print(f"singleton clusters           {singletons} ({singletons / len(by_cluster):.0%} of clusters, "
          f"{singleton_records / len(rows):.0%} of records)")
    print(f"cross-council positive pairs {pairs}")
    print(f"same-council positive pairs  {same_council_pairs}")
    print(f"all record pairs             {total_pairs}")
    big = sorted(by_cluster.items(), key=lambda kv: -len({r['council'] for r in kv[1]}))[:5]
    print("widest clusters              " + ", ".join(
        f"{c}({len({r['council'] for r in recs})})" for c, recs in big))
    if pairs < MIN_PAIRS:
        errors.append(f"only {pairs} cross-council pairs (< {MIN_PAIRS})")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return not errors


if __name__ == "__main__":
    ok = all([check("set_a_catalogues.csv"), check("set_b_written.csv")])
    sys.exit(0 if ok else 1)
