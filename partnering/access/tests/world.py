"""A small world for the access matrix: two partnerships, three councils, and one of every kind of record
owned by the viewer's own council (north), a partner council (south) and a council outside (outsider)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from partnering.core.models import Sharing
from partnering.costs.models import (
    Amendment,
    Award,
    BasisFigure,
    Claim,
    Cost,
    CostPool,
    Drawdown,
    EntitlementPool,
    FundingPackage,
    InKind,
    OneToOne,
    PoolBasis,
    PoolCouncil,
    ProfileLine,
    Reprofile,
    Spend,
    ThemeGroup,
    ThemeGroupMember,
)
from partnering.glossary.models import Term
from partnering.learning.models import Booking, Course, Evaluation, Evidence, Session
from partnering.mapping import services as mapping
from partnering.mapping.models import Provision, Topic
from partnering.overlap.models import AnalysisRun, Decision, GroupLine, OverlapGroup
from partnering.planning.models import VenuePlan
from partnering.reference.years import current_financial_year
from tests.factories import (
    CouncilFactory,
    MembershipFactory,
    PartnershipFactory,
    PersonFactory,
    VenueFactory,
    employ,
    partnership_role,
)

# The roles the matrix proves every URL against.
ROLES = (
    "anonymous",  # not signed in
    "staff",  # member of staff of north
    "lead",  # L&D or HR lead of north
    "trainer",  # trainer employed by north, co-training north's sessions
    "coordinator",  # coordinator of the Test Network (north and south)
    "board",  # board member of the Test Network
    "shared",  # employed by north and by south
    "admin",  # site administrator (superuser)
    "staff_admin",  # admin-site rights without being a superuser; lead of south
    "other_lead",  # lead of outsider, a council in another partnership
    "other_coordinator",  # coordinator of the other partnership
    "guest",  # a named guest from an outside organisation (no employment), in one group of the Test Network
)
OWNERS = ("north", "south", "outsider")  # own council, partner council, council outside all the viewer's partnerships
NETWORK_OF = {"north": "own", "south": "own", "outsider": "other"}

CSV = b"Course title,Learners,Cost\nFirst aid at work,12,1200\nFire warden,20,300\n"


@dataclass
class World:
    people: dict = field(default_factory=dict)  # role -> person (None for anonymous)
    councils: dict = field(default_factory=dict)
    partnerships: dict = field(default_factory=dict)  # "own" / "other"
    objects: dict = field(default_factory=dict)  # (kind, owner) -> object

    def of(self, kind: str, owner: str):
        return self.objects[(kind, owner)]


def build_world() -> World:
    world = World()
    north, south, outsider = (CouncilFactory(short_name=n.title(), name=f"{n.title()} Council", slug=n) for n in OWNERS)
    world.councils = {"north": north, "south": south, "outsider": outsider}
    own = PartnershipFactory(name="Test Network", slug="test-network")
    other = PartnershipFactory(name="Other Network", slug="other-network")
    world.partnerships = {"own": own, "other": other}
    for council, partnership in ((north, own), (south, own), (outsider, other)):
        MembershipFactory(partnership=partnership, council=council)

    def person(key, **extra):
        return PersonFactory(email=f"{key}@matrix.test", full_name=key.replace("_", " ").title(), **extra)

    people = {key: person(key) for key in ROLES if key not in ("anonymous", "admin", "staff_admin")}
    people["admin"] = person("admin", is_staff=True, is_superuser=True)
    people["staff_admin"] = person("staff_admin", is_staff=True)
    people["staff_admin"].user_permissions.set(Permission.objects.filter(content_type__app_label__in=["organisations", "people", "core"]))
    people["anonymous"] = None
    employ(people["staff"], north)
    employ(people["lead"], north, "lead", "staff")
    trainer_job = employ(people["trainer"], north, "trainer")
    employ(people["shared"], north, fte="0.6")
    employ(people["shared"], south, fte="0.4")
    employ(people["staff_admin"], south, "lead", "staff")
    employ(people["other_lead"], outsider, "lead", "staff")
    partnership_role(people["coordinator"], own, "coordinator")
    partnership_role(people["board"], own, "board")
    partnership_role(people["other_coordinator"], other, "coordinator")
    world.people = people

    # The people whose records the matrix reads: one ordinary member of staff in each council.
    subjects = {"north": people["staff"], "south": person("staff_south"), "outsider": person("staff_outsider")}
    employ(subjects["south"], south)
    employ(subjects["outsider"], outsider)
    topic = Topic.objects.order_by("pk").first() or Topic.objects.create(name="Health and safety")
    term = Term.objects.create(english="First aid", welsh="Cymorth cyntaf")
    now = timezone.now()
    for owner, council in world.councils.items():
        network = world.partnerships[NETWORK_OF[owner]]
        # North keeps its venue and return private; the others share theirs with their partnership.
        sharing = Sharing.PRIVATE if owner == "north" else Sharing.PARTNERSHIP
        shared_with = None if owner == "north" else network
        venue = VenueFactory(council=council, sharing=sharing, shared_with=shared_with, latitude=51.6, longitude=-3.9)
        lead = next(p for p in (people["lead"], people["staff_admin"], people["other_lead"]) if p.employments.filter(council=council).exists())
        batch = mapping.return_upload(council=council, year=current_financial_year(), filename=f"{owner}.csv", data=CSV, actor=lead,
                                      sharing=sharing, shared_with=shared_with)
        mapping.batch_commit(batch=batch, actor=lead)
        draft = mapping.return_upload(council=council, year=current_financial_year(), filename=f"{owner}-again.csv", data=CSV, actor=lead)
        line = Provision.objects.filter(council=council).current().first()
        course = Course.objects.create(partnership=network, title=f"{owner} first aid", topic=topic, requires_approval=True)
        session = Session.objects.create(course=course, starts_at=now + datetime.timedelta(days=30),
                                         ends_at=now + datetime.timedelta(days=30, hours=6), capacity=10, venue=venue)
        past = Session.objects.create(course=course, starts_at=now - datetime.timedelta(days=30),
                                      ends_at=now - datetime.timedelta(days=30) + datetime.timedelta(hours=6), capacity=10)
        if owner == "north":
            session.trainers.add(trainer_job)
        subject = subjects[owner]
        pending = Booking.objects.create(session=session, person=subject, council=council, status=Booking.Status.PENDING, created_at=now)
        attended = Booking.objects.create(session=past, person=subject, council=council, status=Booking.Status.ATTENDED, created_at=now)
        Evaluation.objects.create(booking=attended, reaction=4)
        evidence = Evidence(person=subject, council=council, title="First aid", completed_on=datetime.date(2025, 2, 1))
        evidence.certificate.save(f"{owner}.pdf", ContentFile(b"%PDF-1.4 certificate"), save=False)
        evidence.save()
        run = AnalysisRun.objects.create(partnership=network, year=2025, status=AnalysisRun.Status.DONE)
        group = OverlapGroup.objects.filter(partnership=network).first() or OverlapGroup.objects.create(
            partnership=network, year=2025, run=run, title="First aid at work", council_count=1, line_count=1)
        GroupLine.objects.create(group=group, provision=line, line_key=f"{council.pk}|first aid")
        Decision.objects.get_or_create(partnership=network, key_a="a", key_b="b", defaults={"kind": Decision.Kind.DIFFERENT})
        plan = VenuePlan.objects.create(course=course, plan_key="optimal", created_by=people["admin"])
        plan.sessions.add(Session.objects.create(course=course, capacity=10, venue=venue))
        world.objects.update({
            ("council", owner): council, ("venue", owner): venue, ("person", owner): subject, ("batch", owner): draft,
            ("line", owner): line, ("course", owner): course, ("session", owner): session, ("booking", owner): pending,
            ("attended", owner): attended, ("evidence", owner): evidence, ("run", owner): run, ("group", owner): group,
            ("plan", owner): plan, ("partnership", owner): network,
        })
    _add_costs(world)
    _add_directory(world)  # directory: add the directory's records here
    _add_community(world)  # community: add the groups' records here
    _add_meetings(world)  # meetings: add the meetings' records here
    _add_workforce(world)  # workforce: shared posts, secondments, time and joint recruitment
    _add_programmes(world)  # programmes and the register
    _add_identity(world)  # identity: each council's provider and a first sign-in waiting for its lead
    _add_api(world)  # api: a token per council; the subject's training record and employment
    _add_assessment(world)  # assessment: frameworks, assessments and surveys
    world.objects.update({("term", owner): term for owner in OWNERS})
    world.objects.update({("topic", owner): topic for owner in OWNERS})
    return world


def _add_programmes(world: World) -> None:
    """A programme per network with one published project per owner, led by the owner's council with every member council
    taking part, and one record of each kind; "trainer" sits on north's scrutiny committee for the Test Network."""
    from partnering.programmes.models import (
        Agreement,
        AgreementVersion,
        Benefit,
        Body,
        Factor,
        HighlightReport,
        Indicator,
        IndicatorPeriod,
        Lesson,
        Milestone,
        Newsletter,
        Participation,
        PartnerOrganisation,
        Programme,
        Project,
        ProjectCouncil,
        Result,
        Risk,
        ScrutinyMember,
        ScrutinyQuestion,
        StatusReport,
    )
    from partnering.programmes.models import Decision as ProgrammeDecision

    day = datetime.date(2025, 5, 1)
    members = {"own": [world.councils["north"], world.councils["south"]], "other": [world.councils["outsider"]]}
    college = PartnerOrganisation.objects.create(name="Matrix College", kind="college")
    shared = {}
    for network, councils in members.items():
        partnership = world.partnerships[network]
        programme = Programme.objects.create(partnership=partnership, name=f"{network} programme", slug=f"{network}-programme")
        agreement = Agreement.objects.create(partnership=partnership, kind="sla", title=f"{network} SLA", starts_on=day)
        agreement.councils.set(councils)
        version = AgreementVersion(agreement=agreement, number=1, filename="sla.pdf", uploaded_at=timezone.now())
        version.file.save(f"{network}-sla.pdf", ContentFile(b"%PDF-1.4 agreement"), save=False)
        version.save()
        shared[network] = {
            "prog_programme": programme, "prog_agreement": agreement, "prog_agreement_version": version,
            "prog_question": ScrutinyQuestion.objects.create(programme=programme, question="What has it saved?", asked_at=timezone.now()),
            "prog_highlight": HighlightReport.objects.create(programme=programme, month=datetime.date(2025, 5, 1)),
            "prog_newsletter": Newsletter.objects.create(partnership=partnership, quarter_start=datetime.date(2025, 4, 1),
                                                         title_en=f"{network} news", title_cy=f"Newyddion {network}"),
        }
    ScrutinyMember.objects.create(partnership=world.partnerships["own"], council=world.councils["north"], person=world.people["trainer"],
                                  start_on=datetime.date(2020, 1, 1))
    for owner, council in world.councils.items():
        network = NETWORK_OF[owner]
        programme = shared[network]["prog_programme"]
        project = Project.objects.create(programme=programme, name=f"{owner} project", lead_council=council, purpose="Working together.",
                                         published=True, published_on=day, register_updated_at=timezone.now())
        for member in members[network]:
            ProjectCouncil.objects.create(project=project, council=member, role="Lead" if member == council else "Partner")
        result = Result.objects.create(project=project, kind="outcome", title=f"{owner} result")
        indicator = Indicator.objects.create(result=result, title="Clients satisfied", measure="percentage", baseline=80)
        IndicatorPeriod.objects.create(indicator=indicator, start_on=day, end_on=datetime.date(2026, 3, 31), target=95, actual=90)
        world.objects.update({(kind, owner): obj for kind, obj in shared[network].items()})
        world.objects.update({
            ("prog_project", owner): project, ("prog_indicator", owner): indicator, ("entry:result", owner): result,
            ("entry:milestone", owner): Milestone.objects.create(project=project, title="Go live", planned_on=day),
            ("entry:status", owner): StatusReport.objects.create(project=project, period=day, rag="green", narrative="On track"),
            ("entry:risk", owner): Risk.objects.create(project=project, title="Staff leave", likelihood=3, impact=4, review_on=day),
            ("entry:decision", owner): ProgrammeDecision.objects.create(project=project, title="Adopt the system", levels=2),
            ("entry:benefit", owner): Benefit.objects.create(project=project, kind="cashable", description="Fewer licences", planned=1000),
            ("entry:factor", owner): Factor.objects.create(project=project, kind="enabler", text="Shared leadership"),
            ("entry:lesson", owner): Lesson.objects.create(project=project, text="Agree the baseline first", recorded_on=day),
            ("entry:council", owner): project.councils.get(council=council),
            ("entry:organisation", owner): Participation.objects.create(organisation=college, partnership=programme.partnership,
                                                                        project=project, role="Trainer"),
            ("entry:body", owner): Body.objects.create(programme=programme, name=f"{owner} project team", kind="project_team"),
        })


