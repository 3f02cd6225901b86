"""Screen readers announce a field's hint and error only through the ids its `aria-describedby`
lists (GOV.UK Design System: the hint's id, then the error's, only those shown). These tests
render every form in the project, and real pages, and check that every id a page refers to
(`aria-describedby`, `aria-labelledby`, `aria-controls`, `<label for>`) is on the page."""

import datetime
import importlib
import inspect
from pathlib import Path

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import timezone

import partnering
from partnering.core.forms import GovUKForm
from tests.html_checks import (
    assert_aria_references_exist,
    assert_hints_and_errors_are_announced,
    broken_references,
    parse,
    unannounced_descriptions,
)

pytestmark = pytest.mark.django_db

# Every app's forms modules: forms.py and any *_forms.py beside it (auth_forms, retention_forms…).
FORM_MODULES = sorted(f"partnering.{path.parent.name}.{path.stem}" for path in Path(partnering.__file__).parent.glob("*/*forms.py"))


def project_forms():
    found = []
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ != module_name or not issubclass(cls, forms.BaseForm):
                continue
            if issubclass(cls, forms.BaseModelForm) and cls._meta.model is None:
                continue  # a base class such as GovUKModelForm: nothing to render until a subclass names a model
            found.append(cls)
    return found


# --- what a form needs to be built ------------------------------------------------------------

def _course(region):
    from partnering.learning.models import Course

    return Course.objects.get_or_create(partnership=region.network, title="Excel Intermediate")[0]


def _session(region):
    from partnering.learning.models import Session

    start = timezone.now() + datetime.timedelta(days=7)
    return Session.objects.get_or_create(course=_course(region), defaults={
        "starts_at": start, "ends_at": start + datetime.timedelta(hours=3), "capacity": 10})[0]


def _bookings(region):
    from partnering.learning.models import Booking

    session = _session(region)
    return [Booking.objects.get_or_create(session=session, person=person, council=council, defaults={"status": "booked"})[0]
            for person, council in ((region.staff_north, region.north), (region.staff_south, region.south))]


def _analysed(region):
    from partnering.overlap import services as overlap
    from partnering.overlap.models import OverlapGroup
    from partnering.overlap.tests.test_analysis import NORTH, SOUTH, share

    if not OverlapGroup.objects.exists():
        share(region.north, region.network, NORTH)
        share(region.south, region.network, SOUTH)
        overlap.request_analysis(partnership=region.network, year=2025, actor=region.coordinator)
    return OverlapGroup.objects.filter(partnership=region.network)


def _equivalences(region):
    from partnering.overlap.models import Equivalence

    return Equivalence.objects.filter(partnership=region.network)


#: Keyword arguments every form that asks for one of these names gets.
BY_NAME = {
    "council": lambda region: region.north,
    "councils": lambda region: _council_queryset(region),
    "pool": lambda region: _pool(region),
    "package": lambda region: _package(region),
    "years": lambda region: [(2025, "2025/26"), (2024, "2024/25")],
    "partnership": lambda region: region.network,
    "course": _course,
    "equivalences": _equivalences,
    "user": lambda region: region.staff_north,
}

