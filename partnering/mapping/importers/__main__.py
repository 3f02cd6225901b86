"""Check a return without a database: `python -m partnering.mapping.importers FILE [--sheet S] [--map "Header=field"]`.

Prints the summary as JSON and every problem; exits 1 if there is any problem.
"""

import argparse
import json
import sys
from pathlib import Path

from . import FileProblem, ReturnParser, build_layout, choose_sheet, open_workbook


def parse_map(pairs: list[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        header, sep, field = pair.rpartition("=")
        if not sep or not header.strip():
            raise SystemExit(f"--map needs \"Header=field\", not {pair!r}")
        mapping[header.strip()] = field.strip()
    return mapping


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnering.mapping.importers", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--sheet")
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD")
    args = parser.parse_args(argv)
    try:
        workbook = open_workbook(args.file.read_bytes(), args.file.name)
        layout = build_layout(workbook, choose_sheet(workbook, args.sheet), parse_map(args.map))
        reader = ReturnParser(workbook, layout)
        for _ in reader.lines():
            pass
    except (OSError, FileProblem) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    print(json.dumps({"sheet": layout.sheet, "header_row": layout.header_row, "mapping": layout.header_mapping(),
                      **reader.summary.as_json()}, indent=2))
    for problem in reader.summary.problems:
        print(f"{args.file}: {problem}", file=sys.stderr)
    return 0 if reader.summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