def _add_workforce(world: World) -> None:
    """Per owner: a shared post employed by the owner's council (split with the network's other council, or a grant), a secondment
    from it (to the partner council, or to the partnership), its member of staff's submitted timesheet with one entry (no line
    manager recorded: the employer's leads approve), and a joint recruitment shared by the network's councils."""
    from partnering.workforce.models import (
        PostShare,
        Recruitment,
        RecruitmentPartner,
        Secondment,
        SharedPost,
        TimeEntry,
        Timesheet,
    )

    partner = {"north": "south", "south": "north", "outsider": None}
    day = datetime.date(2025, 6, 2)
    for owner, council in world.councils.items():
        network = world.partnerships[NETWORK_OF[owner]]
        other = world.councils[partner[owner]] if partner[owner] else None
        subject = world.of("person", owner)
        post = SharedPost.objects.create(partnership=network, title=f"{owner} shared lawyer", person=subject, employer=council,
                                         start_on=datetime.date(2025, 4, 1), annual_cost=36500)
        share = PostShare.objects.create(post=post, council=council, days=3)
        if other:
            PostShare.objects.create(post=post, council=other, days=2)
        else:
            PostShare.objects.create(post=post, funder="Grant", days=2)
        secondment = Secondment.objects.create(partnership=network, person=subject, role="Project manager", home=council, host=other,
                                               start_on=datetime.date(2025, 4, 1), end_on=datetime.date(2026, 3, 31))
        sheet = Timesheet.objects.create(partnership=network, person=subject, council=council, start_on=day,
                                         end_on=day + datetime.timedelta(days=6), status=Timesheet.Status.SUBMITTED)
        entry = TimeEntry.objects.create(timesheet=sheet, date=day, hours=7, for_council=other, activity="Legal cover")
        recruitment = Recruitment.objects.filter(partnership=network).first()
        if recruitment is None:
            recruitment = Recruitment.objects.create(partnership=network, title="Shared lawyer", job_description="Advise",
                                                     person_specification="Qualified")
            for member in network.councils.all():
                RecruitmentPartner.objects.create(recruitment=recruitment, council=member)
        world.objects.update({("wf_post", owner): post, ("wf_share", owner): share, ("wf_secondment", owner): secondment,
                              ("wf_timesheet", owner): sheet, ("wf_entry", owner): entry, ("wf_recruitment", owner): recruitment})


