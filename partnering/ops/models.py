from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .retention_rules import MAX_MONTHS, MIN_MONTHS


class Heartbeat(models.Model):
    """The last time a background worker ran the heartbeat task: readiness knows the worker is alive and working."""

    name = models.CharField(max_length=50, unique=True)
    at = models.DateTimeField(_("last beat"))

    class Meta:
        verbose_name = _("worker heartbeat")
        verbose_name_plural = _("worker heartbeats")

    def __str__(self):
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"


class RetentionRule(models.Model):
    """How long a council keeps its leavers' personal data, set by its lead.

    A one-to-one row in ops rather than a field on Council: the rule, the task that applies it and the log it
    writes all live here, so the organisations app knows nothing about erasure; and a council with no row (or no
    months) keeps everything until its lead decides, so installing this erases nobody."""

    council = models.OneToOneField("organisations.Council", on_delete=models.CASCADE, related_name="retention_rule",
                                   verbose_name=_("council"))
    months = models.PositiveSmallIntegerField(
        _("months to keep a leaver's personal data"), null=True, blank=True,
        validators=[MinValueValidator(MIN_MONTHS), MaxValueValidator(MAX_MONTHS)],
        help_text=_("Counted from the day their last employment with the council ended. Blank: keep it until you set a period."),
    )

    class Meta:
        verbose_name = _("retention rule")
        verbose_name_plural = _("retention rules")
        constraints = [
            models.CheckConstraint(condition=Q(months__isnull=True) | Q(months__gte=MIN_MONTHS, months__lte=MAX_MONTHS),
                                   name="retention_months_in_range"),
        ]

    def __str__(self):
        if self.months is None:
            return gettext("%(council)s: kept until a period is set") % {"council": self.council}
        return ngettext("%(council)s: %(months)d month after leaving", "%(council)s: %(months)d months after leaving",
                        self.months) % {"council": self.council, "months": self.months}

    @property
    def audit_council(self):
        return self.council


class ErasureLog(models.Model):
    """One person's personal data erased (anonymised) under a council's retention rule. It names no one: the
    anonymised person's key (so a later run skips them), the rule that decided, and how many records each app
    changed or removed — never what they held."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    council = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("council whose rule applied"))
    person_pk = models.PositiveBigIntegerField(_("anonymised person's number"), unique=True)
    months = models.PositiveSmallIntegerField(_("retention period (months)"))
    records = models.JSONField(_("records changed or removed, by app"), default=dict, blank=True)
    source = models.CharField(_("made through"), max_length=100, blank=True, default="")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("erasure log entry")
        verbose_name_plural = _("erasure log")

    def __str__(self):
        return gettext("Person #%(pk)d anonymised") % {"pk": self.person_pk}

    @property
    def touched(self) -> list[tuple[str, int]]:
        """The apps that changed or removed something, with how many records."""
        return [(app, count) for app, count in self.records.items() if count]
