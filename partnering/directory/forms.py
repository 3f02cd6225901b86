from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm, GovUKModelForm
from partnering.glossary.models import Term
from partnering.organisations.models import Council, Partnership

from .models import HelpRequest, Profile, ProfileSkill, Skill, SupportTier, WelshLevel

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ProfileForm(GovUKModelForm):
    input_widths = {"available_days": "govuk-input--width-4", "training_languages": "govuk-!-width-two-thirds"}

    class Meta:
        model = Profile
        fields = ["listed_to", "about", "welsh_level", "delivers_in_welsh", "training_languages", "available_days"]
        widgets = {"listed_to": forms.RadioSelect, "about": forms.Textarea(attrs={"rows": 4}), "welsh_level": forms.RadioSelect}
        help_texts = {
            "listed_to": _("People you are not listed to cannot find you. Your council's leads can verify your skills only "
                           "if you are listed to your council."),
            "welsh_level": _("The levels councils record for the Welsh Language Standards."),
        }

    def clean(self):
        data = super().clean()
        # Checked here as well as by the service and the database, so the message lands on the field.
        if data.get("delivers_in_welsh") and (data.get("welsh_level") or 0) < WelshLevel.INTERMEDIATE:
            self.add_error("delivers_in_welsh", _("To deliver in Welsh, choose a Welsh-language ability of 3 (intermediate) or more."))
        return data


class SkillHeldForm(GovUKModelForm):
    class Meta:
        model = ProfileSkill
        fields = ["skill", "depth", "note"]
        widgets = {"depth": forms.RadioSelect}

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = Skill.objects.order_by("name")
        self.fields["skill"].label_from_instance = lambda skill: skill.label
        self.fields["skill"].help_text = _("From the shared taxonomy. Ask a coordinator to add one that is missing.")
        if editing:
            del self.fields["skill"]


class SkillForm(GovUKModelForm):
    class Meta:
        model = Skill
        fields = ["name", "welsh_name", "term", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["term"].queryset = Term.objects.order_by("english")


class SearchForm(GovUKForm):
    DISTANCES = [("", _("Any distance")), ("10", _("Within 10 km")), ("25", _("Within 25 km")), ("50", _("Within 50 km")),
                 ("100", _("Within 100 km"))]

    q = forms.CharField(label=_("Words"), required=False, max_length=200,
                        help_text=_("Searches skill names in English and Welsh, and what people say they can help with."))
    skill = forms.ModelChoiceField(label=_("Skill"), queryset=Skill.objects.none(), required=False, empty_label=_("Any skill"))
    welsh = forms.BooleanField(label=_("Can deliver in Welsh"), required=False)
    council = forms.ModelChoiceField(label=_("Council"), queryset=Council.objects.none(), required=False, empty_label=_("Any council"))
    partnership = forms.ModelChoiceField(label=_("Partnership"), queryset=Partnership.objects.none(), required=False,
                                         empty_label=_("Any partnership"))
    within = forms.ChoiceField(label=_("Distance from where you work"), choices=DISTANCES, required=False)
    days = forms.DecimalField(label=_("At least this many days a quarter"), required=False, min_value=Decimal("0"), max_value=Decimal("66"),
                              decimal_places=1)
    input_widths = {"days": "govuk-input--width-4"}

    def __init__(self, *args, skills, councils, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].queryset = skills
        self.fields["skill"].label_from_instance = lambda skill: skill.label
        self.fields["council"].queryset = councils
        self.fields["partnership"].queryset = partnerships


class RequestForm(GovUKModelForm):
    input_widths = {"people_count": "govuk-input--width-4", "days_estimate": "govuk-input--width-4"}

    class Meta:
        model = HelpRequest
        fields = ["council", "need", "details", "audience", "people_count", "needed_by", "in_welsh", "purpose", "days_estimate"]
        widgets = {"details": forms.Textarea(attrs={"rows": 3}), "purpose": forms.RadioSelect}
        help_texts = {"days_estimate": _("Counted against the council's support tier when someone accepts.")}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
        self.fields["council"].empty_label = None
        self.fields["needed_by"].widget = _date_widget()
        self.fields["needed_by"].input_formats = DATE_FORMATS


class AskForm(GovUKForm):
    person = forms.TypedChoiceField(label=_("Person to ask"), coerce=int)
    respond_by = forms.DateField(label=_("Answer by"), required=False, input_formats=DATE_FORMATS, widget=_date_widget(),
                                 help_text=_("Leave blank for five working days from today."))
    message = forms.CharField(label=_("Message to them"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = people


class AnswerForm(GovUKForm):
    answer = forms.ChoiceField(label=_("Can you help?"), widget=forms.RadioSelect,
                               choices=[("accept", _("Yes, I can help")), ("decline", _("No, I cannot help this time"))])
    note = forms.CharField(label=_("Note to whoever asked you"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class OutcomeForm(GovUKModelForm):
    input_widths = {"days_used": "govuk-input--width-4"}

    class Meta:
        model = HelpRequest
        fields = ["outcome", "days_used", "feedback"]
        widgets = {"outcome": forms.RadioSelect, "feedback": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"days_used": _("Counted against the council's support tier for this financial year.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].required = True
        self.fields["outcome"].choices = HelpRequest.Outcome.choices


class TierForm(GovUKModelForm):
    input_widths = {"days_a_year": "govuk-input--width-4", "order": "govuk-input--width-3"}

    class Meta:
        model = SupportTier
        fields = ["name", "colour", "days_a_year", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class CouncilTiersForm(GovUKForm):
    """A tier for each member council."""

    def __init__(self, *args, councils, tiers, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.councils = list(councils)
        for council in self.councils:
            self.fields[f"council_{council.pk}"] = forms.ModelChoiceField(
                label=council.name, queryset=tiers, required=False, empty_label=_("No tier"), initial=current.get(council.pk))
            self._style(f"council_{council.pk}")

    def tiers(self) -> dict:
        return {council.pk: self.cleaned_data.get(f"council_{council.pk}") for council in self.councils}
