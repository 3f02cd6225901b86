"""What the home page shows, by the roles the signed-in person holds."""

from partnering.core.models import AuditEntry
from partnering.core.tenancy import scope_for


def home_summary(*, viewer, council) -> dict:
    from django.db.models import Count, Q

    from partnering.organisations.models import Membership, Partnership, Venue
    from partnering.people.models import Employment

    scope = scope_for(viewer)
    summary = {
        "employments": viewer.current_employments(),
        "council": council,
        "is_lead": council is not None and council.pk in scope.lead_council_ids,
        "coordinated": [],
        "board": [],
        "council_partnerships": [],
    }
    current_members = Q(memberships__in=Membership.objects.current())
    partnerships = Partnership.objects.visible_to(viewer).annotate(
        member_count=Count("memberships", filter=current_members, distinct=True)
    )
    summary["coordinated"] = partnerships.filter(pk__in=scope.coordinated_partnership_ids)
    summary["board"] = partnerships.filter(pk__in=scope.board_partnership_ids)
    if council is not None:
        summary["council_partnerships"] = partnerships.filter(
            pk__in=Membership.objects.current().filter(council=council).values("partnership_id")
        )
        summary["staff_count"] = Employment.objects.current().filter(council=council).values("person").distinct().count()
        summary["venue_count"] = Venue.objects.visible_to(viewer).filter(council=council).count()
        if summary["is_lead"]:
            summary["recent_changes"] = AuditEntry.objects.visible_to(viewer).filter(council=council).select_related(
                "actor"
            )[:5]
    return summary
