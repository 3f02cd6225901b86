import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnering.core.forms import GovUKForm
from partnering.organisations.models import Council, Venue

from .models import Action, Body, BodyMember, Decision, Position

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]


def _person_choices(people):
    return [("", _("Choose a person"))] + [(p.pk, p.full_name or p.email) for p in people]


class PersonField(forms.TypedChoiceField):
    """A choice among given people (the body's members and the partnership's coordinators), by id."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("coerce", int)
        super().__init__(*args, **kwargs)


class BodyForm(GovUKForm):
    partnership = forms.ModelChoiceField(label=_("Partnership"), queryset=None, empty_label=None)
    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("For example: North Wales Legal Services Board."))
    slug = forms.SlugField(label=_("Short name for addresses"), max_length=80,
                           help_text=_("Lower-case letters, numbers and hyphens, for example nw-legal-board."))
    kind = forms.ChoiceField(label=_("Kind of body"), choices=Body.Kind.choices, widget=forms.RadioSelect)
    description = forms.CharField(label=_("What the body is for"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    group = forms.ModelChoiceField(label=_("Special-interest group"), queryset=None, required=False,
                                   help_text=_("For a group's meetings: the group they belong to."))
    councils = forms.ModelMultipleChoiceField(label=_("Councils that host in turn"), queryset=Council.objects.none(), required=False,
                                              widget=forms.CheckboxSelectMultiple,
                                              help_text=_("In alphabetical order to start with; change the order afterwards."))
    input_widths = {"slug": "govuk-input--width-20"}

    def __init__(self, *args, partnerships, councils, **kwargs):
        super().__init__(*args, **kwargs)
        from partnering.community.models import Group

        self.fields["partnership"].queryset = partnerships
        self.fields["councils"].queryset = councils
        self.fields["group"].queryset = Group.objects.filter(partnership__in=partnerships).select_related("partnership")
        self.fields["group"].label_from_instance = lambda g: f"{g.name} ({g.partnership.name})"

    def clean(self):
        data = super().clean()
        partnership, councils = data.get("partnership"), data.get("councils")
        if partnership and councils:
            members = set(partnership.councils.values_list("pk", flat=True))
            outside = [c.name for c in councils if c.pk not in members]
            if outside:
                self.add_error("councils", _("Not members of %(partnership)s: %(councils)s.")
                               % {"partnership": partnership.name, "councils": ", ".join(outside)})
        group = data.get("group")
        if partnership and group and group.partnership_id != partnership.pk:
            self.add_error("group", _("%(group)s belongs to another partnership.") % {"group": group.name})
        return data


class HostsForm(GovUKForm):
    """Each council's place in the hosting order (blank leaves the rotation) and whether it can host."""

    def __init__(self, *args, body, councils, **kwargs):
        super().__init__(*args, **kwargs)
        current = {h.council_id: h for h in body.host_councils.all()}
        self.councils = list(councils)
        self.input_widths = {}
        for council in self.councils:
            host = current.get(council.pk)
            self.fields[f"position_{council.pk}"] = forms.IntegerField(
                label=_("%(council)s: place in the order") % {"council": council.name}, required=False, min_value=1,
                max_value=len(self.councils), initial=host.position if host else None,
                help_text=_("Leave blank to take the council out of the rotation."))
            self.fields[f"can_host_{council.pk}"] = forms.BooleanField(
                label=_("%(council)s can host at present") % {"council": council.name}, required=False,
                initial=host.can_host if host else True)
            self.input_widths[f"position_{council.pk}"] = "govuk-input--width-3"
            self._style(f"position_{council.pk}")
            self._style(f"can_host_{council.pk}")

    def clean(self):
        data = super().clean()
        taken = {}
        for council in self.councils:
            position = data.get(f"position_{council.pk}")
            if position is None:
                continue
            if position in taken:
                self.add_error(f"position_{council.pk}", _("%(other)s already has place %(position)s.")
                               % {"other": taken[position].name, "position": position})
            taken[position] = council
        if not taken and not self.errors:
            raise forms.ValidationError(_("Give at least one council a place in the order."))
        return data

    def hosts(self):
        rows = [(self.cleaned_data[f"position_{c.pk}"], c, self.cleaned_data[f"can_host_{c.pk}"]) for c in self.councils
                if self.cleaned_data.get(f"position_{c.pk}") is not None]
        return [(council, can_host) for _position, council, can_host in sorted(rows, key=lambda r: r[0])]


