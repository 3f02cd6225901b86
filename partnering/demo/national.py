"""A synthetic United Kingdom for load and query-count tests: every council (about 400), two million staff,
several hundred thousand provision lines, joint courses, sessions and bookings.

Nothing here is real: councils are named after invented places ("Ashford District Council"), their GSS codes
are numbered from 900000 (no real code is), every email ends in national.test, and every partnership says in
its description that it was generated. `manage.py generate_national` runs it.

Why this bypasses the services and their audit: the services write one row at a time and audit each one,
which at two million people would take hours and fill the audit trail with synthetic entries. This is
benchmark data, not anyone's records, so it is written straight into the tables (PostgreSQL COPY, or
executemany elsewhere) with ids allocated here, in batches, a partnership at a time, and the audit gets one
summary entry per table saying how many generated rows were written. The data still keeps every database
constraint, and the generator refuses a database that holds anything else unless told `force`.
"""

from __future__ import annotations

import datetime
import itertools
import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext

from partnering.core import audit, changes
from partnering.core.models import Sharing
from partnering.demo.loader import FIRST_NAMES, JOB_TITLES, SURNAMES
from partnering.learning.models import Booking, Course, Session
from partnering.mapping.models import ImportBatch, Investment, Provision, Return, Topic
from partnering.organisations.models import Council, Membership, Partnership, Venue
from partnering.organisations.reference import slugify
from partnering.overlap.models import AnalysisRun, GroupLine, OverlapGroup
from partnering.people.models import CouncilRole, Employment, PartnershipRole, Person
from partnering.reference.years import current_financial_year

NATIONAL_DOMAIN = "national.test"
NATIONAL_PASSWORD = "partnering-national"
MARKER = "Synthetic national-scale benchmark data (manage.py generate_national)."
BATCH_ROWS = 20_000
JOINED = datetime.date(2015, 4, 1)

# Council types by nation, with each type's share of that nation's councils, GSS prefix and relative size.
ENGLISH_TYPES = (("county", 0.07, "E10", 4.0), ("district", 0.50, "E07", 0.6), ("unitary", 0.19, "E06", 2.5),
                 ("metropolitan", 0.13, "E08", 3.0), ("London borough", 0.11, "E09", 2.0))
