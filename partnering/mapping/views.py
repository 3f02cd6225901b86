from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from partnering.access import mapping as access
from partnering.access.organisations import can_manage_council, managed_council_for
from partnering.core.downloads import download_response
from partnering.core.forms import save_with
from partnering.core.redirects import redirect_next
from partnering.organisations.selectors import current_member_councils
from partnering.reference.years import financial_year_label

from . import dashboards, services
from .forms import (
    ArrangementForm,
    DashboardFilterForm,
    InvestmentForm,
    LineTopicForm,
    MappingForm,
    TopicForm,
    UploadForm,
    current_financial_year,
)
from .importers import FileProblem, LayoutProblem
from .models import Arrangement, ImportBatch, Investment, Return, Topic
from .spreadsheets import export_provision, xlsx_bytes
from .spreadsheets import return_template as build_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def mapping_home(request):
    return TemplateResponse(request, "mapping/home.html", {
        "partnerships": access.partnerships_overseen_by(request.scope).order_by("name"),
        "lead_councils": access.councils_with_returns_for(request.scope).order_by("name"),
        "can_edit_topics": access.can_edit_topics(request.scope),
    })


@login_required
def return_template(request):
    content = build_template([topic.name for topic in Topic.objects.order_by("name")])
    return download_response(content, "partnering-ld-return-template.xlsx", XLSX)


# --- Importing a return -----------------------------------------------------------------


@login_required
def return_list(request, slug):
    council = managed_council_for(request.scope, slug)
    returns = Return.objects.filter(council=council).prefetch_related("batches__uploaded_by").select_related("shared_with")
    investments = Investment.objects.filter(council=council)
    arrangements = Arrangement.objects.filter(council=council).prefetch_related("partners")
    return TemplateResponse(request, "mapping/return_list.html", {
        "council": council, "returns": returns, "investments": investments, "arrangements": arrangements,
    })


@login_required
def return_upload(request, slug):
    council = managed_council_for(request.scope, slug)
    form = UploadForm(request.POST or None, request.FILES or None, council=council)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            batch = services.return_upload(
                council=council, year=form.cleaned_data["year"], filename=upload.name, data=upload.read(), actor=request.user,
                sharing=form.cleaned_data["sharing"], shared_with=form.cleaned_data["shared_with"],
            )
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("mapping:batch-map", batch.pk)
    return TemplateResponse(request, "mapping/upload.html", {"council": council, "form": form})


def _draft_batch(request, pk) -> ImportBatch:
    return access.batch_for(request.scope, pk)


@login_required
def batch_map(request, pk):
    batch = _draft_batch(request, pk)
    if batch.status != ImportBatch.Status.DRAFT:
        return redirect(batch)
    workbook = services.read_batch_file(batch)
    sheet = request.POST.get("sheet") or batch.sheet or workbook.sheet_names[0]
    if sheet not in workbook.sheet_names:  # a tampered or stale form: show the first sheet rather than fail
        messages.error(request, _("The file has no sheet called %(sheet)s: choose one of its sheets.") % {"sheet": sheet})
        sheet = workbook.sheet_names[0]
    problem = None
    try:
        layout = services.build_layout(workbook, sheet, overrides=None if sheet != batch.sheet else batch.mapping or None,
                                       remembered=services.remembered_mapping(batch.council_return.council))
        headers, mapping = layout.headers, layout.mapping
    except LayoutProblem as error:
        problem, headers, mapping = str(error), _first_row_headers(workbook, sheet), {}
    # Choosing another sheet shows that sheet's columns afresh rather than validating the old ones.
    data = request.POST if request.method == "POST" and "choose_sheet" not in request.POST else None
    form = MappingForm(data, sheets=workbook.sheet_names, sheet=sheet, headers=headers, mapping=mapping)
    if data is not None and form.is_valid():
        try:
            services.batch_set_layout(batch=batch, actor=request.user, sheet=sheet, mapping=form.cleaned_data["mapping"])
        except FileProblem as error:
            form.add_error(None, str(error))
        else:
            return redirect(batch)
    return TemplateResponse(request, "mapping/map.html", {"batch": batch, "form": form, "problem": problem, "sheet": sheet,
                                                          "multiple_sheets": len(workbook.sheet_names) > 1})


