"""The demo's shared money, from the source studies, entered through the app's own services
(`partnering.costs.services`) by the demo coordinator, exactly as the coordinator would enter it on the pages.

- The schools ICT programme: £3.057m over three years split 80/20 between Rhondda Cynon Taf and Merthyr Tydfil,
  the third year's funding halved and £100,000 restored on appeal; the programme team's costs, paid by the host
  and shared 80/20.
- The North Wales legal collaboration: its project funded by the European Social Fund (£144,933) and the WLGA
  (£69,767), £179,456 spent by the hard end date so £35,244 is returned pro rata; Denbighshire's senior solicitor
  a day a week in kind; the shared case-management system's capital split pro rata to legal-services headcount.
- The North West skills group: 14 pooled support days, at most three a council, drawn by six councils; one
  council uses its single day as one-to-one consultancy, the rest go to three theme groups.

Figures the studies give are used as given. Where they give none the figure is illustrative and says so, in its
source or its description (`ILLUSTRATIVE`).

Loading twice changes nothing: every record is looked for first (by name, or by its date and description) and
only what is missing goes through the service.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from partnering.costs import services
from partnering.costs.models import Amendment, CostPool, EntitlementPool, FundingPackage, PoolBasis
from partnering.organisations.reference import slugify

ILLUSTRATIVE = "Illustrative demo figure"

SCHOOLS_ICT = "ICT Enabled Schools Transformation Programme"
LEGAL = "North Wales Legal Services Collaboration"
SKILLS = "North West skills group"
COST_PARTNERSHIPS = (SCHOOLS_ICT, LEGAL, SKILLS)

D = Decimal
date = datetime.date

# --- The schools ICT programme ------------------------------------------------------------------------

ICT_PACKAGE = "ICT enabled schools transformation"
ICT_AWARDS = (("rhondda-cynon-taf", "Rhondda Cynon Taf", D("2445600.00")), ("merthyr-tydfil", "Merthyr Tydfil", D("611400.00")))
ICT_YEARS = ("2013/14", "2014/15", "2015/16")
ICT_PROFILE = D("1019000.00")  # £3.057m over three years
ICT_AMENDMENTS = (  # (funder, date, change, year, reason)
    ("Rhondda Cynon Taf", date(2014, 12, 15), D("-407600.00"), "2015/16", "Third year's funding halved"),
    ("Merthyr Tydfil", date(2014, 12, 15), D("-101900.00"), "2015/16", "Third year's funding halved"),
    ("Rhondda Cynon Taf", date(2015, 6, 19), D("80000.00"), "2015/16", "Restored on appeal"),
    ("Merthyr Tydfil", date(2015, 6, 19), D("20000.00"), "2015/16", "Restored on appeal"),
)
# Spent as profiled after the amendments (the studies give no spend): the host's programme spend each year.
ICT_SPEND = (
    (date(2014, 3, 31), D("1019000.00"), f"Programme spend 2013/14 ({ILLUSTRATIVE}: spent as profiled)"),
    (date(2015, 3, 31), D("1019000.00"), f"Programme spend 2014/15 ({ILLUSTRATIVE}: spent as profiled)"),
    (date(2016, 3, 31), D("609500.00"), f"Programme spend 2015/16 ({ILLUSTRATIVE}: spent as profiled)"),
)
ICT_POOL = "Schools ICT programme team"
ICT_SPLIT = (("rhondda-cynon-taf", D("80")), ("merthyr-tydfil", D("20")))
ICT_COSTS = (  # paid by Rhondda Cynon Taf, the host, in 2013/14
    (date(2013, 9, 30), D("41250.00"), f"Programme team salaries, April to September 2013 ({ILLUSTRATIVE})"),
    (date(2013, 11, 15), D("3480.00"), f"Headteachers' ICT conference: venue and catering ({ILLUSTRATIVE})"),
    (date(2014, 3, 31), D("41250.00"), f"Programme team salaries, October 2013 to March 2014 ({ILLUSTRATIVE})"),
)

# --- The North Wales legal collaboration ----------------------------------------------------------------

LEGAL_PACKAGE = "Legal services collaboration project"
LEGAL_AWARDS = (("European Social Fund", D("144933.00")), ("WLGA", D("69767.00")))
LEGAL_START, LEGAL_END = date(2012, 4, 1), date(2014, 12, 31)
LEGAL_SPEND = (  # £179,456 in all, every item before the end date
    (date(2012, 9, 30), D("38250.00"), f"Project manager and support, April to September 2012 ({ILLUSTRATIVE})"),
    (date(2013, 3, 31), D("38250.00"), f"Project manager and support, October 2012 to March 2013 ({ILLUSTRATIVE})"),
    (date(2013, 6, 28), D("14620.00"), f"Legal practice training across the six councils ({ILLUSTRATIVE})"),
    (date(2013, 9, 30), D("39100.00"), f"Project manager and support, April to September 2013 ({ILLUSTRATIVE})"),
    (date(2014, 3, 31), D("39100.00"), f"Project manager and support, October 2013 to March 2014 ({ILLUSTRATIVE})"),
    (date(2014, 9, 30), D("10136.00"), f"Evaluation and closing report ({ILLUSTRATIVE})"),
)
SOLICITOR_DAY_RATE = D("300.00")
LEGAL_IN_KIND = (  # Denbighshire's senior solicitor, a day a week
    (date(2013, 3, 31), D("46"), f"A senior solicitor's day a week, 2012/13 ({ILLUSTRATIVE}: days and day rate)"),
    (date(2014, 3, 31), D("46"), f"A senior solicitor's day a week, 2013/14 ({ILLUSTRATIVE}: days and day rate)"),
    (date(2014, 12, 31), D("36"), f"A senior solicitor's day a week, April to December 2014 ({ILLUSTRATIVE}: days and day rate)"),
)
CASE_POOL = "Shared case-management system"
HEADCOUNT_SOURCE = f"{ILLUSTRATIVE}: legal-services headcount"
# council: (legal-services headcount, what the council would pay for a system of its own)
LEGAL_COUNCILS = {
    "anglesey": (D("14"), D("37800.00")),
    "conwy": (D("22"), D("43400.00")),
    "denbighshire": (D("19"), D("41300.00")),
    "flintshire": (D("27"), D("46900.00")),
    "gwynedd": (D("24"), D("44800.00")),
    "wrexham": (D("25"), D("45500.00")),
}
CASE_SYSTEM_PAID_BY = "flintshire"
CASE_SYSTEM_COST = (date(2013, 7, 31), D("96500.00"),
                    f"Case-management system: licences, set-up and data migration ({ILLUSTRATIVE})")

# --- The North West skills group --------------------------------------------------------------------------

SUPPORT_POOL = "Pooled support days"
SUPPORT_DAYS, SUPPORT_CAP = D("14"), D("3")
# Six councils draw 14 days between them, at most three each (the study); who drew how many is illustrative.
DRAWDOWNS = (
    ("liverpool", D("3"), date(2012, 5, 1)),
    ("salford", D("3"), date(2012, 5, 1)),
    ("sefton", D("3"), date(2012, 5, 8)),
    ("knowsley", D("2"), date(2012, 5, 8)),
    ("halton", D("2"), date(2012, 5, 15)),
    ("burnley", D("1"), date(2012, 5, 15)),
)
ONE_TO_ONE = ("burnley", D("1"), date(2012, 10, 17), f"Consultancy on the council's workforce development plan ({ILLUSTRATIVE})")
# (theme, facilitator days, {council: weight}): each council's share is within what it drew.
THEME_GROUPS = (
    ("Workforce planning", D("5"), {"liverpool": D("1"), "salford": D("1"), "sefton": D("1"), "knowsley": D("1"), "halton": D("1")}),
    ("Apprenticeships", D("4"), {"salford": D("1"), "sefton": D("1"), "knowsley": D("1"), "halton": D("1")}),
    ("Leadership development", D("4"), {"liverpool": D("2"), "salford": D("1"), "sefton": D("1")}),
)


@dataclass
class CostsSummary:
    """What the demo's shared money holds, and how many records this load added."""

    pools: int = 0
    packages: int = 0
    entitlements: int = 0
    added: int = 0


