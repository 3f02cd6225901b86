"""Booking rules, in one place: places, reserved places and their release, waiting lists, attendance.

Every write locks the session row first (SELECT ... FOR UPDATE), so simultaneous requests
are served one at a time per session: no more bookings than places, ever.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import learning as access
from partnering.access import require, scope_of
from partnering.core import audit
from partnering.people.models import Employment

from . import notifications
from .models import Booking, Evaluation, ReservedPlaces, Session, TrainingRecord


class BookingRefused(Exception):
    """Why a booking cannot be made, in words for the person booking."""


@dataclass(frozen=True)
class Places:
    capacity: int
    general_left: int
    reserved_left: dict[int, int]  # council id → reserved places still free (only while not released)

    def left_for(self, council_id: int) -> int:
        return self.general_left + self.reserved_left.get(council_id, 0)


def places(session: Session, now=None) -> Places:
    now = now or timezone.now()
    held = {r.council_id: r.places for r in session.reservations.all() if r.release_on > now}
    holding = getattr(session, "places_held", None)  # the catalogue reads these for a page at once (selectors.with_places_held)
    if holding is None:
        holding = list(session.bookings.holding_a_place().values_list("council_id", "uses_reserved_place"))
    reserved_used: dict[int, int] = {}
    general_used = 0
    for council_id, uses_reserved in holding:
        if uses_reserved and council_id in held:
            reserved_used[council_id] = reserved_used.get(council_id, 0) + 1
        else:
            general_used += 1
    general_left = max(0, session.capacity - sum(held.values()) - general_used)
    return Places(session.capacity, general_left, {c: max(0, n - reserved_used.get(c, 0)) for c, n in held.items()})


def _take_place(session: Session, booking: Booking, now) -> bool:
    free = places(session, now)
    if free.reserved_left.get(booking.council_id, 0) > 0:
        booking.uses_reserved_place = True
    elif free.general_left > 0:
        booking.uses_reserved_place = False
    else:
        return False
    booking.status = Booking.Status.BOOKED
    return True


@audit.actor_argument("person")
@transaction.atomic
def booking_create(*, session: Session, person, council) -> Booking:
    session = Session.objects.select_for_update().select_related("course__partnership").get(pk=session.pk)
    now = timezone.now()
    if not access.can_book(scope_of(person), session, council):
        raise BookingRefused(_("You can book only for a council you work for that is in %(partnership)s.") % {"partnership": session.course.partnership})
    if not session.booking_open(now):
        raise BookingRefused(_("Booking for this session is not open."))
    if Booking.objects.filter(session=session, person=person).exclude(status=Booking.Status.CANCELLED).exists():
        raise BookingRefused(_("You already have a place or a waiting-list place on this session."))
    booking = Booking(session=session, person=person, council=council, created_at=now)
    if session.course.requires_approval:
        booking.status = Booking.Status.PENDING  # no place is held until the council's lead approves
    elif not _take_place(session, booking, now):
        booking.status = Booking.Status.WAITLISTED
    booking.save()
    transaction.on_commit(lambda: notifications.booking_changed(booking), robust=True)
    return booking


def promote_waiting(session: Session, now=None) -> list[Booking]:
    """Give free places to the waiting list, first come first served, respecting reserved places.
    The caller holds the session's lock."""
    now = now or timezone.now()
    promoted = []
    for waiting in session.bookings.filter(status=Booking.Status.WAITLISTED).order_by("created_at", "pk"):
        if _take_place(session, waiting, now):
            waiting.save(update_fields=["status", "uses_reserved_place", "updated_at"])
            promoted.append(waiting)
    for booking in promoted:
        transaction.on_commit(lambda booking=booking: notifications.booking_changed(booking, promoted=True), robust=True)
    return promoted


@audit.actor_argument()
@transaction.atomic
def booking_cancel(*, booking: Booking, actor) -> Booking:
    session = Session.objects.select_for_update().get(pk=booking.session_id)
    booking.refresh_from_db()
    require(access.can_cancel_booking(scope_of(actor), booking), "Only the person, or their council's lead, can cancel a booking.")
    if booking.status not in (Booking.Status.BOOKED, Booking.Status.WAITLISTED, Booking.Status.PENDING):
        raise BookingRefused(_("This booking cannot be cancelled now."))
    if session.starts_at and session.starts_at <= timezone.now():
        raise BookingRefused(_("The session has started; it is too late to cancel."))
    booking.status = Booking.Status.CANCELLED
    booking.save(update_fields=["status", "updated_at"])
    transaction.on_commit(lambda: notifications.booking_changed(booking), robust=True)
    promote_waiting(session)
    return booking


