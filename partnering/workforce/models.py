"""Staff shared between councils: shared posts and their splits, secondments, time given and got, joint
recruitment, and each council's terms for a role family. The sums are the pure cores' (`splits`, `harmonise`)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partnering.core.models import ends_after_start

PERSON = settings.AUTH_USER_MODEL
NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


def money(verbose_name, **extra):
    return models.DecimalField(verbose_name, max_digits=12, decimal_places=2, **extra)


class Recorded(models.Model):
    recorded_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        abstract = True


# --- Shared posts and secondments -----------------------------------------------------------------


class SharedPost(Recorded):
    """A post held by someone employed by one council and working for several councils or the partnership."""

    class Charging(models.TextChoices):
        RECHARGE = "recharge", _("Recharge at the agreed split")
        POOLED = "pooled", _("Pooled, no charge")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="shared_posts",
                                    verbose_name=_("partnership"))
    title = models.CharField(_("post title"), max_length=200)
    person = models.ForeignKey(PERSON, on_delete=models.PROTECT, related_name="shared_posts", verbose_name=_("post holder"))
    employer = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("employing council"))
    line_manager = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="managed_shared_posts",
                                     verbose_name=_("line manager"),
                                     help_text=_("One line manager, even where they work for another council."))
    start_on = models.DateField(_("start date"))
    end_on = models.DateField(_("end date"), null=True, blank=True)
    charging = models.CharField(_("how the time is charged"), max_length=10, choices=Charging.choices, default=Charging.RECHARGE)
    annual_cost = money(_("annual cost, with on-costs (£)"), null=True, blank=True, validators=NOT_NEGATIVE,
                        help_text=_("Needed to recharge at the agreed split."))
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["partnership__name", "title", "pk"]
        verbose_name = _("shared post")
        verbose_name_plural = _("shared posts")
        constraints = [ends_after_start("shared_post_ends_after_start")]

    def __str__(self):
        return self.title

    @property
    def council_ids(self) -> set[int]:
        return {self.employer_id, *(s.council_id for s in self.shares.all() if s.council_id)}


class PostShare(models.Model):
    """One line of a post's split: days a week for a council or a funding source (such as a grant)."""

    post = models.ForeignKey(SharedPost, on_delete=models.CASCADE, related_name="shares")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("council"))
    funder = models.CharField(_("funding source"), max_length=120, blank=True)
    days = models.DecimalField(_("days a week"), max_digits=4, decimal_places=2,
                               validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("7"))])

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=(Q(council__isnull=False) & Q(funder="")) | (Q(council__isnull=True) & ~Q(funder="")),
                                   name="post_share_council_or_funder"),
            models.CheckConstraint(condition=Q(days__gt=0), name="post_share_days_positive"),
        ]

    def __str__(self):
        return f"{self.council or self.funder}: {self.days}"


class Secondment(Recorded):
    class Payer(models.TextChoices):
        HOME = "home", _("The home council keeps paying")
        HOST = "host", _("The host pays (or reimburses the home council)")
        SPLIT = "split", _("Shared between them")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="secondments",
                                    verbose_name=_("partnership"))
    person = models.ForeignKey(PERSON, on_delete=models.PROTECT, related_name="secondments", verbose_name=_("person seconded"))
    role = models.CharField(_("role on secondment"), max_length=200)
    home = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("seconded from"))
    host = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("seconded to"), help_text=_("Leave empty for a secondment to the partnership itself."))
    start_on = models.DateField(_("start date"))
    end_on = models.DateField(_("end date"))
    fte = models.DecimalField(_("full-time equivalent"), max_digits=4, decimal_places=3, default=Decimal("1.000"),
                              validators=[MinValueValidator(Decimal("0.001")), MaxValueValidator(Decimal("1"))])
    paid_by = models.CharField(_("who pays"), max_length=10, choices=Payer.choices, default=Payer.HOME)
    backfill = models.TextField(_("back-fill for the post left behind"), blank=True,
                                help_text=_("Who covers the post at home, and how (an acting-up, a fixed-term appointment)."))
    backfill_person = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="backfills",
                                        verbose_name=_("back-filled by"))
    remind_days = models.PositiveSmallIntegerField(_("remind this many days before the end date"), default=60)
    reminded_on = models.DateField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["partnership__name", "-start_on", "pk"]
        verbose_name = _("secondment")
        verbose_name_plural = _("secondments")
        constraints = [
            ends_after_start("secondment_ends_after_start"),
            models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="secondment_fte_between_0_and_1"),
        ]

    def __str__(self):
        return f"{self.person}: {self.role}"

    @property
    def council_ids(self) -> set[int]:
        return {self.home_id, *([self.host_id] if self.host_id else [])}


