"""The admin obeys the access layer: a staff user who is not a superuser adds and changes only what the rules allow."""

import pytest
from django.contrib.auth.models import Permission

from partnering.people.models import CouncilRole, Employment
from tests.factories import PersonFactory, employ

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_admin(region):
    person = PersonFactory(email="staff.admin@example.test", is_staff=True)
    employ(person, region.south, "lead", "staff")
    person.user_permissions.set(Permission.objects.filter(content_type__app_label__in=["people", "organisations"]))
    return person


def _employment_form(person, council, role="lead"):
    return {"person": person.pk, "council": council.pk, "job_title": "Head of everything", "fte": "1", "start_on": "2025-01-01",
            "roles-TOTAL_FORMS": "1", "roles-INITIAL_FORMS": "0", "roles-MIN_NUM_FORMS": "0", "roles-MAX_NUM_FORMS": "1000",
            "roles-0-role": role}


def test_a_staff_user_cannot_make_themselves_lead_of_a_council_they_do_not_lead(client, region, staff_admin):
    client.force_login(staff_admin)
    response = client.post("/admin/people/employment/add/", _employment_form(staff_admin, region.north))
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    assert not Employment.objects.filter(person=staff_admin, council=region.north).exists()
    assert not CouncilRole.objects.filter(employment__council=region.north, employment__person=staff_admin).exists()


def test_the_council_choices_in_an_admin_form_are_the_councils_the_staff_user_leads(client, region, staff_admin):
    client.force_login(staff_admin)
    choices = client.get("/admin/people/employment/add/").context["adminform"].form.fields["council"].queryset
    assert list(choices) == [region.south]


def test_a_staff_user_adds_an_employment_at_the_council_they_lead_for_someone_they_can_see(client, region, staff_admin):
    client.force_login(staff_admin)
    second_post = _employment_form(region.staff_south, region.south, role="trainer") | {"end_on": "2026-03-31"}
    assert client.post("/admin/people/employment/add/", second_post).status_code == 302
    assert Employment.objects.filter(person=region.staff_south, council=region.south).count() == 2


def test_a_staff_user_cannot_give_anyone_superuser_rights(client, region, staff_admin):
    client.force_login(staff_admin)
    response = client.post(f"/admin/people/person/{region.staff_south.pk}/change/",
                           {"email": region.staff_south.email, "full_name": "X", "is_active": "on", "is_superuser": "on"})
    assert response.status_code == 403
    region.staff_south.refresh_from_db()
    assert not region.staff_south.is_superuser


def test_a_staff_lead_shares_a_venue_only_with_a_partnership_their_council_is_in(client, region, staff_admin):
    from partnering.organisations.models import Partnership, Venue
    from tests.factories import partnership_role

    other = Partnership.objects.create(name="Other", slug="other", kind="network")
    partnership_role(staff_admin, other, "coordinator")  # coordinating another partnership gives no right to share with it
    client.force_login(staff_admin)
    form = client.get("/admin/organisations/venue/add/").context["adminform"].form
    assert list(form.fields["shared_with"].queryset) == [region.network]
    response = client.post("/admin/organisations/venue/add/", {"council": region.south.pk, "name": "Room", "capacity": "10",
                                                               "sharing": "partnership", "shared_with": other.pk})
    assert response.status_code == 200 and not Venue.objects.filter(name="Room").exists()


def test_a_coordinator_saves_their_partnerships_memberships_in_the_admin(client, region):
    from django.contrib.auth.models import Permission

    from tests.factories import PersonFactory, partnership_role

    coordinator = PersonFactory(is_staff=True)
    partnership_role(coordinator, region.network, "coordinator")
    coordinator.user_permissions.set(Permission.objects.filter(content_type__app_label="organisations"))
    client.force_login(coordinator)
    inline = client.get(f"/admin/organisations/partnership/{region.network.pk}/change/").context["inline_admin_formsets"][0]
    assert set(inline.formset.forms[0].fields["council"].queryset) >= {region.north, region.south}
