"""The directory's operations: profiles and skills, the taxonomy, requests for help, asks and answers, tiers.

Every change is checked through the access layer and recorded in the audit trail by the acting person.
A refusal the user can cause raises `Refused`, naming the form field it concerns. Matching is done by the
pure `matching` module; this module turns profiles and requests into its plain data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import directory as access
from partnering.access import require, scope_of
from partnering.core import audit
from partnering.core.dates import current_on, today
from partnering.core.errors import Refused
from partnering.glossary.models import synonym_map
from partnering.learning.models import Session
from partnering.overlap.models import Question
from partnering.people.models import Employment
from partnering.reference.years import current_financial_year

from . import matching
from .models import WELSH_LEVEL_TO_DELIVER, Ask, CouncilTier, HelpRequest, Profile, ProfileSkill, Skill, SupportTier

RESPONSE_WORKING_DAYS = 5




def add_working_days(day: datetime.date, days: int) -> datetime.date:
    """The day `days` working days (Monday to Friday) after `day`. Bank holidays are not known here."""
    while days > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def next_working_day(day: datetime.date) -> datetime.date:
    return add_working_days(day, 1)


# --- Profiles ---------------------------------------------------------------------------------------


def profile_of(person) -> Profile | None:
    return Profile.objects.filter(person=person).first()


@audit.actor_argument("actor")
@transaction.atomic
def save_profile(*, actor, about: str = "", welsh_level: int = 0, delivers_in_welsh: bool = False, training_languages: str = "",
                 available_days: Decimal = Decimal("0"), listed_to: str = Profile.Listed.NOBODY) -> Profile:
    """The acting person's own profile, made the first time."""
    require(access.can_edit_profile(scope_of(actor)), "only a signed-in person edits their own profile")
    if delivers_in_welsh and welsh_level < WELSH_LEVEL_TO_DELIVER:
        raise Refused(_("To deliver in Welsh, choose a Welsh-language ability of 3 (intermediate) or more."), "delivers_in_welsh")
    if available_days < 0:
        raise Refused(_("Days a quarter cannot be negative."), "available_days")
    profile = Profile.objects.select_for_update().filter(person=actor).first() or Profile(person=actor)
    profile.about, profile.welsh_level, profile.delivers_in_welsh = about, welsh_level, delivers_in_welsh
    profile.training_languages, profile.available_days, profile.listed_to = training_languages, available_days, listed_to
    profile.save()
    return profile


def _own_profile(actor) -> Profile:
    profile = profile_of(actor)
    return profile if profile is not None else Profile.objects.create(person=actor)


@audit.actor_argument("actor")
@transaction.atomic
def add_skill(*, actor, skill: Skill, depth: int, note: str = "") -> ProfileSkill:
    require(access.can_edit_profile(scope_of(actor)), "only a signed-in person edits their own profile")
    profile = _own_profile(actor)
    if profile.skills.filter(skill=skill).exists():
        raise Refused(_("%(skill)s is already on your profile: change it there.") % {"skill": skill.name}, "skill")
    return ProfileSkill.objects.create(profile=profile, skill=skill, depth=depth, note=note)


@audit.actor_argument("actor")
@transaction.atomic
def change_skill(*, actor, held: ProfileSkill, depth: int, note: str = "") -> ProfileSkill:
    """A new depth is a new claim: any verification is cleared, for the lead to look at again."""
    require(access.can_edit_profile(scope_of(actor), held.profile), "only the person changes their skills")
    held = ProfileSkill.objects.select_for_update().get(pk=held.pk)  # as stored: a bound form may have changed the object
    if depth != held.depth:
        held.verified_by = held.verified_at = held.verified_council = None
    held.depth, held.note = depth, note
    held.save()
    return held


@audit.actor_argument("actor")
@transaction.atomic
def remove_skill(*, actor, held: ProfileSkill) -> None:
    require(access.can_edit_profile(scope_of(actor), held.profile), "only the person removes their skills")
    held.delete()


