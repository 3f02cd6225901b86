from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.dates import today
from partnering.core.forms import GovUKForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


class DataRequestForm(GovUKForm):
    """What a lead records before downloading a person's data on their behalf: the request it answers."""

    FORMATS = [("pdf", _("PDF, to read or print")), ("json", _("JSON, for another computer system"))]

    received_on = forms.DateField(
        label=_("Request received on"), widget=DATE, input_formats=DATE_FORMATS,
        help_text=_("The day the person, or someone acting for them, asked for their data. For example, 27/3/2026."),
        error_messages={"required": _("Enter the day the request was received"),
                        "invalid": _("The day the request was received must be a real date, for example 27/3/2026")},
    )
    reference = forms.CharField(
        label=_("Request reference"), max_length=100, required=False,
        help_text=_("Your council's reference for the request, if it has one."),
        error_messages={"max_length": _("The reference must be 100 characters or fewer")},
    )
    format = forms.ChoiceField(label=_("Format"), choices=FORMATS, widget=forms.RadioSelect,
                               error_messages={"required": _("Choose PDF or JSON")})
    input_widths = {"received_on": "govuk-input--width-10", "reference": "govuk-input--width-20"}

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > today():
            raise forms.ValidationError(_("The day the request was received must be today or in the past"))
        return received_on


class DataSubjectForm(GovUKForm):
    """A lead finds whose data to release by their email address: people who have left are not in the people list."""

    email = forms.EmailField(
        label=_("Email address of the person who made the request"), max_length=254,
        help_text=_("Their work email address at your council, including if they have left."),
        error_messages={"required": _("Enter the email address of the person who made the request"),
                        "invalid": _("Enter an email address in the correct format, like name@example.gov.uk")},
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people  # whose data the viewer may release (the access layer's answer)
        self.fields["email"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.person = self.people.filter(email__iexact=email).first()
        if self.person is None:
            raise forms.ValidationError(_("No one with that email address works or has worked for a council you lead"))
        return email
