from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import directory as access
from partnering.access.scope import get_or_404, not_found
from partnering.core.dates import current_on, today
from partnering.organisations.models import Council, Membership, Partnership
from partnering.organisations.selectors import current_member_councils
from partnering.people.models import Employment, Person

from . import services
from .forms import (
    AnswerForm,
    AskForm,
    CouncilTiersForm,
    OutcomeForm,
    ProfileForm,
    RequestForm,
    SearchForm,
    SkillForm,
    SkillHeldForm,
    TierForm,
)
from .matching import distance_km
from .models import Ask, CouncilTier, HelpRequest, Profile
from .reasons import reasons_of, skill_labels, stored_reasons
from .services import Refused

PAGE_SIZE = 20


def _posted(request):
    """The posted data for a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


def _call(form, operation):
    """Run a service for a valid form; a refusal or model validation error becomes the form's error."""
    try:
        return operation()
    except Refused as refusal:
        form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
    except ValidationError as error:
        for name, problems in error.update_error_dict({}).items():
            form.add_error(name if name in form.fields else None, problems)
    return None


def _councils_by_person(person_ids) -> dict[int, list[Council]]:
    found: dict[int, list[Council]] = {}
    for job in (Employment.objects.filter(current_on(today(), "start_on", "end_on"), person_id__in=person_ids)
                .select_related("council").order_by("-fte", "start_on", "pk")):
        found.setdefault(job.person_id, []).append(job.council)
    return found


# --- Search ----------------------------------------------------------------------------------------


@login_required
def home(request):
    scope = request.scope
    councils = Council.objects.filter(Q(pk__in=scope.council_ids) | Q(pk__in=Membership.objects.filter(
        current_on(today(), "joined_on", "left_on"), partnership_id__in=scope.partnership_ids).values("council_id"))).order_by("name")
    partnerships = Partnership.objects.filter(pk__in=scope.partnership_ids).order_by("name")
    form = SearchForm(request.GET or None, skills=access.skills_visible_to(scope).order_by("name"), councils=councils,
                      partnerships=partnerships)
    profiles = access.profiles_listed_to(scope)
    lat, lon, base = services.work_base_of(request.user)
    within = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            q = data["q"]
            profiles = profiles.filter(
                Q(skills__skill__name__icontains=q) | Q(skills__skill__welsh_name__icontains=q) | Q(skills__skill__term__welsh__icontains=q)
                | Q(skills__skill__term__synonyms__icontains=q) | Q(about__icontains=q) | Q(person__full_name__icontains=q))
        if data["skill"]:
            profiles = profiles.filter(skills__skill=data["skill"])
        if data["welsh"]:
            profiles = profiles.filter(delivers_in_welsh=True)
        employed = Employment.objects.filter(current_on(today(), "start_on", "end_on"))
        if data["council"]:
            profiles = profiles.filter(person_id__in=employed.filter(council=data["council"]).values("person_id"))
        if data["partnership"]:
            members = current_member_councils(data["partnership"]).values("pk")
            profiles = profiles.filter(person_id__in=employed.filter(council_id__in=members).values("person_id"))
        if data["days"] is not None:
            profiles = profiles.filter(available_days__gte=data["days"])
        if data["within"]:
            within = int(data["within"])
            if lat is None:
                form.add_error("within", _("Partnering does not know where you work, so it cannot measure distance. "
                                           "Your council's lead can set your work base."))
                within = None
    rows = list(profiles.distinct().select_related("person").prefetch_related("skills__skill").order_by("person__full_name", "pk"))
    places = {c.person_id: (c.lat, c.lon) for c in services.candidates(Profile.objects.filter(pk__in=[p.pk for p in rows]))}
    results = []
    for profile in rows:
        there = places.get(str(profile.person_id), (None, None))
        km = distance_km(lat, lon, *there) if lat is not None and there[0] is not None else None
        if within is not None and (km is None or km > within):
            continue
        results.append({"profile": profile, "km": round(km) if km is not None else None})
    if lat is not None:
        results.sort(key=lambda r: (r["km"] is None, r["km"] or 0))
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    councils_of = _councils_by_person([r["profile"].person_id for r in page.object_list])
    for row in page.object_list:
        row["councils"] = councils_of.get(row["profile"].person_id, [])
    return TemplateResponse(request, "directory/home.html", {
        "form": form, "page": page, "count": len(results), "base": base,
        "own_profile": services.profile_of(request.user),
        "can_manage_skills": access.can_manage_skills(scope),
        "waiting": Ask.objects.filter(person=request.user, status=Ask.Status.ASKED, request__status=HelpRequest.Status.OPEN,
                                      respond_by__gte=today()).count(),
    })


# --- Profiles --------------------------------------------------------------------------------------


