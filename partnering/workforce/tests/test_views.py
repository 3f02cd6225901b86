"""The workforce pages: each renders for who may see it and is not found for anyone else; forms name the field that
is wrong; time is recorded, submitted and approved through the pages; exports and the cost statement carry the figures."""

import csv
import datetime
import io
from decimal import Decimal as D

import openpyxl
import pytest
from django.urls import reverse

from partnering.costs import services as costs
from partnering.workforce import services
from partnering.workforce.models import Timesheet
from tests.factories import CouncilFactory, MembershipFactory, PersonFactory, employ

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2025, 6, 2)


@pytest.fixture
def post(region):
    post = services.create_post(actor=region.coordinator, partnership=region.network, title="Shared lawyer", person=region.staff_north,
                                employer=region.north, start_on=datetime.date(2025, 4, 1), annual_cost=D("36500.00"))
    services.add_share(actor=region.coordinator, post=post, council=region.north, days=D("3"))
    services.add_share(actor=region.coordinator, post=post, council=region.south, days=D("2"))
    return post


def _approved_week(region, person, council, for_council, hours="7.5", approver=None):
    sheet = services.start_timesheet(actor=person, partnership=region.network, council=council, period="week", day=MONDAY)
    services.add_entry(actor=person, timesheet=sheet, date=MONDAY, hours=D(hours), for_council=for_council, activity="Legal cover")
    services.submit_timesheet(actor=person, timesheet=sheet)
    services.decide_timesheet(actor=approver, timesheet=sheet, approve=True)
    return sheet


def test_the_post_page_shows_the_split_and_recharges_to_its_councils_and_not_to_an_outsider(client, region, post):
    client.force_login(region.lead_south)
    response = client.get(reverse("workforce:post-detail", args=[post.pk]) + "?year=2025")
    assert response.status_code == 200
    body = response.content.decode()
    assert "£14,600.00" in body  # 2 of 5 days of 36,500
    assert "Remove" not in body  # South's lead reads; North's leads and the coordinators change
    outsider_lead = PersonFactory()
    employ(outsider_lead, region.outsider, "lead")
    client.force_login(outsider_lead)
    assert client.get(reverse("workforce:post-detail", args=[post.pk])).status_code == 404


def test_a_partner_councils_lead_sees_only_its_own_arrangements_on_the_partnership_page(client, region, post):
    west = CouncilFactory(short_name="West", name="West Council", slug="west")
    MembershipFactory(partnership=region.network, council=west)
    west_lead = PersonFactory()
    employ(west_lead, west, "lead")
    client.force_login(west_lead)
    response = client.get(reverse("workforce:partnership", args=[region.network.slug]))
    assert response.status_code == 200
    assert "Shared lawyer" not in response.content.decode()
    client.force_login(region.board_member)
    assert "Shared lawyer" in client.get(reverse("workforce:partnership", args=[region.network.slug])).content.decode()


