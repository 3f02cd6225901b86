"""The demo's meetings, entered through the meetings services (`partnering.meetings.services`) by the demo
coordinator and the councils' demo leads, as they would on the pages:

- the North Wales Legal Services Collaboration's board, meeting monthly and hosted in turn by its six councils
  (Anglesey, Gwynedd, Conwy, Denbighshire, Flintshire, Wrexham); Denbighshire cannot host the fourth meeting (its turn),
  so Flintshire stands in and Denbighshire hosts the fifth. A year of meetings: six held (agenda, minutes, decisions
  with each council's position, actions) and six to come. Open actions are on the next meeting's agenda; one,
  owned by Conwy's demo lead (`lead.conwy@demo.test`), is overdue and shows on that lead's home page.
- if the community app's SIG chairs' group of the collaboration exists when the demo loads, its meetings too
  (two, hosted by Gwynedd and Flintshire). The board does not depend on it.

Dates are set from the day the demo first loads. Loading twice changes nothing: the board and its year of meetings
are made once, and the chairs' meetings once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from partnering.core.dates import today
from partnering.meetings import services
from partnering.meetings.models import Action, Body, BodyMember, Decision, Meeting
from partnering.organisations.models import Council
from partnering.organisations.reference import slugify

LEGAL = "North Wales Legal Services Collaboration"
BOARD_SLUG = "nw-legal-board"
CHAIRS_SLUG = "nw-legal-sig-chairs"
DOMAIN = "demo.test"
HOSTS = ("Anglesey", "Gwynedd", "Conwy", "Denbighshire", "Flintshire", "Wrexham")  # short names, west to east
ONLINE = "https://meet.example.org/nw-legal-board"

# The six held meetings: (agenda items, decisions, actions). A decision is (item index, proposal, outcome, changes,
# positions by council short name); an action is (title, owner's council short name, days after the meeting it is
# due, status it ends in).
HELD = (
    (["Apologies and minutes of the last meeting", "Shared case management system", "Reports from the special-interest groups"],
     [(1, "Procure one case management system for the six legal services", Decision.Outcome.AGREED_WITH_CHANGES,
       "Procured by Denbighshire for all six, from April rather than January",
       {"Anglesey": "supports", "Gwynedd": "supports", "Conwy": "supports", "Denbighshire": "supports", "Flintshire": "supports",
        "Wrexham": "reserves"})],
     [("Draft the case management system specification", "Denbighshire", 28, Action.Status.DONE)]),
    (["Apologies and minutes of the last meeting", "Common fee scale for external work", "Budget monitoring"],
     [(1, "Adopt a common fee scale for legal work done for outside bodies", Decision.Outcome.DEFERRED,
       "Deferred until every council has sent its current scale", {})],
     [("Collect each council's current fee scale", "Flintshire", 21, Action.Status.DONE)]),
    (["Apologies and minutes of the last meeting", "Trainee solicitor scheme", "Welsh-language legal documents"],
     [(1, "Run one trainee solicitor scheme with rotations between the councils", Decision.Outcome.AGREED, "", {}),
      (2, "Translate standard contracts once, for all six councils", Decision.Outcome.AGREED, "", {})],
     [("Circulate the draft protocol for sharing counsel's opinions", "Conwy", 21, Action.Status.OPEN),
      ("Set up the trainee rotation timetable", "Wrexham", 240, Action.Status.IN_PROGRESS)]),
    (["Apologies and minutes of the last meeting", "Common fee scale for external work", "Risk register"],
     [(1, "Adopt the common fee scale from 1 April", Decision.Outcome.AGREED, "",
       {"Anglesey": "supports", "Gwynedd": "supports", "Conwy": "supports", "Denbighshire": "supports", "Flintshire": "supports",
        "Wrexham": "supports"})],
     [("Publish the common fee scale to client departments", "Anglesey", 30, Action.Status.DONE)]),
    (["Apologies and minutes of the last meeting", "Shared legal library subscriptions"],
     [(1, "Buy the legal library subscriptions jointly", Decision.Outcome.NOT_AGREED,
       "Two councils' current contracts run for another two years", {})],
     [("Report contract end dates for legal library subscriptions", "Gwynedd", 150, Action.Status.OPEN)]),
    (["Apologies and minutes of the last meeting", "Case management system: progress", "Annual report to the leaders"],
     [(2, "Approve the annual report to the council leaders", Decision.Outcome.AGREED_WITH_CHANGES,
       "Add the savings from the shared case management system", {})],
     [("Add the savings figures to the annual report", "Denbighshire", 40, Action.Status.OPEN)]),
)


@dataclass
class MeetingsSummary:
    added: int = 0
    bodies: int = 0
    meetings: int = 0
    open_actions: int = 0


def _person(email):
    from partnering.people.models import Person

    return Person.objects.filter(email=email).first()


def _lead(council):
    return _person(f"lead.{council.slug}@{DOMAIN}")


def _venue(partnership, council):
    from partnering.access.organisations import venues_for_partnership

    return venues_for_partnership(partnership).filter(council=council).order_by("pk").first()


def load_meetings(partnerships: dict, councils: dict, actor) -> MeetingsSummary:
    """Load the collaboration's board (and its SIG chairs' meetings where the group exists), acting as `actor`, who
    coordinates the collaboration. `partnerships` and `councils` are keyed by slug."""
    summary = MeetingsSummary()
    partnership = partnerships[slugify(LEGAL)]
    by_short = {c.short_name: c for c in Council.objects.filter(memberships__partnership=partnership)}
    hosts = [by_short[name] for name in HOSTS if name in by_short]
    if not Body.objects.filter(slug=BOARD_SLUG).exists():
        _board(partnership, hosts, actor, summary)
    _chairs(partnership, by_short, actor, summary)
    bodies = Body.objects.filter(partnership=partnership)
    summary.bodies = bodies.count()
    summary.meetings = Meeting.objects.filter(body__in=bodies).count()
    summary.open_actions = Action.objects.filter(body__in=bodies, status__in=Action.OPEN_STATUSES).count()
    return summary


def _add_members(body, councils, actor, summary, chair_short=None):
    for council in councils:
        lead = _lead(council)
        if lead is not None and not body.members.filter(person=lead).exists():
            role = BodyMember.Role.CHAIR if council.short_name == chair_short else BodyMember.Role.MEMBER
            services.add_member(body=body, actor=actor, person=lead, council=council, role=role)
            summary.added += 1


def _board(partnership, hosts, actor, summary) -> None:
    body = services.create_body(
        partnership=partnership, actor=actor, name="North Wales Legal Services Board", slug=BOARD_SLUG, kind=Body.Kind.BOARD,
        description="The heads of legal services of the six councils: the collaboration's programme, shared systems and "
                    "decisions. Meets monthly, hosted in turn.",
        host_councils=hosts)
    summary.added += 1 + len(hosts)
    _add_members(body, hosts, actor, summary, chair_short="Conwy")
    # A year of monthly meetings on the 10th at 10:00: the six before the next 10th are held, six are to come.
    day = today()
    month = day.month - (7 if day.day < 10 else 6)  # 0-based months from January of this year
    first_day = datetime.date(day.year + month // 12, month % 12 + 1, 10)
    first = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time(10, 0)))
    denbighshire = next((c.slug for c in hosts if c.short_name == "Denbighshire"), None)
    meetings = services.plan_meetings(body=body, actor=actor, first=first, every="month", count=12, online_link=ONLINE,
                                      unavailable={3: {denbighshire}} if denbighshire else None)
    summary.added += len(meetings)
    people = {c.short_name: _lead(c) for c in hosts}
    for meeting in meetings:  # each at its host's first venue open to the partnership, with the online link for the rest
        venue = _venue(partnership, meeting.host) if meeting.host else None
        if venue is not None:
            services.change_meeting(meeting=meeting, actor=actor, venue=venue)
    now = timezone.now()
    held = [m for m in meetings if m.starts_at < now][: len(HELD)]
    raised: list[tuple[Action, str]] = []
    for meeting, (items, decisions, actions) in zip(held, HELD, strict=False):
        host_lead = people.get(meeting.host.short_name) if meeting.host else None
        writer = host_lead or actor  # the host council's lead writes the agenda and minutes of their meeting
        made = [services.add_item(meeting=meeting, actor=writer, title=title, owner=host_lead if i == 0 else None,
                                  minutes_allowed=5 if i == 0 else 20) for i, title in enumerate(items)]
        for index, proposal, outcome, changes, stances in decisions:
            positions = {c: (stances[c.short_name], "") for c in hosts if c.short_name in stances}
            services.record_decision(meeting=meeting, actor=writer, item=made[index], proposal=proposal, outcome=outcome,
                                     changes=changes, positions=positions)
        for title, owner_short, days, status in actions:
            owner = people.get(owner_short)
            if owner is None:
                continue
            action = services.record_action(meeting=meeting, actor=writer, title=title, owner=owner,
                                             due_on=timezone.localtime(meeting.starts_at).date() + datetime.timedelta(days=days))
            raised.append((action, status))
        # Actions finished before this meeting's minutes are written are done; the rest roll on to the next meeting.
        for action, status in raised:
            if status != Action.Status.OPEN and action.status == Action.Status.OPEN and action.meeting_id != meeting.pk:
                services.update_action(action=action, actor=action.owner, status=status,
                                       update="Done and reported to the board." if status == Action.Status.DONE else "Under way.")
        services.write_minutes(meeting=meeting, actor=writer, approved=True,
                               minutes=f"Present: the heads of legal services of the six councils. Hosted by {meeting.host.name}.",
                               item_notes={item.pk: "Discussed; see the decisions and actions." for item in made[1:]})
        summary.added += len(made) + len(decisions) + len(actions)
    for action, status in raised:  # anything still marked open at the end of the year's held meetings
        if status != Action.Status.OPEN and action.status == Action.Status.OPEN:
            services.update_action(action=action, actor=action.owner, status=status, update="Under way.")
    # The agenda of the next meeting: the host's standing items, with the open actions already rolled in.
    coming = next((m for m in meetings if m.starts_at >= now), None)
    if coming is not None:
        host_lead = people.get(coming.host.short_name) if coming.host else None
        for title in ("Apologies and minutes of the last meeting", "Case management system: go-live"):
            services.add_item(meeting=coming, actor=host_lead or actor, title=title, owner=host_lead)
            summary.added += 1


def _chairs(partnership, by_short, actor, summary) -> None:
    """The SIG chairs' group's meetings, where the community app has the group."""
    from partnering.community.models import Group

    if Body.objects.filter(slug=CHAIRS_SLUG).exists():
        return
    group = Group.objects.filter(partnership=partnership, name__icontains="chairs").order_by("pk").first()
    if group is None:
        return
    hosts = [by_short[name] for name in ("Gwynedd", "Flintshire") if name in by_short]
    body = services.create_body(partnership=partnership, actor=actor, name=group.name, slug=CHAIRS_SLUG, kind=Body.Kind.GROUP,
                                group=group, host_councils=hosts,
                                description="The chairs of the collaboration's special-interest groups; reports to the board.")
    summary.added += 1 + len(hosts)
    for member in group.members.filter(council__isnull=False).select_related("person", "council"):
        if not body.members.filter(person=member.person).exists():
            services.add_member(body=body, actor=actor, person=member.person, council=member.council)
            summary.added += 1
    start = timezone.make_aware(datetime.datetime.combine(today() + datetime.timedelta(days=21), datetime.time(14, 0)))
    meetings = services.plan_meetings(body=body, actor=actor, first=start, every="quarter", count=2,
                                      online_link="https://meet.example.org/nw-legal-sig-chairs")
    for meeting in meetings:
        services.add_item(meeting=meeting, actor=actor, title="Reports from each special-interest group", minutes_allowed=45)
        services.add_item(meeting=meeting, actor=actor, title="Report to the board", minutes_allowed=15)
    summary.added += len(meetings) * 3

