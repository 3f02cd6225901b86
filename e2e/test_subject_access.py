"""Subject access in the browser: a person downloads their own data as a PDF from their profile; a council's lead
records a request on the person's page and downloads the same for them."""

import datetime

import pytest

from partnering.core.models import AuditEntry
from partnering.learning.models import TrainingRecord

from .test_journeys import sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def _download(page, action):
    with page.expect_download() as info:
        action()
    download = info.value
    return download.suggested_filename, open(download.path(), "rb").read()


def test_a_person_downloads_their_data_and_a_lead_downloads_it_for_them_on_request(page, region, axe):
    TrainingRecord.objects.create(person=region.staff_north, title="Fire safety", completed_on=datetime.date(2025, 3, 1))

    sign_in(page, region.staff_north)
    page.goto("/me/")
    axe(page)
    name, content = _download(page, page.get_by_test_id("my-data-pdf").click)
    assert name == "partnering-my-data.pdf" and content.startswith(b"%PDF")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, region.lead_north)
    page.goto(f"/people/{region.staff_north.pk}/")
    page.get_by_test_id("person-data-link").click()
    page.get_by_role("heading", level=1, name="Download their data for a subject access request").wait_for()
    axe(page)
    page.get_by_test_id("person-data-download").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    axe(page)
    page.get_by_label("Request received on").fill("2026-03-27")
    page.get_by_label("Request reference").fill("SAR-7")
    page.get_by_label("PDF, to read or print").check()
    name, content = _download(page, page.get_by_test_id("person-data-download").click)
    assert name == "partnering-personal-data-Staff North.pdf" and content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(actor=region.lead_north, council=region.north, changes__format=[None, "PDF"]).exists()
