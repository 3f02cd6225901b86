"""The audit trail: a council's L&D or HR leads read their council's entries; a partnership's coordinators read
the entries of what the partnership owns (its courses and sessions, bookings and interest in them, overlap
decisions and equivalences, venue plans, its memberships and roles); site administrators read everything.
Board members read reports, not the trail."""

from django.db.models import Q

from partnering.core.models import AuditEntry

from .scope import Scope


def audit_entries_visible_to(scope: Scope):
    if scope.is_superuser:
        return AuditEntry.objects.all()
    return AuditEntry.objects.filter(
        Q(council_id__in=scope.lead_council_ids) | Q(partnership_id__in=scope.coordinated_partnership_ids)
    )