NATIONS = (("England", 0.835), ("Wales", 0.055), ("Scotland", 0.08), ("Northern Ireland", 0.03))
OTHER_TYPES = {"Wales": ("unitary", "W06", 1.5), "Scotland": ("unitary", "S12", 2.0), "Northern Ireland": ("district", "N09", 0.8)}
REGIONS = {  # region: (latitude, longitude) of somewhere near its middle
    "England": {"North East": (54.9, -1.6), "North West": (53.7, -2.6), "Yorkshire and the Humber": (53.8, -1.3),
                "East Midlands": (52.9, -1.0), "West Midlands": (52.5, -2.0), "East of England": (52.2, 0.4),
                "South East": (51.3, -0.6), "South West": (50.9, -3.3)},
    "London": {"London": (51.5, -0.1)},
    "Wales": {"North Wales": (53.1, -3.6), "Mid Wales": (52.4, -3.5), "South West Wales": (51.8, -4.1), "South East Wales": (51.6, -3.2)},
    "Scotland": {"North Scotland": (57.4, -4.3), "East Scotland": (56.3, -3.0), "West Scotland": (55.8, -4.5), "South Scotland": (55.3, -3.4)},
    "Northern Ireland": {"Northern Ireland": (54.6, -6.5)},
}
PLACE_PARTS = {
    "England": (["Ash", "Bram", "Brook", "Calder", "Thorn", "Kings", "Ox", "Wey", "Ald", "Elm", "Fair", "Hart", "High", "Long",
                 "Marsh", "New", "North", "Oak", "Red", "Rose", "Salt", "Stan", "Stone", "Sut", "Ted", "Up", "West", "Whit",
                 "Wood", "Bar", "Cran", "Fern", "Gold", "Hol", "Lang", "Mel", "Rother", "Ames", "Bex", "Chil"],
                ["ford", "ton", "bury", "ham", "wick", "field", "ley", "by", "mouth", "stead", "bridge", "well", "dale",
                 "minster", "combe", "worth"]),
    "Wales": (["Aber", "Llan", "Pont", "Caer", "Tre", "Pen", "Bryn", "Cwm", "Porth", "Ystrad"],
              ["gwyn", "fair", "tawe", "dulais", "wen", "mawr", "goch", "nant", "ddu", "hir"]),
    "Scotland": (["Glen", "Inver", "Kil", "Dun", "Strath", "Bal", "Auch", "Loch", "Kin", "Ard"],
                 ["more", "ross", "lochy", "fern", "garry", "dee", "ochy", "brae", "bannock", "lair"]),
    "Northern Ireland": (["Bally", "Dun", "Carrick", "Lis", "Rath", "Drum", "Kil", "Ennis", "Castle", "Newtown"],
                         ["more", "gannon", "fergus", "burn", "keel", "clare", "lough", "beg", "anny", "derg"]),
}
PLACE_PREFIXES = ["", "Upper ", "Lower ", "Great ", "Little ", "East ", "West "]
# (title, topic, delivery method, accreditation, level, hours, nations it is found in or None for all)
COURSES = [
    ("ILM Level 3 Award in Leadership and Management", "Leadership and management", "classroom", "ILM", "3", 21, None),
    ("ILM Level 5 Certificate in Leadership and Management", "Leadership and management", "blended", "ILM", "5", 42, None),
    ("Coaching Skills for Managers", "Leadership and management", "coaching", "", "", 12, None),
    ("Safeguarding Adults Level 1", "Safeguarding", "e-learning", "", "1", 2, None),
    ("Safeguarding Children Level 2", "Safeguarding", "classroom", "", "2", 6, None),
    ("Domestic Abuse Awareness", "Safeguarding", "live-online", "", "", 3, None),
    ("Prevent Awareness", "Safeguarding", "e-learning", "", "", 1, None),
    ("Emergency First Aid at Work", "First aid", "classroom", "HSE", "", 6, None),
    ("First Aid at Work", "First aid", "classroom", "HSE", "", 18, None),
    ("Mental Health First Aid", "Health and wellbeing", "classroom", "MHFA England", "", 14, None),
    ("Stress Awareness", "Health and wellbeing", "live-online", "", "", 3, None),
    ("Manual Handling", "Health and safety", "classroom", "", "", 3, None),
    ("IOSH Managing Safely", "Health and safety", "classroom", "IOSH", "", 24, None),
    ("Fire Warden Training", "Health and safety", "classroom", "", "", 3, None),
    ("Food Hygiene Level 2", "Health and safety", "e-learning", "CIEH", "2", 3, None),
    ("Equality and Diversity Awareness", "Equality and diversity", "e-learning", "", "", 1.5, None),
    ("Unconscious Bias", "Equality and diversity", "live-online", "", "", 3, None),
    ("Customer Care Essentials", "Customer service", "classroom", "", "", 6, None),
    ("Conflict Resolution", "Customer service", "classroom", "", "", 6, None),
    ("Excel Intermediate", "IT and digital", "classroom", "", "", 6, None),
    ("Cyber Security Awareness", "IT and digital", "e-learning", "", "", 1, None),
    ("Digital Skills for Frontline Staff", "IT and digital", "blended", "", "", 6, None),
    ("GDPR and Data Protection", "Information governance", "e-learning", "", "", 1.5, None),
    ("Freedom of Information Requests", "Information governance", "live-online", "", "", 3, None),
    ("Recruitment and Selection", "HR and people management", "classroom", "", "", 6, None),
    ("Managing Attendance", "HR and people management", "classroom", "", "", 3, None),
    ("Disciplinary and Grievance Investigations", "HR and people management", "classroom", "", "", 12, None),
    ("Change Management Essentials", "Managing change", "classroom", "", "", 6, None),
    ("Budget Management for Managers", "Finance", "classroom", "", "", 6, None),
    ("Procurement Basics", "Finance", "e-learning", "CIPS", "", 3, None),
    ("Welsh for Beginners", "Welsh language", "classroom", "", "Entry", 30, {"Wales"}),
    ("Corporate Induction", "Induction", "blended", "", "", 4, None),
    ("Time Management", "Personal effectiveness", "live-online", "", "", 3, None),
    ("Presentation Skills", "Personal effectiveness", "classroom", "", "", 6, None),
    ("Minute Taking", "Personal effectiveness", "classroom", "", "", 3, None),
    ("Report Writing", "Professional and technical", "classroom", "", "", 6, None),
    ("PRINCE2 Foundation", "Professional and technical", "classroom", "PRINCE2", "", 21, None),
    ("Councillor Induction", "Elected members", "event", "", "", 6, None),
    ("Chairing Skills for Councillors", "Elected members", "classroom", "", "", 3, None),
]
# Each course also comes for particular audiences or depths; the plain course is the commonest. A council's lines are
# drawn from these, so a group of equivalent provision holds a few lines from each council, as real returns do.
QUALIFIERS = (("", 6), (" for Managers", 1), (" for Frontline Staff", 1), (" Refresher", 1), (" Advanced", 1), (" Awareness", 1),
              (" Workshop", 1), (" Masterclass", 1))