def _add_costs(world: World) -> None:
    """One cost pool, funding package and pooled entitlement per partnership, each with one record of every kind;
    each owner's cost is paid by its own council."""
    day = datetime.date(2025, 5, 1)
    members = {"own": [world.councils["north"], world.councils["south"]], "other": [world.councils["outsider"]]}
    shared = {}
    for network, councils in members.items():
        partnership = world.partnerships[network]
        pool = CostPool.objects.create(partnership=partnership, name=f"{network} programme office")
        for council in councils:
            PoolCouncil.objects.create(pool=pool, council=council)
        basis = PoolBasis.objects.create(pool=pool, effective_from=datetime.date(2025, 4, 1), basis="pro_rata")
        for council in councils:
            BasisFigure.objects.create(basis=basis, council=council, value=10, source="typed")
        package = FundingPackage.objects.create(partnership=partnership, name=f"{network} grant", start_date=datetime.date(2025, 4, 1))
        award = Award.objects.create(package=package, funder="Funder", awarded=1000)
        entitlement = EntitlementPool.objects.create(partnership=partnership, name=f"{network} support days", pool_days=10, cap_days=5)
        group = ThemeGroup.objects.create(pool=entitlement, name="Workforce", days=1)
        ThemeGroupMember.objects.create(group=group, council=councils[0])
        shared[network] = {
            "pool": pool, "basis": pool.bases.get(), "package": package, "entitlement": entitlement,
            "entry:award": award,
            "entry:amendment": Amendment.objects.create(award=award, date=day, change=-100, reason="cut"),
            "entry:profile": ProfileLine.objects.create(package=package, year="2025/26", amount=900),
            "entry:reprofile": Reprofile.objects.create(package=package, date=day, from_year="2025/26", to_year="2026/27", amount=10,
                                                        reason="slipped"),
            "entry:spend": Spend.objects.create(package=package, date=day, amount=50, description="room hire"),
            "entry:claim": Claim.objects.create(award=award, date=day, amount=50),
            "entry:in_kind": InKind.objects.create(package=package, council=councils[0], date=day, days=1, day_rate=300,
                                                   description="a day of a senior officer's time"),
            "entry:drawdown": Drawdown.objects.create(pool=entitlement, council=councils[0], date=day, days=2),
            "entry:one_to_one": OneToOne.objects.create(pool=entitlement, council=councils[0], date=day, days=1, description="advice"),
            "entry:group": group,
        }
    for owner, council in world.councils.items():
        network = NETWORK_OF[owner]
        world.objects.update({(kind, owner): value for kind, value in shared[network].items()})
        world.objects[("cost", owner)] = Cost.objects.create(pool=shared[network]["pool"], paid_by=council, date=day, amount=100,
                                                             description=f"{owner} room hire")


