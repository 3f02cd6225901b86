from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm
from partnering.mapping.models import Topic


class ReportFilterForm(forms.Form):
    q = forms.CharField(label=_("Title or provider"), required=False)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All topics"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"class": "govuk-input govuk-input--width-20", "type": "search"})
        self.fields["topic"].widget.attrs["class"] = "govuk-select"


class AssumptionsForm(GovUKForm):
    cohort_size = forms.IntegerField(
        label=_("Learners in a cohort"), min_value=1, max_value=500, initial=12,
        help_text=_("Used to work out how many cohorts the combined learners need."),
    )
    input_widths = {"cohort_size": "govuk-input--width-3"}


class SplitForm(GovUKForm):
    lines = forms.MultipleChoiceField(label=_("Lines that are a different course"), widget=forms.CheckboxSelectMultiple, choices=())

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = [
            (str(m.provision_id), f"{m.provision.title} ({m.provision.council.short_name})") for m in members
        ]


class MergeForm(GovUKForm):
    other = forms.ModelChoiceField(label=_("The same course as"), queryset=None)

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = groups


class AnswerForm(GovUKForm):
    answer = forms.ChoiceField(
        label=_("Are they the same course?"), widget=forms.RadioSelect,
        choices=[("yes", _("Yes")), ("no", _("No")), ("not-sure", _("Not sure"))],
        error_messages={"required": _("Choose yes, no or not sure"), "invalid_choice": _("Choose yes, no or not sure")},
    )


class LearningForm(GovUKForm):
    learn_from_decisions = forms.BooleanField(
        label=_("Let Partnering learn from our overlap decisions for every partnership"), required=False,
        help_text=_("Only the titles and course details of the lines you decide on are used (never learners, costs or "
                    "councils), to improve the matching for every partnership. Your own decisions always improve your own analysis."),
    )
