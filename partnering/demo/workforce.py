"""The demo's shared staff, from the source studies, entered through the workforce services
(`partnering.workforce.services`) by the people who would enter them on the pages.

- The schools ICT programme's project assistant, employed by Rhondda Cynon Taf: two days a week paid from the
  programme's grant and three by the council, recharged at that split.
- The North Wales legal collaboration's project manager, seconded from Denbighshire to the collaboration with the post
  back-filled; its virtual team of lawyers at Conwy, Denbighshire and Flintshire recording time for each other's councils,
  cover for leave among it, approved by each council's lead (one week still waiting for approval); the two partners'
  pay scales for a shared senior solicitor, and the joint recruitment to that post.
- GO Shared Services: a finance officer employed by Cheltenham working for all four councils, recharged at the split.

Salaries, grades and hours are not in the studies: they are illustrative and say so (`ILLUSTRATIVE`). Time is dated in the
first weeks of the current financial year, so the give-and-get page opens on it.

Loading twice changes nothing: every record is looked for first and only what is missing goes through the service.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from partnering.core import audit
from partnering.organisations.reference import slugify
from partnering.people.models import CouncilRole, Employment, Person
from partnering.reference.years import current_financial_year
from partnering.workforce import services
from partnering.workforce.models import CouncilTerms, Recruitment, Secondment, SharedPost, Timesheet

D = Decimal
ILLUSTRATIVE = "illustrative demo figure"
SCHOOLS_ICT = "ICT Enabled Schools Transformation Programme"
LEGAL = "North Wales Legal Services Collaboration"
GO = "GO Shared Services"
DOMAIN = "demo.test"


@dataclass
class WorkforceSummary:
    added: int = 0


def _person(email: str, name: str, council, job_title: str, summary: WorkforceSummary) -> Person:
    """A named demo person employed by the council (made once; they do not sign in)."""
    person = Person.objects.filter(email=email).first()
    if person is None:
        person = Person(email=email, full_name=name)
        person.set_unusable_password()
        person.save()
        summary.added += 1
    if not person.employments.filter(council=council, end_on__isnull=True).exists():
        with audit.acting_as(None, source="command:load_demo"):
            job = Employment.objects.create(person=person, council=council, job_title=job_title, start_on=datetime.date(2015, 4, 1))
            CouncilRole.objects.create(employment=job, role=CouncilRole.Role.STAFF)
        summary.added += 1
    return person


def _account(local: str) -> Person | None:
    return Person.objects.filter(email=f"{local}@{DOMAIN}").first()


def _post(partnership, actor, summary, *, title, shares, **values) -> SharedPost:
    post = SharedPost.objects.filter(partnership=partnership, title=title).first()
    if post is None:
        post = services.create_post(actor=actor, partnership=partnership, title=title, **values)
        summary.added += 1
    for council, funder, days in shares:
        exists = post.shares.filter(council=council).exists() if council else post.shares.filter(funder=funder).exists()
        if not exists:
            services.add_share(actor=actor, post=post, council=council, funder=funder, days=days)
            summary.added += 1
    return post


def _week(partnership, person, council, monday, entries, approver, summary, *, approve=True) -> None:
    """A week of time: entries (day offset, hours, for council, group, activity, cover), submitted, and approved unless told not to."""
    if Timesheet.objects.filter(partnership=partnership, person=person, council=council, start_on=monday).exists():
        return
    sheet = services.start_timesheet(actor=person, partnership=partnership, council=council, period="week", day=monday)
    for offset, hours, for_council, activity, cover in entries:
        services.add_entry(actor=person, timesheet=sheet, date=monday + datetime.timedelta(days=offset), hours=D(hours),
                           for_council=for_council, activity=activity, cover=cover)
    services.submit_timesheet(actor=person, timesheet=sheet)
    if approve:
        services.decide_timesheet(actor=approver, timesheet=sheet, approve=True)
    summary.added += 1


def _first_mondays(count: int) -> list[datetime.date]:
    start = datetime.date(current_financial_year(), 4, 1)
    monday = start + datetime.timedelta(days=(7 - start.weekday()) % 7)
    return [monday + datetime.timedelta(weeks=i) for i in range(count)]


def load_workforce(partnerships: dict, councils: dict, actor) -> WorkforceSummary:
    """Load the demo's shared staff; `actor` coordinates the schools ICT and legal partnerships. Keyed by slug."""
    summary = WorkforceSummary()
    _schools_ict(partnerships[slugify(SCHOOLS_ICT)], councils, actor, summary)
    _legal(partnerships[slugify(LEGAL)], councils, actor, summary)
    _go(partnerships[slugify(GO)], councils, summary)
    return summary