class MemberForm(GovUKForm):
    person = forms.EmailField(label=_("Email address"), help_text=_("The person must already use Partnering."))
    council = forms.ModelChoiceField(label=_("For council"), queryset=Council.objects.none(), required=False,
                                     help_text=_("Leave blank for someone who is not there for a council."))
    role = forms.ChoiceField(label=_("Role"), choices=BodyMember.Role.choices, initial=BodyMember.Role.MEMBER)

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils

    def clean_person(self):
        from partnering.people.models import Person

        email = self.cleaned_data["person"]
        person = Person.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Nobody on Partnering has the email address %(email)s.") % {"email": email})
        return person


class MeetingForm(GovUKForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Optional. Without one, the meeting is called by the body's name and date."))
    date = forms.DateField(label=_("Date"), widget=DATE, input_formats=DATE_FORMATS)
    time = forms.TimeField(label=_("Start time"), widget=TIME, input_formats=["%H:%M"], initial=datetime.time(10, 0))
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=15, max_value=600, initial=120)
    host = forms.ModelChoiceField(label=_("Host council"), queryset=Council.objects.none(), required=False,
                                  help_text=_("Suggested by the rotation."))
    venue = forms.ModelChoiceField(label=_("Venue"), queryset=Venue.objects.none(), required=False,
                                   help_text=_("One of the host council's venues. Leave blank for an online meeting."))
    online_link = forms.URLField(label=_("Online meeting link"), required=False, assume_scheme="https",
                                 help_text=_("For an online meeting, or for people joining from elsewhere."))
    status = forms.ChoiceField(label=_("Status"), choices=(), required=False)
    input_widths = {"duration_minutes": "govuk-input--width-4"}

    def __init__(self, *args, hosts, venues, with_status=False, host_locked=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = hosts
        self.fields["venue"].queryset = venues.select_related("council").order_by("council__name", "name")
        self.fields["venue"].label_from_instance = lambda v: f"{v.name} ({v.council.short_name or v.council.name})"
        if host_locked:
            self.fields["host"].disabled = True
            self.fields["host"].help_text = _("Only the partnership's coordinators change the host.")
        if with_status:
            from .models import Meeting

            self.fields["status"].choices = Meeting.Status.choices
            self.fields["status"].required = True
        else:
            del self.fields["status"]

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time"):
            data["starts_at"] = timezone.make_aware(datetime.datetime.combine(data["date"], data["time"]))
        return data


class PlanForm(GovUKForm):
    first = forms.DateField(label=_("Date of the first meeting"), widget=DATE, input_formats=DATE_FORMATS)
    time = forms.TimeField(label=_("Start time"), widget=TIME, input_formats=["%H:%M"], initial=datetime.time(10, 0))
    every = forms.ChoiceField(label=_("How often"), choices=[
        ("week", _("Every week")), ("fortnight", _("Every two weeks")), ("4weeks", _("Every four weeks")),
        ("month", _("Every month")), ("quarter", _("Every three months"))], initial="month", widget=forms.RadioSelect)
    count = forms.IntegerField(label=_("Number of meetings"), min_value=1, max_value=52, initial=12)
    duration_minutes = forms.IntegerField(label=_("Length in minutes"), min_value=15, max_value=600, initial=120)
    online_link = forms.URLField(label=_("Online meeting link"), assume_scheme="https",
                                 help_text=_("Each meeting is online until its host chooses a venue."))
    input_widths = {"count": "govuk-input--width-3", "duration_minutes": "govuk-input--width-4"}

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("time"):
            data["starts_at"] = timezone.make_aware(datetime.datetime.combine(data["first"], data["time"]))
        return data


class ItemForm(GovUKForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    owner = PersonField(label=_("Owner"), required=False, empty_value=None, help_text=_("Who introduces the item."))
    minutes_allowed = forms.IntegerField(label=_("Time in minutes"), min_value=1, max_value=480, initial=10)
    position = forms.IntegerField(label=_("Place on the agenda"), min_value=1, max_value=999, required=False,
                                  help_text=_("Leave blank to add it at the end."))
    input_widths = {"minutes_allowed": "govuk-input--width-3", "position": "govuk-input--width-3"}

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {p.pk: p for p in people}
        self.fields["owner"].choices = _person_choices(people)

    def clean_owner(self):
        owner = self.cleaned_data["owner"]
        return self.people.get(owner) if owner else None


class PaperForm(GovUKForm):
    title = forms.CharField(label=_("Title"), max_length=200, required=False, help_text=_("Leave blank to use the file's name."))
    file = forms.FileField(label=_("File"), help_text=_("A PDF, Word, Excel, PowerPoint, OpenDocument, CSV or text file, up to 20 MB."))


class MinutesForm(GovUKForm):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 10}),
                              help_text=_("Who attended, apologies, and what was discussed. Decisions and actions are recorded separately."))
    approved = forms.BooleanField(label=_("These minutes have been approved"), required=False)

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            name = f"notes_{item.pk}"
            self.fields[name] = forms.CharField(label=_("Item %(number)s: %(title)s") % {"number": item.position, "title": item.title},
                                                required=False, initial=item.notes, widget=forms.Textarea(attrs={"rows": 3}))
            self._style(name)

    def item_notes(self):
        return {item.pk: self.cleaned_data.get(f"notes_{item.pk}", "") for item in self.items}


