"""What harmonising terms would cost, from two CSV files, without a database.

    python -m partnering.workforce harmonise TERMS.csv STAFF.csv --to up|down|median|COUNCIL [--on-cost PCT] --json

TERMS.csv: council,grade,annual_pay[,leave_days]. STAFF.csv: staff_id,council,grade,fte.
Prints {"by_council": {...}, "total_change": "..."} (money as strings with two decimals; see
partnering.workforce.harmonise for the rules). Bad files exit 2 naming the file, row and column.
"""

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation

from .harmonise import InputError, harmonise, read_staff, read_terms


def _read(path: str) -> str:
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.workforce", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    h = sub.add_parser("harmonise", help="the cost of harmonising pay (and leave) across councils")
    h.add_argument("terms", metavar="TERMS.csv")
    h.add_argument("staff", metavar="STAFF.csv")
    h.add_argument("--to", required=True, help="up, down, median or a council named in TERMS.csv")
    h.add_argument("--on-cost", default="0", help="employer on-costs as a percentage of pay (default 0)")
    h.add_argument("--json", action="store_true", help="print JSON (the only output there is)")
    args = parser.parse_args(argv)
    try:
        on_cost = Decimal(args.on_cost)
        if not on_cost.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        print(f"error: --on-cost: not a number: {args.on_cost!r}", file=sys.stderr)
        return 2
    contents = {}
    for path in (args.terms, args.staff):
        try:
            contents[path] = _read(path)
        except (OSError, UnicodeDecodeError) as e:
            print(f"error: {path}: cannot read it: {getattr(e, 'strerror', None) or e}", file=sys.stderr)
            return 2
    try:
        terms = read_terms(contents[args.terms], args.terms)
        staff = read_staff(contents[args.staff], args.staff)
        result = harmonise(terms, staff, args.to, on_cost, staff_file=args.staff, terms_file=args.terms)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