def _add_community(world: World) -> None:
    """One group per network. The own network's: staff (the chair: first to join, rotating by person), shared, south's member of
    staff and the guest (from a union, no employment); lead has asked to join. The other network's: other_lead (its chair) and
    outsider's member of staff; another outsider employee has asked to join. Each group has a thread with a post, a document
    with a version, a public document, a resource, an event; each network a priority; a member of each holds a calendar token."""
    from partnering.community.models import (
        CalendarToken,
        Document,
        DocumentVersion,
        Event,
        Group,
        GroupMember,
        Post,
        Priority,
        Resource,
        Thread,
    )

    people = world.people
    day = timezone.localdate()
    now = timezone.now()
    requester = PersonFactory(email="requester_outsider@matrix.test", full_name="Requester Outsider")
    employ(requester, world.councils["outsider"])
    plan = {
        "own": ([(people["staff"], "north", ""), (people["shared"], "north", ""), (world.of("person", "south"), "south", ""),
                 (people["guest"], None, "Regional union learning")], (people["lead"], "north")),
        "other": ([(people["other_lead"], "outsider", ""), (world.of("person", "outsider"), "outsider", "")], (requester, "outsider")),
    }
    made = {}
    for network, (members, (asking, asking_council)) in plan.items():
        partnership = world.partnerships[network]
        group = Group.objects.create(partnership=partnership, name=f"{partnership.name} group", slug=f"{network}-sig",
                                     rotates_by=Group.RotatesBy.PERSON, rotation_months=12,
                                     rotation_starts_on=day - datetime.timedelta(days=10))
        memberships = {}
        for offset, (person, council, guest_from) in enumerate(members):
            memberships[person.pk] = GroupMember.objects.create(
                group=group, person=person, council=world.councils[council] if council else None, guest_organisation=guest_from,
                joined_on=day - datetime.timedelta(days=100 - offset), can_chair=council is not None)
        join_request = GroupMember.objects.create(group=group, person=asking, council=world.councils[asking_council], joined_on=day,
                                                  status=GroupMember.Status.REQUESTED)
        author = members[0][0]
        thread = Thread.objects.create(group=group, title="Welcome", started_by=author, created_at=now, last_post_at=now)
        post = Post.objects.create(thread=thread, author=author, body="Hello, group", created_at=now)
        document = Document.objects.create(group=group, title="Terms of reference", created_by=author, created_at=now)
        version = DocumentVersion(document=document, number=1, original_filename="terms.pdf", size=20, uploaded_by=author,
                                  uploaded_at=now, note="First version")
        version.file.save("terms.pdf", ContentFile(b"%PDF-1.4 terms of ref"), save=False)
        version.save()
        public = Document.objects.create(group=group, title="Annual report", created_by=author, created_at=now,
                                         published=Document.Published.PUBLIC, published_at=now)
        public_version = DocumentVersion(document=public, number=1, original_filename="report.pdf", size=20, uploaded_by=author,
                                         uploaded_at=now)
        public_version.file.save("report.pdf", ContentFile(b"%PDF-1.4 annual report"), save=False)
        public_version.save()
        resource = Resource.objects.create(group=group, title="Case studies", still_needed=True, added_by=author)
        event = Event.objects.create(group=group, title="Quarterly meeting", starts_at=now + datetime.timedelta(days=7),
                                     ends_at=now + datetime.timedelta(days=7, hours=2), created_by=author, updated_at=now)
        priority = Priority.objects.create(partnership=partnership, title="Digital inclusion", proposed_by=author, created_at=now)
        token = CalendarToken.objects.create(person=author, token=f"matrix-token-{network}", created_at=now)
        made[network] = {"sig": group, "join_request": join_request, "thread": thread, "post": post, "document": document,
                         "version": version, "public_document": public, "resource": resource, "event": event, "priority": priority,
                         "feed_token": token, "members": memberships}
    for owner in OWNERS:
        network = NETWORK_OF[owner]
        for kind, record in made[network].items():
            if kind != "members":
                world.objects[(kind, owner)] = record
        world.objects[("sig_member", owner)] = made[network]["members"][world.of("person", owner).pk]