def _first_row_headers(workbook, sheet) -> list[str]:
    """With no recognisable header row, offer the first non-empty row's cells to map."""
    from .importers.normalise import text

    for row in workbook.rows(sheet):
        cells = [text(cell) or "" for cell in row]
        if any(cells):
            return cells
    return []


@login_required
def batch_preview(request, pk):
    batch = access.batch_for(request.scope, pk)
    council = batch.council_return.council
    if request.method == "POST":
        try:
            services.batch_commit(batch=batch, actor=request.user)
        except services.ImportRejected as rejected:
            messages.error(request, _("Nothing was imported: the return has %(count)d problem(s).") % {"count": len(rejected.problems)})
        except FileProblem as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, _("Return imported: %(count)d lines.") % {"count": batch.line_count})
            return redirect("mapping:return-list", council.slug)
        return redirect(batch)
    if batch.status != ImportBatch.Status.DRAFT:
        return TemplateResponse(request, "mapping/batch_report.html", {"batch": batch, "council": council})
    try:
        preview = services.batch_preview(batch)
    except LayoutProblem as problem:
        messages.error(request, str(problem))
        return redirect("mapping:batch-map", batch.pk)
    except FileProblem as problem:
        return TemplateResponse(request, "mapping/preview.html", {"batch": batch, "council": council, "file_problem": str(problem)})
    return TemplateResponse(request, "mapping/preview.html", {"batch": batch, "council": council, "preview": preview})


@login_required
@require_POST
def batch_restore(request, pk):
    batch = _draft_batch(request, pk)
    try:
        services.batch_restore(batch=batch, actor=request.user)
    except FileProblem as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, _("Restored %(file)s as the %(year)s return.") % {
            "file": batch.original_filename, "year": batch.council_return.year_label})
    return redirect("mapping:return-list", batch.council_return.council.slug)


@login_required
def batch_file(request, pk):
    batch = _draft_batch(request, pk)
    with batch.source.open("rb") as handle:
        return download_response(handle.read(), batch.original_filename, "application/octet-stream")


# --- Reading returns ----------------------------------------------------------------------


def _year(request) -> int:
    try:
        return int(request.GET.get("year") or current_financial_year())
    except ValueError:
        raise Http404(_("Page not found")) from None


@login_required
def provision_list(request, slug):
    year = _year(request)
    council, lines = access.council_provision_for(request.scope, slug, year)
    lines = lines.select_related("topic")
    suggested_count = lines.filter(topic_suggested=True).count()
    query = request.GET.get("q", "").strip()
    if query:
        lines = lines.filter(Q(title__icontains=query) | Q(provider_name__icontains=query))
    if request.GET.get("suggested"):
        lines = lines.filter(topic_suggested=True)
    page = Paginator(lines.order_by("row_number"), 50).get_page(request.GET.get("page"))
    can_manage = can_manage_council(request.scope, council)
    return TemplateResponse(request, "mapping/provision_list.html", {
        "council": council, "year": year, "year_label": financial_year_label(year), "page": page, "query": query,
        "can_manage": can_manage, "topics": Topic.objects.order_by("name"), "suggested_count": suggested_count,
    })


@login_required
def provision_export(request, slug):
    year = _year(request)
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    council, lines = access.council_provision_for(request.scope, slug, year)
    lines = lines.select_related("topic").order_by("row_number")
    filename = f"{slugify(council.short_name, allow_unicode=True)}-ld-return-{year}.{fmt}"
    return download_response(export_provision(lines, fmt), filename, "text/csv; charset=utf-8" if fmt == "csv" else XLSX)


@login_required
@require_POST
def line_topic(request, pk):
    line = access.provision_line_for(request.scope, pk)
    if not access.can_change_provision(request.scope, line):
        raise Http404(_("Page not found"))
    form = LineTopicForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a topic."))
    else:
        try:
            services.suggested_topic_accept(line=line, actor=request.user, topic=form.cleaned_data["topic"])
        except PermissionDenied:
            raise Http404(_("Page not found")) from None
        messages.success(request, _("Topic of %(title)s set to %(topic)s.") % {"title": line.title, "topic": form.cleaned_data["topic"]})
    return redirect_next(request, f"{reverse('mapping:provision-list', args=[line.council.slug])}?year={line.year}")


