"""Two-factor authentication (an authenticator app's codes, with recovery codes) over django-allauth's MFA
models: who must use it, and the sign-in that waits for the second factor."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login

from partnering.core.dates import current_on, today

PENDING = "identity:pending-sign-in"  # session key: a sign-in waiting for its code
SETUP_REQUIRED = "identity:two-factor-setup-required"  # session key: must set up an app before anything else


def has_two_factor(person) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=person, type=Authenticator.Type.TOTP).exists()


def two_factor_required(person) -> bool:
    """Site administrators and partnership coordinators, where the site (PARTNERING_TWO_FACTOR_REQUIRED) or
    one of the councils employing them (its identity provider's setting) asks for it."""
    from partnering.people.models import PartnershipRole

    from .models import IdentityProvider

    day = today()
    privileged = person.is_staff or person.is_superuser or PartnershipRole.objects.filter(
        current_on(day, "start_on", "end_on"), person=person, role=PartnershipRole.Role.COORDINATOR
    ).exists()
    if not privileged:
        return False
    if settings.PARTNERING_TWO_FACTOR_REQUIRED:
        return True
    councils = person.employments.filter(current_on(day, "start_on", "end_on")).values("council_id")
    return IdentityProvider.objects.filter(council_id__in=councils, requires_two_factor=True).exists()


def stash(request, person, *, backend: str, next_url: str, sign_in: dict) -> None:
    """Keep a sign-in that passed its first factor until the code is given (in the session, not signed in)."""
    request.session[PENDING] = {"person": person.pk, "backend": backend, "next": next_url or "", "sign_in": sign_in, "tries": 0}


def complete(request, person, pending: dict) -> None:
    """Sign in a person whose code was right, recorded as their first factor said."""
    request.session.pop(PENDING, None)
    request.partnering_sign_in = pending.get("sign_in") or {}
    login(request, person, backend=pending["backend"])