# --- Time given and got ---------------------------------------------------------------------------------


class Timesheet(models.Model):
    """A person's time for one week or month, for the council that employs them; submitted, then approved by their
    line manager, which locks it. Unlocking needs a reason (an `Unlock`)."""

    class Period(models.TextChoices):
        WEEK = "week", _("A week")
        MONTH = "month", _("A month")

    class Status(models.TextChoices):
        OPEN = "open", _("Not submitted")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved and locked")
        RETURNED = "returned", _("Returned for changes")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="timesheets",
                                    verbose_name=_("partnership"))
    person = models.ForeignKey(PERSON, on_delete=models.CASCADE, related_name="timesheets", verbose_name=_("person"))
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("employing council"))
    period = models.CharField(_("period"), max_length=5, choices=Period.choices, default=Period.WEEK)
    start_on = models.DateField(_("first day"))
    end_on = models.DateField(_("last day"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("approved or returned by"))
    decided_at = models.DateTimeField(_("approved or returned"), null=True, blank=True)
    comment = models.CharField(_("comment"), max_length=300, blank=True)
    reminded_on = models.DateField(_("reminder sent"), null=True, blank=True)

    class Meta:
        ordering = ["-start_on", "person__full_name"]
        verbose_name = _("timesheet")
        verbose_name_plural = _("timesheets")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "person", "council", "start_on"], name="timesheet_once_a_period"),
            models.CheckConstraint(condition=Q(end_on__gte=models.F("start_on")), name="timesheet_ends_after_start"),
        ]

    def __str__(self):
        return f"{self.person}, {self.start_on:%d/%m/%Y}–{self.end_on:%d/%m/%Y}"

    @property
    def locked(self) -> bool:
        return self.status in (self.Status.SUBMITTED, self.Status.APPROVED)


class TimeEntry(models.Model):
    timesheet = models.ForeignKey(Timesheet, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2,
                                validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))])
    for_council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                    verbose_name=_("for which council"))
    group = models.ForeignKey("community.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("group"))
    activity = models.CharField(_("project or activity"), max_length=200, blank=True)
    cover = models.BooleanField(_("cover for someone's absence"), default=False)

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")
        constraints = [models.CheckConstraint(condition=Q(hours__gt=0) & Q(hours__lte=24), name="time_entry_hours_in_a_day")]

    def __str__(self):
        return f"{self.date}: {self.hours} h"


class Unlock(models.Model):
    """An approved period opened again, and why."""

    timesheet = models.ForeignKey(Timesheet, on_delete=models.CASCADE, related_name="unlocks")
    by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("unlocked by"))
    at = models.DateTimeField(_("unlocked"), auto_now_add=True)
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return self.reason


# --- Joint recruitment -------------------------------------------------------------------------------------


