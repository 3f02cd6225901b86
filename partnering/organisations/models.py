from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnering.core.dates import today
from partnering.core.models import CouncilOwned, DatedQuerySet, ends_after_start

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits, like #1d70b8."))
latitude_range = [MinValueValidator(-90), MaxValueValidator(90)]
longitude_range = [MinValueValidator(-180), MaxValueValidator(180)]


def coordinates_in_range(prefix: str = "") -> Q:
    lat, lon = f"{prefix}latitude", f"{prefix}longitude"
    return (Q(**{f"{lat}__isnull": True}) | Q(**{f"{lat}__gte": -90, f"{lat}__lte": 90})) & (
        Q(**{f"{lon}__isnull": True}) | Q(**{f"{lon}__gte": -180, f"{lon}__lte": 180})
    )


class Council(models.Model):
    class Country(models.TextChoices):
        ENGLAND = "England", _("England")
        WALES = "Wales", _("Wales")
        SCOTLAND = "Scotland", _("Scotland")
        NORTHERN_IRELAND = "Northern Ireland", _("Northern Ireland")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    gss_code = models.CharField(
        _("GSS code"),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        validators=[RegexValidator(r"^[ENSW]\d{8}$", _("A GSS code is a letter (E, N, S or W) and eight digits."))],
    )
    country = models.CharField(_("country"), max_length=20, choices=Country.choices)
    region = models.CharField(_("region"), max_length=80, blank=True)
    hq_town = models.CharField(_("head office town"), max_length=80, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=latitude_range)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=longitude_range)
    headcount = models.PositiveIntegerField(_("headcount"), null=True, blank=True)
    service_expenditure_pence = models.BigIntegerField(
        _("service expenditure (pence)"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    brand_colour = models.CharField(_("brand colour"), max_length=7, default="#1d70b8", validators=[hex_colour])
    email_domain = models.CharField(_("email domain"), max_length=120, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("council")
        verbose_name_plural = _("councils")
        constraints = [
            models.CheckConstraint(condition=coordinates_in_range(), name="council_coordinates_in_range"),
            models.CheckConstraint(
                condition=Q(service_expenditure_pence__isnull=True) | Q(service_expenditure_pence__gte=0),
                name="council_expenditure_not_negative",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:council-detail", args=[self.slug])

    @property
    def service_expenditure_gbp_m(self):
        if self.service_expenditure_pence is None:
            return None
        return self.service_expenditure_pence / 100 / 1_000_000


class Partnership(models.Model):
    class Kind(models.TextChoices):
        NETWORK = "network", _("Regional network")
        SHARED_MANAGEMENT = "shared_management", _("Shared management")
        CONSORTIUM = "consortium", _("Consortium")
        HUB = "hub", _("Hub")
        PROJECT = "project", _("Project")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    formed_on = models.DateField(_("formed"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    councils = models.ManyToManyField(Council, through="Membership", related_name="partnerships")
    # The overlap matcher learns from every partnership's decisions (titles and course attributes only); opting
    # out stops this partnership's decisions training it for others, not its own.
    learn_from_decisions = models.BooleanField(_("Let Partnering learn from our overlap decisions for every partnership"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:partnership-detail", args=[self.slug])


class MembershipQuerySet(DatedQuerySet):
    start_field, end_field = "joined_on", "left_on"


class Membership(models.Model):
    """A council's membership of a partnership over time; leaving keeps the row."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("partnership")
    )
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("council"))
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["joined_on", "council__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            ends_after_start("membership_leaves_after_joining", "joined_on", "left_on"),
            models.UniqueConstraint(
                fields=["partnership", "council"],
                condition=Q(left_on__isnull=True),
                name="membership_one_open_per_council",
            ),
        ]

    def __str__(self):
        return f"{self.council} in {self.partnership}"

    @property
    def audit_council(self):
        return self.council

    @property
    def is_current(self):
        day = today()
        return self.joined_on <= day and (self.left_on is None or self.left_on >= day)


class Venue(CouncilOwned):
    name = models.CharField(_("name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=latitude_range)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=longitude_range)
    capacity = models.PositiveIntegerField(_("capacity"), default=0, help_text=_("Most people the room can seat."))
    step_free_access = models.BooleanField(_("step-free access"), default=False)

    class Meta(CouncilOwned.Meta):
        ordering = ["council__name", "name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [
            *CouncilOwned.Meta.constraints,
            models.CheckConstraint(condition=coordinates_in_range(), name="venue_coordinates_in_range"),
            models.UniqueConstraint(fields=["council", "name"], name="venue_name_unique_per_council"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:venue-detail", args=[self.pk])
