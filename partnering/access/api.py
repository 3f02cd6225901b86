"""The API: what a council's system reads and writes with its token (the council-client scope: its own council's
records, what partners share with its partnerships, nothing that belongs to a person unless they shared it with the
council), and who manages the tokens (the council's leads)."""

from django.db.models import Q

from partnering.api.models import ApiToken
from partnering.learning.models import Booking, RecordShare, TrainingRecord
from partnering.organisations.models import Council, Membership, Partnership
from partnering.people.models import Employment, Person

from .scope import Kind, Scope, get_or_404


def can_manage_tokens(scope: Scope, council) -> bool:
    return scope.is_signed_in and scope.leads(getattr(council, "pk", council))


def tokens_visible_to(scope: Scope):
    if scope.is_superuser:
        return ApiToken.objects.all()
    return ApiToken.objects.filter(council_id__in=scope.lead_council_ids) if scope.is_signed_in else ApiToken.objects.none()


def token_for(scope: Scope, pk) -> ApiToken:
    return get_or_404(tokens_visible_to(scope).select_related("council"), pk=pk)


def is_client(scope: Scope) -> bool:
    return scope.kind is Kind.COUNCIL_CLIENT


def councils_for(scope: Scope):
    """Councils and partnerships are shared facts: every signed-in person and every council's system reads them."""
    if is_client(scope) or scope.is_signed_in or scope.is_superuser:
        return Council.objects.all()
    return Council.objects.none()


def partnerships_for(scope: Scope):
    if is_client(scope) or scope.is_signed_in or scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.none()


def client_bookings(scope: Scope):
    """A council's system reads the bookings made for its council."""
    return Booking.objects.filter(council_id__in=scope.council_ids)


def client_records(scope: Scope):
    """Training records of the people who shared their record with the council (and have not taken it back)."""
    shared = RecordShare.objects.filter(council_id__in=scope.council_ids, revoked_at__isnull=True)
    return TrainingRecord.objects.filter(person_id__in=shared.values("person_id"))


def client_employments(scope: Scope):
    return Employment.objects.filter(council_id__in=scope.council_ids)


def client_people(scope: Scope):
    """People with an employment (current or past) at the council."""
    return Person.objects.filter(Q(employments__council_id__in=scope.council_ids)).distinct()


def can_client_write_people(scope: Scope, council_id) -> bool:
    """A council's system (its HR system) keeps its own council's people and employments up to date."""
    return is_client(scope) and council_id in scope.council_ids


def client_statement_memberships(scope: Scope):
    """A council's system reads its own council's cost statement in each partnership it is a member of now, with
    the partnership's totals: what the council's leads read, and no other council's statement."""
    if not is_client(scope):
        return Membership.objects.none()
    return Membership.objects.filter(council_id__in=scope.council_ids, partnership_id__in=scope.partnership_ids)
