"""Special-interest groups: members from the partnership's councils and named guests from outside."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Group(models.Model):
    """A special-interest or theme group of a partnership (or, through `also_partnerships`, across partnerships)."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="groups",
                                    verbose_name=_("partnership"))
    also_partnerships = models.ManyToManyField("organisations.Partnership", blank=True, related_name="+",
                                               verbose_name=_("also open to"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for addresses"), max_length=80, unique=True)
    description = models.TextField(_("what the group is for"), blank=True)
    reports_to = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reporting_groups",
                                   verbose_name=_("reports to"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partnership__name", "name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self):
        return self.name


class GroupMember(models.Model):
    """A person in a group: for a council (a member of staff) or as a named guest from an outside organisation."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships",
                               verbose_name=_("person"))
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("for council"))
    guest_organisation = models.CharField(_("guest from"), max_length=200, blank=True,
                                          help_text=_("For a guest from outside the councils: their organisation."))
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)

    class Meta:
        ordering = ["group", "person__full_name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(council__isnull=False) | ~models.Q(guest_organisation=""),
                                   name="group_member_for_a_council_or_a_guest"),
        ]

    @property
    def is_guest(self) -> bool:
        return self.council_id is None

    def __str__(self):
        return f"{self.person} in {self.group}"