def release_reserved_places(now=None) -> int:
    """Promote waiting lists on sessions whose reserved places have been released; run it every few minutes.
    Each promotion is audited on its booking, and each session's release in one entry for the partnership."""
    now = now or timezone.now()
    promoted = 0
    sessions = Session.objects.filter(reservations__release_on__lte=now, bookings__status=Booking.Status.WAITLISTED).distinct()
    for session_id in sessions.values_list("pk", flat=True):
        with transaction.atomic():
            session = Session.objects.select_for_update().select_related("course").get(pk=session_id)
            count = len(promote_waiting(session, now))
            audit.record_bulk(
                model=ReservedPlaces, partnership=session.course.partnership_id, action=audit.Action.UPDATE, count=count,
                description=_("Released reserved places on %(session)s: %(count)d booked from the waiting list")
                % {"session": session, "count": count},
            )
            promoted += count
    return promoted


def request_follow_ups() -> int:
    """Ask each attendee whose session was three months ago what has changed, once (run daily). The email goes in
    their own language from the task. Returns how many were asked."""
    asked = 0
    # Never someone whose account is closed or whose personal data was erased (their address no longer reaches them).
    evaluations = (Evaluation.objects.filter(follow_up_at__isnull=True, follow_up_requested_at__isnull=True, booking__person__is_active=True)
                   .select_related("booking__session"))
    for evaluation in evaluations:
        if not evaluation.follow_up_due:
            continue
        with transaction.atomic():
            evaluation.follow_up_requested_at = timezone.now()
            evaluation.save(update_fields=["follow_up_requested_at"])
            booking = evaluation.booking
            transaction.on_commit(lambda b=booking.pk, p=booking.person_id: notifications.request_follow_up(b, p), robust=True)
        asked += 1
    return asked


@audit.actor_argument()
@transaction.atomic
def attendance_record(*, session: Session, actor, attended: dict[int, bool]) -> int:
    """Mark who came; everyone who attended gets a training record that stays with them."""
    require(access.can_take_register(scope_of(actor), session),
            "Only the session's trainers and the partnership's coordinators take the register.")
    changed = 0
    for booking in session.bookings.filter(pk__in=attended, status__in=[Booking.Status.BOOKED, Booking.Status.ATTENDED, Booking.Status.NO_SHOW]):
        status = Booking.Status.ATTENDED if attended[booking.pk] else Booking.Status.NO_SHOW
        if booking.status != status:
            booking.status = status
            booking.save(update_fields=["status", "updated_at"])
            changed += 1
        if status == Booking.Status.ATTENDED:
            TrainingRecord.objects.get_or_create(
                person_id=booking.person_id, session=session,
                defaults={"title": session.course.title, "course": session.course, "council_id": booking.council_id,
                          "completed_on": timezone.localdate(session.starts_at), "hours": session.course.duration_hours},
            )
        else:
            TrainingRecord.objects.filter(person_id=booking.person_id, session=session).delete()
    return changed


@audit.actor_argument()
@transaction.atomic
def booking_decide(*, booking: Booking, actor, approve: bool) -> Booking:
    """The council's lead approves a booking (it then takes a place, or joins the waiting list) or declines it."""
    session = Session.objects.select_for_update().get(pk=booking.session_id)
    booking.refresh_from_db()
    require(access.can_approve_booking(scope_of(actor), booking),
            "Only the person's line manager, or the council's L&D or HR lead, approves a booking; nobody approves their own.")
    if booking.status != Booking.Status.PENDING:
        raise BookingRefused(_("This booking is not waiting for approval."))
    if not approve:
        booking.status = Booking.Status.CANCELLED
    elif not _take_place(session, booking, timezone.now()):
        booking.status = Booking.Status.WAITLISTED
    booking.save(update_fields=["status", "uses_reserved_place", "updated_at"])
    transaction.on_commit(lambda: notifications.booking_changed(booking, decided=True), robust=True)
    return booking