@audit.actor_argument("actor")
@transaction.atomic
def verify_skill(*, actor, held: ProfileSkill, verified: bool = True) -> ProfileSkill:
    """A lead of the person's council confirms (or takes back) a skill; never the person themselves."""
    councils = access.verifying_councils(scope_of(actor), held.profile)
    require(bool(councils), "only a lead of the person's council verifies their skills, never the person")
    if verified:
        held.verified_by, held.verified_at, held.verified_council_id = actor, timezone.now(), councils[0]
    else:
        held.verified_by = held.verified_at = held.verified_council = None
    held.save()
    return held


@dataclass
class Evidence:
    sessions: int  # sessions delivered, past
    co_delivered: int  # of which with another trainer
    courses: int  # different courses trained
    answers: int  # overlap questions answered that stand as decisions


def evidence_for(person) -> Evidence:
    """What Partnering already holds about a person's expertise, counted, not typed."""
    jobs = Employment.objects.filter(person=person).values("pk")
    sessions = Session.objects.filter(trainers__in=jobs, starts_at__lt=timezone.now()).distinct()
    co = sessions.filter(pk__in=Session.trainers.through.objects.exclude(employment__person=person).values("session_id"))
    return Evidence(
        sessions=sessions.count(), co_delivered=co.count(),
        courses=sessions.values("course_id").distinct().count(),
        answers=Question.objects.filter(answered_by=person, decision__isnull=False).count(),
    )


def work_base_of(person) -> tuple[float | None, float | None, object | None]:
    """Where a person works: their main current employment's work base (else its council's office), as
    (latitude, longitude, the venue or council)."""
    jobs = (Employment.objects.filter(current_on(today(), "start_on", "end_on"), person=person)
            .select_related("work_base", "council").order_by("-fte", "start_on", "pk"))
    for job in jobs:
        if job.work_base and job.work_base.latitude is not None and job.work_base.longitude is not None:
            return job.work_base.latitude, job.work_base.longitude, job.work_base
    for job in jobs:
        if job.council.latitude is not None and job.council.longitude is not None:
            return job.council.latitude, job.council.longitude, job.council
    return None, None, None


# --- Matching ---------------------------------------------------------------------------------------


def _current_jobs(person_ids):
    jobs = {}
    for job in (Employment.objects.filter(current_on(today(), "start_on", "end_on"), person_id__in=person_ids)
                .select_related("council", "work_base").order_by("-fte", "start_on", "pk")):
        jobs.setdefault(job.person_id, []).append(job)
    return jobs


def candidates(profiles, *, prefer_council=None) -> list[matching.Candidate]:
    """The matcher's candidates for these profiles. A person's council is the requester's if they work there,
    else their main employer; where they are is their main work base (else its council's office)."""
    profiles = list(profiles.select_related("person").prefetch_related("skills__skill__term__local_synonyms"))
    jobs = _current_jobs([p.person_id for p in profiles])
    found = []
    for profile in profiles:
        held = jobs.get(profile.person_id, [])
        if not held:
            continue
        councils = [job.council for job in held]
        council = prefer_council if prefer_council is not None and prefer_council in councils else councils[0]
        place = next(((j.work_base.latitude, j.work_base.longitude) for j in held
                      if j.work_base and j.work_base.latitude is not None and j.work_base.longitude is not None),
                     next(((c.latitude, c.longitude) for c in councils if c.latitude is not None and c.longitude is not None),
                          (None, None)))
        skills = tuple(matching.Skill(h.skill.name, tuple(h.skill.other_names()), h.depth, h.verified) for h in profile.skills.all())
        found.append(matching.Candidate(str(profile.person_id), council.slug, skills, profile.welsh_level, profile.delivers_in_welsh,
                                        place[0], place[1], float(profile.available_days), profile.about))
    return found