def _add_meetings(world: World) -> None:
    """A board per network: the own network's hosted in turn by north then south, with staff (north) and south's member of
    staff as members; the other's by outsider, with outsider's member of staff. Each owner has a coming meeting of its network's
    board hosted by its own council, with an agenda item and a paper, a decision with positions, and an action owned by the
    owner's member of staff."""
    from partnering.meetings.models import Action, AgendaItem, Body, BodyMember, Decision, HostCouncil, Meeting, Paper, Position

    bodies = {}
    for network, hosts in (("own", ("north", "south")), ("other", ("outsider",))):
        body = Body.objects.create(partnership=world.partnerships[network], name=f"{network.title()} board", slug=f"{network}-board",
                                   kind=Body.Kind.BOARD)
        for position, owner in enumerate(hosts, start=1):
            HostCouncil.objects.create(body=body, council=world.councils[owner], position=position)
        bodies[network] = body
    world.people["staff"].body_memberships.create(body=bodies["own"], council=world.councils["north"])
    for owner in OWNERS:
        body = bodies[NETWORK_OF[owner]]
        council = world.councils[owner]
        subject = world.of("person", owner)
        member = BodyMember.objects.get_or_create(body=body, person=subject, defaults={"council": council})[0]
        meeting = Meeting.objects.create(body=body, starts_at=timezone.now() + datetime.timedelta(days=20), host=council,
                                         online_link="https://meet.example.test/board")
        item = AgendaItem.objects.create(meeting=meeting, position=1, title="Budget", owner=subject)
        paper = Paper(item=item, title="Budget paper", filename="budget.pdf")
        paper.file.save("budget.pdf", ContentFile(b"%PDF-1.4 budget"), save=False)
        paper.save()
        decision = Decision.objects.create(meeting=meeting, item=item, proposal="Agree the budget", outcome=Decision.Outcome.AGREED)
        Position.objects.create(decision=decision, council=council, stance=Position.Stance.SUPPORTS)
        action = Action.objects.create(body=body, meeting=meeting, title="Send the figures", owner=subject, owner_council=council,
                                       due_on=timezone.localdate() + datetime.timedelta(days=10))
        world.objects.update({("body", owner): body, ("body_member", owner): member, ("meeting", owner): meeting,
                              ("agenda_item", owner): item, ("paper", owner): paper, ("meeting_decision", owner): decision,
                              ("action", owner): action})


