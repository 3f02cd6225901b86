"""Erasing a person's own account under a council's retention rule (partnering.ops.retention runs every app's eraser).

The row stays, because records other apps keep for the partnership's figures point at it (bookings, time given,
posts), but nothing on it says who it was, and it can never sign in again."""

import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from .models import Person

ERASED_DOMAIN = "invalid"  # reserved (RFC 2606): the placeholder address can never reach anyone

# Every model of this app that points at a person, and what erasure does with it (a test compares this with the models).
HANDLES = {
    "people.Employment": "kept for the council's headcount, turnover and workforce figures (job title, dates, FTE, council): "
                         "the post, not the person",
    "people.CouncilRole": "kept (through the person's employment): roles counted in the workforce figures",
    "people.PartnershipRole": "kept: who held which role when, now read as the anonymised person",
}


def anonymised_name(pk: int) -> str:
    return f"Anonymised person #{pk}"


def anonymised_email(pk: int) -> str:
    return f"erased-{pk}@{ERASED_DOMAIN}"


def _sessions_of(person: Person) -> list[str]:
    """Keys of the live sessions signed in as this person. Someone who has not signed in for longer than a session
    lasts has none, which spares reading every session for each of a first run's many leavers."""
    if person.last_login is None or person.last_login < timezone.now() - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE):
        return []
    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(person.pk):
            keys.append(session.session_key)
    return keys


def anonymise_person(person: Person, former) -> int:
    """Replace the person's name and address and end every way of signing in as them.
    Call it inside `audit.quiet()`: an entry per change would copy into the trail what is being erased.
    Returns how many records it changed or removed."""
    touched = 0
    sessions = _sessions_of(person)
    person.full_name = anonymised_name(person.pk)
    person.email = anonymised_email(person.pk)
    person.language = ""
    person.is_active = person.is_staff = person.is_superuser = False
    person.last_login = None
    person.set_unusable_password()
    person.save()
    person.groups.clear()
    person.user_permissions.clear()
    touched += 1
    touched += Session.objects.filter(session_key__in=sessions).delete()[0]
    return touched
