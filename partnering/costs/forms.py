from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm, GovUKModelForm
from partnering.learning.models import Course
from partnering.organisations.models import Council

from .models import (
    Amendment,
    Award,
    Claim,
    Cost,
    CostPool,
    Drawdown,
    EntitlementPool,
    FundingPackage,
    InKind,
    OneToOne,
    PoolBasis,
    ProfileLine,
    Reprofile,
    Spend,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YEAR_HINT = _("A financial year, such as 2025/26.")


def _dates(form, *names):
    for name in names:
        form.fields[name].widget = DATE
        form.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]


class PoolForm(GovUKModelForm):
    councils = forms.ModelMultipleChoiceField(label=_("Councils sharing it"), queryset=Council.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)
    input_widths = {"tolerance": "govuk-input--width-10"}

    class Meta:
        model = CostPool
        fields = ["name", "purpose", "description", "councils", "course", "tolerance"]
        widgets = {"purpose": forms.RadioSelect, "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "tolerance": _("In pounds. When every council's balance for a period is below this, nobody is recharged."),
            "course": _("Only needed to share by places booked or attended."),
        }

    def __init__(self, *args, partnership, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councils"].queryset = councils
        self.fields["course"].queryset = Course.objects.filter(partnership=partnership)
        self.fields["course"].required = False


class TermsForm(GovUKForm):
    """Each council's cost on its own, and any cap or floor on its share of a period."""

    tolerance = forms.DecimalField(label=_("Tolerance"), min_value=0, max_digits=14, decimal_places=2,
                                   help_text=_("In pounds. When every council's balance for a period is below this, nobody is recharged."))
    input_widths = {"tolerance": "govuk-input--width-10"}

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(pool.members.select_related("council"))
        self.fields["tolerance"].initial = pool.tolerance
        for member in self.members:
            for name, label in (("cost_alone", _("%(council)s: cost on its own, a year")),
                                ("cap", _("%(council)s: most it pays in a period")),
                                ("floor", _("%(council)s: least it pays in a period"))):
                key = f"{name}_{member.council_id}"
                self.fields[key] = forms.DecimalField(label=label % {"council": member.council.name}, required=False, min_value=0,
                                                      max_digits=14, decimal_places=2, initial=getattr(member, name))
                self.input_widths[key] = "govuk-input--width-10"
                self._style(key)

    def terms(self) -> dict:
        data = self.cleaned_data
        return {m.council_id: (data.get(f"cost_alone_{m.council_id}"), data.get(f"cap_{m.council_id}"), data.get(f"floor_{m.council_id}"))
                for m in self.members}


class BasisForm(GovUKForm):
    effective_from = forms.DateField(label=_("Applies from"), widget=DATE, input_formats=["%Y-%m-%d", "%d/%m/%Y"],
                                     help_text=_("Costs on or after this date are shared this way until the next basis; earlier ones "
                                                 "keep the basis they had."))
    basis = forms.ChoiceField(label=_("How the pool is split"), choices=PoolBasis.Basis.choices, widget=forms.RadioSelect)
    measure = forms.ChoiceField(label=_("Where the figures come from"), choices=PoolBasis.Measure.choices, widget=forms.RadioSelect,
                                initial=PoolBasis.Measure.TYPED,
                                help_text=_("Not needed for an equal split. Partnering's own figures are taken as they stand on the "
                                            "date the basis applies from, and kept with their source."))
    measure_label = forms.CharField(label=_("What the figures are"), required=False, max_length=120,
                                    help_text=_("For example: legal-services headcount, or population."))
    equal_weight = forms.DecimalField(label=_("Percentage shared equally (hybrid only)"), required=False, min_value=0, max_value=100,
                                      max_digits=5, decimal_places=2, help_text=_("The rest is shared pro rata to the figures."))
    note = forms.CharField(label=_("Why (as agreed by the partnership)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    input_widths = {"equal_weight": "govuk-input--width-5", "effective_from": "govuk-input--width-10"}

    def __init__(self, *args, pool, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(pool.members.select_related("council"))
        for member in self.members:
            council = member.council
            value_key, source_key = f"value_{council.pk}", f"source_{council.pk}"
            self.fields[value_key] = forms.DecimalField(
                label=_("%(council)s: figure") % {"council": council.name}, required=False, min_value=0, max_digits=14, decimal_places=4,
                help_text=_("A percentage for fixed shares; the measure (such as headcount) for pro rata; units used for usage."))
            self.fields[source_key] = forms.CharField(label=_("%(council)s: source of the figure") % {"council": council.name},
                                                      required=False, max_length=200)
            self.input_widths[value_key] = "govuk-input--width-10"
            for key in (value_key, source_key):
                self._style(key)

    def figure_fields(self):
        return [(m.council, self[f"value_{m.council_id}"], self[f"source_{m.council_id}"]) for m in self.members]

    def typed_figures(self) -> dict:
        data = self.cleaned_data
        return {m.council_id: (data.get(f"value_{m.council_id}"), data.get(f"source_{m.council_id}") or "", data["effective_from"])
                for m in self.members}


class CostForm(GovUKModelForm):
    input_widths = {"amount": "govuk-input--width-10"}

    class Meta:
        model = Cost
        fields = ["paid_by", "date", "amount", "kind", "description"]
        widgets = {"kind": forms.RadioSelect}
        help_texts = {"amount": _("In pounds and pence.")}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paid_by"].queryset = councils
        _dates(self, "date")


class PackageForm(GovUKModelForm):
    input_widths = {"warn_days": "govuk-input--width-4"}

    class Meta:
        model = FundingPackage
        fields = ["name", "description", "start_date", "end_date", "warn_days"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "start_date", "end_date")


class EntryForm(GovUKModelForm):
    """A funding package's entry; `award` and `council` choices come from the package."""

    input_widths = {"awarded": "govuk-input--width-10", "bid": "govuk-input--width-10", "change": "govuk-input--width-10",
                    "amount": "govuk-input--width-10", "days": "govuk-input--width-5", "day_rate": "govuk-input--width-10",
                    "year": "govuk-input--width-5", "from_year": "govuk-input--width-5", "to_year": "govuk-input--width-5"}

    def __init__(self, *args, package, councils, **kwargs):
        super().__init__(*args, **kwargs)
        if "award" in self.fields:
            self.fields["award"].queryset = package.awards.all()
        if "council" in self.fields:
            self.fields["council"].queryset = councils
        if "date" in self.fields:
            _dates(self, "date")
        for name in ("year", "from_year", "to_year"):
            if name in self.fields:
                self.fields[name].help_text = YEAR_HINT


def _entry_form(entry_model, entry_fields, **meta):
    meta_class = type("Meta", (), {"model": entry_model, "fields": entry_fields, **meta})
    return type(f"{entry_model.__name__}Form", (EntryForm,), {"Meta": meta_class})


PACKAGE_FORMS = {
    "award": (_entry_form(Award, ["funder", "awarded", "bid"]), _("Add a funder")),
    "amendment": (_entry_form(Amendment, ["award", "date", "change", "year", "reason"],
                              help_texts={"change": _("In pounds: negative for a cut, positive for an uplift."),
                                          "year": _("Optional: the financial year whose planned spend it changes, such as 2015/16.")}),
                  _("Record a cut or uplift")),
    "profile": (_entry_form(ProfileLine, ["year", "amount"]), _("Plan a year's spend")),
    "reprofile": (_entry_form(Reprofile, ["date", "from_year", "to_year", "amount", "reason"]), _("Move planned spend between years")),
    "spend": (_entry_form(Spend, ["date", "amount", "kind", "description", "council"], widgets={"kind": forms.RadioSelect}),
              _("Record spend")),
    "claim": (_entry_form(Claim, ["award", "date", "amount", "reference"]), _("Record a claim")),
    "in_kind": (_entry_form(InKind, ["council", "date", "days", "day_rate", "description"],
                            help_texts={"day_rate": _("In pounds: what a day of this person's time is worth.")}),
                _("Record a contribution in kind")),
}


class EntitlementForm(GovUKModelForm):
    input_widths = {"pool_days": "govuk-input--width-5", "cap_days": "govuk-input--width-5"}

    class Meta:
        model = EntitlementPool
        fields = ["name", "description", "pool_days", "cap_days"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class DrawdownForm(GovUKModelForm):
    input_widths = {"days": "govuk-input--width-5"}

    class Meta:
        model = Drawdown
        fields = ["council", "date", "days"]

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
        _dates(self, "date")


class OneToOneForm(DrawdownForm):
    class Meta:
        model = OneToOne
        fields = ["council", "date", "days", "description"]


class ThemeGroupForm(GovUKForm):
    name = forms.CharField(label=_("Theme"), max_length=120)
    days = forms.DecimalField(label=_("Facilitator days"), min_value=Decimal("0.01"), max_digits=8, decimal_places=2)
    members = forms.ModelMultipleChoiceField(label=_("Councils in the group"), queryset=Council.objects.none(),
                                             widget=forms.CheckboxSelectMultiple,
                                             help_text=_("The group's days are shared equally among them unless you give weights."))
    weights = forms.CharField(label=_("Weights (optional)"), required=False,
                              help_text=_("One number for each council ticked, in the order listed, separated by commas: 2, 1, 1."))
    input_widths = {"days": "govuk-input--width-5"}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = councils

    def clean(self):
        data = super().clean()
        members = list(data.get("members") or [])
        text = (data.get("weights") or "").strip()
        if not text:
            data["weighted"] = dict.fromkeys(members, Decimal("1"))
            return data
        parts = [p.strip() for p in text.split(",")]
        if len(parts) != len(members):
            self.add_error("weights", _("Give one weight for each council ticked (%(count)s).") % {"count": len(members)})
            return data
        try:
            weights = [Decimal(p) for p in parts]
        except ArithmeticError:
            self.add_error("weights", _("Weights must be numbers, such as 2, 1, 1."))
            return data
        if any(w <= 0 for w in weights):
            self.add_error("weights", _("Every weight must be more than zero."))
            return data
        data["weighted"] = dict(zip(members, weights, strict=True))
        return data


ENTITLEMENT_FORMS = {
    "drawdown": (DrawdownForm, _("Record a drawdown")),
    "one_to_one": (OneToOneForm, _("Record one-to-one support")),
    "group": (ThemeGroupForm, _("Add a theme group")),
}


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Financial year"), coerce=int)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = years
        self.fields["year"].widget.attrs["class"] = "govuk-select"