#: Forms that cannot be built from BY_NAME alone.
FORM_KWARGS = {
    "partnering.ops.forms.DataSubjectForm": lambda region: {"people": region.staff_north.__class__.objects.all()},
    "partnering.learning.forms.RegisterForm": lambda region: {"bookings": _bookings(region)},
    "partnering.mapping.forms.MappingForm": lambda region: {
        "sheets": ["Courses", "Summary"], "sheet": "Courses", "headers": ["Course title", "Learners", "", "Cost (£)"], "mapping": {0: "title"}},
    "partnering.mapping.forms.DashboardFilterForm": lambda region: {"councils": _council_queryset(region)},
    "partnering.overlap.forms.SplitForm": lambda region: {"members": list(_analysed(region).get(title__startswith="ILM L3").members.all())},
    "partnering.overlap.forms.MergeForm": lambda region: {"groups": _analysed(region)},
    "partnering.planning.forms.PlanForm": lambda region: {"course": _course(region), "session": _session(region)},
    # directory
    "partnering.directory.forms.SearchForm": lambda region: {
        "skills": importlib.import_module("partnering.directory.models").Skill.objects.all(), "councils": _council_queryset(region),
        "partnerships": _partnerships(region)},
    "partnering.directory.forms.AskForm": lambda region: {"people": [(region.staff_north.pk, "Staff North")]},
    "partnering.directory.forms.CouncilTiersForm": lambda region: {
        "councils": _council_queryset(region), "current": {},
        "tiers": importlib.import_module("partnering.directory.models").SupportTier.objects.filter(partnership=region.network)},
    # meetings
    "partnering.meetings.forms.BodyForm": lambda region: {"partnerships": _partnerships(region), "councils": _council_queryset(region)},
    "partnering.meetings.forms.HostsForm": lambda region: {"body": _meeting(region).body, "councils": _council_queryset(region)},
    "partnering.meetings.forms.MeetingForm": lambda region: {"hosts": _council_queryset(region), "venues": _venues(region),
                                                             "with_status": True},
    "partnering.meetings.forms.ItemForm": lambda region: {"people": [region.staff_north, region.lead_south]},
    "partnering.meetings.forms.ActionForm": lambda region: {"people": [region.staff_north, region.lead_south]},
    "partnering.meetings.forms.MinutesForm": lambda region: {"items": _meeting(region).items.all()},
    "partnering.meetings.forms.DecisionForm": lambda region: {"meeting": _meeting(region), "councils": _council_queryset(region)},
    # assessment
    "partnering.assessment.forms.FrameworkForm": lambda region: {"frameworks": _frameworks(region)},
    "partnering.assessment.forms.StartForm": lambda region: {
        "subjects": [(f"c{region.north.pk}-p{region.network.pk}", "North Council, in Test Network"),
                     (f"p{region.network.pk}", "Test Network as a whole")],
        "moderators": _council_queryset(region)},
    "partnering.assessment.forms.ScoresForm": lambda region: {"scores": _scores(region), "moderating": True},
    "partnering.assessment.forms.SurveyForm": lambda region: {"councils": _council_queryset(region), "groups": _groups(region)},
    "partnering.assessment.forms.AnswerForm": lambda region: {"questions": _questions(region)},
    # community
    "partnering.community.forms.RankForm": lambda region: {"priorities": _priorities(region), "current": {}},
    "partnering.community.forms.ResourceForm": lambda region: {"group": _group(region)},
    # workforce
    "partnering.workforce.forms.PostForm": lambda region: {"councils": _council_queryset(region), "people": _people(region)},
    "partnering.workforce.forms.SecondmentForm": lambda region: {
        "councils": _council_queryset(region), "hosts": _council_queryset(region), "people": _people(region)},
    "partnering.workforce.forms.StartPeriodForm": lambda region: {
        "jobs": [(region.network, region.north), (region.network, region.south)]},
    "partnering.workforce.forms.EntryForm": lambda region: {"councils": _council_queryset(region), "groups": _groups(region)},
    "partnering.workforce.forms.EvaluationForm": lambda region: {"partners": _recruitment_partners(region)},
    "partnering.workforce.forms.HarmoniseForm": lambda region: {
        "families": ["Business support", "HR advisers"], "councils": [region.north.name, region.south.name]},
    # programmes: the councils (and people) to choose from are required arguments
    "partnering.programmes.forms.ProjectForm": lambda region: {
        "councils": _council_queryset(region), "people": _people(region), "partnership": region.network},
    "partnering.programmes.forms.AgreementForm": lambda region: {"councils": _council_queryset(region)},
    "partnering.programmes.forms.SignOffForm": lambda region: {"councils": _council_queryset(region)},
    "partnering.programmes.forms.ScrutinyMemberForm": lambda region: {"councils": _council_queryset(region)},
}


def _pool(region):
    from partnering.costs.models import CostPool, PoolCouncil

    pool, created = CostPool.objects.get_or_create(partnership=region.network, name="Programme office")
    if created:
        for council in (region.north, region.south):
            PoolCouncil.objects.create(pool=pool, council=council)
    return pool


def _package(region):
    from partnering.costs.models import FundingPackage

    return FundingPackage.objects.get_or_create(partnership=region.network, name="Grant",
                                                defaults={"start_date": datetime.date(2025, 4, 1)})[0]


def _partnerships(region):
    from partnering.organisations.models import Partnership

    return Partnership.objects.filter(pk=region.network.pk)


def _venues(region):
    from partnering.organisations.models import Venue

    return Venue.objects.filter(council=region.north)


