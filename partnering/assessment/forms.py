from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm, GovUKModelForm
from partnering.organisations.models import Council

from .models import Action, BankQuestion, Evidence, Framework, QuestionKind, Rules, Scale, Survey

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _dates(form, *names):
    for name in names:
        form.fields[name].widget = DATE
        form.fields[name].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]


class RulesForm(GovUKModelForm):
    input_widths = {"min_group": "govuk-input--width-4", "free_text_min": "govuk-input--width-4", "weak_below": "govuk-input--width-4"}

    class Meta:
        model = Rules
        fields = ["min_group", "free_text_min", "weak_below"]


class FrameworkForm(GovUKForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    copy_of = forms.ModelChoiceField(label=_("Start from"), required=False, queryset=Framework.objects.none(),
                                     empty_label=_("Nothing: I will add the criteria"),
                                     help_text=_("Copy a framework's criteria, then change them. The blank skills award framework has 40 to fill in."))

    def __init__(self, *args, frameworks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["copy_of"].queryset = frameworks


class CriterionForm(GovUKForm):
    area = forms.CharField(label=_("Area"), max_length=200, help_text=_("A new area name starts a new area."))
    text = forms.CharField(label=_("Criterion"), max_length=300)
    guidance = forms.CharField(label=_("Guidance"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    evidence_expected = forms.CharField(label=_("Evidence expected"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    scale = forms.ChoiceField(label=_("Scale"), choices=Scale.choices, widget=forms.RadioSelect, initial=Scale.POINTS)
    descriptors = forms.CharField(label=_("What each point means (1 to 5)"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
                                  help_text=_("For the 1 to 5 scale: one line a point, starting with 1."))
    custom_points = forms.CharField(label=_("Points of your own scale"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                                    help_text=_("One a line, as a number, an equals sign and a label, such as “3 = Fully”."))

    def __init__(self, *args, with_area=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_area:
            del self.fields["area"]

    def clean_descriptors(self):
        return [line.strip() for line in self.cleaned_data["descriptors"].splitlines() if line.strip()][:5]

    def clean_custom_points(self):
        points = []
        for number, line in enumerate(self.cleaned_data["custom_points"].splitlines(), start=1):
            if not line.strip():
                continue
            value, sep, label = line.partition("=")
            try:
                points.append([float(Decimal(value.strip())), label.strip() or value.strip()])
            except Exception:
                raise forms.ValidationError(_("Line %(n)s: start with a number, such as “3 = Fully”.") % {"n": number}) from None
        return points


class StartForm(GovUKForm):
    subject = forms.ChoiceField(label=_("Who is assessed"), widget=forms.RadioSelect)
    team = forms.CharField(label=_("Team (optional)"), max_length=200, required=False,
                           help_text=_("If a team, not the whole council, assesses itself."))
    title = forms.CharField(label=_("Title"), max_length=200, help_text=_("Such as “HR integration, spring 2026”."))
    moderator_council = forms.ModelChoiceField(label=_("Moderated by"), required=False, queryset=Council.objects.none(),
                                               empty_label=_("The partnership's coordinator"),
                                               help_text=_("A peer council in the partnership, or the coordinator."))

    def __init__(self, *args, subjects, moderators, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = subjects
        self.fields["moderator_council"].queryset = moderators
        self._style("subject")


class EvidenceForm(GovUKForm):
    kind = forms.ChoiceField(label=_("Kind of evidence"), choices=Evidence.Kind.choices, widget=forms.RadioSelect)
    title = forms.CharField(label=_("Title"), max_length=200)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https", help_text=_("For a link."))
    file = forms.FileField(label=_("Document"), required=False, help_text=_("For a document. PDF, Word, Excel or an image; up to 10 MB."))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and file.size > 10 * 1024 * 1024:
            raise forms.ValidationError(_("The document must be 10 MB or smaller."))
        return file


class ActionForm(GovUKModelForm):
    class Meta:
        model = Action
        fields = ["text", "owner", "due_on", "review_on", "status"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "status": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "due_on", "review_on")


class SurveyForm(GovUKModelForm):
    councils = forms.ModelMultipleChoiceField(label=_("Staff of these councils"), required=False, queryset=Council.objects.none(),
                                              widget=forms.CheckboxSelectMultiple)
    roles = forms.MultipleChoiceField(label=_("Only these roles"), required=False, widget=forms.CheckboxSelectMultiple,
                                      choices=[("lead", _("L&D or HR leads")), ("trainer", _("Trainers")), ("staff", _("Other staff"))],
                                      help_text=_("Leave all unticked for everyone."))

    class Meta:
        model = Survey
        fields = ["title", "kind", "audience", "introduction", "service", "councils", "groups", "roles"]
        widgets = {"kind": forms.RadioSelect, "audience": forms.RadioSelect, "introduction": forms.Textarea(attrs={"rows": 3}),
                   "groups": forms.CheckboxSelectMultiple}

    def __init__(self, *args, councils, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councils"].queryset = councils
        self.fields["groups"].queryset = groups
        self.fields["groups"].required = False
        for name in ("councils", "groups", "roles"):
            self._style(name)


class QuestionForm(GovUKForm):
    from_bank = forms.ModelChoiceField(label=_("From the question bank"), required=False, queryset=BankQuestion.objects.all(),
                                       empty_label=_("None: I will write my own"))
    text = forms.CharField(label=_("Or your own question"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=QuestionKind.choices, widget=forms.RadioSelect, initial=QuestionKind.LIKERT,
                             help_text=_("For your own question."))
    choices = forms.CharField(label=_("Choices"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("For a choice question: one a line, best first."))
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def clean_choices(self):
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class WaveForm(GovUKForm):
    opens_on = forms.DateField(label=_("Opens"))
    closes_on = forms.DateField(label=_("Closes"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _dates(self, "opens_on", "closes_on")


class AnswerForm(GovUKForm):
    """One field per question of the survey."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for q in questions:
            name = f"q{q.pk}"
            if q.kind == QuestionKind.LIKERT:
                choices = [("5", _("5: Strongly agree")), ("4", _("4: Agree")), ("3", _("3: Neither agree nor disagree")),
                           ("2", _("2: Disagree")), ("1", _("1: Strongly disagree"))]
                field = forms.ChoiceField(label=q.text, choices=choices, widget=forms.RadioSelect, required=q.required)
            elif q.kind == QuestionKind.RECOMMEND:
                choices = [(str(n), str(n)) for n in range(10, -1, -1)]
                field = forms.ChoiceField(label=q.text, choices=choices, widget=forms.RadioSelect, required=q.required,
                                          help_text=_("10 is extremely likely, 0 not at all likely."))
            elif q.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(label=q.text, choices=[(c, c) for c in q.choices], widget=forms.RadioSelect, required=q.required)
            else:
                field = forms.CharField(label=q.text, required=q.required, max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
                                        help_text=_("Do not include anything that identifies you or anyone else."))
            field.error_messages["required"] = _("Answer “%(question)s”.") % {"question": q.text}
            self.fields[name] = field
            self._style(name)

    def answers(self) -> dict:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class ResultsForm(GovUKForm):
    by = forms.ChoiceField(label=_("Break down by"), choices=[("council", _("Council")), ("partnership", _("Partnership")), ("role", _("Role")),
                                                                ("wave", _("Wave"))],
                           initial="council")


class ScoresForm(GovUKForm):
    """A score and comment for every criterion (or, for the moderator, a moderated score and comment)."""

    def __init__(self, *args, scores, moderating=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        keep = [("", _("Keep the council's score"))] if moderating else [("", _("Not scored yet"))]
        for score in scores:
            c = score.criterion
            value = score.moderated_value if moderating else score.value
            self.fields[f"score_{c.pk}"] = forms.ChoiceField(
                label=c.text, required=False, widget=forms.RadioSelect,
                choices=[(str(v.normalize()), label) for v, label in c.points()] + keep,
                initial=str(value.normalize()) if value is not None else "",
                help_text=(c.guidance or "") + ((" " + str(_("Evidence expected: %(e)s") % {"e": c.evidence_expected})) if c.evidence_expected else ""))
            self.fields[f"comment_{c.pk}"] = forms.CharField(
                label=_("Moderator's comment on “%(c)s”") % {"c": c.text} if moderating else _("Comment on “%(c)s”") % {"c": c.text},
                required=False, widget=forms.Textarea(attrs={"rows": 2}),
                initial=score.moderator_comment if moderating else score.comment)
            self._style(f"score_{c.pk}")
            self._style(f"comment_{c.pk}")
            self.rows.append((c, score))
        if moderating:
            self.fields["moderator_view"] = forms.CharField(label=_("The moderator's view"), widget=forms.Textarea(attrs={"rows": 5}),
                                                            help_text=_("What the evidence shows overall, and any scores you changed and why."))
            self._style("moderator_view")

    def bound_rows(self):
        return [(c, score, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c, score in self.rows]

    def scores(self) -> dict:
        out = {}
        for c, _score in self.rows:
            raw = self.cleaned_data.get(f"score_{c.pk}") or None
            out[c.pk] = (Decimal(raw) if raw is not None else None, self.cleaned_data.get(f"comment_{c.pk}", ""))
        return out