def need_of(request: HelpRequest) -> matching.Need:
    council = request.council
    near = (council.latitude, council.longitude) if council.latitude is not None and council.longitude is not None else None
    return matching.Need(" ".join(filter(None, [request.need, request.details])), welsh=request.in_welsh, council=council.slug,
                         near=near, days=float(request.days_estimate) if request.days_estimate else None,
                         sharing=request.purpose == HelpRequest.Purpose.SHARE)


def matches_for(scope, request: HelpRequest, top: int | None = None) -> list[matching.Match]:
    """The people the scope may ask, ranked by the pure matcher (the requester left out)."""
    profiles = access.candidates_for(scope, request).exclude(person_id=request.requested_by_id)
    return matching.rank(candidates(profiles, prefer_council=request.council), need_of(request), synonym_map(), top=top)


# --- The taxonomy ----------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def save_skill(*, actor, skill: Skill | None = None, name: str, welsh_name: str = "", term=None, description: str = "") -> Skill:
    require(access.can_manage_skills(scope_of(actor)), "coordinators keep the skills taxonomy")
    clash = Skill.objects.filter(name__iexact=name.strip()).exclude(pk=getattr(skill, "pk", None))
    if clash.exists():
        raise Refused(_("The taxonomy already has %(name)s.") % {"name": clash.first().name}, "name")
    skill = skill or Skill()
    skill.name, skill.welsh_name, skill.term, skill.description = name.strip(), welsh_name.strip(), term, description
    skill.save()
    return skill


# --- Requests for help ----------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_request(*, actor, partnership, council, need: str, needed_by: datetime.date, details: str = "", audience: str = "",
                   people_count: int | None = None, in_welsh: bool = False, purpose: str = HelpRequest.Purpose.SHARE,
                   days_estimate: Decimal | None = None) -> HelpRequest:
    scope = scope_of(actor)
    require(bool(access.request_councils_for(scope, partnership).exists()), "only coordinators and leads ask for help")
    if not access.can_make_request(scope, partnership, council):
        raise Refused(_("You can ask for help only for a council of %(partnership)s that you lead.") % {"partnership": partnership},
                      "council")
    if needed_by < today():
        raise Refused(_("The date it is needed by must be today or later."), "needed_by")
    return HelpRequest.objects.create(partnership=partnership, council=council, requested_by=actor, need=need.strip(),
                                      details=details, audience=audience, people_count=people_count, needed_by=needed_by,
                                      in_welsh=in_welsh, purpose=purpose, days_estimate=days_estimate)


@audit.actor_argument("actor")
@transaction.atomic
def ask_person(*, actor, request: HelpRequest, person, message: str = "", respond_by: datetime.date | None = None) -> Ask:
    """Ask someone the actor may find to help; they have five working days to answer unless the actor says otherwise."""
    scope = scope_of(actor)
    require(access.can_broker(scope, request), "only the coordinators and the asking council's leads ask people")
    if request.status != HelpRequest.Status.OPEN:
        raise Refused(_("This request is closed: no one more can be asked."), "person")
    if person.pk == request.requested_by_id:
        raise Refused(_("You cannot ask the person who made the request."), "person")
    if not access.candidates_for(scope, request).filter(person=person).exists():
        raise Refused(_("%(person)s is not listed to you in this partnership's councils.") % {"person": person}, "person")
    if request.asks.filter(person=person).exists():
        raise Refused(_("%(person)s has already been asked.") % {"person": person}, "person")
    respond_by = respond_by or add_working_days(today(), RESPONSE_WORKING_DAYS)
    if respond_by < today():
        raise Refused(_("The date to answer by must be today or later."), "respond_by")
    found = next((m for m in matches_for(scope, request) if m.person_id == str(person.pk)), None)
    ask = Ask.objects.create(request=request, person=person, asked_by=actor, respond_by=respond_by, message=message,
                             score=found.score if found else None,
                             reasons=[{"code": r.code, "values": dict(r.values), "points": r.points} for r in found.reasons] if found else [])
    from . import notifications

    transaction.on_commit(lambda: notifications.enqueue(notifications.ASKED, ask.pk, person.pk))
    return ask


