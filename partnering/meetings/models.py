"""Bodies that meet (a partnership's board, a project team, a special-interest group), their meetings with a
host council that rotates, agendas with papers, minutes, decisions with each council's position, and actions
that roll into the next meeting's agenda until they are done."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Body(models.Model):
    """A board, project team or group of a partnership that meets."""

    class Kind(models.TextChoices):
        BOARD = "board", _("Board")
        PROJECT_TEAM = "project_team", _("Project team")
        GROUP = "group", _("Special-interest group")

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="meeting_bodies",
                                    verbose_name=_("partnership"))
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for addresses"), max_length=80, unique=True,
                            help_text=_("Lower-case letters, numbers and hyphens, for example nw-legal-board."))
    kind = models.CharField(_("kind of body"), max_length=20, choices=Kind.choices, default=Kind.BOARD)
    group = models.ForeignKey("community.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="meeting_bodies",
                              verbose_name=_("special-interest group"))
    description = models.TextField(_("what the body is for"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["partnership__name", "name"]
        verbose_name = _("body that meets")
        verbose_name_plural = _("bodies that meet")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("meetings:body", args=[self.slug])


class HostCouncil(models.Model):
    """A council in the body's hosting order; `can_host` off takes it out of the rotation until turned back on."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="host_councils")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    position = models.PositiveSmallIntegerField(_("place in the hosting order"))
    can_host = models.BooleanField(_("can host"), default=True)

    class Meta:
        ordering = ["body", "position"]
        constraints = [
            models.UniqueConstraint(fields=["body", "council"], name="host_council_once_per_body"),
            models.UniqueConstraint(fields=["body", "position"], name="host_council_position_unique"),
        ]

    def __str__(self):
        return f"{self.council} ({self.position})"

    @property
    def audit_council(self):
        return self.council


class BodyMember(models.Model):
    """A person on the body, for one council (people from any member council)."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_memberships",
                               verbose_name=_("person"))
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("for council"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        ordering = ["body", "person__full_name"]
        constraints = [models.UniqueConstraint(fields=["body", "person"], name="body_member_once")]

    def __str__(self):
        return f"{self.person} on {self.body}"


class Meeting(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    duration_minutes = models.PositiveIntegerField(_("length in minutes"), default=120)
    host = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("host council"))
    venue = models.ForeignKey("organisations.Venue", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("venue"))
    online_link = models.URLField(_("online meeting link"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_approved = models.BooleanField(_("minutes approved"), default=False)
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invitation_sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body", "starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [models.CheckConstraint(condition=models.Q(duration_minutes__gte=1), name="meeting_lasts")]

    def __str__(self):
        from django.utils import formats, timezone

        return self.title or f"{self.body} {formats.date_format(timezone.localtime(self.starts_at), 'j F Y')}"

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.pk])

    @property
    def audit_council(self):
        return self.host

    @property
    def is_online(self):
        return self.venue_id is None


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("owner"))
    minutes_allowed = models.PositiveSmallIntegerField(_("time in minutes"), default=10)
    notes = models.TextField(_("minutes for this item"), blank=True)
    # An open action carried forward; the unique constraint makes rolling it twice impossible.
    action = models.ForeignKey("Action", on_delete=models.CASCADE, null=True, blank=True, related_name="agenda_items",
                               verbose_name=_("action carried forward"))

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "action"], name="action_rolls_into_a_meeting_once")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.meeting_id]) + f"#item-{self.pk}"


def paper_path(instance, filename):
    return f"meetings/papers/{instance.item.meeting_id}/{filename}"


class Paper(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=paper_path)
    filename = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "pk"]

    def __str__(self):
        return self.title


class Decision(models.Model):
    class Outcome(models.TextChoices):
        AGREED = "agreed", _("Agreed")
        AGREED_WITH_CHANGES = "agreed_with_changes", _("Agreed with changes")
        NOT_AGREED = "not_agreed", _("Not agreed")
        DEFERRED = "deferred", _("Deferred")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    item = models.ForeignKey(AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions",
                             verbose_name=_("agenda item"))
    proposal = models.TextField(_("proposal"))
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices)
    changes = models.TextField(_("changes agreed or reasons"), blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["meeting__starts_at", "pk"]
        verbose_name = _("decision")

    def __str__(self):
        return self.proposal[:80]

    def get_absolute_url(self):
        return reverse("meetings:meeting", args=[self.meeting_id]) + f"#decision-{self.pk}"


class Position(models.Model):
    """A council's position on a decision, where the body records them."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", _("Supports")
        OPPOSES = "opposes", _("Opposes")
        ABSTAINS = "abstains", _("Abstains")
        RESERVES = "reserves", _("Reserves its position")

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="positions")
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    stance = models.CharField(_("position"), max_length=20, choices=Stance.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["decision", "council__name"]
        constraints = [models.UniqueConstraint(fields=["decision", "council"], name="one_position_per_council")]

    def __str__(self):
        return f"{self.council}: {self.get_stance_display()}"

    @property
    def audit_council(self):
        return self.council


class Action(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions_raised",
                                verbose_name=_("raised at"))
    title = models.CharField(_("action"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meeting_actions",
                              verbose_name=_("owner"))
    owner_council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                      verbose_name=_("owner's council"))
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    update = models.TextField(_("latest update"), blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:action", args=[self.pk])

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES

    @property
    def audit_council(self):
        return self.owner_council