TEMPLATES = [(title + qualifier, *rest) for title, *rest in COURSES for qualifier, _weight in QUALIFIERS]
TEMPLATE_WEIGHTS = [weight for _course in COURSES for _qualifier, weight in QUALIFIERS]
# Courses only one council runs, named after it: they stay alone in the overlap report.
LOCAL_COURSES = [("Highways Inspection Procedures", "Professional and technical"), ("Waste Collection Induction", "Induction"),
                 ("Council Tax Recovery Procedures", "Finance"), ("Planning Committee Briefing", "Elected members"),
                 ("Library Services Induction", "Induction"), ("Social Care Records System Training", "IT and digital")]
VARIANTS = ["{}", "{}", "{}", "{} (refresher)", "{} - half day", "{}: online module", "{} for managers"]
PROVIDERS = ["Northgate Learning Ltd", "Civic Skills Ltd", "Meridian Training", "Public Sector Academy", "Beacon Development",
             "Harbour Consulting", "Keystone Safety Training", "Lighthouse Coaching", "Pennant Associates", "Crossroads Learning",
             "Summit Leadership", "Riverside Training Partnership", "Compass HR Services", "Anchor First Aid", "Greenfield Digital"]
VENUE_KINDS = (("Civic Centre", 0.0, 60, True, Sharing.PARTNERSHIP), ("Training Centre", 8.0, 24, True, Sharing.PUBLIC),
               ("Depot Training Room", 15.0, 12, False, Sharing.PRIVATE))
PARTNERSHIP_KINDS = [Partnership.Kind.NETWORK] * 4 + [Partnership.Kind.CONSORTIUM, Partnership.Kind.HUB]


class NotGeneratedDatabase(Exception):
    """The database holds data that the generator did not make, or a national dataset already."""


@dataclass(frozen=True)
class Scale:
    councils: int = 400
    staff: int = 2_000_000
    provision: int = 300_000
    seed: int = 17


@dataclass
class NationalReport:
    rows: dict[str, int] = field(default_factory=dict)  # table -> rows written
    seconds: float = 0.0
    database_bytes: int | None = None
    # The largest partnership and its largest council: what the load benchmark signs in to.
    partnership_slug: str = ""
    council_slug: str = ""
    accounts: dict[str, str] = field(default_factory=dict)  # kind (coordinator, lead, staff) -> email


@dataclass
class _Council:
    pk: int
    slug: str
    name: str
    place: str
    nation: str
    region: str
    kind: str
    gss_prefix: str
    weight: float
    latitude: float
    longitude: float
    staff: int = 0
    lines: int = 0
    venue_ids: list[int] = field(default_factory=list)  # civic centre (shared), training centre (public), depot (private)
    first_person: int = 0  # its generated staff have consecutive ids from here (primary employments)
    people: int = 0


def check_database(*, force: bool) -> None:
    """Refuse a database with a national dataset already in it, and (unless forced) one holding anything else."""
    domain = Q(email_domain__endswith=f".{NATIONAL_DOMAIN}")
    if Council.objects.filter(domain).exists():
        raise NotGeneratedDatabase("This database already holds a generated national dataset. Generate into a fresh, "
                                   "migrated database (for example: createdb, then manage.py migrate).")
    if force:
        return
    problems = []
    if Council.objects.exists():
        problems.append(f"{Council.objects.count()} councils (for example {Council.objects.first().name})")
    if Partnership.objects.exists():
        problems.append(f"{Partnership.objects.count()} partnerships")
    people = Person.objects.exclude(Q(email__endswith=f"@{NATIONAL_DOMAIN}") | Q(email__endswith=f".{NATIONAL_DOMAIN}"))
    if people.exists():
        problems.append(f"{people.count()} people (for example {people.first().email})")
    if problems:
        raise NotGeneratedDatabase("This database already holds data the generator did not make: " + "; ".join(problems)
                                   + ". Generate into a fresh, migrated database, or pass --force to add synthetic councils beside it.")


