"""Self-assessment and surveys in the browser: a council's lead scores its HR integration, adds evidence and submits;
the coordinator moderates; the lead agrees and reads the benchmark, where the partner figure is shown as too few to
show; and a member of staff answers a pulse survey once (a second go is refused). axe on every page visited."""

import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import expect

from partnering.assessment import builtins, services
from partnering.assessment.models import Assessment, Framework, Response
from tests.factories import (
    PASSWORD,
    CouncilFactory,
    MembershipFactory,
    PartnershipFactory,
    PersonFactory,
    employ,
    partnership_role,
)

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, person):
    """Sign in with email and password, and wait until the page says who is signed in."""
    page.goto("/accounts/login/")
    page.get_by_label("Email address", exact=True).fill(person.email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_test_id("signed-in-as")).to_contain_text(person.full_name)


def _agreed(framework, partnership, council, lead, moderator, value):
    a = services.start_assessment(framework=framework, actor=lead, partnership=partnership, council=council, title="HR integration 2025")
    services.save_scores(assessment=a, actor=lead, scores={c.pk: (Decimal(value), "") for c in a.version.criteria.all()})
    services.submit(assessment=a, actor=lead)
    services.moderate(assessment=a, actor=moderator, view="Supported by the evidence.", scores={})
    services.agree(assessment=a, actor=lead)


def _others_agreed(region, framework):
    """South (the partner) and six councils of another partnership have agreed assessments: one partner council is too
    few to show, and so (as it could be taken from the total) are the six elsewhere; the seven together are shown."""
    lead_south = region.lead_south
    _agreed(framework, region.network, region.south, lead_south, region.coordinator, 2)
    elsewhere = PartnershipFactory(name="Elsewhere Shared Services", slug="elsewhere")
    coordinator = PersonFactory(email="coordinator.elsewhere@example.test")
    partnership_role(coordinator, elsewhere, "coordinator")
    for i in range(6):
        council = CouncilFactory(name=f"Far Council {i}", slug=f"far-{i}")
        MembershipFactory(partnership=elsewhere, council=council)
        lead = PersonFactory(email=f"lead.far{i}@example.test")
        employ(lead, council, "lead", "staff")
        _agreed(framework, elsewhere, council, lead, coordinator, 4)


def test_a_lead_assesses_the_council_the_coordinator_moderates_and_the_lead_reads_the_benchmark(page, browser, live_server, region, axe):
    builtins.install(apps.get_model)  # a browser test's database is emptied after each test, migrations' data too
    framework = Framework.objects.get(key="hr-policy-integration")
    _others_agreed(region, framework)

    sign_in(page, region.lead_north)
    page.goto("/assessment/")
    page.get_by_role("heading", level=1, name="Self-assessment").wait_for()
    axe(page)
    page.get_by_test_id("built-in-frameworks").get_by_role("link", name="Integration of HR policies across partners").click()
    page.get_by_role("heading", level=1, name="Integration of HR policies across partners").wait_for()
    axe(page)
    page.get_by_role("link", name="Start an assessment").click()
    axe(page)
    page.get_by_label("North Council, in Test Network").check()
    page.get_by_label("Title").fill("HR integration, spring 2026")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("heading", level=1, name="Score each criterion").wait_for()
    axe(page)
    criteria = list(framework.current_version().criteria.order_by("position"))
    for c in criteria:
        page.get_by_test_id(f"criterion-{c.position}").get_by_label("3: Some policies aligned").check()
    page.get_by_test_id("criterion-1").get_by_label("Comment on “Workforce planning”").fill("A joint plan is drafted.")
    page.get_by_role("button", name="Save the scores").click()
    page.get_by_text("Scores saved.").wait_for()
    axe(page)

    page.get_by_role("link", name="Add evidence").click()
    page.get_by_label("Criterion").select_option(label="Workforce planning")
    page.get_by_role("radio", name="A link").check()
    page.get_by_label("Title").fill("Workforce plan")
    page.get_by_role("textbox", name="Link (optional)").fill("https://north.example.test/plan")
    page.get_by_role("button", name="Add the evidence").click()
    page.get_by_text("Evidence added.").wait_for()
    axe(page)
    assert page.get_by_role("link", name="Workforce plan").get_attribute("href") == "https://north.example.test/plan"
    page.get_by_role("button", name="Submit for moderation").click()
    page.get_by_text("Submitted for moderation.").wait_for()
    assert page.get_by_test_id("status").inner_text() == "Submitted for moderation"
    axe(page)
    assessment = Assessment.objects.get(title="HR integration, spring 2026")

    moderator = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    sign_in(moderator, region.coordinator)
    moderator.goto(f"/assessment/assessments/{assessment.pk}/")
    moderator.get_by_role("link", name="Moderate").click()
    moderator.get_by_role("heading", level=1, name="Moderate the assessment").wait_for()
    axe(moderator)
    moderator.get_by_test_id("criterion-3").get_by_label("2: Policies compared; differences known").check()
    moderator.get_by_test_id("criterion-3").get_by_label("Moderator's comment on “Pay and benefits”").fill("No joint pay policy yet.")
    moderator.get_by_label("The moderator's view").fill("Supported, except pay.")
    moderator.get_by_role("button", name="Record the moderation").click()
    moderator.get_by_text("Moderation recorded.").wait_for()
    assert moderator.get_by_test_id("status").inner_text() == "Moderated"
    axe(moderator)
    moderator.context.close()

    page.reload()
    page.get_by_role("button", name="Agree the moderated result").click()
    page.get_by_text("Agreed. 1 suggested actions were added to the action plan.").wait_for()
    assert page.get_by_test_id("status").inner_text() == "Agreed"
    assert "Agree how to improve: Pay and benefits" in page.get_by_test_id("actions").inner_text()
    axe(page)

    page.get_by_role("link", name="Benchmark").click()
    page.get_by_role("heading", level=1, name="Benchmark").wait_for()
    axe(page)
    page.get_by_test_id("hidden-note").wait_for()
    row = page.get_by_test_id("benchmark").get_by_role("row").filter(has_text="Workforce planning")
    cells = row.get_by_role("cell").all_inner_texts()
    # own score, partner councils (one: hidden), all other councils (seven: 2 + 6×4 = 26 / 7), the 2015 survey, its counts
    assert cells == ["3.00", "too few to show", "3.71 (7)", "2.55 (11)", "4, 3, 1, 0, 3"]
    assert page.console_errors == []


