from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .dates import current_on, today


class DatedQuerySet(models.QuerySet):
    """Rows that hold over a date range, such as memberships, employments and roles."""

    start_field = "start_on"
    end_field = "end_on"

    def current(self, on=None):
        return self.filter(current_on(on or today(), self.start_field, self.end_field))


def ends_after_start(name: str, start: str = "start_on", end: str = "end_on") -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": models.F(start)}), name=name
    )


class Sharing(models.TextChoices):
    PRIVATE = "private", _("Private to the council")
    PARTNERSHIP = "partnership", _("Shared with a partnership")
    PUBLIC = "public", _("Public")


class CouncilOwned(models.Model):
    """A record that belongs to one council and is shared as that council chooses."""

    council = models.ForeignKey("organisations.Council", on_delete=models.CASCADE, verbose_name=_("council"))
    sharing = models.CharField(_("sharing"), max_length=20, choices=Sharing.choices, default=Sharing.PRIVATE)
    shared_with = models.ForeignKey(
        "organisations.Partnership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("shared with partnership"),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(Q(sharing=Sharing.PARTNERSHIP) & Q(shared_with__isnull=False))
                | (~Q(sharing=Sharing.PARTNERSHIP) & Q(shared_with__isnull=True)),
                name="%(app_label)s_%(class)s_partnership_named_only_when_shared",
            )
        ]

    def clean(self):
        super().clean()
        # A council shares its records only with a partnership it currently belongs to.
        if self.shared_with_id and self.council_id and not self.shared_with.memberships.current().filter(council_id=self.council_id).exists():
            from django.core.exceptions import ValidationError

            raise ValidationError({"shared_with": _("%(council)s is not a member of %(partnership)s.")
                                   % {"council": self.council, "partnership": self.shared_with}})

    @property
    def audit_council(self):
        return self.council


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("who")
    )
    # A council or partnership that is deleted leaves its trail behind, for site administrators.
    council = models.ForeignKey(
        "organisations.Council", on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("council")
    )
    # Records a partnership owns (courses, sessions, decisions, plans) have no council; their coordinators read these.
    partnership = models.ForeignKey(
        "organisations.Partnership", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("partnership"),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, blank=True)  # blank for one entry summing up a bulk write
    object_repr = models.CharField(_("record"), max_length=200)
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    # Where the change came from: "web", "admin", "command:<name>", "task:<name>", or "system" (nothing said).
    source = models.CharField(_("made through"), max_length=100, blank=True, default="")

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=["council", "-at"]), models.Index(fields=["partnership", "-at"])]

    def __str__(self):
        return f"{self.get_action_display()} {self.object_repr}"

    @property
    def source_label(self) -> str:
        """Where the change came from, for a reader: empty for a person in the browser."""
        kind, _sep, name = self.source.partition(":")
        if kind == "command":
            return _("command %(name)s") % {"name": name}
        if kind == "task":
            return _("background task %(name)s") % {"name": name}
        if kind == "admin":
            return _("site administration")
        return ""


class ChangeCounter(models.Model):
    """How many times a family of data has changed. Pages built from it are cached under the count, so a change
    (counted in the same transaction as the change itself) is seen at once by every process, whatever the cache."""

    name = models.CharField(max_length=50, primary_key=True)
    value = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.name}: {self.value}"
