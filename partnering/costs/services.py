"""Shared money in the app: setting up pools, funding and entitlements, recording what happened, and
turning the records into the pure engine's specs for the figures (`partnering.costs.engine`).

Every change is checked through the access layer and recorded in the audit trail by the acting person.
A refusal the user can cause raises `Refused`, naming the form field it belongs to."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.costs import can_manage_costs, can_record_cost, can_remove_cost, councils_paying_for
from partnering.core import audit
from partnering.core.errors import Refused
from partnering.learning.models import Booking
from partnering.mapping.models import Investment
from partnering.organisations.models import Council
from partnering.organisations.selectors import current_member_councils
from partnering.reference.years import financial_year_label, period_of

from .engine import entitlements as entitlement_engine
from .engine import grants as grant_engine
from .engine import recharges as recharge_engine
from .engine import shapley as shapley_engine
from .engine.money import SpecError
from .models import (
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


def year_label(year: int) -> str:
    return financial_year_label(year)


def _text(amount: Decimal | None) -> str:
    return f"{Decimal(amount):.2f}"


def _figure(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f")


# --- Cost pools -----------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_pool(*, partnership, actor, name: str, purpose: str, councils, description: str = "", course=None,
                tolerance: Decimal = Decimal("0")) -> CostPool:
    require(can_manage_costs(scope_of(actor), partnership), "only the partnership's coordinators set up cost pools")
    members = set(current_member_councils(partnership).values_list("pk", flat=True))
    strangers = [c for c in councils if c.pk not in members]
    if strangers:
        raise Refused(_("%(council)s is not a member of %(partnership)s.") % {"council": strangers[0], "partnership": partnership},
                      "councils")
    if len(councils) < 2:
        raise Refused(_("Choose at least two councils to share the pool."), "councils")
    if course is not None and course.partnership_id != partnership.pk:
        raise Refused(_("Choose one of the partnership's own courses."), "course")
    pool = CostPool.objects.create(partnership=partnership, name=name, purpose=purpose, description=description, course=course,
                                   tolerance=tolerance, recorded_by=actor)
    for council in councils:
        PoolCouncil.objects.create(pool=pool, council=council)
    return pool


@audit.actor_argument("actor")
@transaction.atomic
def set_member_terms(*, pool: CostPool, actor, terms: dict) -> None:
    """Each council's cost on its own, cap and floor: {council_id: (cost_alone, cap, floor)}."""
    require(can_manage_costs(scope_of(actor), pool.partnership), "only the partnership's coordinators change a pool")
    for member in pool.members.select_related("council"):
        if member.council_id not in terms:
            continue
        cost_alone, cap, floor = terms[member.council_id]
        if cap is not None and floor is not None and floor > cap:
            raise Refused(_("%(council)s: the least it pays is more than the most it pays.") % {"council": member.council},
                          f"floor_{member.council_id}")
        member.cost_alone, member.cap, member.floor = cost_alone, cap, floor
        member.save()


@dataclass
class Figure:
    council: Council
    value: Decimal | None
    source: str
    as_of: datetime.date | None


def figures_from_partnering(pool: CostPool, measure: str, on: datetime.date) -> list[Figure]:
    """Each council's figure for a measure Partnering holds, with its date and source; None where it has none."""
    councils = [m.council for m in pool.members.select_related("council")]
    figures = []
    if measure == PoolBasis.Measure.HEADCOUNT:
        year = on.year if on.month >= 4 else on.year - 1
        for council in councils:
            investment = (Investment.objects.filter(council=council, year__lte=year, headcount__isnull=False)
                          .order_by("-year").first())
            if investment is not None:
                figures.append(Figure(council, Decimal(investment.headcount),
                                      _("L&D return %(year)s") % {"year": year_label(investment.year)},
                                      datetime.date(investment.year + 1, 3, 31)))
            elif council.headcount is not None:
                figures.append(Figure(council, Decimal(council.headcount), _("Council profile"), None))
            else:
                figures.append(Figure(council, None, "", None))
    elif measure in (PoolBasis.Measure.PLACES_BOOKED, PoolBasis.Measure.PLACES_ATTENDED):
        if pool.course is None:
            raise Refused(_("Places come from the pool's course: choose its course first."), "measure")
        statuses = ([Booking.Status.ATTENDED] if measure == PoolBasis.Measure.PLACES_ATTENDED
                    else [Booking.Status.BOOKED, Booking.Status.ATTENDED, Booking.Status.NO_SHOW])
        bookings = Booking.objects.filter(session__course=pool.course, status__in=statuses, session__starts_at__date__lte=on)
        label = _("Places attended on %(course)s") if measure == PoolBasis.Measure.PLACES_ATTENDED else _("Places booked on %(course)s")
        for council in councils:
            figures.append(Figure(council, Decimal(bookings.filter(council=council).count()), label % {"course": pool.course.title}, on))
    else:
        raise Refused(_("Type these figures in, with their source."), "measure")
    return figures


