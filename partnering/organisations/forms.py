from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKModelForm
from partnering.core.models import Sharing

from .models import Council, Venue
from .selectors import current_partnerships_of
from .services import COUNCIL_PROFILE_FIELDS, VENUE_FIELDS


class CouncilProfileForm(GovUKModelForm):
    input_widths = {
        "latitude": "govuk-input--width-10",
        "longitude": "govuk-input--width-10",
        "headcount": "govuk-input--width-5",
        "brand_colour": "govuk-input--width-7",
    }

    class Meta:
        model = Council
        fields = COUNCIL_PROFILE_FIELDS
        help_texts = {
            "brand_colour": _("Used to mark your council's records, for example #1d70b8."),
            "email_domain": _("The part of staff email addresses after the @, for example swansea.gov.uk."),
        }
        widgets = {"brand_colour": forms.TextInput(attrs={"spellcheck": "false"})}


class VenueForm(GovUKModelForm):
    input_widths = {
        "postcode": "govuk-input--width-10",
        "latitude": "govuk-input--width-10",
        "longitude": "govuk-input--width-10",
        "capacity": "govuk-input--width-5",
    }

    class Meta:
        model = Venue
        fields = VENUE_FIELDS
        widgets = {"address": forms.Textarea(attrs={"rows": 3}), "sharing": forms.Select}

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.council = council
        self.fields["shared_with"].queryset = current_partnerships_of(council)
        self.fields["shared_with"].help_text = _("Only needed when the venue is shared with a partnership.")

    def clean(self):
        data = super().clean()
        sharing, partnership = data.get("sharing"), data.get("shared_with")
        if sharing == Sharing.PARTNERSHIP and partnership is None:
            self.add_error("shared_with", _("Choose the partnership to share this venue with."))
        if sharing != Sharing.PARTNERSHIP:
            data["shared_with"] = None
        name = data.get("name")
        # The council comes from the page, not the form, so Django's unique check cannot see it.
        if name and Venue.objects.filter(council=self.council, name__iexact=name).exclude(pk=self.instance.pk).exists():
            self.add_error("name", _("%(council)s already has a venue called %(name)s.") % {"council": self.council.short_name, "name": name})
        return data
