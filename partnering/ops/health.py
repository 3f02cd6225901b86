"""Liveness (the process answers) and readiness (it can serve: database, migrations applied, and, where tasks run in
a worker, a recent worker heartbeat and a queue that is not piling up)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from .models import Heartbeat


def uses_worker() -> bool:
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.backend.DatabaseBackend"


def readiness() -> tuple[bool, dict]:
    checks: dict = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        return False, {"database": "error"}
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    checks["migrations"] = "ok" if not pending else f"{len(pending)} not applied"
    ready = not pending
    if uses_worker():
        from django_tasks_db.models import DBTaskResult

        beat = Heartbeat.objects.filter(name="worker").values_list("at", flat=True).first()
        stale = datetime.timedelta(seconds=settings.HEALTH_HEARTBEAT_MAX_AGE_SECONDS)
        checks["worker"] = "ok" if beat and timezone.now() - beat <= stale else ("no heartbeat yet" if not beat else "heartbeat too old")
        depth = DBTaskResult.objects.ready().count()
        checks["queue_depth"] = depth
        checks["queue"] = "ok" if depth <= settings.HEALTH_MAX_QUEUE_DEPTH else "too deep"
        ready = ready and checks["worker"] == "ok" and checks["queue"] == "ok"
    else:
        checks["worker"] = "tasks run in the web process"
    return ready, checks
