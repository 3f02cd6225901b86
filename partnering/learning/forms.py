from django import forms
from django.utils.translation import gettext_lazy as _

from partnering.access.organisations import venues_for_partnership
from partnering.core.forms import GovUKForm, GovUKModelForm
from partnering.mapping.models import Topic
from partnering.organisations.selectors import current_member_councils, current_partnerships_of
from partnering.people.models import CouncilRole, Employment
from partnering.reference.labels import DELIVERY_METHOD_LABELS

from .models import Course, Session


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    topic = forms.ModelChoiceField(label=_("Topic"), queryset=Topic.objects.all(), required=False, empty_label=_("All topics"))
    method = forms.ChoiceField(label=_("Delivery method"), choices=[("", _("All methods")), *DELIVERY_METHOD_LABELS.items()], required=False)
    language = forms.ChoiceField(label=_("Language"), choices=[("", _("Any language")), *Course.Language.choices], required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    within_km = forms.IntegerField(label=_("Within (km of where you work)"), required=False, min_value=1, max_value=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "govuk-select" if isinstance(field.widget, forms.Select) else "govuk-input govuk-input--width-10"


class BookForm(forms.Form):
    council = forms.ModelChoiceField(label=_("Book as a member of staff of"), queryset=None, empty_label=None)

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        from partnering.organisations.models import Council

        self.fields["council"].queryset = Council.objects.filter(pk__in=[c.pk for c in councils])
        self.fields["council"].widget.attrs["class"] = "govuk-select"


class CourseForm(GovUKModelForm):
    class Meta:
        model = Course
        fields = ["title", "summary", "topic", "accreditation", "level", "delivery_method", "duration_hours", "language",
                  "commissioning_councils", "requires_approval", "equivalence"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "commissioning_councils": forms.SelectMultiple(attrs={"size": 8}),
                   "equivalence": forms.HiddenInput}
        error_messages = {"equivalence": {"invalid_choice": _("The overlap group's equivalence is not one of this partnership's: "
                                                              "start again from the overlap group.")}}

    def __init__(self, *args, partnership, equivalences, **kwargs):
        """`equivalences`: those the person may attach, from the access layer (the partnership's own)."""
        super().__init__(*args, **kwargs)
        self.fields["commissioning_councils"].queryset = current_member_councils(partnership)
        self.fields["equivalence"].queryset = equivalences
        self.fields["equivalence"].required = False


class SessionForm(GovUKModelForm):
    # A link typed without a scheme is https (Django 6's default, asked for explicitly on 5.2).
    online_url = forms.URLField(label=_("online link"), required=False, assume_scheme="https")
    reserved_release_on = forms.DateTimeField(
        label=_("Reserved places are released to everyone on"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    class Meta:
        model = Session
        fields = ["starts_at", "ends_at", "venue", "online_url", "capacity", "booking_opens_at", "booking_closes_at", "trainers"]
        widgets = {name: forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
                   for name in ("starts_at", "ends_at", "booking_opens_at", "booking_closes_at")} | {"trainers": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        members = current_member_councils(course.partnership)
        self.members = list(members.order_by("name"))
        self.fields["venue"].queryset = venues_for_partnership(course.partnership).select_related("council")
        self.fields["trainers"].queryset = Employment.objects.current().filter(
            council__in=members, roles__role=CouncilRole.Role.TRAINER).select_related("person", "council").distinct()
        for council in self.members if not self.instance.pk else []:
            self.fields[f"reserve_{council.pk}"] = forms.IntegerField(
                label=_("Places reserved for %(council)s") % {"council": council.short_name}, min_value=0, required=False,
                widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}))

    def clean(self):
        data = super().clean()
        reserved = sum(data.get(f"reserve_{c.pk}") or 0 for c in self.members)
        if data.get("capacity") and reserved > data["capacity"]:
            self.add_error("capacity", _("More places are reserved (%(reserved)d) than the session has.") % {"reserved": reserved})
        if self.instance.pk:  # reserved places are set when a session is created
            reserved = 0
        if reserved and not data.get("reserved_release_on"):
            self.add_error("reserved_release_on", _("Say when reserved places are released to everyone."))
        if not data.get("venue") and not data.get("online_url") and data.get("starts_at"):
            self.add_error("venue", _("Choose a venue, or give an online link."))
        return data

    def reservations(self) -> dict:
        return {c: self.cleaned_data.get(f"reserve_{c.pk}") or 0 for c in self.members}


class RegisterForm(GovUKForm):
    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = bookings
        for booking in bookings:
            self.fields[f"booking_{booking.pk}"] = forms.ChoiceField(
                label=f"{booking.person.full_name} ({booking.council.short_name})",
                choices=[("attended", _("Attended")), ("no_show", _("Did not attend"))], widget=forms.RadioSelect,
                initial="no_show" if booking.status == "no_show" else ("attended" if booking.status == "attended" else None), required=False)

    def attendance(self) -> dict[int, bool]:
        return {b.pk: self.cleaned_data[f"booking_{b.pk}"] == "attended" for b in self.bookings if self.cleaned_data.get(f"booking_{b.pk}")}


class RequirementForm(GovUKModelForm):
    class Meta:
        from .models import Requirement

        model = Requirement
        fields = ["role", "title", "course", "equivalence", "refresh_months"]

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        from partnering.overlap.models import Equivalence

        # Only the partnerships the council belongs to now: one it has left keeps its courses and equivalences to itself.
        partnerships = current_partnerships_of(council)
        self.fields["course"].queryset = Course.objects.filter(partnership__in=partnerships)
        self.fields["equivalence"].queryset = Equivalence.objects.filter(partnership__in=partnerships)
        self.fields["refresh_months"].widget.attrs["class"] += " govuk-input--width-3"


class EvaluationForm(GovUKModelForm):
    class Meta:
        from .models import Evaluation

        model = Evaluation
        fields = ["reaction", "learned", "intended_use"]
        widgets = {"reaction": forms.RadioSelect, "learned": forms.Textarea(attrs={"rows": 3}), "intended_use": forms.Textarea(attrs={"rows": 3})}


class FollowUpForm(GovUKModelForm):
    class Meta:
        from .models import Evaluation

        model = Evaluation
        fields = ["follow_up"]
        widgets = {"follow_up": forms.Textarea(attrs={"rows": 4})}

    def clean_follow_up(self):
        text = self.cleaned_data["follow_up"].strip()
        if not text:
            raise forms.ValidationError(_("Tell us what has changed, even if the answer is nothing."))
        return text


CERTIFICATE_TYPES = {".pdf", ".jpg", ".jpeg", ".png"}
CERTIFICATE_MAX_BYTES = 5 * 1024 * 1024


class EvidenceForm(GovUKForm):
    title = forms.CharField(label=_("What you did"), max_length=300, help_text=_("For example: Emergency First Aid at Work, St John Ambulance."))
    completed_on = forms.DateField(label=_("Completed on"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.DecimalField(label=_("Hours"), min_value=0, max_digits=6, decimal_places=2, required=False)
    council = forms.ModelChoiceField(label=_("Council to check it"), queryset=None, empty_label=None)
    certificate = forms.FileField(label=_("Certificate"), help_text=_("A PDF or a photo (JPEG or PNG), up to 5 MB."))
    input_widths = {"hours": "govuk-input--width-5"}

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        from partnering.organisations.models import Council

        self.fields["council"].queryset = Council.objects.filter(pk__in=[c.pk for c in councils])

    def clean_completed_on(self):
        from django.utils import timezone

        day = self.cleaned_data["completed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past."))
        return day

    def clean_certificate(self):
        from pathlib import PurePath

        upload = self.cleaned_data["certificate"]
        if PurePath(upload.name).suffix.lower() not in CERTIFICATE_TYPES:
            raise forms.ValidationError(_("The certificate must be a PDF, JPEG or PNG file."))
        if upload.size > CERTIFICATE_MAX_BYTES:
            raise forms.ValidationError(_("The certificate must be 5 MB or smaller."))
        head = upload.read(8)
        upload.seek(0)
        if not (head.startswith(b"%PDF") or head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG")):
            raise forms.ValidationError(_("The file is not a PDF, JPEG or PNG, whatever its name says."))
        return upload
