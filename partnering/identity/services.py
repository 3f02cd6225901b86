"""Writes for sign-in and identity: providers, first sign-ins, approvals. Each runs in a transaction and is audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from partnering.access.identity import can_decide_access_request
from partnering.access.scope import require, scope_of
from partnering.core import audit
from partnering.core.dates import today
from partnering.people.models import Employment, Person
from partnering.people.services import employment_start

from .claims import display_name
from .models import AccessRequest, IdentityProvider, SignIn


@audit.actor_argument("actor")
@transaction.atomic
def identity_provider_save(*, actor, council, issuer: str, client_id: str, client_secret: str, domains: str,
                           requires_approval: bool = False, requires_two_factor: bool = False) -> IdentityProvider:
    """Set up (or change) a council's provider. ValidationError names the field that is wrong."""
    provider = IdentityProvider.objects.filter(council=council).first() or IdentityProvider(council=council)
    provider.issuer, provider.client_id, provider.client_secret, provider.domains = issuer, client_id, client_secret, domains
    provider.requires_approval, provider.requires_two_factor, provider.is_active = requires_approval, requires_two_factor, True
    provider.full_clean()
    provider.save()
    return provider


def provider_for_email(email: str) -> IdentityProvider | None:
    domain = email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""
    if not domain:
        return None
    for provider in IdentityProvider.objects.filter(is_active=True, domains__icontains=domain).select_related("council"):
        if domain in provider.domain_list:
            return provider
    return None


def _employ(person: Person, council, job_title: str) -> Employment:
    return employment_start(person=person, council=council, job_title=job_title or "-", start_on=today())


@transaction.atomic
def person_for_first_sign_in(*, provider: IdentityProvider, email: str, claims: dict) -> Person | AccessRequest:
    """The person a first sign-in through `provider` links to: the existing person with that email, or a new
    person employed by the provider's council. Where the council's lead approves new people first, the
    (existing or new) pending AccessRequest instead. Recorded as done through the council's sign-in."""
    with audit.acting_as(None, source=f"sign-in:{provider.council.slug}"):
        person = Person.objects.filter(email__iexact=email).first()
        if person is not None:
            return person
        name = display_name(claims, email)
        job_title = str(claims.get("job_title") or claims.get("jobTitle") or "")[:150]
        if provider.requires_approval:
            approved = AccessRequest.objects.filter(council=provider.council, email=email, status=AccessRequest.Status.APPROVED).exists()
            if not approved:
                request, _ = AccessRequest.objects.get_or_create(
                    council=provider.council, email=email, status=AccessRequest.Status.PENDING,
                    defaults={"full_name": name[:150], "job_title": job_title},
                )
                return request
        person = Person.objects.create_user(email=email, full_name=name[:150])
        _employ(person, provider.council, job_title)
        return person


@audit.actor_argument("actor")
@transaction.atomic
def access_request_decide(*, actor, access_request: AccessRequest, approve: bool) -> AccessRequest:
    """A lead approves (the person is created, employed by the council, and signs in next time) or declines."""
    require(can_decide_access_request(scope_of(actor), access_request), "Only the council's leads decide a pending request.")
    access_request.status = AccessRequest.Status.APPROVED if approve else AccessRequest.Status.DECLINED
    access_request.decided_at, access_request.decided_by = timezone.now(), actor
    access_request.save()
    if approve:
        person = Person.objects.filter(email__iexact=access_request.email).first()
        if person is None:
            person = Person.objects.create_user(email=access_request.email, full_name=access_request.full_name)
        if not person.employments.current().filter(council=access_request.council).exists():
            _employ(person, access_request.council, access_request.job_title)
    return access_request


def record_sign_in(*, person: Person, method: str, council=None, first_time: bool = False) -> SignIn:
    with audit.acting_as(person, source="sign-in"):
        return SignIn.objects.create(person=person, method=method, council=council, first_time=first_time)


__all__ = ["ValidationError", "access_request_decide", "identity_provider_save", "person_for_first_sign_in", "provider_for_email",
           "record_sign_in"]