def basis_spec(basis: PoolBasis, figures: list[BasisFigure] | None = None, members: list[PoolCouncil] | None = None) -> dict:
    """The engine's apportion spec for a basis (without a total), parties in council order."""
    figures = {f.council_id: f for f in (figures if figures is not None else basis.figures.all())}
    members = members if members is not None else list(basis.pool.members.select_related("council"))
    field_for = {"fixed": "share", "pro_rata": "measure", "usage": "units", "hybrid": "measure"}.get(basis.basis)
    parties = []
    for member in members:
        party = {"id": member.council.slug}
        if field_for and member.council_id in figures:
            party[field_for] = _figure(figures[member.council_id].value)
        for limit in ("cap", "floor"):
            if getattr(member, limit) is not None:
                party[limit] = _text(getattr(member, limit))
        parties.append(party)
    spec = {"basis": basis.basis, "parties": parties}
    if basis.basis == "hybrid":
        equal = basis.equal_weight if basis.equal_weight is not None else Decimal("0")
        spec["parts"] = [{"basis": "equal", "weight": _figure(equal)}, {"basis": "pro_rata", "weight": _figure(100 - equal)}]
    return spec


@audit.actor_argument("actor")
@transaction.atomic
def set_basis(*, pool: CostPool, actor, effective_from: datetime.date, basis: str, measure: str = PoolBasis.Measure.TYPED,
              measure_label: str = "", equal_weight: Decimal | None = None, note: str = "",
              figures: dict | None = None) -> PoolBasis:
    """A basis from a date, with each council's figure: {council_id: (value, source, as_of)}. Typed figures need a source."""
    require(can_manage_costs(scope_of(actor), pool.partnership), "only the partnership's coordinators change a pool's basis")
    if pool.bases.filter(effective_from=effective_from).exists():
        raise Refused(_("The pool already has a basis from %(date)s: choose another date.") % {"date": effective_from}, "effective_from")
    if basis == PoolBasis.Basis.HYBRID and equal_weight is None:
        raise Refused(_("Say what percentage is shared equally."), "equal_weight")
    record = PoolBasis.objects.create(pool=pool, effective_from=effective_from, basis=basis, measure=measure,
                                      measure_label=measure_label, equal_weight=equal_weight if basis == "hybrid" else None,
                                      note=note, recorded_by=actor)
    members = list(pool.members.select_related("council"))
    rows = []
    if basis != PoolBasis.Basis.EQUAL:
        figures = figures or {}
        for member in members:
            value, source, as_of = figures.get(member.council_id, (None, "", None))
            if value is None:
                raise Refused(_("%(council)s has no figure: the basis needs one for every council.") % {"council": member.council},
                              f"value_{member.council_id}")
            if not source.strip():
                raise Refused(_("%(council)s's figure needs its source.") % {"council": member.council}, f"source_{member.council_id}")
            rows.append(BasisFigure.objects.create(basis=record, council=member.council, value=value, source=source.strip(),
                                                   as_of=as_of))
    try:
        recharge_engine.check_basis_spec(basis_spec(record, rows, members))
    except SpecError as error:
        # The form's first figure: the error concerns the figures together, and the summary links to a field.
        raise Refused(_("These figures cannot split a cost: %(error)s") % {"error": error.translated(_)},
                      f"value_{members[0].council_id}" if members else "figures") from None
    return record


@audit.actor_argument("actor")
@transaction.atomic
def remove_basis(*, basis: PoolBasis, actor) -> None:
    require(can_manage_costs(scope_of(actor), basis.pool.partnership), "only the partnership's coordinators change a pool's basis")
    # Every cost needs a basis in force on its date: the earliest left must apply from the first cost or before.
    earliest_left = basis.pool.bases.exclude(pk=basis.pk).order_by("effective_from").first()
    first_cost = basis.pool.costs.order_by("date").first()
    if first_cost is not None and (earliest_left is None or earliest_left.effective_from > first_cost.date):
        raise Refused(_("The pool's costs need a basis: add another before taking this one away."))
    basis.delete()


