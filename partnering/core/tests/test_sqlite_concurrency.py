"""On SQLite (the demo, a laptop, a small pilot) simultaneous writes wait their turn instead of failing
with "database is locked". PostgreSQL stays the recommendation for real deployments."""

import threading
import time

import pytest
from django.db import connections, transaction

from config.settings.base import database_from_url

ALIAS = "sqlite_file_for_concurrency"


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    """A file-backed SQLite database (the test database is in memory) configured as the settings configure one.
    It is not the test database, so the test needs no django_db mark, only database access."""
    django_db_blocker.unblock()
    configured = connections.configure_settings({"default": database_from_url(f"sqlite:///{tmp_path / 'partnering.sqlite3'}")})
    connections.settings[ALIAS] = configured["default"]
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY, place INTEGER NOT NULL UNIQUE)")
    yield ALIAS
    connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]
    django_db_blocker.restore()


def test_simultaneous_bookings_on_sqlite_all_succeed_and_each_gets_its_own_place(file_database):
    people = 12
    barrier = threading.Barrier(people)
    errors = []

    def book():
        try:
            barrier.wait()
            # Count, then write, in one transaction: as booking a place does.
            with transaction.atomic(using=file_database), connections[file_database].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM booking")
                (taken,) = cursor.fetchone()
                time.sleep(0.02)
                cursor.execute("INSERT INTO booking (place) VALUES (%s)", [taken + 1])
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connections[file_database].close()

    threads = [threading.Thread(target=book) for _ in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with connections[file_database].cursor() as cursor:
        cursor.execute("SELECT place FROM booking ORDER BY place")
        assert [place for (place,) in cursor.fetchall()] == list(range(1, people + 1))


def test_sqlite_connections_use_write_ahead_logging_and_wait_for_a_busy_database(file_database):
    with connections[file_database].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL: safe with WAL, far fewer fsyncs
    assert connections[file_database].transaction_mode == "IMMEDIATE"


def test_postgresql_settings_get_no_sqlite_options():
    settings = database_from_url("postgres://partnering:secret@db.internal:5432/partnering")
    assert settings["ENGINE"] == "django.db.backends.postgresql"
    assert "transaction_mode" not in settings.get("OPTIONS", {}) and "init_command" not in settings.get("OPTIONS", {})
