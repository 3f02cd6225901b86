"""A person's record against what their councils require."""

from __future__ import annotations

from django.utils import timezone

from partnering.access.learning import records_visible_to
from partnering.overlap.matching.normalise import features

from . import requirements as rules
from .models import Course, Requirement


def canonical_key(title: str) -> str:
    """The part of an overlap line key that does not name a council."""
    found = features(title)
    constraints = "/".join(value or "" for value in found.constraints)
    return f"{found.core}|{constraints}|{','.join(sorted(found.distinguishing))}"


def _need(requirement: Requirement) -> rules.Need:
    course_ids = {requirement.course_id} if requirement.course_id else set()
    keys = set()
    if requirement.equivalence_id:
        course_ids |= set(Course.objects.filter(equivalence_id=requirement.equivalence_id).values_list("pk", flat=True))
        keys = {key.split("|", 1)[1] for key in requirement.equivalence.line_keys if "|" in key}
    return rules.Need(requirement.title, frozenset(course_ids), frozenset(keys), requirement.refresh_months)


def record_overview(person, *, viewer, councils=None) -> dict:
    """Records the viewer may see, and each current employment's requirements with their status."""
    records = list(records_visible_to(viewer).filter(person=person).select_related("course", "council"))
    done = [rules.Done(r.title, r.completed_on, r.course_id, canonical_key(r.title), r.council.short_name if r.council else "")
            for r in records]
    today = timezone.localdate()
    employments = []
    for employment in person.current_employments():
        if councils is not None and employment.council_id not in {c.pk for c in councils}:
            continue
        roles = {role.role for role in employment.roles.all()} or {"staff"}
        needs = Requirement.objects.filter(council=employment.council, role__in=roles).select_related("equivalence")
        statuses = [rules.status(_need(n), done, today=today, council=employment.council.short_name, need_key=canonical_key(n.title))
                    for n in needs]
        employments.append((employment, statuses))
    return {"records": records, "employments": employments}


HOURS_IN_A_DAY = 7.4  # a council's working day: 37 hours a week


def learning_reports(partnership) -> dict:
    """What a partnership's joint learning delivered, from bookings of its courses."""
    from collections import defaultdict

    from django.db.models import Count, Q

    from .models import Booking, Course

    bookings = Booking.objects.filter(session__course__partnership=partnership)
    by_council = list(
        bookings.values("council__short_name").annotate(
            booked=Count("pk", filter=Q(status__in=["booked", "attended", "no_show"])),
            attended=Count("pk", filter=Q(status="attended")), no_show=Count("pk", filter=Q(status="no_show")),
        ).order_by("council__short_name")
    )
    for row in by_council:
        decided = row["attended"] + row["no_show"]
        row["no_show_rate"] = round(100 * row["no_show"] / decided) if decided else None
    days = defaultdict(float)
    for topic, hours in bookings.filter(status="attended").values_list("session__course__topic__name", "session__course__duration_hours"):
        days[topic or "–"] += float(hours or 0) / HOURS_IN_A_DAY
    welsh = list(
        Course.objects.filter(partnership=partnership, language__in=["cy", "bilingual"]).annotate(
            sessions_held=Count("sessions", filter=Q(sessions__bookings__status="attended"), distinct=True),
            staff_attended=Count("sessions__bookings__person", filter=Q(sessions__bookings__status="attended"), distinct=True),
        ).order_by("title")
    )
    return {"by_council": by_council, "learner_days": sorted(((t, round(d, 1)) for t, d in days.items()), key=lambda r: -r[1]),
            "welsh_courses": welsh, "hours_in_a_day": HOURS_IN_A_DAY}


def with_places_held(sessions) -> list:
    """The sessions, each with the places held on it (council, whether a reserved place) from one read for them all,
    as services.places reads them: a page of the catalogue counts its places without a query or a booking per row."""
    from .models import Booking

    sessions = list(sessions)
    held = {session.pk: [] for session in sessions}
    for session_id, council_id, reserved in (Booking.objects.holding_a_place().filter(session__in=sessions).order_by()
                                             .values_list("session_id", "council_id", "uses_reserved_place")):
        held[session_id].append((council_id, reserved))
    for session in sessions:
        session.places_held = held[session.pk]
    return sessions


def catalogue_sessions(scope, *, person, council, filters: dict):
    """Upcoming sessions the scope may see, filtered as the person asked; "within a distance" measures from
    where they work for the council they act for (online sessions always count as near)."""
    from django.db.models import Q

    from partnering.access.learning import sessions_visible_to

    from . import services

    sessions = (sessions_visible_to(scope).upcoming().filter(cancelled_at__isnull=True)
                .select_related("course__partnership", "venue")  # what the catalogue shows: no more joins to plan
                .prefetch_related("reservations"))
    if filters.get("q"):
        sessions = sessions.filter(Q(course__title__icontains=filters["q"]) | Q(course__summary__icontains=filters["q"]))
    for field, lookup in (("topic", "course__topic"), ("method", "course__delivery_method"), ("language", "course__language"),
                          ("date_from", "starts_at__date__gte")):
        if filters.get(field):
            sessions = sessions.filter(**{lookup: filters[field]})
    limit = filters.get("within_km")
    if not limit or council is None:
        return sessions
    lat, lon = services.work_base_of(person, council)
    return [s for s in sessions
            if s.online_url or (s.venue and (services.distance_km(lat, lon, s.venue.latitude, s.venue.longitude) or 0) <= limit)]
