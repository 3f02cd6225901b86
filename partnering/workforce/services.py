"""Shared staff in the app: posts and their splits, secondments, time and its approval, joint recruitment and terms.

Every change is checked through the access layer and recorded in the audit trail by the acting person. A refusal
the user can cause raises `Refused`, naming the form field it belongs to. The sums are the pure cores'
(`partnering.workforce.splits` and `.harmonise`)."""

from __future__ import annotations

import calendar
import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access import workforce as access
from partnering.core import audit
from partnering.core.dates import today
from partnering.core.errors import Refused
from partnering.organisations.models import Council
from partnering.reference.years import period_of

from . import harmonise as harmonise_core
from . import splits
from .models import (
    CouncilTerms,
    PayPoint,
    PostShare,
    Recruitment,
    RecruitmentPartner,
    Secondment,
    SharedPost,
    TimeEntry,
    Timesheet,
    Unlock,
)


def pounds(pence: int | None) -> Decimal | None:
    return None if pence is None else Decimal(pence) / 100


def _pence(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


# --- Shared posts -------------------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_post(*, actor, partnership, title: str, person, employer: Council, start_on, end_on=None, line_manager=None,
                charging: str = SharedPost.Charging.RECHARGE, annual_cost: Decimal | None = None, notes: str = "") -> SharedPost:
    scope = scope_of(actor)
    require(access.arranging_councils_for(scope, partnership).filter(pk=employer.pk).exists(),
            "only the partnership's coordinators and the employing council's leads set up its shared posts")
    if not person.employments.filter(council=employer).exists():
        raise Refused(_("%(person)s has no employment at %(council)s: record the employment first.")
                      % {"person": person, "council": employer}, "person")
    if line_manager is not None and line_manager.pk == person.pk:
        raise Refused(_("Someone cannot be their own line manager."), "line_manager")
    if charging == SharedPost.Charging.RECHARGE and annual_cost is None:
        raise Refused(_("Give the post's annual cost to recharge at the agreed split, or choose “pooled, no charge”."), "annual_cost")
    return SharedPost.objects.create(partnership=partnership, title=title.strip(), person=person, employer=employer, start_on=start_on,
                                     end_on=end_on, line_manager=line_manager, charging=charging, annual_cost=annual_cost,
                                     notes=notes, recorded_by=actor)


@audit.actor_argument("actor")
@transaction.atomic
def add_share(*, actor, post: SharedPost, days: Decimal, council: Council | None = None, funder: str = "") -> PostShare:
    require(access.can_change_post(scope_of(actor), post), "only the post's coordinators and employer's leads change its split")
    funder = funder.strip()
    if (council is None) == (not funder):
        raise Refused(_("Choose a council or name a funding source, not both."), "council")
    if council is not None and not access.member_councils(post.partnership).filter(pk=council.pk).exists():
        raise Refused(_("%(council)s is not in %(partnership)s.") % {"council": council, "partnership": post.partnership}, "council")
    existing = post.shares.filter(council=council) if council else post.shares.filter(funder__iexact=funder)
    if existing.exists():
        raise Refused(_("%(who)s already has a line in this split: remove it first to change it.") % {"who": council or funder},
                      "council" if council else "funder")
    total = (post.shares.aggregate(total=Sum("days"))["total"] or Decimal(0)) + days
    if total > 7:
        raise Refused(_("The split would add up to %(days)s days a week: no more than 7.") % {"days": total}, "days")
    return PostShare.objects.create(post=post, council=council, funder=funder, days=days)


@audit.actor_argument("actor")
@transaction.atomic
def remove_share(*, actor, share: PostShare) -> None:
    require(access.can_change_post(scope_of(actor), share.post), "only the post's coordinators and employer's leads change its split")
    share.delete()


def _lines(post: SharedPost) -> list[splits.Line]:
    return [splits.Line(str(s.council_id) if s.council_id else s.funder, s.days, council=s.council_id is not None)
            for s in post.shares.all()]


