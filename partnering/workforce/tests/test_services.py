"""Shared posts, secondments, time, recruitment and terms through the services, with who may see and do what."""

import datetime
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied

from partnering.access import scope_of
from partnering.access import workforce as access
from partnering.core.models import AuditEntry
from partnering.workforce import services
from partnering.workforce.models import SharedPost, Timesheet, Unlock
from partnering.workforce.services import Refused
from tests.factories import CouncilFactory, MembershipFactory, PersonFactory, employ

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2025, 6, 2)


@pytest.fixture
def west(region):
    """A third council in the network, so a post can work for three."""
    west = CouncilFactory(short_name="West", name="West Council", slug="west")
    MembershipFactory(partnership=region.network, council=west)
    return west


def _post(region, **extra):
    values = {"title": "Project assistant", "person": region.staff_north, "employer": region.north, "start_on": datetime.date(2024, 4, 1),
              "annual_cost": D("24000.00"), **extra}
    return services.create_post(actor=region.coordinator, partnership=region.network, **values)


def test_a_post_split_two_days_grant_three_days_council_claims_two_fifths_from_the_grant(region):
    post = _post(region)
    services.add_share(actor=region.lead_north, post=post, funder="Schools ICT grant", days=D("2"))
    services.add_share(actor=region.lead_north, post=post, council=region.north, days=D("3"))
    figures = services.post_figures(post, 2025)
    assert [row["amount"] for row in figures["shares"]] == [D("9600.00"), D("14400.00")]
    assert [row["fte"] for row in figures["shares"]] == [D("0.400"), D("0.600")]
    assert figures["claims"] == [{"source": "Schools ICT grant", "amount": D("9600.00")}]
    assert figures["recharges"] == []


def test_recharge_at_the_agreed_split_bills_the_other_councils_for_their_days(region, west):
    post = _post(region, annual_cost=D("50000.00"))
    for council in (region.north, region.south, west):
        services.add_share(actor=region.coordinator, post=post, council=council, days=D("1"))
    services.add_share(actor=region.coordinator, post=post, council=None, funder="Grant", days=D("2"))
    lines = services.post_recharges(region.network, 2025)
    assert [(r["payer"], r["payee"], r["amount"]) for r in lines] == [(region.south, region.north, D("10000.00")),
                                                                     (west, region.north, D("10000.00"))]
    assert [r["payer"] for r in services.post_recharges(region.network, 2025, council=west)] == [west]


def test_pooled_no_charge_records_the_split_without_money(region):
    post = _post(region, charging=SharedPost.Charging.POOLED, annual_cost=None)
    services.add_share(actor=region.coordinator, post=post, council=region.south, days=D("2"))
    figures = services.post_figures(post, 2025)
    assert figures["cost"] is None and figures["shares"][0]["amount"] is None
    assert services.post_recharges(region.network, 2025) == []


def test_recharging_needs_the_posts_annual_cost(region):
    with pytest.raises(Refused) as refusal:
        _post(region, annual_cost=None)
    assert refusal.value.field == "annual_cost"


def test_a_split_line_for_a_council_outside_the_partnership_is_refused(region):
    post = _post(region)
    with pytest.raises(Refused) as refusal:
        services.add_share(actor=region.coordinator, post=post, council=region.outsider, days=D("1"))
    assert refusal.value.field == "council"


def test_a_council_sees_only_the_posts_and_secondments_it_is_part_of(region, west):
    west_lead = PersonFactory()
    employ(west_lead, west, "lead")
    post = _post(region)
    services.add_share(actor=region.coordinator, post=post, council=region.south, days=D("2"))
    secondment = services.create_secondment(actor=region.lead_north, partnership=region.network, person=region.staff_north,
                                            home=region.north, role="Project manager", host=region.south,
                                            start_on=datetime.date(2025, 1, 1), end_on=datetime.date(2026, 1, 1), fte=D("1"))
    for person in (region.lead_north, region.lead_south, region.coordinator, region.board_member, region.staff_north):
        assert list(access.posts_visible_to(scope_of(person))) == [post]
        assert list(access.secondments_visible_to(scope_of(person))) == [secondment]
    for person in (west_lead, region.staff_south, region.shared):
        assert not access.posts_visible_to(scope_of(person)).exists()
        assert not access.secondments_visible_to(scope_of(person)).exists()


