"""What goes in the calendar feeds. The group feed holds a group's events; a person's feed holds the events of
every group they read now, plus whatever other apps register here (the meetings app can add a person's meetings):

    from partnering.community.feeds import register_personal_source
    register_personal_source(lambda person: [FeedEvent(...), ...])   # e.g. in its AppConfig.ready()

and `partnering.community.ical.feed(events, name=...)` turns any list of `FeedEvent`s into an iCalendar file.
"""

from __future__ import annotations

from collections.abc import Callable

from django.urls import reverse

from .ical import FeedEvent
from .models import Event

_PERSONAL_SOURCES: list[Callable[[object], list[FeedEvent]]] = []


def register_personal_source(source: Callable[[object], list[FeedEvent]]) -> None:
    """Add a source of events to every person's feed: called with the person, returns FeedEvents."""
    if source not in _PERSONAL_SOURCES:
        _PERSONAL_SOURCES.append(source)


def group_events(group_ids, *, absolute: Callable[[str], str] = lambda path: path) -> list[FeedEvent]:
    events = Event.objects.filter(group_id__in=group_ids).select_related("group")
    return [FeedEvent(
        uid=f"community-event-{e.pk}@partnering", title=f"{e.title} ({e.group.name})", starts_at=e.starts_at, ends_at=e.ends_at,
        updated_at=e.updated_at, sequence=e.sequence, location=e.location, description=e.description, cancelled=e.cancelled,
        url=absolute(reverse("community:event-list", args=[e.group.slug])),
    ) for e in events]


def personal_events(person, group_ids, *, absolute: Callable[[str], str] = lambda path: path) -> list[FeedEvent]:
    events = group_events(group_ids, absolute=absolute)
    for source in _PERSONAL_SOURCES:
        events.extend(source(person))
    return events
