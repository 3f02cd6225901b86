"""Venue planning in the app: who the learners are and where they work, the candidate venues, the plans,
and turning a plan into sessions. The computing is done by the pure `optimiser`."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.organisations import venues_for_partnership
from partnering.access.planning import can_plan_venues
from partnering.core import audit
from partnering.learning import services as learning
from partnering.learning.models import Booking, Course, Interest, Session
from partnering.organisations.models import Council, Venue
from partnering.organisations.selectors import current_member_councils
from partnering.people.models import Employment

from .models import VenuePlan
from .optimiser import PlanningProblem, PlanSettings, Point, compare_plans
from .optimiser import plans as engine
from .optimiser.travel import provider_from_settings

AUDIENCE_SESSION, AUDIENCE_COURSE, AUDIENCE_ROLES = "session", "course", "roles"
APPLICABLE_PLANS = ("optimal", "central")  # the plans whose venues are real rooms to book


@dataclass
class Audience:
    learners: list[engine.Learner]
    unplaced: int  # people we could not place: no work base or council location recorded


def _place(employment: Employment | None, council: Council) -> Point | None:
    base = employment.work_base if employment is not None else None
    for lat, lon in ((getattr(base, "latitude", None), getattr(base, "longitude", None)), (council.latitude, council.longitude)):
        if lat is not None and lon is not None:
            return Point(lat, lon)
    return None


def audience(course: Course, kind: str, *, session: Session | None = None, roles: list[str] | None = None) -> Audience:
    """The people to plan for, each placed at their work base (or their council's offices)."""
    members = current_member_councils(course.partnership)
    if kind == AUDIENCE_ROLES:
        employments = (Employment.objects.current().filter(council__in=members, roles__role__in=roles or [])
                       .select_related("person", "council", "work_base").distinct().order_by("person_id", "pk"))
        pairs = [(e.person, e.council, e) for e in employments]
    else:
        sessions = [session] if kind == AUDIENCE_SESSION and session is not None else list(course.sessions.filter(cancelled_at__isnull=True))
        interests = Interest.objects.filter(session__in=sessions).select_related("person", "council")
        bookings = (Booking.objects.filter(session__in=sessions).exclude(status=Booking.Status.CANCELLED)
                    .select_related("person", "council"))
        pairs = [(row.person, row.council, None) for row in [*interests, *bookings]]
        employment_of = {
            (e.person_id, e.council_id): e
            for e in Employment.objects.current().filter(person__in=[p for p, _, _ in pairs]).select_related("work_base")
        }
        pairs = [(person, council, employment_of.get((person.pk, council.pk))) for person, council, _ in pairs]
    learners, unplaced, seen = [], 0, set()
    for person, council, employment in pairs:
        if person.pk in seen:
            continue  # booked on two sessions, or two roles: one journey
        seen.add(person.pk)
        point = _place(employment, council)
        if point is None:
            unplaced += 1
            continue
        learners.append(engine.Learner(str(person.pk), point, council=council.slug))
    return Audience(learners, unplaced)


def candidate_venues(course: Course, scope) -> list[Venue]:
    """Rooms the partnership may use (its members' venues shared with it, or public) that have a location."""
    return list(venues_for_partnership(course.partnership).filter(latitude__isnull=False, longitude__isnull=False)
                .select_related("council").order_by("council__name", "name"))


def council_venues(course: Course) -> dict[str, engine.Venue]:
    """Each partner council's own place for the rotation and trainer-travels plans: its offices."""
    return {
        council.slug: engine.Venue(f"council:{council.slug}", Point(council.latitude, council.longitude), council=council.slug)
        for council in current_member_councils(course.partnership).order_by("name")
        if council.latitude is not None and council.longitude is not None
    }


def travel_provider():
    return provider_from_settings(django_settings.PLANNING_OSRM_URL or None, road_factor=django_settings.PLANNING_ROAD_FACTOR,
                                  speed_kmh=django_settings.PLANNING_SPEED_KMH)


@dataclass
class PlanResult:
    comparison: engine.Comparison
    venues: list[Venue]
    audience: Audience
    by_id: dict[str, Venue]


def plan(course: Course, venues: list[Venue], people: Audience, settings: PlanSettings, *, trainer_from: Council | None = None) -> PlanResult:
    as_engine = [
        engine.Venue(str(venue.pk), Point(venue.latitude, venue.longitude), capacity=venue.capacity or None, council=venue.council.slug)
        for venue in venues
    ]
    trainer_base = None
    if trainer_from is not None and trainer_from.latitude is not None and trainer_from.longitude is not None:
        trainer_base = Point(trainer_from.latitude, trainer_from.longitude)
    comparison = compare_plans(people.learners, as_engine, settings, trainer_base=trainer_base,
                               council_venues=council_venues(course), provider=travel_provider())
    return PlanResult(comparison, venues, people, {str(venue.pk): venue for venue in venues})


class CannotPlan(Exception):
    """Why no plan can be made with these choices, and the form field to blame (None for the whole form)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def plan_choices(course: Course, scope, *, who: str, session: Session | None, roles, settings: PlanSettings,
                 capacity: bool, k: int, trainer_from: Council | None) -> PlanResult:
    """The plans for a coordinator's choices, or CannotPlan saying why there are none."""
    people = audience(course, who, session=session, roles=roles)
    venues = candidate_venues(course, scope)
    if not people.learners:
        raise CannotPlan(_("There is nobody to plan for: nobody has booked or said they would come, or nobody has a work place "
                           "recorded. Choose other people to plan for."))
    if not venues:
        raise CannotPlan(_("No venue at the partnership's councils has a location recorded and is shared with the partnership."))
    if capacity:
        limits = sorted((venue.capacity or len(people.learners) for venue in venues), reverse=True)
        if sum(limits[:k]) < len(people.learners):
            raise CannotPlan(_("%(k)s venue(s) cannot hold %(count)s people: choose more venues, or plan without capacities.")
                             % {"k": k, "count": len(people.learners)}, field="capacity")
    try:
        return plan(course, venues, people, settings, trainer_from=trainer_from)
    except PlanningProblem:
        raise CannotPlan(_("No plan could be made with these choices. Try more venues, or plan without capacities.")) from None


@audit.actor_argument()
@transaction.atomic
def apply_plan(*, result: PlanResult, plan_key: str, course: Course, source: Session | None, actor, parameters: dict) -> VenuePlan:
    """A provisional session at each of the plan's venues, sized for the people going there; the people
    who said they would come move to the session at their venue; an empty provisional source is withdrawn."""
    require(can_plan_venues(scope_of(actor), course), "Only the partnership's coordinators plan its venues.")
    if plan_key not in APPLICABLE_PLANS:
        raise ValueError(f"only {', '.join(APPLICABLE_PLANS)} plans become sessions")
    chosen = result.comparison.plan(plan_key)
    going = Counter(chosen.assignments.values())
    record = VenuePlan.objects.create(course=course, source_session=source, plan_key=plan_key, parameters=parameters,
                                      summary=chosen.as_dict(), created_by=actor)
    sessions = {}
    for venue_id in chosen.venues:
        venue = result.by_id[venue_id]
        sessions[venue_id] = learning.provisional_session_create(course=course, venue=venue, capacity=max(venue.capacity, going[venue_id]),
                                                                 actor=actor)
    record.sessions.set(sessions.values())
    if source is not None and source.is_provisional:
        moves = {interest: sessions[chosen.assignments[str(interest.person_id)]] for interest in Interest.objects.filter(session=source)
                 if str(interest.person_id) in chosen.assignments}
        learning.interests_move(moves=moves, actor=actor)
        if not source.interests.exists() and not source.bookings.exists() and source.cancelled_at is None:
            learning.session_withdraw(session=source, actor=actor)
            record.withdrew_source = True
            record.save(update_fields=["withdrew_source"])
    return record


class CannotUndo(Exception):
    pass


def undo_blocker(record: VenuePlan) -> str | None:
    """Why a plan can no longer be undone, or None if it can."""
    if record.undone_at is not None:
        return _("This plan has already been undone.")
    sessions = record.sessions.all()
    if any(not session.is_provisional for session in sessions):
        return _("A session from this plan has been given a date, so the plan can no longer be undone.")
    if Booking.objects.filter(session__in=sessions).exclude(status=Booking.Status.CANCELLED).exists():
        return _("Someone has booked a session from this plan, so the plan can no longer be undone.")
    return None


@audit.actor_argument()
@transaction.atomic
def undo_plan(*, record: VenuePlan, actor) -> None:
    """Take the plan's sessions away again: interest goes back to the session it was planned from,
    which returns if the plan withdrew it. The plan itself is kept, marked undone."""
    record = VenuePlan.objects.select_for_update().select_related("course").get(pk=record.pk)
    require(can_plan_venues(scope_of(actor), record.course), "Only the partnership's coordinators plan its venues.")
    reason = undo_blocker(record)
    if reason:
        raise CannotUndo(reason)
    source = record.source_session
    sessions = list(record.sessions.all())
    if source is not None:
        learning.interests_move(moves={interest: source for interest in Interest.objects.filter(session__in=sessions)}, actor=actor)
        if record.withdrew_source and source.cancelled_at is not None:
            learning.session_withdraw(session=source, actor=actor, withdrawn=False)
    for session in sessions:
        learning.provisional_session_delete(session=session, actor=actor)
    record.undone_at = timezone.now()
    record.save(update_fields=["undone_at"])


# --- the map: an inline SVG drawn from coordinates, no tiles ----------------------------------------------------------


@dataclass
class MapShape:
    x: float
    y: float
    label: str = ""
    size: float = 0.0
    to_x: float | None = None
    to_y: float | None = None
    anchor: str = "start"  # labels on the right-hand side of the map read leftwards, so they stay on it


def map_shapes(result: PlanResult, plan_key: str = "optimal", width: int = 640, height: int = 480, margin: int = 24) -> dict:
    """Learners (one dot per place, sized by how many), candidate venues, the chosen venues and the
    journeys between them, projected onto the page (equirectangular: fine at a region's scale)."""
    chosen = result.comparison.plan(plan_key)
    points = [learner.point for learner in result.audience.learners] + [Point(v.latitude, v.longitude) for v in result.venues]
    if not points or chosen is None:
        return {}
    mid_lat = sum(p.lat for p in points) / len(points)
    squash = math.cos(math.radians(mid_lat))
    xs, ys = [p.lon * squash for p in points], [p.lat for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-3)
    scale = min((width - 2 * margin) / span, (height - 2 * margin) / span)

    def project(point: Point) -> tuple[float, float]:
        return (round(margin + (point.lon * squash - min(xs)) * scale, 1), round(height - margin - (point.lat - min(ys)) * scale, 1))

    places = Counter((learner.point, chosen.assignments.get(learner.id)) for learner in result.audience.learners)
    chosen_ids = set(chosen.venues)
    learners, journeys = [], []
    for (point, venue_id), count in places.items():
        x, y = project(point)
        learners.append(MapShape(x, y, size=round(2.5 + math.sqrt(count), 1)))
        if venue_id in result.by_id:
            vx, vy = project(Point(result.by_id[venue_id].latitude, result.by_id[venue_id].longitude))
            journeys.append(MapShape(x, y, to_x=vx, to_y=vy))
    def venue_shape(venue):
        x, y = project(Point(venue.latitude, venue.longitude))
        return MapShape(x, y, label=venue.name, anchor="end" if x > width * 0.6 else "start")

    venues = [venue_shape(v) for v in result.venues if str(v.pk) not in chosen_ids]
    picked = [venue_shape(v) for v in result.venues if str(v.pk) in chosen_ids]
    return {"width": width, "height": height, "learners": learners, "journeys": journeys, "venues": venues, "chosen": picked}
