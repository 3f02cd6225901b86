from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm


class CouncilSignInForm(GovUKForm):
    """"Sign in with your council account": the email says which council's provider to use."""

    prefix = None
    email = forms.EmailField(
        label=_("Your council email address"),
        help_text=_("We will send you to your council's sign-in page."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={"required": _("Enter your council email address"),
                        "invalid": _("Enter an email address in the correct format, like name@council.gov.uk")},
    )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class CodeForm(GovUKForm):
    code = forms.CharField(
        label=_("Code from your authenticator app, or a recovery code"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": _("Enter the code from your authenticator app")},
    )
    input_widths = {"code": "govuk-input--width-10"}

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class SetupCodeForm(GovUKForm):
    code = forms.CharField(
        label=_("Code from your authenticator app"), max_length=6, min_length=6,
        help_text=_("Six digits, shown by the app after you add Partnering to it."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": _("Enter the six-digit code from your authenticator app"),
                        "min_length": _("The code must be six digits"), "max_length": _("The code must be six digits")},
    )
    input_widths = {"code": "govuk-input--width-5"}

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError(_("The code must be six digits"))
        return code
