"""Overlap benchmark: quality on labelled sets the model never saw, learning from answers, and speed at scale.

    .venv/bin/python bench/overlap_bench.py [--records 100000] [--councils 20] [--skip-scale] [--skip-quality]
                                            [--skip-learning] [--skip-splink]

Needs the bench extras (`make install-bench`: Splink with DuckDB).

Quality, with no labels for the evaluated data: pairwise precision, recall and F1 on each
independent set in tests/data/independent/ (built by other people and methods, never trained or
tuned on) and on the project's own set (tests/data/overlap_eval.csv, which is also one of the
built-in training sets, so its figure is in-sample), for
  - Partnering's learned matcher (trained on partnering/overlap/matching/data/*.csv);
  - Partnering's earlier rule-based matcher;
  - rapidfuzz token_set_ratio, TF-IDF character n-grams with average-linkage agglomerative
    clustering, and Splink, each at the parameter best on the built-in training sets.
The learned matcher's own two parameters (probability threshold, average linkage) are chosen by
leave-one-set-out cross-validation over the built-in training sets only, and reported.

Learning from answers: for each independent set, rounds of 5 questions chosen by `questions`,
answered from the truth (a simulated coordinator), retraining after each round; F1 after 0, 5, 10,
20 and 40 answers, beside the same number of random cross-council pairs answered the same way, and
beside the rule-based matcher bound by the same answers. The same curve on each built-in set with
the model trained on the other built-in sets (leave one set out), and its mean: question selection
is chosen by that, never by the independent sets (`--learning-cv-only` prints just this).

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

from partnering.overlap.matching import cluster, engine, learned, pairwise_scores  # noqa: E402  # noqa: E402
from partnering.overlap.matching.files import read_records  # noqa: E402

EVAL = ROOT / "tests" / "data" / "overlap_eval.csv"
INDEPENDENT = [ROOT / "tests" / "data" / "independent" / name for name in ("set_a_catalogues.csv", "set_b_written.csv")]
ROUNDS = (0, 5, 10, 20, 40)


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


def _score(path: Path, predict) -> dict:
    records, labels, _ = read_records(path, label_column="cluster")
    return pairwise_scores(labels, predict(records))


def _training_sets() -> list[tuple[str, list, dict]]:
    out = []
    for name in learned.built_in_sets():
        records, clusters = learned.read_training_csv(learned.DATA / f"{name}.csv")
        out.append((name, records, clusters))
    return out


def _tune_on_training(make_predict, grid):
    """The parameter with the best mean F1 over the built-in training sets (never an independent set)."""
    sets = _training_sets()
    return max(grid, key=lambda p: sum(pairwise_scores(c, make_predict(p)(r))["f1"] for _n, r, c in sets) / len(sets))


def cross_validate(thresholds=(0.5, 0.6, 0.7, 0.8, 0.9), averages=(0.3, 0.4, 0.5, 0.6)) -> dict:
    """Leave one built-in set out: train on the others, score the one left out; pick the best mean F1."""
    sets = _training_sets()
    if len(sets) < 2:
        return {"threshold": 0.5, "average": engine.AVERAGE, "note": "one training set: defaults kept"}
    results = {}
    for name, records, clusters in sets:
        model = learned.train(sets=[n for n, _r, _c in sets if n != name])
        scored = engine.score_candidates(records, model=model)
        for t in thresholds:
            for a in averages:
                predicted = cluster(records, model=model, threshold=t, average=a, scored=scored).clusters
                results.setdefault((t, a), []).append(pairwise_scores(clusters, predicted)["f1"])
    (threshold, average), f1s = max(results.items(), key=lambda item: (sum(item[1]) / len(item[1]), -item[0][1]))
    return {"threshold": threshold, "average": average, "mean_f1_left_out": round(sum(f1s) / len(f1s), 4),
            "per_set": dict(zip([n for n, _r, _c in sets], [round(f, 4) for f in f1s], strict=True))}


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


def quality(skip_splink: bool = False) -> dict:
    report = {"chosen_by_cross_validation": cross_validate()}
    baselines = {
        "rapidfuzz_token_set_ratio": (rapidfuzz_baseline, range(60, 101, 4)),
        "tfidf_char_ngrams_agglomerative": (tfidf_baseline, [x / 100 for x in range(10, 80, 10)]),
    }
    if not skip_splink:
        baselines["splink_duckdb"] = (splink_baseline, [0.5, 0.9, 0.99])
    chosen = {name: _tune_on_training(make, grid) for name, (make, grid) in baselines.items()}
    report["baseline_parameters"] = chosen
    for path in [*INDEPENDENT, EVAL]:
        row = {"partnering_learned": _score(path, lambda part: cluster(part).clusters),
               "partnering_rules": _score(path, lambda part: cluster(part, method="rules").clusters)}
        for name, (make, _grid) in baselines.items():
            row[name] = _score(path, make(chosen[name]))
        report[path.name] = row
    return report


def _answer(labels_truth: dict, a: str, b: str):
    return learned.Label(a, b, labels_truth[a] == labels_truth[b])


def learning_curve(path: Path, rounds=ROUNDS, seed: int = 7) -> dict:
    """F1 as a simulated coordinator answers questions, against random pairs and the rules bound by the same answers."""
    records, truth, _ = read_records(path, label_column="cluster")
    return _curve(records, truth, rounds, seed)


def cross_validated_learning(rounds=ROUNDS, seed: int = 7) -> dict:
    """The learning curve on each built-in set, with the model trained on the other built-in sets only (never an
    independent set), and the mean over the sets: what question selection is chosen by."""
    sets = _training_sets()
    report = {}
    for name, records, clusters in sets:
        report[name] = _curve(records, clusters, rounds, seed, sets=[n for n, _r, _c in sets if n != name])
    report["mean"] = {kind: {target: round(sum(report[n][kind][target] for n, _r, _c in sets) / len(sets), 4) for target in rounds}
                      for kind in ("questions", "random_pairs", "rules_with_same_answers")}
    return report


def _curve(records, truth, rounds=ROUNDS, seed: int = 7, sets=None) -> dict:
    rng = random.Random(seed)
    asked: list = []
    curve = {"questions": {}, "random_pairs": {}, "rules_with_same_answers": {}}
    across = [(a.record_id, b.record_id) for i, a in enumerate(records) for b in records[i + 1:] if a.council != b.council]
    rng.shuffle(across)

    def f1(labels, *, rules=False):
        must, cannot = learned.bindings(labels)
        if rules:
            return pairwise_scores(truth, cluster(records, method="rules", must_link=must, cannot_link=cannot).clusters)["f1"]
        model = learned.model_for(records, labels, sets=sets)
        return pairwise_scores(truth, cluster(records, model=model, must_link=must, cannot_link=cannot).clusters)["f1"]

    for target in rounds:
        while len(asked) < target:
            model = learned.model_for(records, asked, sets=sets)
            batch = engine.questions(records, count=min(5, target - len(asked)), labels=asked, model=model)
            if not batch:
                break
            asked += [_answer(truth, a, b) for a, b in batch]
        randoms = [_answer(truth, a, b) for a, b in across[:target]]
        curve["questions"][target] = f1(asked[:target])
        curve["random_pairs"][target] = f1(randoms)
        curve["rules_with_same_answers"][target] = f1(asked[:target], rules=True)
    return curve


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
    start, cpu = time.perf_counter(), time.process_time()
    result = cluster(records)
    # CPU time too: on a shared machine the wall time also counts other sessions' work
    return {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu, "clusters": len(set(result.clusters.values()))}


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


def scale(count: int, councils: int, repeat: int, with_splink: bool = True) -> dict:
    """Both tools on the same records, each in its own process, interleaved."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.csv"
        generate(path, count, councils)
        ours, theirs = [], []
        for _ in range(repeat):
            ours.append(run_child("partnering", path))
            theirs.append(run_child("splink", path) if with_splink else {"error": "not run (--skip-splink)"})
    def summary(runs):
        good = [r for r in runs if "error" not in r]
        if not good:
            return {"error": runs[0]["error"]}
        seconds = sorted(r["seconds"] for r in good)[len(good) // 2]
        cpu = sorted(r["cpu_seconds"] for r in good if "cpu_seconds" in r)
        return {"seconds": round(seconds, 1), "records_per_second": round(count / seconds), "peak_rss_mb": round(max(r["max_rss_mb"] for r in good)),
                "clusters": good[0]["clusters"], **({"cpu_seconds": round(cpu[len(cpu) // 2], 1)} if cpu else {})}
    return {"records": count, "councils": councils, "runs": repeat, "partnering": summary(ours), "splink_duckdb": summary(theirs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--councils", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-learning", action="store_true")
    parser.add_argument("--skip-splink", action="store_true")
    parser.add_argument("--learning-cv-only", action="store_true",
                        help="only the learning curve cross-validated over the built-in sets (no independent set is read)")
    args = parser.parse_args()
    if args.learning_cv_only:
        print(json.dumps(cross_validated_learning(), indent=2))
        return
    report = {}
    if not args.skip_quality:
        report["quality"] = quality(args.skip_splink)
    if not args.skip_learning:
        report["learning_from_answers"] = {path.name: learning_curve(path) for path in INDEPENDENT}
        report["learning_from_answers_cross_validated"] = cross_validated_learning()
    if not args.skip_scale:
        # A size where both finish, then the full size.
        report["scale"] = [scale(size, args.councils, args.repeat, with_splink=not args.skip_splink or size <= 10_000)
                           for size in sorted({min(10_000, args.records), args.records})]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
