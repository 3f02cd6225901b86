"""The sharing chosen when a return is uploaded applies when it is committed, not before; failed uploads keep nothing."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from partnering.core.models import AuditEntry, Sharing
from partnering.mapping import services
from partnering.mapping.models import ImportBatch, Return

from . import hostile
from .spreadsheets import HEADERS, ROWS, xlsx

pytestmark = pytest.mark.django_db

LINES_URL = "/mapping/councils/{slug}/provision/?year=2025"


def upload(client, council, data, **sharing):
    return client.post(f"/mapping/councils/{council.slug}/returns/upload/", {
        "year": "2025", "file": SimpleUploadedFile("return.xlsx", data), **sharing})


def lines_seen_by(person, council) -> int | None:
    """How many of the council's lines the person can read, or None when the page is not theirs to see."""
    client = Client()
    client.force_login(person)
    response = client.get(LINES_URL.format(slug=council.slug))
    if response.status_code == 404:
        return None
    assert response.status_code == 200
    return len(response.context["page"].object_list)


def stored_files(path=""):
    directories, files = default_storage.listdir(path)
    found = {f"{path}{name}" for name in files}
    for directory in directories:
        found |= stored_files(f"{path}{directory}/")
    return found


def commit(client, batch):
    response = client.post(f"/mapping/imports/{batch.pk}/")
    assert response.status_code == 302 and response["Location"].endswith("/returns/"), response
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.ACTIVE


def test_a_draft_marked_public_does_not_expose_a_private_return_until_it_is_committed(sign_in, region):
    services.import_return(council=region.north, year=2025, filename="first.xlsx", data=xlsx([HEADERS, *ROWS]))
    assert lines_seen_by(region.lead_south, region.north) is None

    client = sign_in(region.lead_north)
    response = upload(client, region.north, xlsx([HEADERS, *ROWS[:2]]), sharing=Sharing.PUBLIC)
    assert response.status_code == 302
    draft = ImportBatch.objects.get(status=ImportBatch.Status.DRAFT)
    assert draft.sharing == Sharing.PUBLIC

    assert Return.objects.get(council=region.north).sharing == Sharing.PRIVATE
    assert lines_seen_by(region.lead_south, region.north) is None
    assert lines_seen_by(region.staff_outsider, region.north) is None

    commit(client, draft)
    assert Return.objects.get(council=region.north).sharing == Sharing.PUBLIC
    assert lines_seen_by(region.lead_south, region.north) == 2
    assert lines_seen_by(region.staff_outsider, region.north) == 2
    entry = AuditEntry.objects.filter(object_id=str(draft.council_return_id), action="update", changes__has_key="sharing").get()
    assert entry.actor == region.lead_north and entry.changes["sharing"] == [Sharing.PRIVATE.label, Sharing.PUBLIC.label]


def test_a_draft_marked_private_does_not_hide_a_shared_return_until_it_is_committed(sign_in, region):
    services.import_return(council=region.north, year=2025, filename="first.xlsx", data=xlsx([HEADERS, *ROWS]))
    Return.objects.filter(council=region.north).update(sharing=Sharing.PARTNERSHIP, shared_with=region.network)
    assert lines_seen_by(region.lead_south, region.north) == 3

    client = sign_in(region.lead_north)
    upload(client, region.north, xlsx([HEADERS, *ROWS[:2]]), sharing=Sharing.PRIVATE)
    draft = ImportBatch.objects.get(status=ImportBatch.Status.DRAFT)
    assert draft.sharing == Sharing.PRIVATE and draft.shared_with is None

    council_return = Return.objects.get(council=region.north)
    assert (council_return.sharing, council_return.shared_with) == (Sharing.PARTNERSHIP, region.network)
    assert lines_seen_by(region.lead_south, region.north) == 3

    commit(client, draft)
    council_return.refresh_from_db()
    assert (council_return.sharing, council_return.shared_with) == (Sharing.PRIVATE, None)
    assert lines_seen_by(region.lead_south, region.north) is None