class _Ids:
    """Ids handed out here, so rows can refer to each other before they are written."""

    def __init__(self):
        self.next: dict[type, int] = {}

    def take(self, model, count: int = 1) -> int:
        if model not in self.next:
            self.next[model] = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        first = self.next[model]
        self.next[model] += count
        return first


class _Table:
    """Rows for one table, written in batches: COPY on PostgreSQL, executemany elsewhere. Columns not given get
    their field's default (auto_now fields: the time the generator started)."""

    def __init__(self, model, columns: list[str], now, *, table: str | None = None, after: _Table | None = None):
        self.model = model
        self.after = after  # a table whose rows these read as they go in: written first
        meta = model._meta
        self.table = table or meta.db_table
        by_name = {f.name: f for f in meta.concrete_fields} | {f.attname: f for f in meta.concrete_fields}
        self.fields = [by_name[name] for name in columns]
        self.filled = [f for f in meta.concrete_fields if f.name not in columns and f.attname not in columns and not f.primary_key]
        self.postgres = connection.vendor == "postgresql"
        self.defaults = tuple(self._default(f, now) for f in self.filled)
        self.columns = [f.column for f in self.fields] + [f.column for f in self.filled]
        self.rows: list[tuple] = []
        self.written = 0

    def _default(self, f, now):
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            value = now
        elif isinstance(f, models.FileField):
            value = ""  # generated lines come from no file
        else:
            value = f.get_default()
        if self.postgres:
            return json.dumps(value) if isinstance(f, models.JSONField) else value
        return f.get_db_prep_save(value, connection)

    def add(self, *values) -> None:
        self.rows.append(values + self.defaults)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        if self.after is not None:
            self.after.flush()
        names = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with connection.cursor() as cursor:
            if self.postgres:
                with cursor.cursor.copy(f"COPY {connection.ops.quote_name(self.table)} ({names}) FROM STDIN") as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                given = len(self.fields)
                prepared = [tuple(f.get_db_prep_save(v, connection) for f, v in zip(self.fields, row[:given], strict=True)) + row[given:]
                            for row in self.rows]
                cursor.executemany(f"INSERT INTO {connection.ops.quote_name(self.table)} ({names}) VALUES "
                                   f"({', '.join(['%s'] * len(self.columns))})", prepared)
        self.written += len(self.rows)
        self.rows = []