def _meeting(region):
    """A meeting of a board with an agenda item, for the meetings forms."""
    from django.utils import timezone

    from partnering.meetings.models import AgendaItem, Body, Meeting

    body = Body.objects.get_or_create(partnership=region.network, slug="aria-board", defaults={"name": "Board"})[0]
    meeting = Meeting.objects.get_or_create(body=body, defaults={"starts_at": timezone.now()})[0]
    AgendaItem.objects.get_or_create(meeting=meeting, position=1, defaults={"title": "Budget"})
    return meeting


def _people(region):
    from partnering.people.models import Person

    return Person.objects.filter(employments__council__in=_council_queryset(region)).distinct().order_by("full_name")


def _frameworks(region):
    """The built-in frameworks and the partnership's own, as the framework page offers to copy."""
    from django.db.models import Q

    from partnering.assessment.models import Framework

    return Framework.objects.filter(Q(partnership__isnull=True) | Q(partnership=region.network))


def _scores(region):
    """An assessment's scores on a framework with one criterion of each scale, one with guidance and evidence expected."""
    from partnering.assessment.models import Area, Assessment, Criterion, Framework, Scale, Score, Version

    framework = Framework.objects.get_or_create(partnership=region.network, name="Aria framework")[0]
    version = Version.objects.get_or_create(framework=framework, number=1)[0]
    area = Area.objects.get_or_create(version=version, position=1, defaults={"name": "Policies"})[0]
    criteria = [
        Criterion.objects.get_or_create(version=version, position=1, defaults={
            "area": area, "text": "Shared recruitment policy", "scale": Scale.POINTS,
            "descriptors": ["None", "Drafted", "Agreed", "In use", "Reviewed"],
            "guidance": "Count only policies every council has adopted.", "evidence_expected": "The adopted policy."})[0],
        Criterion.objects.get_or_create(version=version, position=2, defaults={
            "area": area, "text": "Joint job evaluation", "scale": Scale.YES_PARTLY_NO})[0],
        Criterion.objects.get_or_create(version=version, position=3, defaults={
            "area": area, "text": "Shared payroll", "scale": Scale.CUSTOM, "custom_points": [[0, "Not started"], [3, "Fully"]]})[0],
    ]
    assessment = Assessment.objects.get_or_create(version=version, partnership=region.network, council=region.north,
                                                  defaults={"title": "HR integration, spring 2026"})[0]
    for criterion in criteria:
        Score.objects.get_or_create(assessment=assessment, criterion=criterion)
    return assessment.scores.select_related("criterion")


def _questions(region):
    """A survey with a question of every kind."""
    from partnering.assessment.models import Question, QuestionKind, Survey

    survey = Survey.objects.get_or_create(partnership=region.network, title="Pulse survey", defaults={"kind": Survey.Kind.ENGAGEMENT})[0]
    for position, (kind, text, choices) in enumerate([
            (QuestionKind.LIKERT, "I have the training I need", []),
            (QuestionKind.RECOMMEND, "How likely are you to recommend the service?", []),
            (QuestionKind.CHOICE, "How did you hear of it?", ["A colleague", "The intranet"]),
            (QuestionKind.TEXT, "What would you change?", [])], start=1):
        Question.objects.get_or_create(survey=survey, position=position,
                                       defaults={"text": text, "kind": kind, "choices": choices, "required": position == 1})
    return survey.questions.all()


def _group(region):
    """A group of the partnership with a document, for the community and workforce forms."""
    from partnering.community.models import Document, Group

    group = Group.objects.get_or_create(slug="aria-hr-leads", defaults={"partnership": region.network, "name": "HR leads"})[0]
    Document.objects.get_or_create(group=group, title="Terms of reference",
                                   defaults={"created_by": region.staff_north, "created_at": timezone.now()})
    return group


def _groups(region):
    from partnering.community.models import Group

    _group(region)
    return Group.objects.filter(partnership=region.network).order_by("name")


def _priorities(region):
    from partnering.community.models import Priority

    for title in ("Apprenticeships", "Shared payroll"):
        Priority.objects.get_or_create(partnership=region.network, title=title,
                                       defaults={"proposed_by": region.staff_north, "created_at": timezone.now()})
    return Priority.objects.filter(partnership=region.network, theme_group__isnull=True)


