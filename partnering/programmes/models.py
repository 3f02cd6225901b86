"""A partnership's collaboration run as a programme: projects with their initiation document, milestones,
RAG reports, risks and issues, decisions with sign-offs, results (IATI-shaped) and benefits; partner
organisations that are not councils, nested bodies, the agreements register, joint scrutiny, highlight
reports and newsletters. What a project publishes to the public register is its `published` fields only."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partnering.core.models import ends_after_start

PERSON = settings.AUTH_USER_MODEL
one_to_five = [MinValueValidator(1), MaxValueValidator(5)]


class PartnerOrganisation(models.Model):
    """An organisation that is not a council: a health board, college, third-sector body, union or national body."""

    class Kind(models.TextChoices):
        HEALTH = "health", _("Health board or NHS trust")
        COLLEGE = "college", _("College or university")
        THIRD_SECTOR = "third_sector", _("Third-sector body")
        UNION = "union", _("Trade union")
        NATIONAL = "national", _("National body")
        OTHER = "other", _("Other public body")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    identifier = models.CharField(_("organisation identifier"), max_length=100, blank=True,
                                  help_text=_("Its IATI organisation identifier or charity or company number, if it has one."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


class Programme(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Under way")
        COMPLETE = "complete", _("Complete")
        CLOSED = "closed", _("Closed early")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="programmes",
                                    verbose_name=_("partnership"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for addresses"), max_length=80, unique=True)
    aims = models.TextField(_("aims"), blank=True)
    theme = models.CharField(_("theme"), max_length=100, blank=True, help_text=_("For example legal services, ICT, social care."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    start_on = models.DateField(_("starts"), null=True, blank=True)
    end_on = models.DateField(_("ends"), null=True, blank=True)
    exception_reporting = models.BooleanField(
        _("the board wants exception reporting"), default=False,
        help_text=_("Highlight reports then list only projects that are red or amber, missed milestones and risks above the threshold."))
    risk_threshold = models.PositiveSmallIntegerField(_("risk score the board sees"), default=12, validators=[MinValueValidator(1), MaxValueValidator(25)],
                                                      help_text=_("Likelihood times impact, from 1 to 25."))
    funding_package = models.ForeignKey("costs.FundingPackage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                        verbose_name=_("funding package"), help_text=_("Spend against profile in highlight reports comes from it."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [ends_after_start("programme_ends_after_start", "start_on", "end_on"),
                       models.CheckConstraint(condition=Q(risk_threshold__gte=1, risk_threshold__lte=25), name="programme_threshold_1_25")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:programme", args=[self.slug])


class Participation(models.Model):
    """A partner organisation's part in a partnership (and, if named, one of its projects)."""

    organisation = models.ForeignKey(PartnerOrganisation, on_delete=models.CASCADE, related_name="participations",
                                     verbose_name=_("organisation"))
    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="+", verbose_name=_("partnership"))
    project = models.ForeignKey("Project", on_delete=models.CASCADE, null=True, blank=True, related_name="organisations",
                                verbose_name=_("project"))
    role = models.CharField(_("role"), max_length=200)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self):
        return f"{self.organisation}: {self.role}"