def test_only_the_coordinators_and_the_employers_leads_set_up_or_change_a_post(region):
    with pytest.raises(PermissionDenied):
        _post(region, employer=region.north) if False else services.create_post(
            actor=region.lead_south, partnership=region.network, title="x", person=region.staff_north, employer=region.north,
            start_on=MONDAY, annual_cost=D("1"))
    post = _post(region)
    with pytest.raises(PermissionDenied):
        services.add_share(actor=region.lead_south, post=post, council=region.south, days=D("1"))


def test_a_secondment_to_its_own_home_council_is_refused_and_its_reminder_goes_once(region, mailoutbox, django_capture_on_commit_callbacks):
    with pytest.raises(Refused) as refusal:
        services.create_secondment(actor=region.lead_north, partnership=region.network, person=region.staff_north, home=region.north,
                                   role="PM", host=region.north, start_on=MONDAY, end_on=MONDAY, fte=D("1"))
    assert refusal.value.field == "host"
    services.create_secondment(actor=region.lead_north, partnership=region.network, person=region.staff_north, home=region.north,
                               role="Project manager", host=None, start_on=datetime.date(2025, 1, 1), end_on=datetime.date(2025, 8, 1),
                               fte=D("1"), backfill="Acting up by the deputy", remind_days=60)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(datetime.date(2025, 5, 1))["secondments"] == 0  # 92 days before
        assert services.send_reminders(datetime.date(2025, 6, 10))["secondments"] == 1
        assert services.send_reminders(datetime.date(2025, 6, 11))["secondments"] == 0
    assert {m.to[0] for m in mailoutbox if "Secondment ends" in m.subject} == {region.staff_north.email, region.lead_north.email}


# --- Time --------------------------------------------------------------------------------------------


def _week(person, council, region, entries=(("south", "7.5", False),)):
    sheet = services.start_timesheet(actor=person, partnership=region.network, council=council, period="week", day=MONDAY)
    for i, (for_council, hours, cover) in enumerate(entries):
        services.add_entry(actor=person, timesheet=sheet, date=MONDAY + datetime.timedelta(days=i), hours=D(hours),
                           for_council=getattr(region, for_council), cover=cover)
    return sheet


def test_a_week_runs_monday_to_sunday_and_a_month_is_the_calendar_month():
    assert services.period_bounds("week", datetime.date(2025, 6, 5)) == (MONDAY, datetime.date(2025, 6, 8))
    assert services.period_bounds("month", datetime.date(2024, 2, 10)) == (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))


def test_submitted_time_is_approved_by_the_line_manager_and_then_locked(region, mailoutbox, django_capture_on_commit_callbacks):
    job = region.staff_north.employments.get()
    job.line_manager = region.lead_north
    job.save()
    sheet = _week(region.staff_north, region.north, region)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_timesheet(actor=region.staff_north, timesheet=sheet)
    assert [m.to for m in mailoutbox] == [[region.lead_north.email]]
    with pytest.raises(PermissionDenied):
        services.decide_timesheet(actor=region.staff_north, timesheet=sheet, approve=True)  # not their own
    with pytest.raises(PermissionDenied):
        services.decide_timesheet(actor=region.lead_south, timesheet=sheet, approve=True)
    services.decide_timesheet(actor=region.lead_north, timesheet=sheet, approve=True)
    sheet.refresh_from_db()
    assert sheet.status == Timesheet.Status.APPROVED
    with pytest.raises(Refused):
        services.add_entry(actor=region.staff_north, timesheet=sheet, date=MONDAY, hours=D("1"), for_council=region.south)
    with pytest.raises(Refused):
        services.remove_entry(actor=region.staff_north, entry=sheet.entries.first())


def test_unlocking_an_approved_period_needs_a_reason_and_is_audited(region):
    sheet = _week(region.staff_north, region.north, region)
    services.submit_timesheet(actor=region.staff_north, timesheet=sheet)
    services.decide_timesheet(actor=region.lead_north, timesheet=sheet, approve=True)  # no line manager: the employer's lead
    with pytest.raises(Refused) as refusal:
        services.unlock_timesheet(actor=region.lead_north, timesheet=sheet, reason="  ")
    assert refusal.value.field == "reason"
    with pytest.raises(PermissionDenied):
        services.unlock_timesheet(actor=region.staff_north, timesheet=sheet, reason="I made a mistake")
    services.unlock_timesheet(actor=region.lead_north, timesheet=sheet, reason="Tuesday was for South, not North")
    sheet.refresh_from_db()
    assert sheet.status == Timesheet.Status.OPEN
    assert Unlock.objects.get().reason == "Tuesday was for South, not North"
    assert AuditEntry.objects.filter(object_repr="Tuesday was for South, not North", actor=region.lead_north).exists()


