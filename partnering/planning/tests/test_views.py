import pytest

from partnering.core.models import AuditEntry
from partnering.learning.models import Interest, Session
from partnering.planning.models import VenuePlan
from tests.factories import CouncilFactory, MembershipFactory, PartnershipFactory, PersonFactory, partnership_role

from .scenario import provisional_session_with_interest


@pytest.fixture
def planned(region):
    return provisional_session_with_interest(region)


def plan_url(course, session, **query):
    params = {"session": session.pk, "audience": "session", "k": 2, "objective": "total", "pence_per_mile": 45,
              "co2_kg_per_km": "0.17", "online_threshold": 60, **query}
    return f"/planning/courses/{course.pk}/", params


def test_a_coordinator_compares_plans_side_by_side_with_a_map(region, planned, sign_in):
    course, session, halls = planned
    url, params = plan_url(course, session)
    response = sign_in(region.coordinator).get(url, params)
    assert response.status_code == 200
    html = response.content.decode()
    comparison = response.context["result"].comparison
    assert [plan.key for plan in comparison.plans] == ["optimal", "central", "rotation", "trainer_travels", "online"]
    optimal = comparison.plan("optimal")
    assert sorted(optimal.venues) == sorted([str(halls["north"].pk), str(halls["south"].pk)]) and optimal.learner_km == 0
    assert comparison.plan("central").learner_km > 0
    assert "Private Room" not in html  # not shared with the partnership, so not the coordinator's to choose
    assert 'data-testid="plan-map"' in html and html.count("<circle") == 2  # two work places
    assert "Planned for 4 people" in html


def test_turning_the_plan_into_sessions_moves_interest_to_the_nearest_session(region, planned, sign_in):
    course, session, halls = planned
    url, params = plan_url(course, session)
    client = sign_in(region.coordinator)
    response = client.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "optimal"})
    record = VenuePlan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/planning/plans/{record.pk}/"
    created = {s.venue.name: s for s in record.sessions.all()}
    assert set(created) == {"Cardiff Hall", "Swansea Hall"} and all(s.is_provisional for s in created.values())
    assert created["Cardiff Hall"].capacity == 30
    assert set(Interest.objects.filter(session=created["Cardiff Hall"]).values_list("person__email", flat=True)) == {
        region.staff_north.email, region.lead_north.email}
    assert set(Interest.objects.filter(session=created["Swansea Hall"]).values_list("person__email", flat=True)) == {
        region.staff_south.email, region.shared.email}
    session.refresh_from_db()
    assert session.cancelled_at is not None  # everyone moved on, so the empty provisional session is withdrawn
    assert AuditEntry.objects.filter(actor=region.coordinator, object_id=str(record.pk)).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Cardiff Hall" in page and "Swansea Hall" in page


def test_one_central_venue_becomes_one_session(region, planned, sign_in):
    course, session, _ = planned
    url, params = plan_url(course, session)
    sign_in(region.coordinator).post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "central"})
    assert VenuePlan.objects.get().sessions.count() == 1


@pytest.mark.parametrize("who", ["staff_north", "lead_north", "lead_south", "staff_outsider", "board_member"])
def test_only_the_partnerships_coordinators_can_plan_or_see_plans(region, planned, sign_in, who):
    course, session, _ = planned
    url, params = plan_url(course, session)
    coordinator = sign_in(region.coordinator)
    coordinator.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "optimal"})
    record = VenuePlan.objects.get()
    coordinator.logout()
    client = sign_in(getattr(region, who))
    assert client.get(url, params).status_code == 404
    assert client.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "optimal"}).status_code == 404
    assert client.get(f"/planning/plans/{record.pk}/").status_code == 404
    assert VenuePlan.objects.count() == 1


def test_another_partnerships_coordinator_cannot_plan_this_course(region, planned, sign_in):
    course, session, _ = planned
    other = PartnershipFactory(name="Elsewhere", slug="elsewhere")
    MembershipFactory(partnership=other, council=CouncilFactory())
    stranger = PersonFactory(email="stranger@example.test")
    partnership_role(stranger, other, "coordinator")
    url, params = plan_url(course, session)
    assert sign_in(stranger).get(url, params).status_code == 404


def test_planning_for_staff_in_chosen_roles_needs_a_role(region, planned, sign_in):
    course, session, _ = planned
    url, params = plan_url(course, session, audience="roles")
    client = sign_in(region.coordinator)
    response = client.get(url, params)
    assert response.context["result"] is None and "Choose at least one role" in response.content.decode()
    response = client.get(url, {**params, "roles": ["lead"]})
    assert "Planned for 2 people" in response.content.decode()  # the two councils' leads


def test_nobody_to_plan_for_says_so(region, planned, sign_in):
    course, session, _ = planned
    Interest.objects.all().delete()
    url, params = plan_url(course, session)
    response = sign_in(region.coordinator).get(url, params)
    assert response.context["result"] is None and "There is nobody to plan for" in response.content.decode()


