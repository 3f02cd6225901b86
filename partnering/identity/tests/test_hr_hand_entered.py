"""The lead's choice, when committing a full export in the browser, to end the jobs entered by hand that the file
leaves out: off unless ticked, explained and warned about on the confirm step."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnering.people.models import Employment

pytestmark = pytest.mark.django_db

EVERYONE_BUT_STAFF = (b"Work email,Name,Post title,Start date\n"
                      b"lead_north@example.test,Lead North,L&D lead,01/04/2020\n"
                      b"shared@example.test,Shared,Officer,01/04/2020\n")


def upload(client, council, data, full=True):
    body = {"file": SimpleUploadedFile("hr.csv", data)}
    if full:
        body["full_export"] = "on"
    return client.post(f"/councils/{council.slug}/people-import/", body)["Location"]


def test_the_confirm_step_offers_the_choice_unticked_with_a_hint_a_warning_and_the_jobs_it_would_end(client, region):
    client.force_login(region.lead_north)
    page = client.get(upload(client, region.north, EVERYONE_BUT_STAFF)).content.decode()
    assert 'name="include_hand_entered"' in page and "checked" not in page.split('name="include_hand_entered"')[1].split(">")[0]
    assert 'aria-describedby="id_include_hand_entered-hint"' in page and 'id="id_include_hand_entered-hint"' in page
    assert "govuk-warning-text" in page and "your own job included" in page
    assert region.staff_north.email in page.split('data-testid="hand-entered-missing"')[1]


def test_hand_entered_jobs_are_left_alone_unless_the_lead_ticks_the_box(client, region):
    client.force_login(region.lead_north)
    hand_entered = Employment.objects.get(council=region.north, person=region.staff_north)
    done = client.post(upload(client, region.north, EVERYONE_BUT_STAFF), {"action": "commit"}, follow=True).content.decode()
    assert "0 entered by hand ended, 1 entered by hand left alone" in done
    summary = done.split('class="govuk-summary-list"')[1]
    assert "Entered by hand, not in the export: left alone</dt><dd class=\"govuk-summary-list__value\">1<" in summary
    hand_entered.refresh_from_db()
    assert hand_entered.end_on is None
    client.post(upload(client, region.north, EVERYONE_BUT_STAFF), {"action": "commit", "include_hand_entered": "on"})
    hand_entered.refresh_from_db()
    assert hand_entered.end_on == datetime.date.today()
    assert Employment.objects.get(council=region.north, person=region.lead_north).end_on is None  # in the file: kept


def test_a_partial_export_offers_no_choice_and_ends_nothing_even_if_asked(client, region):
    client.force_login(region.lead_north)
    location = upload(client, region.north, EVERYONE_BUT_STAFF, full=False)
    assert 'name="include_hand_entered"' not in client.get(location).content.decode()
    client.post(location, {"action": "commit", "include_hand_entered": "on"})
    assert Employment.objects.get(council=region.north, person=region.staff_north).end_on is None
