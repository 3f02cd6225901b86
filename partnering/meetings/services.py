"""Writes for bodies, meetings, agendas, minutes, decisions and actions.

Every change is checked through the access layer (`partnering.access.meetings`) and recorded in the audit
trail by the acting person. A refusal the user can cause raises `Refused`, naming the form field it concerns.

Open actions roll into the next meeting's agenda: when a meeting is arranged, when an action is recorded
and when a meeting's minutes are written, each open action of the body raised before a planned meeting gets
one agenda item there ("Action: …"), whoever hosts. A unique constraint on (meeting, action) makes a second
roll a no-op, never a duplicate.
"""

from __future__ import annotations

import datetime
from pathlib import PurePath

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.meetings import can_edit_meeting, can_manage_body, can_update_action, partnerships_for_new_bodies
from partnering.core import audit
from partnering.core.dates import today
from partnering.core.errors import Refused

from . import rotation
from .models import Action, AgendaItem, Body, BodyMember, Decision, HostCouncil, Meeting, Paper, Position

# --- Bodies ---------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_body(*, partnership, actor, name: str, slug: str, kind: str = Body.Kind.BOARD, description: str = "",
                group=None, host_councils=()) -> Body:
    require(partnerships_for_new_bodies(scope_of(actor)).filter(pk=partnership.pk).exists(),
            "Only the partnership's coordinators set up its bodies.")
    if Body.objects.filter(slug=slug).exists():
        raise Refused(_("Another body already uses the short name %(slug)s: choose another.") % {"slug": slug}, "slug")
    if group is not None and group.partnership_id != partnership.pk:
        raise Refused(_("The group belongs to another partnership."), "group")
    body = Body.objects.create(partnership=partnership, name=name, slug=slug, kind=kind, description=description, group=group)
    for position, council in enumerate(host_councils, start=1):
        HostCouncil.objects.create(body=body, council=council, position=position)
    return body


@audit.actor_argument("actor")
@transaction.atomic
def set_hosts(*, body: Body, actor, hosts: list[tuple[object, bool]]) -> None:
    """The hosting order, first to last: (council, can host) pairs. Councils left out leave the rotation."""
    require(can_manage_body(scope_of(actor), body), "Only the partnership's coordinators set the hosting order.")
    councils = [council.pk for council, _can in hosts]
    if len(set(councils)) != len(councils):
        raise Refused(_("A council is in the hosting order twice."), "order")
    current = {h.council_id: h for h in body.host_councils.all()}
    for host in current.values():
        if host.council_id not in councils:
            host.delete()
    # Move everyone out of the way first: positions are unique within the body.
    offset = (body.host_councils.aggregate(top=Max("position"))["top"] or 0) + len(hosts) + 1
    for host in body.host_councils.all():
        host.position += offset
        host.save(update_fields=["position"])
    for position, (council, can_host) in enumerate(hosts, start=1):
        host = current.get(council.pk)
        if host is None:
            HostCouncil.objects.create(body=body, council=council, position=position, can_host=can_host)
        else:
            host.position, host.can_host = position, can_host
            host.save(update_fields=["position", "can_host"])


@audit.actor_argument("actor")
@transaction.atomic
def add_member(*, body: Body, actor, person, council=None, role: str = BodyMember.Role.MEMBER) -> BodyMember:
    require(can_manage_body(scope_of(actor), body), "Only the partnership's coordinators change a body's members.")
    if body.members.filter(person=person).exists():
        raise Refused(_("%(person)s is already a member.") % {"person": person.full_name}, "person")
    return BodyMember.objects.create(body=body, person=person, council=council, role=role)


@audit.actor_argument("actor")
@transaction.atomic
def remove_member(*, member: BodyMember, actor) -> None:
    require(can_manage_body(scope_of(actor), member.body), "Only the partnership's coordinators change a body's members.")
    member.delete()


# --- Hosts ----------------------------------------------------------------------------------------


