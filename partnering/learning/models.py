import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnering.reference.labels import DELIVERY_METHOD_LABELS


class Course(models.Model):
    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        WELSH = "cy", _("Welsh")
        BILINGUAL = "bilingual", _("Bilingual")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="courses", verbose_name=_("offered by"))
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    topic = models.ForeignKey("mapping.Topic", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("topic"))
    accreditation = models.CharField(_("accreditation"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=50, blank=True)
    delivery_method = models.CharField(_("delivery method"), max_length=20, choices=list(DELIVERY_METHOD_LABELS.items()), default="classroom")
    duration_hours = models.DecimalField(_("duration (hours)"), max_digits=6, decimal_places=2, null=True, blank=True)
    language = models.CharField(_("language of delivery"), max_length=10, choices=Language.choices, default=Language.ENGLISH)
    commissioning_councils = models.ManyToManyField("organisations.Council", blank=True, related_name="+", verbose_name=_("commissioned by"))
    equivalence = models.ForeignKey("overlap.Equivalence", on_delete=models.SET_NULL, null=True, blank=True, related_name="courses",
                                    verbose_name=_("equivalence group it satisfies"))
    requires_approval = models.BooleanField(_("bookings need the line manager's approval"), default=False,
                                            help_text=_("Approved by the person's line manager, or the council's L&D or HR lead."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        constraints = [models.CheckConstraint(condition=Q(duration_hours__isnull=True) | Q(duration_hours__gt=0), name="course_duration_positive")]

    def __str__(self):
        return self.title


class SessionQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(Q(starts_at__gte=timezone.now()) | Q(starts_at__isnull=True))


class Session(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("course"))
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True, help_text=_("Leave empty for a provisional session that collects interest."))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.ForeignKey("organisations.Venue", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("venue"))
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    trainers = models.ManyToManyField("people.Employment", blank=True, related_name="sessions_trained", verbose_name=_("trainers"))
    booking_opens_at = models.DateTimeField(_("booking opens"), null=True, blank=True)
    booking_closes_at = models.DateTimeField(_("booking closes"), null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__isnull=True) | Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="session_has_places"),
        ]

    def __str__(self):
        when = timezone.localtime(self.starts_at).strftime("%d %b %Y %H:%M") if self.starts_at else _("date to be set")
        return f"{self.course.title}, {when}"

    def get_absolute_url(self):
        return reverse("learning:session-detail", args=[self.pk])

    @property
    def is_provisional(self):
        return self.starts_at is None

    def booking_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (not self.is_provisional and self.cancelled_at is None and (self.booking_opens_at is None or self.booking_opens_at <= now)
                and (self.booking_closes_at is None or now < self.booking_closes_at) and (self.starts_at is None or now < self.starts_at))


class ReservedPlaces(models.Model):
    """Places held for one council's staff until the release date; after it they are open to the partnership."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reservations")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council"))
    places = models.PositiveIntegerField(_("places"))
    release_on = models.DateTimeField(_("released to everyone"))

    class Meta:
        verbose_name = _("reserved places")
        verbose_name_plural = _("reserved places")
        constraints = [models.UniqueConstraint(fields=["session", "council"], name="reserved_places_once_per_council")]

    def __str__(self):
        return f"{self.places} for {self.council}"


class BookingQuerySet(models.QuerySet):
    def holding_a_place(self):
        return self.filter(status__in=[Booking.Status.BOOKED, Booking.Status.ATTENDED, Booking.Status.NO_SHOW])


class Booking(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        BOOKED = "booked", _("Booked")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not attend")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookings")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("booked for"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    uses_reserved_place = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("booked"), default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], condition=~Q(status="cancelled"), name="booking_once_per_person"),
        ]

    def __str__(self):
        return f"{self.person} – {self.session} ({self.get_status_display()})"

    @property
    def audit_council(self):
        return self.council


class TrainingRecord(models.Model):
    """Learning a person has completed. It stays with the person when they move or add an employment."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_records")
    title = models.CharField(_("title"), max_length=300)
    completed_on = models.DateField(_("completed"))
    course = models.ForeignKey(Course, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    council = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("while working for"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "title"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        constraints = [models.UniqueConstraint(fields=["person", "session"], condition=Q(session__isnull=False), name="record_once_per_session")]

    def __str__(self):
        return f"{self.title} ({self.completed_on})"


class RecordShare(models.Model):
    """A person's consent for a council's leads to see their training record."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="record_shares")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council"))
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("record shared with a council")
        verbose_name_plural = _("records shared with councils")
        constraints = [models.UniqueConstraint(fields=["person", "council"], condition=Q(revoked_at__isnull=True), name="record_share_one_open")]

    def __str__(self):
        return f"{self.person} → {self.council}"


class Requirement(models.Model):
    """Training a council requires of people in a role, refreshed every so many months."""

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="requirements", verbose_name=_("council"))
    role = models.CharField(_("for people who are"), max_length=20, choices=[("staff", _("Member of staff")), ("lead", _("L&D or HR lead")), ("trainer", _("Trainer"))])
    title = models.CharField(_("training required"), max_length=300)
    course = models.ForeignKey(Course, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("course that satisfies it"))
    equivalence = models.ForeignKey("overlap.Equivalence", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name=_("or any course in this confirmed equivalence"))
    refresh_months = models.PositiveSmallIntegerField(_("refresh every (months)"), null=True, blank=True)

    class Meta:
        ordering = ["council__name", "role", "title"]
        verbose_name = _("training requirement")
        verbose_name_plural = _("training requirements")

    def __str__(self):
        return self.title

    @property
    def audit_council(self):
        return self.council


class Interest(models.Model):
    """Someone would come to a provisional session: demand before a room is booked."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="interests")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="interest_once_per_person")]

    def __str__(self):
        return f"{self.person} – {self.session}"


class Evaluation(models.Model):
    """What an attendee thought straight after the session, and what changed three months on."""

    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="evaluation")
    reaction = models.PositiveSmallIntegerField(_("how useful was it?"), choices=[(5, _("Very useful")), (4, _("Useful")), (3, _("Neither useful nor not")),
                                                                                   (2, _("Not very useful")), (1, _("Not useful at all"))])
    learned = models.TextField(_("what did you learn?"), blank=True)
    intended_use = models.TextField(_("how will you use it at work?"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    follow_up = models.TextField(_("three months on, what has changed in your work?"), blank=True)
    follow_up_at = models.DateTimeField(null=True, blank=True)
    follow_up_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [models.CheckConstraint(condition=Q(reaction__gte=1) & Q(reaction__lte=5), name="evaluation_reaction_1_to_5")]

    def __str__(self):
        return f"{self.booking}: {self.reaction}"

    @property
    def follow_up_due(self) -> bool:
        starts = self.booking.session.starts_at
        return not self.follow_up_at and starts is not None and starts + datetime.timedelta(days=90) <= timezone.now()


class Evidence(models.Model):
    """Training done elsewhere, with its certificate; it joins the record once a lead approves it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a lead to check")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Not accepted")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council to check it"))
    title = models.CharField(_("what you did"), max_length=300)
    completed_on = models.DateField(_("completed"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, null=True, blank=True)
    certificate = models.FileField(_("certificate"), upload_to="evidence/%Y/%m/")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    record = models.OneToOneField(TrainingRecord, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidence")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evidence of training")
        verbose_name_plural = _("evidence of training")

    def __str__(self):
        return self.title

    @property
    def audit_council(self):
        return self.council