def _share(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, in whole numbers that add up (largest remainders first)."""
    if not weights:
        return []
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [math.floor(x) for x in exact]
    for index in sorted(range(len(weights)), key=lambda i: counts[i] - exact[i])[: total - sum(counts)]:
        counts[index] += 1
    return counts


def _place_names(nation: str, rng: random.Random, taken: set[str]):
    stems, endings = PLACE_PARTS[nation]
    for prefix in PLACE_PREFIXES:
        names = [f"{prefix}{stem}{ending}" for stem in stems for ending in endings]
        rng.shuffle(names)
        for name in names:
            if name not in taken:
                taken.add(name)
                yield name
    raise NotGeneratedDatabase(f"Not enough invented place names in {nation} for that many councils.")


def _council_name(place: str, nation: str, kind: str) -> str:
    if kind == "London borough":
        return f"London Borough of {place}"
    if nation == "England":
        return {"county": f"{place} County Council", "district": f"{place} District Council",
                "metropolitan": f"{place} Metropolitan Borough Council"}.get(kind, f"{place} Council")
    return f"{place} Borough Council" if nation == "Northern Ireland" else f"{place} Council"


def _plan_councils(count: int, rng: random.Random, ids: _Ids) -> list[_Council]:
    taken = set(Council.objects.values_list("short_name", flat=True))
    names_taken = set(Council.objects.values_list("name", flat=True))
    planned: list[_Council] = []
    for (nation, _share_of), in_nation in zip(NATIONS, _share(count, [s for _n, s in NATIONS]), strict=True):
        kinds = ([(kind, n, prefix, weight) for (kind, _s, prefix, weight), n in zip(ENGLISH_TYPES, _share(in_nation, [t[1] for t in ENGLISH_TYPES]), strict=True)]
                 if nation == "England" else [(OTHER_TYPES[nation][0], in_nation, *OTHER_TYPES[nation][1:])])
        places = _place_names(nation, rng, taken)
        for kind, n, prefix, weight in kinds:
            regions = REGIONS["London"] if kind == "London borough" else REGIONS[nation]
            for _i in range(n):
                place = next(places)
                while _council_name(place, nation, kind) in names_taken:
                    place = next(places)
                name = _council_name(place, nation, kind)
                region = rng.choice(sorted(regions))
                lat, lon = regions[region]
                planned.append(_Council(0, slugify(name), name, place, nation, region, kind, prefix, weight * rng.uniform(0.7, 1.3),
                                        round(lat + rng.uniform(-0.5, 0.5), 5), round(lon + rng.uniform(-0.6, 0.6), 5)))
    planned.sort(key=lambda c: (c.nation, c.region, c.name))
    first = ids.take(Council, len(planned))
    for offset, council in enumerate(planned):
        council.pk = first + offset
    return planned


def _group_into_partnerships(councils: list[_Council], rng: random.Random) -> list[list[_Council]]:
    """Neighbouring councils (same nation, ordered by region) in groups of 5 to 15; a nation with fewer than 5
    councils makes one smaller group."""
    groups = []
    for nation, _s in NATIONS:
        remaining = [c for c in councils if c.nation == nation]
        while remaining:
            size = min(rng.randint(5, 15), len(remaining))
            if 0 < len(remaining) - size < 5:
                size = len(remaining) if len(remaining) <= 15 else len(remaining) - 5
            groups.append(remaining[:size])
            remaining = remaining[size:]
    return groups


def _offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    radians = math.radians(bearing)
    return (round(lat + km * math.cos(radians) / 111.32, 5),
            round(lon + km * math.sin(radians) / (111.32 * math.cos(math.radians(lat))), 5))


def generate(scale: Scale, *, force: bool = False, progress: Callable[[str], None] = lambda message: None) -> NationalReport:
    """Write a synthetic national dataset at `scale`; see the module's docstring for why it bypasses the services."""
    started = time.monotonic()
    check_database(force=force)
    rng = random.Random(scale.seed)
    now = timezone.now()
    year = current_financial_year()
    ids = _Ids()
    report = NationalReport()
    topics = dict(Topic.objects.values_list("name", "pk"))
    usable_password = make_password(NATIONAL_PASSWORD)

    councils = _plan_councils(scale.councils, rng, ids)
    groups = _group_into_partnerships(councils, rng)
    for council, staff, lines in zip(councils, _share(scale.staff, [c.weight for c in councils]),
                                     _share(scale.provision, [c.weight for c in councils]), strict=True):
        council.staff, council.lines = staff, lines

    tables = {
        "council": _Table(Council, ["id", "name", "short_name", "slug", "gss_code", "country", "region", "hq_town", "latitude",
                                    "longitude", "headcount", "service_expenditure_pence", "brand_colour", "email_domain"], now),
        "partnership": _Table(Partnership, ["id", "name", "slug", "kind", "formed_on", "description"], now),
        "membership": _Table(Membership, ["partnership_id", "council_id", "joined_on"], now),
        "venue": _Table(Venue, ["id", "council_id", "sharing", "shared_with_id", "name", "address", "latitude", "longitude",
                                "capacity", "step_free_access"], now),
        "person": (person := _Table(Person, ["id", "email", "full_name", "password"], now)),
        # The database copies each employment's person's name and email into it as it goes in (people 0004).
        "employment": _Table(Employment, ["id", "person_id", "council_id", "job_title", "fte", "start_on", "work_base_id"], now,
                             after=person),
        "council role": _Table(CouncilRole, ["employment_id", "role"], now),
        "partnership role": _Table(PartnershipRole, ["person_id", "partnership_id", "role", "start_on"], now),
        "investment": _Table(Investment, ["council_id", "year", "budget_pence", "trainer_fte", "elearning_platform", "headcount"], now),
        "return": _Table(Return, ["id", "council_id", "sharing", "shared_with_id", "year"], now),
        "import batch": _Table(ImportBatch, ["id", "council_return_id", "original_filename", "committed_at", "status", "line_count",
                                             "total_learners", "total_cost_pence"], now),
        "provision": _Table(Provision, ["id", "council_id", "year", "batch_id", "row_number", "title", "topic_id", "topic_as_written",
                                        "delivery_method", "provider_type", "provider_name", "accreditation", "level", "duration_hours",
                                        "sessions_per_year", "learners_per_year", "annual_cost_pence", "venue"], now),
        "analysis run": _Table(AnalysisRun, ["id", "partnership_id", "year", "status", "progress", "message", "finished_at",
                                             "line_count", "group_count"], now),
        "overlap group": _Table(OverlapGroup, ["id", "partnership_id", "year", "run_id", "title", "topic_id", "council_count",
                                               "line_count", "learners", "spend_pence", "saving_pence"], now),
        "group line": _Table(GroupLine, ["group_id", "provision_id", "line_key"], now),
        "course": _Table(Course, ["id", "partnership_id", "title", "summary", "topic_id", "accreditation", "level", "delivery_method",
                                  "duration_hours", "language"], now),
        "commissioning council": _Table(Course.commissioning_councils.through, ["course_id", "council_id"], now),
        "session": _Table(Session, ["id", "course_id", "starts_at", "ends_at", "venue_id", "capacity"], now),
        "booking": _Table(Booking, ["session_id", "person_id", "council_id", "status", "created_at"], now),
    }

    def flush_all():
        for table in tables.values():
            table.flush()

    # Councils, partnerships, memberships and venues: small, written first in one go.
    with transaction.atomic():
        partnerships = []
        for number, members in enumerate(groups, start=1):
            region = members[0].region
            name = f"{region} Workforce Partnership {number}"
            slug = slugify(name)
            pk = ids.take(Partnership)
            partnerships.append((pk, slug, members))
            tables["partnership"].add(pk, name, slug, rng.choice(PARTNERSHIP_KINDS), JOINED, MARKER)
            for council in members:
                tables["membership"].add(pk, council.pk, JOINED)
        for number, council in enumerate(councils, start=1):
            tables["council"].add(council.pk, council.name, council.place, council.slug,
                                  f"{council.gss_prefix}{900000 + number:06d}", council.nation, council.region, council.place,
                                  council.latitude, council.longitude, council.staff + 2, council.staff * rng.randint(30_000, 60_000) * 100,
                                  rng.choice(["#1d70b8", "#00703c", "#4c2c92", "#912b88", "#005a30", "#003078"]),
                                  f"{council.slug}.{NATIONAL_DOMAIN}")
        for pk, _slug, members in partnerships:
            for council in members:
                for name, km, capacity, step_free, sharing in VENUE_KINDS:
                    venue = ids.take(Venue)
                    council.venue_ids.append(venue)
                    lat, lon = _offset(council.latitude, council.longitude, km, rng.uniform(0, 360))
                    tables["venue"].add(venue, council.pk, sharing, pk if sharing == Sharing.PARTNERSHIP else None,
                                        f"{council.place} {name}", f"{rng.randint(1, 120)} High Street\n{council.place}",
                                        lat, lon, capacity, step_free)
        flush_all()
    progress(f"{len(councils)} councils in {len(partnerships)} partnerships")

    # Then a partnership at a time, each in its own transaction so memory and deferred constraint checks stay bounded.
    people_so_far = 0
    for done, (partnership_pk, partnership_slug, members) in enumerate(partnerships, start=1):
        with transaction.atomic():
            _people(members, partnership_pk, partnership_slug, tables, ids, rng, usable_password, now)
            lines = _provision(members, partnership_pk, year, tables, ids, rng, topics, now)
            _overlap(partnership_pk, year, lines, tables, ids, topics, now)
            _learning(members, partnership_pk, lines, tables, ids, rng, topics, now)
            flush_all()
        people_so_far += sum(c.people for c in members)
        progress(f"partnership {done}/{len(partnerships)}: {people_so_far:,} people, "
                 f"{tables['provision'].written:,} provision lines ({time.monotonic() - started:.0f} s)")

    with transaction.atomic():
        for name, table in tables.items():
            # A many-to-many table's rows are filed under the model that declares it (a course's commissioning councils).
            model, count = table.model._meta.auto_created or table.model, table.written
            audit.record_bulk(model=model, action=audit.Action.CREATE, count=count,
                              description=gettext("Generated national benchmark data: %(count)d %(table)s rows") % {"count": count, "table": name})
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [t.model for t in tables.values()]):
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            progress("analysing tables for the query planner")
            for table in tables.values():
                cursor.execute(f"ANALYZE {connection.ops.quote_name(table.table)}")
    report.rows = {name: table.written for name, table in tables.items()}
    report.seconds = round(time.monotonic() - started, 1)
    report.database_bytes = database_bytes()
    biggest = max(partnerships, key=lambda p: (sum(c.staff for c in p[2]), -p[0]))
    council = max(biggest[2], key=lambda c: (c.staff, -c.pk))
    report.partnership_slug, report.council_slug = biggest[1], council.slug
    report.accounts = {"coordinator": f"coordinator.{biggest[1]}@{NATIONAL_DOMAIN}",
                       "lead": f"lead.{council.slug}@{NATIONAL_DOMAIN}", "staff": f"staff.{council.slug}@{NATIONAL_DOMAIN}"}
    changes.bump(changes.FIGURES)  # written past the signals: nothing cached before may stand
    return report


