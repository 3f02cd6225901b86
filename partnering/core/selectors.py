"""What the home page shows, by the roles the signed-in person holds."""

from django.db.models import Count, Q

from partnering.access.audit import audit_entries_visible_to
from partnering.access.organisations import partnerships_visible_to, venues_visible_to
from partnering.access.scope import Scope
from partnering.organisations.models import Membership
from partnering.people.models import Employment


def home_summary(*, person, viewer: Scope, council) -> dict:
    scope = viewer
    summary = {
        "employments": person.current_employments(),
        "council": council,
        "is_lead": council is not None and council.pk in scope.lead_council_ids,
        "coordinated": [],
        "board": [],
        "council_partnerships": [],
    }
    current_members = Q(memberships__in=Membership.objects.current())
    partnerships = partnerships_visible_to(viewer).annotate(
        member_count=Count("memberships", filter=current_members, distinct=True)
    )
    summary["coordinated"] = partnerships.filter(pk__in=scope.coordinated_partnership_ids)
    summary["board"] = partnerships.filter(pk__in=scope.board_partnership_ids)
    if council is not None:
        summary["council_partnerships"] = partnerships.filter(
            pk__in=Membership.objects.current().filter(council=council).values("partnership_id")
        )
        summary["staff_count"] = Employment.objects.current().filter(council=council).values("person").distinct().count()
        summary["venue_count"] = venues_visible_to(viewer).filter(council=council).count()
        if summary["is_lead"]:
            summary["recent_changes"] = audit_entries_visible_to(viewer).filter(council=council).select_related(
                "actor"
            )[:5]
    return summary