class Body(models.Model):
    """A body in the programme's structure: board → project team → groups."""

    class Kind(models.TextChoices):
        BOARD = "board", _("Board")
        PROJECT_TEAM = "project_team", _("Project team")
        GROUP = "group", _("Working group")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="bodies")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
                               verbose_name=_("reports to"))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    remit = models.TextField(_("remit"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self):
        return self.name


class Project(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Under way")
        COMPLETE = "complete", _("Complete")
        CLOSED = "closed", _("Closed early")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="projects", verbose_name=_("programme"))
    name = models.CharField(_("name"), max_length=200)
    lead_council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("lead council"))
    sponsor = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("sponsor"))
    sro = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                            verbose_name=_("senior responsible officer"))
    manager = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("project manager"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    # The project initiation document
    purpose = models.TextField(_("purpose"), help_text=_("Published on the register when the project is published."))
    aims = models.TextField(_("aims"), blank=True)
    scope = models.TextField(_("in scope"), blank=True)
    out_of_scope = models.TextField(_("out of scope"), blank=True)
    benefits_summary = models.TextField(_("expected benefits"), blank=True)
    governance = models.TextField(_("governance"), blank=True)
    dependencies = models.TextField(_("dependencies"), blank=True)
    start_on = models.DateField(_("starts"), null=True, blank=True)
    end_on = models.DateField(_("ends"), null=True, blank=True)
    notes = models.TextField(_("private notes"), blank=True, help_text=_("Never published."))
    # The public register
    published = models.BooleanField(_("published on the public register"), default=False)
    published_on = models.DateField(_("first published"), null=True, blank=True)
    register_updated_at = models.DateTimeField(_("register entry last changed"), null=True, blank=True)
    outcomes_summary = models.TextField(_("outcomes so far (public)"), blank=True)
    funding_package = models.ForeignKey("costs.FundingPackage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                        verbose_name=_("funding package"),
                                        help_text=_("Its funders, budget by year and spend are published with the project."))

    class Meta:
        ordering = ["programme__name", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [ends_after_start("project_ends_after_start", "start_on", "end_on")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:project", args=[self.pk])

    @property
    def identifier(self) -> str:
        """The stable public identifier, on the register and in the open data; never reused (it is the key)."""
        return f"PRT-{self.pk}"


class ProjectCouncil(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="councils")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council"))
    role = models.CharField(_("role"), max_length=200, default="Partner")

    class Meta:
        ordering = ["council__name"]
        constraints = [models.UniqueConstraint(fields=["project", "council"], name="project_council_once")]

    def __str__(self):
        return f"{self.council}: {self.role}"


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    planned_on = models.DateField(_("planned date"))
    forecast_on = models.DateField(_("forecast date"), null=True, blank=True)
    actual_on = models.DateField(_("date achieved"), null=True, blank=True)

    class Meta:
        ordering = ["planned_on", "pk"]
        verbose_name = _("milestone")

    def __str__(self):
        return self.title


class Rag(models.TextChoices):
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")


class StatusReport(models.Model):
    """The RAG status with its narrative for one period (a month)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="status_reports")
    period = models.DateField(_("month"), help_text=_("The first day of the month reported on."))
    rag = models.CharField(_("RAG status"), max_length=10, choices=Rag.choices)
    narrative = models.TextField(_("narrative"))
    reported_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-period"]
        constraints = [models.UniqueConstraint(fields=["project", "period"], name="status_report_once_a_month"),
                       models.CheckConstraint(condition=Q(period__day=1), name="status_report_period_first_of_month")]

    def __str__(self):
        return f"{self.project} {self.period:%Y-%m}: {self.rag}"


class Risk(models.Model):
    class Kind(models.TextChoices):
        RISK = "risk", _("Risk")
        ISSUE = "issue", _("Issue")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="risks")
    kind = models.CharField(_("risk or issue"), max_length=10, choices=Kind.choices, default=Kind.RISK)
    title = models.CharField(_("title"), max_length=200)
    likelihood = models.PositiveSmallIntegerField(_("likelihood (1 to 5)"), validators=one_to_five)
    impact = models.PositiveSmallIntegerField(_("impact (1 to 5)"), validators=one_to_five)
    owner = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("owner"))
    mitigation = models.TextField(_("mitigation"), blank=True)
    review_on = models.DateField(_("review date"))
    closed = models.BooleanField(_("closed"), default=False)

    class Meta:
        ordering = ["closed", "-likelihood", "-impact", "pk"]
        constraints = [models.CheckConstraint(condition=Q(likelihood__gte=1, likelihood__lte=5, impact__gte=1, impact__lte=5),
                                              name="risk_scores_1_to_5")]

    def __str__(self):
        return self.title

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


class Decision(models.Model):
    """A decision needing sign-off: by the project board, and (at two levels) then by each council's corporate management team."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField(_("decision needed"), max_length=200)
    description = models.TextField(_("what is proposed"), blank=True)
    levels = models.PositiveSmallIntegerField(_("levels of sign-off"), choices=[(1, _("The project board only")),
                                                                                (2, _("The project board, then each council's corporate management team"))],
                                              default=1)
    needed_by = models.DateField(_("needed by"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=Q(levels__in=[1, 2]), name="decision_one_or_two_levels")]

    def __str__(self):
        return self.title


class SignOff(models.Model):
    class Answer(models.TextChoices):
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="signoffs")
    level = models.PositiveSmallIntegerField(_("level"))
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                verbose_name=_("council"))
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    on = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["level", "council__name"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "level", "council"], name="signoff_once_per_council"),
            models.UniqueConstraint(fields=["decision", "level"], condition=Q(council__isnull=True), name="signoff_board_once"),
            models.CheckConstraint(condition=Q(level=1, council__isnull=True) | Q(level=2, council__isnull=False), name="signoff_level_council"),
        ]

    def __str__(self):
        return f"{self.decision}: {self.get_answer_display()} (level {self.level})"