def test_a_member_of_staff_answers_a_pulse_survey_once(page, region, axe):
    survey = services.create_survey(partnership=region.network, actor=region.coordinator, title="Change fatigue pulse",
                                    kind="change_fatigue", audience="staff", councils=[region.north])
    services.add_question(survey=survey, actor=region.coordinator, text="The pace of change in my work is manageable", kind="likert",
                          required=True)
    today = timezone.localdate()
    wave = services.open_wave(survey=survey, actor=region.coordinator, opens_on=today, closes_on=today + datetime.timedelta(days=14))

    sign_in(page, region.staff_north)
    page.goto("/surveys/")
    axe(page)
    page.get_by_role("link", name="Change fatigue pulse").click()
    page.get_by_role("heading", level=1, name="Change fatigue pulse").wait_for()
    axe(page)
    page.get_by_role("button", name="Send my answers").click()  # nothing chosen: the required answer is named
    page.get_by_role("alert").get_by_text("Answer “The pace of change in my work is manageable”.").wait_for()
    axe(page)
    page.get_by_label("4: Agree", exact=True).check()
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_test_id("answered").wait_for()
    axe(page)
    assert Response.objects.filter(wave=wave).count() == 1

    page.goto(f"/surveys/waves/{wave.pk}/answer/")  # a second go: no form, only the thank-you
    page.get_by_test_id("answered").wait_for()
    assert page.get_by_role("button", name="Send my answers").count() == 0
    with pytest.raises(services.Refused, match="already answered"):
        services.answer(wave=wave, person=region.staff_north, answers={survey.questions.get().pk: "2"})
    assert Response.objects.filter(wave=wave).count() == 1
    assert page.console_errors == []


def test_a_coordinator_reads_a_closed_pulses_results_by_each_breakdown_with_small_councils_hidden(page, region, axe):
    survey = services.create_survey(partnership=region.network, actor=region.coordinator, title="Wellbeing pulse",
                                    kind="wellbeing", audience="staff", councils=[region.north, region.south])
    question = services.add_question(survey=survey, actor=region.coordinator, text="I can manage the demands of my job", kind="likert")
    today = timezone.localdate()
    for council, n in ((region.north, 7), (region.south, 2)):
        for i in range(n):
            employ(PersonFactory(email=f"p{i}.{council.slug}@example.test"), council)
    wave = services.open_wave(survey=survey, actor=region.coordinator, opens_on=today - datetime.timedelta(days=20),
                              closes_on=today - datetime.timedelta(days=1))
    for invitation in wave.invitations.select_related("person", "council").filter(person__email__startswith="p"):
        services.answer(wave=wave, person=invitation.person, answers={question.pk: "4" if invitation.council == region.north else "1"},
                        today=today - datetime.timedelta(days=10))

    sign_in(page, region.coordinator)
    page.goto("/surveys/")
    page.get_by_test_id("surveys").get_by_role("link", name="Wellbeing pulse").click()
    page.get_by_role("heading", level=1, name="Wellbeing pulse").wait_for()
    axe(page)
    page.get_by_role("link", name="Results").click()
    page.get_by_role("heading", level=1, name="Results").wait_for()
    axe(page)
    table = page.get_by_test_id("question-1")
    # South (two) is too few, and North with it, or South would be the total less North.
    assert table.get_by_test_id("suppressed").count() == 2
    assert table.get_by_role("row").filter(has_text="Everyone").get_by_role("cell").all_inner_texts() == ["9", "3.33"]
    for by in ("Partnership", "Role", "Wave"):
        page.get_by_label("Break down by").select_option(label=by)
        page.get_by_role("button", name="Show").click()
        page.wait_for_url(f"**by={by.lower()}**")
        axe(page)
        assert page.get_by_test_id("question-1").get_by_role("row").filter(has_text="Everyone").count() == 1
    assert page.console_errors == []