def _add_directory(world: World) -> None:
    """Each owner's member of staff has an expertise profile (north's listed to its council only, the others' to their
    partnerships) with one skill; each owner's council has a request for help in its network asking that member of
    staff; each network has a support tier."""
    from partnering.directory.models import Ask, HelpRequest, Profile, ProfileSkill, Skill, SupportTier

    skill = Skill.objects.create(name="Equality and diversity", welsh_name="Cydraddoldeb ac amrywiaeth")
    tiers = {network: SupportTier.objects.create(partnership=partnership, name="Amber", colour="amber", days_a_year=5)
             for network, partnership in world.partnerships.items()}
    day = timezone.localdate()
    for owner, council in world.councils.items():
        subject = world.of("person", owner)
        listed = Profile.Listed.COUNCIL if owner == "north" else Profile.Listed.PARTNERSHIPS
        profile = Profile.objects.create(person=subject, listed_to=listed, welsh_level=5, delivers_in_welsh=True, available_days=2)
        held = ProfileSkill.objects.create(profile=profile, skill=skill, depth=ProfileSkill.Depth.TRAINER)
        request = HelpRequest.objects.create(partnership=world.partnerships[NETWORK_OF[owner]], council=council, in_welsh=True,
                                             need="Welsh-medium equality training", needed_by=day + datetime.timedelta(days=30))
        ask = Ask.objects.create(request=request, person=subject, respond_by=day + datetime.timedelta(days=7))
        world.objects.update({("held_skill", owner): held, ("skill", owner): skill, ("help_request", owner): request,
                              ("ask", owner): ask, ("tier", owner): tiers[NETWORK_OF[owner]]})


