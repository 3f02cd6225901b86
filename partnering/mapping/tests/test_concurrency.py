"""Two leads committing the same year's return at once (PostgreSQL only)."""

import threading

import pytest
from django.db import connection

from partnering.mapping import services
from partnering.mapping.models import ImportBatch, Provision, Return

from .spreadsheets import HEADERS, ROWS, xlsx


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_commits_leave_exactly_one_active_upload(region):
    drafts = [
        services.return_upload(council=region.north, year=2025, filename=f"r{n}.xlsx", data=xlsx([HEADERS, *ROWS[: n + 1]]), actor=None)
        for n in range(3)
    ]
    barrier = threading.Barrier(len(drafts))
    errors = []

    def commit(batch):
        try:
            barrier.wait()
            services.batch_commit(batch=batch, actor=None)
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=commit, args=(batch,)) for batch in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = sorted(ImportBatch.objects.values_list("status", flat=True))
    assert statuses == ["active", "replaced", "replaced"]
    active = Return.objects.get(council=region.north, year=2025).active_batch
    assert active.status == "active"
    assert Provision.objects.current().filter(council=region.north).count() == active.line_count