def _recruitment_partners(region):
    from partnering.workforce.models import Recruitment, RecruitmentPartner

    recruitment = Recruitment.objects.get_or_create(partnership=region.network, title="Shared HR adviser", defaults={
        "job_description": "Advises both councils.", "person_specification": "CIPD level 5."})[0]
    for council in (region.north, region.south):
        RecruitmentPartner.objects.get_or_create(recruitment=recruitment, council=council)
    return recruitment.partners.select_related("council")


def _council_queryset(region):
    from partnering.organisations.models import Council

    return Council.objects.filter(pk__in=[region.north.pk, region.south.pk])


def form_kwargs(cls, region):
    key = f"{cls.__module__}.{cls.__qualname__}"
    if key in FORM_KWARGS:
        return FORM_KWARGS[key](region)
    kwargs = {}
    # Mixins pass *args and **kwargs along, so look at every __init__ the form inherits.
    for klass in cls.__mro__:
        if "__init__" not in vars(klass):
            continue
        for name, parameter in list(inspect.signature(klass.__init__).parameters.items())[1:]:
            if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD) or parameter.default is not parameter.empty:
                continue
            assert name in BY_NAME, f"{key} needs {name}=: add it to FORM_KWARGS in this test"
            kwargs.setdefault(name, BY_NAME[name](region))
    return kwargs


def with_an_error_on_every_field(form):
    """Bound with nothing, then an error on every visible field that has none, so each field shows one."""
    form.is_valid()
    for bound in form.visible_fields():
        if not form.errors.get(bound.name):
            form.add_error(bound.name, "Example error for this test")
    return form


def rendered(form):
    return render_to_string("components/error_summary.html", {"form": form}) + form.render()


# --- (a) every form in the project -----------------------------------------------------------

def test_the_form_discovery_finds_the_project_forms():
    names = {cls.__name__ for cls in project_forms()}
    assert {"EmailAuthenticationForm", "VenueForm", "UploadForm", "PlanForm", "EvidenceForm", "RegisterForm"} <= names
    assert "GovUKModelForm" not in names


@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "bound with errors"])
@pytest.mark.parametrize("form_class", project_forms(), ids=lambda cls: f"{cls.__module__.split('.')[1]}.{cls.__name__}")
def test_every_form_refers_only_to_ids_it_renders_and_announces_every_hint_and_error(form_class, bound, region):
    kwargs = form_kwargs(form_class, region)
    form = with_an_error_on_every_field(form_class(data={}, files={}, **kwargs)) if bound else form_class(**kwargs)
    html = rendered(form)
    assert_aria_references_exist(html)
    assert_hints_and_errors_are_announced(html)
    if bound and form.visible_fields():
        assert 'class="govuk-error-message"' in html


# --- every component template, one widget of each kind ---------------------------------------

class EveryWidget(GovUKForm):
    text = forms.CharField(label="Text", help_text="Text hint")
    email = forms.EmailField(label="Email", help_text="Email hint", required=False)
    number = forms.IntegerField(label="Number", required=False)
    area = forms.CharField(label="Area", help_text="Area hint", widget=forms.Textarea)
    choice = forms.ChoiceField(label="Choice", help_text="Choice hint", choices=[("a", "A"), ("b", "B")])
    many = forms.MultipleChoiceField(label="Many", help_text="Many hint", choices=[("a", "A"), ("b", "B")], widget=forms.SelectMultiple)
    radios = forms.ChoiceField(label="Radios", help_text="Radios hint", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(label="Boxes", help_text="Boxes hint", choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple)
    tick = forms.BooleanField(label="Tick", help_text="Tick hint")
    upload = forms.FileField(label="Upload", help_text="Upload hint")
    clearable = forms.FileField(label="Clearable", help_text="Clearable hint", widget=forms.ClearableFileInput)
    day = forms.DateField(label="Day", help_text="Day hint", widget=forms.DateInput(attrs={"type": "date"}))
    when = forms.DateTimeField(label="When", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    born = forms.DateField(label="Born", help_text="Born hint", widget=forms.SelectDateWidget(years=range(1950, 2010)))
    slot = forms.SplitDateTimeField(label="Slot", help_text="Slot hint")


def describing_element(html, form, name):
    """The element whose aria-describedby should describe the field: the control itself, or the
    fieldset around a group of controls (radios, checkboxes, a date in parts)."""
    bound = form[name]
    elements = parse(html)
    if bound.field.widget.use_fieldset:
        first = next(e for e in elements if e.attrs.get("id", "").startswith(f"{bound.auto_id}_"))
        return next(a for a in first.ancestors() if a.tag == "fieldset")
    return next(e for e in elements if e.attrs.get("id") == bound.auto_id)


@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "bound with errors"])
@pytest.mark.parametrize("name", list(EveryWidget.base_fields))
def test_each_kind_of_field_lists_its_hint_then_its_error_in_aria_describedby(name, bound):
    form = with_an_error_on_every_field(EveryWidget(data={}, files={})) if bound else EveryWidget()
    html = rendered(form)
    expected = ([f"id_{name}-hint"] if form[name].help_text else []) + ([f"id_{name}-error"] if bound else [])
    element = describing_element(html, form, name)
    assert element.ids("aria-describedby") == expected, str(element)
    assert_aria_references_exist(html)
    assert_hints_and_errors_are_announced(html)