def test_returning_a_period_needs_a_comment(region):
    sheet = _week(region.staff_north, region.north, region)
    services.submit_timesheet(actor=region.staff_north, timesheet=sheet)
    with pytest.raises(Refused) as refusal:
        services.decide_timesheet(actor=region.lead_north, timesheet=sheet, approve=False)
    assert refusal.value.field == "comment"


def test_a_submission_needs_some_time_and_a_day_cannot_hold_more_than_24_hours(region):
    sheet = services.start_timesheet(actor=region.staff_north, partnership=region.network, council=region.north, period="week", day=MONDAY)
    with pytest.raises(Refused):
        services.submit_timesheet(actor=region.staff_north, timesheet=sheet)
    services.add_entry(actor=region.staff_north, timesheet=sheet, date=MONDAY, hours=D("20"), for_council=region.south)
    with pytest.raises(Refused) as refusal:
        services.add_entry(actor=region.staff_north, timesheet=sheet, date=MONDAY, hours=D("5"), for_council=region.south)
    assert refusal.value.field == "hours"
    with pytest.raises(Refused) as refusal:
        services.add_entry(actor=region.staff_north, timesheet=sheet, date=MONDAY + datetime.timedelta(days=9), hours=D("1"),
                           for_council=region.south)
    assert refusal.value.field == "date"


def test_balances_count_only_approved_time_between_councils(region):
    north_week = _week(region.staff_north, region.north, region, [("south", "10", False), ("north", "5", False)])
    south_week = _week(region.staff_south, region.south, region, [("north", "4", True)])
    draft = _week(region.shared, region.north, region, [("south", "3", False)])  # never submitted: left out
    for sheet, approver in ((north_week, region.lead_north), (south_week, region.lead_south)):
        services.submit_timesheet(actor=sheet.person, timesheet=sheet)
        services.decide_timesheet(actor=approver, timesheet=sheet, approve=True)
    assert draft.status == Timesheet.Status.OPEN
    figures = services.time_balances(region.network, *services.period_of(2025), rate=D("30"))
    rows = {r["council"]: r for r in figures["councils"]}
    assert (rows[region.north]["given"], rows[region.north]["received"], rows[region.north]["net"]) == (D("10"), D("4"), D("6"))
    assert rows[region.north]["cover_received"] == D("4") and rows[region.south]["cover_given"] == D("4")
    assert rows[region.north]["value"] == D("180.00")
    assert [(p["a"], p["b"], p["net"]) for p in figures["pairs"]] == [(region.north, region.south, D("6"))]
    assert [p["total"] for p in figures["people"]] == [D("15"), D("4")]
    assert services.statement_time(region.network, region.south, 2025)["net"] == D("-6")
    assert services.statement_time(region.network, region.south, 2024) is None


