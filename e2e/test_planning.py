import pytest

from partnering.planning.models import VenuePlan
from partnering.planning.tests.scenario import provisional_session_with_interest

from .test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_plans_venues_for_a_provisional_session_and_makes_sessions(page, region, axe):
    course, session, _ = provisional_session_with_interest(region)
    sign_in(page, region.coordinator)
    page.goto(f"/catalogue/sessions/{session.pk}/")
    page.get_by_role("link", name="Plan venues for the people interested").click()
    page.get_by_role("heading", name="Plan venues").wait_for()
    axe(page)

    page.get_by_label("Number of venues").fill("2")
    page.get_by_role("button", name="Compare plans").click()
    table = page.get_by_test_id("plan-table")
    table.wait_for()
    assert "Best venues for everyone" in table.inner_text() and "Online" in table.inner_text()
    page.get_by_test_id("plan-map").wait_for()
    chosen = page.get_by_test_id("chosen-venues").inner_text()
    assert "Cardiff Hall" in chosen and "Swansea Hall" in chosen
    axe(page)

    page.get_by_role("button", name="Make sessions: Best venues for everyone").click()
    page.get_by_text("2 provisional sessions added").wait_for()
    sessions = page.get_by_test_id("plan-sessions").inner_text()
    assert "Cardiff Hall" in sessions and "Swansea Hall" in sessions
    axe(page)
    assert VenuePlan.objects.get().sessions.count() == 2

    page.get_by_role("button", name="Undo this plan").click()
    page.get_by_test_id("plan-undone").wait_for()
    axe(page)
    assert VenuePlan.objects.get().sessions.count() == 0

    page.get_by_role("button", name="Cymraeg").click()
    page.get_by_role("button", name="Allgofnodi").wait_for()
    page.goto(f"/planning/courses/{course.pk}/?session={session.pk}&audience=session&k=2&objective=total"
              "&pence_per_mile=45&co2_kg_per_km=0.17&online_threshold=60")
    assert page.get_by_role("heading", level=1).inner_text() == "Cynllunio lleoliadau"
    assert "Y lleoliadau gorau i bawb" in page.get_by_test_id("plan-table").inner_text()
    axe(page)
    assert page.console_errors == []
