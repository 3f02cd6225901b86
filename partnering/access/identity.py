"""Sign-in and identity: a council's leads approve the people who first sign in through its provider
(where it asks for that) and manage its API tokens; site administrators set up providers in the admin."""

from partnering.identity.models import AccessRequest
from partnering.organisations.models import Council

from .scope import Kind, Scope, get_or_404


def councils_led_by(scope: Scope):
    if scope.is_superuser:
        return Council.objects.all()
    return Council.objects.filter(pk__in=scope.lead_council_ids)


def access_requests_visible_to(scope: Scope):
    """Requests waiting for (or decided by) the leads of the council they ask to join."""
    if not scope.is_signed_in:
        return AccessRequest.objects.none()
    if scope.is_superuser:
        return AccessRequest.objects.all()
    return AccessRequest.objects.filter(council_id__in=scope.lead_council_ids)


def access_request_for(scope: Scope, pk) -> AccessRequest:
    return get_or_404(access_requests_visible_to(scope).select_related("council"), pk=pk)


def can_decide_access_request(scope: Scope, access_request: AccessRequest) -> bool:
    return access_request.status == AccessRequest.Status.PENDING and scope.leads(access_request.council_id)


def can_import_people(scope: Scope, council) -> bool:
    """A council's leads load its people and jobs from its HR system's export, and so does the council's own HR
    system through the API (its token's council-client scope, for its council only)."""
    council_id = getattr(council, "pk", council)
    if scope.kind is Kind.COUNCIL_CLIENT:
        return council_id in scope.council_ids
    return scope.is_signed_in and scope.leads(council_id)


def hr_imports_visible_to(scope: Scope):
    from partnering.identity.models import HrImport

    if scope.is_superuser:
        return HrImport.objects.all()
    if scope.kind is Kind.COUNCIL_CLIENT:  # the council's HR system reads its own council's imports
        return HrImport.objects.filter(council_id__in=scope.council_ids)
    return HrImport.objects.filter(council_id__in=scope.lead_council_ids) if scope.is_signed_in else HrImport.objects.none()


def hr_import_for(scope: Scope, pk):
    return get_or_404(hr_imports_visible_to(scope).select_related("council"), pk=pk)
