"""The restore drill (`make restore-drill`): prove a backup brings back everything.

On a PostgreSQL server (RESTORE_DRILL_DATABASE_URL, else PARTNERING_TEST_DATABASE_URL: a role allowed to create
databases) it makes a fresh database, migrates it and loads the demo region (or, with --source URL, uses an existing
database and restores into a scratch copy instead), takes every table's row count and checksum, dumps it with
pg_dump (the documented backup), wipes the database, restores the dump with pg_restore, and takes every table's
count and checksum again. Any table that differs fails the drill (exit 1). The databases it made are dropped.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent


def with_database(url: str, name: str) -> str:
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def admin(url: str):
    return psycopg.connect(with_database(url, "postgres"), autocommit=True)


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Every table in the public schema: (rows, md5 of its rows in a fixed order)."""
    result = {}
    with psycopg.connect(url) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        for table in tables:
            count, digest = connection.execute(sql.SQL(
                "SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM {} AS t").format(
                    sql.Identifier(table))).fetchone()
            result[table] = (count, digest)
    return result


def run(command: list[str], env: dict | None = None) -> None:
    subprocess.run(command, check=True, cwd=ROOT, env={**os.environ, **(env or {})})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", help="an existing database URL to drill (default: a fresh demo database)")
    args = parser.parse_args(argv)
    server = os.environ.get("RESTORE_DRILL_DATABASE_URL") or os.environ.get("PARTNERING_TEST_DATABASE_URL")
    if not server and not args.source:
        print("restore-drill: set RESTORE_DRILL_DATABASE_URL (or PARTNERING_TEST_DATABASE_URL) to a PostgreSQL role that may "
              "create databases", file=sys.stderr)
        return 2
    server = server or args.source
    name = f"partnering_drill_{os.getpid()}"
    made = []
    try:
        with admin(server) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            made.append(name)
        url = with_database(server, name)
        if args.source:
            print(f"restore-drill: copying {urlsplit(args.source).path.lstrip('/')} into {name}")
            with tempfile.NamedTemporaryFile(suffix=".dump") as copy:
                run(["pg_dump", "--format=custom", "--no-owner", f"--file={copy.name}", args.source])
                run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={url}", copy.name])
        else:
            print(f"restore-drill: migrating {name} and loading the demo region")
            env = {"DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
            run([sys.executable, "manage.py", "migrate", "--noinput", "--verbosity", "0"], env)
            run([sys.executable, "manage.py", "createcachetable"], env)
            try:
                run([sys.executable, "manage.py", "load_demo"], {**env, "PYTHONWARNINGS": "ignore"})
            except subprocess.CalledProcessError:
                print("restore-drill: WARNING: the demo region could not be loaded (above); drilling the database as migrated",
                      file=sys.stderr)
        before = fingerprint(url)
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "partnering.dump"
            started = time.monotonic()
            run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", url])
            print(f"restore-drill: dumped {len(before)} tables, {sum(c for c, _ in before.values())} rows, "
                  f"{dump.stat().st_size / 1e6:.1f} MB in {time.monotonic() - started:.1f} s")
            with admin(server) as connection:
                connection.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            assert not fingerprint(url), "the wiped database still has tables"
            started = time.monotonic()
            run(["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={url}", str(dump)])
            print(f"restore-drill: restored in {time.monotonic() - started:.1f} s")
        after = fingerprint(url)
        wrong = sorted(t for t in set(before) | set(after) if before.get(t) != after.get(t))
        for table in wrong:
            print(f"restore-drill: {table}: before {before.get(table)}, after {after.get(table)}", file=sys.stderr)
        if wrong:
            print(f"restore-drill: FAILED: {len(wrong)} of {len(before)} tables differ", file=sys.stderr)
            return 1
        print(f"restore-drill: every table matches: {len(after)} tables, {sum(c for c, _ in after.values())} rows, "
              "same counts and checksums")
        return 0
    finally:
        with admin(server) as connection:
            for database in made:
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(database)))


if __name__ == "__main__":
    sys.exit(main())