def load_costs(partnerships: dict, councils: dict, actor) -> CostsSummary:
    """Load the shared money of the three partnerships through the services, acting as `actor` (who must
    coordinate them). `partnerships` and `councils` are keyed by slug."""
    summary = CostsSummary()
    _schools_ict(partnerships[slugify(SCHOOLS_ICT)], councils, actor, summary)
    _legal(partnerships[slugify(LEGAL)], councils, actor, summary)
    _skills(partnerships[slugify(SKILLS)], councils, actor, summary)
    chosen = [partnerships[slugify(name)] for name in COST_PARTNERSHIPS]
    summary.pools = CostPool.objects.filter(partnership__in=chosen).count()
    summary.packages = FundingPackage.objects.filter(partnership__in=chosen).count()
    summary.entitlements = EntitlementPool.objects.filter(partnership__in=chosen).count()
    return summary


# --- Helpers: each adds what is missing, through the service -----------------------------------------------


def _package(partnership, actor, summary, *, name, start_date, end_date, description) -> FundingPackage:
    package = FundingPackage.objects.filter(partnership=partnership, name=name).first()
    if package is None:
        package = services.create_package(partnership=partnership, actor=actor, name=name, start_date=start_date,
                                          end_date=end_date, description=description)
        summary.added += 1
    return package


