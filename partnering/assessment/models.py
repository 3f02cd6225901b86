"""Self-assessment frameworks, assessments with evidence and moderation, action plans, published
benchmarks, and anonymous pulse surveys.

Anonymity of survey answers is a property of the tables, not only of the pages: a `Response` holds no
person, no time and no ordered id (its key is random, and SQLite's row id is that key), and who has
answered is a flag on the `Invitation`, which names no response. The figures shown are cut by the pure
`anonymity` rule."""

from __future__ import annotations

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .anonymity import DEFAULT_MIN_GROUP, LEAST_MIN_GROUP


class Scale(models.TextChoices):
    POINTS = "points", _("1 to 5, with a descriptor for each point")
    YES_PARTLY_NO = "ypn", _("Yes, partly or no")
    CUSTOM = "custom", _("A scale of your own")


YES_PARTLY_NO = [(2, _("Yes")), (1, _("Partly")), (0, _("No"))]


class Rules(models.Model):
    """A partnership's settings for assessment and surveys."""

    partnership = models.OneToOneField("organisations.Partnership", on_delete=models.CASCADE, related_name="assessment_rules")
    min_group = models.PositiveSmallIntegerField(
        _("smallest group shown"), default=DEFAULT_MIN_GROUP, validators=[MinValueValidator(LEAST_MIN_GROUP), MaxValueValidator(100)],
        help_text=_("No figure for fewer people than this is shown. At least 3."))
    free_text_min = models.PositiveSmallIntegerField(
        _("fewest responses before free-text answers are shown"), default=10, validators=[MinValueValidator(LEAST_MIN_GROUP), MaxValueValidator(1000)],
        help_text=_("Higher than the smallest group: comments can identify their writer."))
    weak_below = models.DecimalField(
        _("a score below this suggests an action"), max_digits=4, decimal_places=2, default=Decimal("3"),
        help_text=_("On a 1 to 5 scale; on yes, partly or no, anything below yes suggests an action."))

    class Meta:
        verbose_name = _("assessment rules")
        verbose_name_plural = _("assessment rules")
        constraints = [models.CheckConstraint(condition=models.Q(min_group__gte=LEAST_MIN_GROUP), name="assessment_min_group_at_least_3")]

    def __str__(self):
        return str(self.partnership)


# --- Frameworks ------------------------------------------------------------------------------------


class Framework(models.Model):
    """A set of criteria in areas. Built-in frameworks belong to no partnership and everyone may use them."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, null=True, blank=True, related_name="frameworks",
                                    verbose_name=_("partnership"))
    key = models.SlugField(_("key"), max_length=60, blank=True)  # built-ins only
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        constraints = [models.UniqueConstraint(fields=["key"], condition=~models.Q(key=""), name="framework_key_once")]

    def __str__(self):
        return self.name

    @property
    def built_in(self) -> bool:
        return self.partnership_id is None

    def current_version(self):
        return self.versions.order_by("-number").first()


class Version(models.Model):
    """A version of a framework's criteria. Once an assessment uses it, changes make a new version."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["framework", "number"]
        constraints = [models.UniqueConstraint(fields=["framework", "number"], name="framework_version_once")]

    def __str__(self):
        return f"{self.framework} v{self.number}"


class Area(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="areas")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("area"), max_length=200)

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="area_position_once")]

    def __str__(self):
        return self.name