def database_bytes() -> int | None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    if connection.vendor == "sqlite":
        from pathlib import Path

        name = str(connection.settings_dict["NAME"])
        return Path(name).stat().st_size if Path(name).is_file() else None
    return None


def _people(members, partnership_pk, partnership_slug, tables, ids, rng, usable_password, now) -> None:
    """Each council's staff (a tenth also work half-time for a partner), its named lead and staff member, and the
    partnership's coordinator."""
    coordinator = ids.take(Person)
    tables["person"].add(coordinator, f"coordinator.{partnership_slug}@{NATIONAL_DOMAIN}", f"Coordinator of {partnership_slug}", usable_password)
    tables["partnership role"].add(coordinator, partnership_pk, PartnershipRole.Role.COORDINATOR, JOINED)
    person_table, employment_table, role_table = tables["person"], tables["employment"], tables["council role"]
    full, half = Decimal("1"), Decimal("0.5")
    ftes = [full, full, full, Decimal("0.8"), Decimal("0.6")]
    for council in members:
        partners = [c for c in members if c is not council]
        civic = council.venue_ids[0]
        for kind, title, roles in (("lead", "Learning and Development Manager", ("lead", "staff")), ("staff", "Customer Services Adviser", ("staff",))):
            person = ids.take(Person)
            person_table.add(person, f"{kind}.{council.slug}@{NATIONAL_DOMAIN}", f"{council.place} {'L&D lead' if kind == 'lead' else 'staff member'}", usable_password)
            employment = ids.take(Employment)
            employment_table.add(employment, person, council.pk, title, full, JOINED, civic)
            for role in roles:
                role_table.add(employment, role)
        council.first_person = ids.take(Person, council.staff)
        council.people = council.staff + 2
        first_employment = ids.take(Employment, council.staff)
        second_employments = []
        domain = f"{council.slug}.{NATIONAL_DOMAIN}"
        for number in range(council.staff):
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            person = council.first_person + number
            person_table.add(person, f"{first.lower()}.{last.lower()}.{number}@{domain}", f"{first} {last}", "!national-no-login")
            title = rng.choice(JOB_TITLES)
            start = datetime.date(rng.randint(2000, 2025), rng.randint(1, 12), 1)
            trainer = rng.random() < 0.03
            shared = partners and rng.random() < 0.1
            employment = first_employment + number
            employment_table.add(employment, person, council.pk, title, half if shared else rng.choice(ftes), start,
                                 council.venue_ids[rng.randrange(3)])
            role_table.add(employment, "staff")
            if trainer:
                role_table.add(employment, "trainer")
            if shared:
                second_employments.append((person, rng.choice(partners), title, start, trainer))
        if second_employments:
            first_second = ids.take(Employment, len(second_employments))
            for offset, (person, partner, title, start, trainer) in enumerate(second_employments):
                employment_table.add(first_second + offset, person, partner.pk, title, half, start, partner.venue_ids[0])
                role_table.add(first_second + offset, "staff")
                if trainer:
                    role_table.add(first_second + offset, "trainer")


