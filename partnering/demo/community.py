"""The demo's special-interest groups, from the source studies, set up through the community services
(`partnering.community.services`) by the demo coordinator, as they would be on the pages.

- The North Wales legal collaboration: special-interest groups for childcare, property and employment law,
  each with a chair rotating between the member councils' people every four months, reporting to a SIG
  chairs' group that reports to the collaboration's board; a forum thread, a document with two versions, a
  resource list with gaps and a meeting in each.
- The North West skills group: members' priorities ranked, the top three (impact measures and evaluation,
  digital inclusion, support for union learning representatives) turned into theme groups, with a union
  regional learning organiser as a guest in the union one.

Loading twice changes nothing: each group, member, thread, document, event and priority is looked for first.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from partnering.community import services
from partnering.community.models import Document, Event, Group, GroupMember, Priority, PriorityRank, Thread
from partnering.core.dates import current_on, today
from partnering.organisations.models import Council, Membership
from partnering.organisations.reference import slugify
from partnering.people.models import Employment, Person

LEGAL = "North Wales Legal Services Collaboration"
SKILLS = "North West skills group"
LEGAL_SIGS = (
    ("Childcare law", "Care proceedings, the public law outline and court work for children's services."),
    ("Property law", "Conveyancing, leases, right-to-buy and estates work for council property."),
    ("Employment law", "Tribunal claims, TUPE, equal pay and settlement agreements."),
)
NW_PRIORITIES = (
    ("Impact measures and evaluation", "How we show what learning and development achieves."),
    ("Digital inclusion", "Staff without a desk or a device get the same access to learning."),
    ("Support for union learning representatives", "Training and time for ULRs to reach staff who avoid formal learning."),
    ("Coaching and mentoring pool", "A shared pool of trained coaches across the councils."),
)
UNION_GUEST = ("union.guest@demo.test", "Sam Okafor (regional learning organiser, UNISON North West)", "UNISON North West")
NW_OFFICERS = (  # (email, name, council slug): learning officers of the North West councils who rank and join
    ("ld.liverpool@demo.test", "Joanne Kelly", "liverpool"),
    ("ld.salford@demo.test", "Mark Hughes", "salford"),
    ("ld.sefton@demo.test", "Priya Shah", "sefton"),
)
PDF = b"%PDF-1.4\n%demo terms of reference\n"


@dataclass
class CommunitySummary:
    groups: int = 0
    members: int = 0
    added: int = 0


def _group(partnership, actor, name, summary, **extra) -> Group:
    group = Group.objects.filter(partnership=partnership, name=name).first()
    if group is None:
        group = services.group_create(partnership=partnership, actor=actor, name=name, **extra)
        summary.added += 1
    return group


def _member(group, person, council, summary, guest_from="", actor=None):
    if group.members.filter(person=person, left_on__isnull=True).exists():
        return
    if guest_from:
        services.member_add(group=group, actor=actor, email=person.email, guest_organisation=guest_from)
    else:
        GroupMember.objects.create(group=group, person=person, council=council, joined_on=group.rotation_starts_on)
    summary.added += 1


def _members_of(partnership):
    return Council.objects.filter(pk__in=Membership.objects.filter(current_on(today(), "joined_on", "left_on"),
                                                                   partnership=partnership).values("council_id")).order_by("name")


def _legal(partnership, actor, summary) -> None:
    start = datetime.date(today().year, 1, 1)
    board = _group(partnership, actor, "Legal collaboration board", summary, kind=Group.Kind.BOARD, rotates_by=Group.RotatesBy.NONE,
                   description="The heads of legal services of the six councils.")
    chairs = _group(partnership, actor, "SIG chairs' group", summary, kind=Group.Kind.CHAIRS, reports_to=board,
                    rotates_by=Group.RotatesBy.COUNCIL, rotation_months=6, rotation_starts_on=start,
                    description="The chairs of the special-interest groups: shared priorities and reports to the board.")
    councils = list(_members_of(partnership))
    people = {c.pk: [p for p in (Person.objects.filter(email=f"{kind}.{c.slug}@demo.test").first() for kind in ("lead", "staff")) if p]
              for c in councils}
    for index, (name, description) in enumerate(LEGAL_SIGS):
        group = _group(partnership, actor, name, summary, description=description, reports_to=chairs, rotates_by=Group.RotatesBy.PERSON,
                       rotation_months=4, rotation_starts_on=start, joining=Group.Joining.REQUEST)
        # Each SIG starts its order at a different council, so the first chairs come from three councils.
        for council in councils[index:] + councils[:index]:
            for person in people[council.pk][:1 if index else 2]:
                _member(group, person, council, summary)
        author = group.members.filter(council__isnull=False).order_by("joined_on", "pk").first()
        if author is None:
            continue
        if not group.threads.exists():
            services.thread_start(group=group, actor=author.person, title=f"{name}: sharing precedents",
                                  body="Please add the template letters and precedents you use, so we stop redrafting the same documents.")
            summary.added += 1
        if not group.documents.exists():
            document = services.document_create(group=group, actor=author.person, title=f"{name} terms of reference", filename="terms.pdf",
                                                data=PDF, note="Draft for the first meeting")
            services.version_add(document=document, actor=author.person, filename="terms-agreed.pdf", data=PDF + b"%agreed\n",
                                 note="Agreed at the first meeting")
            services.document_publish(document=document, actor=actor, published=Document.Published.PARTNERSHIP)
            services.resource_save(group=group, actor=author.person, title="Template instruction letter", still_needed=True)
            services.resource_save(group=group, actor=author.person, title="Terms of reference", still_needed=False, document=document)
            summary.added += 4
        if not Event.objects.filter(group=group).exists():
            day = timezone.make_aware(datetime.datetime.combine(today() + datetime.timedelta(days=14 + 7 * index), datetime.time(10)))
            services.event_save(group=group, actor=author.person, title=f"{name} group meeting", starts_at=day,
                                ends_at=day + datetime.timedelta(hours=2), location="Online (Teams)")
            summary.added += 1
    for chair_council in councils:  # the chairs' group holds one person per council: its lead
        for person in people[chair_council.pk][:1]:
            _member(chairs, person, chair_council, summary)


def _person(email, name, summary) -> Person:
    from partnering.demo.loader import DEMO_PASSWORD

    person = Person.objects.filter(email=email).first()
    if person is None:
        person = Person.objects.create(email=email, full_name=name, password=make_password(DEMO_PASSWORD))
        summary.added += 1
    return person


def _skills(partnership, actor, summary) -> None:
    officers = []
    for email, name, slug in NW_OFFICERS:
        council = Council.objects.filter(slug=slug).first()
        if council is None:
            continue
        person = _person(email, name, summary)
        Employment.objects.get_or_create(person=person, council=council, end_on=None,
                                         defaults={"job_title": "Learning and Development Officer", "start_on": datetime.date(2012, 4, 1)})
        officers.append((person, council))
    ids = {}
    for title, description in NW_PRIORITIES:
        priority = Priority.objects.filter(partnership=partnership, title=title).first()
        if priority is None:
            priority = services.priority_propose(partnership=partnership, actor=officers[0][0] if officers else actor, title=title,
                                                 description=description)
            summary.added += 1
        ids[title] = priority.pk
    titles = [t for t, _ in NW_PRIORITIES]
    ballots = [titles[:3], [titles[1], titles[0], titles[2]], [titles[2], titles[0], titles[3], titles[1]]]
    for (person, _), ballot in zip(officers, ballots, strict=False):
        if not PriorityRank.objects.filter(person=person, priority__partnership=partnership).exists():
            services.priorities_rank(partnership=partnership, actor=person, ranks={ids[t]: place for place, t in enumerate(ballot, 1)})
            summary.added += 1
    if not Group.objects.filter(partnership=partnership, kind=Group.Kind.THEME).exists():  # the top three, once
        for priority, _, _ in services.ranking(partnership)[:3]:
            group = services.priority_adopt(priority=priority, actor=actor)
            summary.added += 1
            services.group_update(group=group, actor=actor, rotates_by=Group.RotatesBy.COUNCIL, rotation_months=6)
    themes = Group.objects.filter(partnership=partnership, kind=Group.Kind.THEME)
    for group in themes:
        for person, council in officers:
            _member(group, person, council, summary)
    union = themes.filter(name__startswith="Support for union").first()
    if union is not None:
        guest = _person(UNION_GUEST[0], UNION_GUEST[1], summary)
        _member(union, guest, None, summary, guest_from=UNION_GUEST[2], actor=actor)
        if not Thread.objects.filter(group=union).exists():
            services.thread_start(group=union, actor=guest, title="ULR training dates for the spring",
                                  body="We can run the five-day ULR course in Salford in March. Could each council say how many reps "
                                       "it will release? @Mark Hughes, could Salford host?")
            summary.added += 1


def load_community(partnerships: dict, actor) -> CommunitySummary:
    """The groups of the two partnerships, set up by `actor` (who coordinates them). `partnerships` is keyed by slug."""
    summary = CommunitySummary()
    _legal(partnerships[slugify(LEGAL)], actor, summary)
    _skills(partnerships[slugify(SKILLS)], actor, summary)
    chosen = [partnerships[slugify(name)] for name in (LEGAL, SKILLS)]
    summary.groups = Group.objects.filter(partnership__in=chosen).count()
    summary.members = GroupMember.objects.filter(group__partnership__in=chosen, left_on__isnull=True).count()
    return summary
