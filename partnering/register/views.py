"""The public register: no sign-in. Every page and file takes its projects from the access layer's
register rules (published projects only) and its fields from `opendata.entry`."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from partnering.access import register as access
from partnering.core.forms import GovUKForm
from partnering.organisations.models import Council
from partnering.programmes.models import Project

from . import opendata


class FilterForm(GovUKForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200, help_text=_("Words in the project's name, purpose or outcomes."))
    region = forms.ChoiceField(label=_("Region"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    partner = forms.ChoiceField(label=_("Partner council"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any status")), *Project.Status.choices])

    def __init__(self, *args, projects=None, **kwargs):
        super().__init__(*args, **kwargs)
        regions = sorted({r for r in projects.values_list("lead_council__region", flat=True) if r})
        themes = sorted({t for t in projects.values_list("programme__theme", flat=True) if t})
        councils = Council.objects.filter(pk__in=projects.values("councils__council")).order_by("name")
        self.fields["region"].choices = [("", _("Any region"))] + [(r, r) for r in regions]
        self.fields["theme"].choices = [("", _("Any theme"))] + [(t, t) for t in themes]
        self.fields["partner"].choices = [("", _("Any council"))] + [(c.slug, c.name) for c in councils]


def _filtered(request):
    projects = access.register_projects_visible_to(request.scope)
    form = FilterForm(request.GET or None, projects=projects)
    if form.is_bound and not form.is_valid():
        return form, projects.none()  # the page names the filter that was wrong
    if form.is_bound:
        data = form.cleaned_data
        if data["q"]:
            words = Q()
            for word in data["q"].split()[:10]:
                words &= Q(name__icontains=word) | Q(purpose__icontains=word) | Q(outcomes_summary__icontains=word)
            projects = projects.filter(words)
        if data["region"]:
            projects = projects.filter(lead_council__region=data["region"])
        if data["theme"]:
            projects = projects.filter(programme__theme=data["theme"])
        if data["partner"]:
            projects = projects.filter(councils__council__slug=data["partner"])
        if data["status"]:
            projects = projects.filter(status=data["status"])
    return form, projects.distinct()


def index(request):
    form, projects = _filtered(request)
    page = Paginator(projects.select_related("programme__partnership", "lead_council").order_by("name", "pk"), 25).get_page(request.GET.get("page"))
    return TemplateResponse(request, "register/index.html", {"form": form, "page": page, "query": request.GET.urlencode()})


def project(request, identifier):
    project = access.register_project_for(request.scope, identifier)
    from partnering.programmes import services

    benefits = list(project.benefits.all())
    return TemplateResponse(request, "register/project.html", {
        "project": project, "entry": opendata.entry(project), "results": services.indicator_rows(project),
        "totals": services.benefit_totals(benefits)})


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


def register_csv(request):
    _form, projects = _filtered(request)
    return _download(opendata.as_csv(opendata.entries(opendata.prefetched(projects))), "text/csv; charset=utf-8", "collaboration-register.csv")


def register_json(request):
    _form, projects = _filtered(request)
    return _download(opendata.as_json(opendata.entries(opendata.prefetched(projects))), "application/json", "collaboration-register.json")


def register_iati(request):
    _form, projects = _filtered(request)
    return _download(opendata.as_iati(opendata.prefetched(projects)), "application/xml", "collaboration-register-iati-activities.xml")
