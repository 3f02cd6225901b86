from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .claims import ConfigurationError, ProviderRules, check_issuer, normalise_domains


class IdentityProvider(models.Model):
    """A council's OpenID Connect provider (Microsoft Entra ID or any standard one): staff with an email
    in its domains sign in through it."""

    council = models.OneToOneField(
        "organisations.Council", on_delete=models.CASCADE, related_name="identity_provider", verbose_name=_("council")
    )
    issuer = models.URLField(
        _("issuer"), max_length=300,
        help_text=_("Exactly as the provider writes it in its tokens, for example https://login.microsoftonline.com/<tenant id>/v2.0."),
    )
    tenant_id = models.CharField(_("Entra tenant id"), max_length=64, blank=True, editable=False)
    client_id = models.CharField(_("client id"), max_length=200)
    client_secret = models.CharField(_("client secret"), max_length=500)
    domains = models.CharField(
        _("email domains"), max_length=500,
        help_text=_("The council's email domains, separated by commas, for example cardiff.gov.uk, caerdydd.gov.uk."),
    )
    requires_approval = models.BooleanField(
        _("a lead approves new people first"), default=False,
        help_text=_("Someone signing in for the first time waits until one of the council's leads approves them."),
    )
    requires_two_factor = models.BooleanField(
        _("two-factor authentication for coordinators and administrators"), default=False,
        help_text=_("This council's staff who coordinate a partnership or administer the site must set up an authenticator app."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["council__name"]
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")

    def __str__(self):
        return str(self.council)

    @property
    def audit_council(self):
        return self.council

    @property
    def domain_list(self) -> tuple[str, ...]:
        try:
            return normalise_domains(self.domains)
        except ConfigurationError:
            return ()

    @property
    def rules(self) -> ProviderRules:
        return ProviderRules(issuer=self.issuer, tenant_id=self.tenant_id, domains=self.domain_list)

    def clean(self):
        super().clean()
        errors = {}
        try:
            self.issuer, self.tenant_id = check_issuer(self.issuer)
        except ConfigurationError as error:
            errors["issuer"] = str(error)
        try:
            domains = normalise_domains(self.domains)
            self.domains = ", ".join(domains)
            taken = [
                domain for provider in IdentityProvider.objects.exclude(pk=self.pk).only("domains")
                for domain in provider.domain_list if domain in domains
            ]
            if taken:
                errors["domains"] = _("These domains already sign in through another council: %(domains)s.") % {"domains": ", ".join(taken)}
        except ConfigurationError as error:
            errors["domains"] = str(error)
        if errors:
            raise ValidationError(errors)


class AccessRequest(models.Model):
    """Someone who signed in through their council's provider for the first time, where the council's
    lead approves new people first."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="access_requests", verbose_name=_("council"))
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("decided by"))

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("access request")
        verbose_name_plural = _("access requests")
        constraints = [
            models.UniqueConstraint(fields=["council", "email"], condition=models.Q(status="pending"), name="access_request_one_pending"),
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def audit_council(self):
        return self.council


class SignIn(models.Model):
    """One sign-in, kept for the audit trail: who, how, and through which council's provider."""

    class Method(models.TextChoices):
        PASSWORD = "password", _("Email and password")
        COUNCIL = "council", _("Council account")

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sign_ins", verbose_name=_("person"))
    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                verbose_name=_("through the provider of"))
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    at = models.DateTimeField(_("when"), auto_now_add=True)
    first_time = models.BooleanField(_("first sign-in through this provider"), default=False)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("sign-in")
        verbose_name_plural = _("sign-ins")

    def __str__(self):
        return f"{self.person} ({self.get_method_display()})"

    @property
    def audit_council(self):
        return self.council


class HrImport(models.Model):
    """A council's HR export, read and checked (a draft) before it is committed in one go."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Checked, not yet committed")
        COMMITTED = "committed", _("Committed")

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="hr_imports", verbose_name=_("council"))
    filename = models.CharField(_("file"), max_length=255)
    data = models.BinaryField(editable=False)
    full_export = models.BooleanField(_("everyone the council employs"), default=True,
                                      help_text=_("People an earlier import added who are not in this file are marked as having left."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    summary = models.JSONField(_("what it did"), default=dict, blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("uploaded by"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("HR import")
        verbose_name_plural = _("HR imports")

    def __str__(self):
        return f"{self.council}: {self.filename}"

    @property
    def audit_council(self):
        return self.council


class HrMapping(models.Model):
    """How a council's HR export headers map to fields, remembered for its next export."""

    council = models.OneToOneField("organisations.Council", on_delete=models.CASCADE, related_name="hr_mapping")
    mapping = models.JSONField(default=dict)

    def __str__(self):
        return f"{self.council}: {len(self.mapping)} columns"


class ImportedEmployment(models.Model):
    """An employment an HR import made: the import owns it (a later full export may end it); hand-entered ones are left alone."""

    employment = models.OneToOneField("people.Employment", on_delete=models.CASCADE, related_name="imported")
    staff_number = models.CharField(_("staff number"), max_length=50, blank=True)
    hr_import = models.ForeignKey(HrImport, on_delete=models.SET_NULL, null=True, related_name="employments")

    class Meta:
        verbose_name = _("imported employment")
        verbose_name_plural = _("imported employments")

    def __str__(self):
        return f"{self.employment} ({self.staff_number or '-'})"

    @property
    def audit_council(self):
        return self.employment.council
