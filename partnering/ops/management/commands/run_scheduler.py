"""The scheduler for a deployment with a worker: enqueues the periodic tasks at their intervals, forever (or once)."""

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from partnering.core import audit

MINUTE = 60
HOUR = 60 * MINUTE


def schedule():
    """(name, every so many seconds, the task) — enqueued for the worker to run."""
    from partnering.community.tasks import send_weekly_digests
    from partnering.ops import tasks
    from partnering.ops.retention_tasks import erase_expired_personal_data

    return [
        ("heartbeat", MINUTE, tasks.heartbeat),
        ("reserved places", 5 * MINUTE, tasks.release_reserved_places),
        ("reminders", HOUR, tasks.send_reminders),
        ("follow-ups", HOUR, tasks.send_follow_ups),
        ("weekly digests", HOUR, send_weekly_digests),  # each person's goes once a week; hourly just catches it due
        ("personal data erasure", 24 * HOUR, erase_expired_personal_data),  # leavers past their councils' retention periods
    ]


class Command(BaseCommand):
    help = "Enqueue the periodic tasks (the worker's heartbeat, digests…) at their intervals."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="enqueue each task once and stop")

    def handle(self, *args, **options):
        last: dict[str, float] = {}
        while True:
            now = time.monotonic()
            for name, every, task in schedule():
                if name not in last or now - last[name] >= every:
                    with audit.acting_as(None, source="command:run_scheduler"):
                        task.enqueue()
                    last[name] = now
                    self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} enqueued {name}")
            if options["once"]:
                return
            time.sleep(5)
