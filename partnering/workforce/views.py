import datetime
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import workforce as access
from partnering.access.scope import get_or_404, not_found
from partnering.core.downloads import download_response
from partnering.people.models import Person
from partnering.reference.spreadsheets import csv_bytes, xlsx_bytes
from partnering.reference.years import current_financial_year, financial_year_label

from . import services
from .forms import (
    AgreeForm,
    BalancesForm,
    DecideForm,
    EntryForm,
    EvaluationForm,
    HarmoniseForm,
    PostForm,
    RecruitmentForm,
    SecondmentForm,
    ShareForm,
    StartPeriodForm,
    TermsForm,
    UnlockForm,
)
from .models import PostShare, Recruitment, Secondment, Timesheet
from .services import Refused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def _form_page(request, form, *, title, caption, button, back, back_label, intro="", template="workforce/form.html", **extra):
    return TemplateResponse(request, template, {"form": form, "title": title, "caption": caption, "button": button, "back": back,
                                                "back_label": back_label, "intro": intro, **extra})


def _people_in(partnership):
    return Person.objects.filter(employments__council__in=access.member_councils(partnership)).distinct().order_by("full_name")


@login_required
def home(request):
    scope = request.scope
    return TemplateResponse(request, "workforce/home.html", {
        "partnerships": access.workforce_partnerships_for(scope).order_by("name"),
        "posts": access.posts_visible_to(scope).filter(person_id=scope.person_id).select_related("partnership", "employer"),
        "secondments": access.secondments_visible_to(scope).filter(person_id=scope.person_id).select_related("home", "host"),
        "to_approve": len(access.timesheets_to_approve(scope)),
    })


@login_required
def partnership(request, slug):
    partnership = access.workforce_partnership_for(request.scope, slug)
    scope = request.scope
    return TemplateResponse(request, "workforce/partnership.html", {
        "partnership": partnership,
        "posts": access.posts_visible_to(scope).filter(partnership=partnership).select_related("employer", "person")
        .prefetch_related("shares__council"),
        "secondments": access.secondments_visible_to(scope).filter(partnership=partnership).select_related("home", "host", "person"),
        "recruitments": access.recruitments_visible_to(scope).filter(partnership=partnership).select_related("host"),
        "families": services.role_families(partnership),
        "can_arrange": access.arranging_councils_for(scope, partnership).exists(),
        "can_recruit": access.can_manage_recruitment(scope, partnership),
        "every_council": access.reads_every_council(scope, partnership),
    })


# --- Shared posts ---------------------------------------------------------------------------------------------------


