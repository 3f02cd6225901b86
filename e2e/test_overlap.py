import pytest

from partnering.overlap.models import Equivalence, Question
from partnering.overlap.tests.test_analysis import NORTH, SOUTH, share
from partnering.overlap.tests.test_questions import QUESTION_NORTH, QUESTION_SOUTH

from .test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_runs_the_analysis_and_confirms_a_group(page, region, axe):
    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)
    sign_in(page, region.coordinator)
    page.goto(f"/overlap/partnerships/{region.network.slug}/?year=2025")
    page.get_by_role("button", name="Run the analysis").click()
    page.get_by_text("Analysis finished").wait_for()
    axe(page)
    page.get_by_role("link", name="See the 2 groups only one council provides").click()
    page.get_by_role("link", name="First Aid at Work", exact=True).wait_for()
    axe(page)
    page.get_by_role("link", name="Overlap report").click()
    page.get_by_role("link", name="ILM L3 Award - Leadership & Mgmt").first.click()
    page.get_by_role("heading", name="Why these lines were grouped").wait_for()
    axe(page)
    page.get_by_role("button", name="Confirm these are equivalent").click()
    page.get_by_text("is now one of the partnership's equivalences").wait_for()
    assert Equivalence.objects.filter(partnership=region.network).count() == 1
    page.get_by_text("Confirmed").first.wait_for()
    page.goto(f"/overlap/partnerships/{region.network.slug}/opportunities/?year=2025&cohort_size=20")
    axe(page)
    assert page.get_by_test_id("total-saving").inner_text() == "£950"
    page.goto("/glossary/")
    axe(page)
    assert page.console_errors == []


# Two more lines the matcher is unsure of, so it has three questions to ask.
LONE_NORTH = ["Lone working", "Health and safety", "classroom", "in-house", "", "", "", 20, 2, 0]
LONE_SOUTH = ["Personal safety for lone workers", "Health and safety", "classroom", "in-house", "", "", "", 15, 2, 0]


def test_coordinator_answers_three_questions_and_sees_a_group_change(page, region, axe):
    share(region.north, region.network, [*QUESTION_NORTH, LONE_NORTH])
    share(region.south, region.network, [*QUESTION_SOUTH, LONE_SOUTH])
    sign_in(page, region.coordinator)
    report = f"/overlap/partnerships/{region.network.slug}/?year=2025"
    page.goto(report)
    page.get_by_role("button", name="Run the analysis").click()
    page.get_by_text("Analysis finished").wait_for()
    assert "questions are still worth asking" in page.get_by_test_id("grouping-confidence").inner_text()
    axe(page)
    first = Question.objects.filter(partnership=region.network, status=Question.Status.OPEN).first()
    grouped_before = _one_card_holds(page, first)
    page.get_by_role("link", name="Answer questions").click()
    page.get_by_role("button", name="Save and continue").wait_for()
    axe(page)
    for n in range(3):
        question = Question.objects.filter(partnership=region.network, status=Question.Status.OPEN).first()
        assert question.provision_a.title in page.get_by_role("heading", level=1).inner_text()
        # The coordinator disagrees with the grouping on the first question; the other pairs are the same course.
        choice = ("No" if together_now(question) else "Yes") if n == 0 else "Yes"
        page.get_by_label(choice, exact=True).check()
        page.get_by_role("button", name="Save and continue").click()
        page.get_by_text("Recorded:").wait_for()
    axe(page)
    page.goto(report)
    assert _one_card_holds(page, first) is not grouped_before
    page.goto(f"/overlap/partnerships/{region.network.slug}/decisions/")
    assert page.get_by_role("button", name="Undo").count() == 3
    axe(page)
    assert page.console_errors == []


def together_now(question):
    from partnering.overlap.models import OverlapGroup

    return OverlapGroup.objects.filter(members__provision=question.provision_a).filter(members__provision=question.provision_b).exists()


def _one_card_holds(page, question) -> bool:
    cards = page.locator(".govuk-summary-card").filter(has_text=question.provision_a.title).filter(has_text=question.provision_b.title)
    return cards.count() == 1
