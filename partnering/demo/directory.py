"""The demo's expertise directory, entered through the directory's own services (`partnering.directory.services`):

- a skills taxonomy in English and Welsh, each skill linked to the starter glossary's term where there is one;
- expertise profiles for Welsh-speaking trainers: the demo's shared trainer (`shared@demo.test`) and, for each council
  of the South West Wales network and the North Wales legal collaboration, its first two generated trainers (with
  Welsh more common where the councils' populations speak it most), each listed to their partnerships, some skills
  verified by their council's demo lead;
- support tiers (green, yellow, amber, red) for the South West Wales network, with each council's tier;
- a brokering request from Carmarthenshire for Welsh-medium equality training for 20 managers, the best two people
  from other councils asked by the coordinator.

Seeded, so always the same; loading twice changes nothing (every record is looked for first).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from partnering.access import scope_of
from partnering.core.dates import current_on, today
from partnering.directory import services
from partnering.directory.models import Ask, CouncilTier, HelpRequest, Profile, ProfileSkill, Skill, SupportTier
from partnering.glossary.models import Term
from partnering.people.models import CouncilRole, Employment, Person

SEED = 20131
DOMAIN = "demo.test"
NETWORK = "south-west-wales-workforce-development-network"
LEGAL = "north-wales-legal-services-collaboration"

# (English, Welsh, glossary term or None)
SKILLS = (
    ("Equality and diversity", "Cydraddoldeb ac amrywiaeth", "Equality and diversity"),
    ("Safeguarding", "Diogelu", "Safeguarding"),
    ("First aid", "Cymorth cyntaf", "First aid"),
    ("Welsh language", "Y Gymraeg", "Welsh language"),
    ("Cyber security awareness", "Ymwybyddiaeth seiberddiogelwch", "Cyber security awareness"),
    ("Manual handling", "Codi a chario", "Manual handling"),
    ("Induction", "Cyflwyniad", "Induction"),
    ("Coaching and mentoring", "Hyfforddi a mentora", None),
    ("Leadership and management", "Arweinyddiaeth a rheolaeth", None),
    ("Project management", "Rheoli prosiectau", None),
    ("Evaluation and impact measures", "Gwerthuso a mesur effaith", None),
    ("Digital inclusion", "Cynhwysiant digidol", None),
    ("Employment law", "Cyfraith cyflogaeth", None),
    ("Childcare law", "Cyfraith gofal plant", None),
    ("Property law", "Cyfraith eiddo", None),
)
LEGAL_SKILLS = ("Employment law", "Childcare law", "Property law")
GENERAL_SKILLS = tuple(name for name, _, _ in SKILLS if name not in LEGAL_SKILLS)
# Councils where most staff a demo draws would speak Welsh (the 2011 census's strongest Welsh-speaking areas).
WELSH_HEARTLANDS = {"gwynedd", "anglesey", "ceredigion", "carmarthenshire", "conwy", "denbighshire"}
TRAINERS_A_COUNCIL = 2

TIERS = (  # (name, colour, days a year, what it means)
    ("Green", "green", Decimal("1"), "Managing well: advice on request."),
    ("Yellow", "yellow", Decimal("3"), "Some gaps: a few days of a peer's time."),
    ("Amber", "amber", Decimal("5"), "Significant gaps: planned support from stronger peers."),
    ("Red", "red", Decimal("10"), "Serious risk: sustained support across the network."),
)
COUNCIL_TIERS = {"bridgend": "Green", "carmarthenshire": "Amber", "ceredigion": "Yellow", "swansea": "Green",
                 "neath-port-talbot": "Yellow", "pembrokeshire": "Red", "powys": "Amber"}

NEED = "Welsh-medium equality training for 20 managers in March"
ASKED = 2


@dataclass
class DirectorySummary:
    added: int = 0  # skills, profiles, skills held, verifications, tiers, requests and asks added this time


def _coming_march_end(day: datetime.date) -> datetime.date:
    end = datetime.date(day.year, 3, 31)
    return end if end >= day + datetime.timedelta(days=14) else datetime.date(day.year + 1, 3, 31)


def _skills(actor, summary) -> dict[str, Skill]:
    found = {}
    for name, welsh, term_name in SKILLS:
        skill = Skill.objects.filter(name=name).first()
        if skill is None:
            term = Term.objects.filter(english=term_name).first() if term_name else None
            skill = services.save_skill(actor=actor, name=name, welsh_name=welsh, term=term)
            summary.added += 1
        found[name] = skill
    return found


def _profile(person, summary, *, welsh_level, delivers, languages, days, about, skills, lead=None, verify=()):
    if not Profile.objects.filter(person=person).exists():
        services.save_profile(actor=person, about=about, welsh_level=welsh_level, delivers_in_welsh=delivers, training_languages=languages,
                              available_days=days, listed_to=Profile.Listed.PARTNERSHIPS)
        summary.added += 1
    for skill, depth in skills:
        held = ProfileSkill.objects.filter(profile__person=person, skill=skill).first()
        if held is None:
            held = services.add_skill(actor=person, skill=skill, depth=depth)
            summary.added += 1
        if lead is not None and skill.name in verify and not held.verified:
            services.verify_skill(actor=lead, held=held)
            summary.added += 1


def _trainers(council) -> list[Person]:
    """The council's first generated trainers (by email), who are not demo accounts."""
    jobs = (Employment.objects.filter(current_on(today(), "start_on", "end_on"), council=council, roles__role=CouncilRole.Role.TRAINER,
                                      person__email__endswith=f"@{council.slug}.{DOMAIN}")
            .select_related("person").order_by("person__email"))
    return [job.person for job in jobs[:TRAINERS_A_COUNCIL]]


