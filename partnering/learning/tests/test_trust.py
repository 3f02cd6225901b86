"""Nothing the browser sends is trusted: hidden fields, `next` addresses, and approving your own requests."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from partnering.learning.models import Booking, Course, Evidence
from partnering.learning.tests.test_booking import make_session
from partnering.organisations.models import Partnership
from partnering.overlap.models import Equivalence
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _course_data(region, **extra):
    return {"title": "Joint course", "delivery_method": "classroom", "language": "en",
            "commissioning_councils": [region.north.pk], **extra}


def test_a_course_cannot_be_attached_to_another_partnerships_equivalence(sign_in, region):
    other = Partnership.objects.create(name="Other Network", slug="other", kind="network")
    MembershipFactory(partnership=other, council=region.outsider)
    foreign = Equivalence.objects.create(partnership=other, title="EFAW", line_keys=[], titles=[])
    url = f"/learning/partnerships/{region.network.slug}/courses/new/"
    response = sign_in(region.coordinator).post(url, _course_data(region, equivalence=foreign.pk))
    assert response.status_code == 200 and "not one of this partnership" in response.content.decode()
    assert not Course.objects.exists()


def test_a_bad_equivalence_id_is_a_message_not_a_server_error(sign_in, region):
    url = f"/learning/partnerships/{region.network.slug}/courses/new/"
    client = sign_in(region.coordinator)
    for bad in ("999999", "not-a-number"):
        response = client.post(url, _course_data(region, equivalence=bad))
        assert response.status_code == 200 and response.context["form"].errors
    assert client.get(url + "?group=abc").status_code == 200
    assert not Course.objects.exists()


def test_the_partnerships_own_equivalence_is_attached(sign_in, region):
    own = Equivalence.objects.create(partnership=region.network, title="EFAW", line_keys=[], titles=[])
    sign_in(region.coordinator).post(f"/learning/partnerships/{region.network.slug}/courses/new/", _course_data(region, equivalence=own.pk))
    assert Course.objects.get().equivalence == own


@pytest.mark.parametrize("target", ["http://evil.example/", "//evil.example", "https:evil.example", "/\\evil.example", "javascript:alert(1)"])
def test_next_never_leads_off_the_site_and_the_action_still_counts(sign_in, region, target):
    session = make_session(region)
    session.course.requires_approval = True
    session.course.save()
    from partnering.learning import services

    booking = services.booking_create(session=session, person=region.staff_north, council=region.north)
    response = sign_in(region.lead_north).post(f"/learning/bookings/{booking.pk}/decide/", {"decision": "approve", "next": target})
    assert response.status_code == 302 and response["Location"] == "/me/approvals/"
    booking.refresh_from_db()
    assert booking.status == Booking.Status.BOOKED


def test_a_same_site_next_is_followed(sign_in, region):
    session = make_session(region)
    session.course.requires_approval = True
    session.course.save()
    from partnering.learning import services

    booking = services.booking_create(session=session, person=region.staff_north, council=region.north)
    response = sign_in(region.lead_north).post(f"/learning/bookings/{booking.pk}/decide/",
                                               {"decision": "approve", "next": "/learning/councils/north/bookings/"})
    assert response["Location"] == "/learning/councils/north/bookings/"


def test_a_lead_cannot_accept_their_own_evidence(sign_in, region):
    lead = sign_in(region.lead_north)
    lead.post("/me/record/evidence/new/", {"title": "EFAW", "completed_on": "2025-02-01", "council": region.north.pk, "hours": "6",
                                           "certificate": SimpleUploadedFile("cert.pdf", b"%PDF-1.4 certificate")})
    evidence = Evidence.objects.get()
    assert evidence not in lead.get("/me/approvals/").context["evidence"]
    assert lead.post(f"/learning/evidence/{evidence.pk}/decide/", {"decision": "approve"}).status_code == 404
    evidence.refresh_from_db()
    assert evidence.status == Evidence.Status.PENDING and evidence.completed_on == datetime.date(2025, 2, 1)
