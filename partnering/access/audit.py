"""The audit trail: a council's leads read their council's; site administrators read everything."""

from partnering.core.models import AuditEntry

from .scope import Scope


def audit_entries_visible_to(scope: Scope):
    if scope.is_superuser:
        return AuditEntry.objects.all()
    return AuditEntry.objects.filter(council_id__in=scope.lead_council_ids)
