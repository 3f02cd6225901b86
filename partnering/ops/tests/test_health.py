import datetime

import pytest
from django.utils import timezone

from partnering.ops.models import Heartbeat

pytestmark = pytest.mark.django_db

WORKER = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def test_liveness_answers_without_asking_anything(client):
    assert client.get("/health/live").json() == {"status": "ok"}


def test_readiness_checks_the_database_and_migrations_when_tasks_run_in_process(client):
    response = client.get("/health/ready")
    assert response.status_code == 200
    assert response.json()["database"] == "ok" and response.json()["migrations"] == "ok"


def test_with_a_worker_readiness_fails_until_a_recent_heartbeat_and_passes_after(client, settings):
    settings.TASKS = WORKER
    first = client.get("/health/ready")
    assert first.status_code == 503 and first.json()["worker"] == "no heartbeat yet"
    Heartbeat.objects.create(name="worker", at=timezone.now() - datetime.timedelta(hours=1))
    assert client.get("/health/ready").json()["worker"] == "heartbeat too old"
    Heartbeat.objects.filter(name="worker").update(at=timezone.now())
    ready = client.get("/health/ready")
    assert ready.status_code == 200 and ready.json()["queue_depth"] == 0


def test_a_deep_queue_makes_the_service_not_ready(client, settings):
    settings.TASKS = WORKER
    settings.HEALTH_MAX_QUEUE_DEPTH = 0
    Heartbeat.objects.create(name="worker", at=timezone.now())
    from django_tasks_db.backend import DatabaseBackend

    from partnering.ops.tasks import heartbeat

    DatabaseBackend("default", {}).enqueue(heartbeat, (), {})  # waiting for a worker
    response = client.get("/health/ready")
    assert response.status_code == 503 and response.json()["queue"] == "too deep"


def test_the_heartbeat_task_records_the_beat(settings):
    from partnering.ops.tasks import heartbeat

    heartbeat.enqueue()  # the test settings run tasks at once
    assert Heartbeat.objects.get(name="worker").at > timezone.now() - datetime.timedelta(minutes=1)


@pytest.mark.parametrize("path, text", [("/privacy/", "Privacy notice"), ("/accessibility/", "WCAG"), ("/cookies/", "sessionid"),
                                        ("/status/", "Partnering is working normally")])
def test_the_footer_pages_are_readable_by_anyone_and_linked_from_every_page(client, path, text):
    page = client.get(path)
    assert page.status_code == 200 and text in page.content.decode()
    assert f'href="{path}"' in client.get("/accounts/login/").content.decode()


def test_the_status_page_says_in_words_when_background_work_is_delayed(client, settings):
    settings.TASKS = WORKER
    page = client.get("/status/").content.decode()
    assert "not working normally" in page and "Delayed" in page


def test_a_person_downloads_everything_held_about_them_and_nobody_elses(client, region):
    import json

    from partnering.learning.models import TrainingRecord

    TrainingRecord.objects.create(person=region.staff_north, title="Fire safety", completed_on=datetime.date(2025, 3, 1))
    TrainingRecord.objects.create(person=region.staff_south, title="Not theirs", completed_on=datetime.date(2025, 3, 1))
    client.force_login(region.staff_north)
    response = client.get("/me/data.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["person"]["email"] == region.staff_north.email
    assert [r["title"] for r in data["training records"]] == ["Fire safety"]
    assert data["employments"][0]["council__name"] == region.north.name
    client.logout()
    assert client.get("/me/data.json").status_code == 302