class Result(models.Model):
    """A result in the IATI shape: an output, outcome or impact with indicators."""

    class Kind(models.TextChoices):
        OUTPUT = "output", _("Output")
        OUTCOME = "outcome", _("Outcome")
        IMPACT = "impact", _("Impact")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("kind of result"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    class Measure(models.TextChoices):
        UNIT = "unit", _("A number")
        PERCENTAGE = "percentage", _("A percentage")
        QUALITATIVE = "qualitative", _("Qualitative (words)")

    class Source(models.TextChoices):
        TYPED = "typed", _("Typed in and verified by a person")
        COURSE_PLACES = "course_places", _("Places attended on the partnership's courses (from the catalogue)")
        SESSIONS = "sessions", _("Sessions delivered (from the catalogue)")
        SPEND = "spend", _("Spend so far against profile (from the funding package)")
        SURVEY = "survey", _("A survey result (set by the survey when it closes)")

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(_("indicator"), max_length=300)
    measure = models.CharField(_("measured as"), max_length=12, choices=Measure.choices, default=Measure.UNIT)
    ascending = models.BooleanField(_("higher is better"), default=True)
    baseline = models.DecimalField(_("baseline value"), max_digits=16, decimal_places=2, null=True, blank=True)
    baseline_on = models.DateField(_("baseline date"), null=True, blank=True)
    baseline_note = models.CharField(_("baseline (in words)"), max_length=300, blank=True)
    source = models.CharField(_("where the actual comes from"), max_length=20, choices=Source.choices, default=Source.TYPED)
    package = models.ForeignKey("costs.FundingPackage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("funding package"), help_text=_("For spend against profile."))
    max_age_days = models.PositiveIntegerField(_("stale after (days)"), default=90,
                                               help_text=_("A typed figure older than this is flagged as stale."))
    # A survey's hook: the survey app sets these through services.set_indicator_from_survey when it closes.
    survey_value = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    survey_as_of = models.DateField(null=True, blank=True)
    survey_label = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.title


class IndicatorPeriod(models.Model):
    """A period's target and actual for an indicator, with comment and evidence, and who last verified a typed figure."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    start_on = models.DateField(_("period starts"))
    end_on = models.DateField(_("period ends"))
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=2, null=True, blank=True)
    actual = models.DecimalField(_("actual"), max_digits=16, decimal_places=2, null=True, blank=True)
    target_text = models.CharField(_("target (in words)"), max_length=300, blank=True)
    actual_text = models.CharField(_("actual (in words)"), max_length=300, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    evidence = models.CharField(_("evidence"), max_length=300, blank=True, help_text=_("Where the figure comes from: a report, a system, a survey."))
    verified_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    verified_on = models.DateField(_("last verified"), null=True, blank=True)

    class Meta:
        ordering = ["start_on"]
        constraints = [ends_after_start("indicator_period_ends_after_start", "start_on", "end_on"),
                       models.UniqueConstraint(fields=["indicator", "start_on"], name="indicator_period_once")]

    def __str__(self):
        return f"{self.indicator}: {self.start_on} to {self.end_on}"


class Benefit(models.Model):
    class Kind(models.TextChoices):
        CASHABLE = "cashable", _("Cashable saving")
        AVOIDANCE = "avoidance", _("Cost avoidance")
        NON_CASH = "non_cash", _("Non-cash benefit")

    class Category(models.TextChoices):
        MONEY = "", _("Money")
        QUALITY = "quality", _("Quality")
        RESILIENCE = "resilience", _("Resilience")
        CAPACITY = "capacity", _("Capacity")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="benefits")
    kind = models.CharField(_("kind of benefit"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("non-cash category"), max_length=12, choices=Category.choices, blank=True, default="")
    description = models.CharField(_("description"), max_length=300)
    year = models.CharField(_("financial year"), max_length=7, blank=True, help_text=_("Like 2015/16."))
    planned = models.DecimalField(_("planned (£)"), max_digits=14, decimal_places=2, null=True, blank=True)
    realised = models.DecimalField(_("realised so far (£)"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(kind="non_cash") | (Q(planned__isnull=True) & Q(realised__isnull=True)),
                                   name="benefit_non_cash_has_no_money"),
            models.CheckConstraint(condition=Q(kind="non_cash") | Q(category=""), name="benefit_money_has_no_category"),
            models.CheckConstraint(condition=(Q(planned__isnull=True) | Q(planned__gte=0)) & (Q(realised__isnull=True) | Q(realised__gte=0)),
                                   name="benefit_not_negative"),
        ]

    def __str__(self):
        return self.description


class Factor(models.Model):
    """An enabler or barrier, ranked."""

    class Kind(models.TextChoices):
        ENABLER = "enabler", _("Enabler")
        BARRIER = "barrier", _("Barrier")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="factors")
    kind = models.CharField(_("enabler or barrier"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("what it is"), max_length=300)
    rank = models.PositiveSmallIntegerField(_("rank"), default=1, validators=[MinValueValidator(1)], help_text=_("1 is the most important."))

    class Meta:
        ordering = ["kind", "rank", "pk"]

    def __str__(self):
        return self.text


class Lesson(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="lessons")
    text = models.TextField(_("lesson learned"))
    recorded_on = models.DateField(_("recorded"))
    recorded_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["-recorded_on", "-pk"]

    def __str__(self):
        return self.text[:100]


class Agreement(models.Model):
    class Kind(models.TextChoices):
        SLA = "sla", _("Service level agreement")
        DPA = "dpa", _("Data processing agreement")
        CONSTITUTION = "constitution", _("Constitution")
        TERMS = "terms", _("Terms of reference")
        MOU = "mou", _("Memorandum of understanding")
        HOSTING = "hosting", _("Host-authority arrangement")
        ESCALATION = "escalation", _("Escalation route")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="+", verbose_name=_("partnership"))
    kind = models.CharField(_("kind of agreement"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    councils = models.ManyToManyField("organisations.Council", related_name="+", verbose_name=_("councils that are parties"))
    organisations = models.ManyToManyField(PartnerOrganisation, blank=True, related_name="agreements",
                                           verbose_name=_("other parties"))
    host = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("host council"), help_text=_("For a host-authority arrangement: who hosts."))
    hosts_what = models.CharField(_("what is hosted"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts"))
    review_on = models.DateField(_("review date"), null=True, blank=True)
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    remind_days = models.PositiveSmallIntegerField(_("remind this many days before review or expiry"), default=60)
    reminded_for = models.DateField(null=True, blank=True, help_text="the review or expiry date the last reminder was about")
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["kind", "title"]
        constraints = [ends_after_start("agreement_expires_after_start", "starts_on", "expires_on")]

    def __str__(self):
        return self.title

    @property
    def next_date(self):
        dates = [d for d in (self.review_on, self.expires_on) if d]
        return min(dates) if dates else None


class AgreementVersion(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to="agreements/%Y/")
    filename = models.CharField(max_length=255)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField()

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="agreement_version_number_once")]

    def __str__(self):
        return f"{self.agreement} v{self.number}"


class ScrutinyMember(models.Model):
    """An elected member on a partner council's scrutiny committee, reading the partnership's programmes."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="+")
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council"))
    person = models.ForeignKey(PERSON, on_delete=models.CASCADE, related_name="+", verbose_name=_("person"))
    start_on = models.DateField(_("from"))
    end_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["council__name"]
        constraints = [ends_after_start("scrutiny_member_ends_after_start", "start_on", "end_on")]

    def __str__(self):
        return f"{self.person} ({self.council})"


class ScrutinyQuestion(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="questions")
    council = models.ForeignKey("organisations.Council", on_delete=models.SET_NULL, null=True, related_name="+")
    asked_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, related_name="+")
    question = models.TextField(_("question"))
    asked_at = models.DateTimeField()
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-asked_at", "-pk"]

    def __str__(self):
        return self.question[:100]


class HighlightReport(models.Model):
    """The board's monthly highlight report: figures come live from the programme; the narrative is edited."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="highlights")
    month = models.DateField()
    narrative = models.TextField(_("narrative"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-month"]
        constraints = [models.UniqueConstraint(fields=["programme", "month"], name="highlight_once_a_month"),
                       models.CheckConstraint(condition=Q(month__day=1), name="highlight_month_first_day")]

    def __str__(self):
        return f"{self.programme}: {self.month:%Y-%m}"


class Newsletter(models.Model):
    """A quarterly newsletter for staff and partners, in English and Welsh."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="+")
    quarter_start = models.DateField(_("quarter starting"))
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_cy = models.CharField(_("title (Welsh)"), max_length=200)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    intro_cy = models.TextField(_("introduction (Welsh)"), blank=True)
    case_study_en = models.TextField(_("case study (English)"), blank=True)
    case_study_cy = models.TextField(_("case study (Welsh)"), blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-quarter_start"]
        constraints = [models.UniqueConstraint(fields=["partnership", "quarter_start"], name="newsletter_once_a_quarter")]

    def __str__(self):
        return self.title_en
