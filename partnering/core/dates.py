"""Dates that records hold over: today in the site's time zone, and "current on a day"."""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


def current_on(day: datetime.date, start: str, end: str) -> Q:
    """Rows whose [start, end] date range includes `day`; an empty end means open-ended."""
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day}))