@audit.actor_argument("actor")
@transaction.atomic
def record_cost(*, pool: CostPool, actor, paid_by, date: datetime.date, amount: Decimal, description: str,
                kind: str = "revenue") -> Cost:
    scope = scope_of(actor)
    require(can_record_cost(scope, pool), "only the pool's coordinators and its councils' leads record its costs")
    if not councils_paying_for(scope, pool).filter(pk=paid_by.pk).exists():
        raise Refused(_("You can record costs only for a council in the pool that you act for."), "paid_by")
    first = pool.bases.order_by("effective_from").first()
    if first is None:
        raise Refused(_("Agree how the pool is split (its basis) before recording costs."), "date")
    if date < first.effective_from:
        raise Refused(_("The pool's first basis applies from %(date)s: a cost before then cannot be shared.")
                      % {"date": first.effective_from}, "date")
    return Cost.objects.create(pool=pool, paid_by=paid_by, date=date, amount=amount, kind=kind, description=description,
                               recorded_by=actor)


@audit.actor_argument("actor")
@transaction.atomic
def remove_cost(*, cost: Cost, actor) -> None:
    require(can_remove_cost(scope_of(actor), cost), "only the pool's coordinators and the paying council's leads remove a cost")
    cost.delete()


@dataclass
class PoolPeriod:
    """A pool's figures for a period, by council (in the pool's council order)."""

    start: datetime.date
    end: datetime.date
    total: Decimal
    rows: list[dict]  # council, share, paid, balance, cost_alone, saving
    segments: list[dict]  # from, basis, total
    within_tolerance: bool
    recharges: list[dict]  # payer, payee (councils), amount
    error: str = ""
    savings: dict | None = None  # the engine's Shapley output when every council has a cost on its own


def pool_period(pool: CostPool, start: datetime.date, end: datetime.date) -> PoolPeriod:
    members = list(pool.members.select_related("council"))
    by_slug = {m.council.slug: m for m in members}
    bases = list(pool.bases.prefetch_related("figures").order_by("effective_from"))
    costs = list(pool.costs.select_related("paid_by"))
    empty = PoolPeriod(start, end, Decimal("0"), [], [], True, [])
    if not bases or not members:
        empty.rows = [{"council": m.council, "share": Decimal("0"), "paid": Decimal("0"), "balance": Decimal("0")} for m in members]
        return empty
    spec = {
        "councils": list(by_slug),
        "bases": [{"from": b.effective_from.isoformat(), **basis_spec(b, list(b.figures.all()), members)} for b in bases],
        "costs": [{"date": c.date.isoformat(), "amount": _text(c.amount), "paid_by": c.paid_by.slug} for c in costs],
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "tolerance": _text(pool.tolerance),
    }
    try:
        out = recharge_engine.run(spec)
    except SpecError as error:
        empty.error = error.translated(_)
        return empty
    rows = []
    for slug, member in by_slug.items():
        share = Decimal(out["shares"][slug])
        row = {"council": member.council, "share": share, "paid": Decimal(out["paid"][slug]),
               "balance": Decimal(out["balances"][slug]), "cost_alone": member.cost_alone}
        row["saving"] = member.cost_alone - share if member.cost_alone is not None else None
        rows.append(row)
    period = PoolPeriod(
        start, end, Decimal(out["total"]), rows,
        [{"from": datetime.date.fromisoformat(s["from"]), "basis": s["basis"], "total": Decimal(s["total"])} for s in out["segments"]],
        out["within_tolerance"],
        [{"payer": by_slug[r["from"]].council, "payee": by_slug[r["to"]].council, "amount": Decimal(r["amount"])}
         for r in out["recharges"]],
    )
    if period.total and all(m.cost_alone is not None for m in members) and len(members) >= 2:
        try:
            period.savings = shapley_engine.run({
                "councils": [{"id": m.council.slug, "alone": _text(m.cost_alone)} for m in members],
                "joint_cost": out["total"], "rule": "proportional"})
        except SpecError:
            period.savings = None  # joint cost above the costs alone: no saving to share
    return period


