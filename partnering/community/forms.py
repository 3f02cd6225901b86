from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm

from .models import Document, Group, GroupMember
from .services import DOCUMENT_MAX_BYTES, DOCUMENT_TYPES, MAX_RANKED

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class GroupForm(GovUKForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(label=_("What the group is for"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    kind = forms.ChoiceField(label=_("Kind of group"), choices=Group.Kind.choices, initial=Group.Kind.INTEREST)
    joining = forms.ChoiceField(label=_("How staff join"), choices=Group.Joining.choices, widget=forms.RadioSelect,
                                initial=Group.Joining.REQUEST)
    rotates_by = forms.ChoiceField(label=_("The chair rotates by"), choices=Group.RotatesBy.choices, widget=forms.RadioSelect,
                                   initial=Group.RotatesBy.PERSON)
    rotation_months = forms.IntegerField(label=_("Months in each chair's turn"), min_value=1, max_value=60, initial=12)
    rotation_starts_on = forms.DateField(label=_("First turn starts on"), widget=forms.DateInput(attrs={"type": "date"}),
                                         required=False, help_text=_("Leave blank for today."))
    reports_to = forms.ModelChoiceField(label=_("Reports to"), queryset=Group.objects.none(), required=False,
                                        help_text=_("For example, a special-interest group reports to the chairs' group, "
                                                    "and the chairs' group to the board."))
    also_partnerships = forms.ModelMultipleChoiceField(label=_("Also open to these partnerships"), queryset=None, required=False,
                                                       widget=forms.CheckboxSelectMultiple)
    input_widths = {"rotation_months": "govuk-input--width-3"}

    def __init__(self, *args, partnership, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        from partnering.organisations.models import Partnership

        others = Group.objects.filter(partnership=partnership)
        if group is not None:
            others = others.exclude(pk=group.pk)
        self.fields["reports_to"].queryset = others
        self.fields["also_partnerships"].queryset = Partnership.objects.exclude(pk=partnership.pk).order_by("name")


class JoinForm(GovUKForm):
    council = forms.ModelChoiceField(label=_("You join for"), queryset=None, empty_label=None)

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class MemberForm(GovUKForm):
    email = forms.EmailField(label=_("Email address"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False,
                                help_text=_("Needed for a guest who has no account yet."))
    council = forms.ModelChoiceField(label=_("Member for council"), queryset=None, required=False,
                                     help_text=_("For a member of staff: the council they represent."))
    guest_organisation = forms.CharField(label=_("Or a guest from"), max_length=200, required=False,
                                         help_text=_("For a guest: their organisation, for example a trade union, a health board or a college. "
                                                     "A guest sees this group and nothing else."))

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils


class AlertsForm(GovUKForm):
    alerts = forms.ChoiceField(label=_("Emails about this group"), choices=GroupMember.Alerts.choices, widget=forms.RadioSelect)


class ThreadForm(GovUKForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}),
                           help_text=_("Mention someone with @ and their full name, for example @Rhian Pryce: they get an email."))


class ReplyForm(GovUKForm):
    body = forms.CharField(label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}),
                           help_text=_("Mention someone with @ and their full name: they get an email."))


class SearchForm(GovUKForm):
    q = forms.CharField(label=_("Search the forum"), max_length=200, required=False)


def _file_help():
    return _("One of %(types)s, up to %(size)d MB.") % {"types": ", ".join(sorted(DOCUMENT_TYPES)), "size": DOCUMENT_MAX_BYTES // (1024 * 1024)}


class UploadField(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(label=_("File"), help_text=_file_help(), widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(DOCUMENT_TYPES))}), **kwargs)


class DocumentForm(GovUKForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("What it is"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    file = UploadField()
    note = forms.CharField(label=_("Note on this version"), max_length=500, required=False)


class VersionForm(GovUKForm):
    file = UploadField()
    note = forms.CharField(label=_("What changed"), max_length=500, help_text=_("For example: section 3 updated after the March meeting."))


class PublishForm(GovUKForm):
    published = forms.ChoiceField(label=_("Who can read the document"), choices=Document.Published.choices, widget=forms.RadioSelect)


class ResourceForm(GovUKForm):
    title = forms.CharField(label=_("Resource"), max_length=200)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    still_needed = forms.BooleanField(label=_("Still needed: the group does not have it yet"), required=False)
    document = forms.ModelChoiceField(label=_("The group's document"), queryset=None, required=False)
    link = forms.URLField(label=_("Or a web address"), required=False, assume_scheme="https")

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = group.documents.all()


class EventForm(GovUKForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_at = forms.DateTimeField(label=_("Starts"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    ends_at = forms.DateTimeField(label=_("Ends"), widget=DATETIME, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    location = forms.CharField(label=_("Where"), max_length=300, required=False, help_text=_("A place, or an online link."))
    description = forms.CharField(label=_("Details"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    cancelled = forms.BooleanField(label=_("Cancelled"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end must be after the start."))
        return data


class PriorityForm(GovUKForm):
    title = forms.CharField(label=_("A priority for the partnership"), max_length=200)
    description = forms.CharField(label=_("Why it matters"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RankForm(GovUKForm):
    """A place (1 to MAX_RANKED, or none) for each open priority."""

    def __init__(self, *args, priorities, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not ranked")), *((str(n), str(n)) for n in range(1, MAX_RANKED + 1))]
        for priority in priorities:
            self.fields[f"p{priority.pk}"] = forms.TypedChoiceField(label=priority.title, choices=choices, coerce=int,
                                                                    empty_value=None, required=False, initial=current.get(priority.pk))

    def clean(self):
        data = super().clean()
        seen = {}
        for name, rank in list(data.items()):
            if rank is None:
                continue
            if rank in seen:
                self.add_error(name, _("Place %(rank)d is already given to “%(other)s”. Give each place to one priority.")
                               % {"rank": rank, "other": self.fields[seen[rank]].label})
            seen.setdefault(rank, name)
        return data

    def ranks(self) -> dict[int, int]:
        return {int(name[1:]): rank for name, rank in self.cleaned_data.items() if rank}


class AdoptForm(GovUKForm):
    name = forms.CharField(label=_("Name of the theme group"), max_length=200)
    description = forms.CharField(label=_("What the group is for"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
