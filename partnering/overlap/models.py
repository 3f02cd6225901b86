from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AnalysisRun(models.Model):
    """One run of the overlap analysis for a partnership's returns for a year."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Finished")
        UNCHANGED = "unchanged", _("Nothing had changed")
        FAILED = "failed", _("Failed")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="overlap_runs")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    line_count = models.PositiveIntegerField(_("lines compared"), default=0)
    group_count = models.PositiveIntegerField(_("groups"), default=0)
    # The share of compared pairs the grouping is sure about: decided, or the model's probability below 0.2 or above 0.8.
    confidence = models.FloatField(_("confidence"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("overlap analysis run")
        verbose_name_plural = _("overlap analysis runs")

    def __str__(self):
        return f"{self.partnership} {self.year} ({self.get_status_display()})"

    @property
    def in_progress(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class OverlapGroup(models.Model):
    """Equivalent provision found in a partnership's returns (one or more councils)."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="overlap_groups")
    year = models.PositiveSmallIntegerField(_("year"))
    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="groups")
    title = models.CharField(_("title"), max_length=300)
    topic = models.ForeignKey("mapping.Topic", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("topic"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    council_count = models.PositiveSmallIntegerField(_("councils"))
    line_count = models.PositiveIntegerField(_("lines"))
    learners = models.PositiveIntegerField(_("learners"), default=0)
    spend_pence = models.BigIntegerField(_("spend (pence)"), default=0)
    saving_pence = models.BigIntegerField(_("estimated saving (pence)"), default=0)
    flags = models.JSONField(default=list, blank=True)
    explanation = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-saving_pence", "-council_count", "title"]
        verbose_name = _("group of equivalent provision")
        verbose_name_plural = _("groups of equivalent provision")
        indexes = [models.Index(fields=["partnership", "year", "council_count"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("overlap:group-detail", args=[self.pk])


class GroupLine(models.Model):
    group = models.ForeignKey(OverlapGroup, on_delete=models.CASCADE, related_name="members")
    provision = models.ForeignKey("mapping.Provision", on_delete=models.CASCADE, related_name="+")
    line_key = models.CharField(max_length=400)

    class Meta:
        ordering = ["provision__council__name", "provision__title"]

    def __str__(self):
        return self.line_key


class Decision(models.Model):
    """A coordinator's ruling on two lines, by what identifies them, so it survives re-imports and re-runs."""

    class Kind(models.TextChoices):
        SAME = "same", _("Equivalent")
        DIFFERENT = "different", _("Not equivalent")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="overlap_decisions")
    kind = models.CharField(_("decision"), max_length=10, choices=Kind.choices)
    key_a = models.CharField(max_length=400)
    key_b = models.CharField(max_length=400)
    label_a = models.CharField(max_length=400)
    label_b = models.CharField(max_length=400)
    # What the model learns from: the two lines' titles and course attributes when the decision was made
    # (never learners, costs or council), so decisions train the matcher after the lines are re-imported.
    line_a = models.JSONField(default=dict, blank=True)
    line_b = models.JSONField(default=dict, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at"]
        constraints = [models.UniqueConstraint(fields=["partnership", "key_a", "key_b"], name="decision_once_per_pair")]

    def __str__(self):
        return f"{self.label_a} / {self.label_b}: {self.get_kind_display()}"


class Equivalence(models.Model):
    """A confirmed group: the partnership agrees these lines are the same learning."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="equivalences")
    title = models.CharField(_("title"), max_length=300)
    topic = models.ForeignKey("mapping.Topic", on_delete=models.SET_NULL, null=True, blank=True)
    line_keys = models.JSONField(default=list)
    titles = models.JSONField(default=list)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("equivalence")
        verbose_name_plural = _("equivalences")

    def __str__(self):
        return self.title



class Question(models.Model):
    """A pair of lines the analysis would most like a coordinator to rule on: the same course or not?"""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for an answer")
        ANSWERED = "answered", _("Answered")
        UNSURE = "unsure", _("Not sure")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="overlap_questions")
    year = models.PositiveSmallIntegerField(_("year"))
    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="questions")
    provision_a = models.ForeignKey("mapping.Provision", on_delete=models.CASCADE, related_name="+", verbose_name=_("first line"))
    provision_b = models.ForeignKey("mapping.Provision", on_delete=models.CASCADE, related_name="+", verbose_name=_("second line"))
    # What identifies each line across re-imports (as for decisions): a "not sure" is never asked again.
    key_a = models.CharField(max_length=400)
    key_b = models.CharField(max_length=400)
    probability = models.FloatField(_("probability they are the same"))
    rank = models.PositiveSmallIntegerField(_("rank"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name=_("answered by"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions",
                                 verbose_name=_("decision"))

    class Meta:
        ordering = ["rank", "pk"]
        verbose_name = _("overlap question")
        verbose_name_plural = _("overlap questions")
        indexes = [models.Index(fields=["partnership", "year", "status"])]

    def __str__(self):
        return f"{self.provision_a} / {self.provision_b}"
