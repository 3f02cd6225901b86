import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max, Min
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import costs as access
from partnering.access.scope import get_or_404, not_found
from partnering.core.downloads import download_response
from partnering.organisations.models import Council
from partnering.organisations.selectors import current_member_councils
from partnering.reference.spreadsheets import csv_bytes, xlsx_bytes
from partnering.reference.years import current_financial_year

from . import services
from .forms import (
    ENTITLEMENT_FORMS,
    PACKAGE_FORMS,
    BasisForm,
    CostForm,
    EntitlementForm,
    PackageForm,
    PoolForm,
    TermsForm,
    YearForm,
)
from .models import Amendment, Claim, CostPool, PoolBasis
from .services import Refused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _refuse(form, refusal: Refused):
    form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))


def _call(form, operation):
    """Run a service for a valid form; a refusal or model validation error becomes the form's error."""
    try:
        return operation()
    except Refused as refusal:
        _refuse(form, refusal)
    except ValidationError as error:
        for name, problems in error.update_error_dict({}).items():
            form.add_error(name if name in form.fields else None, problems)
    return None


def _years(partnership) -> list[tuple[int, str]]:
    """Financial years with anything recorded (a basis or cost may be dated ahead, a package may run on), and the
    current one, newest first."""
    current = current_financial_year()
    dates = [
        *CostPool.objects.filter(partnership=partnership).aggregate(
            Min("costs__date"), Max("costs__date"), Min("bases__effective_from"), Max("bases__effective_from")).values(),
        *partnership.funding_packages.aggregate(Min("start_date"), Max("end_date")).values(),
        # shared posts' recharges and approved time (workforce) appear on the statements of the years they run
        *partnership.shared_posts.aggregate(Min("start_on")).values(), *partnership.timesheets.aggregate(Min("start_on")).values(),
    ]
    years = {d.year if d.month >= 4 else d.year - 1 for d in dates if d} | {current}
    return [(year, services.year_label(year)) for year in range(max(years), min(years) - 1, -1)]


def _year(request, partnership) -> tuple[int, YearForm]:
    """The year asked for, or the current financial year."""
    years = _years(partnership)
    current = current_financial_year()
    form = YearForm(request.GET or None, years=years, initial={"year": current})
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else current
    return year, form


@login_required
def home(request):
    partnerships = access.partnerships_with_costs_for(request.scope).order_by("name")
    return TemplateResponse(request, "costs/home.html", {"partnerships": partnerships})


@login_required
def partnership(request, slug):
    partnership = access.costs_partnership_for(request.scope, slug)
    year, year_form = _year(request, partnership)
    return TemplateResponse(request, "costs/partnership.html", {
        "partnership": partnership, "year": year, "year_label": services.year_label(year), "year_form": year_form,
        "totals": services.partnership_totals(partnership, year),
        "statement_councils": access.statement_councils_for(request.scope, partnership),
        "can_manage": access.can_manage_costs(request.scope, partnership),
    })


# --- Cost pools ----------------------------------------------------------------------------------


@login_required
def pool_create(request, slug):
    partnership = access.managed_costs_partnership_for(request.scope, slug)
    councils = current_member_councils(partnership).order_by("name")
    form = PoolForm(request.POST or None, partnership=partnership, councils=councils, initial={"councils": councils})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pool = _call(form, lambda: services.create_pool(
            partnership=partnership, actor=request.user, name=data["name"], purpose=data["purpose"], councils=list(data["councils"]),
            description=data["description"], course=data["course"], tolerance=data["tolerance"]))
        if pool is not None:
            messages.success(request, _("Cost pool set up. Now agree how it is split."))
            return redirect("costs:pool-basis", pool.pk)
    return TemplateResponse(request, "costs/form.html", {
        "form": form, "title": _("Set up a cost pool"), "caption": partnership.name, "button": _("Set up the pool"),
        "back": ("costs:partnership", partnership.slug), "back_label": _("Shared costs")})