def _add_assessment(world: World) -> None:
    """Each owner's council: a draft assessment with a built-in framework (a document as evidence, an action) and a submitted
    one moderated by the coordinators; each network a framework of its own; each owner a staff survey of its network with an
    open wave inviting the owner's member of staff, and a client survey with an open wave."""
    from partnering.assessment.models import (
        Action,
        Assessment,
        Evidence,
        Framework,
        Invitation,
        Question,
        Score,
        Survey,
        Version,
        Wave,
    )

    built_in = Framework.objects.get(key="hr-policy-integration").current_version()
    frameworks = {}
    for network, partnership in world.partnerships.items():
        framework = Framework.objects.create(partnership=partnership, name=f"{network} framework")
        version = Version.objects.create(framework=framework, number=1)
        area = version.areas.create(position=1, name="Leadership")
        criterion = version.criteria.create(area=area, position=1, text="A shared vision")
        frameworks[network] = (framework, criterion)
    today = timezone.localdate()
    for owner, council in world.councils.items():
        network = NETWORK_OF[owner]
        partnership = world.partnerships[network]
        made = {}
        for kind, status in (("assessment", Assessment.Status.DRAFT), ("submitted_assessment", Assessment.Status.SUBMITTED)):
            assessment = Assessment.objects.create(version=built_in, partnership=partnership, council=council, title=f"{owner} {kind}",
                                                   status=status)
            for c in built_in.criteria.all():
                Score.objects.create(assessment=assessment, criterion=c, value=3)
            made[kind] = assessment
        first = built_in.criteria.first()
        evidence = Evidence(assessment=made["assessment"], criterion=first, kind=Evidence.Kind.DOCUMENT, title="Policy")
        evidence.file.save(f"{owner}-policy.pdf", ContentFile(b"%PDF-1.4 policy"), save=False)
        evidence.save()
        action = Action.objects.create(assessment=made["assessment"], criterion=first, text="Align the policy",
                                       review_on=today + datetime.timedelta(days=90))
        survey = Survey.objects.create(partnership=partnership, title=f"{owner} pulse", kind=Survey.Kind.CHANGE_FATIGUE)
        survey.councils.add(council)
        Question.objects.create(survey=survey, position=1, text="The pace of change is manageable", kind="likert")
        wave = Wave.objects.create(survey=survey, number=1, opens_on=today - datetime.timedelta(days=1),
                                   closes_on=today + datetime.timedelta(days=30))
        Invitation.objects.create(wave=wave, person=world.of("person", owner), council=council, role="staff")
        clients = Survey.objects.create(partnership=partnership, title=f"{owner} clients", kind=Survey.Kind.SATISFACTION,
                                        audience=Survey.Audience.CLIENTS, service="Benefits")
        Question.objects.create(survey=clients, position=1, text="Rate the service", kind="choice", choices=["Good", "Poor"])
        Wave.objects.create(survey=clients, number=1, opens_on=today - datetime.timedelta(days=1), closes_on=today + datetime.timedelta(days=30))
        world.objects.update({
            ("assessment", owner): made["assessment"], ("submitted_assessment", owner): made["submitted_assessment"],
            ("assessment_evidence", owner): evidence, ("assessment_action", owner): action,
            ("framework", owner): frameworks[network][0], ("criterion", owner): frameworks[network][1],
            ("survey", owner): survey, ("wave", owner): wave, ("client_survey", owner): clients,
        })


