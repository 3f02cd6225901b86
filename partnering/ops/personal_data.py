"""Subject access: everything Partnering holds about one person, gathered from every app.

A registry: each app adds a section with `register("label", function)`, where the function takes the person and
returns a list of plain dicts (JSON-friendly). The download page asks every registered section. Apps that cannot
import this (pure cores) never need to; apps register in their AppConfig.ready or here below."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

SECTIONS: dict[str, Callable] = {}


def register(label: str, function: Callable) -> None:
    SECTIONS[label] = function


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def rows(queryset, *fields) -> list[dict]:
    return [{field: _plain(value) for field, value in zip(fields, row, strict=True)} for row in queryset.values_list(*fields)]


@dataclass
class Report:
    person: dict
    sections: dict[str, list[dict]]


def everything_about(person) -> Report:
    return Report(person={"email": person.email, "full_name": person.full_name, "language": person.language,
                          "date_joined": _plain(person.date_joined), "last_login": _plain(person.last_login)},
                  sections={label: function(person) for label, function in SECTIONS.items()})


def _built_in() -> None:
    """The sections of the apps that exist now; new apps add theirs with register()."""
    from partnering.identity.models import SignIn
    from partnering.learning.models import Booking, RecordShare, TrainingRecord
    from partnering.people.models import Employment, PartnershipRole

    register("employments", lambda p: rows(Employment.objects.filter(person=p), "council__name", "job_title", "fte", "start_on", "end_on",
                                             "line_manager__email"))
    register("partnership roles", lambda p: rows(PartnershipRole.objects.filter(person=p), "partnership__name", "role", "start_on", "end_on"))
    register("bookings", lambda p: rows(Booking.objects.filter(person=p), "session__course__title", "session__starts_at", "council__name",
                                         "status", "created_at"))
    register("training records", lambda p: rows(TrainingRecord.objects.filter(person=p), "title", "completed_on", "council__name", "hours"))
    register("training record shared with", lambda p: rows(RecordShare.objects.filter(person=p), "council__name", "granted_at", "revoked_at"))
    register("sign-ins", lambda p: rows(SignIn.objects.filter(person=p), "at", "method", "council__name"))


_built_in()
