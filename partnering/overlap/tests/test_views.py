import io

import pytest

from partnering.core.models import Sharing
from partnering.glossary.models import LocalSynonym, Term
from partnering.mapping.models import Return
from partnering.overlap.models import OverlapGroup

from .test_analysis import NORTH, SOUTH, share

pytestmark = pytest.mark.django_db


@pytest.fixture
def analysed(region, sign_in):
    share(region.north, region.network, NORTH)
    share(region.south, region.network, SOUTH)
    response = sign_in(region.coordinator).post(f"/overlap/partnerships/{region.network.slug}/run/", {"year": "2025"})
    assert response.status_code == 302
    return region


def url(region, page=""):
    return f"/overlap/partnerships/{region.network.slug}/{page}"


def test_report_lists_groups_in_two_or_more_councils_and_counts_the_one_council_ones(analysed, client):
    page = client.get(url(analysed) + "?year=2025")
    assert page.status_code == 200
    assert [g.council_count for g in page.context["page"].object_list] == [2, 2]
    assert page.context["one_council_count"] == 2
    assert "See the 2 groups only one council provides" in page.content.decode()
    filtered = client.get(url(analysed) + "?year=2025&q=excel")
    assert [g.title for g in filtered.context["page"].object_list] == ["Excel Intermediate"]
    assert filtered.context["one_council_count"] == 0


def test_the_one_council_groups_have_their_own_page_with_the_reports_filter(analysed, client):
    page = client.get(url(analysed, "one-council/") + "?year=2025")
    assert page.status_code == 200
    assert [(g.title, g.council_name) for g in page.context["page"].object_list] == [
        ("Emergency First Aid at Work", analysed.north.short_name), ("First Aid at Work", analysed.south.short_name)]
    filtered = client.get(url(analysed, "one-council/") + "?year=2025&q=emergency")
    assert [g.title for g in filtered.context["page"].object_list] == ["Emergency First Aid at Work"]
    nothing = client.get(url(analysed, "one-council/") + "?year=2025&q=excel")
    assert "No groups found in one council only." in nothing.content.decode()


def test_a_council_that_stops_sharing_leaves_the_one_council_list_at_once(analysed, client):
    Return.objects.filter(council=analysed.north).update(sharing=Sharing.PRIVATE, shared_with=None)
    assert client.get(url(analysed) + "?year=2025").context["one_council_count"] == 1
    page = client.get(url(analysed, "one-council/") + "?year=2025")
    assert [g.council_name for g in page.context["page"].object_list] == [analysed.south.short_name]
    assert "Emergency First Aid at Work" not in page.content.decode()


def test_report_access_follows_roles(analysed, client, sign_in):
    for person, status in ((analysed.board_member, 200), (analysed.lead_south, 200), (analysed.staff_north, 404), (analysed.staff_outsider, 404)):
        client.logout()
        assert sign_in(person).get(url(analysed) + "?year=2025").status_code == status, person
    group = OverlapGroup.objects.first()
    client.logout()
    assert sign_in(analysed.staff_outsider).get(f"/overlap/groups/{group.pk}/").status_code == 404


def test_only_coordinators_can_decide_in_the_browser(analysed, client, sign_in):
    group = OverlapGroup.objects.get(title__startswith="ILM L3")
    client.logout()
    lead = sign_in(analysed.lead_north)
    assert lead.post(f"/overlap/groups/{group.pk}/confirm/").status_code == 404
    assert lead.post(url(analysed, "run/"), {"year": "2025"}).status_code == 404
    client.logout()
    coordinator = sign_in(analysed.coordinator)
    assert coordinator.post(f"/overlap/groups/{group.pk}/confirm/").status_code == 302
    assert OverlapGroup.objects.get(title__startswith="ILM L3").status == "confirmed"
    assert "ILM L3 Award" in coordinator.get(url(analysed, "decisions/")).content.decode()


def test_opportunities_rank_by_saving_and_follow_the_cohort_size(analysed, client):
    # ILM: 10 + 6 learners; cohorts at £1,000 and £900 → median £950; today £1,900.
    default = client.get(url(analysed, "opportunities/") + "?year=2025")
    ilm = next(o for g, o in default.context["page"].object_list if g.title.startswith("ILM L3"))
    assert (ilm.cohorts_needed, ilm.joint_cost_pence, ilm.saving_pence) == (2, 190_000, 0)  # 2 cohorts of 12 cost the same
    bigger = client.get(url(analysed, "opportunities/") + "?year=2025&cohort_size=20")
    group, ilm = bigger.context["page"].object_list[0]
    assert group.title.startswith("ILM L3") and (ilm.cohorts_needed, ilm.saving_pence) == (1, 95_000)
    assert bigger.context["total_saving"] == 95_000
    download = client.get(url(analysed, "opportunities/") + "?year=2025&cohort_size=20&download=1")
    import python_calamine

    sheet = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(download.content)).get_sheet_by_index(0).to_python()
    assert sheet[0][0] == "Group" and sheet[1][0].startswith("ILM L3")


def test_coordinator_edits_the_glossary_and_a_lead_adds_a_local_name(region, client, sign_in):
    coordinator = sign_in(region.coordinator)
    response = coordinator.post("/glossary/new/", {"english": "Cyber security awareness", "welsh": "Ymwybyddiaeth seiberddiogelwch", "synonyms": "Cyber Ninjas"})
    term = Term.objects.get()
    assert response["Location"] == term.get_absolute_url()
    client.logout()
    lead = sign_in(region.lead_north)
    assert lead.get("/glossary/new/").status_code == 404
    lead.post(term.get_absolute_url(), {"text": "Seiber Ninjas"})
    assert LocalSynonym.objects.get().council == region.north
    duplicate = lead.post(term.get_absolute_url(), {"text": "Seiber Ninjas"})
    assert "already uses" in duplicate.content.decode()
    client.logout()
    staff = sign_in(region.staff_north)
    assert staff.post(term.get_absolute_url(), {"text": "Sneaky"}).status_code == 404
    assert "Seiber Ninjas" in staff.get("/glossary/?q=ninjas").content.decode()


def test_the_report_is_kept_between_visits_and_changes_with_sharing_and_decisions(analysed, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = client.get(url(analysed) + "?year=2025")
    with CaptureQueriesContext(connection) as kept:
        again = client.get(url(analysed) + "?year=2025")
    with CaptureQueriesContext(connection) as fresh:
        client.get(url(analysed) + "?year=2025&q=first")
    assert len(kept) < len(fresh) and again.context["one_council_count"] == first.context["one_council_count"] == 2

    north = Return.objects.get(council=analysed.north)
    north.sharing, north.shared_with = Sharing.PRIVATE, None
    north.save()  # as the site administration would
    page = client.get(url(analysed) + "?year=2025")
    assert page.context["one_council_count"] == 1 and page.context["not_sharing"] == 1
    assert all(m.provision.council == analysed.south for g in page.context["page"].object_list for m in g.shown_lines)

    north.sharing, north.shared_with = Sharing.PARTNERSHIP, analysed.network
    north.save()
    group = OverlapGroup.objects.get(title__startswith="ILM L3")
    client.post(f"/overlap/groups/{group.pk}/confirm/")
    shown = {g.title: g.status for g in client.get(url(analysed) + "?year=2025").context["page"].object_list}
    assert shown[group.title] == OverlapGroup.Status.CONFIRMED