def host_history(body: Body, before: datetime.datetime | None = None) -> list[str]:
    """Slugs of the councils that hosted the body's meetings so far (not cancelled), oldest first."""
    meetings = body.meetings.exclude(status=Meeting.Status.CANCELLED).exclude(host__isnull=True)
    if before is not None:
        meetings = meetings.filter(starts_at__lt=before)
    return list(meetings.order_by("starts_at", "pk").values_list("host__slug", flat=True))


def host_order(body: Body) -> list[HostCouncil]:
    return list(body.host_councils.select_related("council").order_by("position"))


def suggest_hosts(body: Body, count: int = 1, *, before: datetime.datetime | None = None,
                  unavailable: dict[int, set] | None = None) -> rotation.Plan:
    """The rotation's hosts for the next `count` meetings (after the meetings held or arranged before `before`).
    Councils marked as unable to host sit out every meeting; `unavailable` adds more per meeting (0-based)."""
    hosts = host_order(body)
    order = [h.council.slug for h in hosts]
    cannot = {h.council.slug for h in hosts if not h.can_host}
    away = {i: cannot | set((unavailable or {}).get(i, ())) for i in range(count)}
    if not order:
        return rotation.Plan([rotation.Turn(i, None) for i in range(count)], {})
    return rotation.plan(order, count, history=host_history(body, before), unavailable=away)


# --- Meetings -------------------------------------------------------------------------------------


def _check_place(body: Body, host, venue, online_link: str):
    from partnering.access.organisations import venues_for_partnership

    if host is not None and not body.host_councils.filter(council=host).exists():
        raise Refused(_("%(council)s is not in this body's hosting order.") % {"council": host.name}, "host")
    if venue is not None:
        if not venues_for_partnership(body.partnership).filter(pk=venue.pk).exists():
            raise Refused(_("That venue is not open to this partnership."), "venue")
        if host is not None and venue.council_id != host.pk:
            raise Refused(_("Choose one of the host council's venues, or hold the meeting online."), "venue")
    elif not online_link:
        raise Refused(_("Choose a venue, or give the link for an online meeting."), "online_link")


@audit.actor_argument("actor")
@transaction.atomic
def arrange_meeting(*, body: Body, actor, starts_at: datetime.datetime, duration_minutes: int = 120, host=None, venue=None,
                    online_link: str = "", title: str = "") -> Meeting:
    """A meeting of the body; open actions raised before it roll into its agenda."""
    require(can_manage_body(scope_of(actor), body), "Only the partnership's coordinators arrange a body's meetings.")
    _check_place(body, host, venue, online_link)
    meeting = Meeting.objects.create(body=body, starts_at=starts_at, duration_minutes=duration_minutes, host=host, venue=venue,
                                     online_link=online_link, title=title)
    roll_open_actions(meeting)
    return meeting


@audit.actor_argument("actor")
@transaction.atomic
def plan_meetings(*, body: Body, actor, first: datetime.datetime, every: str, count: int, duration_minutes: int = 120,
                  online_link: str = "", unavailable: dict[int, set] | None = None) -> list[Meeting]:
    """A series of meetings with hosts from the rotation; each is online until its host chooses a venue."""
    require(can_manage_body(scope_of(actor), body), "Only the partnership's coordinators arrange a body's meetings.")
    if not 1 <= count <= 52:
        raise Refused(_("Plan between 1 and 52 meetings at a time."), "count")
    if not online_link:
        raise Refused(_("Give the link for the online meetings (hosts can choose a venue later)."), "online_link")
    from partnering.organisations.models import Council

    local = timezone.localtime(first)
    dates = rotation.schedule(local.date(), every, count)
    plan = suggest_hosts(body, count, before=first, unavailable=unavailable)
    councils = {c.slug: c for c in Council.objects.filter(slug__in=[h for h in plan.hosts if h])}
    meetings = []
    for day, host in zip(dates, plan.hosts, strict=True):
        starts_at = timezone.make_aware(datetime.datetime.combine(day, local.time()))
        meetings.append(arrange_meeting(body=body, actor=actor, starts_at=starts_at, duration_minutes=duration_minutes,
                                        host=councils.get(host), online_link=online_link))
    return meetings


