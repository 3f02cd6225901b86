"""The directory's emails go out from a task, after the change they describe is committed (see notifications)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(kind: str, ask_id: int, recipient_id: int) -> bool:
    """Build one email in the recipient's language and send it; a failure is logged and goes no further.
    Returns whether an email went."""
    from partnering.core import audit

    from . import notifications

    try:
        with audit.acting_as(None, source="task:directory.send_email"):
            message = notifications.build(kind, ask_id, recipient_id)
            if message is None:
                return False
            message.send(fail_silently=False)
    except Exception:
        logger.exception("Could not send the %s email about ask %s to person %s", kind, ask_id, recipient_id)
        return False
    return True
