"""Changing people's jobs and roles: the one way other apps (sign-in, the HR import, the API) write them."""

from __future__ import annotations

from partnering.people.models import CouncilRole, Employment


def employment_start(*, person, council, job_title: str, start_on) -> Employment:
    """A new job at a council, as a member of its staff."""
    employment = Employment.objects.create(person=person, council=council, job_title=job_title, start_on=start_on)
    role_grant(employment=employment, role=CouncilRole.Role.STAFF)
    return employment


def role_grant(*, employment: Employment, role: str) -> CouncilRole:
    """The role on that job (unchanged if it is held already)."""
    granted, _ = CouncilRole.objects.get_or_create(employment=employment, role=role)
    return granted
