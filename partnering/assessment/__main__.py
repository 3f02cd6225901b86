"""Benchmark responses with the anonymity rule, without a database.

    python -m partnering.assessment benchmark RESPONSES.csv [--min-group N] --json

RESPONSES.csv has the columns respondent,group,question,score (numeric scores). It prints
{"overall": {QUESTION: {"n": …, "mean": "…"}}, "groups": {GROUP: {QUESTION: {"n": …, "mean": "…"} or
{"suppressed": true}}}}, means rounded to two decimals as strings, groups sorted by name. A group is
suppressed for a question when fewer than N (default 5, at least 3) answered it, or when it must be
hidden so that no suppressed group's figures can be worked out from the overall figure and the groups
shown (the next-smallest group is hidden, ties by name). A bad file exits 2 naming the file, row and column.
"""

import argparse
import json
import sys

from .anonymity import DEFAULT_MIN_GROUP, RuleError, check_min_group
from .benchmark import BadFile, benchmark, read_responses


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.assessment", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    bench = sub.add_parser("benchmark", help="benchmark a file of responses")
    bench.add_argument("responses", help="the CSV file of responses ('-' for stdin)")
    bench.add_argument("--min-group", type=int, default=DEFAULT_MIN_GROUP, help="the smallest group shown (default 5, at least 3)")
    bench.add_argument("--json", action="store_true", help="print JSON (the only output there is)")
    args = parser.parse_args(argv)
    try:
        min_group = check_min_group(args.min_group)
    except RuleError as e:
        print(f"error: --min-group: {e}", file=sys.stderr)
        return 2
    try:
        if args.responses == "-":
            responses = read_responses(sys.stdin, "<stdin>")
        else:
            with open(args.responses, encoding="utf-8-sig", newline="") as handle:
                responses = read_responses(handle, args.responses)
    except OSError as e:
        print(f"error: {args.responses}: cannot read the file ({e.strerror})", file=sys.stderr)
        return 2
    except UnicodeDecodeError:
        print(f"error: {args.responses}: not UTF-8 text", file=sys.stderr)
        return 2
    except BadFile as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    json.dump(benchmark(responses, min_group), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
