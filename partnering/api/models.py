import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PREFIX = "ptk"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A new token and its public prefix: ptk_<8 hex>_<43 url-safe characters>. Only the hash is stored."""
    lookup = secrets.token_hex(4)
    return f"{PREFIX}_{lookup}_{secrets.token_urlsafe(32)}", lookup


class ApiToken(models.Model):
    """A council's system's key to the API: it acts for the council, with the rights the access layer gives a
    council's system. Stored hashed; shown once when made."""

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("council"))
    name = models.CharField(_("name"), max_length=100, help_text=_("What uses it, for example “HR system (iTrent)”."))
    lookup = models.CharField(max_length=8, unique=True, editable=False)
    hashed = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                   verbose_name=_("made by"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["council__name", "-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({PREFIX}_{self.lookup}_…)"

    @property
    def audit_council(self):
        return self.council

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ExternalCompletion(models.Model):
    """A completion another learning system sent through the API: the training record it made, the sender's own
    id for it (sending it again changes that record instead of adding another) and the evidence it pointed to."""

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, related_name="+", verbose_name=_("council"))
    external_id = models.CharField(_("the sending system's id"), max_length=100)
    record = models.OneToOneField("learning.TrainingRecord", on_delete=models.CASCADE, related_name="external_completion")
    evidence_url = models.URLField(_("evidence"), max_length=500, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now=True)

    class Meta:
        verbose_name = _("completion from another learning system")
        verbose_name_plural = _("completions from other learning systems")
        constraints = [models.UniqueConstraint(fields=["council", "external_id"], name="external_completion_once_per_council")]

    def __str__(self):
        return f"{self.external_id} → {self.record}"

    @property
    def audit_council(self):
        return self.council