@login_required
def pool_detail(request, pk):
    pool = access.pool_for(request.scope, pk)
    year, year_form = _year(request, pool.partnership)
    start, end = services.period_of(year)
    period = _own_figures(request.scope, pool.partnership, services.pool_period(pool, start, end))
    readable = access.council_figures_readable_by(request.scope, pool.partnership)
    removable = {cost.pk for cost in pool.costs.all() if access.can_remove_cost(request.scope, cost)}
    return TemplateResponse(request, "costs/pool_detail.html", {
        "every_council": access.reads_every_council(request.scope, pool.partnership),
        "pool": pool, "period": period, "year": year, "year_label": services.year_label(year), "year_form": year_form,
        "bases": pool.bases.prefetch_related("figures__council").select_related("recorded_by"),
        "members": pool.members.select_related("council"),
        "costs": pool.costs.filter(date__range=(start, end), paid_by__in=readable).select_related("paid_by", "recorded_by"),
        "removable": removable,
        "can_manage": access.can_manage_costs(request.scope, pool.partnership),
        "can_record": access.can_record_cost(request.scope, pool),
        "chart": {"label": _("Each council's share, %(year)s (£)") % {"year": services.year_label(year)},
                  "labels": [row["council"].short_name or row["council"].name for row in period.rows],
                  "values": [float(row["share"]) for row in period.rows]},
    })


@login_required
def pool_terms(request, pk):
    pool = access.managed_pool_for(request.scope, pk)
    form = TermsForm(request.POST or None, pool=pool)
    if request.method == "POST" and form.is_valid():
        def save():
            services.set_member_terms(pool=pool, actor=request.user, terms=form.terms())
            pool.tolerance = form.cleaned_data["tolerance"]
            pool.save(update_fields=["tolerance"])
            return pool

        if _call(form, save) is not None:
            messages.success(request, _("Each council's terms are saved."))
            return redirect("costs:pool-detail", pool.pk)
    return TemplateResponse(request, "costs/form.html", {
        "form": form, "title": _("Costs on their own, caps and floors"), "caption": pool.name, "button": _("Save"),
        "back": ("costs:pool-detail", pool.pk), "back_label": pool.name,
        "intro": _("What each council would pay on its own shows the saving sharing brings. A cap or floor limits a council's share "
                   "of a period; the rest is shared among the others by the same basis.")})


@login_required
def pool_basis(request, pk):
    pool = access.managed_pool_for(request.scope, pk)
    form = BasisForm(request.POST or None, pool=pool, initial={"effective_from": timezone.localdate()})
    held = {}
    for measure in (PoolBasis.Measure.HEADCOUNT, PoolBasis.Measure.PLACES_BOOKED, PoolBasis.Measure.PLACES_ATTENDED):
        try:
            held[measure] = services.figures_from_partnering(pool, measure, timezone.localdate())
        except Refused:
            continue
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def save():
            if data["measure"] == PoolBasis.Measure.TYPED:
                figures = form.typed_figures()
            else:
                figures = {}
                for figure in services.figures_from_partnering(pool, data["measure"], data["effective_from"]):
                    if figure.value is None and data["basis"] != PoolBasis.Basis.EQUAL:
                        raise Refused(_("Partnering holds no figure for %(council)s: type the figures in instead.")
                                      % {"council": figure.council}, "measure")
                    figures[figure.council.pk] = (figure.value, figure.source, figure.as_of)
            return services.set_basis(pool=pool, actor=request.user, effective_from=data["effective_from"], basis=data["basis"],
                                      measure=data["measure"], measure_label=data["measure_label"], equal_weight=data["equal_weight"],
                                      note=data["note"], figures=figures)

        if _call(form, save) is not None:
            messages.success(request, _("The basis is saved. Costs from %(date)s are shared this way.") % {"date": data["effective_from"]})
            return redirect("costs:pool-detail", pool.pk)
    return TemplateResponse(request, "costs/basis_form.html", {
        "form": form, "pool": pool, "held": [(PoolBasis.Measure(m).label, figures) for m, figures in held.items()]})


