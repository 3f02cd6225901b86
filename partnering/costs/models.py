"""Money a partnership shares: cost pools and what each council pays, funding packages and grants,
and pooled entitlements to support days. The sums are done by the pure `engine`; these records
hold what was agreed and what happened, in pounds to the penny."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]
POSITIVE = [MinValueValidator(Decimal("0.01"))]


def money(verbose_name, **extra):
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **extra)


def days(verbose_name, **extra):
    return models.DecimalField(verbose_name, max_digits=8, decimal_places=2, **extra)


class Kind(models.TextChoices):
    REVENUE = "revenue", _("Revenue")
    CAPITAL = "capital", _("Capital")


class Recorded(models.Model):
    """Who recorded a row, and when."""

    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        abstract = True


# --- Cost pools ----------------------------------------------------------------------------------


class CostPool(Recorded):
    """A joint cost the partnership shares: a course, a shared post, a shared system, a programme office."""

    class Purpose(models.TextChoices):
        COURSE = "course", _("A joint course or programme of training")
        SHARED_POST = "shared_post", _("A shared post")
        SHARED_SYSTEM = "shared_system", _("A shared system")
        PROGRAMME_OFFICE = "programme_office", _("A programme office")
        OTHER = "other", _("Something else")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="cost_pools",
                                    verbose_name=_("partnership"))
    name = models.CharField(_("name"), max_length=200)
    purpose = models.CharField(_("what it pays for"), max_length=20, choices=Purpose.choices, default=Purpose.OTHER)
    description = models.TextField(_("description"), blank=True)
    councils = models.ManyToManyField("organisations.Council", through="PoolCouncil", related_name="+", verbose_name=_("councils sharing it"))
    course = models.ForeignKey("learning.Course", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                               verbose_name=_("course (for places booked and attended)"))
    tolerance = money(_("tolerance"), default=Decimal("0"), validators=NOT_NEGATIVE)

    class Meta:
        ordering = ["partnership__name", "name", "pk"]
        verbose_name = _("cost pool")
        verbose_name_plural = _("cost pools")

    def __str__(self):
        return self.name


class PoolCouncil(models.Model):
    """A council sharing a pool; what it would pay on its own, and any cap or floor on its share."""

    pool = models.ForeignKey(CostPool, on_delete=models.CASCADE, related_name="members")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    cost_alone = money(_("cost on its own, a year"), null=True, blank=True, validators=NOT_NEGATIVE)
    cap = money(_("most it pays in a period"), null=True, blank=True, validators=NOT_NEGATIVE)
    floor = money(_("least it pays in a period"), null=True, blank=True, validators=NOT_NEGATIVE)

    class Meta:
        ordering = ["council__name"]
        constraints = [models.UniqueConstraint(fields=["pool", "council"], name="pool_council_once")]

    def __str__(self):
        return f"{self.council} in {self.pool}"


class PoolBasis(Recorded):
    """How the pool is split from a date; earlier periods keep the basis they had."""

    class Basis(models.TextChoices):
        EQUAL = "equal", _("Equally")
        FIXED = "fixed", _("Fixed percentages")
        PRO_RATA = "pro_rata", _("Pro rata to a measure (such as headcount)")
        USAGE = "usage", _("By use (such as places taken)")
        HYBRID = "hybrid", _("Part equally, the rest pro rata to a measure")

    class Measure(models.TextChoices):
        TYPED = "typed", _("Figures typed in, with their source")
        HEADCOUNT = "headcount", _("Headcount (from each council's L&D return or profile)")
        PLACES_BOOKED = "places_booked", _("Places booked on the pool's course")
        PLACES_ATTENDED = "places_attended", _("Places attended on the pool's course")

    pool = models.ForeignKey(CostPool, on_delete=models.CASCADE, related_name="bases")
    effective_from = models.DateField(_("applies from"))
    basis = models.CharField(_("basis"), max_length=10, choices=Basis.choices)
    measure = models.CharField(_("figures from"), max_length=20, choices=Measure.choices, default=Measure.TYPED)
    measure_label = models.CharField(_("what the figures are"), max_length=120, blank=True)
    equal_weight = models.DecimalField(_("percentage shared equally"), max_digits=5, decimal_places=2, null=True, blank=True,
                                       validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))])
    note = models.TextField(_("why"), blank=True)

    class Meta:
        ordering = ["pool", "-effective_from"]
        constraints = [models.UniqueConstraint(fields=["pool", "effective_from"], name="pool_basis_one_a_day")]
        verbose_name = _("basis")
        verbose_name_plural = _("bases")

    def __str__(self):
        return f"{self.get_basis_display()} from {self.effective_from}"


class BasisFigure(models.Model):
    """One council's figure for a basis: its percentage (fixed), measure (pro rata) or units used (usage)."""

    basis = models.ForeignKey(PoolBasis, on_delete=models.CASCADE, related_name="figures")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    value = models.DecimalField(_("figure"), max_digits=14, decimal_places=4, validators=NOT_NEGATIVE)
    source = models.CharField(_("source"), max_length=200)
    as_of = models.DateField(_("as at"), null=True, blank=True)

    class Meta:
        ordering = ["council__name"]
        constraints = [models.UniqueConstraint(fields=["basis", "council"], name="basis_figure_once")]

    def __str__(self):
        return f"{self.council}: {self.value} ({self.basis})"


