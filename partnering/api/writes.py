"""What the API writes, through the apps' services where they exist; every refusal names the field."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnering.access.learning import sessions_visible_to
from partnering.core.dates import today
from partnering.learning.models import Course
from partnering.learning.services import booking_create, record_from_elsewhere
from partnering.people.models import CouncilRole, Employment, Person
from partnering.people.services import role_grant

from .models import ExternalCompletion


def _employee(council, email: str) -> Person:
    person = Person.objects.filter(email__iexact=email, employments__council=council).distinct().first()
    if person is None:
        raise ValidationError({"person": _("No one with this email address works for %(council)s.") % {"council": council.name}})
    return person


def booking_for_api(*, scope, client, person_actor, session: int, person: str):
    found = sessions_visible_to(scope).select_related("course").filter(pk=session).first()
    if found is None:
        raise ValidationError({"session": _("There is no session with this id in your partnerships' catalogue.")})
    if client is not None:
        council = client.council
        who = _employee(council, person)
        if not who.employments.current().filter(council=council).exists():
            raise ValidationError({"person": _("This person no longer works for %(council)s.") % {"council": council.name}})
    else:
        if person.strip().lower() != person_actor.email.lower():
            raise ValidationError({"person": _("Signed in, you can book only yourself.")})
        who = person_actor
        employment = who.employments.current().filter(council__memberships__partnership=found.course.partnership).first()
        if employment is None:
            raise ValidationError({"session": _("None of your employers is in the partnership that runs this course.")})
        council = employment.council
    if found.cancelled_at is not None or found.starts_at is None:
        raise ValidationError({"session": _("This session cannot be booked: it is cancelled or not yet dated.")})
    if who.bookings.filter(session=found).exclude(status="cancelled").exists():
        raise ValidationError({"person": _("This person already has a place or is waiting for one on this session.")})
    return booking_create(session=found, person=who, council=council)


@transaction.atomic
def completion_receive(*, scope, council, external_id: str, person: str, completed_on, title: str = "", course: int | None = None,
                       hours=None, evidence_url: str = ""):
    """A completion from the council's learning system: makes (or, sent again with the same id, changes) a training record."""
    who = _employee(council, person)
    found_course = None
    if course is not None:
        found_course = Course.objects.filter(pk=course, partnership_id__in=scope.partnership_ids).first()
        if found_course is None:
            raise ValidationError({"course": _("There is no course with this id in your partnerships' catalogue.")})
    title = (title or (found_course.title if found_course else "")).strip()
    if not title:
        raise ValidationError({"title": _("Give the title of the learning, or the id of a Partnering course.")})
    if completed_on > today():
        raise ValidationError({"completed_on": _("The completion date cannot be in the future.")})
    existing = ExternalCompletion.objects.select_related("record").filter(council=council, external_id=external_id).first()
    if existing is not None:
        record = existing.record
        if record.person_id != who.pk:
            raise ValidationError({"external_id": _("This id was sent before for someone else.")})
        record.title, record.completed_on, record.course, record.hours = title[:300], completed_on, found_course, hours
        record.save()
        existing.evidence_url = evidence_url or ""
        existing.save()
        return record, False
    record = record_from_elsewhere(person=who, title=title[:300], completed_on=completed_on, course=found_course, council=council,
                                   hours=hours)
    ExternalCompletion.objects.create(council=council, external_id=external_id, record=record, evidence_url=evidence_url or "")
    return record, True


def employment_receive(*, council, person: str, full_name: str, job_title: str, start_on, fte=None, end_on=None, line_manager=None):
    """A starter, a change or a leaver from the council's HR system. Leavers are end-dated, never deleted."""
    email = person.strip().lower()
    who = Person.objects.filter(email__iexact=email).first()
    if who is None:
        who = Person.objects.create_user(email=email, full_name=full_name.strip())
    manager = None
    if line_manager:
        manager = Person.objects.filter(email__iexact=line_manager, employments__council=council).distinct().first()
        if manager is None:
            raise ValidationError({"line_manager": _("No one with this email address works for %(council)s.") % {"council": council.name}})
    employment = Employment.objects.filter(person=who, council=council, end_on__isnull=True).first()
    created = employment is None
    if created:
        if end_on is not None and end_on < today() and Employment.objects.filter(person=who, council=council, start_on=start_on).exists():
            employment = Employment.objects.get(person=who, council=council, start_on=start_on)
            created = False
        else:
            employment = Employment(person=who, council=council)
    employment.job_title, employment.start_on, employment.end_on, employment.line_manager = job_title.strip(), start_on, end_on, manager
    if fte is not None:
        employment.fte = fte
    employment.full_clean(exclude=["person", "council"])
    employment.save()
    if created:
        role_grant(employment=employment, role=CouncilRole.Role.STAFF)
    return employment, created