def test_a_split_line_needs_a_council_or_a_funder_and_says_so_on_the_field(client, region, post):
    client.force_login(region.lead_north)
    response = client.post(reverse("workforce:post-share", args=[post.pk]), {"days": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["council"] == ["Choose a council or name a funding source."]
    response = client.post(reverse("workforce:post-share", args=[post.pk]), {"council": region.north.pk, "days": "1"})
    assert "already has a line" in response.context["form"].errors["council"][0]


def test_recording_submitting_and_approving_a_week_through_the_pages(client, region):
    client.force_login(region.shared)
    response = client.post(reverse("workforce:my-time"), {"job": f"{region.network.pk}-{region.south.pk}", "period": "week",
                                                         "day": "2025-06-04"})
    sheet = Timesheet.objects.get(person=region.shared)
    assert response.status_code == 302 and (sheet.start_on, sheet.council) == (MONDAY, region.south)
    url = reverse("workforce:timesheet", args=[sheet.pk])
    response = client.post(url, {"date": "2025-06-20", "hours": "3"})
    assert "The date must be in this period" in response.context["form"].errors["date"][0]
    assert client.post(url, {"date": "2025-06-03", "hours": "3", "for_council": region.north.pk, "cover": "on"}).status_code == 302
    client.post(reverse("workforce:timesheet-submit", args=[sheet.pk]))
    sheet.refresh_from_db()
    assert sheet.status == Timesheet.Status.SUBMITTED
    assert client.post(reverse("workforce:timesheet-decide", args=[sheet.pk]), {"decision": "approve"}).status_code == 404  # not their own
    client.force_login(region.lead_south)
    assert sheet in [t for t in client.get(reverse("workforce:approvals")).context["timesheets"]]
    response = client.post(reverse("workforce:timesheet-decide", args=[sheet.pk]), {"decision": "return"})
    assert response.context["decide_form"].errors["comment"]
    client.post(reverse("workforce:timesheet-decide", args=[sheet.pk]), {"decision": "approve"})
    sheet.refresh_from_db()
    assert sheet.status == Timesheet.Status.APPROVED
    client.force_login(region.shared)
    response = client.post(url, {"date": "2025-06-04", "hours": "1", "for_council": region.north.pk}, follow=True)
    assert "cannot be changed" in response.content.decode()
    assert sheet.entries.count() == 1


def test_someone_with_no_employment_is_told_there_is_no_time_to_record(client):
    client.force_login(PersonFactory())
    response = client.get(reverse("workforce:my-time"))
    assert response.status_code == 200 and response.context["form"] is None


def test_unlocking_through_the_page_asks_for_the_reason(client, region):
    sheet = _approved_week(region, region.staff_north, region.north, region.south, approver=region.lead_north)
    client.force_login(region.lead_north)
    response = client.post(reverse("workforce:timesheet-unlock", args=[sheet.pk]), {"reason": ""})
    assert response.context["form"].errors["reason"]
    client.post(reverse("workforce:timesheet-unlock", args=[sheet.pk]), {"reason": "Wrong council"})
    sheet.refresh_from_db()
    assert sheet.status == Timesheet.Status.OPEN


def test_balances_and_the_exports_carry_approved_time_only(client, region):
    _approved_week(region, region.staff_north, region.north, region.south, approver=region.lead_north)
    client.force_login(region.coordinator)
    response = client.get(reverse("workforce:balances", args=[region.network.slug]) + "?year=2025&rate=20")
    assert response.status_code == 200
    rows = {r["council"]: r for r in response.context["figures"]["councils"]}
    assert rows[region.north]["net"] == D("7.5") and rows[region.north]["value"] == D("150.00")
    response = client.get(reverse("workforce:time-export", args=[region.network.slug, "csv"]) + "?year=2025")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[1][:4] == ["2025-06-02", region.staff_north.full_name, "North Council", "South Council"]
    response = client.get(reverse("workforce:time-export", args=[region.network.slug, "xlsx"]) + "?year=2025")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Approved time", "Give and get"]
    assert client.get(reverse("workforce:time-export", args=[region.network.slug, "pdf"])).status_code == 404


def test_a_bad_rate_on_the_balances_page_is_named_not_a_500(client, region):
    client.force_login(region.coordinator)
    response = client.get(reverse("workforce:balances", args=[region.network.slug]) + "?year=2025&rate=lots")
    assert response.status_code == 200 and response.context["form"].errors["rate"]


def test_the_cost_statement_shows_the_posts_recharge_and_the_time_given_and_got(client, region, post):
    _approved_week(region, region.staff_north, region.north, region.south, approver=region.lead_north)
    statement = costs.council_statement(region.network, region.south, 2025)
    assert [(r["payer"], r["payee"], r["amount"]) for r in statement.post_recharges] == [(region.south, region.north, D("14600.00"))]
    assert statement.time["received"] == D("7.5")
    client.force_login(region.lead_south)
    response = client.get(reverse("costs:statement", args=[region.network.slug, region.south.slug]) + "?year=2025")
    body = response.content.decode()
    assert 'data-testid="statement-post-recharges"' in body and "£14,600.00" in body and 'data-testid="statement-time"' in body
    response = client.get(reverse("costs:statement-download", args=[region.network.slug, region.south.slug, "xlsx"]) + "?year=2025")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book["Shared posts"][2]] == ["Shared lawyer", "North Council", "South Council", 14600]
    assert [c.value for c in book["Time given and got"][2]][:3] == [0, 7.5, -7.5]


def test_a_pooled_post_puts_no_money_on_the_statement(region):
    pooled = services.create_post(actor=region.coordinator, partnership=region.network, title="Pooled", person=region.staff_north,
                                  employer=region.north, start_on=datetime.date(2025, 4, 1), charging="pooled")
    services.add_share(actor=region.coordinator, post=pooled, council=region.south, days=D("2"))
    assert costs.council_statement(region.network, region.south, 2025).post_recharges == []


def test_recruitment_pages_and_the_advert_pack(client, region):
    client.force_login(region.coordinator)
    response = client.post(reverse("workforce:recruitment-create", args=[region.network.slug]),
                           {"title": "Shared lawyer", "job_description": "Advise", "person_specification": "Qualified",
                            "councils": [region.north.pk]})
    assert "at least two partner councils" in response.context["form"].errors["councils"][0]
    client.post(reverse("workforce:recruitment-create", args=[region.network.slug]),
                {"title": "Shared lawyer", "job_description": "Advise", "person_specification": "Qualified",
                 "councils": [region.north.pk, region.south.pk]})
    recruitment = region.network.recruitments.get()
    response = client.post(reverse("workforce:recruitment-edit", args=[recruitment.pk]),
                           {"host": region.north.pk, "terms_of": region.north.pk, "agreed_grade": "SO2", "pay_from": "39000",
                            "pay_to": "35000", "decision": "x"})
    assert response.context["form"].errors["pay_to"]
    client.force_login(region.lead_south)
    response = client.get(reverse("workforce:evaluation", args=[recruitment.pk]))
    assert [p.council for p in response.context["form"].fields["partner"].queryset] == [region.south]
    response = client.get(reverse("workforce:advert-pack", args=[recruitment.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_terms_form_names_the_bad_pay_line_and_the_model_page_shows_a_chart_with_its_table(client, region):
    client.force_login(region.lead_north)
    data = {"council": region.north.pk, "role_family": "Legal", "annual_leave": "25", "hours": "37", "mileage_rate": "45",
            "notice_weeks": "4", "pay": "L1, 40000, 2, 2\nL2, fifty, 1, 1"}
    response = client.post(reverse("workforce:terms-edit", args=[region.network.slug]), data)
    assert response.context["form"].errors["pay"] == ["Line 2: annual pay, staff and FTE must be numbers."]
    client.post(reverse("workforce:terms-edit", args=[region.network.slug]), {**data, "pay": "L1, 40000, 2, 2"})
    client.force_login(region.lead_south)
    client.post(reverse("workforce:terms-edit", args=[region.network.slug]),
                {**data, "council": region.south.pk, "annual_leave": "28", "pay": "L1, 42000, 1, 1"})
    response = client.get(reverse("workforce:terms", args=[region.network.slug]))
    assert "differs" in response.content.decode()
    response = client.get(reverse("workforce:harmonise", args=[region.network.slug]) + "?role_family=Legal&to=up&on_cost=10")
    body = response.content.decode()
    assert response.context["model"]["result"]["total_change"] == "4400.00"
    assert 'data-chart="options-chart"' in body and 'data-testid="options"' in body and 'data-testid="escalation"' in body
    response = client.get(reverse("workforce:harmonise", args=[region.network.slug]) + "?role_family=Legal&to=up&on_cost=-5")
    assert response.status_code == 200 and response.context["form"].errors["on_cost"]


def test_the_partnership_pages_queries_do_not_grow_with_its_posts(client, region, django_assert_max_num_queries):
    def add_post(n):
        post = services.create_post(actor=region.coordinator, partnership=region.network, title=f"Post {n}", person=region.staff_north,
                                    employer=region.north, start_on=datetime.date(2025, 4, 1), annual_cost=D("1000"))
        services.add_share(actor=region.coordinator, post=post, council=region.south, days=D("1"))

    add_post(0)
    client.force_login(region.coordinator)
    url = reverse("workforce:partnership", args=[region.network.slug])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(1, 6):
        add_post(n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count("Post ") >= 6