@audit.actor_argument("actor")
@transaction.atomic
def change_meeting(*, meeting: Meeting, actor, **changes) -> Meeting:
    """Date, length, host, venue or link, title, status. A new host must be in the order; the venue must be the host's."""
    scope = scope_of(actor)
    require(can_edit_meeting(scope, meeting), "Only the coordinators and the host council's leads change a meeting.")
    if "host" in changes and changes["host"] != meeting.host and not can_manage_body(scope, meeting.body):
        raise Refused(_("Only the partnership's coordinators change the host."), "host")
    allowed = {"title", "starts_at", "duration_minutes", "host", "venue", "online_link", "status"}
    for name, value in changes.items():
        if name not in allowed:
            raise TypeError(name)
        setattr(meeting, name, value)
    _check_place(meeting.body, meeting.host, meeting.venue, meeting.online_link)
    meeting.save()
    if meeting.status == Meeting.Status.PLANNED:
        roll_open_actions(meeting)
    following = next_meeting(meeting)
    if meeting.status == Meeting.Status.CANCELLED and following is not None:
        roll_open_actions(following)  # what was to come to this meeting goes to the next
    return meeting


@audit.actor_argument("actor")
@transaction.atomic
def send_invitations(*, meeting: Meeting, actor) -> int:
    """Invite the body's members (or tell them it is cancelled); each sending updates the calendar event they have."""
    require(can_edit_meeting(scope_of(actor), meeting), "Only the coordinators and the host council's leads send invitations.")
    if meeting.status == Meeting.Status.HELD:
        raise Refused(_("The meeting has been held: there is nothing to invite people to."))
    if not meeting.body.members.exists():
        raise Refused(_("The body has no members to invite yet."))
    meeting.invitation_sequence += 1
    meeting.save(update_fields=["invitation_sequence"])
    from . import notifications

    count = meeting.body.members.count()
    transaction.on_commit(lambda: notifications.invite(meeting))
    return count


# --- Agenda and papers ----------------------------------------------------------------------------


def _require_edit(actor, meeting):
    require(can_edit_meeting(scope_of(actor), meeting), "Only the coordinators and the host council's leads change a meeting.")


def _next_position(meeting: Meeting) -> int:
    return (meeting.items.aggregate(top=Max("position"))["top"] or 0) + 1


@audit.actor_argument("actor")
@transaction.atomic
def add_item(*, meeting: Meeting, actor, title: str, description: str = "", owner=None, minutes_allowed: int = 10,
             position: int | None = None) -> AgendaItem:
    _require_edit(actor, meeting)
    return AgendaItem.objects.create(meeting=meeting, title=title, description=description, owner=owner,
                                     minutes_allowed=minutes_allowed, position=position or _next_position(meeting))


@audit.actor_argument("actor")
@transaction.atomic
def change_item(*, item: AgendaItem, actor, **changes) -> AgendaItem:
    _require_edit(actor, item.meeting)
    for name, value in changes.items():
        if name not in {"title", "description", "owner", "minutes_allowed", "position", "notes"}:
            raise TypeError(name)
        setattr(item, name, value)
    item.save()
    return item


@audit.actor_argument("actor")
@transaction.atomic
def remove_item(*, item: AgendaItem, actor) -> None:
    _require_edit(actor, item.meeting)
    for paper in item.papers.all():
        _delete_paper(paper)
    item.delete()


