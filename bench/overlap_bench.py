"""Overlap benchmark: quality on the labelled set, and speed and memory at scale, against baselines.

    .venv/bin/python bench/overlap_bench.py [--records 100000] [--councils 20] [--skip-scale]

Needs the bench extras (`make install-bench`: Splink with DuckDB, scikit-learn).

Quality (tests/data/overlap_eval.csv, 417 records from 10 councils): pairwise precision,
recall and F1 on the `dev` half and the `holdout` half for
  - Partnering's matcher at its fixed threshold;
  - rapidfuzz token_set_ratio, linking pairs at the threshold that is best on `dev`;
  - TF-IDF character n-grams with average-linkage agglomerative clustering, cut at the
    distance best on `dev`;
  - Splink (DuckDB) on title, topic, accreditation, level and delivery method, with the
    match probability best on `dev`.
No threshold is ever chosen on `holdout`.

Scale: N records from C councils made from the labelled set's titles with realistic noise
(case, cohort and edition notes, day counts, years, the odd typo), clustered end to end by
Partnering's matcher and by Splink, each in its own process: wall time, records per second,
peak memory (max RSS), interleaved so both see the same machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from partnering.overlap.matching import THRESHOLD, cluster, pairwise_scores  # noqa: E402
from partnering.overlap.matching.files import read_records  # noqa: E402

EVAL = ROOT / "tests" / "data" / "overlap_eval.csv"


def _union_clusters(ids: list[str], pairs) -> dict[str, str]:
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}


def _halves(records, labels, halves, predict):
    """Scores on each half, with `predict(records) -> clusters` run on that half alone."""
    out = {}
    for half in ("dev", "holdout"):
        part = [r for r in records if halves[r.record_id] == half]
        out[half] = pairwise_scores({r.record_id: labels[r.record_id] for r in part}, predict(part))
    return out


def _tune(records, labels, halves, make_predict, grid):
    """Pick the parameter with the best F1 on `dev`, then report both halves at that parameter."""
    dev = [r for r in records if halves[r.record_id] == "dev"]
    truth = {r.record_id: labels[r.record_id] for r in dev}
    best = max(grid, key=lambda p: pairwise_scores(truth, make_predict(p)(dev))["f1"])
    return best, _halves(records, labels, halves, make_predict(best))


def rapidfuzz_baseline(threshold):
    from rapidfuzz import fuzz, process

    def predict(part):
        titles = [r.title.lower() for r in part]
        scores = process.cdist(titles, titles, scorer=fuzz.token_set_ratio, workers=-1)
        pairs = [(part[i].record_id, part[j].record_id) for i in range(len(part)) for j in range(i + 1, len(part)) if scores[i][j] >= threshold]
        return _union_clusters([r.record_id for r in part], pairs)

    return predict


def tfidf_baseline(distance):
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    def predict(part):
        matrix = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=True).fit_transform([r.title for r in part])
        model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance)
        labels = model.fit_predict(matrix.toarray())
        return {r.record_id: f"c{label}" for r, label in zip(part, labels, strict=True)}

    return predict


def _splink_predict(part, threshold, return_frame=False):
    import duckdb
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    rows = [{"record_id": r.record_id, "title": r.title.lower(), "topic": r.topic.lower() or None,
             "accreditation": r.accreditation.lower() or None, "level": r.level.lower() or None,
             "delivery_method": r.delivery_method.lower() or None, "first_word": (r.title.lower().split() or [""])[0]}
            for r in part]
    # Stay within a 24 GB machine, and spill at most 20 GB to a temporary folder (not the working tree).
    spill = tempfile.mkdtemp(prefix="splink-")
    db_api = DuckDBAPI(duckdb.connect(config={"memory_limit": "12GB", "threads": 2, "temp_directory": spill,
                                              "max_temp_directory_size": "20GB"}))
    table = db_api.register(rows, table_name="records")
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        comparisons=[
            cl.JaroWinklerAtThresholds("title", [0.95, 0.88, 0.8]),
            cl.ExactMatch("topic"),
            cl.ExactMatch("accreditation"),
            cl.ExactMatch("level"),
            cl.ExactMatch("delivery_method"),
        ],
        # Titles are short bags of words, so blocks must be narrow to stay within memory at 100,000 records:
        # the first word with the topic, or the first twelve characters.
        blocking_rules_to_generate_predictions=[block_on("first_word", "topic"), block_on("substr(title, 1, 12)")],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(table, settings, log_level=40)
    linker.training.estimate_probability_two_random_records_match([block_on("title")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_word", "topic"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("substr(title, 1, 12)"))
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, threshold)
    return {str(row["record_id"]): str(row["cluster_id"]) for row in clusters.as_record_list()}


def splink_baseline(threshold):
    return lambda part: _splink_predict(part, threshold)


def quality() -> dict:
    records, labels, halves = read_records(EVAL, label_column="cluster")
    report = {"partnering": {"threshold": THRESHOLD, **_halves(records, labels, halves, lambda part: cluster(part).clusters)}}
    best, scores = _tune(records, labels, halves, rapidfuzz_baseline, range(60, 101, 2))
    report["rapidfuzz_token_set_ratio"] = {"threshold": best, **scores}
    best, scores = _tune(records, labels, halves, tfidf_baseline, [x / 100 for x in range(5, 80, 5)])
    report["tfidf_char_ngrams_agglomerative"] = {"distance": best, **scores}
    best, scores = _tune(records, labels, halves, splink_baseline, [0.5, 0.8, 0.9, 0.95, 0.99, 0.999])
    report["splink_duckdb"] = {"match_probability": best, **scores}
    return report


# --- Scale -----------------------------------------------------------------------------------

def noisy(title: str, rng: random.Random) -> str:
    if rng.random() < 0.2:
        title = title.upper() if rng.random() < 0.5 else title.lower()
    if rng.random() < 0.15:
        title += f" (cohort {rng.randint(1, 9)})"
    if rng.random() < 0.1:
        title += f" {rng.choice(['2023/24', '2024/25', '2025/26'])}"
    if rng.random() < 0.1:
        title += f" ({rng.randint(1, 4)} day)"
    if rng.random() < 0.05 and len(title) > 6:  # a typo: two letters swapped
        i = rng.randrange(1, len(title) - 2)
        title = title[:i] + title[i + 1] + title[i] + title[i + 2:]
    return title


def generate(path: Path, count: int, councils: int) -> None:
    records, _, _ = read_records(EVAL, label_column="cluster")
    rng = random.Random(count)
    names = [f"Council {n:02d}" for n in range(1, councils + 1)]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["record_id", "council", "title", "topic", "provider_name", "accreditation", "level", "duration_hours", "delivery_method"])
        for number in range(1, count + 1):
            base = rng.choice(records)
            writer.writerow([number, rng.choice(names), noisy(base.title, rng), base.topic, base.provider_name, base.accreditation,
                             base.level, base.duration_hours if base.duration_hours is not None else "", base.delivery_method])


def child_partnering(path: str) -> dict:
    records, _, _ = read_records(Path(path))
    start = time.perf_counter()
    result = cluster(records)
    return {"seconds": time.perf_counter() - start, "clusters": len(set(result.clusters.values()))}


def child_splink(path: str) -> dict:
    records, _, _ = read_records(Path(path))
    start = time.perf_counter()
    clusters = _splink_predict(records, 0.9)
    return {"seconds": time.perf_counter() - start, "clusters": len(set(clusters.values()))}


def run_child(kind: str, path: Path) -> dict:
    code = (f"import json, resource, sys; sys.path.insert(0, {str(ROOT)!r}); import bench.overlap_bench as b; "
            f"r = b.child_{kind}({str(path)!r}); r['max_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
            "print(json.dumps(r))")
    try:
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env={**os.environ}, timeout=1800)
    except subprocess.TimeoutExpired:
        return {"error": "did not finish within 30 minutes"}
    if out.returncode:
        return {"error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def scale(count: int, councils: int, repeat: int) -> dict:
    """Both tools on the same records, each in its own process, interleaved."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.csv"
        generate(path, count, councils)
        ours, theirs = [], []
        for _ in range(repeat):
            ours.append(run_child("partnering", path))
            theirs.append(run_child("splink", path))
    def summary(runs):
        good = [r for r in runs if "error" not in r]
        if not good:
            return {"error": runs[0]["error"]}
        seconds = sorted(r["seconds"] for r in good)[len(good) // 2]
        return {"seconds": round(seconds, 1), "records_per_second": round(count / seconds), "peak_rss_mb": round(max(r["max_rss_mb"] for r in good)),
                "clusters": good[0]["clusters"]}
    return {"records": count, "councils": councils, "runs": repeat, "partnering": summary(ours), "splink_duckdb": summary(theirs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--councils", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    report = {}
    if not args.skip_quality:
        report["quality"] = quality()
    if not args.skip_scale:
        # A size where both finish, then the full size.
        report["scale"] = [scale(size, args.councils, args.repeat) for size in sorted({min(10_000, args.records), args.records})]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