class DecisionForm(GovUKForm):
    proposal = forms.CharField(label=_("Proposal"), widget=forms.Textarea(attrs={"rows": 3}))
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Decision.Outcome.choices, widget=forms.RadioSelect)
    changes = forms.CharField(label=_("Changes agreed, or reasons"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              help_text=_("Needed when the proposal was agreed with changes."))
    item = forms.TypedChoiceField(label=_("Agenda item"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, meeting, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting_items = {i.pk: i for i in meeting.items.all()}
        self.fields["item"].choices = [("", _("Not for a particular item"))] + [
            (i.pk, f"{i.position}. {i.title}") for i in self.meeting_items.values()]
        self.councils = list(councils)
        stances = [("", _("No position recorded"))] + list(Position.Stance.choices)
        for council in self.councils:
            self.fields[f"stance_{council.pk}"] = forms.ChoiceField(
                label=_("%(council)s's position") % {"council": council.name}, choices=stances, required=False)
            self._style(f"stance_{council.pk}")

    def clean_item(self):
        item = self.cleaned_data["item"]
        return self.meeting_items.get(item) if item else None

    def positions(self):
        return {c: (self.cleaned_data[f"stance_{c.pk}"], "") for c in self.councils if self.cleaned_data.get(f"stance_{c.pk}")}


class ActionForm(GovUKForm):
    title = forms.CharField(label=_("Action"), max_length=300, help_text=_("What is to be done, for example: Circulate the draft protocol."))
    owner = PersonField(label=_("Owner"), help_text=_("Anyone on the body, from any council."))
    due_on = forms.DateField(label=_("Due"), widget=DATE, input_formats=DATE_FORMATS)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {p.pk: p for p in people}
        self.fields["owner"].choices = _person_choices(people)

    def clean_owner(self):
        return self.people[self.cleaned_data["owner"]]


class ActionUpdateForm(GovUKForm):
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices, widget=forms.RadioSelect)
    update = forms.CharField(label=_("Progress"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("What has been done, and anything the next meeting should know."))
    due_on = forms.DateField(label=_("Due"), widget=DATE, input_formats=DATE_FORMATS)
