"""Emails go out from a task, after the change they describe is committed (see notifications)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(kind: str, object_id: int, recipient_id: int) -> bool:
    """Build one email in the recipient's language and send it. A failure (the mail server is down, a
    header will not encode) is logged here and goes no further: the immediate backend runs this inside
    the request, and a booking that is saved stays saved. Returns whether an email went."""
    from partnering.core import audit

    from . import notifications

    try:
        with audit.acting_as(None, source="task:send_email"):  # anything it writes is the system's, not a person's
            message = notifications.build(kind, object_id, recipient_id)
            if message is None:
                logger.info("No %s email about %s for person %s: nothing left to tell", kind, object_id, recipient_id)
                return False
            message.send(fail_silently=False)
    except Exception:
        logger.exception("Could not send the %s email about %s to person %s", kind, object_id, recipient_id)
        return False
    return True
