from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm, GovUKModelForm
from partnering.core.models import Sharing
from partnering.organisations.models import Council
from partnering.organisations.selectors import current_partnerships_of
from partnering.reference.labels import ARRANGEMENT_KIND_LABELS, DELIVERY_METHOD_LABELS, FIELD_LABELS
from partnering.reference.years import current_financial_year, financial_year_label

from .importers.fields import PROVISION_FIELDS
from .importers.reading import MAX_FILE_BYTES, SUFFIXES
from .models import Topic


def year_choices():
    latest = current_financial_year() + 1
    return [(year, financial_year_label(year)) for year in range(latest, 2009, -1)]


class YearField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=year_choices, coerce=int, initial=current_financial_year, label=_("Financial year"), **kwargs)


class SharingFields(forms.Form):
    sharing = forms.ChoiceField(label=_("Who can see the lines of this return"), choices=Sharing.choices, initial=Sharing.PARTNERSHIP)
    shared_with = forms.ModelChoiceField(
        label=_("Partnership to share with"), queryset=None, required=False,
        help_text=_("Partners always see totals for the partnership; sharing lets them see your return line by line."),
    )

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shared_with"].queryset = current_partnerships_of(council)
        self.fields["shared_with"].initial = self.fields["shared_with"].queryset.first()

    def clean(self):
        data = super().clean()
        if data.get("sharing") == Sharing.PARTNERSHIP and not data.get("shared_with"):
            self.add_error("shared_with", _("Choose the partnership to share this return with."))
        if data.get("sharing") != Sharing.PARTNERSHIP:
            data["shared_with"] = None
        return data


class UploadForm(GovUKForm, SharingFields):
    year = YearField()
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("An .xlsx, .xls, .ods or .csv file of up to %(size)d MB. Title rows above the headers are fine.")
        % {"size": MAX_FILE_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(SUFFIXES))}),
    )
    field_order = ["year", "file", "sharing", "shared_with"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size).1f MB; the limit is %(limit)d MB.")
                % {"size": upload.size / (1024 * 1024), "limit": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


IGNORE = "ignore"


class MappingForm(GovUKForm):
    """Which sheet to read, and which field each column holds."""

    def __init__(self, *args, sheets: list[str], sheet: str, headers: list[str], mapping: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.headers = headers
        if len(sheets) > 1:
            self.fields["sheet"] = forms.ChoiceField(label=_("Sheet with the provision"), choices=[(s, s) for s in sheets], initial=sheet)
        choices = [(IGNORE, _("Do not import")), *((f.name, FIELD_LABELS[f.name]) for f in PROVISION_FIELDS)]
        for index, header in enumerate(headers):
            if header:
                self.fields[f"column_{index}"] = forms.ChoiceField(
                    label=header, choices=choices, initial=mapping.get(index, IGNORE), required=False
                )

    def column_fields(self):
        return [self[name] for name in self.fields if name.startswith("column_")]

    def clean(self):
        data = super().clean()
        chosen = {}
        for index, header in enumerate(self.headers):
            name = data.get(f"column_{index}")
            if name and name != IGNORE:
                if name in chosen:
                    self.add_error(f"column_{index}", _("%(other)s is already mapped to this field.") % {"other": chosen[name]})
                chosen[name] = header
        if "title" not in chosen:
            self.add_error(None, _("Choose which column holds the course title."))
        data["mapping"] = {header: data.get(f"column_{i}") or IGNORE for i, header in enumerate(self.headers) if header}
        return data


class InvestmentForm(GovUKForm):
    year = YearField()
    budget_gbp = forms.DecimalField(label=_("L&D budget (£)"), min_value=0, decimal_places=2, max_digits=14, required=False)
    trainer_fte = forms.DecimalField(label=_("Trainers (full-time equivalent)"), min_value=0, decimal_places=2, max_digits=6, required=False)
    elearning_platform = forms.CharField(label=_("E-learning platform"), max_length=120, required=False)
    headcount = forms.IntegerField(label=_("Staff headcount"), min_value=1, required=False,
                                   help_text=_("Staff the budget serves; used for spend per head."))
    input_widths = {"budget_gbp": "govuk-input--width-10", "trainer_fte": "govuk-input--width-5", "headcount": "govuk-input--width-10"}

    def cleaned_values(self) -> dict:
        data = self.cleaned_data
        budget = data.get("budget_gbp")
        return {
            "budget_pence": int(budget * 100) if budget is not None else None,
            "trainer_fte": data.get("trainer_fte"),
            "elearning_platform": data.get("elearning_platform") or "",
            "headcount": data.get("headcount"),
        }

    @staticmethod
    def initial_from(investment) -> dict:
        if investment is None:
            return {}
        return {
            "year": investment.year,
            "budget_gbp": Decimal(investment.budget_pence) / 100 if investment.budget_pence is not None else None,
            "trainer_fte": investment.trainer_fte, "elearning_platform": investment.elearning_platform,
            "headcount": investment.headcount,
        }


class ArrangementForm(GovUKForm):
    year = YearField()
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner councils"), queryset=Council.objects.none(), widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    subject = forms.CharField(label=_("On what"), max_length=200, help_text=_("For example: ILM Level 3 cohort, e-learning platform."))
    kind = forms.ChoiceField(label=_("Arrangement"), choices=list(ARRANGEMENT_KIND_LABELS.items()))
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, council: Council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Council.objects.exclude(pk=council.pk).order_by("name")


class TopicForm(GovUKModelForm):
    class Meta:
        model = Topic
        fields = ["name", "name_cy", "aliases", "keywords"]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 4}), "keywords": forms.Textarea(attrs={"rows": 6})}


class LineTopicForm(GovUKForm):
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all())


class DashboardFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), choices=year_choices, coerce=int, required=False)
    council = forms.ModelChoiceField(label=_("Council"), queryset=Council.objects.none(), required=False, empty_label=_("All councils"))
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All topics"))
    method = forms.ChoiceField(label=_("Delivery method"), choices=[("", _("All methods")), *DELIVERY_METHOD_LABELS.items()], required=False)

    def __init__(self, *args, councils=None, **kwargs):
        super().__init__(*args, **kwargs)
        if councils is None:
            del self.fields["council"]
        else:
            self.fields["council"].queryset = councils
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-select"
