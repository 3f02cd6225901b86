"""Results and benefits from a JSON spec, without a database.

    python -m partnering.programmes results SPEC.json

The spec: {"today": "2026-03-31", "max_age_days": 90,
           "indicators": [{"title", "baseline", "target", "actual", "ascending", "measure", "as_of"}],
           "benefits": [{"kind": "cashable|avoidance|non_cash", "planned", "realised", "description"}]}.
Prints JSON: each indicator's change, share of the way to target, whether met and whether stale; benefit
totals kept apart by kind. A bad spec exits 2 with a message naming the field.
"""

import argparse
import json
import sys
from decimal import Decimal

from .results import ResultsError, run


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.programmes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["results"])
    parser.add_argument("spec", help="the JSON spec file ('-' for stdin)")
    args = parser.parse_args(argv)
    try:
        text = sys.stdin.read() if args.spec == "-" else open(args.spec, encoding="utf-8").read()
    except OSError as e:
        print(f"error: cannot read {args.spec}: {e.strerror}", file=sys.stderr)
        return 2
    try:
        spec = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as e:
        print(f"error: {args.spec} is not valid JSON: {e}", file=sys.stderr)
        return 2
    try:
        result = run(spec)
    except ResultsError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
