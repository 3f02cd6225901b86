"""How long a council keeps its leavers' personal data: its L&D or HR leads (and site administrators) set the
period, see who the next run would anonymise and read the log of erasures; nobody else learns any of it."""

from partnering.ops.models import ErasureLog

from .organisations import can_manage_council, managed_council_for
from .scope import Scope


def can_set_retention(scope: Scope, council) -> bool:
    return can_manage_council(scope, council)


def retention_council_for(scope: Scope, slug: str):
    """The council whose retention page this is; 404 for anyone who does not lead it."""
    return managed_council_for(scope, slug)


def erasures_visible_to(scope: Scope):
    if scope.is_superuser:
        return ErasureLog.objects.all()
    return ErasureLog.objects.filter(council_id__in=scope.lead_council_ids)
