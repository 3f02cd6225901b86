"""The daily erasure the scheduler enqueues (`manage.py run_scheduler`) and a worker runs. Safe to run again and
side by side: an erased person is logged once and never picked up again."""

from django_tasks import task

from partnering.core import audit


@task()
def erase_expired_personal_data() -> dict:
    """Anonymise everyone whose councils' retention periods have all passed since they left. Returns the counts."""
    from .retention import erase_expired

    with audit.acting_as(None, source="task:erase_expired_personal_data"):
        result = erase_expired(source="task:erase_expired_personal_data")
    return {"due": result.due, "erased": result.erased, "records": result.records}