def _skills_with_rights(scope, profile):
    skills = list(profile.skills.select_related("skill", "verified_by", "verified_council"))
    verifiable = bool(access.verifying_councils(scope, profile))
    return [{"held": held, "can_verify": verifiable} for held in skills]


@login_required
def profile_detail(request, pk):
    profile = access.profile_for(request.scope, pk)
    lat, lon, base = services.work_base_of(profile.person)
    return TemplateResponse(request, "directory/profile_detail.html", {
        "profile": profile, "person": profile.person, "skills": _skills_with_rights(request.scope, profile),
        "evidence": services.evidence_for(profile.person), "base": base,
        "councils": _councils_by_person([profile.person_id]).get(profile.person_id, []),
        "is_own": profile.person_id == request.user.pk,
    })


@login_required
def my_profile(request):
    profile = services.profile_of(request.user)
    form = ProfileForm(_posted(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        saved = _call(form, lambda: services.save_profile(actor=request.user, **form.cleaned_data))
        if saved is not None:
            messages.success(request, _("Your expertise profile is saved."))
            return redirect("directory:my-profile")
    lat, lon, base = services.work_base_of(request.user)
    return TemplateResponse(request, "directory/my_profile.html", {
        "form": form, "profile": profile, "base": base,
        "skills": list(profile.skills.select_related("skill", "verified_by")) if profile else [],
        "evidence": services.evidence_for(request.user),
    })


@login_required
def skill_add(request):
    form = SkillHeldForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.add_skill(actor=request.user, skill=data["skill"], depth=data["depth"], note=data["note"])):
            messages.success(request, _("%(skill)s is added to your profile.") % {"skill": data["skill"].name})
            return redirect("directory:my-profile")
    return TemplateResponse(request, "directory/form.html", {
        "form": form, "title": _("Add a skill"), "caption": _("Your expertise profile"), "button": _("Add the skill"),
        "back": ("directory:my-profile",), "back_label": _("Your expertise profile")})


@login_required
def skill_edit(request, pk):
    held = access.own_skill_for(request.scope, pk)
    form = SkillHeldForm(_posted(request), instance=held, editing=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.change_skill(actor=request.user, held=held, depth=data["depth"], note=data["note"])):
            messages.success(request, _("%(skill)s is changed.") % {"skill": held.skill.name})
            return redirect("directory:my-profile")
    return TemplateResponse(request, "directory/form.html", {
        "form": form, "title": _("Change %(skill)s") % {"skill": held.skill.name}, "caption": _("Your expertise profile"),
        "button": _("Save"), "back": ("directory:my-profile",), "back_label": _("Your expertise profile"),
        "intro": _("Changing the depth clears any verification, for your council's lead to look at again.") if held.verified else ""})


@login_required
@require_POST
def skill_remove(request, pk):
    held = access.own_skill_for(request.scope, pk)
    services.remove_skill(actor=request.user, held=held)
    messages.success(request, _("%(skill)s is taken off your profile.") % {"skill": held.skill.name})
    return redirect("directory:my-profile")


@login_required
@require_POST
def skill_verify(request, pk):
    held = access.verifiable_skill_for(request.scope, pk)
    verified = request.POST.get("verified", "yes") != "no"
    services.verify_skill(actor=request.user, held=held, verified=verified)
    person = held.profile.person
    if verified:
        messages.success(request, _("%(skill)s is verified for %(person)s.") % {"skill": held.skill.name, "person": person})
    else:
        messages.success(request, _("The verification of %(skill)s is taken back.") % {"skill": held.skill.name})
    return redirect("directory:profile-detail", person.pk)


# --- The taxonomy ----------------------------------------------------------------------------------


@login_required
def taxonomy(request):
    skills = access.skills_visible_to(request.scope).select_related("term").order_by("name")
    page = Paginator(skills, 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "directory/taxonomy.html", {
        "page": page, "can_manage": access.can_manage_skills(request.scope)})


def _skill_form(request, skill):
    form = SkillForm(_posted(request), instance=skill)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = _call(form, lambda: services.save_skill(actor=request.user, skill=skill, name=data["name"], welsh_name=data["welsh_name"],
                                                        term=data["term"], description=data["description"]))
        if saved is not None:
            messages.success(request, _("%(skill)s is saved in the taxonomy.") % {"skill": saved.name})
            return redirect("directory:taxonomy")
    return TemplateResponse(request, "directory/form.html", {
        "form": form, "title": _("Change a skill") if skill else _("Add a skill to the taxonomy"), "caption": _("Skills taxonomy"),
        "button": _("Save"), "back": ("directory:taxonomy",), "back_label": _("Skills taxonomy")})


@login_required
def taxonomy_create(request):
    if not access.can_manage_skills(request.scope):
        raise not_found()
    return _skill_form(request, None)


@login_required
def taxonomy_edit(request, pk):
    return _skill_form(request, access.skill_for_editing(request.scope, pk))


# --- Requests for help -----------------------------------------------------------------------------


@login_required
def requests(request):
    scope = request.scope
    made = access.requests_visible_to(scope).select_related("council", "partnership")
    if not scope.is_superuser:  # the requests they broker; those they are asked to help with are listed apart
        made = made.filter(Q(partnership_id__in=scope.coordinated_partnership_ids) | Q(council_id__in=scope.lead_council_ids))
    page = Paginator(made, PAGE_SIZE).get_page(request.GET.get("page"))
    asks = Ask.objects.filter(person=request.user).select_related("request__council").order_by("-asked_at")
    return TemplateResponse(request, "directory/requests.html", {
        "page": page, "asks": [{"ask": a, "overdue": services.is_overdue(a)} for a in asks],
        "partnerships": [p for p in access.request_partnerships_for(scope).order_by("name")
                         if access.request_councils_for(scope, p).exists()],
    })


@login_required
def request_create(request, slug):
    partnership = access.request_partnership_for(request.scope, slug)
    councils = access.request_councils_for(request.scope, partnership)
    form = RequestForm(_posted(request), councils=councils, initial={"council": councils.first()})
    if request.method == "POST" and form.is_valid():
        made = _call(form, lambda: services.create_request(actor=request.user, partnership=partnership, **form.cleaned_data))
        if made is not None:
            messages.success(request, _("Your request is made. The people who fit it best are below: ask one or more."))
            return redirect("directory:request-detail", made.pk)
    return TemplateResponse(request, "directory/form.html", {
        "form": form, "title": _("Ask for help"), "caption": partnership.name, "button": _("Make the request"),
        "back": ("directory:requests",), "back_label": _("Requests for help"),
        "intro": _("Say what help you need. Partnering suggests people listed in the partnership's councils, ranked by how well "
                   "they fit, and you choose whom to ask.")})


def _request_page(request, help_request, ask_form=None):
    scope = request.scope
    can_broker = access.can_broker(scope, help_request)
    asks = list(help_request.asks.select_related("person", "asked_by"))
    asked = {a.person_id for a in asks}
    matches = []
    labels = skill_labels()
    if can_broker and help_request.status == HelpRequest.Status.OPEN:
        found = services.matches_for(scope, help_request, top=PAGE_SIZE)
        people = Person.objects.in_bulk([int(m.person_id) for m in found])
        councils = _councils_by_person(list(people))
        matches = [{"match": m, "person": people[int(m.person_id)], "reasons": reasons_of(m, labels), "asked": int(m.person_id) in asked,
                    "councils": councils.get(int(m.person_id), [])} for m in found]
        if ask_form is None:
            ask_form = AskForm(people=[(m["person"].pk, str(m["person"])) for m in matches if not m["asked"]])
    own_ask = next((a for a in asks if a.person_id == request.user.pk), None)
    return TemplateResponse(request, "directory/request_detail.html", {
        "help_request": help_request, "can_broker": can_broker, "matches": matches, "ask_form": ask_form,
        "asks": [{"ask": a, "overdue": services.is_overdue(a), "reasons": stored_reasons(a, labels)} for a in asks],
        "own_ask": own_ask, "usage": services.tier_usage(help_request.partnership, help_request.council),
    })


@login_required
def request_detail(request, pk):
    return _request_page(request, access.request_for(request.scope, pk))


@login_required
@require_POST
def request_ask(request, pk):
    help_request = access.brokered_request_for(request.scope, pk)
    visible = access.candidates_for(request.scope, help_request).values_list("person_id", flat=True)
    people = [(person.pk, str(person)) for person in Person.objects.filter(pk__in=visible)]
    form = AskForm(request.POST, people=people)
    if form.is_valid():
        data = form.cleaned_data
        person = get_or_404(Person.objects.filter(pk__in=visible), pk=data["person"])
        ask = _call(form, lambda: services.ask_person(actor=request.user, request=help_request, person=person, message=data["message"],
                                                      respond_by=data["respond_by"]))
        if ask is not None:
            messages.success(request, _("%(person)s is asked, and has until %(date)s to answer.")
                             % {"person": person, "date": ask.respond_by.strftime("%d/%m/%Y")})
            return redirect("directory:request-detail", help_request.pk)
    return _request_page(request, help_request, ask_form=form)


@login_required
def ask_respond(request, pk):
    ask = access.own_ask_for(request.scope, pk)
    form = AnswerForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        answered = _call(form, lambda: services.answer_ask(actor=request.user, ask=ask, accept=data["answer"] == "accept", note=data["note"]))
        if answered is not None:
            messages.success(request, _("Thank you: whoever asked you is told.") if answered.status == Ask.Status.ACCEPTED
                             else _("Thank you for letting them know."))
            return redirect("directory:request-detail", ask.request_id)
    return TemplateResponse(request, "directory/ask_respond.html", {
        "ask": ask, "form": form, "overdue": services.is_overdue(ask), "reasons": stored_reasons(ask, skill_labels()),
        "open": ask.status == Ask.Status.ASKED and ask.request.status == HelpRequest.Status.OPEN})


@login_required
def request_outcome(request, pk):
    help_request = access.brokered_request_for(request.scope, pk)
    form = OutcomeForm(_posted(request), instance=help_request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        closed = _call(form, lambda: services.close_request(actor=request.user, request=help_request, outcome=data["outcome"],
                                                           days_used=data["days_used"], feedback=data["feedback"]))
        if closed is not None:
            messages.success(request, _("The outcome is recorded and the request is closed."))
            return redirect("directory:request-detail", help_request.pk)
    return TemplateResponse(request, "directory/form.html", {
        "form": form, "title": _("Record the outcome"), "caption": help_request.need, "button": _("Record and close"),
        "back": ("directory:request-detail", help_request.pk), "back_label": _("The request"),
        "intro": _("Closing the request withdraws any asks still waiting for an answer.")})


@login_required
@require_POST
def ask_withdraw(request, pk):
    ask = get_or_404(Ask.objects.filter(request__in=access.requests_visible_to(request.scope)).select_related("request", "person"), pk=pk)
    if not access.can_broker(request.scope, ask.request):
        raise not_found()
    try:
        services.withdraw_ask(actor=request.user, ask=ask)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The ask to %(person)s is withdrawn.") % {"person": ask.person})
    return redirect("directory:request-detail", ask.request_id)


@login_required
@require_POST
def request_reopen(request, pk):
    help_request = access.brokered_request_for(request.scope, pk)
    try:
        services.reopen_request(actor=request.user, request=help_request)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The request is open again; record the outcome when it is settled."))
    return redirect("directory:request-detail", help_request.pk)


# --- Support tiers ---------------------------------------------------------------------------------


@login_required
def tiers(request, slug):
    partnership = access.tier_partnership_for(request.scope, slug)
    placed = {ct.council_id: ct.tier for ct in CouncilTier.objects.filter(partnership=partnership).select_related("tier")}
    councils = current_member_councils(partnership).order_by("name")
    rows = [{"council": c, "usage": services.tier_usage(partnership, c)} for c in councils]
    return TemplateResponse(request, "directory/tiers.html", {
        "partnership": partnership, "tiers": partnership.support_tiers.all(), "rows": rows, "placed": placed,
        "can_manage": access.can_manage_tiers(request.scope, partnership)})


@login_required
def tier_create(request, slug):
    partnership = access.managed_tier_partnership_for(request.scope, slug)
    form = TierForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.create_tier(actor=request.user, partnership=partnership, **form.cleaned_data)):
            messages.success(request, _("The tier is added."))
            return redirect("directory:tiers", partnership.slug)
    return TemplateResponse(request, "directory/form.html", {
        "form": form, "title": _("Add a support tier"), "caption": partnership.name, "button": _("Add the tier"),
        "back": ("directory:tiers", partnership.slug), "back_label": _("Support tiers"),
        "intro": _("A level of need, such as green, yellow, amber or red, with the days of support a year a council in it may have.")})


@login_required
def tier_assign(request, slug):
    partnership = access.managed_tier_partnership_for(request.scope, slug)
    current = dict(CouncilTier.objects.filter(partnership=partnership).values_list("council_id", "tier_id"))
    form = CouncilTiersForm(_posted(request), councils=current_member_councils(partnership).order_by("name"),
                            tiers=partnership.support_tiers.all(), current=current)
    if request.method == "POST" and form.is_valid():
        changed = _call(form, lambda: services.set_council_tiers(actor=request.user, partnership=partnership, tiers=form.tiers()))
        if changed is not None:
            messages.success(request, _("Each council's tier is saved."))
            return redirect("directory:tiers", partnership.slug)
    return TemplateResponse(request, "directory/form.html", {
        "form": form, "title": _("Each council's tier"), "caption": partnership.name, "button": _("Save"),
        "back": ("directory:tiers", partnership.slug), "back_label": _("Support tiers")})


@login_required
@require_POST
def tier_remove(request, pk):
    tier = access.managed_tier_for(request.scope, pk)
    services.remove_tier(actor=request.user, tier=tier)
    messages.success(request, _("The tier %(name)s is taken away; its councils have no tier now.") % {"name": tier.name})
    return redirect("directory:tiers", tier.partnership.slug)
