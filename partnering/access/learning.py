"""Deliver together: courses, sessions, bookings, training records, requirements and evidence."""

from django.db.models import Q

from partnering.core.dates import current_on, today
from partnering.learning.models import Booking, Course, Evidence, RecordShare, Requirement, Session, TrainingRecord
from partnering.organisations.models import Membership
from partnering.people.models import Employment

from .scope import Scope, get_or_404, not_found
from .sharing import led_by

# --- Catalogue ----------------------------------------------------------------------------

def courses_visible_to(scope: Scope):
    """Courses of the partnerships the scope belongs to (staff of member councils, coordinators, board)."""
    if scope.is_superuser:
        return Course.objects.all()
    return Course.objects.filter(partnership_id__in=scope.partnership_ids)


def course_for(scope: Scope, pk) -> Course:
    return get_or_404(courses_visible_to(scope).select_related("partnership"), pk=pk)


def sessions_visible_to(scope: Scope):
    return Session.objects.filter(course__in=courses_visible_to(scope))


def session_for(scope: Scope, pk) -> Session:
    return get_or_404(sessions_visible_to(scope).select_related("course__partnership", "course__topic", "venue__council"), pk=pk)


def can_manage_courses(scope: Scope, partnership) -> bool:
    """Create courses and sessions, change sessions: the partnership's coordinators."""
    return scope.coordinates(partnership.pk)


def coordinated_partnership_for(scope: Scope, slug: str):
    from .organisations import partnership_for

    partnership = partnership_for(scope, slug)
    if not can_manage_courses(scope, partnership):
        raise not_found()
    return partnership


def managed_course_for(scope: Scope, pk) -> Course:
    course = course_for(scope, pk)
    if not can_manage_courses(scope, course.partnership):
        raise not_found()
    return course


def managed_session_for(scope: Scope, pk) -> Session:
    session = session_for(scope, pk)
    if not can_manage_courses(scope, session.course.partnership):
        raise not_found()
    return session


def councils_to_book_for(scope: Scope, session: Session):
    """The scope's current employers that are current members of the partnership offering the course."""
    if not scope.is_signed_in:
        return []
    members = Membership.objects.filter(current_on(today(), "joined_on", "left_on"), partnership_id=session.course.partnership_id)
    employments = Employment.objects.filter(
        current_on(today(), "start_on", "end_on"), person_id=scope.person_id, council_id__in=members.values("council_id")
    ).select_related("council")
    return [e.council for e in employments]


def can_book(scope: Scope, session: Session, council) -> bool:
    return council is not None and council in councils_to_book_for(scope, session)


def can_take_register(scope: Scope, session: Session) -> bool:
    """The session's trainers and the partnership's coordinators."""
    return scope.coordinates(session.course.partnership_id) or (
        scope.is_signed_in and session.trainers.filter(person_id=scope.person_id).exists()
    )


def register_for(scope: Scope, pk) -> Session:
    session = session_for(scope, pk)
    if not can_take_register(scope, session):
        raise not_found()
    return session


# --- Bookings -----------------------------------------------------------------------------

def bookings_visible_to(scope: Scope):
    """Your own bookings; your council's if you lead it; a partnership's if you coordinate it;
    bookings waiting for you as the person's line manager."""
    if scope.is_superuser:
        return Booking.objects.all()
    if not scope.is_signed_in:
        return Booking.objects.none()
    managed = Employment.objects.filter(current_on(today(), "start_on", "end_on"), line_manager_id=scope.person_id)
    return Booking.objects.filter(
        Q(person_id=scope.person_id) | Q(council_id__in=scope.lead_council_ids)
        | Q(session__course__partnership_id__in=scope.coordinated_partnership_ids)
        | Q(person_id__in=managed.values("person_id"), status=Booking.Status.PENDING)
    )


def booking_for(scope: Scope, pk) -> Booking:
    return get_or_404(bookings_visible_to(scope).select_related("council", "session__course"), pk=pk)


def own_bookings(scope: Scope):
    return Booking.objects.filter(person_id=scope.person_id) if scope.is_signed_in else Booking.objects.none()


def own_attended_booking_for(scope: Scope, pk) -> Booking:
    return get_or_404(own_bookings(scope).filter(status=Booking.Status.ATTENDED).select_related("session__course"), pk=pk)


