from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.template.response import TemplateResponse

from partnering.access import people as access
from partnering.access.scope import get_or_404

from .models import PartnershipRole
from .selectors import councils_to_filter_by, person_list


@login_required
def person_list_view(request):
    query = request.GET.get("q", "").strip()
    council_slug = request.GET.get("council", "").strip()
    people = person_list(viewer=request.scope, query=query, council_slug=council_slug)
    page = Paginator(people, 50).get_page(request.GET.get("page"))
    template = "people/person_list.html#results" if request.htmx else "people/person_list.html"
    return TemplateResponse(
        request,
        template,
        {
            "page": page,
            "query": query,
            "council_slug": council_slug,
            "councils": councils_to_filter_by(viewer=request.scope),
        },
    )


@login_required
def person_detail(request, pk):
    visible_employments = access.employments_visible_to(request.scope).select_related("council", "work_base")
    person = get_or_404(
        access.people_visible_to(request.scope).prefetch_related(
            Prefetch("employments", queryset=visible_employments.prefetch_related("roles"), to_attr="visible_employments")
        ),
        pk=pk,
    )
    return TemplateResponse(request, "people/person_detail.html", {"person": person})


@login_required
def me(request):
    person = request.user
    employments = person.employments.select_related("council", "work_base").prefetch_related("roles")
    roles = PartnershipRole.objects.filter(person=person).select_related("partnership")
    return TemplateResponse(request, "people/me.html", {"person": person, "employments": employments, "roles": roles})
