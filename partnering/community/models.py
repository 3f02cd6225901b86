"""Special-interest groups: members from the partnership's councils and named guests from outside.

A group has a forum (threads and posts), versioned documents and a resource list, a shared calendar, and a
chair that rotates on a schedule the group sets (`partnering.community.rotation`, a pure module). A
partnership's members propose and rank priorities; the top ones become theme groups.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Group(models.Model):
    """A special-interest or theme group of a partnership (or, through `also_partnerships`, across partnerships)."""

    class Kind(models.TextChoices):
        INTEREST = "interest", _("Special-interest group")
        THEME = "theme", _("Theme group")
        CHAIRS = "chairs", _("Chairs' group")
        BOARD = "board", _("Board")

    class Joining(models.TextChoices):
        REQUEST = "request", _("Staff ask to join and the chair or a coordinator agrees")
        OPEN = "open", _("Staff of member councils join straight away")

    class RotatesBy(models.TextChoices):
        PERSON = "person", _("Person: each member in turn")
        COUNCIL = "council", _("Council: each member council in turn")
        NONE = "none", _("No rotation: the group has no chair")

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
    kind = models.CharField(_("kind of group"), max_length=20, choices=Kind.choices, default=Kind.INTEREST)
    joining = models.CharField(_("how staff join"), max_length=20, choices=Joining.choices, default=Joining.REQUEST)
    rotates_by = models.CharField(_("the chair rotates by"), max_length=20, choices=RotatesBy.choices, default=RotatesBy.PERSON)
    rotation_months = models.PositiveSmallIntegerField(_("months in each chair's turn"), default=12)
    rotation_starts_on = models.DateField(_("first turn starts on"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["partnership__name", "name"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.CheckConstraint(condition=models.Q(rotation_months__gte=1, rotation_months__lte=60),
                                   name="group_rotation_months_1_to_60"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:group-detail", args=[self.slug])

    def current_members(self, day=None):
        """Active members on `day` (today by default), guests included. Someone who left on `day` is out."""
        from partnering.core.dates import today

        day = day or today()
        return self.members.filter(models.Q(left_on__isnull=True) | models.Q(left_on__gt=day), joined_on__lte=day,
                                   status=GroupMember.Status.ACTIVE)

    def chair_candidates(self, day=None) -> list[tuple[str, str, frozenset]]:
        """The rotation's order as (key, label, person ids): members who take a turn, by when they joined, or
        the members' councils by name. Guests and members who do not take a turn are left out."""
        members = [m for m in self.current_members(day).select_related("person", "council").order_by("joined_on", "pk")
                   if m.can_chair and not m.is_guest]
        if self.rotates_by == self.RotatesBy.PERSON:
            return [(f"person:{m.person_id}", m.person.full_name, frozenset({m.person_id})) for m in members]
        if self.rotates_by == self.RotatesBy.COUNCIL:
            councils: dict[int, tuple[str, set]] = {}
            for m in members:
                councils.setdefault(m.council_id, (m.council.name, set()))[1].add(m.person_id)
            return [(f"council:{pk}", name, frozenset(people)) for pk, (name, people) in sorted(councils.items(), key=lambda i: i[1][0])]
        return []

    def chair_schedule(self, turns: int = 6, day=None):
        """The current turn and the next ones: [(Turn, label, person ids)]."""
        from partnering.core.dates import today

        from .rotation import schedule, turn_number_on

        day = day or today()
        candidates = self.chair_candidates(day)
        if not candidates:
            return []
        start = self.rotation_starts_on or self.created_at.date()
        first = max(turn_number_on(day, starts_on=start, months=self.rotation_months), 0)
        by_key = {key: (label, people) for key, label, people in candidates}
        planned = schedule(list(by_key), starts_on=start, months=self.rotation_months, turns=first + turns)[first:]
        return [(turn, *by_key[turn.holder]) for turn in planned if turn.holder]

    def current_chair(self, day=None):
        """(Turn, label, person ids) of the chair on `day`, or None."""
        from partnering.core.dates import today

        from .rotation import chair_on

        day = day or today()
        candidates = self.chair_candidates(day)
        if not candidates:
            return None
        start = self.rotation_starts_on or self.created_at.date()
        turn = chair_on([key for key, _, _ in candidates], day, starts_on=start, months=self.rotation_months)
        if turn is None or turn.holder is None:
            return None
        label, people = next((label, people) for key, label, people in candidates if key == turn.holder)
        return turn, label, people


