from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm

from .models import Person


class LanguageForm(GovUKForm):
    """The language we email someone in; blank until they choose (or switch the site's language)."""

    language = forms.ChoiceField(
        label=_("Which language should we email you in?"),
        choices=[*Person.Language.choices, ("", _("I have not chosen"))],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("If you have not chosen, we email you in English until you switch the site's language, "
                    "then in the language you switch to."),
        error_messages={"invalid_choice": _("Select English, Welsh or I have not chosen")},
    )