def test_a_draft_shared_with_the_partnership_applies_that_partnership_at_commit(sign_in, region):
    client = sign_in(region.lead_north)
    upload(client, region.north, xlsx([HEADERS, *ROWS]), sharing=Sharing.PARTNERSHIP, shared_with=region.network.pk)
    draft = ImportBatch.objects.get()
    assert (draft.sharing, draft.shared_with) == (Sharing.PARTNERSHIP, region.network)
    assert Return.objects.get(council=region.north).sharing == Sharing.PRIVATE
    commit(client, draft)
    assert lines_seen_by(region.lead_south, region.north) == 3
    assert lines_seen_by(region.staff_outsider, region.north) is None


def test_a_draft_that_is_never_committed_leaves_the_sharing_as_it_was(sign_in, region):
    services.import_return(council=region.north, year=2025, filename="first.xlsx", data=xlsx([HEADERS, *ROWS]))
    client = sign_in(region.lead_north)
    upload(client, region.north, xlsx([HEADERS, ["", "", "", "", "", -1, ""]]), sharing=Sharing.PUBLIC)
    draft = ImportBatch.objects.get(status=ImportBatch.Status.DRAFT)
    client.post(f"/mapping/imports/{draft.pk}/")  # refused: the return has a problem
    draft.refresh_from_db()
    assert draft.status == ImportBatch.Status.DRAFT
    assert Return.objects.get(council=region.north).sharing == Sharing.PRIVATE
    assert lines_seen_by(region.lead_south, region.north) is None


def test_the_command_line_import_keeps_the_returns_sharing(region):
    services.import_return(council=region.north, year=2025, filename="first.xlsx", data=xlsx([HEADERS, *ROWS]))
    Return.objects.filter(council=region.north).update(sharing=Sharing.PUBLIC)
    batch, _ = services.import_return(council=region.north, year=2025, filename="second.xlsx", data=xlsx([HEADERS, *ROWS]))
    assert batch.sharing == ""
    assert Return.objects.get(council=region.north).sharing == Sharing.PUBLIC


@pytest.mark.parametrize("case", ["damaged sheet", "zip bomb", "not a spreadsheet", "partnership not chosen"])
def test_a_failed_upload_leaves_no_draft_and_no_stored_file(case, sign_in, region):
    services.import_return(council=region.north, year=2025, filename="first.xlsx", data=xlsx([HEADERS, *ROWS]))
    Return.objects.filter(council=region.north).update(sharing=Sharing.PARTNERSHIP, shared_with=region.network)
    batches, files = ImportBatch.objects.count(), stored_files()
    data, sharing = {
        "damaged sheet": (hostile.broken_sheet(), {"sharing": Sharing.PUBLIC}),
        "zip bomb": (hostile.zip_bomb(expanded_mb=16), {"sharing": Sharing.PRIVATE}),
        "not a spreadsheet": (b"%PDF-1.4 not a sheet", {"sharing": Sharing.PUBLIC}),
        "partnership not chosen": (xlsx([HEADERS, *ROWS]), {"sharing": Sharing.PARTNERSHIP, "shared_with": ""}),
    }[case]
    response = upload(sign_in(region.lead_north), region.north, data, **sharing)
    assert response.status_code == 200 and response.context["form"].errors
    assert ImportBatch.objects.count() == batches and stored_files() == files
    council_return = Return.objects.get(council=region.north)
    assert (council_return.sharing, council_return.shared_with) == (Sharing.PARTNERSHIP, region.network)


def test_a_failure_after_the_file_is_stored_removes_the_file(region, monkeypatch):
    files = stored_files()

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ImportBatch, "save", fail)
    with pytest.raises(RuntimeError):
        services.return_upload(council=region.north, year=2025, filename="return.xlsx", data=xlsx([HEADERS, *ROWS]),
                               actor=region.lead_north, sharing=Sharing.PUBLIC)
    assert stored_files() == files
    assert not Return.objects.exists()


def test_the_service_refuses_to_share_a_return_with_a_partnership_the_council_is_not_in(region):
    from django.core.exceptions import PermissionDenied

    from partnering.organisations.models import Partnership

    elsewhere = Partnership.objects.create(name="Elsewhere", slug="elsewhere", kind="network")
    with pytest.raises(PermissionDenied):
        services.return_upload(council=region.north, year=2025, filename="r.csv", data=b"Course title\nFire warden\n",
                               actor=region.lead_north, sharing=Sharing.PARTNERSHIP, shared_with=elsewhere)
    assert not ImportBatch.objects.exists()