def _add_identity(world: World) -> None:
    """Each council signs in through its own provider (at an address nothing listens on: starting a sign-in
    there is a message, not a 500), and someone waits for each council's lead to approve them."""
    from partnering.identity.models import AccessRequest, HrImport, IdentityProvider

    for owner in OWNERS:
        council = world.councils[owner]
        IdentityProvider.objects.create(council=council, issuer=f"http://127.0.0.1:9/{owner}", client_id=owner, client_secret="secret",
                                        domains=f"{owner}.matrix.test")
        waiting = AccessRequest.objects.create(council=council, email=f"new@{owner}.matrix.test", full_name=f"New at {owner}")
        world.objects[("access_request", owner)] = waiting
        world.objects[("hr_import", owner)] = HrImport.objects.create(
            council=council, filename=f"{owner}.csv", data=f"Email,Name,Job title,Start date\nnew@{owner}.matrix.test,New,Clerk,2025-01-06\n".encode())


def _add_api(world: World) -> None:
    from partnering.api.services import api_token_create
    from partnering.learning.models import TrainingRecord

    for owner in OWNERS:
        council, subject = world.councils[owner], world.of("person", owner)
        world.objects[("api_token", owner)] = api_token_create(actor=None, council=council, name=f"{owner} HR")[0]
        world.objects[("training_record", owner)] = TrainingRecord.objects.create(
            person=subject, title=f"{owner} induction", completed_on=datetime.date(2025, 1, 6), council=council)
        world.objects[("employment", owner)] = subject.employments.get(council=council)
