"""Load benchmark: the catalogue, session pages and booking under a bounded load, on PostgreSQL and gunicorn.

    .venv/bin/python bench/load_bench.py [--users 50] [--seconds 60]

Needs PostgreSQL (LOAD_DATABASE_URL, default postgres://partnering:partnering@127.0.0.1:5432/partnering_load;
the user needs CREATEDB, as CI's has) and the bench extras (`make install-bench`: locust). It creates a
fresh database, loads the demo region, starts gunicorn on 127.0.0.1, runs locust headless for the given
time against loopback only, and prints p50/p95 latency and throughput for each page beside the trivial
view (/healthz: one SELECT 1) measured in the same run, then stops everything.
Target: p95 of the catalogue and session pages at most 3 times the trivial view's; no errors.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    url = os.environ.get("LOAD_DATABASE_URL", "postgres://partnering:partnering@127.0.0.1:5432/partnering_load")
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DJANGO_DEBUG": "false",
           "DATABASE_CONN_MAX_AGE": "60", "AXES_FAILURE_LIMIT": "1000", "LOG_LEVEL": "WARNING",
           "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    database(url)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([python, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
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
                            "--reset-stats"],
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
    for name in ("catalogue", "session", "book", "sign in", "catalogue (first visit, while others sign in)"):
        report[name] = figures(name)
    for name in ("catalogue", "session"):
        if report[name] and trivial and trivial["p95_ms"]:
            report[name]["p95_ratio_to_trivial"] = round(report[name]["p95_ms"] / trivial["p95_ms"], 2)
    report["total"] = figures("Aggregated")
    report["failures"] = failures
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
