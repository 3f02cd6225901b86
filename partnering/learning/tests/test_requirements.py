"""Required training, met by records from any council through confirmed equivalences; consent to share."""

import datetime

import pytest

from partnering.access import scope_of
from partnering.access.learning import records_visible_to
from partnering.learning import requirements as rules
from partnering.learning.models import Course, RecordShare, Requirement, TrainingRecord
from partnering.learning.selectors import canonical_key, record_overview
from partnering.overlap.models import Equivalence

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 1)


def test_refresh_periods_make_records_expire_and_warn_before():
    need = rules.Need("First Aid at Work", frozenset({1}), refresh_months=36)
    done = [rules.Done("First Aid at Work", datetime.date(2023, 7, 1), course_id=1)]
    assert rules.status(need, done, today=TODAY).state == rules.EXPIRING  # due 1 July 2026, within 60 days
    assert rules.status(need, done, today=datetime.date(2026, 8, 1)).state == rules.EXPIRED
    assert rules.status(need, done, today=datetime.date(2024, 1, 1)).state == rules.SATISFIED
    assert rules.status(need, [], today=TODAY).state == rules.MISSING


def test_the_latest_record_counts():
    need = rules.Need("FAW", frozenset({1}), refresh_months=12)
    done = [rules.Done("FAW", datetime.date(2024, 1, 1), 1), rules.Done("FAW", datetime.date(2026, 1, 1), 1)]
    assert rules.status(need, done, today=TODAY).expires_on == datetime.date(2027, 1, 1)


def test_an_equivalent_course_done_at_another_council_satisfies_the_requirement(region):
    equivalence = Equivalence.objects.create(partnership=region.network, title="ILM Level 3 Award",
                                             line_keys=[f"{region.north.pk}|{canonical_key('ILM L3 Award - Leadership & Mgmt')}"],
                                             titles=["ILM L3 Award - Leadership & Mgmt (North)"])
    Requirement.objects.create(council=region.south, role="staff", title="ILM Level 3 Award", equivalence=equivalence)
    TrainingRecord.objects.create(person=region.shared, title="Level 3 ILM Award in Leadership & Management",
                                  completed_on=datetime.date(2025, 3, 1), council=region.north)
    overview = record_overview(region.shared, viewer=scope_of(region.shared))
    south = next(statuses for employment, statuses in overview["employments"] if employment.council == region.south)
    assert south[0].state == rules.SATISFIED and south[0].via_other_council


def test_a_course_linked_to_the_equivalence_satisfies_it_too(region):
    equivalence = Equivalence.objects.create(partnership=region.network, title="EFAW", line_keys=[], titles=[])
    course = Course.objects.create(partnership=region.network, title="Emergency first aid (joint)", equivalence=equivalence)
    Requirement.objects.create(council=region.north, role="staff", title="EFAW", equivalence=equivalence, refresh_months=36)
    TrainingRecord.objects.create(person=region.staff_north, title=course.title, course=course, completed_on=datetime.date.today())
    statuses = record_overview(region.staff_north, viewer=scope_of(region.staff_north))["employments"][0][1]
    assert statuses[0].state == rules.SATISFIED


def test_a_council_sees_a_record_only_after_the_person_shares_it(sign_in, region, client):
    TrainingRecord.objects.create(person=region.shared, title="Manual Handling", completed_on=datetime.date(2025, 1, 1))
    url = f"/learning/councils/{region.south.slug}/people/{region.shared.pk}/record/"
    lead = sign_in(region.lead_south)
    assert lead.get(url).context["shared"] is False
    assert not records_visible_to(scope_of(region.lead_south)).exists()
    client.logout()
    person = sign_in(region.shared)
    person.post(f"/me/record/share/{region.south.slug}/")
    assert RecordShare.objects.filter(person=region.shared, council=region.south, revoked_at__isnull=True).exists()
    assert records_visible_to(scope_of(region.lead_south)).count() == 1
    person.post(f"/me/record/share/{region.south.slug}/")  # and take it back
    assert not records_visible_to(scope_of(region.lead_south)).exists()


