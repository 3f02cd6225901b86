import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.db import models
from django.test import RequestFactory

from partnering.demo.loader import DEMO_PASSWORD
from partnering.organisations.models import Council, Partnership
from partnering.people.models import Employment, Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_demo_region_has_the_three_partnerships_with_their_member_councils(demo):
    def members(name):
        return Partnership.objects.get(name=name).memberships.current().count()

    assert members("South West Wales Workforce Development Network") == 7
    assert members("North Wales Legal Services Collaboration") == 6
    assert members("GO Shared Services") == 4
    assert Council.objects.get(slug="neath-port-talbot").gss_code == "W06000012"


def test_demo_councils_have_venues_and_a_few_hundred_staff_a_tenth_with_two_employers(demo):
    swansea = Council.objects.get(slug="swansea")
    staff = Employment.objects.current().filter(council=swansea).count()
    assert 150 <= staff <= 500
    assert Council.objects.get(slug="cheltenham").employments.count() >= 232
    assert swansea.venue_set.count() >= 3
    generated = Person.objects.filter(email__endswith=".demo.test")
    multi = sum(1 for p in generated.prefetch_related("employments") if len(p.employments.all()) > 1)
    assert 0.06 <= multi / generated.count() <= 0.14


def test_demo_logins_work_with_the_published_password(demo):
    for email in ("coordinator@demo.test", "lead.neath-port-talbot@demo.test", "staff.cotswold@demo.test",
                  "shared@demo.test", "scrutiny@demo.test", "admin@demo.test"):
        request = RequestFactory().post("/accounts/login/")
        assert authenticate(request, username=email, password=DEMO_PASSWORD) is not None, email
    shared = Person.objects.get(email="shared@demo.test")
    assert {e.council.slug for e in shared.current_employments()} == {"swansea", "neath-port-talbot"}
    assert Person.objects.get(email="admin@demo.test").is_superuser


def test_generated_staff_cannot_sign_in(demo):
    someone = Person.objects.filter(email__endswith=".demo.test").first()
    assert not someone.has_usable_password()


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Person.objects.count(), Employment.objects.count(), Council.objects.count())
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (Person.objects.count(), Employment.objects.count(), Council.objects.count()) == counts


def test_demo_is_the_same_every_time(demo):
    first = list(Person.objects.order_by("email").values_list("email", "full_name")[:50])
    Employment.objects.all().delete()
    # Records that keep the person who wrote them (forum posts, meeting actions…) go first, as an erasure would.
    for model in apps.get_models():
        if any(field.is_relation and field.related_model is Person and field.remote_field.on_delete is models.PROTECT
               for field in model._meta.fields):
            model.objects.all().delete()
    Person.objects.all().delete()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert list(Person.objects.order_by("email").values_list("email", "full_name")[:50]) == first


def test_demo_refuses_a_database_with_real_data(db):
    PersonFactory(email="real.person@swansea.gov.uk")
    with pytest.raises(CommandError, match="not from the demo"):
        call_command("load_demo", stdout=open("/dev/null", "w"))
    assert not Council.objects.exists()
