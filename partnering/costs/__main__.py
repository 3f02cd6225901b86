"""Share costs and funding fairly, from a JSON spec, without a database.

    python -m partnering.costs apportion SPEC.json
    python -m partnering.costs grant SPEC.json
    python -m partnering.costs entitlements SPEC.json
    python -m partnering.costs shapley SPEC.json
    python -m partnering.costs recharges SPEC.json

Each prints JSON on stdout; the spec formats and outputs are described in the docstrings
of partnering.costs.engine.apportion, .grants, .entitlements, .shapley and .recharges. Amounts are strings
with two decimals. A bad spec exits 2 with a message naming the field (and party).
"""

import argparse
import importlib
import json
import sys
from decimal import Decimal

from .engine.money import SpecError

COMMANDS = {"apportion": "apportion", "grant": "grants", "entitlements": "entitlements", "shapley": "shapley",
            "recharges": "recharges"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.costs", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=list(COMMANDS))
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
    module = importlib.import_module(f".engine.{COMMANDS[args.command]}", __package__)
    try:
        result = module.run(spec)
    except SpecError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
