import pytest

from partnering.overlap.models import Equivalence
from partnering.overlap.tests.test_analysis import NORTH, SOUTH, share

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
    page.get_by_role("link", name="ILM L3 Award - Leadership & Mgmt").first.click()
    page.get_by_role("heading", name="Why these lines were grouped").wait_for()
    axe(page)
    page.get_by_role("button", name="Confirm these are equivalent").click()
    page.get_by_text("is now one of the partnership's equivalences").wait_for()
    assert Equivalence.objects.filter(partnership=region.network).count() == 1
    assert page.get_by_text("Confirmed").first.is_visible()
    page.goto(f"/overlap/partnerships/{region.network.slug}/opportunities/?year=2025&cohort_size=20")
    axe(page)
    assert page.get_by_test_id("total-saving").inner_text() == "£950"
    page.goto("/glossary/")
    axe(page)
    assert page.console_errors == []
