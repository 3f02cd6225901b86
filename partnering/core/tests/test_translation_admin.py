"""Site administrators can edit the Welsh catalogue in the browser (django-rosetta); nobody else can."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/translations/"
LIST = "/admin/translations/files/project/"
WELSH = "/admin/translations/files/project/cy/0/"
CATALOGUE = Path(__file__).resolve().parents[3] / "locale" / "cy" / "LC_MESSAGES" / "django.po"


def test_a_site_administrator_can_open_the_welsh_catalogue(client, region):
    client.force_login(region.admin)
    assert client.get(HOME, follow=True).redirect_chain[-1] == (LIST, 302)
    listing = client.get(LIST)
    assert listing.status_code == 200
    assert [(code, [Path(path) for _, path, _ in files]) for code, _, files in listing.context["languages"]] == [
        ("cy", [CATALOGUE])
    ]
    page = client.get(WELSH, {"query": "Undo this plan"})
    assert page.status_code == 200
    assert "Dadwneud y cynllun hwn" in page.content.decode()


@pytest.mark.parametrize("other", ["files/django/", "files/third-party/", "files/all/", "files/django/cy/0/"])
def test_only_our_own_catalogue_is_offered_not_djangos_or_other_packages(client, region, other):
    client.force_login(region.admin)
    response = client.get(HOME + other)
    assert response.status_code == 302 and response["Location"] == LIST


@pytest.mark.parametrize("path", [LIST, WELSH])
def test_staff_who_are_not_superusers_and_ordinary_people_cannot_open_it(client, region, path):
    in_rosettas_translators_group = PersonFactory(is_staff=True)
    in_rosettas_translators_group.groups.add(Group.objects.create(name="translators"))
    for person in (PersonFactory(is_staff=True), in_rosettas_translators_group, region.lead_north, region.staff_north):
        client.force_login(person)
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), person
    client.logout()
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
