from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from .forms import GovUKFormMixin


class EmailAuthenticationForm(GovUKFormMixin, AuthenticationForm):
    """Django's sign-in form (fields `username` and `password`), labelled for email sign-in."""

    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True, "spellcheck": "false"}),
    )
    error_messages = {
        "invalid_login": _("Enter a correct email address and password. Both are case-sensitive."),
        "inactive": _("This account has been deactivated."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class GovUKPasswordResetForm(GovUKFormMixin, PasswordResetForm):
    pass


class GovUKSetPasswordForm(GovUKFormMixin, SetPasswordForm):
    pass