def is_overdue(ask: Ask, on: datetime.date | None = None) -> bool:
    return ask.status == Ask.Status.ASKED and ask.respond_by < (on or today())


@audit.actor_argument("actor")
@transaction.atomic
def answer_ask(*, actor, ask: Ask, accept: bool, note: str = "") -> Ask:
    require(access.can_answer_ask(scope_of(actor), ask), "only the person asked answers")
    ask = Ask.objects.select_for_update().select_related("request").get(pk=ask.pk)
    if ask.status != Ask.Status.ASKED:
        raise Refused(_("You have already answered: %(answer)s.") % {"answer": ask.get_status_display().lower()}, "answer")
    if ask.request.status != HelpRequest.Status.OPEN:
        raise Refused(_("The request is closed, so it needs no answer now."), "answer")
    if is_overdue(ask):
        raise Refused(_("The date to answer by (%(date)s) has passed. Contact whoever asked you if you can still help.")
                      % {"date": ask.respond_by.strftime("%d/%m/%Y")}, "answer")
    ask.status = Ask.Status.ACCEPTED if accept else Ask.Status.DECLINED
    ask.response_note, ask.responded_at = note, timezone.now()
    ask.save()
    from . import notifications

    if ask.asked_by_id:
        kind = notifications.ACCEPTED if accept else notifications.DECLINED
        transaction.on_commit(lambda: notifications.enqueue(kind, ask.pk, ask.asked_by_id))
    return ask


@audit.actor_argument("actor")
@transaction.atomic
def withdraw_ask(*, actor, ask: Ask) -> Ask:
    require(access.can_broker(scope_of(actor), ask.request), "only the coordinators and the asking council's leads withdraw an ask")
    if ask.status == Ask.Status.WITHDRAWN:
        raise Refused(_("The ask to %(person)s is already withdrawn.") % {"person": ask.person}, "ask")
    if ask.status != Ask.Status.ASKED:
        raise Refused(_("%(person)s has already answered.") % {"person": ask.person}, "ask")
    ask.status = Ask.Status.WITHDRAWN
    ask.save()
    return ask


@audit.actor_argument("actor")
@transaction.atomic
def close_request(*, actor, request: HelpRequest, outcome: str, days_used: Decimal | None = None, feedback: str = "") -> HelpRequest:
    """Record the outcome: any asks still waiting are withdrawn."""
    require(access.can_broker(scope_of(actor), request), "only the coordinators and the asking council's leads close a request")
    if request.status != HelpRequest.Status.OPEN:
        raise Refused(_("This request is already closed."), "outcome")
    if outcome == HelpRequest.Outcome.HELPED and days_used is None:
        raise Refused(_("Say how many days of support were used."), "days_used")
    request.status, request.outcome, request.days_used, request.feedback = HelpRequest.Status.CLOSED, outcome, days_used, feedback
    request.closed_at = timezone.now()
    request.save()
    for ask in request.asks.filter(status=Ask.Status.ASKED):
        ask.status = Ask.Status.WITHDRAWN
        ask.save()
    return request


@audit.actor_argument("actor")
@transaction.atomic
def reopen_request(*, actor, request: HelpRequest) -> HelpRequest:
    """Undo a close made by mistake: the outcome and days used are cleared (the audit trail keeps them)."""
    require(access.can_broker(scope_of(actor), request), "only the coordinators and the asking council's leads reopen a request")
    if request.status != HelpRequest.Status.CLOSED:
        raise Refused(_("This request is open already."), "")
    request.status, request.outcome, request.days_used, request.closed_at = HelpRequest.Status.OPEN, "", None, None
    request.save()
    return request


