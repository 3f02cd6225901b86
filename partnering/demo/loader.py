"""The demo region: three real partnerships from the source studies, their councils'
venues and a few hundred generated (seeded, so always the same) staff per council.

Loading twice changes nothing; loading into a database that holds anything that
is not demo data is refused.
"""

from __future__ import annotations

import datetime
import math
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext

from partnering.core import audit, changes
from partnering.core.models import Sharing
from partnering.demo.assessment import load_assessment
from partnering.demo.community import load_community
from partnering.demo.costs import COST_PARTNERSHIPS, load_costs
from partnering.demo.directory import load_directory
from partnering.demo.meetings import load_meetings
from partnering.demo.programmes import load_programmes
from partnering.demo.workforce import load_workforce
from partnering.organisations.models import Council, Membership, Partnership, Venue
from partnering.organisations.reference import ReferenceCouncil, partnership_kind, read_councils, slugify
from partnering.people.models import CouncilRole, Employment, PartnershipRole, Person

DEMO_PASSWORD = "partnering-demo"
DEMO_DOMAIN = "demo.test"
SEED = 20151
DEMO_PARTNERSHIPS = (
    "South West Wales Workforce Development Network",
    "North Wales Legal Services Collaboration",
    "GO Shared Services",
)
SHARED_PERSON = ("shared", "Siân Morgan-Hughes", ("swansea", Decimal("0.6")), ("neath-port-talbot", Decimal("0.4")))
# Memberships whose start is not in the studies are dated from the start of 2015/16.
DEFAULT_JOINED = datetime.date(2015, 4, 1)

BRAND_COLOURS = ["#1d70b8", "#00703c", "#4c2c92", "#912b88", "#d4351c", "#005a30", "#003078", "#6f3c00", "#28a197"]
FIRST_NAMES = [
    "Rhys", "Carys", "Dylan", "Ffion", "Gareth", "Nia", "Owain", "Seren", "Iwan", "Cerys", "Aled", "Lowri",
    "Tomos", "Megan", "Emyr", "Bethan", "Huw", "Catrin", "Sion", "Elin", "James", "Sarah", "David", "Emma",
    "Mark", "Laura", "Paul", "Rachel", "Andrew", "Hannah", "Peter", "Sophie", "Ian", "Claire", "Simon", "Helen",
    "Amir", "Priya", "Tariq", "Mei", "Kwame", "Ola", "Jakub", "Agnieszka", "Liam", "Chloe", "Owen", "Grace",
]
SURNAMES = [
    "Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths",
    "Price", "Jenkins", "Owen", "Rees", "Powell", "Pritchard", "Parry", "Lloyd", "Edwards", "Smith", "Taylor",
    "Brown", "Wilson", "Walker", "Wright", "Clarke", "Hall", "Green", "Khan", "Patel", "Begum", "Nowak",
]
JOB_TITLES = [
    "Social Worker", "Care Assistant", "Customer Services Adviser", "Team Leader", "Planning Officer",
    "Environmental Health Officer", "Highways Engineer", "Revenues Officer", "Benefits Assessor", "HR Adviser",
    "Learning and Development Officer", "ICT Support Analyst", "Finance Officer", "Solicitor", "Legal Assistant",
    "Waste Operative", "Housing Officer", "Library Assistant", "Project Manager", "Administrator",
]
VENUE_KINDS = [
    ("Civic Centre", 0.0, 60, True, Sharing.PARTNERSHIP),
    ("Training Centre", 8.0, 24, True, Sharing.PUBLIC),
    ("Depot Training Room", 15.0, 12, False, Sharing.PRIVATE),
]


class NotDemoDatabase(Exception):
    """The database already holds data that is not from the demo."""


@dataclass
class DemoReport:
    councils: int = 0
    partnerships: int = 0
    venues: int = 0
    people_created: int = 0
    employments_created: int = 0
    returns: int = 0
    overlap_groups: int = 0
    sessions: int = 0
    cost_records: int = 0  # cost pools, funding and pooled entitlements' records added this time
    programme_records: int = 0  # programmes, projects and their entries, agreements, reports and newsletters added this time
    directory_records: int = 0  # the expertise directory's skills, profiles, tiers, requests and asks added this time
    meetings_records: int = 0  # the North Wales legal board's (and SIG chairs') bodies, meetings, decisions and actions added
    community_records: int = 0  # groups, members, threads, documents, events and priorities added this time
    accounts: list[tuple[str, str]] = field(default_factory=list)