def test_you_cannot_share_with_a_council_you_do_not_work_for(sign_in, region):
    assert sign_in(region.staff_north).post(f"/me/record/share/{region.outsider.slug}/").status_code == 404


def test_another_councils_lead_cannot_open_the_record_page(sign_in, region):
    assert sign_in(region.lead_north).get(f"/learning/councils/{region.south.slug}/people/{region.shared.pk}/record/").status_code == 404


def test_record_downloads_as_csv(sign_in, region):
    TrainingRecord.objects.create(person=region.staff_north, title="=cmd|' /C calc'!A0", completed_on=datetime.date(2025, 1, 1))
    response = sign_in(region.staff_north).get("/me/record/?format=csv")
    assert response["Content-Type"].startswith("text/csv") and "'=cmd" in response.content.decode("utf-8-sig")


def test_leads_manage_requirements_and_see_their_councils_bookings(sign_in, region, client):
    lead = sign_in(region.lead_north)
    lead.post(f"/learning/councils/{region.north.slug}/requirements/", {"role": "staff", "title": "Safeguarding Adults Level 1", "refresh_months": "24"})
    assert Requirement.objects.get().council == region.north
    assert lead.get(f"/learning/councils/{region.north.slug}/bookings/").status_code == 200
    client.logout()
    other = sign_in(region.lead_south)
    assert other.get(f"/learning/councils/{region.north.slug}/requirements/").status_code == 404
    assert other.get(f"/learning/councils/{region.north.slug}/bookings/").status_code == 404


def test_evidence_from_elsewhere_joins_the_record_once_a_lead_accepts_it(sign_in, region, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from partnering.learning.models import Evidence

    me = sign_in(region.staff_north)
    bad = me.post("/me/record/evidence/new/", {"title": "EFAW", "completed_on": "2025-02-01", "council": region.north.pk,
                                              "certificate": SimpleUploadedFile("cert.pdf", b"MZ not a pdf")})
    assert "not a PDF, JPEG or PNG" in bad.content.decode() and not Evidence.objects.exists()
    me.post("/me/record/evidence/new/", {"title": "EFAW", "completed_on": "2025-02-01", "council": region.north.pk, "hours": "6",
                                         "certificate": SimpleUploadedFile("cert.pdf", b"%PDF-1.4 certificate")})
    evidence = Evidence.objects.get()
    client.logout()
    assert sign_in(region.lead_south).post(f"/learning/evidence/{evidence.pk}/decide/", {"decision": "approve"}).status_code == 404
    client.logout()
    lead = sign_in(region.lead_north)
    assert evidence in lead.get("/me/approvals/").context["evidence"]
    assert lead.get(f"/learning/evidence/{evidence.pk}/file/").getvalue() == b"%PDF-1.4 certificate"
    lead.post(f"/learning/evidence/{evidence.pk}/decide/", {"decision": "approve"})
    evidence.refresh_from_db()
    assert evidence.status == "approved" and evidence.record.title == "EFAW" and evidence.record.person == region.staff_north


def test_record_downloads_as_pdf(sign_in, region):
    TrainingRecord.objects.create(person=region.staff_north, title="Manual Handling", completed_on=datetime.date(2025, 1, 1))
    response = sign_in(region.staff_north).get("/me/record/?format=pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_a_council_that_left_a_partnership_is_not_offered_its_courses_for_requirements(region):
    import datetime as dt

    from partnering.learning.forms import RequirementForm
    from partnering.organisations.models import Membership

    course = Course.objects.create(partnership=region.network, title="Joint fire warden")
    assert course in RequirementForm(council=region.north).fields["course"].queryset
    Membership.objects.filter(council=region.north, partnership=region.network).update(left_on=dt.date(2024, 3, 31))
    assert course not in RequirementForm(council=region.north).fields["course"].queryset