# --- Funding packages --------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_package(*, partnership, actor, name: str, start_date, end_date=None, description: str = "",
                   warn_days: int = 90) -> FundingPackage:
    require(can_manage_costs(scope_of(actor), partnership), "only the partnership's coordinators set up funding")
    if end_date is not None and end_date < start_date:
        raise Refused(_("The end date is before the start date."), "end_date")
    return FundingPackage.objects.create(partnership=partnership, name=name, start_date=start_date, end_date=end_date,
                                         description=description, warn_days=warn_days, recorded_by=actor)


ENTRY_MODELS = {"award": Award, "amendment": Amendment, "profile": ProfileLine, "reprofile": Reprofile, "spend": Spend,
                "claim": Claim, "in_kind": InKind}


ENTRY_FIGURE = {"amendment": "change", "profile": "amount", "reprofile": "amount"}


def _check_year(value: str, field_name: str) -> str:
    try:
        return grant_engine._year(value, field_name)
    except SpecError:
        raise Refused(_("Write the financial year like 2013/14."), field_name) from None


@audit.actor_argument("actor")
@transaction.atomic
def add_package_entry(*, package: FundingPackage, actor, what: str, values: dict):
    """Record an award, amendment, profile line, re-profiling, spend, claim or contribution in kind, and check the
    package's statement still adds up (an award never below zero, a profile never negative)."""
    require(can_manage_costs(scope_of(actor), package.partnership), "only the partnership's coordinators record funding")
    model = ENTRY_MODELS[what]
    values = dict(values)
    if what in ("award", "profile", "reprofile", "spend", "in_kind"):
        values["package"] = package
    elif values.get("award") is None or values["award"].package_id != package.pk:
        raise Refused(_("Choose one of this package's funders."), "award")
    for year_field in ("year", "from_year", "to_year"):
        if values.get(year_field):
            values[year_field] = _check_year(values[year_field], year_field)
    if what in ("spend", "in_kind") and values.get("council") is not None:
        if not package.partnership.memberships.filter(council=values["council"]).exists():
            raise Refused(_("Choose a council of the partnership."), "council")
    if what == "profile":
        ProfileLine.objects.filter(package=package, year=values["year"]).delete()  # a year's plan is replaced, not added to
    try:
        with transaction.atomic():
            entry = model.objects.create(recorded_by=actor, **values)
    except IntegrityError:
        raise Refused(_("%(funder)s is already a funder of this package.") % {"funder": values.get("funder", "")}, "funder") from None
    try:
        grant_engine.statement(package_spec(package))
    except SpecError as error:
        # The new entry's field the engine names ("reprofiles[0].to_year: …"), else what it brings that no longer
        # adds up: an amendment's change, a plan's or a move's amount.
        named = next((name for name in values if f".{name}:" in str(error)), None)
        raise Refused(_("That would not add up: %(error)s") % {"error": error.translated(_)}, named or ENTRY_FIGURE.get(what, "")) from None
    return entry


@audit.actor_argument("actor")
@transaction.atomic
def remove_package_entry(*, entry, actor) -> None:
    package = entry.package if hasattr(entry, "package") else entry.award.package
    require(can_manage_costs(scope_of(actor), package.partnership), "only the partnership's coordinators change funding")
    entry.delete()
    try:
        grant_engine.statement(package_spec(package))
    except SpecError as error:
        raise Refused(_("Taking that away would not add up: %(error)s") % {"error": error.translated(_)}) from None


def package_spec(package: FundingPackage) -> dict:
    awards = list(package.awards.all())
    spec = {
        "funders": [{"id": str(a.pk), "awarded": _text(a.awarded)} for a in awards] or [{"id": "none", "awarded": "0.00"}],
        "amendments": [
            {"funder": str(a.award_id), "date": a.date.isoformat(), "change": _text(a.change), "reason": a.reason,
             **({"year": a.year} if a.year else {})}
            for a in Amendment.objects.filter(award__package=package)
        ],
        "spend": [{"date": s.date.isoformat(), "amount": _text(s.amount), "kind": s.kind} for s in package.spend.all()],
        "in_kind": [{"party": str(k.council_id), "date": k.date.isoformat(), "days": _figure(k.days), "day_rate": _text(k.day_rate)}
                    for k in package.in_kind.all()],
        "end_date": package.end_date.isoformat() if package.end_date else None,
    }
    profile = list(package.profile.all())
    reprofiles = list(package.reprofiles.all())
    if profile or reprofiles:
        spec["profile"] = [{"year": p.year, "amount": _text(p.amount)} for p in profile]
        spec["reprofiles"] = [{"date": r.date.isoformat(), "from_year": r.from_year, "to_year": r.to_year,
                               "amount": _text(r.amount), "reason": r.reason} for r in reprofiles]
    claims = list(Claim.objects.filter(award__package=package))
    if claims:
        spec["claims"] = [{"funder": str(c.award_id), "date": c.date.isoformat(), "amount": _text(c.amount)} for c in claims]
    return spec


