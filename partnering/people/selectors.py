from django.db.models import Prefetch, Q

from partnering.organisations.models import Council

from .models import Employment, Person


def person_list(*, viewer, query: str = "", council_slug: str = ""):
    """People the viewer may see, with the employments the viewer may see, filtered by name, email or council."""
    visible_employments = Employment.objects.visible_to(viewer).current().select_related("council")
    people = Person.objects.visible_to(viewer).filter(is_active=True)
    if query:
        people = people.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    if council_slug:
        people = people.filter(pk__in=visible_employments.filter(council__slug=council_slug).values("person_id"))
    return people.prefetch_related(Prefetch("employments", queryset=visible_employments, to_attr="visible_employments"))


def councils_to_filter_by(*, viewer):
    from partnering.core.tenancy import scope_for

    scope = scope_for(viewer)
    councils = Council.objects.visible_to(viewer)
    if scope.is_superuser:
        return councils
    return councils.filter(pk__in=scope.council_ids | scope.coordinated_council_ids)
