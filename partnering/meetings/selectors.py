"""Reads other apps use: a person's overdue actions (the home page and the weekly digest)."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet

from partnering.core.dates import today

from .models import Action


def overdue_actions_for(person, *, on: datetime.date | None = None) -> QuerySet[Action]:
    """That person's actions still open (open or in progress) whose due date has passed, oldest first.

    Each has `title`, `due_on`, `body` and `get_absolute_url()`. An owner always sees their own actions."""
    if person is None or getattr(person, "pk", None) is None:
        return Action.objects.none()
    day = on or today()
    return (
        Action.objects.filter(owner_id=person.pk, status__in=Action.OPEN_STATUSES, due_on__lt=day)
        .select_related("body", "body__partnership")
        .order_by("due_on", "pk")
    )


def open_actions_for(person) -> QuerySet[Action]:
    """That person's actions still open, wherever they were raised, soonest due first."""
    if person is None or getattr(person, "pk", None) is None:
        return Action.objects.none()
    return (Action.objects.filter(owner_id=person.pk, status__in=Action.OPEN_STATUSES).select_related("body")
            .order_by("due_on", "pk"))
