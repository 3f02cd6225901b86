"""The periodic tasks the scheduler enqueues (`manage.py run_scheduler`) and a worker runs. Each one is safe to
run again: every reminder and request remembers it went, so a restarted scheduler sends nothing twice."""

from django.utils import timezone
from django_tasks import task

from partnering.core import audit

from .models import Heartbeat


@task()
def heartbeat() -> str:
    """Run by the worker every minute (the scheduler enqueues it): readiness reads when it last ran."""
    now = timezone.now()
    Heartbeat.objects.update_or_create(name="worker", defaults={"at": now})
    return now.isoformat()


@task()
def release_reserved_places() -> int:
    """Reserved places whose release time has passed go to the waiting lists (every few minutes)."""
    from partnering.learning.services import release_reserved_places as release

    with audit.acting_as(None, source="task:release_reserved_places"):
        return release()


@task()
def send_follow_ups() -> int:
    """Ask attendees what has changed, three months after their session (daily)."""
    from partnering.learning.services import request_follow_ups

    with audit.acting_as(None, source="task:send_follow_ups"):
        return request_follow_ups()


@task()
def send_reminders() -> dict:
    """The daily reminders: asks for help due tomorrow, secondments ending and missing time, agreements due for
    review or expiry. Returns how many of each went."""
    from partnering.directory.services import send_reminders as directory_reminders
    from partnering.programmes.services import send_agreement_reminders
    from partnering.workforce.services import send_reminders as workforce_reminders

    with audit.acting_as(None, source="task:send_reminders"):
        return {"asks": directory_reminders(), **workforce_reminders(), "agreements": send_agreement_reminders()}
