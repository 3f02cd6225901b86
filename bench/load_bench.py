"""Load benchmark: pages under a bounded load, on PostgreSQL and gunicorn, beside a trivial view.

    .venv/bin/python bench/load_bench.py [--users 50] [--seconds 60]
    .venv/bin/python bench/load_bench.py --national [--councils 400] [--staff 2000000] [--provision 300000] [--reuse]

Needs PostgreSQL (LOAD_DATABASE_URL, default postgres://partnering:partnering@127.0.0.1:5432/partnering_load;
the user needs CREATEDB, as CI's has) and the bench extras (`make install-bench`: locust). It creates a
fresh database, loads the demo region (or, with --national, generates a synthetic UK with
`manage.py generate_national` into partnering_national), starts gunicorn on 127.0.0.1, runs locust headless
for the given time against loopback only, and prints p50/p95 latency and throughput for each page beside the
trivial view (/healthz: one SELECT 1) measured in the same run, then stops everything.
Demo: the catalogue, session pages and booking. National: the catalogue, the partnership and council
dashboards, the overlap report and people search, read by the largest partnership's coordinator and the
lead and a member of staff of its largest council. --reuse keeps a national database generated before.
Target: p95 of each page at most 3 times the trivial view's; no errors.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = 8765


def database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


DEMO_PAGES = ("catalogue", "session", "book", "sign in", "catalogue (first visit, while others sign in)")
NATIONAL_PAGES = ("catalogue", "partnership dashboard", "council dashboard", "overlap report", "people search", "sign in")
COMPARED = ("catalogue", "session", "partnership dashboard", "council dashboard", "overlap report", "people search")


def _prepare_national(args, python, env, url) -> dict:
    """Generate the national dataset (or reuse the last one) and return the generator's summary."""
    summary = Path(tempfile.gettempdir()) / f"partnering-national-{url.rsplit('/', 1)[1]}.json"
    if not (args.reuse and summary.exists()):
        database(url)
        subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([python, "manage.py", "generate_national", "--councils", str(args.councils), "--staff", str(args.staff),
                        "--provision", str(args.provision), "--summary-json", str(summary)], cwd=ROOT, env=env, check=True)
    return json.loads(summary.read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--national", action="store_true", help="generate a synthetic UK and load its heaviest pages")
    parser.add_argument("--councils", type=int, default=400)
    parser.add_argument("--staff", type=int, default=2_000_000)
    parser.add_argument("--provision", type=int, default=300_000)
    parser.add_argument("--reuse", action="store_true", help="with --national: keep the national database generated last time")
    args = parser.parse_args()
    default_url = "postgres://partnering:partnering@127.0.0.1:5432/" + ("partnering_national" if args.national else "partnering_load")
    url = os.environ.get("LOAD_DATABASE_URL", default_url)
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": "false",
           "DATABASE_CONN_MAX_AGE": "60", "AXES_FAILURE_LIMIT": "1000", "LOG_LEVEL": "WARNING",
           "DATABASE_RANDOM_PAGE_COST": "1.1",  # as the README advises for SSD: people search reads its index
           "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
           # As in production: one cache in the database for every gunicorn worker (pages kept until the figures change).
           "DJANGO_CACHE_BACKEND": "django.core.cache.backends.db.DatabaseCache", "DJANGO_CACHE_LOCATION": "partnering_cache"}
    python = sys.executable
    national = None
    if args.national:
        national = _prepare_national(args, python, env, url)
        env["NATIONAL_ACCOUNTS"] = json.dumps(national)
        users = ["NationalStaff", "NationalLead", "NationalCoordinator"]
    else:
        database(url)
        subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        subprocess.run([python, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        users = ["StaffMember"]
    # A database kept from an earlier run may be behind this version's migrations; the cache table is created here.
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen([str(Path(python).with_name("gunicorn")), "config.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers",
                               str(args.workers), "--log-level", "warning"], cwd=ROOT, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL)
    try:
        for _ in range(60):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        with tempfile.TemporaryDirectory() as tmp:
            prefix = Path(tmp) / "load"
            subprocess.run([str(Path(python).with_name("locust")), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
                            "-u", str(args.users), "-r", str(max(1, args.users // 10)), "-t", f"{args.seconds}s",
                            "--host", f"http://127.0.0.1:{PORT}", "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR",
                            # Figures from when every user is signed in: sign-in hashes passwords slowly on purpose.
                            "--reset-stats", *users],
                           cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL)
            with open(f"{prefix}_stats.csv", newline="") as handle:
                rows = {row["Name"]: row for row in csv.DictReader(handle)}
            failures = Path(f"{prefix}_failures.csv").read_text().strip().splitlines()[1:]
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    def figures(name):
        row = rows.get(name)
        if not row:
            return None
        return {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]), "p50_ms": float(row["50%"]),
                "p95_ms": float(row["95%"]), "requests_per_second": round(float(row["Requests/s"]), 1)}

    trivial = figures("trivial view (/healthz)")
    report = {"users": args.users, "seconds": args.seconds, "gunicorn_workers": args.workers, "trivial": trivial}
    if national:
        report["national"] = {"scale": national["scale"], "rows": national["rows"], "generation_seconds": national["seconds"],
                              "database_bytes": national["database_bytes"]}
    for name in NATIONAL_PAGES if national else DEMO_PAGES:
        report[name] = figures(name)
    for name in COMPARED:
        if report.get(name) and trivial and trivial["p95_ms"]:
            report[name]["p95_ratio_to_trivial"] = round(report[name]["p95_ms"] / trivial["p95_ms"], 2)
    report["total"] = figures("Aggregated")
    report["failures"] = failures
    print(json.dumps(report, indent=2))
    print("\n| page | requests | p50 | p95 | p95 ÷ trivial | failures |\n| --- | --- | --- | --- | --- | --- |")
    for name in ("trivial", *(NATIONAL_PAGES if national else DEMO_PAGES)):
        row = report.get(name)
        if row:
            label = "trivial view (`/healthz`)" if name == "trivial" else name
            ratio = 1 if name == "trivial" else row.get("p95_ratio_to_trivial", "–")
            print(f"| {label} | {row['requests']:,} | {row['p50_ms']:.0f} ms | {row['p95_ms']:.0f} ms | {ratio} | {row['failures']} |")


if __name__ == "__main__":
    main()