@login_required
@require_POST
def basis_remove(request, pk):
    basis = get_or_404(PoolBasis.objects.filter(pool__in=access.pools_visible_to(request.scope)).select_related("pool__partnership"), pk=pk)
    if not access.can_manage_costs(request.scope, basis.pool.partnership):
        raise not_found()
    try:
        services.remove_basis(basis=basis, actor=request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The basis from %(date)s is taken away.") % {"date": basis.effective_from})
    return redirect("costs:pool-detail", basis.pool_id)


@login_required
def cost_add(request, pk):
    pool = access.pool_for_recording(request.scope, pk)
    councils = access.councils_paying_for(request.scope, pool)
    form = CostForm(request.POST or None, councils=councils, initial={"date": timezone.localdate(), "paid_by": councils.first()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        cost = _call(form, lambda: services.record_cost(pool=pool, actor=request.user, paid_by=data["paid_by"], date=data["date"],
                                                         amount=data["amount"], kind=data["kind"], description=data["description"]))
        if cost is not None:
            messages.success(request, _("Cost recorded."))
            year = cost.date.year if cost.date.month >= 4 else cost.date.year - 1
            return redirect(f"{reverse('costs:pool-detail', args=[pool.pk])}?year={year}")
    return TemplateResponse(request, "costs/form.html", {
        "form": form, "title": _("Record a cost"), "caption": pool.name, "button": _("Record the cost"),
        "back": ("costs:pool-detail", pool.pk), "back_label": pool.name,
        "intro": _("A cost one council paid on behalf of the pool. At the end of the period each council's share is worked out "
                   "and whoever paid more than its share is recharged by the others.")})


@login_required
@require_POST
def cost_remove(request, pk):
    cost = access.removable_cost_for(request.scope, pk)
    services.remove_cost(cost=cost, actor=request.user)
    messages.success(request, _("The cost “%(description)s” is taken away.") % {"description": cost.description})
    return redirect("costs:pool-detail", cost.pool_id)


def _own_figures(scope, partnership, period):
    """The period with only the councils whose own figures the scope reads (a lead: their council's); totals stay whole."""
    if access.reads_every_council(scope, partnership):
        return period
    readable = access.council_figures_readable_by(scope, partnership)
    period.rows = [row for row in period.rows if row["council"].pk in readable]
    period.recharges = [r for r in period.recharges if r["payer"].pk in readable or r["payee"].pk in readable]
    if period.savings is not None:
        slugs = {row["council"].slug for row in period.rows}
        period.savings = {**period.savings, "councils": {k: v for k, v in period.savings["councils"].items() if k in slugs}}
    return period


def _recharge_rows(pool, period):
    label = _("%(pool)s, %(start)s to %(end)s") % {"pool": pool.name, "start": period.start, "end": period.end}
    return [[r["payee"].name, r["payer"].name, r["amount"], label] for r in period.recharges]


@login_required
def recharges(request, pk, fmt):
    pool = access.pool_for(request.scope, pk)
    if fmt not in ("xlsx", "csv"):
        raise not_found()
    year, _form = _year(request, pool.partnership)
    period = _own_figures(request.scope, pool.partnership, services.pool_period(pool, *services.period_of(year)))
    if period.error:
        messages.error(request, _("The recharges cannot be worked out: %(error)s") % {"error": period.error})
        return redirect("costs:pool-detail", pool.pk)
    headers = [_("Invoicing council"), _("Council invoiced"), _("Amount (£)"), _("For")]
    name = f"{pool.name} {services.year_label(year).replace('/', '-')} {_('recharges')}"
    if fmt == "csv":
        rows = [[a, b, f"{amount:.2f}", c] for a, b, amount, c in _recharge_rows(pool, period)]
        return download_response(csv_bytes(headers, rows), f"{name}.csv", "text/csv; charset=utf-8")
    balances = [[row["council"].name, row["share"], row["paid"], row["balance"]] for row in period.rows]
    return download_response(xlsx_bytes([
        (_("Recharges"), headers, _recharge_rows(pool, period)),
        (_("Balances"), [_("Council"), _("Share (£)"), _("Paid (£)"), _("Balance (£)")], balances),
    ]), f"{name}.xlsx", XLSX)


# --- Funding packages ---------------------------------------------------------------------------------


@login_required
def package_create(request, slug):
    partnership = access.managed_costs_partnership_for(request.scope, slug)
    form = PackageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        package = _call(form, lambda: services.create_package(partnership=partnership, actor=request.user, **data))
        if package is not None:
            messages.success(request, _("Funding package set up. Add its funders."))
            return redirect("costs:package-detail", package.pk)
    return TemplateResponse(request, "costs/form.html", {
        "form": form, "title": _("Set up a funding package"), "caption": partnership.name, "button": _("Set up the package"),
        "back": ("costs:partnership", partnership.slug), "back_label": _("Shared costs")})


@login_required
def package_detail(request, pk):
    package = access.package_for(request.scope, pk)
    statement = services.package_statement(package, timezone.localdate())
    readable = access.council_figures_readable_by(request.scope, package.partnership)
    return TemplateResponse(request, "costs/package_detail.html", {
        "every_council": access.reads_every_council(request.scope, package.partnership),
        "package": package, "statement": statement, "figures": statement.figures,
        "can_manage": access.can_manage_costs(request.scope, package.partnership),
        "amendments": Amendment.objects.filter(award__package=package).select_related("award", "recorded_by"),
        "claims": Claim.objects.filter(award__package=package).select_related("award"),
        "spend": package.spend.select_related("council"), "in_kind": package.in_kind.filter(council__in=readable).select_related("council"),
        "profile": package.profile.all(), "reprofiles": package.reprofiles.all(),
        "chart": {"label": _("Spent by financial year (£)"), "labels": list(statement.figures["by_year"]),
                  "values": [float(v["spent"]) for v in statement.figures["by_year"].values()]},
    })


@login_required
def package_add(request, pk, what):
    package = access.managed_package_for(request.scope, pk)
    if what not in PACKAGE_FORMS:
        raise not_found()
    form_class, title = PACKAGE_FORMS[what]
    form = form_class(request.POST or None, package=package, councils=current_member_councils(package.partnership).order_by("name"),
                      initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        entry = _call(form, lambda: services.add_package_entry(package=package, actor=request.user, what=what, values=form.cleaned_data))
        if entry is not None:
            messages.success(request, _("Saved."))
            return redirect("costs:package-detail", package.pk)
    return TemplateResponse(request, "costs/form.html", {
        "form": form, "title": title, "caption": package.name, "button": _("Save"),
        "back": ("costs:package-detail", package.pk), "back_label": package.name})


@login_required
@require_POST
def package_remove(request, pk, what, entry):
    package = access.managed_package_for(request.scope, pk)
    model = services.ENTRY_MODELS.get(what)
    if model is None:
        raise not_found()
    owner = {"award__package": package} if what in ("amendment", "claim") else {"package": package}
    record = get_or_404(model.objects.filter(**owner), pk=entry)
    try:
        services.remove_package_entry(entry=record, actor=request.user)
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Taken away."))
    return redirect("costs:package-detail", package.pk)


# --- Pooled entitlements -------------------------------------------------------------------------------


@login_required
def entitlement_create(request, slug):
    partnership = access.managed_costs_partnership_for(request.scope, slug)
    form = EntitlementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pool = _call(form, lambda: services.create_entitlement(partnership=partnership, actor=request.user, **form.cleaned_data))
        if pool is not None:
            messages.success(request, _("Pooled entitlement set up."))
            return redirect("costs:entitlement-detail", pool.pk)
    return TemplateResponse(request, "costs/form.html", {
        "form": form, "title": _("Set up a pooled entitlement"), "caption": partnership.name, "button": _("Set it up"),
        "back": ("costs:partnership", partnership.slug), "back_label": _("Shared costs"),
        "intro": _("A pool of support days that councils draw on, each up to a cap, and use one to one or through theme groups.")})


@login_required
def entitlement_detail(request, pk):
    pool = access.entitlement_for(request.scope, pk)
    figures = services.entitlement_statement(pool)
    readable = access.council_figures_readable_by(request.scope, pool.partnership)
    if not access.reads_every_council(request.scope, pool.partnership):
        figures["councils"] = [(council, row) for council, row in figures["councils"] if council.pk in readable]
        figures["groups"] = [(group, group_days, [(c, d) for c, d in shares if c.pk in readable])
                             for group, group_days, shares in figures["groups"]]
    return TemplateResponse(request, "costs/entitlement_detail.html", {
        "pool": pool, "figures": figures, "can_manage": access.can_manage_costs(request.scope, pool.partnership),
        "every_council": access.reads_every_council(request.scope, pool.partnership),
        "drawdowns": pool.drawdowns.filter(council__in=readable).select_related("council"),
        "one_to_one": pool.one_to_one.filter(council__in=readable).select_related("council"),
        "chart": {"label": _("Days used by each council"), "labels": [c.short_name or c.name for c, _row in figures["councils"]],
                  "values": [float(row["used"]) for _council, row in figures["councils"]]},
    })


@login_required
def entitlement_add(request, pk, what):
    pool = access.managed_entitlement_for(request.scope, pk)
    if what not in ENTITLEMENT_FORMS:
        raise not_found()
    form_class, title = ENTITLEMENT_FORMS[what]
    councils = Council.objects.filter(pk__in=[c.pk for c in services.entitlement_councils(pool)]).order_by("name")
    form = form_class(request.POST or None, councils=councils, initial={"date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if what == "drawdown":
            operation = lambda: services.draw_down(pool=pool, actor=request.user, **data)  # noqa: E731
        elif what == "one_to_one":
            operation = lambda: services.use_one_to_one(pool=pool, actor=request.user, **data)  # noqa: E731
        else:
            operation = lambda: services.add_theme_group(pool=pool, actor=request.user, name=data["name"], days=data["days"],  # noqa: E731
                                                         members=data["weighted"])
        if _call(form, operation) is not None:
            messages.success(request, _("Saved."))
            return redirect("costs:entitlement-detail", pool.pk)
    return TemplateResponse(request, "costs/form.html", {
        "form": form, "title": title, "caption": pool.name, "button": _("Save"),
        "back": ("costs:entitlement-detail", pool.pk), "back_label": pool.name})


@login_required
@require_POST
def entitlement_remove(request, pk, what, entry):
    pool = access.managed_entitlement_for(request.scope, pk)
    model = services.ENTITLEMENT_ENTRIES.get(what)
    if model is None:
        raise not_found()
    services.remove_entitlement_entry(entry=get_or_404(model.objects.filter(pool=pool), pk=entry), actor=request.user)
    messages.success(request, _("Taken away."))
    return redirect("costs:entitlement-detail", pool.pk)


# --- Each council's statement --------------------------------------------------------------------------------


@login_required
def statement(request, slug, council):
    partnership, council = access.statement_for(request.scope, slug, council)
    year, year_form = _year(request, partnership)
    return TemplateResponse(request, "costs/statement.html", {
        "statement": services.council_statement(partnership, council, year), "year_form": year_form, "year": year,
        "totals": services.partnership_totals(partnership, year),
    })


def _statement_sheets(statement):
    pools = [[p["pool"].name, p["share"], p["paid"], p["balance"], p["cost_alone"], p["saving"], p["fair_saving"],
              _("The shares cannot be worked out: %(error)s") % {"error": p["error"]} if p["error"] else None] for p in statement.pools]
    recharges = [[r["pool"].name, r["payee"].name, r["payer"].name, r["amount"]] for r in statement.recharges]
    funding = [[f["package"].name, f["spend"], f["in_kind_days"], f["in_kind"]] for f in statement.funding]
    entitlements = [[e["pool"].name, e["entitlement"], e["one_to_one"], e["groups"], e["used"], e["balance"]] for e in statement.entitlements]
    return [
        (_("Cost pools"), [_("Pool"), _("Share (£)"), _("Paid (£)"), _("Balance (£)"), _("Cost on its own (£)"),
                           _("Saving by the agreed basis (£)"), _("Saving by the Shapley value (£)"), _("Note")], pools),
        (_("Recharges"), [_("Pool"), _("Invoicing council"), _("Council invoiced"), _("Amount (£)")], recharges),
        (_("Funding"), [_("Package"), _("Spend (£)"), _("Days given in kind"), _("Value in kind (£)")], funding),
        (_("Support days"), [_("Pool"), _("Drawn"), _("One to one"), _("Theme groups"), _("Used"), _("Balance")], entitlements),
        (_("Places"), [_("Places booked"), _("Places attended")], [[statement.places["booked"], statement.places["attended"]]]),
        (_("Shared posts"), [_("Shared post"), _("Invoicing council"), _("Council invoiced"), _("Amount (£)")],
         [[r["post"].title, r["payee"].name, r["payer"].name, r["amount"]] for r in statement.post_recharges]),
        (_("Time given and got"), [_("Hours given"), _("Hours received"), _("Net hours given"), _("Cover given"), _("Cover received")],
         [[t["given"], t["received"], t["net"], t["cover_given"], t["cover_received"]] for t in [statement.time] if t]),
    ]


@login_required
def statement_download(request, slug, council, fmt):
    partnership, council = access.statement_for(request.scope, slug, council)
    if fmt not in ("xlsx", "pdf"):
        raise not_found()
    year, _form = _year(request, partnership)
    statement = services.council_statement(partnership, council, year)
    name = f"{council.name} – {partnership.name} {statement.label.replace('/', '-')}"
    if fmt == "xlsx":
        return download_response(xlsx_bytes(_statement_sheets(statement)), f"{name}.xlsx", XLSX)
    from partnering.core.pdf import render_pdf  # loads Pango: only when a PDF is asked for

    title = _("Statement for %(council)s, %(partnership)s, %(year)s") % {
        "council": council.name, "partnership": partnership.name, "year": statement.label}
    pdf = render_pdf("costs/statement_pdf.html", {"statement": statement, "today": datetime.date.today()}, title)
    return download_response(pdf, f"{name}.pdf", "application/pdf")
