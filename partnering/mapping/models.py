from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnering.core.models import CouncilOwned, Sharing
from partnering.reference.labels import ARRANGEMENT_KIND_LABELS, DELIVERY_METHOD_LABELS, PROVIDER_TYPE_LABELS
from partnering.reference.years import financial_year_label

year_range = [MinValueValidator(2000), MaxValueValidator(2100)]


def divide_half_up(numerator: int, denominator: int) -> int:
    """Whole-number division rounding halves up, as money is rounded (Python's round() rounds half to even)."""
    return (2 * numerator + denominator) // (2 * denominator)


class Topic(models.Model):
    """One entry of the shared L&D topic taxonomy; coordinators edit it."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_cy = models.CharField(_("Welsh name"), max_length=100, blank=True)
    aliases = models.TextField(_("other names"), blank=True, help_text=_("One per line: what councils write for this topic."))
    keywords = models.TextField(
        _("keywords"), blank=True, help_text=_("One per line: words in a course title that suggest this topic.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        from django.utils.translation import get_language

        return self.name_cy if self.name_cy and (get_language() or "").startswith("cy") else self.name

    def terms(self):
        from partnering.reference.topics import TopicTerms

        def split(text):
            return tuple(line.strip() for line in text.splitlines() if line.strip())

        return TopicTerms(self.pk, self.name, (self.name_cy, *split(self.aliases)), split(self.keywords))


class Return(CouncilOwned):
    """A council's L&D return for one financial year; its lines come from the active import batch."""

    year = models.PositiveSmallIntegerField(_("financial year starting"), validators=year_range)
    active_batch = models.OneToOneField(
        "ImportBatch", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("active import")
    )

    class Meta(CouncilOwned.Meta):
        ordering = ["-year", "council__name"]
        verbose_name = _("return")
        verbose_name_plural = _("returns")
        constraints = [
            *CouncilOwned.Meta.constraints,
            models.UniqueConstraint(fields=["council", "year"], name="return_one_per_council_and_year"),
        ]

    def __str__(self):
        return f"{self.council.short_name} {financial_year_label(self.year)}"

    @property
    def year_label(self):
        return financial_year_label(self.year)


class ImportBatch(models.Model):
    """One upload of a return: the file as sent, how it was read, and what was found."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not yet committed")
        ACTIVE = "active", _("In use")
        REPLACED = "replaced", _("Replaced")

    council_return = models.ForeignKey(Return, on_delete=models.CASCADE, related_name="batches", verbose_name=_("return"))
    source = models.FileField(_("file"), upload_to="returns/%Y/%m/")
    original_filename = models.CharField(_("file name"), max_length=255)
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    header_row = models.PositiveIntegerField(_("header row"), null=True, blank=True)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    committed_at = models.DateTimeField(_("committed"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    report = models.JSONField(_("report"), default=dict, blank=True)
    line_count = models.PositiveIntegerField(_("lines"), default=0)
    total_learners = models.PositiveIntegerField(_("learners"), default=0)
    total_cost_pence = models.BigIntegerField(_("total cost (pence)"), default=0)
    # Who may see the lines once this upload is committed; the return keeps its sharing until then.
    # Blank (the command line) keeps the return's sharing as it is.
    sharing = models.CharField(_("sharing when committed"), max_length=20, choices=Sharing.choices, blank=True)
    shared_with = models.ForeignKey(
        "organisations.Partnership", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("shared with partnership when committed"),
    )

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        constraints = [
            models.CheckConstraint(
                condition=(Q(sharing=Sharing.PARTNERSHIP) & Q(shared_with__isnull=False))
                | (~Q(sharing=Sharing.PARTNERSHIP) & Q(shared_with__isnull=True)),
                name="importbatch_partnership_named_only_when_shared",
            )
        ]

    def __str__(self):
        return f"{self.original_filename} ({self.council_return})"

    def get_absolute_url(self):
        return reverse("mapping:batch-preview", args=[self.pk])

    @property
    def audit_council(self):
        return self.council_return.council


class ColumnMapping(models.Model):
    """How a council's spreadsheet headers map to return fields, remembered for next year."""

    council = models.OneToOneField("organisations.Council", on_delete=models.CASCADE, related_name="column_mapping")
    mapping = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.council}: {len(self.mapping)} columns"


class ProvisionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(batch__status=ImportBatch.Status.ACTIVE)


class Provision(models.Model):
    """One line of a council's return: a course or programme it delivers."""

    # The composite indexes below lead with council and with batch, so their own indexes would only slow imports.
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="provision", db_index=False)
    year = models.PositiveSmallIntegerField(_("year"))
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="lines", db_index=False)
    row_number = models.PositiveIntegerField(_("row"))
    title = models.CharField(_("title"), max_length=300)
    # Reports always narrow by council and year first, so a topic index would cost every import and help no query.
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("topic"), db_index=False)
    topic_suggested = models.BooleanField(_("topic only suggested"), default=False)
    topic_as_written = models.CharField(_("topic as written"), max_length=200, blank=True)
    delivery_method = models.CharField(_("delivery method"), max_length=20, choices=list(DELIVERY_METHOD_LABELS.items()), blank=True)
    provider_type = models.CharField(_("provider type"), max_length=20, choices=list(PROVIDER_TYPE_LABELS.items()), blank=True)
    provider_name = models.CharField(_("provider"), max_length=200, blank=True)
    accreditation = models.CharField(_("accreditation"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=50, blank=True)
    duration_hours = models.DecimalField(_("duration (hours)"), max_digits=8, decimal_places=2, null=True, blank=True)
    sessions_per_year = models.PositiveIntegerField(_("sessions per year"), null=True, blank=True)
    learners_per_year = models.PositiveIntegerField(_("learners per year"), null=True, blank=True)
    annual_cost_pence = models.BigIntegerField(_("annual cost (pence)"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        ordering = ["council__name", "row_number"]
        verbose_name = _("provision")
        verbose_name_plural = _("provision")
        indexes = [models.Index(fields=["council", "year"]), models.Index(fields=["batch", "row_number"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(annual_cost_pence__isnull=True) | Q(annual_cost_pence__gte=0), name="provision_cost_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(duration_hours__isnull=True) | Q(duration_hours__gte=0), name="provision_duration_not_negative"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def audit_council(self):
        return self.council


class Investment(models.Model):
    """What a council puts into L&D in a year."""

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="investments")
    year = models.PositiveSmallIntegerField(_("financial year starting"), validators=year_range)
    budget_pence = models.BigIntegerField(_("L&D budget (pence)"), null=True, blank=True, validators=[MinValueValidator(0)])
    trainer_fte = models.DecimalField(
        _("trainers (FTE)"), max_digits=6, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    elearning_platform = models.CharField(_("e-learning platform"), max_length=120, blank=True)
    headcount = models.PositiveIntegerField(
        _("staff headcount"), null=True, blank=True, help_text=_("Staff the budget serves; used for spend per head.")
    )

    class Meta:
        ordering = ["-year", "council__name"]
        verbose_name = _("investment")
        verbose_name_plural = _("investments")
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="investment_one_per_council_and_year"),
            models.CheckConstraint(condition=Q(budget_pence__isnull=True) | Q(budget_pence__gte=0), name="investment_budget_not_negative"),
        ]

    def __str__(self):
        return f"{self.council.short_name} {financial_year_label(self.year)}"

    @property
    def audit_council(self):
        return self.council

    @property
    def spend_per_head_pence(self):
        if self.budget_pence is None or not self.headcount:
            return None
        return divide_half_up(self.budget_pence, self.headcount)


class Arrangement(models.Model):
    """Collaboration that already takes place: with whom, on what, by what arrangement."""

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="arrangements")
    year = models.PositiveSmallIntegerField(_("financial year starting"), validators=year_range)
    partners = models.ManyToManyField("organisations.Council", related_name="+", verbose_name=_("partner councils"))
    subject = models.CharField(_("on what"), max_length=200)
    kind = models.CharField(_("arrangement"), max_length=30, choices=list(ARRANGEMENT_KIND_LABELS.items()))
    description = models.TextField(_("description"), blank=True)
    batch = models.ForeignKey(ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="arrangements")

    class Meta:
        ordering = ["-year", "council__name", "subject"]
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangements")

    def __str__(self):
        return self.subject

    @property
    def audit_council(self):
        return self.council