@pytest.mark.parametrize("name", ["born", "slot"])
def test_a_date_or_time_in_parts_is_a_fieldset_with_a_legend_not_a_label_for_its_first_box(name):
    form = EveryWidget()
    html = form[name].as_field_group()
    legends = [e for e in parse(html) if e.tag == "legend"]
    assert len(legends) == 1 and legends[0].parent.tag == "fieldset"
    assert legends[0].parent.ids("aria-describedby") == [f"id_{name}-hint"]
    assert "<label" not in html


def test_a_widget_that_names_its_own_description_keeps_it_before_the_hint_and_error():
    class Form(GovUKForm):
        postcode = forms.CharField(label="Postcode", help_text="For example, SA1 1AA",
                                   widget=forms.TextInput(attrs={"aria-describedby": "postcode-rules"}))

    form = with_an_error_on_every_field(Form(data={}))
    element = describing_element(form.render(), form, "postcode")
    assert element.ids("aria-describedby") == ["postcode-rules", "id_postcode-hint", "id_postcode-error"]


def test_the_error_summary_links_to_the_first_control_of_every_field_with_an_error():
    form = with_an_error_on_every_field(EveryWidget(data={}, files={}))
    html = rendered(form)
    ids = {e.attrs.get("id") for e in parse(html)}
    links = [e.attrs["href"] for e in parse(html) if e.tag == "a" and "href" in e.attrs]
    assert len(links) == len(EveryWidget.base_fields)
    assert [link for link in links if link[1:] not in ids] == []


# --- the checks themselves ---------------------------------------------------------------------

def test_the_reference_check_names_every_id_that_points_nowhere():
    html = ('<label for="missing">A</label><input id="a" aria-describedby="a-hint gone">'
            '<div id="a-hint"></div><div id="twice"></div><p id="twice" aria-labelledby="twice"></p><p aria-controls="">x</p>')
    problems = broken_references(html)
    assert len(problems) == 4
    assert "'missing'" in problems[0] and "'gone'" in problems[1] and "2 elements" in problems[2] and "names no id" in problems[3]
    with pytest.raises(AssertionError, match="missing"):
        assert_aria_references_exist(html)
    assert_aria_references_exist('<label for="a">A</label><input id="a" aria-describedby="h"><p id="h">hint</p>')


def test_the_description_check_finds_hints_and_errors_no_field_lists():
    html = ('<div class="govuk-form-group"><div id="x-hint" class="govuk-hint">Hint</div>'
            '<p class="govuk-error-message">Error</p><input id="x"></div>'
            '<table><td><span class="govuk-hint">not a field hint</span></td></table>')
    problems = unannounced_descriptions(html)
    assert len(problems) == 2 and "x-hint" in problems[0] and "no id" in problems[1]


# --- (b) real pages, signed in, with and without errors --------------------------------------

INVALID = "invalid"


def check_pages(client, requests):
    """GET or POST each (method, url, data[, INVALID]); every page must answer 200 and refer only to ids
    it has. Every POST here sends invalid data, as do GETs marked INVALID: those pages must show an error."""
    failures = []
    for method, url, data, *invalid in requests:
        response = client.post(url, data) if method == "POST" else client.get(url, data)
        assert response.status_code == 200, f"{method} {url} answered {response.status_code}"
        html = response.content.decode()
        problems = broken_references(html) + unannounced_descriptions(html)
        if method == "POST" or invalid:
            assert "govuk-error-message" in html or "govuk-error-summary" in html, f"{method} {url} {data} showed no error"
        failures += [f"{method} {url}: {problem}" for problem in problems]
    assert not failures, "\n".join(failures)