def _schools_ict(partnership, councils, actor, summary):
    rct = councils["rhondda-cynon-taf"]
    assistant = _person(f"project.assistant@{DOMAIN}", "Carys Bevan", rct, "Project Assistant", summary)
    _post(partnership, actor, summary, title="Schools ICT programme project assistant", person=assistant, employer=rct,
          start_on=datetime.date(2013, 9, 1), annual_cost=D("24000.00"),
          notes=f"Two days a week from the programme grant, three from the council. Annual cost: {ILLUSTRATIVE}.",
          shares=[(None, "Schools ICT programme grant", D("2")), (rct, "", D("3"))])


def _legal(partnership, councils, actor, summary):
    conwy, denbighshire, flintshire = councils["conwy"], councils["denbighshire"], councils["flintshire"]
    manager = _person(f"legal.pm@{DOMAIN}", "Gareth Lloyd", denbighshire, "Senior Solicitor", summary)
    if not Secondment.objects.filter(partnership=partnership, person=manager).exists():
        year = current_financial_year()
        services.create_secondment(
            actor=actor, partnership=partnership, person=manager, home=denbighshire, role="Project manager, legal collaboration",
            host=None, start_on=datetime.date(year, 4, 1), end_on=datetime.date(year + 1, 3, 31), fte=D("1"),
            paid_by=Secondment.Payer.HOST, backfill="The deputy acts up as senior solicitor; a locum covers the deputy's case load.",
            remind_days=90)
        summary.added += 1
    staff = {c: _account(f"staff.{c.slug}") for c in (conwy, denbighshire, flintshire)}
    leads = {c: _account(f"lead.{c.slug}") for c in (conwy, denbighshire, flintshire)}
    if all(staff.values()) and all(leads.values()):
        first, second = _first_mondays(2)
        _week(partnership, staff[conwy], conwy, first, [(0, "7", denbighshire, "Planning appeal", False),
                                                          (1, "3.5", flintshire, "Leave cover", True)], leads[conwy], summary)
        _week(partnership, staff[denbighshire], denbighshire, first, [(2, "4", conwy, "Contract review", False)], leads[denbighshire],
              summary)
        _week(partnership, staff[flintshire], flintshire, first, [(0, "7.5", conwy, "Leave cover", True),
                                                                    (3, "2", denbighshire, "Licensing advice", False)], leads[flintshire],
              summary)
        # The second week is submitted and waits for Conwy's lead: "time to approve" has something in it.
        _week(partnership, staff[conwy], conwy, second, [(0, "6", flintshire, "Child care proceedings", False)], leads[conwy], summary,
              approve=False)
    # Two partners' pay scales for the shared senior solicitor (grades and pay: illustrative).
    for council, leave, scale in ((denbighshire, D("26"), [("SO1", D("33000.00"), 3, D("3")), ("SO2", D("36500.00"), 2, D("1.6"))]),
                                  (flintshire, D("28"), [("SO1", D("34500.00"), 2, D("2")), ("SO2", D("36000.00"), 1, D("1"))])):
        if not CouncilTerms.objects.filter(partnership=partnership, council=council, role_family="Legal").exists():
            services.save_terms(actor=actor, partnership=partnership, council=council, role_family="Legal", annual_leave=leave,
                                hours=D("37"), mileage_rate=D("45"), allowances="", sick_pay="Six months full, six months half",
                                notice_weeks=8 if council == flintshire else 12, pay=scale)
            summary.added += 1
    if not Recruitment.objects.filter(partnership=partnership, title="Shared senior solicitor").exists():
        recruitment = services.create_recruitment(
            actor=actor, partnership=partnership, title="Shared senior solicitor",
            job_description="Leads the collaboration's planning and licensing work for Denbighshire and Flintshire.",
            person_specification="Qualified solicitor with five years' local government experience; Welsh desirable.",
            councils=[denbighshire, flintshire])
        partners = {p.council: p for p in recruitment.partners.select_related("council")}
        services.evaluate(actor=actor, partner=partners[denbighshire], scheme="njc", points=512, grade="SO2")
        services.evaluate(actor=actor, partner=partners[flintshire], scheme="hay", points=498, grade="SO2")
        services.agree_recruitment(actor=actor, recruitment=recruitment, host=denbighshire, terms_of=denbighshire, agreed_grade="SO2",
                                   pay_from=D("36000.00"), pay_to=D("38500.00"),
                                   decision=f"Both evaluations give SO2. Denbighshire hosts as lead authority for the funder. ({ILLUSTRATIVE})")
        summary.added += 1


def _go(partnership, councils, summary):
    cheltenham = councils["cheltenham"]
    lead = _account(f"lead.{cheltenham.slug}")
    officer = _account(f"staff.{cheltenham.slug}")
    if lead is None or officer is None:
        return
    members = [councils[s] for s in ("cheltenham", "cotswold", "forest-of-dean", "west-oxfordshire")]
    _post(partnership, lead, summary, title="GO Shared Services finance officer", person=officer, employer=cheltenham, line_manager=lead,
          start_on=datetime.date(2015, 4, 1), annual_cost=D("32000.00"),
          notes=f"Employed by Cheltenham, working for all four councils. Annual cost: {ILLUSTRATIVE}.",
          shares=[(c, "", D("1.25")) for c in members])