@dataclass
class PackageStatement:
    figures: dict  # the engine's statement, funders keyed by award pk
    awards: list  # (award, awarded after amendments, return, claimed, still to claim)
    warnings: list[dict]
    in_kind: list  # (council, value)


def package_statement(package: FundingPackage, today: datetime.date) -> PackageStatement:
    spec = package_spec(package)
    out = grant_engine.statement(spec)
    awards = []
    for award in package.awards.all():
        key = str(award.pk)
        awards.append({"award": award, "awarded": Decimal(out["awarded"][key]), "return": Decimal(out["return"][key]),
                       "claimed": Decimal(out.get("claimed", {}).get(key, "0")),
                       "still_to_claim": Decimal(out.get("still_to_claim", {}).get(key, out["awarded"][key]))})
    councils = {str(c.pk): c for c in Council.objects.filter(pk__in=package.in_kind.values("council_id"))}
    in_kind = [(councils[key], Decimal(value)) for key, value in out["in_kind"].items()]
    found = grant_engine.warnings(spec, out, today, package.warn_days) if package.awards.exists() else []
    names = {str(a.pk): a.funder for a in package.awards.all()}
    for warning in found:
        if "funder" in warning:
            warning["funder"] = names.get(warning["funder"], warning["funder"])
    return PackageStatement(out, awards, found, in_kind)


def in_kind_value(entry: InKind) -> Decimal:
    return Decimal(grant_engine.in_kind_pence(Decimal(entry.days), int(entry.day_rate * 100))) / 100


# --- Pooled entitlements ---------------------------------------------------------------------------------


@audit.actor_argument("actor")
@transaction.atomic
def create_entitlement(*, partnership, actor, name: str, pool_days: Decimal, cap_days: Decimal | None = None,
                       description: str = "") -> EntitlementPool:
    require(can_manage_costs(scope_of(actor), partnership), "only the partnership's coordinators set up pooled entitlements")
    if cap_days is not None and cap_days > pool_days:
        raise Refused(_("The most one council may draw is more than the whole pool."), "cap_days")
    return EntitlementPool.objects.create(partnership=partnership, name=name, pool_days=pool_days, cap_days=cap_days,
                                          description=description, recorded_by=actor)


def entitlement_councils(pool: EntitlementPool) -> list[Council]:
    """The partnership's current members, and any council with a record in the pool, by name."""
    used = set(pool.drawdowns.values_list("council_id", flat=True)) | set(pool.one_to_one.values_list("council_id", flat=True))
    used |= set(ThemeGroupMember.objects.filter(group__pool=pool).values_list("council_id", flat=True))
    return list(Council.objects.filter(Q(pk__in=current_member_councils(pool.partnership)) | Q(pk__in=used)).order_by("name"))


def entitlement_spec(pool: EntitlementPool) -> dict:
    return {
        "pool_days": _figure(pool.pool_days),
        **({"cap_days": _figure(pool.cap_days)} if pool.cap_days is not None else {}),
        "councils": [str(c.pk) for c in entitlement_councils(pool)],
        "drawdowns": [{"council": str(d.council_id), "days": _figure(d.days), "date": d.date.isoformat()} for d in pool.drawdowns.all()],
        "one_to_one": [{"council": str(o.council_id), "days": _figure(o.days)} for o in pool.one_to_one.all()],
        "groups": [
            {"id": str(g.pk), "days": _figure(g.days), "members": [str(m.council_id) for m in g.members.all()],
             "weights": {str(m.council_id): _figure(m.weight) for m in g.members.all()}}
            for g in pool.groups.prefetch_related("members")
        ],
    }


