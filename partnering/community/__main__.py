"""Command line for the groups' pure cores.

    python -m partnering.community rotation --start 2025-04-01 --months 3 --turns 8 Alice Bryn Ceri [--skip Bryn:2] [--on DAY]
    python -m partnering.community rank BALLOTS.csv

`rotation` prints {"turns": [{"number", "starts_on", "ends_on", "holder"}, …], "counts": {…}} (and "chair" with
--on). `rank` reads a CSV of `voter,priority,rank` rows and prints {"ranking": [{"item", "points", …}, …]}
best first. Bad input exits 2 with a message naming what was wrong.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import sys

from .ranking import RankingError, borda
from .rotation import RotationError, chair_on, counts, schedule


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _skip(text: str) -> tuple[str, int]:
    name, _, number = text.rpartition(":")
    if not name or not number.isdigit():
        raise argparse.ArgumentTypeError(f"--skip {text!r}: write NAME:TURN, for example Bryn:2")
    return name, int(number)


def _rank(path: str) -> dict:
    ballots: dict[str, list[tuple[int, str]]] = {}
    items: list[str] = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = {"voter", "priority", "rank"} - set(reader.fieldnames or [])
            if missing:
                raise RankingError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
            for row_number, row in enumerate(reader, start=2):
                try:
                    rank = int(row["rank"])
                except (TypeError, ValueError):
                    raise RankingError(f"{path}: row {row_number}, column rank: {row['rank']!r} is not a whole number") from None
                if rank < 1:
                    raise RankingError(f"{path}: row {row_number}, column rank: ranks start at 1")
                if row["priority"] not in items:
                    items.append(row["priority"])
                ballots.setdefault(row["voter"], []).append((rank, row["priority"]))
    except OSError as error:
        raise RankingError(f"{path}: {error.strerror}") from None
    ordered = {voter: [item for _, item in sorted(entries)] for voter, entries in ballots.items()}
    return {"ranking": [vars(r) for r in borda(items, ordered)]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.community")
    commands = parser.add_subparsers(dest="command", required=True)
    rotation = commands.add_parser("rotation", help="who chairs each turn")
    rotation.add_argument("candidates", nargs="+", help="the order: people or councils")
    rotation.add_argument("--start", type=_day, required=True)
    rotation.add_argument("--months", type=int, default=12)
    rotation.add_argument("--turns", type=int, default=6)
    rotation.add_argument("--skip", type=_skip, action="append", default=[], help="NAME:TURN, someone who cannot take that turn")
    rotation.add_argument("--on", type=_day, help="also say who chairs on this day")
    rank = commands.add_parser("rank", help="rank a wish list from members' ballots")
    rank.add_argument("ballots", help="CSV with voter,priority,rank")
    args = parser.parse_args(argv)
    try:
        if args.command == "rotation":
            turns = schedule(args.candidates, starts_on=args.start, months=args.months, turns=args.turns, unavailable=args.skip)
            result = {"turns": [{"number": t.number, "starts_on": t.starts_on.isoformat(), "ends_on": t.ends_on.isoformat(),
                                 "holder": t.holder} for t in turns], "counts": counts(turns)}
            if args.on:
                turn = chair_on(args.candidates, args.on, starts_on=args.start, months=args.months, unavailable=args.skip)
                result["chair"] = turn.holder if turn else None
        else:
            result = _rank(args.ballots)
    except (RotationError, RankingError) as error:
        sys.stderr.write(f"{error}\n")
        return 2
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