def test_a_shared_post_holder_is_reminded_once_about_last_weeks_missing_time(region, mailoutbox, django_capture_on_commit_callbacks):
    _post(region, start_on=datetime.date(2025, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_reminders(MONDAY + datetime.timedelta(days=7))["timesheets"] == 1
        assert services.send_reminders(MONDAY + datetime.timedelta(days=8))["timesheets"] == 0
    assert [m.to for m in mailoutbox] == [[region.staff_north.email]]
    assert "Please submit your time" in mailoutbox[0].subject


# --- Recruitment and terms ------------------------------------------------------------------------------


def test_a_joint_post_is_advertised_only_after_every_partner_signs_off_and_a_change_asks_again(region):
    r = services.create_recruitment(actor=region.coordinator, partnership=region.network, title="Shared lawyer", job_description="jd",
                                    person_specification="ps", councils=[region.north, region.south])
    north, south = r.partners.order_by("council__name")
    with pytest.raises(Refused):
        services.sign_off(actor=region.lead_north, partner=north)  # nothing agreed yet
    services.evaluate(actor=region.lead_north, partner=north, scheme="njc", points=520, grade="SO2")
    with pytest.raises(PermissionDenied):
        services.evaluate(actor=region.lead_north, partner=south, scheme="hay", points=300, grade="G7")
    services.evaluate(actor=region.lead_south, partner=south, scheme="hay", points=310, grade="G7")
    services.agree_recruitment(actor=region.coordinator, recruitment=r, host=region.north, terms_of=region.north, agreed_grade="SO2",
                               pay_from=D("35000"), pay_to=D("38000"), decision="North hosts: the funder asks for a lead authority")
    services.sign_off(actor=region.lead_north, partner=north)
    with pytest.raises(PermissionDenied):
        services.sign_off(actor=region.lead_north, partner=south)
    with pytest.raises(Refused):
        services.advertise(actor=region.coordinator, recruitment=r)
    services.sign_off(actor=region.lead_south, partner=south)
    services.agree_recruitment(actor=region.coordinator, recruitment=r, host=region.north, terms_of=region.north, agreed_grade="SO2",
                               pay_from=D("35000"), pay_to=D("39000"), decision="Top raised")
    assert not r.partners.filter(signed_off_at__isnull=False).exists()
    for lead, partner in ((region.lead_north, north), (region.lead_south, south)):
        partner.refresh_from_db()
        services.sign_off(actor=lead, partner=partner)
    assert services.advertise(actor=region.coordinator, recruitment=r).status == "advertised"


def test_terms_side_by_side_flag_differences_and_the_model_costs_each_option(region):
    common = {"hours": D("37"), "mileage_rate": D("45"), "notice_weeks": 4}
    services.save_terms(actor=region.lead_north, partnership=region.network, council=region.north, role_family="Legal",
                        annual_leave=D("25"), pay=[("L1", D("40000.00"), 2, D("2")), ("L2", D("50000.00"), 1, D("1"))], **common)
    services.save_terms(actor=region.lead_south, partnership=region.network, council=region.south, role_family="Legal",
                        annual_leave=D("28"), pay=[("L1", D("42000.00"), 1, D("0.5")), ("L2", D("50000.00"), 1, D("1"))], **common)
    with pytest.raises(PermissionDenied):
        services.save_terms(actor=region.lead_south, partnership=region.network, council=region.north, role_family="Legal",
                            annual_leave=D("1"), pay=[("L1", D("1"), 0, D("0"))], **common)
    table = services.side_by_side(region.network, "Legal")
    assert [(r["grade"], r["differs"]) for r in table["pay"]] == [("L1", True), ("L2", False)]
    assert {str(r["label"]): r["differs"] for r in table["rows"]}["annual leave (days)"] is True
    model = services.harmonisation(region.network, "Legal", "up", D("10"))
    assert model["result"]["by_council"]["North Council"]["change"] == "4400.00"  # 2,000 × 2 FTE × 1.1
    assert model["result"]["by_council"]["North Council"]["better_off"] == 2
    assert model["result"]["by_council"]["South Council"]["change"] == "0.00"
    assert model["options"]["median"]["total_change"] == "1650.00"  # L1 median of two, 41,000: North +2,200, South −550



def test_the_reminders_command_says_how_many_went(region):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("send_workforce_reminders", stdout=out)
    assert out.getvalue().strip() == "0 secondment reminders, 0 time reminders sent."


def test_a_reminder_email_is_built_in_the_recipients_language(region):
    from django.utils import translation

    from partnering.workforce import notifications

    region.staff_north.language = "cy"
    region.staff_north.save()
    sheet = services.start_timesheet(actor=region.staff_north, partnership=region.network, council=region.north, period="week", day=MONDAY)
    seen = []
    original = translation.gettext

    def spy(message):
        seen.append(translation.get_language())
        return original(message)

    import partnering.workforce.notifications as module

    module._ = spy
    try:
        message = notifications.build(notifications.MISSING, sheet.pk, region.staff_north.pk)
    finally:
        module._ = original
    assert message.to == [region.staff_north.email] and set(seen) == {"cy"}


def test_time_for_a_group_is_recorded_only_by_its_members_and_counts_in_their_load(region):
    from partnering.community.models import Group, GroupMember

    legal = Group.objects.create(partnership=region.network, name="Lawyers' virtual team", slug="lawyers")
    other = Group.objects.create(partnership=region.network, name="Planners", slug="planners")
    GroupMember.objects.create(group=legal, person=region.staff_north, council=region.north, joined_on=datetime.date(2025, 1, 1))
    sheet = services.start_timesheet(actor=region.staff_north, partnership=region.network, council=region.north, period="week", day=MONDAY)
    services.add_entry(actor=region.staff_north, timesheet=sheet, date=MONDAY, hours=D("2"), group=legal)
    with pytest.raises(Refused) as refusal:
        services.add_entry(actor=region.staff_north, timesheet=sheet, date=MONDAY, hours=D("2"), group=other)
    assert refusal.value.field == "group"
    services.submit_timesheet(actor=region.staff_north, timesheet=sheet)
    services.decide_timesheet(actor=region.lead_north, timesheet=sheet, approve=True)
    people = services.time_balances(region.network, *services.period_of(2025))["people"]
    assert [(p["person"], p["groups"], p["total"]) for p in people] == [(region.staff_north, ["Lawyers' virtual team"], D("2"))]
