"""The expertise directory: what people can help with, and requests for help brokered to them.

A person keeps one expertise profile (skills from a shared taxonomy, depth, Welsh-language ability,
availability) and chooses who may find it. A request for help belongs to a council in a partnership;
the coordinator or the council's lead asks people, who accept or decline by a deadline. A partnership
may set tiers of need, each with days of support a year, and put each member council in one.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

NOT_NEGATIVE = [MinValueValidator(Decimal("0"))]


class Skill(models.Model):
    """One entry of the shared skills taxonomy, in English and Welsh; linked to a glossary term, the matcher
    also knows it by the term's other names."""

    name = models.CharField(_("name in English"), max_length=150, unique=True)
    welsh_name = models.CharField(_("name in Welsh"), max_length=150, blank=True)
    term = models.ForeignKey("glossary.Term", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("glossary term"),
                             help_text=_("The matcher then also knows the skill by the term's Welsh name and other names."))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("skill")
        verbose_name_plural = _("skills")

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        """The name in the reader's language: Welsh when the site is in Welsh and the skill has a Welsh name."""
        return self.welsh_name if self.welsh_name and (get_language() or "").startswith("cy") else self.name

    @property
    def other_label(self) -> str:
        """The name in the other language, if there is one."""
        other = self.name if self.label == self.welsh_name else self.welsh_name
        return other if other != self.label else ""

    def other_names(self) -> list[str]:
        names = [self.welsh_name] if self.welsh_name else []
        if self.term is not None:
            names += [self.term.english, self.term.welsh, *self.term.synonym_list()]
            names += [local.text for local in self.term.local_synonyms.all()]
        return [n for n in dict.fromkeys(names) if n and n != self.name]


class WelshLevel(models.IntegerChoices):
    """The levels councils record for the Welsh Language Standards."""

    NONE = 0, _("0 – no Welsh")
    ENTRY = 1, _("1 – entry: a few words and phrases")
    FOUNDATION = 2, _("2 – foundation: simple conversations")
    INTERMEDIATE = 3, _("3 – intermediate: everyday conversations at work")
    HIGHER = 4, _("4 – higher: discussions and meetings at work")
    PROFICIENT = 5, _("5 – proficient: fluent, including written work")


# Delivering help in Welsh needs at least everyday conversation at work.
WELSH_LEVEL_TO_DELIVER = WelshLevel.INTERMEDIATE


class Profile(models.Model):
    class Listed(models.TextChoices):
        NOBODY = "nobody", _("Not listed: only I see it")
        COUNCIL = "council", _("People at my council")
        PARTNERSHIPS = "partnerships", _("People in my council's partnerships")

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expertise_profile")
    about = models.TextField(_("what else you can help with"), blank=True,
                             help_text=_("In your own words: experience, specialisms, what you have delivered."))
    welsh_level = models.PositiveSmallIntegerField(_("Welsh-language ability"), choices=WelshLevel.choices, default=WelshLevel.NONE)
    delivers_in_welsh = models.BooleanField(_("I can deliver training or advice in Welsh"), default=False)
    training_languages = models.CharField(_("languages you can train in"), max_length=200, blank=True,
                                          help_text=_("For example: English, Welsh, Polish."))
    available_days = models.DecimalField(_("days a quarter you can give"), max_digits=5, decimal_places=1, default=Decimal("0"),
                                         validators=[*NOT_NEGATIVE, MaxValueValidator(Decimal("66"))],
                                         help_text=_("How many working days each quarter you could spend helping others."))
    listed_to = models.CharField(_("who can find you in the directory"), max_length=20, choices=Listed.choices,
                                 default=Listed.NOBODY)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["person__full_name"]
        verbose_name = _("expertise profile")
        verbose_name_plural = _("expertise profiles")
        constraints = [
            models.CheckConstraint(condition=Q(welsh_level__gte=0) & Q(welsh_level__lte=5), name="profile_welsh_level_0_to_5"),
            models.CheckConstraint(condition=Q(available_days__gte=0), name="profile_available_days_not_negative"),
            models.CheckConstraint(condition=Q(delivers_in_welsh=False) | Q(welsh_level__gte=WELSH_LEVEL_TO_DELIVER),
                                   name="profile_delivers_in_welsh_needs_level_3"),
        ]

    def __str__(self):
        return str(self.person)

    def get_absolute_url(self):
        return reverse("directory:profile-detail", args=[self.person_id])


class ProfileSkill(models.Model):
    class Depth(models.IntegerChoices):
        AWARE = 1, _("Aware")
        PRACTITIONER = 2, _("Practitioner")
        EXPERT = 3, _("Expert")
        TRAINER = 4, _("Can train others")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="holders", verbose_name=_("skill"))
    depth = models.PositiveSmallIntegerField(_("depth"), choices=Depth.choices, default=Depth.PRACTITIONER)
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("Optional: what you have done with it."))
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name=_("verified by"))
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_council = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                         verbose_name=_("verified for"))

    class Meta:
        ordering = ["skill__name"]
        verbose_name = _("skill held")
        verbose_name_plural = _("skills held")
        constraints = [
            models.UniqueConstraint(fields=["profile", "skill"], name="profile_skill_once"),
            models.CheckConstraint(condition=Q(depth__gte=1) & Q(depth__lte=4), name="profile_skill_depth_1_to_4"),
        ]

    def __str__(self):
        return f"{self.skill} ({self.get_depth_display()}): {self.profile}"

    @property
    def verified(self) -> bool:
        return self.verified_at is not None