def test_sign_in_and_password_reset_pages_refer_only_to_ids_they_have(client, region):
    check_pages(client, [
        ("GET", "/accounts/login/", {}),
        ("POST", "/accounts/login/", {"username": "not an email", "password": ""}),
        ("GET", "/accounts/password_reset/", {}),
        ("POST", "/accounts/password_reset/", {"email": "nope"}),
    ])


def test_a_councils_lead_sees_pages_that_refer_only_to_ids_they_have(sign_in, region):
    from partnering.mapping.tests.spreadsheets import xlsx

    north = region.north.slug
    client = sign_in(region.lead_north)
    _bookings(region)
    check_pages(client, [
        ("GET", "/", {}),
        ("GET", "/partnerships/", {}),
        ("GET", f"/partnerships/{region.network.slug}/", {}),
        ("GET", "/councils/", {}),
        ("GET", f"/councils/{north}/", {}),
        ("GET", f"/councils/{north}/audit/", {}),
        ("GET", f"/councils/{north}/edit/", {}),
        ("POST", f"/councils/{north}/edit/", {"name": "", "brand_colour": "red", "headcount": "-4"}),
        ("GET", f"/councils/{north}/venues/new/", {}),
        ("POST", f"/councils/{north}/venues/new/", {"name": "", "capacity": "lots", "sharing": "partnership"}),
        ("GET", "/people/", {}),
        ("GET", "/me/", {}),
        ("GET", "/mapping/", {}),
        ("GET", f"/mapping/councils/{north}/", {}),
        ("GET", f"/mapping/councils/{north}/", {"year": "1066", "topic": "nope"}, INVALID),
        ("GET", f"/mapping/councils/{north}/returns/", {}),
        ("GET", f"/mapping/councils/{north}/returns/upload/", {}),
        ("POST", f"/mapping/councils/{north}/returns/upload/", {"year": "2025", "sharing": "partnership",
                                                               "file": SimpleUploadedFile("return.pdf", b"%PDF-1.4")}),
        ("GET", f"/mapping/councils/{north}/provision/", {}),
        ("GET", f"/mapping/councils/{north}/investment/", {}),
        ("POST", f"/mapping/councils/{north}/investment/", {"year": "2025", "budget_gbp": "-1", "headcount": "none"}),
        ("GET", f"/mapping/councils/{north}/arrangements/new/", {}),
        ("POST", f"/mapping/councils/{north}/arrangements/new/", {"year": "2025", "kind": "nonsense"}),
        ("GET", f"/learning/councils/{north}/requirements/", {}),
        ("POST", f"/learning/councils/{north}/requirements/", {"role": "", "refresh_months": "-3"}),
        ("GET", f"/learning/councils/{north}/bookings/", {}),
    ])
    # The column mapping step of an upload that does name its columns.
    response = client.post(f"/mapping/councils/{north}/returns/upload/", {
        "year": "2025", "sharing": "private",
        "file": SimpleUploadedFile("return.xlsx", xlsx([["Thing", "Learners"], ["Course A", 5], ["Course B", 7]]))})
    assert response.status_code == 302, response.content
    check_pages(client, [
        ("GET", response["Location"], {}),
        ("POST", response["Location"], {"column_0": "learners_per_year", "column_1": "learners_per_year"}),
    ])


def test_a_member_of_staff_sees_pages_that_refer_only_to_ids_they_have(sign_in, region):
    from partnering.learning.models import Booking

    session = _session(region)
    booking = Booking.objects.create(session=session, person=region.staff_north, council=region.north, status="attended")
    client = sign_in(region.staff_north)
    check_pages(client, [
        ("GET", "/", {}),
        ("GET", "/catalogue/", {}),
        ("GET", "/catalogue/", {"within_km": "far", "date_from": "someday", "topic": "nope"}, INVALID),
        ("GET", f"/catalogue/sessions/{session.pk}/", {}),
        ("GET", "/me/bookings/", {}),
        ("GET", "/me/record/", {}),
        ("GET", "/me/record/evidence/new/", {}),
        ("POST", "/me/record/evidence/new/", {"title": "", "completed_on": "2999-01-01", "hours": "-1",
                                             "certificate": SimpleUploadedFile("c.exe", b"MZ")}),
        ("GET", f"/me/bookings/{booking.pk}/evaluate/", {}),
        ("POST", f"/me/bookings/{booking.pk}/evaluate/", {"reaction": "9"}),
    ])