@login_required
@require_POST
def accept_suggested_topics(request, slug):
    council = managed_council_for(request.scope, slug)
    year = _year(request)
    count = services.suggested_topics_accept_all(council=council, year=year, actor=request.user)
    messages.success(request, _("Accepted %(count)d suggested topics.") % {"count": count})
    return redirect(f"{reverse('mapping:provision-list', args=[council.slug])}?year={year}")


@login_required
def investment_edit(request, slug):
    council = managed_council_for(request.scope, slug)
    year = _year(request)
    existing = Investment.objects.filter(council=council, year=year).first()
    form = InvestmentForm(request.POST or None, initial=InvestmentForm.initial_from(existing) or {"year": year})
    if request.method == "POST" and form.is_valid():
        if save_with(form, lambda **data: services.investment_save(council=council, year=data["year"], actor=request.user, **form.cleaned_values())):
            messages.success(request, _("Investment saved."))
            return redirect("mapping:return-list", council.slug)
    return TemplateResponse(request, "mapping/investment_form.html", {"council": council, "form": form})


@login_required
def arrangement_create(request, slug):
    council = managed_council_for(request.scope, slug)
    form = ArrangementForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        if save_with(form, partial(services.arrangement_create, council=council, actor=request.user)):
            messages.success(request, _("Arrangement added."))
            return redirect("mapping:return-list", council.slug)
    return TemplateResponse(request, "mapping/arrangement_form.html", {"council": council, "form": form})


# --- Topic taxonomy -----------------------------------------------------------------------


@login_required
def topic_list(request):
    return TemplateResponse(request, "mapping/topic_list.html", {
        "topics": access.topics_visible_to(request.scope).order_by("name"), "can_edit": access.can_edit_topics(request.scope),
    })


@login_required
def topic_edit(request, pk=None):
    if not access.can_edit_topics(request.scope):
        raise Http404(_("Page not found"))
    topic = access.topic_for_editing(request.scope, pk) if pk else Topic()
    form = TopicForm(request.POST or None, instance=topic)
    if request.method == "POST" and form.is_valid():
        services.topic_save(topic=form.instance, actor=request.user)
        messages.success(request, _("Topic saved."))
        return redirect("mapping:topic-list")
    return TemplateResponse(request, "mapping/topic_form.html", {"form": form, "topic": topic if pk else None})


# --- Management information -------------------------------------------------------------------


def _dashboard(request, *, councils, title, council_filter, context):
    form = DashboardFilterForm(
        request.GET or None, initial={"year": current_financial_year()}, councils=councils if council_filter else None
    )
    data = form.cleaned_data if form.is_valid() else {}
    chosen = data.get("council")
    filters = dashboards.Filters(
        year=data.get("year") or current_financial_year(),
        council_ids=[chosen.pk] if chosen else [],
        topic_id=data["topic"].pk if data.get("topic") else None,
        method=data.get("method") or "",
    )
    tables, tables_key = dashboards.build_cached(councils, filters)
    download = request.GET.get("download")
    if download:
        table = next((t for t in tables if t.key == download), None)
        if table is None:
            raise Http404(_("Page not found"))
        return download_response(xlsx_bytes([table.spreadsheet()]), f"{slugify(title, allow_unicode=True)}-{table.key}-{filters.year}.xlsx", XLSX)
    return TemplateResponse(request, "mapping/dashboard.html", {
        **context, "title": title, "form": form, "tables": tables, "year_label": financial_year_label(filters.year),
        # The drawn tables link to their downloads with this page's query: kept per figures and query.
        "drawn_tables_key": f"{tables_key}:{request.GET.urlencode()}",
        "totals": dashboards.totals_of(tables), "charts": {t.key: t.chart_data() for t in tables if t.chart_data()},
    })


@login_required
def partnership_dashboard(request, slug):
    partnership = access.overseen_partnership_for(request.scope, slug)
    councils = current_member_councils(partnership).order_by("name")
    return _dashboard(request, councils=councils, title=partnership.name, council_filter=True, context={"partnership": partnership})


@login_required
def council_dashboard(request, slug):
    council = access.council_mi_for(request.scope, slug)
    from partnering.organisations.models import Council

    return _dashboard(request, councils=Council.objects.filter(pk=council.pk), title=council.name, council_filter=False,
                      context={"council": council, "can_manage": can_manage_council(request.scope, council)})