def post_figures(post: SharedPost, year: int) -> dict:
    """A post's split for a financial year: each line's days, FTE and share of the cost, its recharges and claims."""
    start, end = period_of(year)
    shares = list(post.shares.select_related("council"))
    cost = None
    if post.charging == SharedPost.Charging.RECHARGE and post.annual_cost is not None:
        cost = splits.period_cost(_pence(post.annual_cost), post.start_on, post.end_on, start, end)
    out = splits.recharges(employer=str(post.employer_id), mode=post.charging if cost is not None else splits.POOLED,
                           cost_pence=cost or 0, lines=_lines(post))
    councils = {str(s.council_id): s.council for s in shares if s.council_id}
    councils[str(post.employer_id)] = post.employer
    total_days = sum((s.days for s in shares), Decimal(0))
    return {
        "cost": pounds(cost), "days": total_days, "fte": splits.fte_of(total_days) if shares else None,
        "shares": [{"share": share, "fte": splits.fte_of(share.days), "amount": pounds(pence)}
                   for share, (_line, pence) in zip(shares, out["shares"], strict=True)],
        "recharges": [{"post": post, "payer": councils[payer], "payee": councils[payee], "amount": pounds(pence)}
                      for payer, payee, pence in out["recharges"]],
        "claims": [{"source": source, "amount": pounds(pence)} for source, pence in out["claims"]],
        "days_in_year": splits.overlap_days(post.start_on, post.end_on, start, end),
    }


def post_recharges(partnership, year: int, council: Council | None = None) -> list[dict]:
    """Recharge lines for a financial year from the partnership's posts charged at the agreed split (for the cost statements)."""
    lines = []
    posts = (SharedPost.objects.filter(partnership=partnership, charging=SharedPost.Charging.RECHARGE)
             .select_related("employer").prefetch_related("shares__council").order_by("title", "pk"))
    for post in posts:
        for r in post_figures(post, year)["recharges"]:
            if council is None or council in (r["payer"], r["payee"]):
                lines.append(r)
    return lines


# --- Secondments -------------------------------------------------------------------------------------------------


SECONDMENT_FIELDS = ("role", "host", "start_on", "end_on", "fte", "paid_by", "backfill", "backfill_person", "remind_days")


def _check_secondment(partnership, person, home, host, values):
    if host is not None and host.pk == home.pk:
        raise Refused(_("A secondment is to another council or to the partnership, not to the home council."), "host")
    if host is not None and not access.member_councils(partnership).filter(pk=host.pk).exists():
        raise Refused(_("%(council)s is not in %(partnership)s.") % {"council": host, "partnership": partnership}, "host")
    if values.get("backfill_person") is not None and values["backfill_person"].pk == person.pk:
        raise Refused(_("The person seconded cannot back-fill their own post."), "backfill_person")
    if values["end_on"] < values["start_on"]:
        raise Refused(_("The end date must be on or after the start date."), "end_on")


@audit.actor_argument("actor")
@transaction.atomic
def create_secondment(*, actor, partnership, person, home: Council, **values) -> Secondment:
    require(access.arranging_councils_for(scope_of(actor), partnership).filter(pk=home.pk).exists(),
            "only the partnership's coordinators and the home council's leads record its secondments")
    if not person.employments.filter(council=home).exists():
        raise Refused(_("%(person)s has no employment at %(council)s.") % {"person": person, "council": home}, "person")
    _check_secondment(partnership, person, home, values.get("host"), values)
    return Secondment.objects.create(partnership=partnership, person=person, home=home, recorded_by=actor,
                                     **{k: v for k, v in values.items() if k in SECONDMENT_FIELDS})


@audit.actor_argument("actor")
@transaction.atomic
def update_secondment(*, actor, secondment: Secondment, **values) -> Secondment:
    require(access.can_change_secondment(scope_of(actor), secondment), "only the coordinators and home council's leads change it")
    _check_secondment(secondment.partnership, secondment.person, secondment.home, values.get("host"), values)
    if values.get("end_on") != secondment.end_on:
        secondment.reminded_on = None  # a new end date gets its own reminder
    for key in SECONDMENT_FIELDS:
        if key in values:
            setattr(secondment, key, values[key])
    secondment.save()
    return secondment


# --- Time --------------------------------------------------------------------------------------------------------


