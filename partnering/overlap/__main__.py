"""Find equivalent provision across councils from a CSV, without a database.

    python -m partnering.overlap cluster IN.csv --out OUT.csv [--threshold T] [--explain]
    python -m partnering.overlap evaluate LABELLED.csv [--threshold T]

IN has record_id, council, title and optionally topic, provider_name, accreditation,
level, duration_hours, delivery_method. LABELLED is the same plus the true `cluster`
(and optionally `half`: dev or holdout). `evaluate` prints pairwise precision, recall
and F1, for each half too when the file has one.
"""

import argparse
import json
import sys
from pathlib import Path

from .matching import THRESHOLD, cluster, pairwise_scores
from .matching.files import CsvProblem, read_records, write_clusters


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.overlap", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("cluster", help="write record_id,cluster_id")
    run.add_argument("input", type=Path)
    run.add_argument("--out", type=Path, required=True)
    run.add_argument("--threshold", type=float, default=THRESHOLD)
    run.add_argument("--explain", action="store_true", help="print why records were linked")
    check = commands.add_parser("evaluate", help="pairwise precision, recall and F1 against a labelled file")
    check.add_argument("labelled", type=Path)
    check.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args(argv)
    try:
        if args.command == "cluster":
            records, _, _ = read_records(args.input)
            result = cluster(records, threshold=args.threshold)
            write_clusters(args.out, result.clusters, [r.record_id for r in records])
            groups = result.members()
            print(json.dumps({"records": len(records), "clusters": len(groups),
                              "in_two_or_more_councils": sum(1 for m in groups.values() if len({next(r.council for r in records if r.record_id == i) for i in m}) > 1) if len(records) < 20000 else None}))
            if args.explain:
                for (a, b), why in sorted(result.links.items()):
                    print(f"{a} ~ {b}: {why.as_text()}", file=sys.stderr)
        else:
            records, labels, halves = read_records(args.labelled, label_column="cluster")
            predicted = cluster(records, threshold=args.threshold).clusters
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
