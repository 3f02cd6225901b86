"""Database-sensitive behaviour under concurrent requests (PostgreSQL only)."""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, transaction

from partnering.organisations.models import Membership
from tests.factories import CouncilFactory, PartnershipFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_joins_leave_exactly_one_open_membership():
    council, partnership = CouncilFactory(), PartnershipFactory()
    barrier = threading.Barrier(8)
    outcomes = []

    def join(day):
        try:
            barrier.wait()
            with transaction.atomic():
                Membership.objects.create(council=council, partnership=partnership, joined_on=datetime.date(2020, 1, day))
            outcomes.append("joined")
        except IntegrityError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=join, args=(day,)) for day in range(1, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["joined"] + ["refused"] * 7
    assert Membership.objects.filter(council=council, partnership=partnership).count() == 1
