from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm, GovUKModelForm
from partnering.organisations.models import Council
from partnering.people.models import Person

from .models import (
    Agreement,
    Benefit,
    Body,
    Decision,
    Factor,
    Indicator,
    IndicatorPeriod,
    Lesson,
    Milestone,
    Newsletter,
    Participation,
    PartnerOrganisation,
    Programme,
    Project,
    ProjectCouncil,
    Result,
    Risk,
    StatusReport,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _dates(form, *names):
    for name in names:
        if name in form.fields:
            form.fields[name].widget = DATE
            form.fields[name].input_formats = FORMATS


class ProgrammeForm(GovUKModelForm):
    class Meta:
        model = Programme
        fields = ["name", "slug", "theme", "aims", "status", "start_on", "end_on", "exception_reporting", "risk_threshold", "funding_package"]

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "start_on", "end_on")
        from partnering.costs.models import FundingPackage

        self.fields["funding_package"].queryset = FundingPackage.objects.filter(partnership=partnership)


class ProjectForm(GovUKModelForm):
    councils = forms.ModelMultipleChoiceField(label=_("Partner councils"), queryset=Council.objects.none(), required=False,
                                              widget=forms.CheckboxSelectMultiple, help_text=_("The lead council takes part too."))

    class Meta:
        model = Project
        fields = ["name", "lead_council", "sponsor", "sro", "manager", "status", "purpose", "aims", "scope", "out_of_scope",
                  "benefits_summary", "governance", "dependencies", "start_on", "end_on", "funding_package", "outcomes_summary", "notes"]

    def __init__(self, *args, councils, people, partnership, creating=True, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "start_on", "end_on")
        self.fields["lead_council"].queryset = councils
        if creating:
            self.fields["councils"].queryset = councils
        else:
            del self.fields["councils"]
        from partnering.costs.models import FundingPackage

        self.fields["funding_package"].queryset = FundingPackage.objects.filter(partnership=partnership)
        for name in ("sponsor", "sro", "manager"):
            self.fields[name].queryset = people
            self.fields[name].label_from_instance = lambda p: p.full_name


class _EntryForm(GovUKModelForm):
    """A project entry's form; `_entry_form` makes one per model."""

    dates: tuple = ()

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, *self.dates)
        self.project = project
        if "owner" in self.fields:
            self.fields["owner"].queryset = _people_of(project)
            self.fields["owner"].label_from_instance = lambda p: p.full_name
        if "council" in self.fields:
            self.fields["council"].queryset = Council.objects.filter(memberships__partnership=project.programme.partnership).distinct()
        if "parent" in self.fields:
            self.fields["parent"].queryset = Body.objects.filter(programme=project.programme)
        if "organisation" in self.fields:
            self.fields["organisation"].queryset = PartnerOrganisation.objects.all()


def _entry_form(model, fields, dates=(), widths=None):
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}Form", (_EntryForm,), {"Meta": meta, "dates": dates, "input_widths": widths or {}})


def _people_of(project):
    """People employed by the partnership's councils (any of them can own a risk or lead a workstream)."""
    if project is None:
        return Person.objects.none()
    return Person.objects.filter(employments__council__memberships__partnership=project.programme.partnership).distinct().order_by("full_name")


class StatusForm(GovUKModelForm):
    period = forms.DateField(label=_("Month"), widget=DATE, input_formats=FORMATS,
                             help_text=_("Any day in the month reported on."))

    class Meta:
        model = StatusReport
        fields = ["period", "rag", "narrative"]
        widgets = {"rag": forms.RadioSelect}

    def __init__(self, *args, project=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rag"].choices = [c for c in self.fields["rag"].choices if c[0]]


ENTRY_FORMS = {
    "milestone": (_entry_form(Milestone, ["title", "planned_on", "forecast_on", "actual_on"], dates=("planned_on", "forecast_on", "actual_on")),
                  _("Add a milestone")),
    "status": (StatusForm, _("Report the RAG status")),
    "risk": (_entry_form(Risk, ["kind", "title", "likelihood", "impact", "owner", "mitigation", "review_on"], dates=("review_on",),
                         widths={"likelihood": "govuk-input--width-2", "impact": "govuk-input--width-2"}), _("Add a risk or issue")),
    "decision": (_entry_form(Decision, ["title", "description", "levels", "needed_by"], dates=("needed_by",)), _("Add a decision needing sign-off")),
    "result": (_entry_form(Result, ["kind", "title", "description"]), _("Add a result")),
    "benefit": (_entry_form(Benefit, ["kind", "category", "description", "year", "planned", "realised"],
                            widths={"year": "govuk-input--width-5", "planned": "govuk-input--width-10", "realised": "govuk-input--width-10"}),
                _("Add a benefit")),
    "factor": (_entry_form(Factor, ["kind", "text", "rank"], widths={"rank": "govuk-input--width-2"}), _("Add an enabler or barrier")),
    "lesson": (_entry_form(Lesson, ["text"]), _("Record a lesson learned")),
    "council": (_entry_form(ProjectCouncil, ["council", "role"]), _("Add a council to the project")),
    "organisation": (_entry_form(Participation, ["organisation", "role"]), _("Add a partner organisation to the project")),
    "body": (_entry_form(Body, ["name", "kind", "parent", "remit"]), _("Add a body to the programme's structure")),
}


class MilestoneUpdateForm(GovUKForm):
    forecast_on = forms.DateField(label=_("Forecast date"), required=False, widget=DATE, input_formats=FORMATS)
    actual_on = forms.DateField(label=_("Date achieved"), required=False, widget=DATE, input_formats=FORMATS)


class SignOffForm(GovUKForm):
    level = forms.TypedChoiceField(label=_("Who signed off"), coerce=int, widget=forms.RadioSelect,
                                   choices=[(1, _("The project board")), (2, _("A council's corporate management team"))])
    council = forms.ModelChoiceField(label=_("Council"), queryset=Council.objects.none(), required=False,
                                     help_text=_("For a corporate management team's sign-off."))
    answer = forms.ChoiceField(label=_("Answer"), widget=forms.RadioSelect,
                               choices=[("approved", _("Approved")), ("rejected", _("Rejected"))])
    on = forms.DateField(label=_("Date"), widget=DATE, input_formats=FORMATS)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, councils, board=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
        if not board:
            self.fields["level"].choices = [(2, _("A council's corporate management team"))]


class IndicatorForm(GovUKModelForm):
    input_widths = {"baseline": "govuk-input--width-10", "max_age_days": "govuk-input--width-4"}

    class Meta:
        model = Indicator
        fields = ["title", "measure", "ascending", "baseline", "baseline_on", "baseline_note", "source", "package", "max_age_days"]

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "baseline_on")
        from partnering.costs.models import FundingPackage

        self.fields["package"].queryset = FundingPackage.objects.filter(partnership=partnership)


