import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm, GovUKModelForm
from partnering.organisations.models import Council

from .models import CouncilTerms, Recruitment, RecruitmentPartner, Secondment, SharedPost, Timesheet

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _dates(form, *names):
    for name in names:
        form.fields[name].widget = DATE
        form.fields[name].input_formats = DATE_FORMATS


class PostForm(GovUKModelForm):
    input_widths = {"annual_cost": "govuk-input--width-10"}

    class Meta:
        model = SharedPost
        fields = ["title", "person", "employer", "line_manager", "start_on", "end_on", "charging", "annual_cost", "notes"]
        widgets = {"charging": forms.RadioSelect, "notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"charging": _("Recharging turns the split into recharge lines on each council's cost statement. "
                                    "Pooled posts record the time without money.")}

    def __init__(self, *args, councils, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = councils
        self.fields["person"].queryset = people
        self.fields["line_manager"].queryset = people
        self.fields["line_manager"].required = False
        _dates(self, "start_on", "end_on")


class ShareForm(GovUKForm):
    council = forms.ModelChoiceField(label=_("Council"), queryset=Council.objects.none(), required=False,
                                     help_text=_("Choose a council, or name a funding source below."))
    funder = forms.CharField(label=_("Funding source"), max_length=120, required=False, help_text=_("Such as a grant."))
    days = forms.DecimalField(label=_("Days a week"), max_digits=4, decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal("7"))
    input_widths = {"days": "govuk-input--width-4"}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def clean(self):
        data = super().clean()
        if data.get("council") and (data.get("funder") or "").strip():
            self.add_error("funder", _("Choose a council or name a funding source, not both."))
        elif not data.get("council") and not (data.get("funder") or "").strip():
            self.add_error("council", _("Choose a council or name a funding source."))
        return data


class SecondmentForm(GovUKModelForm):
    class Meta:
        model = Secondment
        fields = ["person", "home", "role", "host", "start_on", "end_on", "fte", "paid_by", "backfill", "backfill_person", "remind_days"]
        widgets = {"paid_by": forms.RadioSelect, "backfill": forms.Textarea(attrs={"rows": 3})}

    input_widths = {"fte": "govuk-input--width-4", "remind_days": "govuk-input--width-4"}

    def __init__(self, *args, councils, hosts, people, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["person"], self.fields["home"]
        else:
            self.fields["home"].queryset = councils
            self.fields["person"].queryset = people
        self.fields["host"].queryset = hosts
        self.fields["backfill_person"].queryset = people
        _dates(self, "start_on", "end_on")


class StartPeriodForm(GovUKForm):
    job = forms.ChoiceField(label=_("Time for"), help_text=_("The council that employs you, in the partnership the time is shared in."))
    period = forms.ChoiceField(label=_("Period"), choices=Timesheet.Period.choices, widget=forms.RadioSelect, initial="week")
    day = forms.DateField(label=_("A day in the period"), widget=DATE, input_formats=DATE_FORMATS,
                          help_text=_("The week (Monday to Sunday) or month holding this day."))

    def __init__(self, *args, jobs, **kwargs):
        super().__init__(*args, **kwargs)
        self.jobs = {f"{p.pk}-{c.pk}": (p, c) for p, c in jobs}
        self.fields["job"].choices = [(key, f"{c.name} – {p.name}") for key, (p, c) in self.jobs.items()]

    def clean_job(self):
        return self.jobs[self.cleaned_data["job"]]


class EntryForm(GovUKForm):
    date = forms.DateField(label=_("Date"), widget=DATE, input_formats=DATE_FORMATS)
    hours = forms.DecimalField(label=_("Hours"), max_digits=4, decimal_places=2, min_value=Decimal("0.25"), max_value=Decimal("24"),
                               help_text=_("In hours and quarters: 7.5 for seven and a half hours."))
    for_council = forms.ModelChoiceField(label=_("For which council"), queryset=Council.objects.none(), required=False)
    group = forms.ModelChoiceField(label=_("Group"), queryset=None, required=False)
    activity = forms.CharField(label=_("Project or activity"), max_length=200, required=False)
    cover = forms.BooleanField(label=_("This was cover for someone's absence"), required=False)
    input_widths = {"hours": "govuk-input--width-4"}

    def __init__(self, *args, councils, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["for_council"].queryset = councils
        self.fields["group"].queryset = groups


class DecideForm(GovUKForm):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect,
                                 choices=[("approve", _("Approve and lock the period")), ("return", _("Return it for changes"))])
    comment = forms.CharField(label=_("Comment"), max_length=300, required=False, help_text=_("Needed when returning the period."))


class UnlockForm(GovUKForm):
    reason = forms.CharField(label=_("Why unlock this approved period?"), max_length=300, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("The reason is kept in the period's history and its audit trail."))


class BalancesForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Financial year"), coerce=int)
    rate = forms.DecimalField(label=_("Value each hour at (£, optional)"), required=False, min_value=Decimal("0"), max_digits=8,
                              decimal_places=2)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = years
        self.fields["year"].widget.attrs["class"] = "govuk-select"
        self.fields["rate"].widget.attrs["class"] = "govuk-input govuk-input--width-5"


class RecruitmentForm(GovUKModelForm):
    councils = forms.ModelMultipleChoiceField(label=_("Partner councils"), queryset=Council.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Recruitment
        fields = ["title", "job_description", "person_specification"]
        widgets = {"job_description": forms.Textarea(attrs={"rows": 6}), "person_specification": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councils"].queryset = councils


class AgreeForm(GovUKModelForm):
    input_widths = {"pay_from": "govuk-input--width-10", "pay_to": "govuk-input--width-10", "agreed_grade": "govuk-input--width-10"}

    class Meta:
        model = Recruitment
        fields = ["host", "terms_of", "agreed_grade", "pay_from", "pay_to", "decision"]
        widgets = {"decision": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = councils
        self.fields["terms_of"].queryset = councils

    def clean(self):
        data = super().clean()
        if data.get("pay_from") is not None and data.get("pay_to") is not None and data["pay_to"] < data["pay_from"]:
            self.add_error("pay_to", _("The top of the pay range must be at least its bottom."))
        return data


class EvaluationForm(GovUKForm):
    partner = forms.ModelChoiceField(label=_("Council"), queryset=RecruitmentPartner.objects.none(), empty_label=None)
    scheme = forms.ChoiceField(label=_("Evaluation scheme"), choices=RecruitmentPartner.Scheme.choices, widget=forms.RadioSelect)
    points = forms.IntegerField(label=_("Points"), required=False, min_value=0, max_value=100000)
    grade = forms.CharField(label=_("Grade it would give"), max_length=40)
    input_widths = {"points": "govuk-input--width-5", "grade": "govuk-input--width-10"}

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.fields["partner"].label_from_instance = lambda p: p.council.name


PAY_LINE = re.compile(r"\s*[,\t]\s*")


class TermsForm(GovUKModelForm):
    council = forms.ModelChoiceField(label=_("Council"), queryset=Council.objects.none())
    pay = forms.CharField(label=_("Pay per grade"), widget=forms.Textarea(attrs={"rows": 6}),
                          help_text=_("One grade a line: grade, annual pay, staff on the grade, their full-time equivalent. "
                                      "For example: SO1, 30500, 4, 3.5"))

    class Meta:
        model = CouncilTerms
        fields = ["council", "role_family", "annual_leave", "hours", "mileage_rate", "allowances", "sick_pay", "notice_weeks"]

    input_widths = {"annual_leave": "govuk-input--width-4", "hours": "govuk-input--width-4", "mileage_rate": "govuk-input--width-4",
                    "notice_weeks": "govuk-input--width-4"}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def validate_unique(self):
        pass  # saving a council's terms for a role family again replaces them (the service decides)

    def clean_pay(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["pay"].splitlines(), start=1):
            if not line.strip():
                continue
            cells = PAY_LINE.split(line.strip())
            if len(cells) != 4:
                raise forms.ValidationError(_("Line %(n)s: give four values (grade, annual pay, staff, FTE), not %(count)s.")
                                            % {"n": number, "count": len(cells)})
            grade = cells[0]
            try:
                pay = Decimal(cells[1].replace("£", "").replace(" ", ""))
                staff = int(cells[2])
                fte = Decimal(cells[3])
            except (InvalidOperation, ValueError):
                raise forms.ValidationError(_("Line %(n)s: annual pay, staff and FTE must be numbers.") % {"n": number}) from None
            if pay < 0 or staff < 0 or fte < 0 or pay != pay.quantize(Decimal("0.01")):
                raise forms.ValidationError(_("Line %(n)s: pay must be pounds and pence, and no figure may be negative.") % {"n": number})
            rows.append((grade, pay, staff, fte))
        if not rows:
            raise forms.ValidationError(_("Give the pay for at least one grade."))
        return rows


class HarmoniseForm(forms.Form):
    role_family = forms.ChoiceField(label=_("Role family"))
    to = forms.ChoiceField(label=_("Harmonise each element"))
    on_cost = forms.DecimalField(label=_("Employer on-costs (% of pay)"), initial=Decimal("0"), max_digits=5, decimal_places=2,
                                 validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))])

    def __init__(self, *args, families, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role_family"].choices = [(f, f) for f in families]
        self.fields["to"].choices = [("up", _("Up, to the most generous")), ("median", _("To the median")),
                                     ("down", _("Down, to the least generous")),
                                     *[(c, _("To %(council)s's terms") % {"council": c}) for c in councils]]
        for name in ("role_family", "to"):
            self.fields[name].widget.attrs["class"] = "govuk-select"
        self.fields["on_cost"].widget.attrs["class"] = "govuk-input govuk-input--width-4"