class GroupMember(models.Model):
    """A person in a group: for a council (a member of staff) or as a named guest from an outside organisation."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Member")
        REQUESTED = "requested", _("Asked to join")

    class Alerts(models.TextChoices):
        IMMEDIATE = "immediate", _("Straight away, one email each")
        WEEKLY = "weekly", _("A weekly digest")
        OFF = "off", _("No emails")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="group_memberships",
                               verbose_name=_("person"))
    council = models.ForeignKey("organisations.Council", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("for council"))
    guest_organisation = models.CharField(_("guest from"), max_length=200, blank=True,
                                          help_text=_("For a guest from outside the councils: their organisation."))
    joined_on = models.DateField(_("joined"))
    left_on = models.DateField(_("left"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    alerts = models.CharField(_("emails about the group"), max_length=20, choices=Alerts.choices, default=Alerts.IMMEDIATE)
    can_chair = models.BooleanField(_("takes a turn as chair"), default=True)

    class Meta:
        ordering = ["group", "person__full_name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(council__isnull=False) | ~models.Q(guest_organisation=""),
                                   name="group_member_for_a_council_or_a_guest"),
            models.UniqueConstraint(fields=["group", "person"], condition=models.Q(left_on__isnull=True),
                                    name="group_member_once_at_a_time"),
        ]

    def __str__(self):
        return f"{self.person} in {self.group}"

    @property
    def is_guest(self) -> bool:
        return self.council_id is None


class Thread(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("title"), max_length=200)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    last_post_at = models.DateTimeField()
    locked = models.BooleanField(_("locked"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)

    class Meta:
        ordering = ["-last_post_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:thread-detail", args=[self.pk])


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("message"))
    created_at = models.DateTimeField()
    hidden = models.BooleanField(_("hidden"), default=False)
    mentions = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} in {self.thread}"

    def get_absolute_url(self):
        return reverse("community:thread-detail", args=[self.thread_id]) + f"#post-{self.pk}"


class ThreadSubscription(models.Model):
    """Whether a person follows a thread: set when they start it, reply or are mentioned, and by the buttons."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    following = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "person"], name="one_subscription_per_thread_and_person")]

    def __str__(self):
        return f"{self.person} {'follows' if self.following else 'does not follow'} {self.thread}"


class Document(models.Model):
    class Published(models.TextChoices):
        GROUP = "group", _("The group only")
        PARTNERSHIP = "partnership", _("The whole partnership")
        PUBLIC = "public", _("The public: anyone with the link, no sign-in")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what it is"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    published = models.CharField(_("who can read it"), max_length=20, choices=Published.choices, default=Published.GROUP)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:document-detail", args=[self.pk])

    @property
    def current(self):
        """The newest version: the one everyone should use."""
        return max(self.versions.all(), key=lambda v: v.number, default=None)


def _version_path(version, filename):
    return f"community/documents/{version.document_id}/{secrets.token_hex(8)}{_suffix(filename)}"


def _suffix(filename: str) -> str:
    from pathlib import PurePath

    return PurePath(filename).suffix.lower()[:10]


class DocumentVersion(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    file = models.FileField(upload_to=_version_path, max_length=300)
    original_filename = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField()
    note = models.CharField(_("what changed"), max_length=500, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="one_version_number_per_document")]

    def __str__(self):
        return f"{self.document} v{self.number}"


class Resource(models.Model):
    """An item of the group's resource list: something that exists (a document or a link) or is still needed."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    still_needed = models.BooleanField(_("still needed"), default=True)
    document = models.ForeignKey(Document, on_delete=models.SET_NULL, null=True, blank=True, related_name="resources",
                                 verbose_name=_("the group's document"))
    link = models.URLField(_("or a link"), blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-still_needed", "title", "pk"]

    def __str__(self):
        return self.title


class Event(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("where"), max_length=300, blank=True, help_text=_("A place, or an online link."))
    description = models.TextField(_("details"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField()
    sequence = models.PositiveIntegerField(default=0)  # iCalendar SEQUENCE: calendar programs take the newest
    cancelled = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_it_starts")]

    def __str__(self):
        return self.title


class CalendarToken(models.Model):
    """The secret in a person's calendar feed addresses. Revoking it stops every address that uses it."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_tokens")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Calendar feed of {self.person}"


class DigestSent(models.Model):
    """When a person's last weekly digest went: the next covers what happened since."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField()

    def __str__(self):
        return f"Digest for {self.person} sent {self.sent_at:%Y-%m-%d}"


class Priority(models.Model):
    """A wish on the partnership's list: members rank them and the top ones become theme groups."""

    partnership = models.ForeignKey("organisations.Partnership", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("priority"), max_length=200)
    description = models.TextField(_("why it matters"), blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    theme_group = models.OneToOneField(Group, on_delete=models.SET_NULL, null=True, blank=True, related_name="from_priority")

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = _("priorities")

    def __str__(self):
        return self.title


class PriorityRank(models.Model):
    """One member's place for one priority (1 = most important)."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="ranks")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["priority", "person"], name="one_rank_per_priority_and_person"),
            models.CheckConstraint(condition=models.Q(rank__gte=1), name="priority_rank_from_one"),
        ]

    def __str__(self):
        return f"{self.person} ranks {self.priority} {self.rank}"