def _provision(members, partnership_pk, year, tables, ids, rng, topics, now) -> dict:
    """Each council's return for the year, shared with the partnership, and its lines. Returns the lines by course
    template (an index of TEMPLATES, or ("local", title, topic) for a council's own course): (provision id, council,
    learners, cost)."""
    by_template: dict = {}
    for council in members:
        templates = [i for i, c in enumerate(TEMPLATES) if c[6] is None or council.nation in c[6]]
        weights = list(itertools.accumulate(TEMPLATE_WEIGHTS[i] for i in templates))
        return_pk, batch_pk = ids.take(Return), ids.take(ImportBatch)
        first_line = ids.take(Provision, council.lines)
        learners_total = cost_total = 0
        for row in range(council.lines):
            if row == 0 or rng.random() < 0.08:
                local, topic = rng.choice(LOCAL_COURSES)
                template = ("local", f"{council.place} {local}", topic)
                title, method, accreditation, level, hours = template[1], "classroom", "", "", 3
            else:
                template = rng.choices(templates, cum_weights=weights)[0]
                title, topic, method, accreditation, level, hours, _nations = TEMPLATES[template]
            in_house = rng.random() < 0.4
            learners = rng.randint(5, 400)
            cost = 0 if in_house else learners * rng.randint(20, 400) * 100
            learners_total += learners
            cost_total += cost
            line = first_line + row
            tables["provision"].add(line, council.pk, year, batch_pk, row + 2, rng.choice(VARIANTS).format(title), topics.get(topic),
                                    topic, method, "in-house" if in_house else "external", "" if in_house else rng.choice(PROVIDERS),
                                    accreditation, level, Decimal(str(hours)), rng.randint(1, 30), learners, cost,
                                    f"{council.place} Training Centre")
            by_template.setdefault(template, []).append((line, council, learners, cost))
        tables["return"].add(return_pk, council.pk, Sharing.PARTNERSHIP, partnership_pk, year)
        tables["import batch"].add(batch_pk, return_pk, "generated by manage.py generate_national", now, ImportBatch.Status.ACTIVE,
                                   council.lines, learners_total, cost_total)
        tables["investment"].add(council.pk, year, council.staff * rng.randint(80, 250) * 100, Decimal(rng.randint(1, 12)),
                                 rng.choice(["Learning Pool", "Moodle", "Totara", "Cornerstone"]), council.staff + 2)
    # The return names its active batch, which is written in the same transaction.
    tables["return"].flush()
    tables["import batch"].flush()
    first_return, first_batch = ids.next[Return] - len(members), ids.next[ImportBatch] - len(members)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Return._meta.db_table} SET active_batch_id = id - %s + %s WHERE id >= %s AND id < %s",
                       [first_return, first_batch, first_return, first_return + len(members)])
    return by_template


