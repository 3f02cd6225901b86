"""Erasing what the identity app holds about a person (partnering.ops.retention runs every app's eraser): the ways
they signed in, their staff numbers from HR imports, the HR files that listed them and the access requests made in
their name."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from partnering.people.models import Employment

from .models import AccessRequest, HrImport, ImportedEmployment

# Every model that points at a person (or holds their sign-in), and what erasure does with it (a test compares this with the models).
HANDLES = {
    "identity.SignIn": "kept for the sign-in figures (when, how, through which council), now the anonymised person's",
    "identity.ImportedEmployment": "kept with its import (through the person's employment); the staff number is blanked",
    "identity.AccessRequest": "requests in the person's name or address have both replaced and the job title blanked",
    "identity.HrImport": "kept with its summary: who uploaded an HR file reads as the anonymised person; the stored files "
                         "of the councils that employed the person are removed",
    "account.EmailAddress": "removed: a sign-in address",
    "socialaccount.SocialAccount": "removed: the link to the council's identity provider (its subject and claims)",
    "mfa.Authenticator": "removed: authenticator apps, recovery codes and passkeys",
}

# Fields blanked, by model, with the path from the model to the person: their history goes from the audit trail too.
ERASED_FIELDS = {"identity.ImportedEmployment": ("employment__person", ("staff_number",))}


def identifiers_of(person) -> list[str]:
    """What else identifies the person in the audit trail wherever it is about them: subjects at identity providers."""
    return list(SocialAccount.objects.filter(user=person).values_list("uid", flat=True))


def staff_numbers_of(person) -> list[tuple[int, str, tuple]]:
    """The person's staff numbers, each with the council that issued it and the record holding it: a number means
    this person only in that council's entries ("1042" elsewhere is someone else, or an amount)."""
    return [(council_id, staff_number, (ImportedEmployment, pk)) for pk, council_id, staff_number in
            ImportedEmployment.objects.filter(employment__person=person).exclude(staff_number="")
            .values_list("pk", "employment__council_id", "staff_number")]


def records_of(person) -> list[tuple[type, list]]:
    """The person's records that point at no person: access requests made with their address."""
    return [(AccessRequest, list(AccessRequest.objects.filter(email__iexact=person.email).values_list("pk", flat=True)))]


def anonymise_person(person, former) -> int:
    """Call inside `audit.quiet()`: an entry per change would copy into the trail what is being erased."""
    from partnering.people.erasure import anonymised_email, anonymised_name

    touched = ImportedEmployment.objects.filter(employment__person=person).exclude(staff_number="").update(staff_number="")
    touched += AccessRequest.objects.filter(email__iexact=former.email).update(
        email=anonymised_email(person.pk), full_name=anonymised_name(person.pk), job_title="")
    # A committed import keeps only its summary; files committed before that was so still hold every row: remove those
    # of the councils that employed the person (drafts wait for their lead, and are removed when committed).
    councils = Employment.objects.filter(person=person).values("council_id")
    touched += HrImport.objects.filter(status=HrImport.Status.COMMITTED, council_id__in=councils).exclude(data=b"").update(data=b"")
    for model in (EmailAddress, SocialAccount, Authenticator):
        touched += model.objects.filter(user=person).delete()[0]
    return touched