def _entry(package, actor, summary, what, values, *, exists: bool):
    if not exists:
        services.add_package_entry(package=package, actor=actor, what=what, values=values)
        summary.added += 1


def _award(package, actor, summary, funder, awarded):
    _entry(package, actor, summary, "award", {"funder": funder, "awarded": awarded},
           exists=package.awards.filter(funder=funder).exists())
    return package.awards.get(funder=funder)


def _pool(partnership, actor, summary, *, name, purpose, councils, description) -> CostPool:
    pool = CostPool.objects.filter(partnership=partnership, name=name).first()
    if pool is None:
        pool = services.create_pool(partnership=partnership, actor=actor, name=name, purpose=purpose, councils=councils,
                                    description=description)
        summary.added += 1
    return pool


def _basis(pool, actor, summary, *, effective_from, **values):
    if not pool.bases.filter(effective_from=effective_from).exists():
        services.set_basis(pool=pool, actor=actor, effective_from=effective_from, **values)
        summary.added += 1


def _cost(pool, actor, summary, *, paid_by, date, amount, description, kind="revenue"):
    if not pool.costs.filter(date=date, description=description).exists():
        services.record_cost(pool=pool, actor=actor, paid_by=paid_by, date=date, amount=amount, description=description,
                             kind=kind)
        summary.added += 1


# --- The three partnerships ----------------------------------------------------------------------------------


def _schools_ict(partnership, councils, actor, summary) -> None:
    host = councils["rhondda-cynon-taf"]
    package = _package(
        partnership, actor, summary, name=ICT_PACKAGE, start_date=date(2013, 4, 1), end_date=date(2016, 3, 31),
        description="£3.057m over three years from the two councils, split 80/20. The third year's funding was halved; "
                    "£100,000 was restored on appeal.",
    )
    awards = {funder: _award(package, actor, summary, funder, awarded) for _, funder, awarded in ICT_AWARDS}
    for year in ICT_YEARS:
        _entry(package, actor, summary, "profile", {"year": year, "amount": ICT_PROFILE},
               exists=package.profile.filter(year=year).exists())
    for funder, when, change, year, reason in ICT_AMENDMENTS:
        award = awards[funder]
        _entry(package, actor, summary, "amendment",
               {"award": award, "date": when, "change": change, "year": year, "reason": reason},
               exists=Amendment.objects.filter(award=award, date=when, reason=reason).exists())
    for when, amount, description in ICT_SPEND:
        _entry(package, actor, summary, "spend",
               {"date": when, "amount": amount, "kind": "revenue", "description": description, "council": host},
               exists=package.spend.filter(date=when, description=description).exists())

    pool = _pool(
        partnership, actor, summary, name=ICT_POOL, purpose=CostPool.Purpose.PROGRAMME_OFFICE,
        councils=[councils[slug] for slug, _ in ICT_SPLIT],
        description="The programme team, hosted by Rhondda Cynon Taf and shared 80/20 as the programme agreement says.",
    )
    _basis(pool, actor, summary, effective_from=date(2013, 4, 1), basis=PoolBasis.Basis.FIXED,
           measure_label="Share in the programme agreement",
           figures={councils[slug].pk: (share, "Programme agreement", None) for slug, share in ICT_SPLIT})
    for when, amount, description in ICT_COSTS:
        _cost(pool, actor, summary, paid_by=host, date=when, amount=amount, description=description)