class PeriodForm(GovUKModelForm):
    input_widths = {"target": "govuk-input--width-10", "actual": "govuk-input--width-10"}

    class Meta:
        model = IndicatorPeriod
        fields = ["start_on", "end_on", "target", "actual", "target_text", "actual_text", "comment", "evidence"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "start_on", "end_on")

    def clean(self):
        data = super().clean()
        if data.get("start_on") and data.get("end_on") and data["end_on"] < data["start_on"]:
            self.add_error("end_on", _("The period ends on or after the day it starts."))
        return data


class PartnerOrganisationForm(GovUKModelForm):
    class Meta:
        model = PartnerOrganisation
        fields = ["name", "kind", "website", "identifier"]


class AgreementForm(GovUKModelForm):
    class Meta:
        model = Agreement
        fields = ["kind", "title", "councils", "organisations", "host", "hosts_what", "starts_on", "review_on", "expires_on", "remind_days", "notes"]
        widgets = {"councils": forms.CheckboxSelectMultiple, "organisations": forms.CheckboxSelectMultiple}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "starts_on", "review_on", "expires_on")
        self.fields["councils"].queryset = councils
        self.fields["host"].queryset = councils
        self.fields["organisations"].queryset = PartnerOrganisation.objects.all()


class VersionForm(GovUKForm):
    file = forms.FileField(label=_("Document"), help_text=_("A PDF or Word document, up to 20 MB."))
    note = forms.CharField(label=_("What changed"), required=False, max_length=300)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("The document is bigger than 20 MB."))
        if not upload.name.lower().endswith((".pdf", ".doc", ".docx", ".odt")):
            raise forms.ValidationError(_("Upload a PDF, Word or OpenDocument file."))
        return upload


class ScrutinyMemberForm(GovUKForm):
    email = forms.EmailField(label=_("Email address of the scrutiny member"),
                             help_text=_("They need a Partnering account; they then read this partnership's programmes."))
    council = forms.ModelChoiceField(label=_("Council whose scrutiny committee they sit on"), queryset=Council.objects.none())
    start_on = forms.DateField(label=_("From"), widget=DATE, input_formats=FORMATS)

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def clean_email(self):
        email = self.cleaned_data["email"]
        person = Person.objects.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError(_("Nobody has a Partnering account with this email address."))
        self.person = person
        return email


class QuestionForm(GovUKForm):
    question = forms.CharField(label=_("Your question"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000)


class AnswerForm(GovUKForm):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000)


class NarrativeForm(GovUKForm):
    narrative = forms.CharField(label=_("Narrative for the board"), required=False, widget=forms.Textarea(attrs={"rows": 8}),
                                help_text=_("The figures below come from the programme as it stands; write what the board needs to know."))


class MonthForm(GovUKForm):
    month = forms.DateField(label=_("Month"), widget=DATE, input_formats=FORMATS, help_text=_("Any day in the month to report on."))


class NewsletterForm(GovUKModelForm):
    class Meta:
        model = Newsletter
        fields = ["quarter_start", "title_en", "title_cy", "intro_en", "intro_cy", "case_study_en", "case_study_cy"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "quarter_start")
        self.fields["quarter_start"].help_text = _("Any day in the quarter.")
        if self.instance.pk:
            del self.fields["quarter_start"]
