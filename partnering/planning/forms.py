from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm
from partnering.organisations.models import Council
from partnering.organisations.selectors import current_member_councils
from partnering.people.models import CouncilRole

from . import services


class PlanForm(GovUKForm):
    """What to plan for. Read from the query string, so a plan's page can be bookmarked and shared."""

    audience = forms.ChoiceField(label=_("Plan for"), widget=forms.RadioSelect, initial=services.AUDIENCE_COURSE)
    roles = forms.MultipleChoiceField(label=_("Roles"), choices=CouncilRole.Role.choices, required=False, widget=forms.CheckboxSelectMultiple,
                                      help_text=_("Everyone in these roles at the partnership's councils."))
    k = forms.IntegerField(label=_("Number of venues"), min_value=1, max_value=20, initial=3,
                           help_text=_("How many sessions to run, each at its own venue."))
    objective = forms.ChoiceField(label=_("Choose venues to"), widget=forms.RadioSelect, initial="total", choices=[
        ("total", _("cut everyone's travel in total")), ("max", _("cut the longest journey anyone makes"))])
    capacity = forms.BooleanField(label=_("Keep within each venue's capacity"), required=False,
                                  help_text=_("Venues with no capacity recorded are treated as having room for everyone."))
    trainer_from = forms.ModelChoiceField(label=_("The trainer travels from"), queryset=Council.objects.none(), required=False,
                                          empty_label=_("Do not count trainer travel"))
    pence_per_mile = forms.IntegerField(label=_("Mileage rate (pence a mile)"), min_value=0, max_value=500, initial=45)
    co2_kg_per_km = forms.DecimalField(label=_("CO2 (kg a km)"), min_value=0, max_value=5, decimal_places=3, initial="0.170",
                                       help_text=_("An average car is about 0.17 kg a km."))
    online_threshold = forms.IntegerField(label=_("Suggest online when the typical journey is longer than (minutes, one way)"),
                                          min_value=1, max_value=600, initial=60)
    input_widths = {"k": "govuk-input--width-3", "pence_per_mile": "govuk-input--width-4", "co2_kg_per_km": "govuk-input--width-5",
                    "online_threshold": "govuk-input--width-4"}

    def __init__(self, *args, course, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(services.AUDIENCE_COURSE, _("People booked on or interested in any session of this course")),
                   (services.AUDIENCE_ROLES, _("All staff in chosen roles"))]
        if session is not None:
            choices.insert(0, (services.AUDIENCE_SESSION, _("People booked on or interested in this session")))
            self.fields["audience"].initial = services.AUDIENCE_SESSION
        self.fields["audience"].choices = choices
        self.fields["trainer_from"].queryset = current_member_councils(course.partnership).order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("audience") == services.AUDIENCE_ROLES and not data.get("roles"):
            self.add_error("roles", _("Choose at least one role"))
        return data

    def settings(self):
        from .optimiser import PlanSettings

        data = self.cleaned_data
        return PlanSettings(k=data["k"], pence_per_mile=data["pence_per_mile"], co2_kg_per_km=float(data["co2_kg_per_km"]),
                            online_threshold_minutes=data["online_threshold"], objective=data["objective"], capacity=data["capacity"])

    def parameters(self) -> dict:
        data = self.cleaned_data
        return {"audience": data["audience"], "roles": data["roles"], "k": data["k"], "objective": data["objective"],
                "capacity": data["capacity"], "trainer_from": data["trainer_from"].slug if data["trainer_from"] else None,
                "pence_per_mile": data["pence_per_mile"], "co2_kg_per_km": str(data["co2_kg_per_km"]),
                "online_threshold": data["online_threshold"]}