class SupportTier(models.Model):
    """A level of need a partnership recognises ("a ladder of support"), with the support it entitles a council to."""

    class Colour(models.TextChoices):
        GREEN = "green", _("Green")
        YELLOW = "yellow", _("Yellow")
        AMBER = "amber", _("Amber")
        RED = "red", _("Red")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="support_tiers",
                                    verbose_name=_("partnership"))
    name = models.CharField(_("name"), max_length=60)
    colour = models.CharField(_("colour"), max_length=10, choices=Colour.choices)
    days_a_year = models.DecimalField(_("days of support a year"), max_digits=6, decimal_places=1, validators=NOT_NEGATIVE)
    description = models.TextField(_("what this level of need means"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers are shown first."))

    class Meta:
        ordering = ["partnership__name", "order", "name"]
        verbose_name = _("support tier")
        verbose_name_plural = _("support tiers")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="support_tier_name_once"),
            models.CheckConstraint(condition=Q(days_a_year__gte=0), name="support_tier_days_not_negative"),
        ]

    def __str__(self):
        return self.name

    @property
    def tag_colour(self) -> str:
        """GOV.UK Frontend's tag colour for the tier (it has no amber: orange stands for it)."""
        return {"amber": "orange"}.get(self.colour, self.colour)


class CouncilTier(models.Model):
    """The tier of need a partnership puts one of its councils in."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council"))
    tier = models.ForeignKey(SupportTier, on_delete=models.CASCADE, related_name="councils", verbose_name=_("tier"))
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    set_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["council__name"]
        verbose_name = _("council's tier")
        verbose_name_plural = _("councils' tiers")
        constraints = [models.UniqueConstraint(fields=["partnership", "council"], name="council_tier_once")]

    def __str__(self):
        return f"{self.council}: {self.tier}"


class HelpRequest(models.Model):
    class Purpose(models.TextChoices):
        SHARE = "share", _("Share expertise across the network: people from other councils first")
        ANY = "any", _("Anyone who fits best, whichever council")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class Outcome(models.TextChoices):
        HELPED = "helped", _("Help given")
        PARTLY = "partly", _("Partly helped")
        NOT_HELPED = "not_helped", _("No one could help")
        WITHDRAWN = "withdrawn", _("Withdrawn: no longer needed")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="help_requests",
                                    verbose_name=_("partnership"))
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="help_requests",
                                verbose_name=_("council asking"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
                                     verbose_name=_("requested by"))
    need = models.CharField(_("what help is needed"), max_length=300,
                            help_text=_("For example: Welsh-medium equality training for 20 managers in March."))
    details = models.TextField(_("more detail"), blank=True)
    audience = models.CharField(_("who it is for"), max_length=200, blank=True, help_text=_("For example: service managers."))
    people_count = models.PositiveIntegerField(_("number of people"), null=True, blank=True, validators=[MinValueValidator(1)])
    needed_by = models.DateField(_("needed by"))
    in_welsh = models.BooleanField(_("the help must be given in Welsh"), default=False)
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose.choices, default=Purpose.SHARE)
    days_estimate = models.DecimalField(_("days of help needed"), max_digits=5, decimal_places=1, null=True, blank=True,
                                        validators=[MinValueValidator(Decimal("0.5"))])
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    days_used = models.DecimalField(_("days of support used"), max_digits=5, decimal_places=1, null=True, blank=True,
                                    validators=NOT_NEGATIVE)
    feedback = models.TextField(_("feedback"), blank=True)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")
        constraints = [
            models.CheckConstraint(condition=Q(people_count__isnull=True) | Q(people_count__gte=1), name="help_request_people_at_least_1"),
            models.CheckConstraint(condition=Q(days_used__isnull=True) | Q(days_used__gte=0), name="help_request_days_used_not_negative"),
            models.CheckConstraint(condition=Q(status="open", outcome="") | (Q(status="closed") & ~Q(outcome="")),
                                   name="help_request_closed_has_outcome"),
        ]

    def __str__(self):
        return self.need

    def get_absolute_url(self):
        return reverse("directory:request-detail", args=[self.pk])


class Ask(models.Model):
    """Someone asked to help with a request, and their answer."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    request = models.ForeignKey(HelpRequest, on_delete=models.CASCADE, related_name="asks")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="help_asks", verbose_name=_("person"))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    respond_by = models.DateField(_("answer by"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ASKED)
    score = models.PositiveSmallIntegerField(_("fit when asked"), null=True, blank=True)
    reasons = models.JSONField(_("reasons when asked"), default=list, blank=True)
    message = models.TextField(_("message to them"), blank=True)
    response_note = models.TextField(_("their note"), blank=True)
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("ask")
        verbose_name_plural = _("asks")
        constraints = [models.UniqueConstraint(fields=["request", "person"], name="ask_once_per_request")]

    def __str__(self):
        return f"{self.person}: {self.request}"

    def get_absolute_url(self):
        return reverse("directory:ask-respond", args=[self.pk])
