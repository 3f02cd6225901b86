import pytest
from django.urls import reverse

from partnering.core.models import AuditEntry, Sharing
from partnering.organisations.models import Venue
from tests.factories import MembershipFactory, VenueFactory

pytestmark = pytest.mark.django_db


def test_pages_need_signing_in(client, region):
    for url in ("/", "/partnerships/", f"/councils/{region.north.slug}/", "/people/", "/me/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_partnership_page_lists_current_members_with_dates_and_former_members(sign_in, region):
    import datetime

    MembershipFactory(
        partnership=region.network, council=region.outsider,
        joined_on=datetime.date(2012, 4, 1), left_on=datetime.date(2016, 3, 31),
    )
    response = sign_in(region.staff_north).get(reverse("organisations:partnership-detail", args=[region.network.slug]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "North Council" in page and "South Council" in page
    assert "1 April 2015" in page
    assert "Former members" in page and "31 March 2016" in page
    assert [m.council for m in response.context["past"]] == [region.outsider]


def test_partnership_list_counts_current_members(sign_in, region):
    response = sign_in(region.board_member).get("/partnerships/")
    assert [(p.name, p.member_count) for p in response.context["partnerships"]] == [("Test Network", 2)]


def test_council_page_shows_profile_and_only_the_venues_the_viewer_may_see(sign_in, region):
    private = VenueFactory(council=region.north, name="Back Office Room")
    shared = VenueFactory(council=region.north, name="Civic Hall", sharing=Sharing.PARTNERSHIP, shared_with=region.network)
    response = sign_in(region.staff_south).get(f"/councils/{region.north.slug}/")
    assert list(response.context["venues"]) == [shared]
    assert "Back Office Room" not in response.content.decode()
    assert private.pk


def test_private_venue_of_another_council_is_not_found_by_guessing_its_url(sign_in, region):
    private = VenueFactory(council=region.north)
    client = sign_in(region.staff_outsider)
    assert client.get(f"/venues/{private.pk}/").status_code == 404
    assert client.get(f"/venues/{private.pk}/edit/").status_code == 404
    assert client.post(f"/venues/{private.pk}/edit/", {"name": "Hijacked"}).status_code == 404
    private.refresh_from_db()
    assert private.name != "Hijacked"


def test_partner_can_see_a_shared_venue_but_not_change_it(sign_in, region):
    shared = VenueFactory(council=region.north, sharing=Sharing.PARTNERSHIP, shared_with=region.network)
    client = sign_in(region.lead_south)
    assert client.get(f"/venues/{shared.pk}/").status_code == 200
    assert client.get(f"/venues/{shared.pk}/edit/").status_code == 404


def test_only_the_councils_lead_can_edit_its_profile(sign_in, region, client):
    for person in (region.staff_north, region.lead_south, region.coordinator):
        client.logout()
        assert sign_in(person).get(f"/councils/{region.north.slug}/edit/").status_code == 404
    client.logout()
    assert sign_in(region.lead_north).get(f"/councils/{region.north.slug}/edit/").status_code == 200


def test_lead_edits_the_council_profile_and_the_change_is_audited(sign_in, region):
    client = sign_in(region.lead_north)
    response = client.post(
        f"/councils/{region.north.slug}/edit/",
        {"region": "West", "hq_town": "Northtown", "latitude": "51.7", "longitude": "-3.8", "headcount": "1200",
         "brand_colour": "#00703c", "email_domain": "north.gov.uk"},
    )
    assert response.status_code == 302
    region.north.refresh_from_db()
    assert region.north.headcount == 1200 and region.north.brand_colour == "#00703c"
    entry = AuditEntry.objects.get(council=region.north, action="update")  # the region's own records were created before
    assert entry.actor == region.lead_north and entry.source == "web"
    assert entry.changes["headcount"] == [None, 1200]
    trail = client.get(f"/councils/{region.north.slug}/audit/")
    assert "#00703c" in trail.content.decode()


def test_invalid_profile_shows_the_error_summary_and_saves_nothing(sign_in, region):
    client = sign_in(region.lead_north)
    response = client.post(
        f"/councils/{region.north.slug}/edit/",
        {"region": "West", "latitude": "123", "longitude": "-3.8", "brand_colour": "blue"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert 'href="#id_brand_colour"' in page and 'href="#id_latitude"' in page
    assert "govuk-input--error" in page
    region.north.refresh_from_db()
    assert region.north.brand_colour == "#1d70b8"
    assert not AuditEntry.objects.filter(action="update").exists()


def test_lead_adds_a_venue_shared_with_their_partnership(sign_in, region):
    client = sign_in(region.lead_north)
    response = client.post(
        f"/councils/{region.north.slug}/venues/new/",
        {"name": "Learning Centre", "postcode": "SA1 1AA", "capacity": "30", "step_free_access": "on",
         "sharing": Sharing.PARTNERSHIP, "shared_with": region.network.pk},
    )
    venue = Venue.objects.get(name="Learning Centre")
    assert response.status_code == 302 and response["Location"] == venue.get_absolute_url()
    assert venue.council == region.north and venue.shared_with == region.network and venue.step_free_access
    assert AuditEntry.objects.filter(council=region.north, action="create", object_id=str(venue.pk)).exists()


def test_sharing_with_a_partnership_requires_choosing_one(sign_in, region):
    response = sign_in(region.lead_north).post(
        f"/councils/{region.north.slug}/venues/new/", {"name": "Room", "capacity": "10", "sharing": Sharing.PARTNERSHIP}
    )
    assert response.status_code == 200
    assert "Choose the partnership to share this venue with." in response.content.decode()
    assert not Venue.objects.filter(name="Room").exists()


def test_a_venue_cannot_be_shared_with_a_partnership_the_council_is_not_in(sign_in, region):
    from tests.factories import PartnershipFactory

    other = PartnershipFactory()
    response = sign_in(region.lead_north).post(
        f"/councils/{region.north.slug}/venues/new/",
        {"name": "Room", "capacity": "10", "sharing": Sharing.PARTNERSHIP, "shared_with": other.pk},
    )
    assert response.status_code == 200 and not Venue.objects.filter(name="Room").exists()


def test_duplicate_venue_name_in_the_same_council_is_a_form_error(sign_in, region):
    VenueFactory(council=region.north, name="Room")
    response = sign_in(region.lead_north).post(
        f"/councils/{region.north.slug}/venues/new/", {"name": "Room", "capacity": "10", "sharing": Sharing.PRIVATE}
    )
    assert response.status_code == 200 and "There is a problem" in response.content.decode()


def test_lead_cannot_add_venues_to_another_council(sign_in, region):
    response = sign_in(region.lead_south).post(
        f"/councils/{region.north.slug}/venues/new/", {"name": "Sneaky", "capacity": "10", "sharing": Sharing.PRIVATE}
    )
    assert response.status_code == 404 and not Venue.objects.filter(name="Sneaky").exists()


def test_audit_trail_is_for_the_councils_leads_only(sign_in, region, client):
    assert sign_in(region.staff_north).get(f"/councils/{region.north.slug}/audit/").status_code == 404
    client.logout()
    assert sign_in(region.lead_south).get(f"/councils/{region.north.slug}/audit/").status_code == 404


def test_council_list_searches_and_paginates(sign_in, region):
    from tests.factories import CouncilFactory

    CouncilFactory.create_batch(30)
    client = sign_in(region.staff_north)
    first = client.get("/councils/")
    assert len(first.context["page"].object_list) == 25 and first.context["page"].has_next()
    found = client.get("/councils/?q=north")
    assert [c.name for c in found.context["page"].object_list] == ["North Council"]


def test_unknown_partnership_or_council_is_not_found(sign_in, region):
    client = sign_in(region.staff_north)
    assert client.get("/partnerships/nope/").status_code == 404
    assert client.get("/councils/nope/").status_code == 404


def test_a_validation_error_raised_by_the_service_is_shown_on_the_form(sign_in, region, monkeypatch):
    from django.core.exceptions import ValidationError

    from partnering.organisations import services

    def clash(**kwargs):
        raise ValidationError({"name": ["Someone else just added a venue with this name."]})

    monkeypatch.setattr(services, "venue_create", clash)
    response = sign_in(region.lead_north).post(
        f"/councils/{region.north.slug}/venues/new/", {"name": "Hall", "capacity": "10", "sharing": Sharing.PRIVATE}
    )
    assert response.status_code == 200
    assert "Someone else just added a venue with this name." in response.content.decode()