def entitlement_statement(pool: EntitlementPool) -> dict:
    """The engine's figures, with councils and groups as objects: {"figures", "councils": [(council, row)], "groups": [...]}."""
    out = entitlement_engine.run(entitlement_spec(pool))
    councils = {str(c.pk): c for c in entitlement_councils(pool)}
    groups = {str(g.pk): g for g in pool.groups.all()}
    return {
        "figures": out,
        "councils": [(councils[key], {k: Decimal(v) for k, v in row.items()}) for key, row in out["councils"].items()],
        "groups": [(groups[key], Decimal(row["days"]), [(councils[c], Decimal(d)) for c, d in row["shares"].items()])
                   for key, row in out["groups"].items()],
    }


@audit.actor_argument("actor")
@transaction.atomic
def draw_down(*, pool: EntitlementPool, actor, council: Council, days: Decimal, date: datetime.date) -> Drawdown:
    """Draw days from the pool for a council; refused over the council's cap or beyond what is left in the pool."""
    require(can_manage_costs(scope_of(actor), pool.partnership), "only the partnership's coordinators record drawdowns")
    if council not in entitlement_councils(pool):
        raise Refused(_("Choose a council of the partnership."), "council")
    drawdown = Drawdown.objects.create(pool=pool, council=council, days=days, date=date, recorded_by=actor)
    out = entitlement_engine.run(entitlement_spec(pool))
    refused = [r for r in out["refused"] if r["council"] == str(council.pk)]
    if refused:
        raise Refused(_("%(council)s cannot draw %(days)s days: %(reason)s.") % {
            "council": council, "days": _figure(days), "reason": _refusal_reason(refused[-1]["reason"], pool)}, "days")
    return drawdown


def _refusal_reason(reason: str, pool: EntitlementPool) -> str:
    # The engine explains in English; say it again in the user's language.
    if reason.startswith("over the cap"):
        return _("that is over the cap of %(cap)s days a council") % {"cap": _figure(pool.cap_days)}
    return _("the pool has fewer days left than that")


@audit.actor_argument("actor")
@transaction.atomic
def use_one_to_one(*, pool: EntitlementPool, actor, council: Council, days: Decimal, date: datetime.date,
                   description: str) -> OneToOne:
    require(can_manage_costs(scope_of(actor), pool.partnership), "only the partnership's coordinators record use")
    if council not in entitlement_councils(pool):
        raise Refused(_("Choose a council of the partnership."), "council")
    return OneToOne.objects.create(pool=pool, council=council, days=days, date=date, description=description, recorded_by=actor)


@audit.actor_argument("actor")
@transaction.atomic
def add_theme_group(*, pool: EntitlementPool, actor, name: str, days: Decimal, members: dict) -> ThemeGroup:
    """A theme group with its members' weights: {council: weight}."""
    require(can_manage_costs(scope_of(actor), pool.partnership), "only the partnership's coordinators set up theme groups")
    if not members:
        raise Refused(_("Choose the councils in the group."), "members")
    allowed = set(entitlement_councils(pool))
    strangers = [c for c in members if c not in allowed]
    if strangers:
        raise Refused(_("%(council)s is not a council of the partnership.") % {"council": strangers[0]}, "members")
    if pool.groups.filter(name=name).exists():
        raise Refused(_("The pool already has a group called %(name)s.") % {"name": name}, "name")
    group = ThemeGroup.objects.create(pool=pool, name=name, days=days, recorded_by=actor)
    for council, weight in members.items():
        ThemeGroupMember.objects.create(group=group, council=council, weight=weight)
    return group


ENTITLEMENT_ENTRIES = {"drawdown": Drawdown, "one_to_one": OneToOne, "group": ThemeGroup}


@audit.actor_argument("actor")
@transaction.atomic
def remove_entitlement_entry(*, entry, actor) -> None:
    require(can_manage_costs(scope_of(actor), entry.pool.partnership), "only the partnership's coordinators change entitlements")
    entry.delete()


# --- Each council's statement -----------------------------------------------------------------------------


@dataclass
class Statement:
    partnership: object
    council: Council
    year: int
    pools: list = field(default_factory=list)  # dicts: pool, share, paid, balance, cost_alone, saving, fair_saving
    recharges: list = field(default_factory=list)  # dicts: pool, payer, payee, amount (involving the council)
    funding: list = field(default_factory=list)  # dicts: package, spend, in_kind, in_kind_days
    entitlements: list = field(default_factory=list)  # dicts: pool, entitlement, one_to_one, groups, used, balance
    places: dict = field(default_factory=dict)  # booked, attended on the partnership's courses
    totals: dict = field(default_factory=dict)
    post_recharges: list = field(default_factory=list)  # dicts: post, payer, payee, amount (shared posts recharged at their split)
    time: dict | None = None  # approved hours given and received (workforce), or None when there are none

    @property
    def label(self) -> str:
        return year_label(self.year)


