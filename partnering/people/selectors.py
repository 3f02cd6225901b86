from django.db.models import Prefetch

from partnering.access import people as access
from partnering.access.scope import Scope


def person_list(*, viewer: Scope, query: str = "", council_slug: str = ""):
    """People the viewer may see, with the employments the viewer may see, filtered by name, email or council."""
    visible_employments = access.employments_visible_to(viewer).current().select_related("council")
    people = access.people_visible_to(viewer, matching=query).filter(is_active=True)
    if council_slug:
        people = people.filter(pk__in=visible_employments.filter(council__slug=council_slug).values("person_id"))
    return people.prefetch_related(Prefetch("employments", queryset=visible_employments, to_attr="visible_employments"))


def councils_to_filter_by(*, viewer):
    return access.councils_to_filter_people_by(viewer)