class Cost(Recorded):
    """A cost one council paid on behalf of the pool."""

    pool = models.ForeignKey(CostPool, on_delete=models.CASCADE, related_name="costs")
    paid_by = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("paid by"))
    date = models.DateField(_("date"))
    amount = money(_("amount"), validators=POSITIVE)
    kind = models.CharField(_("revenue or capital"), max_length=10, choices=Kind.choices, default=Kind.REVENUE)
    description = models.CharField(_("what for"), max_length=200)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("cost")
        verbose_name_plural = _("costs")

    def __str__(self):
        return f"{self.description} ({self.amount})"



# --- Funding packages and grants -----------------------------------------------------------------


class FundingPackage(Recorded):
    """Money from funders for the partnership's work, with a profile by year and a hard end date."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="funding_packages",
                                    verbose_name=_("partnership"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True, help_text=_("Spend after this date cannot be claimed."))
    warn_days = models.PositiveSmallIntegerField(_("warn this many days before the end date"), default=90)

    class Meta:
        ordering = ["partnership__name", "name", "pk"]
        verbose_name = _("funding package")
        verbose_name_plural = _("funding packages")

    def __str__(self):
        return self.name


class Award(Recorded):
    package = models.ForeignKey(FundingPackage, on_delete=models.CASCADE, related_name="awards")
    funder = models.CharField(_("funder"), max_length=120)
    awarded = money(_("amount awarded"), validators=NOT_NEGATIVE)
    bid = money(_("amount bid for"), null=True, blank=True, validators=NOT_NEGATIVE)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["package", "funder"], name="award_one_per_funder")]

    def __str__(self):
        return self.funder


class Amendment(Recorded):
    """A cut or uplift to an award, with its reason (and the year of the profile it changes)."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="amendments", verbose_name=_("funder"))
    date = models.DateField(_("date"))
    change = money(_("change (negative for a cut)"))
    year = models.CharField(_("financial year it changes"), max_length=7, blank=True)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.award}: {self.change} ({self.reason})"



class ProfileLine(Recorded):
    """What the package planned to spend in a financial year."""

    package = models.ForeignKey(FundingPackage, on_delete=models.CASCADE, related_name="profile")
    year = models.CharField(_("financial year"), max_length=7)
    amount = money(_("planned spend"), validators=NOT_NEGATIVE)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["package", "year"], name="profile_one_per_year")]

    def __str__(self):
        return f"{self.year}: {self.amount}"



