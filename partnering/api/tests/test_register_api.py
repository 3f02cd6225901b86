"""The public register through the API: published projects only, the register's public fields and nothing private,
by their stable identifier, for anyone (signed in, a council's token, or neither)."""

import pytest

from partnering.api.services import api_token_create
from partnering.programmes import services
from partnering.programmes.tests.conftest import region  # noqa: F401  (the programmes tests' region)
from partnering.register import opendata
from partnering.register.tests.test_register import published  # noqa: F401

pytestmark = pytest.mark.django_db


def bearer(secret):
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_anyone_reads_a_published_project_with_the_registers_own_fields(client, published):  # noqa: F811
    listed = client.get("/api/v1/register-projects/")
    assert listed.status_code == 200 and listed.json()["count"] == 1
    entry = listed.json()["results"][0]
    assert entry["identifier"] == published.project.identifier
    assert entry == client.get(f"/api/v1/register-projects/{published.project.identifier}/").json()
    # the same record as the register's open data (JSON-encoded the same way)
    import json

    assert entry == json.loads(json.dumps(opendata.entry(published.project)))
    text = json.dumps(entry)
    for private in ("SECRET NOTE", "RISK THAT IS PRIVATE", published.lead.email, published.lead.full_name):
        assert private not in text


def test_an_unpublished_project_is_not_listed_nor_found_even_with_a_token_of_its_lead_council(client, region):  # noqa: F811
    secret = api_token_create(actor=region.lead, council=region.gwynedd, name="Gwynedd")[1]
    assert client.get("/api/v1/register-projects/", **bearer(secret)).json()["count"] == 0
    assert client.get(f"/api/v1/register-projects/{region.project.identifier}/", **bearer(secret)).status_code == 404
    client.force_login(region.coordinator)
    assert client.get(f"/api/v1/register-projects/{region.project.identifier}/").status_code == 404
    for nonsense in ("PRT-", "PRT-x", "42", "PRT-99999", "PRT-%C2%B2", "PRT-%D9%A3", "PRT-1" + "0" * 30):
        response = client.get(f"/api/v1/register-projects/{nonsense}/")
        assert response.status_code == 404 and response.json()["status"] == 404, nonsense


def test_the_register_filters_by_region_theme_partner_partnership_and_status(client, published):  # noqa: F811
    def count(query):
        response = client.get(f"/api/v1/register-projects/?{query}")
        assert response.status_code == 200, response.json()
        return response.json()["count"]

    assert count("region=North+Wales") == 1 and count("region=Elsewhere") == 0
    assert count("theme=Legal+services") == 1 and count("theme=Housing") == 0
    assert count("partner=conwy") == 1 and count("partner=outside") == 0
    assert count("partnership=nw-legal") == 1 and count("partnership=other") == 0
    assert count(f"status={published.project.status}") == 1
    wrong = client.get("/api/v1/register-projects/?status=abandoned")
    assert wrong.status_code == 400 and "status" in wrong.json()["fields"]


def test_unpublishing_takes_a_project_off_the_api_at_once(client, published):  # noqa: F811
    services.set_published(project=published.project, actor=published.lead, published=False)
    assert client.get("/api/v1/register-projects/").json()["count"] == 0