class Recruitment(Recorded):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Being agreed")
        ADVERTISED = "advertised", _("Advertised")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="recruitments",
                                    verbose_name=_("partnership"))
    title = models.CharField(_("post title"), max_length=200)
    job_description = models.TextField(_("job description"))
    person_specification = models.TextField(_("person specification"))
    host = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("host council (lead authority)"))
    terms_of = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                 verbose_name=_("whose terms and conditions apply"))
    agreed_grade = models.CharField(_("agreed grade"), max_length=40, blank=True)
    pay_from = money(_("pay from (£ a year)"), null=True, blank=True, validators=NOT_NEGATIVE)
    pay_to = money(_("pay to (£ a year)"), null=True, blank=True, validators=NOT_NEGATIVE)
    decision = models.TextField(_("what was decided and why"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    advertised_on = models.DateField(_("advertised"), null=True, blank=True)

    class Meta:
        ordering = ["partnership__name", "-recorded_at"]
        verbose_name = _("joint recruitment")
        verbose_name_plural = _("joint recruitments")
        constraints = [models.CheckConstraint(condition=Q(pay_to__isnull=True) | Q(pay_from__isnull=True) | Q(pay_to__gte=models.F("pay_from")),
                                              name="recruitment_pay_range_in_order")]

    def __str__(self):
        return self.title


class RecruitmentPartner(models.Model):
    """A partner council in a joint recruitment: its job evaluation under its own scheme, and its sign-off."""

    class Scheme(models.TextChoices):
        NJC = "njc", _("NJC job evaluation")
        GLPC = "glpc", _("GLPC job evaluation")
        HAY = "hay", _("Hay")
        OTHER = "other", _("Another scheme")

    recruitment = models.ForeignKey(Recruitment, on_delete=models.CASCADE, related_name="partners")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    scheme = models.CharField(_("evaluation scheme"), max_length=10, choices=Scheme.choices, blank=True)
    points = models.PositiveIntegerField(_("points"), null=True, blank=True)
    grade = models.CharField(_("grade it would give"), max_length=40, blank=True)
    signed_off_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                      verbose_name=_("signed off by"))
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)

    class Meta:
        ordering = ["council__name"]
        constraints = [models.UniqueConstraint(fields=["recruitment", "council"], name="recruitment_partner_once")]

    def __str__(self):
        return f"{self.council} in {self.recruitment}"


# --- Terms and conditions ----------------------------------------------------------------------------------


class CouncilTerms(Recorded):
    """A council's terms for a role family in a partnership."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="council_terms",
                                    verbose_name=_("partnership"))
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    role_family = models.CharField(_("role family"), max_length=120)
    annual_leave = models.DecimalField(_("annual leave (days)"), max_digits=5, decimal_places=1, validators=NOT_NEGATIVE)
    hours = models.DecimalField(_("hours a week"), max_digits=4, decimal_places=1, validators=NOT_NEGATIVE)
    mileage_rate = models.DecimalField(_("mileage rate (pence a mile)"), max_digits=5, decimal_places=1, validators=NOT_NEGATIVE)
    allowances = models.CharField(_("allowances"), max_length=300, blank=True)
    sick_pay = models.CharField(_("sick pay"), max_length=300, blank=True)
    notice_weeks = models.PositiveSmallIntegerField(_("notice (weeks)"))

    class Meta:
        ordering = ["role_family", "council__name"]
        verbose_name = _("council's terms")
        verbose_name_plural = _("councils' terms")
        constraints = [models.UniqueConstraint(fields=["partnership", "council", "role_family"], name="council_terms_once")]

    def __str__(self):
        return f"{self.council}: {self.role_family}"


class PayPoint(models.Model):
    """Pay for one grade in a council's terms, and how many of its staff are on it (for the cost model)."""

    terms = models.ForeignKey(CouncilTerms, on_delete=models.CASCADE, related_name="pay")
    grade = models.CharField(_("grade"), max_length=40)
    annual_pay = money(_("annual pay (£)"), validators=NOT_NEGATIVE)
    staff = models.PositiveIntegerField(_("staff on this grade"), default=0)
    fte = models.DecimalField(_("their full-time equivalent"), max_digits=8, decimal_places=3, default=Decimal("0"),
                              validators=NOT_NEGATIVE)

    class Meta:
        ordering = ["grade"]
        constraints = [models.UniqueConstraint(fields=["terms", "grade"], name="pay_point_grade_once")]

    def __str__(self):
        return f"{self.grade}: {self.annual_pay}"