def period_bounds(period: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The week (Monday to Sunday) or calendar month holding the day."""
    if period == Timesheet.Period.MONTH:
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def timesheet_partnerships(person):
    """The partnerships whose time a person can record: those of the councils that currently employ them."""
    from partnering.organisations.models import Partnership

    councils = person.employments.current().values("council_id")
    return Partnership.objects.filter(memberships__council_id__in=councils).distinct().order_by("name")


@audit.actor_argument("actor")
@transaction.atomic
def start_timesheet(*, actor, partnership, council: Council, period: str, day: datetime.date) -> Timesheet:
    if not actor.employments.current().filter(council=council).exists():
        raise Refused(_("You are not employed by %(council)s.") % {"council": council}, "council")
    if not access.member_councils(partnership).filter(pk=council.pk).exists():
        raise Refused(_("%(council)s is not in %(partnership)s.") % {"council": council, "partnership": partnership}, "partnership")
    start, end = period_bounds(period, day)
    overlapping = Timesheet.objects.filter(partnership=partnership, person=actor, council=council, start_on__lte=end, end_on__gte=start)
    existing = overlapping.filter(start_on=start, end_on=end).first()
    if existing is not None:
        return existing
    if overlapping.exists():
        raise Refused(_("You already have a period overlapping %(start)s to %(end)s for %(council)s.")
                      % {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y"), "council": council}, "day")
    return Timesheet.objects.create(partnership=partnership, person=actor, council=council, period=period, start_on=start, end_on=end)


def _editable(actor, timesheet):
    require(timesheet.person_id == actor.pk, "only the person fills in their own time")
    if timesheet.locked:
        raise Refused(_("This period is %(status)s: it cannot be changed.") % {"status": timesheet.get_status_display().lower()})


@audit.actor_argument("actor")
@transaction.atomic
def add_entry(*, actor, timesheet: Timesheet, date: datetime.date, hours: Decimal, for_council: Council | None = None, group=None,
              activity: str = "", cover: bool = False) -> TimeEntry:
    _editable(actor, timesheet)
    if not timesheet.start_on <= date <= timesheet.end_on:
        raise Refused(_("The date must be in this period, %(start)s to %(end)s.")
                      % {"start": timesheet.start_on.strftime("%d/%m/%Y"), "end": timesheet.end_on.strftime("%d/%m/%Y")}, "date")
    if for_council is None and group is None and not activity.strip():
        raise Refused(_("Say which council, group, project or activity the time was for."), "for_council")
    if for_council is not None and not access.member_councils(timesheet.partnership).filter(pk=for_council.pk).exists():
        raise Refused(_("%(council)s is not in %(partnership)s.") % {"council": for_council, "partnership": timesheet.partnership},
                      "for_council")
    if group is not None and group.pk not in scope_of(actor).group_ids:
        raise Refused(_("You are not a member of %(group)s.") % {"group": group}, "group")
    day_total = (timesheet.entries.filter(date=date).aggregate(total=Sum("hours"))["total"] or Decimal(0)) + hours
    if day_total > 24:
        raise Refused(_("That makes %(hours)s hours on %(date)s: no more than 24 in a day.")
                      % {"hours": day_total, "date": date.strftime("%d/%m/%Y")}, "hours")
    return TimeEntry.objects.create(timesheet=timesheet, date=date, hours=hours, for_council=for_council, group=group,
                                    activity=activity.strip(), cover=cover)


@audit.actor_argument("actor")
@transaction.atomic
def remove_entry(*, actor, entry: TimeEntry) -> None:
    _editable(actor, entry.timesheet)
    entry.delete()


@audit.actor_argument("actor")
@transaction.atomic
def submit_timesheet(*, actor, timesheet: Timesheet) -> Timesheet:
    _editable(actor, timesheet)
    if not timesheet.entries.exists():
        raise Refused(_("Record some time before submitting the period."))
    timesheet.status = Timesheet.Status.SUBMITTED
    timesheet.submitted_at = timezone.now()
    timesheet.save(update_fields=["status", "submitted_at"])
    from . import notifications

    for approver in approvers_of(timesheet):
        transaction.on_commit(lambda pk=timesheet.pk, to=approver: notifications.enqueue(notifications.SUBMITTED, pk, to))
    return timesheet


def approvers_of(timesheet: Timesheet) -> list[int]:
    managers = access.line_manager_ids(timesheet)
    if managers:
        return sorted(managers)
    from partnering.people.models import Employment

    return sorted(set(Employment.objects.current().filter(council_id=timesheet.council_id, roles__role="lead")
                      .exclude(person_id=timesheet.person_id).values_list("person_id", flat=True)))


@audit.actor_argument("actor")
@transaction.atomic
def decide_timesheet(*, actor, timesheet: Timesheet, approve: bool, comment: str = "") -> Timesheet:
    require(access.approves(scope_of(actor), timesheet), "only the line manager (or the employer's leads) approve a period")
    if timesheet.status != Timesheet.Status.SUBMITTED:
        raise Refused(_("Only a submitted period can be approved or returned."), "decision")
    if not approve and not comment.strip():
        raise Refused(_("Say what needs changing when returning a period."), "comment")
    timesheet.status = Timesheet.Status.APPROVED if approve else Timesheet.Status.RETURNED
    timesheet.decided_by, timesheet.decided_at, timesheet.comment = actor, timezone.now(), comment.strip()
    timesheet.save(update_fields=["status", "decided_by", "decided_at", "comment"])
    from . import notifications

    kind = notifications.APPROVED if approve else notifications.RETURNED
    transaction.on_commit(lambda: notifications.enqueue(kind, timesheet.pk, timesheet.person_id))
    return timesheet


@audit.actor_argument("actor")
@transaction.atomic
def unlock_timesheet(*, actor, timesheet: Timesheet, reason: str) -> Unlock:
    require(access.can_unlock(scope_of(actor), timesheet), "only the approvers, the employer's leads and the coordinators unlock a period")
    if timesheet.status != Timesheet.Status.APPROVED:
        raise Refused(_("Only an approved period is locked."), "reason")
    if not reason.strip():
        raise Refused(_("Give the reason for unlocking the period."), "reason")
    timesheet.status = Timesheet.Status.OPEN
    timesheet.save(update_fields=["status"])
    return Unlock.objects.create(timesheet=timesheet, by=actor, reason=reason.strip())


def approved_entries(partnership, start: datetime.date, end: datetime.date, councils: set[int] | None = None):
    entries = (TimeEntry.objects.filter(timesheet__partnership=partnership, timesheet__status=Timesheet.Status.APPROVED,
                                        date__range=(start, end))
               .select_related("timesheet__person", "timesheet__council", "for_council", "group").order_by("date", "pk"))
    if councils is not None:
        entries = entries.filter(Q(timesheet__council_id__in=councils) | Q(for_council_id__in=councils))
    return entries


def time_balances(partnership, start, end, *, rate: Decimal | None = None, councils: set[int] | None = None) -> dict:
    """Give and get between councils from approved time, each person's load, and cover given and received."""
    entries = list(approved_entries(partnership, start, end, councils))
    names = {c.pk: c for c in access.member_councils(partnership)}
    for e in entries:
        names.setdefault(e.timesheet.council_id, e.timesheet.council)
        if e.for_council_id:
            names.setdefault(e.for_council_id, e.for_council)
    out = splits.balances([splits.Time(str(e.timesheet.council_id), str(e.for_council_id), e.hours, e.cover)
                           for e in entries if e.for_council_id],
                          rate_pence=_pence(rate) if rate is not None else None)
    rows = [{"council": names[int(c)], **figures, "value": pounds(out["value"].get(c))} for c, figures in out["councils"].items()]
    rows.sort(key=lambda r: r["council"].name)
    pairs = [{"a": names[int(a)], "b": names[int(b)], "net": net} for (a, b), net in out["pairs"].items() if net]
    pairs.sort(key=lambda p: (p["a"].name, p["b"].name))
    if councils is not None:
        rows = [r for r in rows if r["council"].pk in councils]
        pairs = [p for p in pairs if p["a"].pk in councils or p["b"].pk in councils]
    load: dict = {}
    for e in entries:
        if councils is not None and e.timesheet.council_id not in councils:
            continue
        person = load.setdefault(e.timesheet.person_id, {"person": e.timesheet.person, "council": e.timesheet.council, "total": Decimal(0),
                                                         "groups": set(), "activities": set(), "cover": Decimal(0)})
        person["total"] += e.hours
        if e.group_id:
            person["groups"].add(e.group.name)
        if e.activity:
            person["activities"].add(e.activity)
        if e.cover:
            person["cover"] += e.hours
    people = sorted(load.values(), key=lambda p: (-p["total"], p["person"].full_name))
    for p in people:
        p["groups"], p["activities"] = sorted(p["groups"]), sorted(p["activities"])
    return {"councils": rows, "pairs": pairs, "people": people, "entries": entries}


def statement_time(partnership, council: Council, year: int) -> dict | None:
    """The council's approved time given and got for the cost statement (None when there is none)."""
    start, end = period_of(year)
    figures = time_balances(partnership, start, end, councils={council.pk})
    row = next((r for r in figures["councils"] if r["council"].pk == council.pk), None)
    if row is None:
        return None
    return {"given": row["given"], "received": row["received"], "net": row["net"], "cover_given": row["cover_given"],
            "cover_received": row["cover_received"], "pairs": figures["pairs"]}


def send_reminders(on: datetime.date | None = None) -> dict:
    """Remind secondments' home leads and people seconded before the end date, and shared post holders whose last
    week's time is not submitted. Each reminder goes once. Run daily (`manage.py send_workforce_reminders`)."""
    from . import notifications

    on = on or today()
    counts = {"secondments": 0, "timesheets": 0}
    with audit.acting_as(None, source="command:send_workforce_reminders"):
        for secondment in Secondment.objects.filter(reminded_on__isnull=True, end_on__gte=on).select_related("home"):
            if (secondment.end_on - on).days > secondment.remind_days:
                continue
            secondment.reminded_on = on
            secondment.save(update_fields=["reminded_on"])
            recipients = {secondment.person_id, *approvers_for_council(secondment.home_id)}
            for person in recipients:
                transaction.on_commit(lambda pk=secondment.pk, to=person: notifications.enqueue(notifications.ENDING, pk, to))
            counts["secondments"] += 1
        last_week = period_bounds(Timesheet.Period.WEEK, on - datetime.timedelta(days=7))
        posts = SharedPost.objects.filter(start_on__lte=last_week[1]).filter(Q(end_on__isnull=True) | Q(end_on__gte=last_week[0]))
        for post in posts.select_related("partnership"):
            covered = Timesheet.objects.filter(partnership=post.partnership, person=post.person, start_on__lte=last_week[0],
                                               end_on__gte=last_week[1])
            if covered.filter(status__in=[Timesheet.Status.SUBMITTED, Timesheet.Status.APPROVED]).exists():
                continue
            if covered.filter(reminded_on__isnull=False).exists():
                continue
            timesheet = covered.first()
            if timesheet is None:
                timesheet = Timesheet.objects.create(partnership=post.partnership, person=post.person, council=post.employer,
                                                     start_on=last_week[0], end_on=last_week[1])
            timesheet.reminded_on = on
            timesheet.save(update_fields=["reminded_on"])
            transaction.on_commit(lambda pk=timesheet.pk, to=post.person_id: notifications.enqueue(notifications.MISSING, pk, to))
            counts["timesheets"] += 1
    return counts


def approvers_for_council(council_id: int) -> set[int]:
    from partnering.people.models import Employment

    return set(Employment.objects.current().filter(council_id=council_id, roles__role="lead").values_list("person_id", flat=True))


# --- Joint recruitment --------------------------------------------------------------------------------------------

AGREED_FIELDS = ("host", "terms_of", "agreed_grade", "pay_from", "pay_to")


@audit.actor_argument("actor")
@transaction.atomic
def create_recruitment(*, actor, partnership, title: str, job_description: str, person_specification: str, councils) -> Recruitment:
    require(access.can_manage_recruitment(scope_of(actor), partnership), "only the partnership's coordinators start a joint recruitment")
    councils = list(councils)
    if len(councils) < 2:
        raise Refused(_("A joint recruitment needs at least two partner councils."), "councils")
    members = set(access.member_councils(partnership).values_list("pk", flat=True))
    outside = [c for c in councils if c.pk not in members]
    if outside:
        raise Refused(_("%(council)s is not in %(partnership)s.") % {"council": outside[0], "partnership": partnership}, "councils")
    recruitment = Recruitment.objects.create(partnership=partnership, title=title.strip(), job_description=job_description,
                                             person_specification=person_specification, recorded_by=actor)
    for council in councils:
        RecruitmentPartner.objects.create(recruitment=recruitment, council=council)
    return recruitment


@audit.actor_argument("actor")
@transaction.atomic
def agree_recruitment(*, actor, recruitment: Recruitment, **values) -> Recruitment:
    """What was agreed: host, whose terms, grade and pay range, and why. A change to what partners signed off clears their sign-offs."""
    require(access.can_manage_recruitment(scope_of(actor), recruitment), "only the partnership's coordinators record what was agreed")
    if recruitment.status == Recruitment.Status.ADVERTISED:
        raise Refused(_("The post is advertised: what was agreed can no longer change."))
    partner_ids = set(recruitment.partners.values_list("council_id", flat=True))
    for name in ("host", "terms_of"):
        if values.get(name) is not None and values[name].pk not in partner_ids:
            raise Refused(_("%(council)s is not a partner in this recruitment.") % {"council": values[name]}, name)
    if values.get("pay_from") is not None and values.get("pay_to") is not None and values["pay_to"] < values["pay_from"]:
        raise Refused(_("The top of the pay range must be at least its bottom."), "pay_to")
    changed = any(getattr(recruitment, name) != values.get(name) for name in AGREED_FIELDS if name in values)
    for key in (*AGREED_FIELDS, "decision", "title", "job_description", "person_specification"):
        if key in values:
            setattr(recruitment, key, values[key])
    recruitment.save()
    if changed:
        for partner in recruitment.partners.filter(signed_off_at__isnull=False):
            partner.signed_off_by, partner.signed_off_at = None, None
            partner.save(update_fields=["signed_off_by", "signed_off_at"])
    return recruitment


@audit.actor_argument("actor")
@transaction.atomic
def evaluate(*, actor, partner: RecruitmentPartner, scheme: str, points: int | None, grade: str) -> RecruitmentPartner:
    require(access.evaluating_partners_for(scope_of(actor), partner.recruitment).filter(pk=partner.pk).exists(),
            "a council's job evaluation is recorded by its leads or the coordinators")
    if partner.recruitment.status == Recruitment.Status.ADVERTISED:
        raise Refused(_("The post is advertised: the evaluations can no longer change."))
    partner.scheme, partner.points, partner.grade = scheme, points, grade.strip()
    partner.save(update_fields=["scheme", "points", "grade"])
    return partner


def missing_for_sign_off(recruitment: Recruitment) -> list[str]:
    missing = []
    if not recruitment.host_id:
        missing.append(_("the host council"))
    if not recruitment.terms_of_id:
        missing.append(_("whose terms and conditions apply"))
    if not recruitment.agreed_grade:
        missing.append(_("the agreed grade"))
    if recruitment.pay_from is None or recruitment.pay_to is None:
        missing.append(_("the pay range"))
    return missing


@audit.actor_argument("actor")
@transaction.atomic
def sign_off(*, actor, partner: RecruitmentPartner) -> RecruitmentPartner:
    require(access.signing_partners_for(scope_of(actor), partner.recruitment).filter(pk=partner.pk).exists(),
            "a council signs off through its own leads")
    missing = missing_for_sign_off(partner.recruitment)
    if missing:
        raise Refused(_("Agree %(missing)s before signing off.") % {"missing": ", ".join(missing)}, "council")
    if not partner.grade:
        raise Refused(_("Record %(council)s's job evaluation before signing off.") % {"council": partner.council}, "council")
    partner.signed_off_by, partner.signed_off_at = actor, timezone.now()
    partner.save(update_fields=["signed_off_by", "signed_off_at"])
    return partner


@audit.actor_argument("actor")
@transaction.atomic
def advertise(*, actor, recruitment: Recruitment) -> Recruitment:
    require(access.can_manage_recruitment(scope_of(actor), recruitment), "only the partnership's coordinators advertise")
    waiting = [p.council.name for p in recruitment.partners.select_related("council") if p.signed_off_at is None]
    if waiting:
        raise Refused(_("Every partner signs off before advertising; still waiting for %(councils)s.") % {"councils": ", ".join(waiting)})
    recruitment.status, recruitment.advertised_on = Recruitment.Status.ADVERTISED, today()
    recruitment.save(update_fields=["status", "advertised_on"])
    return recruitment


# --- Terms and harmonisation -----------------------------------------------------------------------------------

TERMS_FIELDS = ("annual_leave", "hours", "mileage_rate", "allowances", "sick_pay", "notice_weeks")


@audit.actor_argument("actor")
@transaction.atomic
def save_terms(*, actor, partnership, council: Council, role_family: str, pay: list[tuple[str, Decimal, int, Decimal]],
               **values) -> CouncilTerms:
    """A council's terms for a role family, with its pay per grade (grade, annual pay, staff on it, their FTE), replacing any before."""
    require(access.arranging_councils_for(scope_of(actor), partnership).filter(pk=council.pk).exists(),
            "a council's terms are recorded by its leads or the partnership's coordinators")
    grades = [g for g, *_rest in pay]
    if not grades:
        raise Refused(_("Give the pay for at least one grade."), "pay")
    if len(set(grades)) != len(grades):
        raise Refused(_("Each grade once: %(grade)s is given twice.") % {"grade": next(g for g in grades if grades.count(g) > 1)}, "pay")
    for grade, _annual, staff, fte in pay:
        if fte > staff:
            raise Refused(_("Grade %(grade)s: %(fte)s FTE is more than its %(staff)s staff could work.")
                          % {"grade": grade, "fte": fte, "staff": staff}, "pay")
    terms, _created = CouncilTerms.objects.update_or_create(
        partnership=partnership, council=council, role_family=role_family.strip(),
        defaults={**{k: values[k] for k in TERMS_FIELDS if k in values}, "recorded_by": actor})
    keep = set()
    for grade, annual, staff, fte in pay:
        point, _new = PayPoint.objects.update_or_create(terms=terms, grade=grade, defaults={"annual_pay": annual, "staff": staff, "fte": fte})
        keep.add(point.pk)
    terms.pay.exclude(pk__in=keep).delete()
    return terms


def role_families(partnership) -> list[str]:
    return sorted(set(CouncilTerms.objects.filter(partnership=partnership).values_list("role_family", flat=True)))


def side_by_side(partnership, role_family: str) -> dict:
    """Each council's terms for the role family in columns, each element's row flagged where the councils differ."""
    terms = list(CouncilTerms.objects.filter(partnership=partnership, role_family=role_family).select_related("council")
                 .prefetch_related("pay").order_by("council__name"))
    rows = []
    for field in TERMS_FIELDS:
        values = [getattr(t, field) for t in terms]
        rows.append({"label": CouncilTerms._meta.get_field(field).verbose_name, "values": values, "differs": len(set(values)) > 1})
    grades = sorted({p.grade for t in terms for p in t.pay.all()})
    pay_rows = []
    for grade in grades:
        values = [next((p.annual_pay for p in t.pay.all() if p.grade == grade), None) for t in terms]
        present = [v for v in values if v is not None]
        pay_rows.append({"grade": grade, "values": values, "differs": len(set(present)) > 1 or None in values,
                         "high": max(present) if present else None, "low": min(present) if present else None})
    return {"terms": terms, "rows": rows, "pay": pay_rows}


def harmonisation(partnership, role_family: str, to: str, on_cost: Decimal) -> dict:
    """The cost model for the role family: the chosen option and, beside it, every option (for the escalation chart)."""
    terms = list(CouncilTerms.objects.filter(partnership=partnership, role_family=role_family).select_related("council")
                 .prefetch_related("pay").order_by("council__name"))
    core_terms = [harmonise_core.Terms(t.council.name, p.grade, p.annual_pay, t.annual_leave) for t in terms for p in t.pay.all()]
    staff = [harmonise_core.Staff(f"{t.council.name}/{p.grade}", t.council.name, p.grade, p.fte, p.staff)
             for t in terms for p in t.pay.all() if p.staff and p.fte]
    if not core_terms:
        return {"error": _("No council has recorded its terms for this role family yet."), "result": None, "options": {}}
    try:
        result = harmonise_core.harmonise(core_terms, staff, to, on_cost)
    except harmonise_core.InputError as error:
        return {"error": error.detail, "result": None, "options": harmonise_core.compare(core_terms, staff, on_cost)}
    return {"error": None, "result": result, "options": harmonise_core.compare(core_terms, staff, on_cost)}