def send_reminders(on: datetime.date | None = None) -> int:
    """Remind each person asked whose answer is due by the next working day and who has not been reminded.
    Returns how many reminders were enqueued. Run daily (`manage.py send_directory_reminders`)."""
    from . import notifications

    on = on or today()
    due = (Ask.objects.filter(status=Ask.Status.ASKED, reminded_at__isnull=True, request__status=HelpRequest.Status.OPEN,
                              respond_by__gte=on, respond_by__lte=next_working_day(on))
           .exclude(asked_at__date=on))  # asked today: the first email is reminder enough
    sent = 0
    with audit.acting_as(None, source="command:send_directory_reminders"):
        for ask in list(due):
            ask.reminded_at = timezone.now()
            ask.save(update_fields=["reminded_at"])
            transaction.on_commit(lambda pk=ask.pk, person=ask.person_id: notifications.enqueue(notifications.REMINDER, pk, person))
            sent += 1
    return sent


# --- Support tiers -----------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_tier(*, actor, partnership, name: str, colour: str, days_a_year: Decimal, description: str = "",
                order: int = 0) -> SupportTier:
    require(access.can_manage_tiers(scope_of(actor), partnership), "only the partnership's coordinators set support tiers")
    if SupportTier.objects.filter(partnership=partnership, name__iexact=name.strip()).exists():
        raise Refused(_("%(partnership)s already has a tier called %(name)s.") % {"partnership": partnership, "name": name.strip()},
                      "name")
    return SupportTier.objects.create(partnership=partnership, name=name.strip(), colour=colour, days_a_year=days_a_year,
                                      description=description, order=order)


@audit.actor_argument("actor")
@transaction.atomic
def remove_tier(*, actor, tier: SupportTier) -> None:
    """Councils in the tier are left with none."""
    require(access.can_manage_tiers(scope_of(actor), tier.partnership), "only the partnership's coordinators remove support tiers")
    tier.delete()


@audit.actor_argument("actor")
@transaction.atomic
def set_council_tiers(*, actor, partnership, tiers: dict) -> int:
    """Each member council's tier: {council_id: tier or None}. Returns how many changed."""
    require(access.can_manage_tiers(scope_of(actor), partnership), "only the partnership's coordinators set councils' tiers")
    own = set(partnership.support_tiers.values_list("pk", flat=True))
    changed = 0
    for council_id, tier in tiers.items():
        if tier is not None and tier.pk not in own:
            raise Refused(_("Choose one of the partnership's own tiers."), f"council_{council_id}")
        current = CouncilTier.objects.filter(partnership=partnership, council_id=council_id).first()
        if tier is None:
            if current is not None:
                current.delete()
                changed += 1
        elif current is None:
            CouncilTier.objects.create(partnership=partnership, council_id=council_id, tier=tier, set_by=actor)
            changed += 1
        elif current.tier_id != tier.pk:
            current.tier, current.set_by = tier, actor
            current.save()
            changed += 1
    return changed


@dataclass
class TierUsage:
    tier: SupportTier | None
    entitlement: Decimal | None
    used: Decimal  # days used by closed requests this financial year
    committed: Decimal  # days estimated for open requests someone has accepted
    year: int

    @property
    def left(self) -> Decimal | None:
        return None if self.entitlement is None else self.entitlement - self.used - self.committed

    @property
    def over(self) -> bool:
        return self.left is not None and self.left < 0


def tier_usage(partnership, council, year: int | None = None) -> TierUsage:
    """A council's tier in a partnership, its entitlement and the days of support it has used this financial year."""
    year = year if year is not None else current_financial_year()
    start, end = datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)
    placed = CouncilTier.objects.filter(partnership=partnership, council=council).select_related("tier").first()
    requests = HelpRequest.objects.filter(partnership=partnership, council=council)
    used = requests.filter(status=HelpRequest.Status.CLOSED, closed_at__date__range=(start, end)).aggregate(d=Sum("days_used"))["d"]
    accepted = Ask.objects.filter(status=Ask.Status.ACCEPTED).values("request_id")
    committed = (requests.filter(status=HelpRequest.Status.OPEN, pk__in=accepted, needed_by__range=(start, end))
                 .aggregate(d=Sum("days_estimate"))["d"])
    return TierUsage(placed.tier if placed else None, placed.tier.days_a_year if placed else None, used or Decimal("0"),
                     committed or Decimal("0"), year)
