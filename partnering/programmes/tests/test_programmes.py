"""Programmes and projects: who sees and does what, sign-off at two levels, computed and stale indicators, benefits kept apart."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from partnering.access import programmes as access
from partnering.access import scope_of
from partnering.core.models import AuditEntry
from partnering.programmes import services
from partnering.programmes.models import Indicator, SignOff

pytestmark = pytest.mark.django_db


def test_a_partnerships_coordinators_board_and_member_leads_read_its_programme_and_an_outsider_and_staff_do_not(region):
    for person in (region.coordinator, region.board, region.lead, region.conwy_lead):
        assert access.programmes_visible_to(scope_of(person)).filter(pk=region.programme.pk).exists()
    for person in (region.outsider, region.staff):
        assert not access.programmes_visible_to(scope_of(person)).exists()


def test_a_scrutiny_member_reads_the_programme_once_appointed_and_can_put_a_question(region):
    councillor = region.staff
    services.appoint_scrutiny_member(partnership=region.partnership, actor=region.coordinator, person=councillor, council=region.gwynedd,
                                     start_on=datetime.date(2020, 1, 1))
    scope = scope_of(councillor)
    assert access.programme_for(scope, "legal") == region.programme
    assert not access.can_edit_project(scope, region.project)
    question = services.ask_question(programme=region.programme, actor=councillor, question="What has the collaboration saved?")
    assert question.council == region.gwynedd
    services.answer_question(question=question, actor=region.coordinator, answer="See the benefits table.")
    with pytest.raises(PermissionDenied):
        services.answer_question(question=question, actor=councillor, answer="I answer myself")


def test_a_decision_at_two_levels_needs_the_board_first_then_every_project_council(region):
    decision = services.add_entry(project=region.project, actor=region.coordinator, what="decision",
                                  values={"title": "Adopt one case-management system", "levels": 2})
    assert services.decision_state(decision).state == "board"
    with pytest.raises(services.Refused, match="The project board signs off first"):
        services.sign_off(decision=decision, actor=region.lead, level=2, council=region.gwynedd, answer="approved", on=datetime.date(2026, 1, 5))
    services.sign_off(decision=decision, actor=region.coordinator, level=1, answer="approved", on=datetime.date(2026, 1, 5))
    state = services.decision_state(decision)
    assert state.state == "councils" and {c.slug for c in state.waiting_for} == {"gwynedd", "conwy"}
    services.sign_off(decision=decision, actor=region.lead, level=2, council=region.gwynedd, answer="approved", on=datetime.date(2026, 1, 9))
    with pytest.raises(PermissionDenied):  # Gwynedd's lead cannot sign for Conwy
        services.sign_off(decision=decision, actor=region.lead, level=2, council=region.conwy, answer="approved", on=datetime.date(2026, 1, 9))
    services.sign_off(decision=decision, actor=region.conwy_lead, level=2, council=region.conwy, answer="approved", on=datetime.date(2026, 1, 12))
    assert services.decision_state(decision).state == "approved"
    assert SignOff.objects.filter(decision=decision).count() == 3


def test_a_rejection_at_either_level_rejects_the_decision(region):
    decision = services.add_entry(project=region.project, actor=region.coordinator, what="decision", values={"title": "Merge teams", "levels": 1})
    services.sign_off(decision=decision, actor=region.coordinator, level=1, answer="rejected", on=datetime.date(2026, 1, 5))
    assert services.decision_state(decision).state == "rejected"


def test_a_typed_figure_records_who_verified_it_and_is_flagged_stale_once_older_than_allowed(region):
    services.set_period(indicator=region.cost, actor=region.lead, start_on=datetime.date(2011, 4, 1), end_on=datetime.date(2012, 3, 31),
                        target=Decimal("5700000"), actual=Decimal("5650000"), evidence="2011/12 outturn")
    actual = services.indicator_actual(region.cost, timezone.localdate())
    assert actual.value == Decimal("5650000") and actual.verified_by == region.lead and actual.stale is False
    later = services.indicator_actual(region.cost, timezone.localdate() + datetime.timedelta(days=91))
    assert later.stale is True
    [(_, [row])] = services.indicator_rows(region.project, datetime.date(2012, 1, 1))
    assert row.progress.met is True  # lower is better: £5.65m against a £5.7m target


def test_places_attended_are_computed_from_the_catalogues_registers(region):
    from partnering.learning.models import Booking, Course, Session

    result = services.add_entry(project=region.project, actor=region.coordinator, what="result", values={"kind": "output", "title": "Trained"})
    places = services.add_indicator(result=result, actor=region.coordinator, title="Places attended", source=Indicator.Source.COURSE_PLACES)
    course = Course.objects.create(partnership=region.partnership, title="Advocacy skills")
    other_course = Course.objects.create(partnership=region.other, title="Elsewhere")
    start = timezone.now() - datetime.timedelta(days=10)
    session = Session.objects.create(course=course, starts_at=start, ends_at=start + datetime.timedelta(hours=3), capacity=10)
    elsewhere = Session.objects.create(course=other_course, starts_at=start, ends_at=start + datetime.timedelta(hours=3), capacity=10)
    for person, status in zip((region.staff, region.lead, region.conwy_lead, region.coordinator), ("attended", "attended", "no_show", "booked"), strict=True):
        Booking.objects.create(session=session, person=person, council=region.gwynedd, status=status, created_at=start)
    Booking.objects.create(session=elsewhere, person=region.outsider, council=region.outside, status="attended", created_at=start)
    actual = services.indicator_actual(places)
    assert actual.value == 2 and actual.computed and actual.as_of == timezone.localdate()


def test_spend_against_profile_comes_from_the_funding_package(region):
    from partnering.costs import services as costs

    package = costs.create_package(partnership=region.partnership, actor=region.coordinator, name="ESF", start_date=datetime.date(2025, 4, 1))
    costs.add_package_entry(package=package, actor=region.coordinator, what="award", values={"funder": "ESF", "awarded": Decimal("1000")})
    costs.add_package_entry(package=package, actor=region.coordinator, what="profile", values={"year": "2025/26", "amount": Decimal("800")})
    costs.add_package_entry(package=package, actor=region.coordinator, what="spend",
                            values={"date": datetime.date(2025, 6, 1), "amount": Decimal("250.50"), "description": "Room hire"})
    spend = services.add_indicator(result=region.result, actor=region.coordinator, title="Spend", source="spend", package=package)
    actual = services.indicator_actual(spend, datetime.date(2025, 7, 1))
    assert (actual.value, actual.profiled) == (Decimal("250.50"), Decimal("800.00"))


def test_a_survey_sets_its_indicator_through_the_hook_and_a_typed_indicator_refuses_it(region):
    result = services.add_entry(project=region.project, actor=region.coordinator, what="result", values={"kind": "outcome", "title": "Clients"})
    rating = services.add_indicator(result=result, actor=region.coordinator, title="Clients rating good or excellent", measure="percentage",
                                    source="survey", baseline=Decimal("88"))
    services.set_indicator_from_survey(indicator=rating, actor=None, value=Decimal("96"), as_of=timezone.localdate(), label="Client survey 2026")
    actual = services.indicator_actual(rating)
    assert actual.value == Decimal("96") and actual.stale is False and actual.how == "Client survey 2026"
    with pytest.raises(services.Refused):
        services.set_indicator_from_survey(indicator=region.cost, actor=None, value=Decimal("1"), as_of=timezone.localdate(), label="x")


def test_a_non_cash_benefit_with_money_is_refused_naming_the_field(region):
    with pytest.raises(services.Refused) as refusal:
        services.add_entry(project=region.project, actor=region.coordinator, what="benefit",
                           values={"kind": "non_cash", "description": "Resilience", "planned": Decimal("10")})
    assert refusal.value.field == "planned"


def test_publishing_is_for_the_lead_councils_leads_and_coordinators_and_is_audited(region):
    with pytest.raises(PermissionDenied):
        services.set_published(project=region.project, actor=region.conwy_lead, published=True)
    services.set_published(project=region.project, actor=region.lead, published=True)
    services.set_published(project=region.project, actor=region.coordinator, published=False)
    key = "published on the public register"
    entries = [e for e in AuditEntry.objects.filter(object_id=str(region.project.pk), action=AuditEntry.Action.UPDATE).order_by("pk")
               if key in e.changes]
    assert [e.actor for e in entries] == [region.lead, region.coordinator]
    assert entries[0].changes[key][1] != entries[1].changes[key][1]


def test_an_agreement_due_for_review_reminds_the_coordinators_once(region, mailoutbox, django_capture_on_commit_callbacks):
    agreement = services.create_agreement(partnership=region.partnership, actor=region.coordinator, councils=[region.gwynedd, region.conwy],
                                          kind="hosting", title="Legal service hosted by Gwynedd", host=region.gwynedd,
                                          starts_on=datetime.date(2012, 4, 1), review_on=datetime.date(2026, 5, 1), remind_days=60)
    assert services.send_agreement_reminders(datetime.date(2026, 2, 1)) == 0  # 89 days ahead: not yet
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_agreement_reminders(datetime.date(2026, 3, 2)) == 1
    assert {m.to[0] for m in mailoutbox} == {"coordinator@example.test", "lead@gwynedd.test"}
    assert "Legal service hosted by Gwynedd" in mailoutbox[0].subject
    assert services.send_agreement_reminders(datetime.date(2026, 3, 3)) == 0  # once per date
    agreement.refresh_from_db()
    assert agreement.reminded_for == datetime.date(2026, 5, 1)


def test_the_project_page_shows_private_notes_to_those_who_run_it_and_never_to_the_board(client, region):
    client.force_login(region.lead)
    assert "SECRET NOTE" in client.get(reverse("programmes:project", args=[region.project.pk])).content.decode()
    client.force_login(region.board)
    page = client.get(reverse("programmes:project", args=[region.project.pk]))
    assert page.status_code == 200 and "SECRET NOTE" not in page.content.decode()
    client.force_login(region.outsider)
    assert client.get(reverse("programmes:project", args=[region.project.pk])).status_code == 404


def test_a_risk_with_a_score_out_of_range_gets_an_error_on_the_field(client, region):
    client.force_login(region.lead)
    page = client.post(reverse("programmes:project-add", args=[region.project.pk, "risk"]),
                       {"kind": "risk", "title": "Staff leave", "likelihood": "7", "impact": "3", "review_on": "2026-06-01"})
    assert page.status_code == 200
    assert "likelihood" in page.context["form"].errors


def test_every_project_page_form_opens_for_the_lead(client, region):
    client.force_login(region.lead)
    for what in ("milestone", "status", "risk", "decision", "result", "benefit", "factor", "lesson", "council", "organisation", "body"):
        assert client.get(reverse("programmes:project-add", args=[region.project.pk, what])).status_code == 200, what
    assert client.get(reverse("programmes:project-add", args=[region.project.pk, "nonsense"])).status_code == 404


def test_a_programme_cannot_take_a_short_name_that_hides_another_page(region):
    with pytest.raises(services.Refused) as refusal:
        services.create_programme(partnership=region.partnership, actor=region.coordinator, name="Organisations", slug="organisations")
    assert refusal.value.field == "slug"


def test_the_reminders_command_names_a_bad_date():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="--on: expected a date like 2026-03-31, got '31/03/2026'"):
        call_command("programme_reminders", "--on", "31/03/2026")


def test_the_reminders_command_reports_how_many_agreements_it_reminded_about(region):
    import io

    from django.core.management import call_command

    services.create_agreement(partnership=region.partnership, actor=region.coordinator, councils=[region.gwynedd], kind="mou", title="MoU",
                              starts_on=datetime.date(2025, 1, 1), expires_on=datetime.date(2026, 4, 30), remind_days=30)
    out = io.StringIO()
    call_command("programme_reminders", "--on", "2026-04-10", stdout=out)
    assert out.getvalue().strip() == "1 agreement(s) reminded about"