def _tiers(partnership, councils, actor, summary) -> None:
    tiers = {}
    for order, (name, colour, days, meaning) in enumerate(TIERS, start=1):
        tier = SupportTier.objects.filter(partnership=partnership, name=name).first()
        if tier is None:
            tier = services.create_tier(actor=actor, partnership=partnership, name=name, colour=colour, days_a_year=days,
                                        description=meaning, order=order)
            summary.added += 1
        tiers[name] = tier
    missing = {councils[slug].pk: tiers[name] for slug, name in COUNCIL_TIERS.items()
               if slug in councils and not CouncilTier.objects.filter(partnership=partnership, council=councils[slug]).exists()}
    if missing:
        summary.added += services.set_council_tiers(actor=actor, partnership=partnership, tiers=missing)


def _request(partnership, councils, actor, summary, shared) -> None:
    council = councils["carmarthenshire"]
    lead = Person.objects.get(email=f"lead.carmarthenshire@{DOMAIN}")
    request = HelpRequest.objects.filter(partnership=partnership, council=council, need=NEED).first()
    if request is None:
        request = services.create_request(
            actor=lead, partnership=partnership, council=council, need=NEED, needed_by=_coming_march_end(today()),
            details="A one-day course for service managers, in Welsh, at our offices in Carmarthen.",
            audience="Service managers", people_count=20, in_welsh=True, days_estimate=Decimal("2"))
        summary.added += 1
    if request.asks.exists():
        return
    # The coordinator asks the demo's shared trainer and the best match from another council besides.
    matches = [m for m in services.matches_for(scope_of(actor), request) if m.other_council]
    chosen = [shared.pk] + [int(m.person_id) for m in matches if int(m.person_id) != shared.pk]
    for person in Person.objects.filter(pk__in=chosen[:ASKED]):
        if not Ask.objects.filter(request=request, person=person).exists():
            services.ask_person(actor=actor, request=request, person=person,
                                message="Could you deliver this in Welsh? Carmarthenshire would host and cover travel.")
            summary.added += 1


def load_directory(partnerships: dict, councils: dict, actor) -> DirectorySummary:
    """Load the directory's demo records through the services. `actor` coordinates the South West Wales network and
    keeps the taxonomy; `partnerships` and `councils` are keyed by slug."""
    summary = DirectorySummary()
    skills = _skills(actor, summary)
    shared = Person.objects.get(email=f"shared@{DOMAIN}")
    _profile(shared, summary, welsh_level=5, delivers=True, languages="Welsh, English", days=Decimal("6"),
             about="Co-delivers equality and safeguarding courses for Swansea and Neath Port Talbot, in Welsh or English.",
             skills=[(skills["Equality and diversity"], ProfileSkill.Depth.TRAINER), (skills["Safeguarding"], ProfileSkill.Depth.EXPERT),
                     (skills["Welsh language"], ProfileSkill.Depth.TRAINER)],
             lead=Person.objects.get(email=f"lead.swansea@{DOMAIN}"), verify={"Equality and diversity", "Safeguarding"})
    rng = random.Random(SEED)
    for slug in (NETWORK, LEGAL):
        partnership = partnerships[slug]
        members = sorted(c.slug for c in partnership.councils.all() if c.slug in councils)
        for council_slug in members:
            council = councils[council_slug]
            lead = Person.objects.filter(email=f"lead.{council_slug}@{DOMAIN}").first()
            pool = GENERAL_SKILLS + (LEGAL_SKILLS * 2 if slug == LEGAL else ())
            for person in _trainers(council):
                welsh = rng.random() < (0.8 if council_slug in WELSH_HEARTLANDS else 0.35)
                level = rng.choice([4, 5, 5]) if welsh else rng.choice([0, 1, 2])
                held = [(skills[name], rng.choice([2, 3, 4])) for name in dict.fromkeys(rng.sample(pool, 3))]
                _profile(person, summary, welsh_level=level, delivers=welsh, languages="Welsh, English" if welsh else "English",
                         days=Decimal(rng.choice([1, 2, 3, 4, 6])),
                         about=f"{'Bilingual' if welsh else 'English-medium'} trainer at {council.name}.",
                         skills=held, lead=lead, verify={held[0][0].name} if lead else set())
    network = partnerships[NETWORK]
    _tiers(network, councils, actor, summary)
    _request(network, councils, actor, summary, shared)
    return summary
