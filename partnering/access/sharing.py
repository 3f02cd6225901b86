"""The sharing rule for council-owned records: own council, the partnership it is shared with, or public."""

from django.db.models import Q

from partnering.core.models import Sharing

from .scope import Scope


def shared_with(scope: Scope, queryset, via: str = ""):
    """Rows of the scope's own councils, rows shared with one of its partnerships, and public rows.

    `via` leads from the queryset's model to the council-owned record that carries the sharing
    level (for example "batch__council_return__" for the lines of a return)."""
    if scope.is_superuser:
        return queryset.all()
    if not scope.council_ids and not scope.partnership_ids and not scope.is_signed_in:
        return queryset.none()
    return queryset.filter(
        Q(**{f"{via}council_id__in": scope.council_ids})
        | Q(**{f"{via}sharing": Sharing.PUBLIC})
        | Q(**{f"{via}sharing": Sharing.PARTNERSHIP, f"{via}shared_with_id__in": scope.partnership_ids})
    )


def led_by(scope: Scope, queryset, via: str = ""):
    """Rows of councils the scope leads."""
    if scope.is_superuser:
        return queryset.all()
    return queryset.filter(**{f"{via}council_id__in": scope.lead_council_ids})
