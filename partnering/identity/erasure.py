"""Erasing what the identity app holds about a person (partnering.ops.retention runs every app's eraser): the ways
they signed in, their staff numbers from HR imports and the access requests made in their name."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from .models import AccessRequest, ImportedEmployment

# Every model that points at a person (or holds their sign-in), and what erasure does with it (a test compares this with the models).
HANDLES = {
    "identity.SignIn": "kept for the sign-in figures (when, how, through which council), now the anonymised person's",
    "identity.ImportedEmployment": "kept with its import (through the person's employment); the staff number is blanked",
    "identity.AccessRequest": "requests in the person's name or address have both replaced and the job title blanked",
    "identity.HrImport": "kept: who uploaded an HR file reads as the anonymised person",
    "account.EmailAddress": "removed: a sign-in address",
    "socialaccount.SocialAccount": "removed: the link to the council's identity provider (its subject and claims)",
    "mfa.Authenticator": "removed: authenticator apps, recovery codes and passkeys",
}

# Fields blanked, by model, with the path from the model to the person: their history goes from the audit trail too.
ERASED_FIELDS = {"identity.ImportedEmployment": ("employment__person", ("staff_number",))}


def identifiers_of(person) -> list[str]:
    """What else identifies the person in the audit trail: staff numbers from HR imports, subjects at identity providers."""
    staff_numbers = ImportedEmployment.objects.filter(employment__person=person).exclude(staff_number="").values_list("staff_number", flat=True)
    return [*staff_numbers, *SocialAccount.objects.filter(user=person).values_list("uid", flat=True)]


def anonymise_person(person, former) -> int:
    """Call inside `audit.quiet()`: an entry per change would copy into the trail what is being erased."""
    from partnering.people.erasure import anonymised_email, anonymised_name

    touched = ImportedEmployment.objects.filter(employment__person=person).exclude(staff_number="").update(staff_number="")
    touched += AccessRequest.objects.filter(email__iexact=former.email).update(
        email=anonymised_email(person.pk), full_name=anonymised_name(person.pk), job_title="")
    for model in (EmailAddress, SocialAccount, Authenticator):
        touched += model.objects.filter(user=person).delete()[0]
    return touched
