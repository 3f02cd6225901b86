"""Signing in through a council's OpenID Connect provider, end to end against a real provider."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from partnering.core.models import AuditEntry
from partnering.identity.models import AccessRequest, IdentityProvider, SignIn
from partnering.people.models import Employment, Person
from tests.factories import CouncilFactory, PersonFactory, employ

from .conftest import set_user, sign_in_through

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(oidc_provider):
    council = CouncilFactory(name="Cardiff Council", short_name="Cardiff", slug="cardiff")
    call_command("add_identity_provider", council="cardiff", issuer=oidc_provider, client_id="partnering", client_secret="s3cret",
                 domains="cardiff.gov.uk, caerdydd.gov.uk", stdout=_Null())
    return council


class _Null:
    def write(self, *_):
        pass


def test_a_first_sign_in_creates_a_person_employed_by_the_council_and_is_audited(client, council, oidc_provider):
    set_user(oidc_provider, "sub-ann", email="ann.jones@cardiff.gov.uk", email_verified=True, name="Ann Jones")
    response = sign_in_through(client, oidc_provider, email="ann.jones@cardiff.gov.uk", sub="sub-ann")
    assert response.status_code == 302 and response["Location"] == "/"
    person = Person.objects.get(email="ann.jones@cardiff.gov.uk")
    assert person.full_name == "Ann Jones" and not person.has_usable_password()
    assert Employment.objects.get(person=person).council == council
    assert client.get("/").wsgi_request.user == person
    sign_in = SignIn.objects.get(person=person)
    assert sign_in.method == SignIn.Method.COUNCIL and sign_in.council == council and sign_in.first_time
    assert AuditEntry.objects.filter(object_repr__contains="Ann Jones", council=council, action="create").exists()


def test_a_second_sign_in_finds_the_same_person_without_a_second_employment(client, council, oidc_provider):
    set_user(oidc_provider, "sub-bryn", email="bryn@cardiff.gov.uk", email_verified=True, name="Bryn Evans")
    sign_in_through(client, oidc_provider, email="bryn@cardiff.gov.uk", sub="sub-bryn")
    client.logout()
    response = sign_in_through(client, oidc_provider, email="bryn@cardiff.gov.uk", sub="sub-bryn")
    assert response.status_code == 302
    assert Person.objects.filter(email="bryn@cardiff.gov.uk").count() == 1
    assert Employment.objects.filter(person__email="bryn@cardiff.gov.uk").count() == 1
    assert list(SignIn.objects.filter(person__email="bryn@cardiff.gov.uk").values_list("first_time", flat=True).order_by("at")) == [True, False]


def test_a_first_sign_in_links_to_the_existing_person_with_that_email(client, council, oidc_provider):
    existing = PersonFactory(email="cerys@cardiff.gov.uk", full_name="Cerys Morgan")
    employ(existing, council)
    set_user(oidc_provider, "sub-cerys", email="Cerys@Cardiff.gov.uk", email_verified=True, name="C. Morgan")
    response = sign_in_through(client, oidc_provider, email="cerys@cardiff.gov.uk", sub="sub-cerys", next_url="/accounts/two-factor/set-up/")
    assert response.status_code == 302 and response["Location"] == "/accounts/two-factor/set-up/"
    assert Person.objects.filter(email__iexact="cerys@cardiff.gov.uk").count() == 1
    assert Employment.objects.filter(person=existing).count() == 1
    assert client.get("/").wsgi_request.user == existing


def test_an_unverified_email_outside_the_councils_domains_is_refused(client, council, oidc_provider):
    set_user(oidc_provider, "sub-dai", email="dai@gmail.example", email_verified=False, name="Dai")
    response = sign_in_through(client, oidc_provider, email="someone@cardiff.gov.uk", sub="sub-dai")
    assert response.status_code == 403
    assert "has not verified your email address" in response.content.decode()
    assert not Person.objects.filter(email="dai@gmail.example").exists()
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_an_unverified_email_in_the_councils_own_domain_is_accepted(client, council, oidc_provider):
    set_user(oidc_provider, "sub-eira", email="eira@caerdydd.gov.uk", email_verified=False, name="Eira")
    response = sign_in_through(client, oidc_provider, email="eira@caerdydd.gov.uk", sub="sub-eira")
    assert response.status_code == 302
    assert Person.objects.filter(email="eira@caerdydd.gov.uk").exists()


def test_an_issuer_other_than_the_configured_one_is_refused(client, oidc_provider):
    newport = CouncilFactory(slug="newport")
    # The provider writes its issuer without the slash; the council was set up with one. Exact match, no guessing.
    IdentityProvider.objects.create(council=newport, issuer=oidc_provider + "/",
                                    client_id="p", client_secret="s", domains="newport.gov.uk")
    set_user(oidc_provider, "sub-ffion", email="ffion@newport.gov.uk", email_verified=True)
    response = sign_in_through(client, oidc_provider, email="ffion@newport.gov.uk", sub="sub-ffion")
    assert response.status_code == 403
    assert "not the one Partnering expects" in response.content.decode()
    assert not Person.objects.filter(email="ffion@newport.gov.uk").exists()


def test_an_id_token_from_another_issuer_than_the_providers_is_refused(client, impostor_provider):
    council = CouncilFactory(slug="swansea")
    IdentityProvider.objects.create(council=council, issuer=impostor_provider, client_id="p", client_secret="s", domains="swansea.gov.uk")
    set_user(impostor_provider, "sub-gwen", email="gwen@swansea.gov.uk", email_verified=True)
    response = sign_in_through(client, impostor_provider, email="gwen@swansea.gov.uk", sub="sub-gwen")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert "Signing in with your council account did not work" in client.get("/accounts/login/").content.decode()
    assert not Person.objects.filter(email="gwen@swansea.gov.uk").exists()
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_a_token_from_another_entra_tenant_is_refused(client, council, oidc_provider):
    IdentityProvider.objects.filter(council=council).update(tenant_id="11111111-2222-3333-4444-555555555555")
    set_user(oidc_provider, "sub-huw", email="huw@cardiff.gov.uk", email_verified=True, tid="99999999-2222-3333-4444-555555555555")
    response = sign_in_through(client, oidc_provider, email="huw@cardiff.gov.uk", sub="sub-huw")
    assert response.status_code == 403 and "different Microsoft Entra tenant" in response.content.decode()
    set_user(oidc_provider, "sub-huw", email="huw@cardiff.gov.uk", email_verified=True, tid="11111111-2222-3333-4444-555555555555")
    assert sign_in_through(client, oidc_provider, email="huw@cardiff.gov.uk", sub="sub-huw").status_code == 302


def test_an_email_no_council_signs_in_with_gets_a_clear_message(client, council):
    response = client.post("/accounts/sso/", {"email": "someone@unknown.example"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "does not know a council that signs in with this email address" in page and 'href="#id_email"' in page


def test_a_blank_or_malformed_email_is_named_on_the_field(client, council):
    assert "Enter your council email address" in client.post("/accounts/sso/", {"email": ""}).content.decode()
    assert "Enter an email address in the correct format" in client.post("/accounts/sso/", {"email": "not-an-email"}).content.decode()


def test_where_the_lead_approves_first_the_person_waits_then_signs_in_after_approval(client, council, oidc_provider):
    IdentityProvider.objects.filter(council=council).update(requires_approval=True)
    lead = PersonFactory(email="lead@cardiff.gov.uk")
    employ(lead, council, "lead")
    set_user(oidc_provider, "sub-iwan", email="iwan@cardiff.gov.uk", email_verified=True, name="Iwan Price", job_title="Planner")
    waiting = sign_in_through(client, oidc_provider, email="iwan@cardiff.gov.uk", sub="sub-iwan")
    assert waiting.status_code == 403 and "needs to approve you" in waiting.content.decode()
    assert not Person.objects.filter(email="iwan@cardiff.gov.uk").exists()
    request = AccessRequest.objects.get(email="iwan@cardiff.gov.uk", status="pending")

    client.force_login(lead)
    assert "Iwan Price" in client.get("/identity/access-requests/").content.decode()
    assert client.post(f"/identity/access-requests/{request.pk}/decide/", {"decision": "approve"}).status_code == 302
    employment = Employment.objects.get(person__email="iwan@cardiff.gov.uk")
    assert employment.council == council and employment.job_title == "Planner"
    client.logout()
    assert sign_in_through(client, oidc_provider, email="iwan@cardiff.gov.uk", sub="sub-iwan").status_code == 302
    assert client.get("/").wsgi_request.user.email == "iwan@cardiff.gov.uk"


def test_another_councils_lead_cannot_see_or_decide_a_request(client, council):
    other = CouncilFactory(slug="other")
    other_lead = PersonFactory()
    employ(other_lead, other, "lead")
    request = AccessRequest.objects.create(council=council, email="x@cardiff.gov.uk", full_name="X")
    client.force_login(other_lead)
    assert "x@cardiff.gov.uk" not in client.get("/identity/access-requests/").content.decode()
    assert client.post(f"/identity/access-requests/{request.pk}/decide/", {"decision": "approve"}).status_code == 404
    request.refresh_from_db()
    assert request.status == "pending"


def test_add_identity_provider_refuses_a_wildcard_entra_issuer_and_names_the_option():
    CouncilFactory(slug="bridgend")
    with pytest.raises(CommandError, match="--issuer"):
        call_command("add_identity_provider", council="bridgend", issuer="https://login.microsoftonline.com/common/v2.0",
                     client_id="a", client_secret="b", domains="bridgend.gov.uk")
    with pytest.raises(CommandError, match="No council has the slug"):
        call_command("add_identity_provider", council="nowhere", issuer="https://idp.example.org", client_id="a", client_secret="b",
                     domains="x.gov.uk")


def test_add_identity_provider_takes_the_entra_tenant_from_the_issuer_and_refuses_a_domain_taken_by_another_council(capsys):
    CouncilFactory(slug="torfaen")
    CouncilFactory(slug="monmouth")
    tenant = "0a1b2c3d-0000-4000-8000-123456789abc"
    call_command("add_identity_provider", council="torfaen", issuer=f"https://login.microsoftonline.com/{tenant}/v2.0", client_id="a",
                 client_secret="b", domains="@Torfaen.gov.uk")
    provider = IdentityProvider.objects.get(council__slug="torfaen")
    assert provider.tenant_id == tenant and provider.domains == "torfaen.gov.uk"
    assert "/accounts/oidc/torfaen/login/callback/" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--domains: .*torfaen.gov.uk"):
        call_command("add_identity_provider", council="monmouth", issuer="https://idp.monmouth.example", client_id="a", client_secret="b",
                     domains="torfaen.gov.uk")
