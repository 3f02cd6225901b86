"""The demo's programmes, from the studies, entered through the programmes app's own services
(`partnering.programmes.services`) by the demo coordinator, as the coordinator would enter them on the pages.

- The North Wales legal services collaboration: its board, project team and groups; a project manager seconded
  from Conwy; its objectives with baseline, target and actual: reduce net cost by at least 5% (£300,000) against
  the 2010/11 outturn (so a £6m baseline and a £5.7m target), and 95% of clients rating the service good or
  excellent (set from the client survey through the survey hook); places on shared training computed from the
  catalogue; spend against profile from its funding package.
- Western Bay's programme (Swansea, Neath Port Talbot and Bridgend, with the health board) with cashable savings
  kept apart from cost avoidance.
- The schools ICT programme's monthly highlight reports, its spend against profile from its funding package.
- The North Wales economic ambition board's workstreams, each led by one council's senior responsible officer.
  The reference data has no separate partnership for the board (its members are the same six councils), so its
  programme belongs to the North Wales partnership, with the board at the top of its structure.

Figures the studies give are used as given; where they give none the figure is illustrative and says so
(`ILLUSTRATIVE`). Loading twice changes nothing: every record is looked for first.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from partnering.costs.models import FundingPackage
from partnering.demo.costs import ICT_PACKAGE, ILLUSTRATIVE, LEGAL, LEGAL_PACKAGE, SCHOOLS_ICT
from partnering.organisations.reference import slugify
from partnering.people.models import Person
from partnering.programmes import services
from partnering.programmes.models import (
    Agreement,
    Benefit,
    Body,
    Factor,
    HighlightReport,
    Indicator,
    Newsletter,
    PartnerOrganisation,
    Programme,
    Project,
    Result,
    Risk,
    ScrutinyMember,
)

D = Decimal
date = datetime.date
WESTERN_BAY_PARTNERSHIP = "South West Wales Workforce Development Network"
DOMAIN = "demo.test"


@dataclass
class ProgrammesSummary:
    added: int = 0


def _person(local: str) -> Person | None:
    return Person.objects.filter(email=f"{local}@{DOMAIN}").first()


def _programme(partnership, actor, summary, *, slug, name, **fields) -> Programme:
    found = Programme.objects.filter(slug=slug).first()
    if found:
        return found
    summary.added += 1
    return services.create_programme(partnership=partnership, actor=actor, name=name, slug=slug, **fields)


def _project(programme, actor, summary, *, name, councils=(), **fields) -> Project:
    found = programme.projects.filter(name=name).first()
    if found:
        return found
    summary.added += 1
    return services.create_project(programme=programme, actor=actor, name=name, councils=councils, **fields)


def _entry(project, actor, summary, what, lookup: dict, values: dict):
    model = services.ENTRY_MODELS[what]
    scope = {"programme": project.programme} if what == "body" else {"project": project}
    found = model.objects.filter(**scope, **lookup).first()
    if found:
        return found
    summary.added += 1
    return services.add_entry(project=project, actor=actor, what=what, values={**lookup, **values})


def _indicator(result, actor, summary, title, **fields) -> Indicator:
    found = result.indicators.filter(title=title).first()
    if found:
        return found
    summary.added += 1
    return services.add_indicator(result=result, actor=actor, title=title, **fields)


def _period(indicator, actor, summary, start, end, **fields):
    if indicator.periods.filter(start_on=start).exists():
        return
    summary.added += 1
    services.set_period(indicator=indicator, actor=actor, start_on=start, end_on=end, **fields)


def _publish(project, actor, summary):
    if not project.published:
        summary.added += 1
        services.set_published(project=project, actor=actor, published=True)


def _organisation(actor, summary, name, kind) -> PartnerOrganisation:
    found = PartnerOrganisation.objects.filter(name=name).first()
    if found:
        return found
    summary.added += 1
    return services.create_partner_organisation(actor=actor, name=name, kind=kind)


def _agreement(partnership, actor, summary, title, councils, **fields):
    if Agreement.objects.filter(partnership=partnership, title=title).exists():
        return
    summary.added += 1
    services.create_agreement(partnership=partnership, actor=actor, councils=councils, title=title, **fields)


def _scrutiny(partnership, actor, summary, person, council):
    if person is None or ScrutinyMember.objects.filter(partnership=partnership, person=person).exists():
        return
    summary.added += 1
    services.appoint_scrutiny_member(partnership=partnership, actor=actor, person=person, council=council, start_on=date(2015, 4, 1))


def load_programmes(partnerships: dict, councils: dict, actor) -> ProgrammesSummary:
    """Load the demo's programmes through the services, acting as `actor` (who must coordinate the partnerships).
    `partnerships` and `councils` are keyed by slug."""
    summary = ProgrammesSummary()
    _legal(partnerships[slugify(LEGAL)], councils, actor, summary)
    _ambition(partnerships[slugify(LEGAL)], councils, actor, summary)
    _western_bay(partnerships[slugify(WESTERN_BAY_PARTNERSHIP)], councils, actor, summary)
    _schools_ict(partnerships[slugify(SCHOOLS_ICT)], councils, actor, summary)
    return summary


# --- North Wales legal services ------------------------------------------------------------------------------

NW = ("anglesey", "conwy", "denbighshire", "flintshire", "gwynedd", "wrexham")
LEGAL_BASELINE = D("6000000")  # the 2010/11 outturn: 5% of it is the £300,000 the objective names


def _legal(partnership, councils, actor, summary):
    package = FundingPackage.objects.filter(name=LEGAL_PACKAGE).first()
    programme = _programme(partnership, actor, summary, slug="north-wales-legal", name="North Wales legal services collaboration",
                           theme="Legal services", start_on=date(2011, 4, 1), funding_package=package,
                           aims="One legal service for the six North Wales councils: lower net cost, resilience and a better service to clients.")
    project = _project(
        programme, actor, summary, name="Regional legal service", lead_council=councils["denbighshire"],
        councils=[councils[s] for s in NW if s != "denbighshire"], funding_package=package,
        sponsor=_person("lead.denbighshire"), sro=_person("lead.gwynedd"), manager=_person("staff.conwy"),
        purpose="Six councils' legal teams working as one service: shared specialist lawyers, one case-management system and one "
                "training programme.",
        aims="Reduce the net cost of legal services by at least 5% (£300,000) against the 2010/11 outturn; 95% of clients rating the "
             "service good or excellent.",
        scope="Litigation, property, planning, social care and employment law for the six councils.",
        out_of_scope="Monitoring officer duties, which stay with each council.",
        governance="The North Wales Legal Services Board (the six heads of legal) is the project board; each council's corporate "
                   "management team signs off decisions that change its service. The project manager is seconded from Conwy.",
        benefits_summary="Cashable savings from fewer external instructions; resilience from shared specialists.",
        start_on=date(2011, 4, 1), end_on=date(2015, 3, 31),
        outcomes_summary="Net cost below the 2010/11 outturn by more than the 5% target (illustrative figures).",
        notes="Private: Wrexham's contribution still to be agreed for 2014/15.")
    board = _entry(project, actor, summary, "body", {"name": "North Wales Legal Services Board"}, {"kind": Body.Kind.BOARD,
                   "remit": "The six heads of legal: the project board."})
    team = _entry(project, actor, summary, "body", {"name": "Legal services project team"}, {"kind": Body.Kind.PROJECT_TEAM, "parent": board,
                  "remit": "The project manager and a lawyer from each council."})
    for group in ("Litigation group", "Property and planning group", "Social care law group"):
        _entry(project, actor, summary, "body", {"name": group}, {"kind": Body.Kind.GROUP, "parent": team})
    _entry(project, actor, summary, "organisation", {"role": "Co-funder (with the European Social Fund)"},
           {"organisation": _organisation(actor, summary, "Welsh Local Government Association", PartnerOrganisation.Kind.NATIONAL)})
    cost = _entry(project, actor, summary, "result", {"title": "Lower net cost of legal services"},
                  {"kind": Result.Kind.OUTCOME, "description": "Reduce net cost by at least 5% (£300,000) against the 2010/11 outturn."})
    net = _indicator(cost, actor, summary, "Net cost of legal services across the six councils", measure="unit", ascending=False,
                     baseline=LEGAL_BASELINE, baseline_on=date(2011, 3, 31), baseline_note="2010/11 outturn", max_age_days=400)
    _period(net, actor, summary, date(2011, 4, 1), date(2012, 3, 31), target=D("5850000"), actual=D("5890000"),
            comment=ILLUSTRATIVE, evidence="2011/12 outturn")
    _period(net, actor, summary, date(2012, 4, 1), date(2013, 3, 31), target=LEGAL_BASELINE - D("300000"), actual=D("5640000"),
            comment=ILLUSTRATIVE, evidence="2012/13 outturn")
    clients = _entry(project, actor, summary, "result", {"title": "Clients satisfied with the service"},
                     {"kind": Result.Kind.OUTCOME, "description": "95% of clients rating the service good or excellent."})
    rating = _indicator(clients, actor, summary, "Clients rating the service good or excellent", measure="percentage",
                        source=Indicator.Source.SURVEY, baseline=D("88"), baseline_on=date(2011, 3, 31),
                        baseline_note=f"2010/11 client survey ({ILLUSTRATIVE})", max_age_days=365)
    _period(rating, actor, summary, date(2012, 4, 1), date(2013, 3, 31), target=D("95"))
    if rating.survey_value is None:
        summary.added += 1
        services.set_indicator_from_survey(indicator=rating, actor=actor, value=D("96"), as_of=date(2013, 3, 31),
                                           label=f"Client survey 2012/13 ({ILLUSTRATIVE})")
    training = _entry(project, actor, summary, "result", {"title": "Lawyers trained together"}, {"kind": Result.Kind.OUTPUT})
    _indicator(training, actor, summary, "Places attended on the partnership's courses", source=Indicator.Source.COURSE_PLACES)
    if package is not None:
        spend = _entry(project, actor, summary, "result", {"title": "Project delivered within its funding"}, {"kind": Result.Kind.OUTPUT})
        _indicator(spend, actor, summary, "Spend against the funding package", source=Indicator.Source.SPEND, package=package,
                   ascending=False)
    for title, planned, forecast, actual in (
        ("Business case agreed by all six councils", date(2011, 6, 30), None, date(2011, 7, 14)),
        ("Shared case-management system live", date(2012, 9, 30), date(2012, 11, 30), date(2012, 11, 26)),
        ("Specialist teams formed", date(2013, 4, 1), None, date(2013, 4, 1)),
    ):
        _entry(project, actor, summary, "milestone", {"title": title}, {"planned_on": planned, "forecast_on": forecast, "actual_on": actual})
    _entry(project, actor, summary, "status", {"period": date(2013, 3, 1)}, {"rag": "green", "narrative": "Savings on track; survey above target."})
    _entry(project, actor, summary, "risk", {"title": "Councils withdraw before savings are realised"},
           {"kind": Risk.Kind.RISK, "likelihood": 2, "impact": 5, "owner": _person("lead.gwynedd"), "review_on": date(2013, 6, 30),
            "mitigation": "Three-year agreement with a year's notice to leave."})
    decision = _entry(project, actor, summary, "decision", {"title": "Adopt one case-management system"},
                      {"levels": 2, "description": "Replace six systems with one, hosted by Denbighshire."})
    if not decision.signoffs.exists():
        summary.added += 1
        services.sign_off(decision=decision, actor=actor, level=1, answer="approved", on=date(2012, 1, 17), note="Project board")
        for slug in NW:
            services.sign_off(decision=decision, actor=actor, level=2, council=councils[slug], answer="approved", on=date(2012, 2, 28))
    _entry(project, actor, summary, "benefit", {"description": "Fewer external legal instructions"},
           {"kind": Benefit.Kind.CASHABLE, "year": "2012/13", "planned": D("300000"), "realised": D("360000")})
    _entry(project, actor, summary, "benefit", {"description": "Cover for specialist lawyers across six councils"},
           {"kind": Benefit.Kind.NON_CASH, "category": Benefit.Category.RESILIENCE})
    for rank, text in enumerate(("Heads of legal who already trusted each other", "A project manager as the cement"), start=1):
        _entry(project, actor, summary, "factor", {"text": text}, {"kind": Factor.Kind.ENABLER, "rank": rank})
    _entry(project, actor, summary, "factor", {"text": "Six different case-management systems"}, {"kind": Factor.Kind.BARRIER, "rank": 1})
    _entry(project, actor, summary, "lesson", {"text": "Agree the baseline before the project starts, and report against it every year."},
           {"recorded_on": date(2013, 4, 30)})
    _publish(project, actor, summary)
    _agreement(partnership, actor, summary, "Legal services memorandum of understanding", [councils[s] for s in NW],
               kind=Agreement.Kind.MOU, starts_on=date(2011, 4, 1), review_on=date(2027, 3, 31))
    _agreement(partnership, actor, summary, "Denbighshire hosts the regional legal team", [councils[s] for s in NW],
               kind=Agreement.Kind.HOSTING, host=councils["denbighshire"], hosts_what="The regional legal team and its case-management system",
               starts_on=date(2012, 4, 1), review_on=date(2026, 9, 30), expires_on=date(2028, 3, 31))
    _agreement(partnership, actor, summary, "Sharing client files: data processing agreement", [councils[s] for s in NW],
               kind=Agreement.Kind.DPA, starts_on=date(2012, 4, 1), review_on=date(2026, 4, 30))
    _scrutiny(partnership, actor, summary, _person("scrutiny"), councils["gwynedd"])


# --- The economic ambition board --------------------------------------------------------------------------------

AMBITION_WORKSTREAMS = (  # (workstream, lead council)
    ("Skills and employment", "wrexham"),
    ("Transport and digital infrastructure", "conwy"),
    ("Low-carbon energy", "anglesey"),
    ("Tourism and the visitor economy", "gwynedd"),
    ("Advanced manufacturing", "flintshire"),
    ("Land and property", "denbighshire"),
)


def _ambition(partnership, councils, actor, summary):
    programme = _programme(partnership, actor, summary, slug="north-wales-economic-ambition", name="North Wales economic ambition",
                           theme="Economic development", start_on=date(2013, 4, 1), exception_reporting=True,
                           aims="The six councils' shared plan for growth, governed by the North Wales Economic Ambition Board.")
    for name, slug in AMBITION_WORKSTREAMS:
        lead = councils[slug]
        project = _project(programme, actor, summary, name=name, lead_council=lead, councils=[councils[s] for s in NW if s != slug],
                           sro=_person(f"lead.{slug}"), purpose=f"The {name.lower()} workstream of the economic ambition board, led by {lead.short_name}.",
                           start_on=date(2013, 4, 1), governance=f"Senior responsible officer from {lead.short_name}; reports to the board.")
        if name == AMBITION_WORKSTREAMS[0][0]:
            board = _entry(project, actor, summary, "body", {"name": "North Wales Economic Ambition Board"},
                           {"kind": Body.Kind.BOARD, "remit": "The six council leaders, with business, further and higher education."})
            for workstream, _slug in AMBITION_WORKSTREAMS:
                _entry(project, actor, summary, "body", {"name": f"{workstream} workstream"}, {"kind": Body.Kind.PROJECT_TEAM, "parent": board})
        _entry(project, actor, summary, "status", {"period": date(2014, 3, 1)},
               {"rag": "amber" if slug == "conwy" else "green", "narrative": "Business case in preparation." if slug == "conwy" else "On track."})
    college = _organisation(actor, summary, "Grŵp Llandrillo Menai", PartnerOrganisation.Kind.COLLEGE)
    skills = programme.projects.get(name=AMBITION_WORKSTREAMS[0][0])
    _entry(skills, actor, summary, "organisation", {"organisation": college}, {"role": "Delivers the skills workstream's training"})
    _publish(skills, actor, summary)


# --- Western Bay ------------------------------------------------------------------------------------------------------


def _western_bay(partnership, councils, actor, summary):
    programme = _programme(partnership, actor, summary, slug="western-bay", name="Western Bay health and social care programme",
                           theme="Social care", start_on=date(2012, 4, 1),
                           aims="Swansea, Neath Port Talbot and Bridgend with the health board: integrated community services and shared "
                                "commissioning.")
    health = _organisation(actor, summary, "Abertawe Bro Morgannwg University Health Board", PartnerOrganisation.Kind.HEALTH)
    third = _organisation(actor, summary, "Swansea Council for Voluntary Service", PartnerOrganisation.Kind.THIRD_SECTOR)
    projects = (
        ("Integrated community services", "swansea", [("Fewer residential placements", Benefit.Kind.CASHABLE, D("420000"), D("310000")),
                                                       ("Hospital admissions avoided", Benefit.Kind.AVOIDANCE, D("650000"), D("540000"))]),
        ("Shared commissioning for complex needs", "neath-port-talbot",
         [("One commissioning team instead of three", Benefit.Kind.CASHABLE, D("180000"), D("180000")),
          ("Out-of-county placements avoided", Benefit.Kind.AVOIDANCE, D("250000"), D("120000"))]),
        ("Regional safeguarding board", "bridgend", [("One board instead of three", Benefit.Kind.CASHABLE, D("60000"), D("60000"))]),
    )
    for name, slug, benefits in projects:
        project = _project(programme, actor, summary, name=name, lead_council=councils[slug],
                           councils=[councils[s] for s in ("swansea", "neath-port-talbot", "bridgend") if s != slug],
                           sro=_person(f"lead.{slug}"), start_on=date(2012, 4, 1), end_on=date(2017, 3, 31),
                           purpose=f"{name}: part of the Western Bay programme of Swansea, Neath Port Talbot and Bridgend with the health board.")
        _entry(project, actor, summary, "organisation", {"organisation": health}, {"role": "Partner: jointly funds and staffs the service"})
        for description, kind, planned, realised in benefits:
            _entry(project, actor, summary, "benefit", {"description": f"{description} ({ILLUSTRATIVE})"},
                   {"kind": kind, "year": "2015/16", "planned": planned, "realised": realised})
        _entry(project, actor, summary, "benefit", {"description": "People supported at home for longer"},
               {"kind": Benefit.Kind.NON_CASH, "category": Benefit.Category.QUALITY})
        _publish(project, actor, summary)
    first = programme.projects.get(name=projects[0][0])
    _entry(first, actor, summary, "organisation", {"organisation": third}, {"role": "Runs the community connectors"})
    _scrutiny(partnership, actor, summary, _person("scrutiny"), councils["swansea"])
    start = date(2016, 1, 1)
    if not Newsletter.objects.filter(partnership=partnership, quarter_start=start).exists():
        summary.added += 1
        services.create_newsletter(
            partnership=partnership, actor=actor, quarter_start=start, title_en="Working together: winter 2016",
            title_cy="Cydweithio: gaeaf 2016",
            intro_en="News from the network: what the councils achieved together this quarter.",
            intro_cy="Newyddion o'r rhwydwaith: beth gyflawnodd y cynghorau gyda'i gilydd y chwarter hwn.",
            case_study_en="Western Bay: integrated community services kept people at home and avoided hospital admissions.",
            case_study_cy="Bae'r Gorllewin: cadwodd gwasanaethau cymunedol integredig bobl gartref gan osgoi derbyniadau i'r ysbyty.")


# --- The schools ICT programme ----------------------------------------------------------------------------------------

ICT_MONTHS = [date(2014, m, 1) for m in range(4, 13)] + [date(2015, m, 1) for m in range(1, 4)]
ICT_RAG = {date(2014, 9, 1): "amber", date(2014, 10, 1): "amber", date(2014, 12, 1): "red", date(2015, 1, 1): "amber"}


def _schools_ict(partnership, councils, actor, summary):
    package = FundingPackage.objects.filter(name=ICT_PACKAGE).first()
    programme = _programme(partnership, actor, summary, slug="schools-ict", name="ICT enabled schools transformation",
                           theme="Education and ICT", start_on=date(2013, 4, 1), end_on=date(2016, 3, 31), funding_package=package,
                           risk_threshold=12,
                           aims="Rhondda Cynon Taf and Merthyr Tydfil transform teaching and learning through ICT in every school.")
    rct, merthyr = councils["rhondda-cynon-taf"], councils["merthyr-tydfil"]
    projects = {}
    for name, lead, partner in (("Schools network and devices", rct, merthyr), ("Digital teaching skills", merthyr, rct)):
        projects[name] = _project(programme, actor, summary, name=name, lead_council=lead, councils=[partner], funding_package=package,
                                  start_on=date(2013, 4, 1), end_on=date(2016, 3, 31),
                                  purpose=f"{name} for every school in Rhondda Cynon Taf and Merthyr Tydfil.")
    network = projects["Schools network and devices"]
    for title, planned, actual in (("Secondary schools connected", date(2014, 7, 31), date(2014, 7, 25)),
                                   ("Primary schools connected", date(2014, 12, 31), None),
                                   ("Devices in every classroom", date(2015, 9, 30), None)):
        _entry(network, actor, summary, "milestone", {"title": title}, {"planned_on": planned, "actual_on": actual})
    _entry(network, actor, summary, "risk", {"title": "Third year's funding halved"},
           {"kind": Risk.Kind.ISSUE, "likelihood": 5, "impact": 4, "review_on": date(2015, 6, 30),
            "mitigation": "Appeal to the funder (£100,000 restored); re-profile the device roll-out."})
    for month in ICT_MONTHS:
        rag = ICT_RAG.get(month, "green")
        narrative = {"red": "Primary connections missed December: the third year's funding was halved.",
                     "amber": "Primary connections slipping; contractor capacity."}.get(rag, "On track.")
        _entry(network, actor, summary, "status", {"period": month}, {"rag": rag, "narrative": narrative})
        _entry(projects["Digital teaching skills"], actor, summary, "status", {"period": month}, {"rag": "green", "narrative": "On track."})
        if not HighlightReport.objects.filter(programme=programme, month=month).exists():
            summary.added += 1
            report = services.highlight_report(programme=programme, actor=actor, month=month)
            services.save_highlight_narrative(report=report, actor=actor, narrative=f"Monthly highlight report to the programme board. {narrative}")
    _publish(network, actor, summary)
    _agreement(partnership, actor, summary, "Rhondda Cynon Taf hosts the programme team", [rct, merthyr], kind=Agreement.Kind.HOSTING,
               host=rct, hosts_what="The programme team and the schools' network contract", starts_on=date(2013, 4, 1),
               expires_on=date(2016, 3, 31))

