"""Meetings from the command line, without a database.

    python -m partnering.meetings rotation --order A,B,C,D,E,F --meetings 12
        [--history A,B,C] [--skip 3:C] [--skip 7:C,E] [--start 2026-01-15 --every month]

Prints JSON: {"hosts": [{"meeting": 1, "host": "A", "skipped": [], "owed": false, "date": "2026-01-15"}, ...],
"counts": {"A": 2, ...}, "spread": 0}. `--order` is the councils in their set order; `--history` the hosts of
earlier meetings, oldest first; each `--skip N:COUNCILS` names councils that cannot host meeting N (1-based),
or the meeting on a date (YYYY-MM-DD:COUNCILS) when `--start` is given. The rule is in
partnering.meetings.rotation. Bad input exits 2 with a message naming the argument that was wrong.
"""

import argparse
import datetime
import json
import sys

from .rotation import FREQUENCIES, RotationError, plan, schedule


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(2)


def _names(text: str, argument: str) -> list[str]:
    names = [n.strip() for n in text.split(",")]
    if any(not n for n in names):
        raise RotationError(f"{argument}: {text!r} has an empty council name (two commas together, or a trailing comma)")
    return names


def _date(text: str, argument: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise RotationError(f"{argument}: {text!r} is not a date like 2026-01-15") from None


def rotation(args) -> dict:
    order = _names(args.order, "--order")
    if args.meetings < 0:
        raise RotationError("--meetings: give 0 or more meetings")
    if args.every and not args.start:
        raise RotationError("--every: give --start too")
    dates = schedule(_date(args.start, "--start"), args.every or "month", args.meetings) if args.start else None
    history = _names(args.history, "--history") if args.history else []
    for host in history:
        if host not in order:
            raise RotationError(f"--history: {host} is not in --order")
    unavailable: dict[int, set[str]] = {}
    for skip in args.skip:
        when, sep, councils = skip.partition(":")
        if not sep or not councils.strip():
            raise RotationError(f"--skip: {skip!r} should be MEETING:COUNCILS, for example 3:Conwy")
        if when.strip().isdigit():
            number = int(when)
            if not 1 <= number <= args.meetings:
                raise RotationError(f"--skip {skip}: meeting {number} is not between 1 and {args.meetings}")
            index = number - 1
        elif dates is not None:
            day = _date(when.strip(), f"--skip {skip}")
            if day not in dates:
                raise RotationError(f"--skip {skip}: no meeting falls on {day.isoformat()}")
            index = dates.index(day)
        else:
            raise RotationError(f"--skip {skip}: {when!r} is not a meeting number (dates need --start)")
        for council in _names(councils, f"--skip {skip}"):
            if council not in order:
                raise RotationError(f"--skip {skip}: {council} is not in --order")
            unavailable.setdefault(index, set()).add(council)
    result = plan(order, args.meetings, history=history, unavailable=unavailable).as_dict()
    if dates is not None:
        for row, day in zip(result["hosts"], dates, strict=True):
            row["date"] = day.isoformat()
    return result


def main(argv=None) -> int:
    parser = _Parser(prog="python -m partnering.meetings", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    rot = commands.add_parser("rotation", help="which council hosts each meeting")
    rot.add_argument("--order", required=True, help="councils in their set order, separated by commas")
    rot.add_argument("--meetings", type=int, required=True, help="how many meetings to plan")
    rot.add_argument("--history", default="", help="hosts of earlier meetings, oldest first, separated by commas")
    rot.add_argument("--skip", action="append", default=[], help="MEETING:COUNCILS that cannot host it (repeatable)")
    rot.add_argument("--start", help="date of the first meeting (YYYY-MM-DD), to print dates")
    rot.add_argument("--every", choices=FREQUENCIES, help="how often the body meets (with --start; default month)")
    args = parser.parse_args(argv)
    try:
        result = rotation(args)
    except RotationError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
