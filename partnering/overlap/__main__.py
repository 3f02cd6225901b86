"""Find equivalent provision across councils from a CSV, without a database.

    python -m partnering.overlap cluster IN.csv --out OUT.csv [--labels LABELS.csv] [--threshold P] [--rules] [--explain]
    python -m partnering.overlap questions IN.csv [--labels LABELS.csv] --count N --out Q.csv
    python -m partnering.overlap evaluate LABELLED.csv [--threshold P] [--rules]
    python -m partnering.overlap train

IN has record_id, council, title and optionally topic, provider_name, accreditation,
level, duration_hours, delivery_method. LABELLED is the same plus the true `cluster`
(and optionally `half`: dev or holdout). LABELS has record_a,record_b,same (yes or no):
answers that train the model for this run and bind those pairs. `questions` writes the N
pairs most worth asking next (record_a,record_b). `evaluate` prints pairwise precision,
recall and F1, for each half too when the file has one. `--rules` uses the earlier
hand-weighted matcher instead of the learned model. Bad input exits 2.
"""

import argparse
import json
import sys
from pathlib import Path

from .matching import cluster, pairwise_scores
from .matching.engine import questions
from .matching.files import CsvProblem, read_labels, read_records, write_clusters, write_pairs
from .matching.learned import bindings, model_for


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.overlap", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("cluster", help="write record_id,cluster_id")
    run.add_argument("input", type=Path)
    run.add_argument("--out", type=Path, required=True)
    run.add_argument("--labels", type=Path)
    run.add_argument("--threshold", type=float, default=None)
    run.add_argument("--rules", action="store_true", help="the earlier hand-weighted matcher")
    run.add_argument("--explain", action="store_true", help="print why records were linked")
    ask = commands.add_parser("questions", help="write the pairs most worth asking a coordinator about")
    ask.add_argument("input", type=Path)
    ask.add_argument("--labels", type=Path)
    ask.add_argument("--count", type=int, required=True)
    ask.add_argument("--out", type=Path, required=True)
    commands.add_parser("train", help="build (or check) the model from the built-in labelled sets, kept on disk")
    check = commands.add_parser("evaluate", help="pairwise precision, recall and F1 against a labelled file")
    check.add_argument("labelled", type=Path)
    check.add_argument("--threshold", type=float, default=None)
    check.add_argument("--rules", action="store_true")
    args = parser.parse_args(argv)
    try:
        if args.command == "cluster":
            records, _, _ = read_records(args.input)
            labels = read_labels(args.labels, {r.record_id for r in records}) if args.labels else []
            must, cannot = bindings(labels)
            result = cluster(records, threshold=args.threshold, model=None if args.rules else model_for(records, labels),
                             method="rules" if args.rules else "learned", must_link=must, cannot_link=cannot)
            write_clusters(args.out, result.clusters, [r.record_id for r in records])
            groups = result.members()
            print(json.dumps({"records": len(records), "clusters": len(groups),
                              "in_two_or_more_councils": sum(1 for m in groups.values() if len({next(r.council for r in records if r.record_id == i) for i in m}) > 1) if len(records) < 20000 else None}))
            if args.explain:
                for (a, b), why in sorted(result.links.items()):
                    print(f"{a} ~ {b}: {why.as_text()}", file=sys.stderr)
        elif args.command == "train":
            from .matching.learned import built_in_sets, default_model, model_path

            default_model()
            print(json.dumps({"sets": built_in_sets(), "model": str(model_path())}))
        elif args.command == "questions":
            if args.count < 1:
                raise CsvProblem(f"--count must be at least 1, not {args.count}.")
            records, _, _ = read_records(args.input)
            labels = read_labels(args.labels, {r.record_id for r in records}) if args.labels else []
            pairs = questions(records, count=args.count, labels=labels, model=model_for(records, labels))
            write_pairs(args.out, pairs)
            print(json.dumps({"records": len(records), "labels": len(labels), "questions": len(pairs)}))
        else:
            records, labels, halves = read_records(args.labelled, label_column="cluster")
            predicted = cluster(records, threshold=args.threshold, method="rules" if args.rules else "learned").clusters
            report = {"all": pairwise_scores(labels, predicted)}
            for half in sorted(set(halves.values())):
                ids = [rid for rid, h in halves.items() if h == half]
                report[half] = pairwise_scores({i: labels[i] for i in ids}, {i: predicted[i] for i in ids})
            print(json.dumps(report, indent=2))
    except CsvProblem as problem:
        print(problem, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
