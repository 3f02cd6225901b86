from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnering.core.dates import today
from partnering.core.models import DatedQuerySet, ends_after_start


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("A person needs an email address to sign in.")
        person = self.model(email=self.normalize_email(email).lower(), **extra)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class Person(AbstractBaseUser, PermissionsMixin):
    """Someone who signs in. Council roles live on their employments, not here."""

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        WELSH = "cy", _("Welsh")

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    is_staff = models.BooleanField(_("site administrator access"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Blank: not chosen yet, so the first switch of the site's language sets it (people.views.set_language).
    language = models.CharField(
        _("language for emails"), max_length=2, choices=Language.choices, blank=True, default="",
        help_text=_("If blank, emails are in English until you switch the site's language, then in the language you switch to."),
    )

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name or self.email

    def get_absolute_url(self):
        return reverse("people:person-detail", args=[self.pk])

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def current_employments(self):
        return self.employments.current().select_related("council", "work_base").prefetch_related("roles")


class Employment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="employments", verbose_name=_("person"))
    council = models.ForeignKey(
        "organisations.Council", on_delete=models.PROTECT, related_name="employments", verbose_name=_("council")
    )
    job_title = models.CharField(_("job title"), max_length=150)
    fte = models.DecimalField(
        _("full-time equivalent"), max_digits=4, decimal_places=3, default=Decimal("1.000"),
        help_text=_("Share of a full-time post, more than 0 and at most 1."),
    )
    start_on = models.DateField(_("start date"))
    end_on = models.DateField(_("end date"), null=True, blank=True)
    work_base = models.ForeignKey(
        "organisations.Venue", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("work base"),
    )
    line_manager = models.ForeignKey(
        "Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="managed_employments",
        verbose_name=_("line manager"),
    )
    # The person's name and email, copied here by database triggers (migration 0004) however either is written, so
    # one index answers "this council's people called Smith" (access.people.people_visible_to). Never set it here.
    search_text = models.TextField(default="", db_default="", editable=False)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["start_on", "council__name"]
        verbose_name = _("employment")
        verbose_name_plural = _("employments")
        constraints = [
            models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="employment_fte_between_0_and_1"),
            ends_after_start("employment_ends_after_start"),
            models.UniqueConstraint(
                fields=["person", "council"], condition=Q(end_on__isnull=True), name="employment_one_open_per_council"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.job_title}, {self.council}"

    @property
    def audit_council(self):
        return self.council

    @property
    def role_labels(self):
        return [role.get_role_display() for role in self.roles.all()]


class CouncilRole(models.Model):
    """A role someone holds through one employment."""

    class Role(models.TextChoices):
        LEAD = "lead", _("L&D or HR lead")
        STAFF = "staff", _("Member of staff")
        TRAINER = "trainer", _("Trainer")

    employment = models.ForeignKey(Employment, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["role"]
        verbose_name = _("council role")
        verbose_name_plural = _("council roles")
        constraints = [models.UniqueConstraint(fields=["employment", "role"], name="council_role_once_per_employment")]

    def __str__(self):
        return self.get_role_display()

    @property
    def audit_council(self):
        return self.employment.council


class PartnershipRole(models.Model):
    """A role someone holds in a partnership, not through any one council."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator (regional project officer)")
        BOARD = "board", _("Board or scrutiny member (read only)")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="partnership_roles")
    partnership = models.ForeignKey(
        "organisations.Partnership", on_delete=models.CASCADE, related_name="roles", verbose_name=_("partnership")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    start_on = models.DateField(_("start date"), default=today)
    end_on = models.DateField(_("end date"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        ordering = ["partnership__name", "role"]
        verbose_name = _("partnership role")
        verbose_name_plural = _("partnership roles")
        constraints = [
            ends_after_start("partnership_role_ends_after_start"),
            models.UniqueConstraint(
                fields=["person", "partnership", "role"],
                condition=Q(end_on__isnull=True),
                name="partnership_role_one_open",
            ),
        ]

    def __str__(self):
        return f"{self.person}: {self.get_role_display()}, {self.partnership}"
