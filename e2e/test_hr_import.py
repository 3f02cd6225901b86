"""The HR import's confirm step in a real browser: a lead uploads a full export that leaves out a job entered by hand,
reads the hint and warning, ticks the choice, and that job is ended; the pages pass axe."""

import datetime

import pytest

from partnering.people.models import Employment

from .test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

EXPORT = (b"Work email,Name,Post title,Start date\n"
          b"lead_north@example.test,Lead North,L&D lead,01/04/2020\n"
          b"shared@example.test,Shared,Officer,01/04/2020\n")


def test_a_lead_chooses_to_end_a_hand_entered_job_the_full_export_leaves_out(page, region, axe, tmp_path):
    export = tmp_path / "hr.csv"
    export.write_bytes(EXPORT)
    sign_in(page, region.lead_north)
    page.goto("/councils/north/people-import/")
    page.get_by_label("HR export").set_input_files(str(export))
    page.get_by_role("button", name="Upload").click()
    page.get_by_role("heading", level=1, name="Check the HR import").wait_for()
    axe(page)
    choice = page.get_by_label("Also end the jobs entered by hand that are not in this file")
    assert not choice.is_checked()
    page.get_by_text("your own job included if you are not in it").wait_for()
    page.get_by_text("The 1 job entered by hand that is not in this file").click()
    page.get_by_test_id("hand-entered-missing").get_by_text(region.staff_north.email).wait_for()
    axe(page)
    choice.check()
    page.get_by_role("button", name="Import these people").click()
    page.get_by_text("1 entered by hand ended").wait_for()
    axe(page)
    assert Employment.objects.get(council=region.north, person=region.staff_north).end_on == datetime.date.today()
    assert not page.console_errors
