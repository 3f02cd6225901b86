"""Group emails go out from a task, after the change they describe is committed (see notifications)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_alert(kind: str, object_id: int, recipient_id: int) -> bool:
    """Build one email in the recipient's language and send it; a failure is logged and goes no further."""
    from partnering.core import audit

    from . import notifications

    try:
        with audit.acting_as(None, source="task:community.send_alert"):
            message = notifications.build(kind, object_id, recipient_id)
            if message is None:
                return False
            message.send(fail_silently=False)
    except Exception:
        logger.exception("Could not send the %s group email about %s to person %s", kind, object_id, recipient_id)
        return False
    return True


@task()
def send_weekly_digests() -> int:
    """The weekly digest for everyone who chose it (the `send_group_digest` command runs the same)."""
    from . import digest

    return digest.send_digests()
