"""Retention in the browser: a council's lead sets how long leavers' personal data is kept, sees who the next run
would anonymise, and after the run reads the log, which names no one."""

import datetime

import pytest

from partnering.ops.models import RetentionRule
from partnering.ops.retention import erase_expired
from partnering.people.models import Employment

from .test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_lead_sets_the_period_previews_who_is_due_and_reads_the_log(page, region, axe):
    Employment.objects.filter(person=region.staff_north).update(end_on=datetime.date(2021, 3, 31))

    sign_in(page, region.lead_north)
    page.goto("/councils/north/")
    page.get_by_role("link", name="Keeping leavers' personal data").click()
    page.get_by_role("heading", level=1, name="Keeping leavers' personal data").wait_for()
    axe(page)
    field = page.get_by_label("Months to keep a leaver's personal data")
    field.fill("0")
    page.get_by_role("button", name="Save retention period").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    axe(page)
    page.get_by_label("Months to keep a leaver's personal data").fill("12")
    page.get_by_role("button", name="Save retention period").click()
    page.get_by_text("Saved: leavers' personal data is kept for 12 months after they leave.").wait_for()
    assert RetentionRule.objects.get(council=region.north).months == 12
    page.get_by_role("cell", name="Staff North").wait_for()
    axe(page)

    assert erase_expired().erased == 1
    page.reload()
    page.get_by_role("cell", name=f"Anonymised person #{region.staff_north.pk}").wait_for()
    assert page.get_by_role("cell", name="Staff North").count() == 0
    axe(page)
