from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm

from .retention_rules import MAX_MONTHS, MIN_MONTHS

OUT_OF_RANGE = _("Enter a number of months between 1 and 1200, or leave it blank to keep data until you set a period")


class RetentionForm(GovUKForm):
    input_widths = {"months": "govuk-input--width-4"}

    months = forms.IntegerField(
        label=_("Months to keep a leaver's personal data"), required=False, min_value=MIN_MONTHS, max_value=MAX_MONTHS,
        help_text=_("Counted from the day a person's last employment with your council ended. Six years is 72 months. "
                    "Leave it blank to keep their data until you set a period."),
        error_messages={"invalid": _("Enter the number of months as a whole number, like 72"),
                        "min_value": OUT_OF_RANGE, "max_value": OUT_OF_RANGE},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
    )