def test_a_person_employed_by_two_councils_books_from_a_page_that_refers_only_to_ids_it_has(sign_in, region):
    session = _session(region)
    check_pages(sign_in(region.shared), [("GET", f"/catalogue/sessions/{session.pk}/", {})])


def test_a_coordinator_sees_pages_that_refer_only_to_ids_they_have(sign_in, region):
    from partnering.glossary.models import Term
    from partnering.planning.tests.scenario import provisional_session_with_interest

    groups = _analysed(region)
    group = groups.get(title__startswith="ILM L3")
    session = _session(region)
    _bookings(region)
    planned_course, planned_session, _halls = provisional_session_with_interest(region)
    network = region.network.slug
    client = sign_in(region.coordinator)
    term = Term.objects.first()
    pages = [
        ("GET", "/", {}),
        ("GET", f"/mapping/partnerships/{network}/", {}),
        ("GET", "/mapping/topics/", {}),
        ("GET", "/mapping/topics/new/", {}),
        ("POST", "/mapping/topics/new/", {"name": ""}),
        ("GET", f"/overlap/partnerships/{network}/", {"year": "2025"}),
        ("GET", f"/overlap/partnerships/{network}/", {"year": "2025", "topic": "nope"}, INVALID),
        ("GET", f"/overlap/partnerships/{network}/opportunities/", {"year": "2025"}),
        ("GET", f"/overlap/partnerships/{network}/opportunities/", {"year": "2025", "cohort_size": "0"}, INVALID),
        ("GET", f"/overlap/partnerships/{network}/decisions/", {}),
        ("GET", f"/overlap/groups/{group.pk}/", {}),
        ("GET", "/glossary/", {}),
        ("GET", "/glossary/new/", {}),
        ("POST", "/glossary/new/", {"english": ""}),
        ("GET", f"/learning/partnerships/{network}/courses/new/", {}),
        ("POST", f"/learning/partnerships/{network}/courses/new/", {"title": "", "duration_hours": "-2"}),
        ("GET", f"/learning/courses/{session.course.pk}/sessions/new/", {}),
        ("POST", f"/learning/courses/{session.course.pk}/sessions/new/", {"capacity": "none", "starts_at": "soon"}),
        ("GET", f"/learning/sessions/{session.pk}/edit/", {}),
        ("GET", f"/catalogue/sessions/{session.pk}/register/", {}),
        ("GET", f"/learning/partnerships/{network}/reports/", {}),
        ("GET", f"/planning/courses/{planned_course.pk}/", {"session": planned_session.pk}),
        ("GET", f"/planning/courses/{planned_course.pk}/", {"session": planned_session.pk, "audience": "roles", "k": "0",
                                                            "objective": "total", "pence_per_mile": "x", "co2_kg_per_km": "1",
                                                            "online_threshold": "60"}),
    ]
    if term is not None:
        pages.append(("GET", f"/glossary/{term.pk}/", {}))
    check_pages(client, pages)


def test_fields_a_form_adds_after_it_is_built_get_govuk_classes_and_show_their_errors():
    from partnering.mapping.forms import MappingForm

    # Posting a column twice used to raise KeyError('class'): the column selects are added after
    # GovUKFormMixin.__init__ had styled the form's fields.
    form = MappingForm(data={"column_0": "title", "column_1": "title"}, sheets=["Courses", "Summary"], sheet="Courses",
                       headers=["Course", "Name"], mapping={})
    assert not form.is_valid()
    elements = {e.attrs.get("id"): e for e in parse(form.render())}
    assert elements["id_column_1"].classes == ["govuk-select", "govuk-select--error"]
    assert elements["id_sheet"].classes == ["govuk-select", "govuk-select--error"]
    assert elements["id_column_0"].classes == ["govuk-select"]
    assert elements["id_column_1"].ids("aria-describedby") == ["id_column_1-error"]
