"""schemathesis against the API's own OpenAPI schema, as a council's token and as a signed-in person: no server
error and no response that breaks the schema, for every operation and every input it generates."""

import datetime
from decimal import Decimal

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.db import transaction
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import content_type_conformance, not_a_server_error, response_schema_conformance

from config.wsgi import application
from partnering.api.services import api_token_create
from partnering.costs.models import Cost, CostPool, PoolBasis, PoolCouncil
from partnering.learning.models import Course, RecordShare, Session, TrainingRecord
from partnering.programmes import services as programmes

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]
EXAMPLES = 25


@pytest.fixture
def api_world(region):
    course = Course.objects.create(partnership=region.network, title="ILM Level 3 Award")
    start = datetime.datetime(2030, 1, 1, 9, tzinfo=datetime.UTC)
    Session.objects.create(course=course, capacity=5, starts_at=start, ends_at=start + datetime.timedelta(hours=6))
    TrainingRecord.objects.create(person=region.staff_north, title="Fire safety", completed_on=datetime.date(2025, 3, 1), council=region.north)
    RecordShare.objects.create(person=region.staff_north, council=region.north)
    # a cost statement with lines and totals, and a project on the public register
    pool = CostPool.objects.create(partnership=region.network, name="Programme office")
    for council in (region.north, region.south):
        PoolCouncil.objects.create(pool=pool, council=council)
    PoolBasis.objects.create(pool=pool, effective_from=datetime.date(2020, 4, 1), basis="equal")
    Cost.objects.create(pool=pool, paid_by=region.north, date=datetime.date.today(), amount=Decimal("1000"), description="Rent")
    programme = programmes.create_programme(partnership=region.network, actor=region.coordinator, name="Joint training", slug="joint",
                                            theme="Learning", start_on=datetime.date(2024, 4, 1))
    project = programmes.create_project(programme=programme, actor=region.coordinator, name="Shared trainers", lead_council=region.north,
                                        councils=[region.south], purpose="Trainers shared by both councils.", notes="PRIVATE",
                                        sro=region.lead_north, start_on=datetime.date(2024, 4, 1))
    programmes.set_published(project=project, actor=region.lead_north, published=True)
    return region


def _fuzz(headers=None, cookies=None):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    failures, operations = [], 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
                             suppress_health_check=list(HealthCheck))
        def check(case, operation=operation):
            with transaction.atomic():  # each example's writes are undone, so examples do not pile up
                response = case.call(headers=headers, cookies=cookies)
                transaction.set_rollback(True)
            try:
                case.validate_response(response, checks=CHECKS)
            except Exception as error:  # a failure group: keep it with the operation's name and go on
                failures.append(f"{operation.label}: {str(error)[:800]}")
                raise

        try:
            check()
        except Exception:  # noqa: S110  (recorded above)
            pass
    assert operations >= 12
    return failures


def test_the_api_meets_its_schema_as_a_councils_token(api_world):
    _, secret = api_token_create(actor=api_world.lead_north, council=api_world.north, name="fuzz")
    failures = _fuzz(headers={"Authorization": f"Bearer {secret}"})
    assert not failures, "\n\n".join(failures)


def test_the_api_meets_its_schema_as_a_signed_in_person(api_world, client):
    client.force_login(api_world.lead_north)
    failures = _fuzz(cookies={django_settings.SESSION_COOKIE_NAME: client.cookies[django_settings.SESSION_COOKIE_NAME].value})
    assert not failures, "\n\n".join(failures)