def council_statement(partnership, council: Council, year: int) -> Statement:
    start, end = period_of(year)
    statement = Statement(partnership, council, year)
    for pool in CostPool.objects.filter(partnership=partnership, members__council=council).order_by("name"):
        period = pool_period(pool, start, end)
        if period.error:  # shown as such, never as a share of nothing
            statement.pools.append({"pool": pool, "council": council, "share": None, "paid": None, "balance": None, "cost_alone": None,
                                    "saving": None, "fair_saving": None, "error": period.error, "within_tolerance": False})
            continue
        row = next((r for r in period.rows if r["council"] == council), None)
        if row is None:
            continue
        fair = None
        if period.savings is not None:
            fair = Decimal(period.savings["councils"][council.slug]["saving"])
        statement.pools.append({"pool": pool, **row, "fair_saving": fair, "error": period.error,
                                "within_tolerance": period.within_tolerance})
        statement.recharges += [{"pool": pool, **r} for r in period.recharges if council in (r["payer"], r["payee"])]
    for package in FundingPackage.objects.filter(partnership=partnership).order_by("name"):
        spend = [s.amount for s in package.spend.filter(council=council, date__range=(start, end))]
        given = list(package.in_kind.filter(council=council, date__range=(start, end)))
        if spend or given:
            statement.funding.append({
                "package": package, "spend": sum(spend, Decimal("0")),
                "in_kind": sum((in_kind_value(k) for k in given), Decimal("0")),
                "in_kind_days": sum((k.days for k in given), Decimal("0")),
            })
    for pool in EntitlementPool.objects.filter(partnership=partnership).order_by("name"):
        figures = entitlement_statement(pool)
        row = next((r for c, r in figures["councils"] if c == council), None)
        if row is not None and any(row.values()):
            statement.entitlements.append({"pool": pool, **row})
    bookings = Booking.objects.filter(council=council, session__course__partnership=partnership,
                                      session__starts_at__date__range=(start, end))
    statement.places = {
        "booked": bookings.holding_a_place().count(),
        "attended": bookings.filter(status=Booking.Status.ATTENDED).count(),
    }
    from partnering.workforce.services import post_recharges, statement_time

    statement.post_recharges = post_recharges(partnership, year, council)
    statement.time = statement_time(partnership, council, year)
    statement.totals = {
        "share": sum((p["share"] for p in statement.pools if not p["error"]), Decimal("0")),
        "paid": sum((p["paid"] for p in statement.pools if not p["error"]), Decimal("0")),
        "balance": sum((p["balance"] for p in statement.pools if not p["error"]), Decimal("0")),
        "saving": sum((p["saving"] for p in statement.pools if p.get("saving") is not None), Decimal("0")),
        "spend": sum((f["spend"] for f in statement.funding), Decimal("0")),
        "in_kind": sum((f["in_kind"] for f in statement.funding), Decimal("0")),
    }
    return statement


def partnership_totals(partnership, year: int) -> dict:
    """What every council can see of the partnership's money for the year: totals, no council's detail."""
    start, end = period_of(year)
    pools = [(pool, pool_period(pool, start, end)) for pool in CostPool.objects.filter(partnership=partnership).order_by("name")]
    packages = []
    for package in FundingPackage.objects.filter(partnership=partnership).order_by("name"):
        out = grant_engine.statement(package_spec(package))
        packages.append({"package": package, "awarded": Decimal(out["total_awarded"]), "spent": Decimal(out["spent"]),
                         "underspend": Decimal(out.get("underspend", "0")), "overspend": Decimal(out.get("overspend", "0"))})
    entitlements = []
    for pool in EntitlementPool.objects.filter(partnership=partnership).order_by("name"):
        out = entitlement_engine.run(entitlement_spec(pool))
        used = sum((Decimal(r["used"]) for r in out["councils"].values()), Decimal("0"))
        entitlements.append({"pool": pool, "pool_days": Decimal(out["pool_days"]), "drawn": Decimal(out["drawn"]), "used": used})
    return {
        "pools": [{"pool": pool, "total": period.total, "error": period.error} for pool, period in pools],
        "pool_total": sum((period.total for _, period in pools), Decimal("0")),
        "packages": packages,
        "entitlements": entitlements,
    }