@login_required
def post_create(request, slug):
    partnership = access.arranging_partnership_for(request.scope, slug)
    councils = access.arranging_councils_for(request.scope, partnership)
    form = PostForm(request.POST or None, councils=councils, people=_people_in(partnership),
                    initial={"start_on": timezone.localdate(), "employer": councils.first()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        post = _call(form, lambda: services.create_post(actor=request.user, partnership=partnership, **data))
        if post is not None:
            messages.success(request, _("Shared post recorded. Now add the split of its time."))
            return redirect("workforce:post-detail", post.pk)
    return _form_page(request, form, title=_("Record a shared post"), caption=partnership.name, button=_("Record the post"),
                      back=("workforce:partnership", partnership.slug), back_label=_("Shared staff"))


def _year(request):
    current = current_financial_year()
    try:
        year = int(request.GET.get("year", current))
    except ValueError:
        year = current
    return year if 2000 <= year <= 2100 else current


@login_required
def post_detail(request, pk):
    post = access.post_for(request.scope, pk)
    year = _year(request)
    can_change = access.can_change_post(request.scope, post)
    return TemplateResponse(request, "workforce/post_detail.html", {
        "post": post, "year": year, "year_label": financial_year_label(year), "figures": services.post_figures(post, year),
        "years": [(y, financial_year_label(y)) for y in range(current_financial_year() + 1, current_financial_year() - 4, -1)],
        "can_change": can_change,
        "share_form": ShareForm(councils=access.member_councils(post.partnership)) if can_change else None,
        "timesheets": Timesheet.objects.filter(partnership=post.partnership, person=post.person).filter(
            pk__in=access.timesheets_visible_to(request.scope).values("pk")).order_by("-start_on")[:10],
    })


@login_required
def post_share(request, pk):
    post = access.changeable_post_for(request.scope, pk)
    form = ShareForm(request.POST or None, councils=access.member_councils(post.partnership))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        share = _call(form, lambda: services.add_share(actor=request.user, post=post, council=data["council"], funder=data["funder"],
                                                        days=data["days"]))
        if share is not None:
            messages.success(request, _("Added to the split."))
            return redirect("workforce:post-detail", post.pk)
    return _form_page(request, form, title=_("Add to the split"), caption=post.title, button=_("Add"),
                      back=("workforce:post-detail", post.pk), back_label=post.title)


@login_required
@require_POST
def share_remove(request, pk):
    share = get_or_404(PostShare.objects.filter(post__in=access.posts_visible_to(request.scope)).select_related("post"), pk=pk)
    if not access.can_change_post(request.scope, share.post):
        raise not_found()
    services.remove_share(actor=request.user, share=share)
    messages.success(request, _("Taken out of the split."))
    return redirect("workforce:post-detail", share.post_id)


# --- Secondments -----------------------------------------------------------------------------------------------------


def _secondment_values(data):
    return {k: v for k, v in data.items() if k in services.SECONDMENT_FIELDS}


@login_required
def secondment_create(request, slug):
    partnership = access.arranging_partnership_for(request.scope, slug)
    councils = access.arranging_councils_for(request.scope, partnership)
    form = SecondmentForm(request.POST or None, councils=councils, hosts=access.member_councils(partnership),
                          people=_people_in(partnership), initial={"home": councils.first(), "start_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        secondment = _call(form, lambda: services.create_secondment(actor=request.user, partnership=partnership, person=data["person"],
                                                                     home=data["home"], **_secondment_values(data)))
        if secondment is not None:
            messages.success(request, _("Secondment recorded."))
            return redirect("workforce:secondment-detail", secondment.pk)
    return _form_page(request, form, title=_("Record a secondment"), caption=partnership.name, button=_("Record the secondment"),
                      back=("workforce:partnership", partnership.slug), back_label=_("Shared staff"))


@login_required
def secondment_detail(request, pk):
    secondment = access.secondment_for(request.scope, pk)
    days_left = (secondment.end_on - timezone.localdate()).days
    return TemplateResponse(request, "workforce/secondment_detail.html", {
        "secondment": secondment, "days_left": days_left, "ending_soon": 0 <= days_left <= secondment.remind_days,
        "can_change": access.can_change_secondment(request.scope, secondment),
        "employments": secondment.person.employments.filter(council_id__in=secondment.council_ids).select_related("council"),
    })


@login_required
def secondment_edit(request, pk):
    secondment = access.changeable_secondment_for(request.scope, pk)
    form = SecondmentForm(request.POST or None, instance=secondment, councils=None, editing=True,
                          hosts=access.member_councils(secondment.partnership), people=_people_in(secondment.partnership))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.update_secondment(actor=request.user, secondment=Secondment.objects.get(pk=secondment.pk),
                                                           **_secondment_values(data))) is not None:
            messages.success(request, _("Secondment updated."))
            return redirect("workforce:secondment-detail", secondment.pk)
    return _form_page(request, form, title=_("Change the secondment"), caption=str(secondment), button=_("Save"),
                      back=("workforce:secondment-detail", secondment.pk), back_label=str(secondment))


# --- Time --------------------------------------------------------------------------------------------------------------


def _jobs(person):
    """(partnership, council) pairs the person records time for: each current employer in each of its partnerships."""
    from partnering.organisations.models import Membership

    councils = {e.council_id: e.council for e in person.employments.current().select_related("council")}
    memberships = Membership.objects.filter(council_id__in=councils).select_related("partnership").order_by("partnership__name")
    return [(m.partnership, councils[m.council_id]) for m in memberships]


@login_required
def my_time(request):
    jobs = _jobs(request.user)
    form = StartPeriodForm(request.POST or None, jobs=jobs, initial={"day": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        partnership, council = form.cleaned_data["job"]
        timesheet = _call(form, lambda: services.start_timesheet(actor=request.user, partnership=partnership, council=council,
                                                                  period=form.cleaned_data["period"], day=form.cleaned_data["day"]))
        if timesheet is not None:
            return redirect("workforce:timesheet", timesheet.pk)
    timesheets = Timesheet.objects.filter(person=request.user).select_related("partnership", "council").order_by("-start_on")
    return TemplateResponse(request, "workforce/my_time.html", {
        "form": form if jobs else None, "page": Paginator(timesheets, 20).get_page(request.GET.get("page")),
    })


@login_required
def timesheet(request, pk):
    sheet = access.timesheet_for(request.scope, pk)
    mine = sheet.person_id == request.scope.person_id
    councils = access.member_councils(sheet.partnership)
    from partnering.community.models import Group

    groups = Group.objects.filter(pk__in=request.scope.group_ids).order_by("name")  # the groups they are a member of
    form = None
    if mine:
        form = EntryForm(request.POST or None, councils=councils, groups=groups, initial={"date": sheet.start_on, "for_council": sheet.council})
        if request.method == "POST":
            if sheet.locked:
                messages.error(request, _("This period is %(status)s: it cannot be changed.") % {"status": sheet.get_status_display().lower()})
                return redirect("workforce:timesheet", sheet.pk)
            if form.is_valid():
                data = form.cleaned_data
                if _call(form, lambda: services.add_entry(actor=request.user, timesheet=sheet, **data)) is not None:
                    messages.success(request, _("Time recorded."))
                    return redirect("workforce:timesheet", sheet.pk)
    elif request.method == "POST":
        raise not_found()
    entries = sheet.entries.select_related("for_council", "group")
    return TemplateResponse(request, "workforce/timesheet.html", {
        "sheet": sheet, "entries": entries, "total": sum((e.hours for e in entries), Decimal(0)), "form": form if mine and not sheet.locked else None,
        "mine": mine, "can_decide": access.approves(request.scope, sheet) and sheet.status == Timesheet.Status.SUBMITTED,
        "decide_form": DecideForm(), "can_unlock": access.can_unlock(request.scope, sheet) and sheet.status == Timesheet.Status.APPROVED,
        "unlocks": sheet.unlocks.select_related("by"),
    })


@login_required
@require_POST
def timesheet_submit(request, pk):
    sheet = access.own_timesheet_for(request.scope, pk)
    try:
        services.submit_timesheet(actor=request.user, timesheet=sheet)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Submitted to your line manager for approval."))
    return redirect("workforce:timesheet", sheet.pk)


@login_required
@require_POST
def entry_remove(request, pk):
    entry = access.own_entry_for(request.scope, pk)
    try:
        services.remove_entry(actor=request.user, entry=entry)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Entry taken away."))
    return redirect("workforce:timesheet", entry.timesheet_id)


@login_required
@require_POST
def timesheet_decide(request, pk):
    sheet = access.decidable_timesheet_for(request.scope, pk)
    form = DecideForm(request.POST)
    if form.is_valid():
        approve = form.cleaned_data["decision"] == "approve"
        if _call(form, lambda: services.decide_timesheet(actor=request.user, timesheet=sheet, approve=approve,
                                                          comment=form.cleaned_data["comment"])) is not None:
            messages.success(request, _("Approved and locked.") if approve else _("Returned for changes."))
            if request.POST.get("next") == "approvals":
                return redirect("workforce:approvals")
            return redirect("workforce:timesheet", sheet.pk)
    entries = sheet.entries.select_related("for_council", "group")
    return TemplateResponse(request, "workforce/timesheet.html", {
        "sheet": sheet, "entries": entries, "total": sum((e.hours for e in entries), Decimal(0)), "form": None, "mine": False,
        "can_decide": sheet.status == Timesheet.Status.SUBMITTED, "decide_form": form, "can_unlock": False,
        "unlocks": sheet.unlocks.select_related("by"),
    })


@login_required
def timesheet_unlock(request, pk):
    sheet = access.unlockable_timesheet_for(request.scope, pk)
    if sheet.status != Timesheet.Status.APPROVED:
        messages.error(request, _("Only an approved period is locked."))
        return redirect("workforce:timesheet", sheet.pk)
    form = UnlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _call(form, lambda: services.unlock_timesheet(actor=request.user, timesheet=sheet, reason=form.cleaned_data["reason"])):
            messages.success(request, _("The period is open again. The reason is kept in its history."))
            return redirect("workforce:timesheet", sheet.pk)
    return _form_page(request, form, title=_("Unlock an approved period"), caption=str(sheet), button=_("Unlock"),
                      back=("workforce:timesheet", sheet.pk), back_label=str(sheet))


@login_required
def approvals(request):
    return TemplateResponse(request, "workforce/approvals.html", {"timesheets": access.timesheets_to_approve(request.scope),
                                                                  "decide_form": DecideForm()})


def _balances_form(request):
    current = current_financial_year()
    years = [(y, financial_year_label(y)) for y in range(current + 1, current - 5, -1)]
    form = BalancesForm(request.GET or None, years=years, initial={"year": current})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["year"], form.cleaned_data["rate"]
    return form, current, None


@login_required
def balances(request, slug):
    partnership = access.workforce_partnership_for(request.scope, slug)
    form, year, rate = _balances_form(request)
    start, end = services.period_of(year)
    every = access.reads_every_council(request.scope, partnership)
    figures = services.time_balances(partnership, start, end, rate=rate,
                                     councils=None if every else access.councils_readable_by(request.scope, partnership))
    chart = {"label": _("Net hours given (+) or received (−), %(year)s") % {"year": financial_year_label(year)},
             "labels": [r["council"].short_name or r["council"].name for r in figures["councils"]],
             "values": [float(r["net"]) for r in figures["councils"]]}
    return TemplateResponse(request, "workforce/balances.html", {
        "partnership": partnership, "form": form, "year": year, "year_label": financial_year_label(year), "rate": rate,
        "figures": figures, "every_council": every, "chart": chart,
        "people": Paginator(figures["people"], 25).get_page(request.GET.get("page")),
    })


@login_required
def time_export(request, slug, fmt):
    partnership = access.workforce_partnership_for(request.scope, slug)
    if fmt not in ("xlsx", "csv"):
        raise not_found()
    _form, year, _rate = _balances_form(request)
    start, end = services.period_of(year)
    every = access.reads_every_council(request.scope, partnership)
    entries = services.approved_entries(partnership, start, end, None if every else access.councils_readable_by(request.scope, partnership))
    headers = [_("Date"), _("Person"), _("Employing council"), _("For council"), _("Group"), _("Project or activity"), _("Hours"),
               _("Cover for absence")]
    rows = [[e.date.isoformat(), e.timesheet.person.full_name, e.timesheet.council.name, e.for_council.name if e.for_council else "",
             e.group.name if e.group else "", e.activity, f"{e.hours:.2f}", _("yes") if e.cover else _("no")] for e in entries]
    name = f"{partnership.name} {financial_year_label(year).replace('/', '-')} {_('approved time')}"
    if fmt == "csv":
        return download_response(csv_bytes(headers, rows), f"{name}.csv", "text/csv; charset=utf-8")
    figures = services.time_balances(partnership, start, end, councils=None if every else access.councils_readable_by(request.scope, partnership))
    balance_rows = [[r["council"].name, r["given"], r["received"], r["net"], r["cover_given"], r["cover_received"]] for r in figures["councils"]]
    return download_response(xlsx_bytes([
        (_("Approved time"), headers, [[*row[:6], Decimal(row[6]), row[7]] for row in rows]),
        (_("Give and get"), [_("Council"), _("Hours given"), _("Hours received"), _("Net hours given"), _("Cover given"), _("Cover received")],
         balance_rows),
    ]), f"{name}.xlsx", XLSX)


# --- Joint recruitment ---------------------------------------------------------------------------------------------


@login_required
def recruitment_create(request, slug):
    partnership = access.workforce_partnership_for(request.scope, slug)
    if not access.can_manage_recruitment(request.scope, partnership):
        raise not_found()
    form = RecruitmentForm(request.POST or None, councils=access.member_councils(partnership))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        recruitment = _call(form, lambda: services.create_recruitment(
            actor=request.user, partnership=partnership, title=data["title"], job_description=data["job_description"],
            person_specification=data["person_specification"], councils=data["councils"]))
        if recruitment is not None:
            messages.success(request, _("Joint recruitment started. Each partner now records its job evaluation."))
            return redirect("workforce:recruitment", recruitment.pk)
    return _form_page(request, form, title=_("Start a joint recruitment"), caption=partnership.name, button=_("Start"),
                      back=("workforce:partnership", partnership.slug), back_label=_("Shared staff"))


@login_required
def recruitment(request, pk):
    recruitment = access.recruitment_for(request.scope, pk)
    partners = list(recruitment.partners.select_related("council", "signed_off_by"))
    signable = set(access.signing_partners_for(request.scope, recruitment).values_list("pk", flat=True))
    return TemplateResponse(request, "workforce/recruitment.html", {
        "recruitment": recruitment, "partners": partners, "signable": signable,
        "can_manage": access.can_manage_recruitment(request.scope, recruitment),
        "can_evaluate": access.evaluating_partners_for(request.scope, recruitment).exists(),
        "missing": services.missing_for_sign_off(recruitment),
        "all_signed": all(p.signed_off_at for p in partners),
        "draft": recruitment.status == Recruitment.Status.DRAFT,
    })


@login_required
def recruitment_edit(request, pk):
    recruitment = access.managed_recruitment_for(request.scope, pk)
    councils = access.member_councils(recruitment.partnership).filter(pk__in=recruitment.partners.values("council_id"))
    form = AgreeForm(request.POST or None, instance=recruitment, councils=councils)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.agree_recruitment(actor=request.user, recruitment=Recruitment.objects.get(pk=recruitment.pk),
                                                           **data)) is not None:
            messages.success(request, _("What was agreed is saved. A change to it asks every partner to sign off again."))
            return redirect("workforce:recruitment", recruitment.pk)
    return _form_page(request, form, title=_("What was agreed"), caption=recruitment.title, button=_("Save"),
                      back=("workforce:recruitment", recruitment.pk), back_label=recruitment.title,
                      intro=_("The host council (a funder may require a lead authority), whose terms and conditions apply, the agreed "
                              "grade and pay range, and why. Every partner signs off before the post is advertised."))


@login_required
def evaluation(request, pk):
    recruitment = access.evaluating_recruitment_for(request.scope, pk)
    partners = access.evaluating_partners_for(request.scope, recruitment)
    form = EvaluationForm(request.POST or None, partners=partners, initial={"partner": partners.first()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _call(form, lambda: services.evaluate(actor=request.user, partner=data["partner"], scheme=data["scheme"],
                                                  points=data["points"], grade=data["grade"])) is not None:
            messages.success(request, _("Job evaluation recorded."))
            return redirect("workforce:recruitment", recruitment.pk)
    return _form_page(request, form, title=_("Record a job evaluation"), caption=recruitment.title, button=_("Save"),
                      back=("workforce:recruitment", recruitment.pk), back_label=recruitment.title,
                      intro=_("The points and grade this council's own scheme gives the post."))


@login_required
@require_POST
def sign_off(request, pk):
    recruitment = access.signing_recruitment_for(request.scope, pk)
    partner = access.signing_partners_for(request.scope, recruitment).filter(pk=request.POST.get("partner") or 0).first()
    if partner is None:
        messages.error(request, _("Choose the council you are signing off for."))
        return redirect("workforce:recruitment", recruitment.pk)
    try:
        services.sign_off(actor=request.user, partner=partner)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Signed off for %(council)s.") % {"council": partner.council.name})
    return redirect("workforce:recruitment", recruitment.pk)


@login_required
@require_POST
def advertise(request, pk):
    recruitment = access.managed_recruitment_for(request.scope, pk)
    try:
        services.advertise(actor=request.user, recruitment=recruitment)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Marked as advertised. The advert pack is ready to download."))
    return redirect("workforce:recruitment", recruitment.pk)


@login_required
def advert_pack(request, pk):
    recruitment = access.recruitment_for(request.scope, pk)
    from partnering.core.pdf import render_pdf  # loads Pango: only when a PDF is asked for

    title = _("Advert pack: %(title)s") % {"title": recruitment.title}
    pdf = render_pdf("workforce/advert_pdf.html", {"recruitment": recruitment, "today": datetime.date.today(),
                                                   "partners": recruitment.partners.select_related("council")}, title)
    return download_response(pdf, f"{recruitment.title} – {_('advert pack')}.pdf", "application/pdf")


# --- Terms and harmonisation --------------------------------------------------------------------------------------


@login_required
def terms(request, slug):
    partnership = access.terms_partnership_for(request.scope, slug)
    families = services.role_families(partnership)
    family = request.GET.get("family") if request.GET.get("family") in families else (families[0] if families else None)
    return TemplateResponse(request, "workforce/terms.html", {
        "partnership": partnership, "families": families, "family": family,
        "table": services.side_by_side(partnership, family) if family else None,
        "can_edit": access.arranging_councils_for(request.scope, partnership).exists(),
    })


@login_required
def terms_edit(request, slug):
    partnership = access.arranging_partnership_for(request.scope, slug)
    councils = access.arranging_councils_for(request.scope, partnership)
    form = TermsForm(request.POST or None, councils=councils, initial={"council": councils.first()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        council, family, pay = data.pop("council"), data.pop("role_family"), data.pop("pay")
        saved = _call(form, lambda: services.save_terms(actor=request.user, partnership=partnership, council=council, role_family=family,
                                                         pay=pay, **data))
        if saved is not None:
            messages.success(request, _("Terms saved for %(council)s.") % {"council": council.name})
            return redirect(f"{reverse('workforce:terms', args=[partnership.slug])}?{urlencode({'family': family})}")
    return _form_page(request, form, title=_("Record a council's terms"), caption=partnership.name, button=_("Save the terms"),
                      back=("workforce:terms", partnership.slug), back_label=_("Terms side by side"),
                      intro=_("Saving a council's terms for a role family again replaces what it had."))


@login_required
def harmonise(request, slug):
    partnership = access.terms_partnership_for(request.scope, slug)
    families = services.role_families(partnership)
    councils = sorted({t.council.name for t in partnership.council_terms.select_related("council")})
    form = HarmoniseForm(request.GET or None, families=families, councils=councils,
                         initial={"role_family": families[0] if families else None, "to": "up", "on_cost": Decimal("0")})
    model, chosen = None, None
    if families:
        if form.is_bound and form.is_valid():
            chosen = form.cleaned_data
        elif not form.is_bound:
            chosen = {"role_family": families[0], "to": "up", "on_cost": Decimal("0")}
    if chosen:
        model = services.harmonisation(partnership, chosen["role_family"], chosen["to"], chosen["on_cost"])
    chart = None
    if model and model["options"]:
        labels, values = [], []
        for option, out in model["options"].items():
            if "error" in out:
                continue
            labels.append({"up": _("Up"), "median": _("Median"), "down": _("Down")}.get(option, option))
            values.append(float(Decimal(out["total_change"])))
        chart = {"label": _("Annual change in pay bill by option (£)"), "labels": labels, "values": values}
    escalation = None
    if model and model["options"].get("up", {}).get("total_change") and model["options"].get("median", {}).get("total_change"):
        escalation = Decimal(model["options"]["up"]["total_change"]) - Decimal(model["options"]["median"]["total_change"])
    return TemplateResponse(request, "workforce/harmonise.html", {
        "partnership": partnership, "form": form, "model": model, "chosen": chosen, "chart": chart, "escalation": escalation,
        "options": [(k, v) for k, v in (model["options"].items() if model else [])],
    })
