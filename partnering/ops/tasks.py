from django.utils import timezone
from django_tasks import task

from .models import Heartbeat


@task()
def heartbeat() -> str:
    """Run by the worker every minute (the scheduler enqueues it): readiness reads when it last ran."""
    now = timezone.now()
    Heartbeat.objects.update_or_create(name="worker", defaults={"at": now})
    return now.isoformat()
