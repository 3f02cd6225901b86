from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import i18n

from partnering.access import people as access
from partnering.access.scope import get_or_404
from partnering.core.pagination import OneQueryPaginator

from .forms import LanguageForm
from .models import PartnershipRole, Person
from .selectors import councils_to_filter_by, person_list


@login_required
def person_list_view(request):
    query = request.GET.get("q", "").strip()
    council_slug = request.GET.get("council", "").strip()
    people = person_list(viewer=request.scope, query=query, council_slug=council_slug)
    page = OneQueryPaginator(people, 50).get_page(request.GET.get("page"))
    template = "people/person_list.html#results" if request.htmx else "people/person_list.html"
    return TemplateResponse(
        request,
        template,
        {
            "page": page,
            "query": query,
            "council_slug": council_slug,
            "councils": councils_to_filter_by(viewer=request.scope),
            "answers_subject_access_requests": access.may_answer_subject_access_requests(request.scope),
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
    return TemplateResponse(request, "people/person_detail.html", {
        "person": person, "may_release_data": access.can_release_personal_data(request.scope, person)})


def _me_page(request, language_form):
    person = request.user
    employments = person.employments.select_related("council", "work_base").prefetch_related("roles")
    roles = PartnershipRole.objects.filter(person=person).select_related("partnership")
    return TemplateResponse(request, "people/me.html", {"person": person, "employments": employments, "roles": roles,
                                                        "language_form": language_form})


@login_required
def me(request):
    return _me_page(request, LanguageForm(initial={"language": request.user.language}))


@login_required
def language(request):
    """The signed-in person chooses the language we email them in (on their profile, /me/)."""
    if request.method != "POST":
        return redirect("people:me")
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return _me_page(request, form)
    request.user.language = form.cleaned_data["language"]
    request.user.save(update_fields=["language"])
    messages.success(request, _("Saved: the language we email you in."))
    return redirect("people:me")


def set_language(request):
    """Django's language switch; someone signed in who has not chosen a language for emails gets the one they switch to."""
    response = i18n.set_language(request)
    chosen = request.POST.get("language") if request.method == "POST" else None
    if chosen in Person.Language.values and request.user.is_authenticated and not request.user.language:
        Person.objects.filter(pk=request.user.pk, language="").update(language=chosen)
    return response
