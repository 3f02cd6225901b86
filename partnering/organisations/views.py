from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from partnering.access import organisations as access
from partnering.access.audit import audit_entries_visible_to
from partnering.access.people import employments_visible_to
from partnering.core.forms import save_with

from . import services
from .forms import CouncilProfileForm, VenueForm
from .models import Council, Membership, Venue


def _current_members():
    return Q(memberships__in=Membership.objects.current())


@login_required
def partnership_list(request):
    partnerships = (
        access.partnerships_visible_to(request.scope)
        .annotate(member_count=Count("memberships", filter=_current_members(), distinct=True))
        .order_by("name")
    )
    return TemplateResponse(request, "organisations/partnership_list.html", {"partnerships": partnerships})


@login_required
def partnership_detail(request, slug):
    partnership = access.partnership_for(request.scope, slug)
    memberships = partnership.memberships.select_related("council").order_by("council__name", "joined_on")
    current = [m for m in memberships if m.is_current]
    past = [m for m in memberships if not m.is_current]
    roles = partnership.roles.current().select_related("person")
    return TemplateResponse(
        request,
        "organisations/partnership_detail.html",
        {"partnership": partnership, "current": current, "past": past, "roles": roles},
    )


@login_required
def council_list(request):
    councils = access.councils_visible_to(request.scope).order_by("name")
    query = request.GET.get("q", "").strip()
    if query:
        councils = councils.filter(Q(name__icontains=query) | Q(short_name__icontains=query) | Q(gss_code__iexact=query))
    page = Paginator(councils, 25).get_page(request.GET.get("page"))
    return TemplateResponse(request, "organisations/council_list.html", {"page": page, "query": query})


@login_required
def council_detail(request, slug):
    council = access.council_for(request.scope, slug)
    venues = access.venues_visible_to(request.scope).filter(council=council).select_related("shared_with")
    memberships = council.memberships.select_related("partnership").order_by("joined_on")
    staff_count = (
        employments_visible_to(request.scope).current().filter(council=council).values("person").distinct().count()
    )
    return TemplateResponse(
        request,
        "organisations/council_detail.html",
        {
            "council": council,
            "venues": venues,
            "memberships": memberships,
            "staff_count": staff_count,
            "can_manage": access.can_manage_council(request.scope, council),
        },
    )


def _managed_council(request, slug):
    return access.managed_council_for(request.scope, slug)


@login_required
def council_edit(request, slug):
    council = _managed_council(request, slug)
    form = CouncilProfileForm(request.POST or None, instance=Council.objects.get(pk=council.pk))
    if request.method == "POST" and form.is_valid() and save_with(
        form, partial(services.council_update_profile, council=council, actor=request.user)
    ):
        messages.success(request, _("Council profile saved."))
        return redirect(council)
    return TemplateResponse(request, "organisations/council_form.html", {"council": council, "form": form})


@login_required
def council_audit(request, slug):
    council = _managed_council(request, slug)
    entries = audit_entries_visible_to(request.scope).filter(council=council).select_related("actor", "content_type")
    page = Paginator(entries, 25).get_page(request.GET.get("page"))
    return TemplateResponse(request, "organisations/council_audit.html", {"council": council, "page": page})


@login_required
def venue_detail(request, pk):
    venue = access.venue_for(request.scope, pk)
    can_manage = access.can_change_venue(request.scope, venue)
    return TemplateResponse(request, "organisations/venue_detail.html", {"venue": venue, "can_manage": can_manage})


@login_required
def venue_create(request, slug):
    council = _managed_council(request, slug)
    form = VenueForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        venue = save_with(form, partial(services.venue_create, council=council, actor=request.user))
        if venue:
            messages.success(request, _("Venue added."))
            return redirect(venue)
    return TemplateResponse(request, "organisations/venue_form.html", {"council": council, "form": form, "venue": None})


@login_required
def venue_edit(request, pk):
    venue = access.changeable_venue_for(request.scope, pk)
    form = VenueForm(request.POST or None, instance=Venue.objects.get(pk=pk), council=venue.council)
    if request.method == "POST" and form.is_valid() and save_with(
        form, partial(services.venue_update, venue=venue, actor=request.user)
    ):
        messages.success(request, _("Venue saved."))
        return redirect(venue)
    return TemplateResponse(
        request, "organisations/venue_form.html", {"council": venue.council, "form": form, "venue": venue}
    )