PAPER_TYPES = {".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".doc", ".xls", ".ppt", ".csv", ".txt"}
PAPER_MAX_BYTES = 20 * 1024 * 1024


def check_paper(upload) -> None:
    """A paper must be an office document, PDF or plain text, 20 MB or smaller, and be what its name says."""
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in PAPER_TYPES:
        raise Refused(_("A paper must be a PDF, a Word, Excel or PowerPoint file, an OpenDocument file, or CSV or text."), "file")
    if upload.size > PAPER_MAX_BYTES:
        raise Refused(_("A paper must be 20 MB or smaller."), "file")
    if upload.size == 0:
        raise Refused(_("The file is empty."), "file")
    head = upload.read(8)
    upload.seek(0)
    expected = {".pdf": (b"%PDF",), ".doc": (b"\xd0\xcf\x11\xe0",), ".xls": (b"\xd0\xcf\x11\xe0",), ".ppt": (b"\xd0\xcf\x11\xe0",)}
    zipped = (b"PK\x03\x04",)
    magic = expected.get(suffix, zipped if suffix in {".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"} else None)
    if magic is not None and not head.startswith(magic):
        raise Refused(_("The file is not a %(kind)s file, whatever its name says.") % {"kind": suffix.lstrip(".").upper()}, "file")
    if magic is None and b"\x00" in head:
        raise Refused(_("The file is not plain text, whatever its name says."), "file")


@audit.actor_argument("actor")
@transaction.atomic
def add_paper(*, item: AgendaItem, actor, title: str, upload) -> Paper:
    _require_edit(actor, item.meeting)
    check_paper(upload)
    filename = PurePath(upload.name).name
    paper = Paper(item=item, title=title or PurePath(filename).stem, filename=filename, uploaded_by=actor)
    paper.file.save(filename, upload, save=False)
    paper.save()
    return paper


def _delete_paper(paper: Paper) -> None:
    stored = paper.file.name
    storage = paper.file.storage
    paper.delete()
    transaction.on_commit(lambda: storage.delete(stored))


@audit.actor_argument("actor")
@transaction.atomic
def remove_paper(*, paper: Paper, actor) -> None:
    _require_edit(actor, paper.item.meeting)
    _delete_paper(paper)


# --- Minutes, decisions and actions ---------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def write_minutes(*, meeting: Meeting, actor, minutes: str, item_notes: dict[int, str] | None = None, held: bool = True,
                  approved: bool | None = None) -> Meeting:
    """The minutes (and each item's notes); a held meeting passes its still-open actions to the next meeting."""
    _require_edit(actor, meeting)
    if held and meeting.starts_at > timezone.now():
        raise Refused(_("The meeting has not started yet: write the minutes once it has been held."), "minutes")
    meeting.minutes = minutes
    if held:
        meeting.status = Meeting.Status.HELD
    if approved is not None:
        meeting.minutes_approved = approved
    meeting.save()
    for item in meeting.items.all():
        if item_notes and item.pk in item_notes and item.notes != item_notes[item.pk]:
            item.notes = item_notes[item.pk]
            item.save(update_fields=["notes"])
    if held:
        following = next_meeting(meeting)
        if following is not None:
            roll_open_actions(following)
    return meeting


@audit.actor_argument("actor")
@transaction.atomic
def record_decision(*, meeting: Meeting, actor, proposal: str, outcome: str, changes: str = "", item=None,
                    positions: dict | None = None) -> Decision:
    """A decision with its outcome and, where wanted, each council's position ({council: (stance, note)})."""
    _require_edit(actor, meeting)
    if outcome == Decision.Outcome.AGREED_WITH_CHANGES and not changes.strip():
        raise Refused(_("Say what changes were agreed."), "changes")
    if item is not None and item.meeting_id != meeting.pk:
        raise Refused(_("That agenda item belongs to another meeting."), "item")
    decision = Decision.objects.create(meeting=meeting, proposal=proposal, outcome=outcome, changes=changes, item=item)
    set_positions(decision=decision, actor=actor, positions=positions or {})
    return decision


@audit.actor_argument("actor")
@transaction.atomic
def set_positions(*, decision: Decision, actor, positions: dict) -> None:
    """Each council's position: councils must be in the body's hosting order; a council left out has none recorded."""
    _require_edit(actor, decision.meeting)
    members = set(decision.meeting.body.host_councils.values_list("council_id", flat=True))
    for council in positions:
        if council.pk not in members:
            raise Refused(_("%(council)s is not a council of this body.") % {"council": council.name}, "positions")
    existing = {p.council_id: p for p in decision.positions.all()}
    for council_id, position in existing.items():
        if council_id not in {c.pk for c in positions}:
            position.delete()
    for council, (stance, note) in positions.items():
        position = existing.get(council.pk)
        if position is None:
            Position.objects.create(decision=decision, council=council, stance=stance, note=note)
        elif (position.stance, position.note) != (stance, note):
            position.stance, position.note = stance, note
            position.save()