@audit.actor_argument("person")
@transaction.atomic
def interest_register(*, session: Session, person, council):
    from .models import Interest

    if not session.is_provisional:
        raise BookingRefused(_("This session has a date: book a place instead."))
    if not access.can_book(scope_of(person), session, council):
        raise BookingRefused(_("You can book only for a council you work for that is in %(partnership)s.") % {"partnership": session.course.partnership})
    interest, _created = Interest.objects.get_or_create(session=session, person=person, defaults={"council": council})
    return interest


def distance_km(a_lat, a_lon, b_lat, b_lon) -> float | None:
    """Great-circle distance in kilometres (haversine)."""
    import math

    if None in (a_lat, a_lon, b_lat, b_lon):
        return None
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


def work_base_of(person, council):
    """Where the person works for this council: their work base, else the council's head office."""
    employment = Employment.objects.current().filter(person=person, council=council).select_related("work_base", "council").first()
    if employment and employment.work_base and employment.work_base.latitude is not None:
        return employment.work_base.latitude, employment.work_base.longitude
    return (council.latitude, council.longitude) if council else (None, None)


@audit.actor_argument()
@transaction.atomic
def evidence_decide(*, evidence, actor, approve: bool):
    """A lead accepts (it becomes a training record) or declines evidence of training done elsewhere."""
    from .models import Evidence

    evidence = Evidence.objects.select_for_update().get(pk=evidence.pk)
    require(access.can_decide_evidence(scope_of(actor), evidence),
            "Only the council's L&D or HR lead checks evidence; nobody checks their own.")
    if evidence.status != Evidence.Status.PENDING:
        raise BookingRefused(_("This evidence has already been checked."))
    evidence.status = Evidence.Status.APPROVED if approve else Evidence.Status.REJECTED
    evidence.decided_by, evidence.decided_at = actor, timezone.now()
    if approve:
        evidence.record = TrainingRecord.objects.create(person_id=evidence.person_id, title=evidence.title, completed_on=evidence.completed_on,
                                                        council_id=evidence.council_id, hours=evidence.hours)
    evidence.save()
    return evidence


# --- Sessions made and taken away by venue planning ------------------------------------------------


def _require_course_manager(actor, course) -> None:
    require(access.can_manage_courses(scope_of(actor), course.partnership), "Only the partnership's coordinators change its sessions.")


@audit.actor_argument()
@transaction.atomic
def provisional_session_create(*, course, venue, capacity: int, actor) -> Session:
    """A session with no date yet, at a venue, collecting interest until it is given a date."""
    _require_course_manager(actor, course)
    return Session.objects.create(course=course, venue=venue, capacity=max(capacity, 1))


@audit.actor_argument()
@transaction.atomic
def interests_move(*, moves: dict, actor) -> int:
    """Move people's interest between provisional sessions: `moves` maps an Interest to the session it goes to.
    Someone already interested in the destination keeps that one and the old one goes."""
    from .models import Interest

    moved = 0
    for interest, destination in moves.items():
        _require_course_manager(actor, destination.course)
        if Interest.objects.filter(session=destination, person_id=interest.person_id).exists():
            interest.delete()
            continue
        interest.session = destination
        interest.save(update_fields=["session"])
        moved += 1
    return moved


@audit.actor_argument()
@transaction.atomic
def session_withdraw(*, session: Session, actor, withdrawn: bool = True) -> Session:
    """Take a session out of the catalogue (or put it back); everyone booked or interested is told."""
    _require_course_manager(actor, session.course)
    session.cancelled_at = timezone.now() if withdrawn else None
    session.save(update_fields=["cancelled_at"])
    if session.bookings.exclude(status=Booking.Status.CANCELLED).exists():
        transaction.on_commit(lambda: notifications.session_changed(session, now_dated=False))
    return session


@audit.actor_argument()
@transaction.atomic
def provisional_session_delete(*, session: Session, actor) -> None:
    """Remove a provisional session nobody has booked (a venue plan undone)."""
    _require_course_manager(actor, session.course)
    if not session.is_provisional or session.bookings.exclude(status=Booking.Status.CANCELLED).exists():
        raise BookingRefused(_("Only a provisional session nobody has booked can be taken away."))
    session.delete()


def record_from_elsewhere(*, person, title: str, completed_on, council, course=None, hours=None) -> TrainingRecord:
    """Learning completed through another system (a council's learning platform), kept in the person's record."""
    return TrainingRecord.objects.create(person=person, title=title, completed_on=completed_on, course=course, council=council,
                                         hours=hours)