class Criterion(models.Model):
    version = models.ForeignKey(Version, on_delete=models.CASCADE, related_name="criteria")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("criterion"), max_length=300)
    guidance = models.TextField(_("guidance"), blank=True)
    evidence_expected = models.TextField(_("evidence expected"), blank=True)
    scale = models.CharField(_("scale"), max_length=10, choices=Scale.choices, default=Scale.POINTS)
    descriptors = models.JSONField(_("what each point means"), default=list, blank=True)  # 5 texts for POINTS
    custom_points = models.JSONField(_("points of the scale"), default=list, blank=True)  # [[value, label], …] for CUSTOM
    published_key = models.CharField(max_length=300, blank=True)  # the item of a published benchmark it matches

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="criterion_position_once")]

    def __str__(self):
        return self.text

    def points(self) -> list[tuple[Decimal, str]]:
        """The values a score may take, with their labels, highest first."""
        if self.scale == Scale.YES_PARTLY_NO:
            return [(Decimal(v), str(label)) for v, label in YES_PARTLY_NO]
        if self.scale == Scale.CUSTOM:
            return sorted(((Decimal(str(v)), str(label)) for v, label in self.custom_points), reverse=True)
        labels = list(self.descriptors) + [""] * 5
        return [(Decimal(v), f"{v}: {labels[v - 1]}".rstrip(": ") if labels[v - 1] else str(v)) for v in range(5, 0, -1)]

    def top(self) -> Decimal:
        return max(v for v, _ in self.points())


# --- Assessments -------------------------------------------------------------------------------------


class Assessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for moderation")
        MODERATED = "moderated", _("Moderated")
        AGREED = "agreed", _("Agreed")

    version = models.ForeignKey(Version, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("framework version"))
    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="assessments",
                                    verbose_name=_("partnership"))
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, null=True, blank=True, related_name="assessments",
                                verbose_name=_("council"), help_text=_("Empty when the partnership assesses itself."))
    team = models.CharField(_("team"), max_length=200, blank=True, help_text=_("If a team, not the whole council, assesses itself."))
    title = models.CharField(_("title"), max_length=200, help_text=_("Such as “HR integration, spring 2026”."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    moderator_council = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                          verbose_name=_("moderated by (a peer council)"),
                                          help_text=_("Leave empty for the partnership's coordinator to moderate."))
    moderator_view = models.TextField(_("the moderator's view"), blank=True)
    shared = models.BooleanField(_("shared with the partnership"), default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    agreed_at = models.DateTimeField(_("agreed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self):
        return self.title

    @property
    def subject(self) -> str:
        who = str(self.council) if self.council_id else str(self.partnership)
        return f"{who}: {self.team}" if self.team else who


class Score(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    moderated_value = models.DecimalField(_("moderated score"), max_digits=6, decimal_places=2, null=True, blank=True)
    moderator_comment = models.TextField(_("moderator's comment"), blank=True)

    class Meta:
        ordering = ["criterion__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="score_once")]

    def __str__(self):
        return f"{self.criterion}: {self.final}"

    @property
    def final(self) -> Decimal | None:
        """The moderated score where the moderator gave one, else the council's own."""
        return self.moderated_value if self.moderated_value is not None else self.value


class Evidence(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("A document")
        LINK = "link", _("A link")
        NOTE = "note", _("A note")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion"))
    kind = models.CharField(_("kind of evidence"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("document"), upload_to="assessment/evidence/%Y/", blank=True)
    note = models.TextField(_("note"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["criterion__position", "added_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.title


class Action(models.Model):
    """What a council will do about a weak score, reviewed by a date."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        AGREED = "agreed", _("Agreed")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Not taken forward")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="actions")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("criterion"))
    text = models.TextField(_("action"))
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    review_on = models.DateField(_("review"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED)

    class Meta:
        ordering = ["criterion__position", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="one_action_per_weak_criterion")]

    def __str__(self):
        return self.text


class PublishedBenchmark(models.Model):
    """Figures published elsewhere for a framework's criteria (the 2015 survey of shared-management partnerships)."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="published_benchmarks")
    name = models.CharField(_("name"), max_length=200)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PublishedFigure(models.Model):
    benchmark = models.ForeignKey(PublishedBenchmark, on_delete=models.CASCADE, related_name="figures")
    item = models.CharField(max_length=300)  # matches Criterion.published_key
    counts = models.JSONField()  # {"1": 4, "2": 3, …}

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["benchmark", "item"], name="published_item_once")]

    def __str__(self):
        return self.item


# --- Surveys -------------------------------------------------------------------------------------------


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("Agree or disagree, 1 to 5")
    RECOMMEND = "recommend", _("How likely to recommend, 0 to 10")
    CHOICE = "choice", _("Choose one")
    TEXT = "text", _("Free text")


class BankQuestion(models.Model):
    """A question from the shared bank, ready to add to a survey."""

    class Topic(models.TextChoices):
        ENGAGEMENT = "engagement", _("Engagement")
        CHANGE_FATIGUE = "change_fatigue", _("Change fatigue")
        WELLBEING = "wellbeing", _("Wellbeing")
        SATISFACTION = "satisfaction", _("Client satisfaction")

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=QuestionKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)

    class Meta:
        ordering = ["topic", "pk"]
        constraints = [models.UniqueConstraint(fields=["topic", "text"], name="bank_question_once")]

    def __str__(self):
        return self.text


class Survey(models.Model):
    class Kind(models.TextChoices):
        ENGAGEMENT = "engagement", _("Engagement")
        CHANGE_FATIGUE = "change_fatigue", _("Change fatigue")
        WELLBEING = "wellbeing", _("Wellbeing")
        SATISFACTION = "satisfaction", _("A service's client satisfaction")

    class Audience(models.TextChoices):
        STAFF = "staff", _("Staff of chosen councils, groups or roles")
        CLIENTS = "clients", _("A service's clients, by a link")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="surveys",
                                    verbose_name=_("partnership"))
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of survey"), max_length=20, choices=Kind.choices)
    audience = models.CharField(_("who answers"), max_length=10, choices=Audience.choices, default=Audience.STAFF)
    introduction = models.TextField(_("introduction"), blank=True)
    service = models.CharField(_("service"), max_length=200, blank=True, help_text=_("For a client survey: the service asked about."))
    councils = models.ManyToManyField("organisations.Council", blank=True, related_name="+", verbose_name=_("staff of these councils"))
    groups = models.ManyToManyField("community.Group", blank=True, related_name="+", verbose_name=_("members of these groups"))
    roles = models.JSONField(_("only these roles"), default=list, blank=True)
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)  # the clients' link
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["partnership__name", "title", "pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return self.title


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=QuestionKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)

    class Meta:
        ordering = ["survey", "position"]
        constraints = [models.UniqueConstraint(fields=["survey", "position"], name="survey_question_position_once")]

    def __str__(self):
        return self.text


class Wave(models.Model):
    """One round of a survey: sent on a day, open until another."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    number = models.PositiveSmallIntegerField(_("wave"))
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    closed = models.BooleanField(_("closed early"), default=False)

    class Meta:
        ordering = ["survey", "number"]
        constraints = [models.UniqueConstraint(fields=["survey", "number"], name="wave_number_once"),
                       models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")), name="wave_closes_after_opening")]

    def __str__(self):
        return f"{self.survey} ({self.number})"

    def is_open(self, day) -> bool:
        return not self.closed and self.opens_on <= day <= self.closes_on


class Invitation(models.Model):
    """Who was asked to answer a wave, and whether they have. Names no response: the only link between a
    person and a response is that both exist."""

    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    role = models.CharField(max_length=20, blank=True)
    answered = models.BooleanField(default=False)
    reminders = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["wave", "pk"]
        constraints = [models.UniqueConstraint(fields=["wave", "person"], name="one_invitation_a_wave")]

    def __str__(self):
        return f"{self.wave}: {self.person_id}"


def random_key() -> int:
    return secrets.randbelow(2**31 - 2) + 1


class Response(models.Model):
    """One anonymous response. The key is random (an `integer primary key`, so on SQLite it is also the row id):
    neither it nor anything else here says when, or in what order, responses came."""

    id = models.IntegerField(primary_key=True, default=random_key, editable=False)
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    council = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    role = models.CharField(max_length=20, blank=True)
    answers = models.JSONField(default=dict)  # {question id (text): score (number) or text}

    class Meta:
        ordering = ["id"]  # random: no order of answering

    def __str__(self):
        return f"{self.wave}: a response"