def _is_demo_email(email: str) -> bool:
    return email == DEMO_DOMAIN or email.endswith(f"@{DEMO_DOMAIN}") or email.endswith(f".{DEMO_DOMAIN}")


def check_database_is_demo_only(references: list[ReferenceCouncil]) -> None:
    council_slugs = {ref.slug for ref in references}
    partnership_slugs = {slugify(ref.partnership) for ref in references}
    foreign_people = [e for e in Person.objects.values_list("email", flat=True) if not _is_demo_email(e)]
    foreign_councils = Council.objects.exclude(slug__in=council_slugs).values_list("name", flat=True)
    foreign_partnerships = Partnership.objects.exclude(slug__in=partnership_slugs).values_list("name", flat=True)
    problems = []
    if foreign_people:
        problems.append(f"{len(foreign_people)} people outside @{DEMO_DOMAIN} (for example {foreign_people[0]})")
    if foreign_councils:
        problems.append(f"councils not in the reference data ({', '.join(foreign_councils[:3])})")
    if foreign_partnerships:
        problems.append(f"partnerships not in the reference data ({', '.join(foreign_partnerships[:3])})")
    if problems:
        raise NotDemoDatabase(
            "This database already holds data that is not from the demo: " + "; ".join(problems) + ". "
            "Load the demo into an empty database (for example a new SQLite file)."
        )


def _offset(lat: float, lon: float, km: float, bearing_degrees: float) -> tuple[float, float]:
    """A point `km` from (lat, lon) on the given bearing, close enough for demo venues."""
    bearing = math.radians(bearing_degrees)
    dlat = km * math.cos(bearing) / 111.32
    dlon = km * math.sin(bearing) / (111.32 * math.cos(math.radians(lat)))
    return round(lat + dlat, 5), round(lon + dlon, 5)


def _load_councils(references) -> dict[str, Council]:
    councils = {}
    for index, ref in enumerate(references):
        council, _ = Council.objects.update_or_create(
            slug=ref.slug,
            defaults=dict(
                name=ref.name,
                short_name=ref.short_name,
                gss_code=ref.gss_code,
                country=ref.country,
                region=ref.region,
                hq_town=ref.hq_town,
                latitude=ref.latitude,
                longitude=ref.longitude,
                headcount=ref.headcount,
                service_expenditure_pence=ref.service_expenditure_pence,
                brand_colour=BRAND_COLOURS[index % len(BRAND_COLOURS)],
                email_domain=f"{ref.slug}.{DEMO_DOMAIN}",
            ),
        )
        councils[ref.slug] = council
    return councils


def _load_partnerships(references, councils) -> dict[str, Partnership]:
    partnerships = {}
    for ref in references:
        slug = slugify(ref.partnership)
        if slug not in partnerships:
            years = [r.joined_year for r in references if r.partnership == ref.partnership and r.joined_year]
            partnerships[slug], _ = Partnership.objects.update_or_create(
                slug=slug,
                defaults=dict(
                    name=ref.partnership,
                    kind=partnership_kind(ref.partnership),
                    formed_on=datetime.date(min(years), 4, 1) if years else None,
                ),
            )
        joined = datetime.date(ref.joined_year, 4, 1) if ref.joined_year else DEFAULT_JOINED
        Membership.objects.get_or_create(partnership=partnerships[slug], council=councils[ref.slug], joined_on=joined)
    return partnerships


def _load_venues(ref: ReferenceCouncil, council: Council, partnership: Partnership, rng: random.Random):
    venues = []
    for name, km, capacity, step_free, sharing in VENUE_KINDS:
        lat, lon = _offset(ref.latitude, ref.longitude, km, rng.uniform(0, 360))
        venue, _ = Venue.objects.get_or_create(
            council=council,
            name=f"{ref.hq_town} {name}",
            defaults=dict(
                address=f"{rng.randint(1, 120)} High Street\n{ref.hq_town}",
                latitude=lat,
                longitude=lon,
                capacity=capacity,
                step_free_access=step_free,
                sharing=sharing,
                shared_with=partnership if sharing == Sharing.PARTNERSHIP else None,
            ),
        )
        venues.append(venue)
    return venues


@dataclass
class _PlannedEmployment:
    email: str
    council: Council
    job_title: str
    fte: Decimal
    start_on: datetime.date
    work_base: Venue | None
    roles: tuple[str, ...]


