"""Import benchmark: a 100,000-line .xlsx return, imported (parse, validate, write) into SQLite,
against python-calamine alone reading the same file, measured in the same run.

    .venv/bin/python bench/import_bench.py [--lines 100000] [--repeat 3]

Each measurement runs in its own process so peak memory (max RSS) is its own. The import
is also run on a quarter-size file: memory that stays flat shows as similar peaks.
Target: import time at most 3x the raw read; peak memory flat.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADERS = ["Course Title", "Category", "Method", "In-house/External", "Supplier", "Accredited by", "Level", "Hours",
           "No. of sessions", "No. of Learners", "Cost (£)", "Venue", "Notes"]


def generate(path: Path, lines: int) -> None:
    import xlsxwriter

    rng = random.Random(lines)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Provision")
    sheet.write_string(0, 0, "Benchmark council - L&D return")
    sheet.write_row(2, 0, HEADERS)
    topics = ["Leadership", "Health & Safety", "IT", "Safeguarding", "", "Customer care", "Welsh"]
    methods = ["F2F", "eLearning", "Webinar", "Blended", "Coaching", "classroom"]
    for n in range(lines):
        sheet.write_row(3 + n, 0, [
            f"Course {n} - {rng.choice(['ILM L3 Award', 'Manual Handling', 'Excel Intermediate', 'Safeguarding L2', 'Customer Care'])}",
            rng.choice(topics), rng.choice(methods), rng.choice(["Internal", "Ext."]), rng.choice(["", "Acme Ltd", "Cambrian Training"]),
            rng.choice(["", "ILM", "IOSH"]), rng.choice(["", "L3", "Level 2"]), rng.choice([1, 3, 6, 7.5]), rng.randint(1, 12),
            rng.randint(1, 400), f"£{rng.randint(0, 50000):,}.00", rng.choice(["", "Civic Centre"]), "",
        ])
    book.close()


def child_raw(path: str) -> dict:
    import python_calamine

    start = time.perf_counter()
    book = python_calamine.CalamineWorkbook.from_path(path)
    count = sum(1 for _ in book.get_sheet_by_name("Provision").iter_rows())
    return {"seconds": time.perf_counter() - start, "rows": count}


def child_import(path: str) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from partnering.mapping.services import import_return
    from partnering.organisations.models import Council

    council = Council.objects.create(name="Bench Council", short_name="Bench", slug="bench", country="Wales")
    data = Path(path).read_bytes()
    start = time.perf_counter()
    _, summary = import_return(council=council, year=2025, filename="bench.xlsx", data=data)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "lines": summary.lines}


def run_child(kind: str, path: Path, workdir: Path) -> dict:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / f'bench-{time.time_ns()}.sqlite3'}", "MEDIA_ROOT": str(workdir / "media"),
           "DJANGO_DEBUG": "false"}
    code = (
        f"import json, resource, sys; sys.path.insert(0, {str(ROOT)!r}); import bench.import_bench as b; "
        f"r = b.child_{kind}({str(path)!r}); r['max_rss_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024; "
        "print(json.dumps(r))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        big, small = workdir / "big.xlsx", workdir / "small.xlsx"
        generate(big, args.lines)
        generate(small, args.lines // 4)
        raw, imported, small_raw, small_imports = [], [], [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine load
            raw.append(run_child("raw", big, workdir))
            imported.append(run_child("import", big, workdir))
            small_raw.append(run_child("raw", small, workdir))
            small_imports.append(run_child("import", small, workdir))
        assert all(r["lines"] == args.lines for r in imported)
        raw_s = statistics.median(r["seconds"] for r in raw)
        import_s = statistics.median(r["seconds"] for r in imported)

        def peak(runs):
            return round(statistics.median(r["max_rss_mb"] for r in runs))

        result = {
            "lines": args.lines,
            "file_mb": round(big.stat().st_size / 1024 / 1024, 1),
            "raw_read_s": round(raw_s, 2),
            "import_s": round(import_s, 2),
            "ratio_import_to_raw": round(import_s / raw_s, 2),
            "lines_per_second": round(args.lines / import_s),
            "peak_rss_mb_raw_read": peak(raw),
            "peak_rss_mb_import": peak(imported),
            # What the import holds beyond the parsed sheet itself (calamine keeps a whole sheet in memory):
            # flat means the same for a quarter of the lines.
            "import_overhead_mb": peak(imported) - peak(raw),
            f"import_overhead_mb_{args.lines // 4}_lines": peak(small_imports) - peak(small_raw),
            "runs": args.repeat,
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
