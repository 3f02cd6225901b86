"""Groups in the browser: a coordinator sets up a group and adds a union guest; the guest signs in, sees only that
group, starts a thread mentioning a member; a member uploads a document and a new version and reads its history;
the guest makes a calendar address. Every page passes axe."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from partnering.community import services
from partnering.community.models import Document, Group, GroupMember
from partnering.core.dates import today
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, person):
    page.goto("/accounts/login/")
    page.locator("#id_username").fill(person.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/")


def test_a_guest_sees_only_their_group_and_a_member_keeps_document_versions(page, region, axe, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    other = services.group_create(partnership=region.network, actor=region.coordinator, name="Property law")
    sign_in(page, region.coordinator)
    page.goto("/groups/")
    axe(page)
    page.get_by_role("link", name="Set up a group").click()
    page.get_by_label("Name", exact=True).fill("Union learning")
    page.get_by_role("button", name="Set up the group").click()
    page.get_by_role("heading", level=1, name="Union learning").wait_for()
    axe(page)
    group = Group.objects.get(name="Union learning")
    GroupMember.objects.create(group=group, person=region.staff_north, council=region.north, joined_on=today())
    page.get_by_role("link", name="Add a member or a guest").click()
    axe(page)
    page.get_by_label("Email address").fill("organiser@union.example")
    page.get_by_label("Full name").fill("Ola Organiser")
    page.get_by_label("Or a guest from").fill("UNISON North West")
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_test_id("members")).to_contain_text("Guest from UNISON North West")
    guest = GroupMember.objects.get(guest_organisation="UNISON North West").person
    guest.set_password(PASSWORD)
    guest.save()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, guest)
    page.goto("/groups/")
    assert page.get_by_test_id("my-groups").inner_text().strip().startswith("Union learning")
    assert "Property law" not in page.content() and "Priorities" not in page.content()
    axe(page)
    assert page.goto(f"/groups/{other.slug}/").status == 404
    page.goto(f"/groups/{group.slug}/forum/")
    axe(page)
    page.get_by_role("link", name="Start a thread").click()
    page.get_by_label("Title").fill("Rep training")
    page.get_by_label("Message").fill("Can @Staff North book a room?")
    page.get_by_role("button", name="Post").click()
    page.get_by_role("heading", level=1, name="Rep training").wait_for()
    axe(page)
    assert any("mentioned you" in m.subject and m.to == [region.staff_north.email] for m in mail.outbox)
    page.goto("/groups/calendar/")
    page.get_by_test_id("make-feed").click()
    expect(page.get_by_test_id("feed-url")).to_contain_text("/groups/feeds/")
    axe(page)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, region.staff_north)
    page.goto(f"/groups/{group.slug}/documents/")
    axe(page)
    page.get_by_role("link", name="Add a document").click()
    page.get_by_label("Title").fill("Learning agreement")
    first = tmp_path / "agreement.pdf"
    first.write_bytes(b"%PDF-1.4 first")
    page.get_by_label("File").set_input_files(str(first))
    page.get_by_role("button", name="Upload").click()
    page.get_by_test_id("versions").wait_for()
    page.get_by_role("link", name="Upload a new version").click()
    bad = tmp_path / "agreement-v2.pdf"
    bad.write_bytes(b"not a pdf at all")
    page.get_by_label("File").set_input_files(str(bad))
    page.get_by_label("What changed").fill("Signed")
    page.get_by_role("button", name="Upload").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("agreement-v2.pdf is not a PDF file")
    axe(page)
    bad.write_bytes(b"%PDF-1.4 signed")
    page.get_by_label("File").set_input_files(str(bad))
    page.get_by_role("button", name="Upload").click()
    page.get_by_test_id("versions").wait_for()
    axe(page)
    history = page.get_by_test_id("versions").inner_text()
    assert "Signed" in history and "Staff North" in history
    assert page.get_by_test_id("download-current").inner_text() == "Download the current version (2)"
    assert Document.objects.get().current.number == 2
    page.goto(f"/groups/{group.slug}/calendar/")
    axe(page)
    page.goto(f"/groups/{group.slug}/")
    axe(page)