def _plan_staff(refs, councils, venues_by_council, rng) -> tuple[dict[str, str], list[_PlannedEmployment]]:
    """Names by email, and every employment of the generated staff, in a fixed order."""
    names: dict[str, str] = {}
    plans: list[_PlannedEmployment] = []
    by_partnership: dict[str, list[ReferenceCouncil]] = {}
    for ref in refs:
        by_partnership.setdefault(ref.partnership, []).append(ref)
    for ref in refs:
        size = ref.headcount if ref.headcount and ref.headcount <= 400 else rng.randint(220, 340)
        partners = [r for r in by_partnership[ref.partnership] if r.slug != ref.slug]
        for number in range(1, size + 1):
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            email = f"{first.lower()}.{last.lower()}.{number}@{ref.slug}.{DEMO_DOMAIN}"
            names[email] = f"{first} {last}"
            start = datetime.date(rng.randint(2005, 2024), rng.randint(1, 12), 1)
            roles = ("staff", "trainer") if rng.random() < 0.03 else ("staff",)
            title = rng.choice(JOB_TITLES)
            second = partners and rng.random() < 0.1
            fte = Decimal("0.5") if second else Decimal(rng.choice(["1", "1", "1", "0.8", "0.6"]))
            venues = venues_by_council[ref.slug]
            plans.append(_PlannedEmployment(email, councils[ref.slug], title, fte, start, rng.choice(venues), roles))
            if second:
                other = rng.choice(partners)
                plans.append(
                    _PlannedEmployment(
                        email, councils[other.slug], title, Decimal("0.5"), start, rng.choice(venues_by_council[other.slug]), roles
                    )
                )
    return names, plans


def _create_employments(plans: list[_PlannedEmployment], people: dict[str, Person]) -> int:
    existing = set(Employment.objects.filter(end_on__isnull=True).values_list("person__email", "council_id"))
    new = [plan for plan in plans if (plan.email, plan.council.pk) not in existing]
    created = Employment.objects.bulk_create(
        Employment(
            person=people[plan.email],
            council=plan.council,
            job_title=plan.job_title,
            fte=plan.fte,
            start_on=plan.start_on,
            work_base=plan.work_base,
        )
        for plan in new
    )
    roles = CouncilRole.objects.bulk_create(
        CouncilRole(employment=employment, role=role) for employment, plan in zip(created, new, strict=False) for role in plan.roles
    )
    audit.record_created(created, description=gettext("Demo staff: %(count)d employments"))  # bulk_create sends no signals
    audit.record_created(roles, description=gettext("Demo staff: %(count)d roles"))
    return len(created)


def _ensure_people(names: dict[str, str], password_hash: str, demo_accounts: set[str]) -> tuple[dict[str, Person], int]:
    existing = set(Person.objects.filter(email__in=names).values_list("email", flat=True))
    missing = [
        Person(email=email, full_name=name, password=password_hash if email in demo_accounts else "!demo-no-login")
        for email, name in names.items()
        if email not in existing
    ]
    audit.record_created(Person.objects.bulk_create(missing, batch_size=500), description=gettext("Demo staff: %(count)d people"))
    return {p.email: p for p in Person.objects.filter(email__in=names)}, len(missing)