def test_too_little_capacity_is_explained_on_the_form(region, planned, sign_in):
    course, session, halls = planned
    for hall in (halls["north"], halls["south"]):
        hall.capacity = 3
        hall.save()
    url, params = plan_url(course, session, k=1, capacity="on")
    response = sign_in(region.coordinator).get(url, params)
    assert "1 venue(s) cannot hold 4 people" in response.content.decode()
    response = sign_in(region.coordinator).get(url, {**params, "k": 2})
    assert response.context["result"].comparison.plan("optimal").solution.status == "optimal"


def test_the_plan_page_starts_empty_with_the_form(region, planned, sign_in):
    course, session, _ = planned
    response = sign_in(region.coordinator).get(f"/planning/courses/{course.pk}/?session={session.pk}")
    assert response.status_code == 200 and response.context["result"] is None
    assert "Compare plans" in response.content.decode()


def test_the_session_page_links_coordinators_to_planning(region, planned, sign_in):
    course, session, _ = planned
    assert "Plan venues for the people interested" in sign_in(region.coordinator).get(f"/catalogue/sessions/{session.pk}/").content.decode()


def test_the_app_uses_a_routing_service_when_one_is_configured(settings):
    from partnering.planning.optimiser import OsrmTable, RoadModel
    from partnering.planning.services import travel_provider

    settings.PLANNING_OSRM_URL = ""
    settings.PLANNING_ROAD_FACTOR, settings.PLANNING_SPEED_KMH = 1.4, 40
    assert travel_provider() == RoadModel(1.4, 40)
    settings.PLANNING_OSRM_URL = "http://osrm.internal:5000"
    assert travel_provider() == OsrmTable("http://osrm.internal:5000")


def test_a_plan_can_be_undone_until_a_session_has_a_date_or_a_booking(region, planned, sign_in):
    import datetime

    from django.utils import timezone

    course, session, _ = planned
    url, params = plan_url(course, session)
    client = sign_in(region.coordinator)
    client.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "optimal"})
    record = VenuePlan.objects.get()
    created = list(record.sessions.all())
    assert "Undo this plan" in client.get(f"/planning/plans/{record.pk}/").content.decode()

    response = client.post(f"/planning/plans/{record.pk}/undo/")
    assert response.status_code == 302
    session.refresh_from_db()
    record.refresh_from_db()
    assert session.cancelled_at is None and record.undone_at is not None
    assert Interest.objects.filter(session=session).count() == 4
    assert not Session.objects.filter(pk__in=[s.pk for s in created]).exists()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.DELETE, object_id=str(created[0].pk)).exists()
    assert "Undone on" in client.get(f"/planning/plans/{record.pk}/").content.decode()

    # A second plan, whose session is then given a date, can no longer be undone.
    client.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "central"})
    second = VenuePlan.objects.exclude(pk=record.pk).get()
    dated = second.sessions.get()
    dated.starts_at = timezone.now() + datetime.timedelta(days=30)
    dated.save()
    client.post(f"/planning/plans/{second.pk}/undo/")
    assert Session.objects.filter(pk=dated.pk).exists() and VenuePlan.objects.get(pk=second.pk).undone_at is None
    assert "given a date" in client.get(f"/planning/plans/{second.pk}/").content.decode()


def test_only_coordinators_can_undo_a_plan(region, planned, sign_in):
    course, session, _ = planned
    url, params = plan_url(course, session)
    coordinator = sign_in(region.coordinator)
    coordinator.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "optimal"})
    record = VenuePlan.objects.get()
    coordinator.logout()
    assert sign_in(region.lead_north).post(f"/planning/plans/{record.pk}/undo/").status_code == 404
    assert record.sessions.count() == 2


def test_a_tampered_plan_is_refused_and_nothing_is_made(region, planned, sign_in):
    course, session, _ = planned
    url, params = plan_url(course, session)
    client = sign_in(region.coordinator)
    response = client.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "rotation"})
    assert response["Location"] == f"/planning/courses/{course.pk}/?session={session.pk}"
    response = client.post(f"/planning/courses/{course.pk}/sessions/", {**params, "plan": "optimal", "k": "0"})
    assert response.status_code == 302 and not VenuePlan.objects.exists() and Session.objects.count() == 1


def test_the_planning_services_refuse_someone_who_does_not_coordinate_the_partnership(region):
    from django.core.exceptions import PermissionDenied

    from partnering.learning.models import Course
    from partnering.planning import services
    from partnering.planning.models import VenuePlan

    course = Course.objects.create(partnership=region.network, title="Fire warden")
    with pytest.raises(PermissionDenied):
        services.apply_plan(result=None, plan_key="optimal", course=course, source=None, actor=region.lead_north, parameters={})
    plan = VenuePlan.objects.create(course=course, plan_key="optimal", created_by=region.coordinator)
    with pytest.raises(PermissionDenied):
        services.undo_plan(record=plan, actor=region.lead_north)
