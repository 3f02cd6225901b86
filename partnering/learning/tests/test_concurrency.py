"""No overbooking under concurrency (PostgreSQL only)."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from partnering.learning import services
from partnering.learning.models import Booking, Course, Session
from tests.factories import PersonFactory, employ


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_hundred_simultaneous_requests_for_twenty_places_give_twenty_bookings(region):
    course = Course.objects.create(partnership=region.network, title="First Aid at Work")
    start = timezone.now() + datetime.timedelta(days=3)
    session = Session.objects.create(course=course, starts_at=start, capacity=20, online_url="https://meet.example/faw")
    people = []
    for number in range(200):
        person = PersonFactory(email=f"learner{number}@example.test")
        employ(person, region.north if number % 2 else region.south)
        people.append(person)
    barrier = threading.Barrier(20)
    errors = []

    def book(batch):
        try:
            barrier.wait()
            for person in batch:
                council = region.north if people.index(person) % 2 else region.south
                services.booking_create(session=session, person=person, council=council)
        except Exception as error:  # noqa: BLE001 - asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(people[i::20],)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Booking.objects.filter(session=session, status="booked").count() == 20
    assert Booking.objects.filter(session=session, status="waitlisted").count() == 180
