"""iCalendar feeds from plain events (no Django): the group feed, the personal feed, and anything another
app adds to a person's feed (a meeting) goes through `feed`.

An event keeps its UID for life; each change raises its SEQUENCE and LAST-MODIFIED, so calendar programs
that subscribe replace their copy; a cancelled event stays in the feed with STATUS:CANCELLED so they drop it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Calendar, Event


@dataclass(frozen=True)
class FeedEvent:
    uid: str  # stable and unique across the site, e.g. "community-event-12@partnering"
    title: str
    starts_at: datetime.datetime  # aware
    ends_at: datetime.datetime
    updated_at: datetime.datetime
    sequence: int = 0
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False


def feed(events: Iterable[FeedEvent], *, name: str, now: datetime.datetime | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Partnering//Groups calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = now or datetime.datetime.now(datetime.UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.starts_at)
        event.add("dtend", item.ends_at)
        event.add("summary", item.title)
        event.add("sequence", item.sequence)
        event.add("last-modified", item.updated_at)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        if item.location:
            event.add("location", item.location)
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        cal.add_component(event)
    return cal.to_ical()
