"""Match a need to people, from a CSV, without a database.

    python -m partnering.directory match PEOPLE.csv --need "TEXT" [--welsh] [--council REQUESTER]
        [--near LAT,LON] [--top N] --json

PEOPLE.csv has the columns person_id,council,skills,welsh_level,delivers_in_welsh,lat,lon,available_days:
`skills` separated by ";", `welsh_level` 0 to 5, `delivers_in_welsh` yes or no, `lat`/`lon` and
`available_days` (days a quarter) may be empty. It prints {"matches": [{"person_id", "score", "reasons"}, …]}
best first (see partnering.directory.matching for the scoring). `--welsh` leaves out people who cannot
deliver in Welsh; `--council` puts people from other councils ahead of equally good people from the
requester's own. A bad CSV exits 2 with a message naming the file, row and column.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys

from .matching import Candidate, Need, Skill, describe, rank

COLUMNS = ("person_id", "council", "skills", "welsh_level", "delivers_in_welsh", "lat", "lon", "available_days")
YES, NO = {"yes", "y", "true", "1"}, {"no", "n", "false", "0"}


class BadInput(Exception):
    pass


def _number(text: str, where: str, *, low: float | None = None, high: float | None = None) -> float | None:
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise BadInput(f"{where}: {text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise BadInput(f"{where}: {text!r} is not a number")
    if (low is not None and value < low) or (high is not None and value > high):
        raise BadInput(f"{where}: {text} is outside {low:g} to {high:g}" if high is not None else f"{where}: {text} is below {low:g}")
    return value


def read_people(path: str) -> list[Candidate]:
    """The candidates in a PEOPLE.csv; BadInput names the file, row (as a spreadsheet numbers it) and column."""
    try:
        handle = open(path, encoding="utf-8-sig", newline="")
    except OSError as e:
        raise BadInput(f"{path}: cannot read it: {e.strerror}") from None
    with handle:
        try:
            reader = csv.DictReader(handle)
            header = [h.strip() for h in (reader.fieldnames or [])]
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                raise BadInput(f"{path}, row 1: missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}")
            reader.fieldnames = header
            people, seen = [], {}
            for number, row in enumerate(reader, start=2):
                people.append(_candidate(path, number, row, seen))
        except UnicodeDecodeError:
            raise BadInput(f"{path}: not UTF-8 text (save it as CSV UTF-8)") from None
        except csv.Error as e:
            raise BadInput(f"{path}, row {reader.line_num}: {e}") from None
    return people


def _candidate(path: str, number: int, row: dict, seen: dict) -> Candidate:
    def where(column):
        return f"{path}, row {number}, column {column}"

    if None in row:
        raise BadInput(f"{path}, row {number}: more values than columns")
    values = {c: (row.get(c) or "").strip() for c in COLUMNS}
    if not values["person_id"]:
        raise BadInput(f"{where('person_id')}: empty")
    if values["person_id"] in seen:
        raise BadInput(f"{where('person_id')}: {values['person_id']!r} is already on row {seen[values['person_id']]}")
    seen[values["person_id"]] = number
    if not values["council"]:
        raise BadInput(f"{where('council')}: empty")
    level = values["welsh_level"] or "0"
    if level not in {"0", "1", "2", "3", "4", "5"}:
        raise BadInput(f"{where('welsh_level')}: {level!r} is not a level from 0 to 5")
    delivers = values["delivers_in_welsh"].lower() or "no"
    if delivers not in YES | NO:
        raise BadInput(f"{where('delivers_in_welsh')}: {values['delivers_in_welsh']!r} is not yes or no")
    lat = _number(values["lat"], where("lat"), low=-90, high=90)
    lon = _number(values["lon"], where("lon"), low=-180, high=180)
    if (lat is None) != (lon is None):
        raise BadInput(f"{where('lon' if lon is None else 'lat')}: empty, but {'lat' if lon is None else 'lon'} is given")
    days = _number(values["available_days"], where("available_days"), low=0)
    skills = tuple(Skill(name.strip()) for name in values["skills"].split(";") if name.strip())
    return Candidate(values["person_id"], values["council"], skills, int(level), delivers in YES, lat, lon, days)


def _near(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) != 2:
        raise BadInput(f"--near: {text!r} is not LAT,LON")
    lat = _number(parts[0], "--near latitude", low=-90, high=90)
    lon = _number(parts[1], "--near longitude", low=-180, high=180)
    if lat is None or lon is None:
        raise BadInput(f"--near: {text!r} is not LAT,LON")
    return lat, lon


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.directory", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    match = commands.add_parser("match", help="rank the people in a CSV for a need")
    match.add_argument("people", metavar="PEOPLE.csv")
    match.add_argument("--need", required=True, help="what help is wanted, in words")
    match.add_argument("--welsh", action="store_true", help="the help must be given in Welsh")
    match.add_argument("--council", help="the requester's council: others' people come first among equals")
    match.add_argument("--near", metavar="LAT,LON", help="where the help is wanted")
    match.add_argument("--top", type=int, metavar="N", help="show only the best N")
    match.add_argument("--json", action="store_true", help="print JSON (the default prints a table)")
    args = parser.parse_args(argv)
    try:
        if args.top is not None and args.top < 1:
            raise BadInput(f"--top: {args.top} is not a number of people (1 or more)")
        if not args.need.strip():
            raise BadInput("--need: empty")
        need = Need(args.need, welsh=args.welsh, council=args.council or None, near=_near(args.near))
        people = read_people(args.people)
    except BadInput as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    matches = rank(people, need, top=args.top)
    if args.json:
        json.dump({"matches": [{"person_id": m.person_id, "score": m.score, "reasons": [describe(r) for r in m.reasons]}
                               for m in matches]}, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for m in matches:
            sys.stdout.write(f"{m.score:3d}  {m.person_id}  {m.council}: {'; '.join(describe(r) for r in m.reasons)}\n")
        if not matches:
            sys.stdout.write("No one matches.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