@audit.actor_argument("actor")
@transaction.atomic
def remove_decision(*, decision: Decision, actor) -> None:
    _require_edit(actor, decision.meeting)
    decision.delete()


def owner_council_of(body: Body, person):
    """The council a person acts for on this body: their membership's, else their one current employer in the body's councils."""
    member = body.members.filter(person=person).select_related("council").first()
    if member is not None and member.council is not None:
        return member.council
    from partnering.core.dates import current_on
    from partnering.people.models import Employment

    councils = body.host_councils.values("council_id")
    employment = (Employment.objects.filter(current_on(today(), "start_on", "end_on"), person=person, council_id__in=councils)
                  .select_related("council").order_by("start_on").first())
    return employment.council if employment else None


@audit.actor_argument("actor")
@transaction.atomic
def record_action(*, meeting: Meeting, actor, title: str, owner, due_on: datetime.date, item=None) -> Action:
    """An action from a meeting, for a person from any council; it rolls into the next planned meeting's agenda."""
    _require_edit(actor, meeting)
    if item is not None and item.meeting_id != meeting.pk:
        raise Refused(_("That agenda item belongs to another meeting."), "item")
    action = Action.objects.create(body=meeting.body, meeting=meeting, title=title, owner=owner,
                                   owner_council=owner_council_of(meeting.body, owner), due_on=due_on)
    following = next_meeting(meeting)
    if following is not None:
        roll_open_actions(following)
    return action


@audit.actor_argument("actor")
@transaction.atomic
def update_action(*, action: Action, actor, status: str, update: str = "", due_on: datetime.date | None = None) -> Action:
    scope = scope_of(actor)
    require(can_update_action(scope, action), "Only the action's owner, the coordinators and the host council's leads update it.")
    if status not in Action.Status.values:
        raise Refused(_("Choose a status."), "status")
    action.status = status
    action.update = update
    if due_on is not None:
        action.due_on = due_on
    action.closed_on = None if action.is_open else (action.closed_on or today())
    action.save()
    return action


# --- Rolling actions forward ----------------------------------------------------------------------


def next_meeting(meeting: Meeting) -> Meeting | None:
    """The body's next planned meeting after this one."""
    return (meeting.body.meetings.filter(status=Meeting.Status.PLANNED, starts_at__gt=meeting.starts_at)
            .order_by("starts_at", "pk").first())


def roll_open_actions(meeting: Meeting) -> list[AgendaItem]:
    """Put each open action of the body raised before this planned meeting on its agenda, once.

    Runs as part of the calling service (whose actor the audit trail records); safe to call again and again."""
    if meeting.status != Meeting.Status.PLANNED:
        return []
    already = set(meeting.items.exclude(action__isnull=True).values_list("action_id", flat=True))
    candidates = (Action.objects.filter(body=meeting.body, status__in=Action.OPEN_STATUSES, meeting__starts_at__lt=meeting.starts_at)
                  .exclude(pk__in=already).select_related("owner").order_by("due_on", "pk"))
    added = []
    position = _next_position(meeting)
    for action in candidates:
        try:
            with transaction.atomic():
                added.append(AgendaItem.objects.create(
                    meeting=meeting, position=position, action=action, owner=action.owner, minutes_allowed=5,
                    title=action.title[:200]))
        except IntegrityError:  # another request rolled it in between: once is enough
            continue
        position += 1
    return added


@audit.actor_argument("actor")
@transaction.atomic
def carry_forward(*, meeting: Meeting, actor) -> list[AgendaItem]:
    """Put any open action not yet on this planned meeting's agenda there (a no-op when they all are)."""
    _require_edit(actor, meeting)
    return roll_open_actions(meeting)