class Reprofile(Recorded):
    """Planned spend moved from one financial year to another."""

    package = models.ForeignKey(FundingPackage, on_delete=models.CASCADE, related_name="reprofiles")
    date = models.DateField(_("date"))
    from_year = models.CharField(_("from financial year"), max_length=7)
    to_year = models.CharField(_("to financial year"), max_length=7)
    amount = money(_("amount moved"), validators=POSITIVE)
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.from_year} → {self.to_year}: {self.amount}"



class Spend(Recorded):
    package = models.ForeignKey(FundingPackage, on_delete=models.CASCADE, related_name="spend")
    date = models.DateField(_("date"))
    amount = money(_("amount"), validators=POSITIVE)
    kind = models.CharField(_("revenue or capital"), max_length=10, choices=Kind.choices, default=Kind.REVENUE)
    description = models.CharField(_("what for"), max_length=200)
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("spent by"))

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.description} ({self.amount})"



class Claim(Recorded):
    """Money claimed from a funder against spend."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="claims", verbose_name=_("funder"))
    date = models.DateField(_("date"))
    amount = money(_("amount claimed"), validators=POSITIVE)
    reference = models.CharField(_("claim reference"), max_length=80, blank=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.award}: {self.amount}"



class InKind(Recorded):
    """A contribution in kind: a council's officer's time, valued at a day rate."""

    package = models.ForeignKey(FundingPackage, on_delete=models.CASCADE, related_name="in_kind")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    date = models.DateField(_("date"))
    days = days(_("days"), validators=POSITIVE)
    day_rate = money(_("day rate"), validators=NOT_NEGATIVE)
    description = models.CharField(_("what was given"), max_length=200)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.council}: {self.description}"



# --- Pooled entitlements -------------------------------------------------------------------------


class EntitlementPool(Recorded):
    """A pool of support days funded by councils' drawdowns, each council drawing at most a cap."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="entitlement_pools",
                                    verbose_name=_("partnership"))
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    pool_days = days(_("days in the pool"), validators=POSITIVE)
    cap_days = days(_("most days one council may draw"), null=True, blank=True, validators=POSITIVE)

    class Meta:
        ordering = ["partnership__name", "name", "pk"]
        verbose_name = _("pooled entitlement")
        verbose_name_plural = _("pooled entitlements")

    def __str__(self):
        return self.name


class Drawdown(Recorded):
    pool = models.ForeignKey(EntitlementPool, on_delete=models.CASCADE, related_name="drawdowns")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    date = models.DateField(_("date"))
    days = days(_("days drawn"), validators=POSITIVE)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.council}: {self.days} days"



class OneToOne(Recorded):
    """Days a council used as one-to-one support or consultancy."""

    pool = models.ForeignKey(EntitlementPool, on_delete=models.CASCADE, related_name="one_to_one")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    date = models.DateField(_("date"))
    days = days(_("days used"), validators=POSITIVE)
    description = models.CharField(_("what for"), max_length=200)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.council}: {self.description}"



class ThemeGroup(Recorded):
    """A theme group whose facilitator's days are shared among its councils."""

    pool = models.ForeignKey(EntitlementPool, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField(_("theme"), max_length=120)
    days = days(_("facilitator days"), validators=POSITIVE)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["pool", "name"], name="theme_group_name_once")]

    def __str__(self):
        return self.name


class ThemeGroupMember(models.Model):
    group = models.ForeignKey(ThemeGroup, on_delete=models.CASCADE, related_name="members")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    weight = models.DecimalField(_("weight"), max_digits=8, decimal_places=2, default=Decimal("1"), validators=POSITIVE)

    class Meta:
        ordering = ["council__name"]
        constraints = [models.UniqueConstraint(fields=["group", "council"], name="theme_group_member_once")]

    def __str__(self):
        return f"{self.council} in {self.group}"