def can_cancel_booking(scope: Scope, booking: Booking) -> bool:
    return (scope.is_signed_in and booking.person_id == scope.person_id) or scope.leads(booking.council_id)


def can_approve_booking(scope: Scope, booking: Booking) -> bool:
    """The person's line manager in that council, or the council's L&D or HR lead; never the person themselves."""
    from .people import is_line_manager_of

    if booking.person_id == scope.person_id:
        return False
    return scope.leads(booking.council_id) or is_line_manager_of(scope, booking.person_id, booking.council_id)


def bookings_awaiting(scope: Scope):
    """Bookings this scope may approve: their councils' (as lead) and their direct reports' (as line manager)."""
    if not scope.is_signed_in:
        return Booking.objects.none()
    reports = Employment.objects.filter(current_on(today(), "start_on", "end_on"), line_manager_id=scope.person_id)
    as_manager = Q(pk__in=[])
    for person_id, council_id in reports.values_list("person_id", "council_id"):
        as_manager |= Q(person_id=person_id, council_id=council_id)
    led = Q(council_id__in=scope.lead_council_ids)
    return (Booking.objects.filter(led | as_manager, status=Booking.Status.PENDING)
            .exclude(person_id=scope.person_id).select_related("person", "session__course", "council"))


def council_bookings_visible_to(scope: Scope, council):
    return bookings_visible_to(scope).filter(council=council)


# --- Records, requirements and evidence -----------------------------------------------------

def records_visible_to(scope: Scope):
    """Your own record; a council's leads see it once you share it with that council."""
    if scope.is_superuser:
        return TrainingRecord.objects.all()
    if not scope.is_signed_in:
        return TrainingRecord.objects.none()
    shared = RecordShare.objects.filter(council_id__in=scope.lead_council_ids, revoked_at__isnull=True)
    return TrainingRecord.objects.filter(Q(person_id=scope.person_id) | Q(person_id__in=shared.values("person_id")))


def record_shared_with(person, council) -> bool:
    return RecordShare.objects.filter(person=person, council=council, revoked_at__isnull=True).exists()


def own_councils_to_share_with(scope: Scope):
    """Councils a person may share their record with: their current employers."""
    from partnering.organisations.models import Council

    return Council.objects.filter(pk__in=scope.council_ids)


def requirements_visible_to(scope: Scope):
    if scope.is_superuser:
        return Requirement.objects.all()
    return Requirement.objects.filter(council_id__in=scope.council_ids)


def requirements_editable_by(scope: Scope):
    return led_by(scope, Requirement.objects.all())


def evidence_visible_to(scope: Scope):
    if scope.is_superuser:
        return Evidence.objects.all()
    if not scope.is_signed_in:
        return Evidence.objects.none()
    return Evidence.objects.filter(Q(person_id=scope.person_id) | Q(council_id__in=scope.lead_council_ids))


def evidence_for(scope: Scope, pk) -> Evidence:
    return get_or_404(evidence_visible_to(scope), pk=pk)


def evidence_awaiting(scope: Scope):
    """Evidence for the scope to check as a council's lead; never their own."""
    queryset = Evidence.objects.filter(status=Evidence.Status.PENDING, council_id__in=scope.lead_council_ids)
    return queryset.exclude(person_id=scope.person_id).select_related("person", "council")


def can_decide_evidence(scope: Scope, evidence: Evidence) -> bool:
    """The council's L&D or HR lead checks evidence; nobody checks their own."""
    return evidence.person_id != scope.person_id and scope.leads(evidence.council_id)


def equivalences_for_course(scope: Scope, partnership):
    """Equivalences a coordinator may attach to a new course: the partnership's own."""
    from partnering.overlap.models import Equivalence

    if not can_manage_courses(scope, partnership):
        return Equivalence.objects.none()
    return Equivalence.objects.filter(partnership=partnership)


def can_read_evaluations(scope: Scope, course: Course) -> bool:
    return scope.oversees(course.partnership_id)


def evaluated_course_for(scope: Scope, pk) -> Course:
    course = get_or_404(Course.objects.select_related("partnership"), pk=pk)
    if not can_read_evaluations(scope, course):
        raise not_found()
    return course