@transaction.atomic
def load_demo() -> DemoReport:
    references = read_councils()
    check_database_is_demo_only(references)
    rng = random.Random(SEED)
    report = DemoReport()
    councils = _load_councils(references)
    partnerships = _load_partnerships(references, councils)
    report.councils, report.partnerships = len(councils), len(partnerships)

    demo_refs = [ref for ref in references if ref.partnership in DEMO_PARTNERSHIPS]
    venues_by_council = {
        ref.slug: _load_venues(ref, councils[ref.slug], partnerships[slugify(ref.partnership)], rng) for ref in demo_refs
    }
    report.venues = sum(len(v) for v in venues_by_council.values())
    names, plans = _plan_staff(demo_refs, councils, venues_by_council, rng)

    # Named demo accounts: a lead and a member of staff for every demo council, and the people the README lists.
    demo_accounts: dict[str, str] = {}
    for ref in demo_refs:
        council, base = councils[ref.slug], venues_by_council[ref.slug][0]
        for kind, title, roles in (
            ("lead", "Learning and Development Manager", ("lead", "staff")),
            ("staff", "Customer Services Adviser", ("staff",)),
        ):
            email = f"{kind}.{ref.slug}@{DEMO_DOMAIN}"
            demo_accounts[email] = f"{ref.short_name} {'L&D lead' if kind == 'lead' else 'staff member'}"
            plans.append(_PlannedEmployment(email, council, title, Decimal("1"), datetime.date(2015, 4, 1), base, roles))
    shared_email = f"{SHARED_PERSON[0]}@{DEMO_DOMAIN}"
    demo_accounts[shared_email] = SHARED_PERSON[1]
    for slug, fte in SHARED_PERSON[2:]:
        plans.append(
            _PlannedEmployment(
                shared_email, councils[slug], "Shared Training Officer", fte, datetime.date(2016, 9, 1),
                venues_by_council[slug][0], ("staff", "trainer"),
            )
        )
    for local, name in (("coordinator", "Rhian Pryce (regional project officer)"), ("scrutiny", "Cllr Geraint Bowen"), ("admin", "Site Administrator")):
        demo_accounts[f"{local}@{DEMO_DOMAIN}"] = name

    password_hash = make_password(DEMO_PASSWORD)
    people, report.people_created = _ensure_people({**names, **demo_accounts}, password_hash, set(demo_accounts))
    report.employments_created = _create_employments(plans, people)

    admin = people[f"admin@{DEMO_DOMAIN}"]
    if not admin.is_superuser:
        admin.is_superuser = admin.is_staff = True
        admin.save(update_fields=["is_superuser", "is_staff"])
    network = partnerships[slugify(DEMO_PARTNERSHIPS[0])]
    for local, role in (("coordinator", PartnershipRole.Role.COORDINATOR), ("scrutiny", PartnershipRole.Role.BOARD)):
        PartnershipRole.objects.get_or_create(
            person=people[f"{local}@{DEMO_DOMAIN}"], partnership=network, role=role, end_on=None,
            defaults={"start_on": datetime.date(2015, 4, 1)},
        )
    report.returns = _load_returns(demo_refs, councils, venues_by_council, by_partnership=partnerships)
    report.overlap_groups = _analyse_overlap([partnerships[slugify(name)] for name in DEMO_PARTNERSHIPS])
    report.sessions = _schedule_sessions([partnerships[slugify(name)] for name in DEMO_PARTNERSHIPS])
    _require_training([councils[ref.slug] for ref in demo_refs])
    # Shared money from the studies, entered through the costs services by the coordinator of those partnerships.
    coordinator = people[f"coordinator@{DEMO_DOMAIN}"]
    for name in COST_PARTNERSHIPS:
        partnership = partnerships[slugify(name)]
        PartnershipRole.objects.get_or_create(
            person=coordinator, partnership=partnership, role=PartnershipRole.Role.COORDINATOR, end_on=None,
            defaults={"start_on": partnership.formed_on or DEFAULT_JOINED},
        )
    report.cost_records = load_costs(partnerships, councils, actor=coordinator).added
    load_workforce(partnerships, councils, actor=coordinator)  # shared staff: posts, secondments, time, recruitment, terms
    report.programme_records = load_programmes(partnerships, councils, actor=coordinator).added
    report.directory_records = load_directory(partnerships, councils, actor=coordinator).added
    report.community_records = load_community(partnerships, actor=coordinator).added
    report.meetings_records = load_meetings(partnerships, councils, actor=coordinator).added
    load_assessment(partnerships, councils, actor=coordinator)  # HR integration self-assessments, pulse and client surveys
    report.accounts = sorted(demo_accounts.items())
    return report


def _require_training(demo_councils) -> None:
    """What each demo council requires: safeguarding and induction for staff, first aid for trainers."""
    from partnering.learning.models import Requirement

    wanted = [("staff", "Safeguarding Children Level 1", 36), ("staff", "Corporate Induction", None),
              ("trainer", "Emergency First Aid at Work", 36)]
    for council in demo_councils:
        for role, title, months in wanted:
            Requirement.objects.get_or_create(council=council, role=role, title=title, defaults={"refresh_months": months})