def _legal(partnership, councils, actor, summary) -> None:
    package = _package(
        partnership, actor, summary, name=LEGAL_PACKAGE, start_date=LEGAL_START, end_date=LEGAL_END,
        description="Funded by the European Social Fund and the WLGA to a hard end date; the underspend is returned "
                    "to the funders pro rata to what each awarded.",
    )
    for funder, awarded in LEGAL_AWARDS:
        _award(package, actor, summary, funder, awarded)
    for when, amount, description in LEGAL_SPEND:
        _entry(package, actor, summary, "spend", {"date": when, "amount": amount, "kind": "revenue", "description": description},
               exists=package.spend.filter(date=when, description=description).exists())
    denbighshire = councils["denbighshire"]
    for when, days, description in LEGAL_IN_KIND:
        _entry(package, actor, summary, "in_kind",
               {"council": denbighshire, "date": when, "days": days, "day_rate": SOLICITOR_DAY_RATE, "description": description},
               exists=package.in_kind.filter(council=denbighshire, date=when, description=description).exists())

    members = {slug: councils[slug] for slug in LEGAL_COUNCILS}
    pool = _pool(
        partnership, actor, summary, name=CASE_POOL, purpose=CostPool.Purpose.SHARED_SYSTEM, councils=list(members.values()),
        description=f"One case-management system for the six legal services, its capital split pro rata to each council's "
                    f"legal-services headcount. The headcounts and each council's cost on its own are {ILLUSTRATIVE.lower()}s.",
    )
    _basis(pool, actor, summary, effective_from=date(2013, 4, 1), basis=PoolBasis.Basis.PRO_RATA,
           measure_label="Legal-services headcount",
           figures={council.pk: (LEGAL_COUNCILS[slug][0], HEADCOUNT_SOURCE, date(2013, 3, 31)) for slug, council in members.items()})
    alone = {m.council_id: m.cost_alone for m in pool.members.all()}
    wanted = {council.pk: LEGAL_COUNCILS[slug][1] for slug, council in members.items()}
    if alone != wanted:
        services.set_member_terms(pool=pool, actor=actor, terms={pk: (cost, None, None) for pk, cost in wanted.items()})
        summary.added += 1
    when, amount, description = CASE_SYSTEM_COST
    _cost(pool, actor, summary, paid_by=members[CASE_SYSTEM_PAID_BY], date=when, amount=amount, description=description,
          kind="capital")


def _skills(partnership, councils, actor, summary) -> None:
    pool = EntitlementPool.objects.filter(partnership=partnership, name=SUPPORT_POOL).first()
    if pool is None:
        pool = services.create_entitlement(
            partnership=partnership, actor=actor, name=SUPPORT_POOL, pool_days=SUPPORT_DAYS, cap_days=SUPPORT_CAP,
            description="Support days funded by the councils' own drawdowns, at most three days a council. Six councils drew "
                        f"the 14 days between them; which council drew how many, and the theme groups' days, are "
                        f"{ILLUSTRATIVE.lower()}s.",
        )
        summary.added += 1
    for slug, days, when in DRAWDOWNS:
        council = councils[slug]
        if not pool.drawdowns.filter(council=council, date=when).exists():
            services.draw_down(pool=pool, actor=actor, council=council, days=days, date=when)
            summary.added += 1
    slug, days, when, description = ONE_TO_ONE
    if not pool.one_to_one.filter(council=councils[slug], date=when).exists():
        services.use_one_to_one(pool=pool, actor=actor, council=councils[slug], days=days, date=when, description=description)
        summary.added += 1
    for name, days, weights in THEME_GROUPS:
        if not pool.groups.filter(name=name).exists():
            services.add_theme_group(pool=pool, actor=actor, name=name, days=days,
                                     members={councils[slug]: weight for slug, weight in weights.items()})
            summary.added += 1