def _overlap(partnership_pk, year, by_template, tables, ids, topics, now) -> None:
    """One finished analysis with a group for each course the councils deliver: the lines generated from the same
    template are the same learning, as the matcher would find them."""
    run = ids.take(AnalysisRun)
    line_count = sum(len(lines) for lines in by_template.values())
    tables["analysis run"].add(run, partnership_pk, year, AnalysisRun.Status.DONE, 100, "Generated groups", now, line_count, len(by_template))
    for template, lines in sorted(by_template.items(), key=lambda item: str(item[0])):
        title, topic = (TEMPLATES[template][0], TEMPLATES[template][1]) if isinstance(template, int) else template[1:]
        group = ids.take(OverlapGroup)
        councils = {council.pk for _line, council, _learners, _cost in lines}
        spend = sum(cost for *_first, cost in lines)
        saving = spend * 15 // 100 if len(councils) > 1 else 0  # a joint contract's usual saving on what is bought
        tables["overlap group"].add(group, partnership_pk, year, run, title, topics.get(topic), len(councils), len(lines),
                                    sum(learners for _l, _c, learners, _cost in lines), spend, saving)
        key = slugify(title)
        for line, council, _learners, _cost in lines:
            tables["group line"].add(group, line, f"{council.slug}|{key}")


def _learning(members, partnership_pk, by_template, tables, ids, rng, topics, now) -> None:
    """Joint courses for the most common provision, three upcoming sessions each at partners' venues, and bookings by
    partners' staff."""
    lines = sum(len(v) for v in by_template.values())
    shared = [t for t in by_template if isinstance(t, int)]
    common = sorted(shared, key=lambda t: (-len(by_template[t]), t))[: max(3, min(40, lines // 25))]
    start = now.replace(hour=9, minute=30, second=0, microsecond=0)
    for template in common:
        title, topic, method, accreditation, level, hours, _nations = TEMPLATES[template]
        course = ids.take(Course)
        tables["course"].add(course, partnership_pk, title, "A joint course open to staff of every council in the partnership.",
                             topics.get(topic), accreditation, level, method, Decimal(str(hours)),
                             "bilingual" if members[0].nation == "Wales" else "en")
        for council in members:
            tables["commissioning council"].add(course, council.pk)
        for _n in range(3):
            session = ids.take(Session)
            begins = start + datetime.timedelta(days=rng.randint(7, 180))
            capacity = rng.randint(12, 30)
            host = rng.choice(members)
            tables["session"].add(session, course, begins, begins + datetime.timedelta(hours=6), host.venue_ids[rng.randrange(2)], capacity)
            booked = set()
            for _b in range(rng.randint(0, capacity * 3 // 4)):
                council = rng.choice(members)
                if council.staff:
                    booked.add((council.first_person + rng.randrange(council.staff), council.pk))
            seen = set()
            for person, council_pk in booked:
                if person not in seen:
                    seen.add(person)
                    tables["booking"].add(session, person, council_pk, Booking.Status.BOOKED, now)