def _schedule_sessions(demo_partnerships) -> int:
    """Joint courses from each partnership's biggest overlap groups, with upcoming sessions at partner venues."""
    from datetime import timedelta

    from django.utils import timezone

    from partnering.learning.models import Course, Session
    from partnering.organisations.selectors import current_member_councils
    from partnering.overlap.models import OverlapGroup
    from partnering.reference.years import current_financial_year

    rng = random.Random(SEED + 5)
    start = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
    created = 0
    for partnership in demo_partnerships:
        if Course.objects.filter(partnership=partnership).exists():
            continue
        members = list(current_member_councils(partnership))
        venues = list(Venue.objects.filter(council__in=members).exclude(sharing=Sharing.PRIVATE).order_by("pk"))
        trainers = list(Employment.objects.current().filter(council__in=members, roles__role="trainer").order_by("pk")[:20])
        groups = OverlapGroup.objects.filter(partnership=partnership, year=current_financial_year(), council_count__gte=3).order_by("-learners")[:4]
        collecting = True
        for number, group in enumerate(groups):
            course = Course.objects.create(partnership=partnership, title=group.title, topic=group.topic,
                                           summary=f"A joint course for staff of every council in {partnership.name}.",
                                           language=["en", "bilingual", "cy", "en"][number % 4] if partnership.name.startswith(("South West", "North Wales")) else "en")
            course.commissioning_councils.set(members)
            for offset in (14 + 7 * number, 42 + 7 * number):
                session = Session.objects.create(course=course, starts_at=start + timedelta(days=offset),
                                                  ends_at=start + timedelta(days=offset, hours=6), venue=rng.choice(venues), capacity=16)
                session.trainers.set(rng.sample(trainers, k=min(2, len(trainers))))
                created += 1
            if collecting and not any(word in group.title.lower() for word in ("webinar", "e-learning", "elearning", "online")):
                _collect_interest(course, members, rng)  # one classroom course per partnership
                collecting = False
                created += 1
    return created


def _collect_interest(course, members, rng: random.Random) -> None:
    """A provisional session (no date or room yet) that staff across the partnership have said they would come to:
    the starting point for planning venues."""
    from partnering.learning.models import Interest, Session

    session = Session.objects.create(course=course, capacity=60)
    staff = list(Employment.objects.current().filter(council__in=members, roles__role="staff").order_by("pk"))
    chosen = {e.person_id: e for e in rng.sample(staff, k=min(90, len(staff)))}  # someone at two councils says so once
    interests = Interest.objects.bulk_create(Interest(session=session, person_id=e.person_id, council_id=e.council_id) for e in chosen.values())
    audit.record_created(interests, description=gettext("Demo interest: %(count)d people would come to a provisional session"))


def _analyse_overlap(demo_partnerships) -> int:
    """A starter glossary, then the overlap analysis for each demo partnership, as a coordinator would run it."""
    from partnering.glossary.starter import load as load_glossary
    from partnering.overlap.models import AnalysisRun, OverlapGroup
    from partnering.overlap.services import run_analysis
    from partnering.reference.years import current_financial_year

    load_glossary()
    year = current_financial_year()
    for partnership in demo_partnerships:
        run_analysis(AnalysisRun.objects.create(partnership=partnership, year=year))
    return OverlapGroup.objects.filter(partnership__in=demo_partnerships, year=year, council_count__gte=2).count()


def _load_returns(demo_refs, councils, venues_by_council, by_partnership) -> int:
    """Each demo council's return for this year, written as its spreadsheet and read by the real importer."""
    from partnering.demo.returns import demo_return_file
    from partnering.mapping.models import Return
    from partnering.mapping.services import import_return
    from partnering.reference.years import current_financial_year

    year = current_financial_year()
    loaded = 0
    for ref in demo_refs:
        council = councils[ref.slug]
        if Return.objects.filter(council=council, year=year, active_batch__isnull=False).exists():
            continue
        partners = [r.short_name for r in demo_refs if r.partnership == ref.partnership and r.slug != ref.slug]
        headcount = ref.headcount or Employment.objects.current().filter(council=council).count()
        filename, data = demo_return_file(
            council_name=ref.name, slug=ref.slug, year=year, venues=[v.name for v in venues_by_council[ref.slug]],
            partners=partners, headcount=headcount,
        )
        import_return(council=council, year=year, filename=filename, data=data)
        if filename.endswith(".csv"):  # a CSV has one sheet: the lead records investment in the form instead
            from decimal import Decimal

            from partnering.demo.returns import demo_investment
            from partnering.mapping.services import investment_save

            values = demo_investment(ref.slug, year, headcount)
            investment_save(council=council, year=year, actor=None, **{**values, "trainer_fte": Decimal(str(values["trainer_fte"]))})
        shared = Return.objects.filter(council=council, year=year).update(
            sharing=Sharing.PARTNERSHIP, shared_with=by_partnership[slugify(ref.partnership)]
        )
        audit.record_bulk(model=Return, council=council, action=audit.Action.UPDATE, count=shared,
                          description=gettext("Demo return shared with %(partnership)s") % {"partnership": ref.partnership})
        changes.bump(changes.FIGURES)  # shared past the signals
        loaded += 1
    return loaded
