"""Production settings pass Django's deployment checklist with the documented environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True)


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="a-production-secret-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="partnering.example.org",
        DATABASE_URL="sqlite:////tmp/partnering-deploy-check.sqlite3",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="config.settings.production")
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_production_cookies_are_secure():
    from importlib import import_module

    os.environ.setdefault("DJANGO_SECRET_KEY", "x" * 60)
    production = import_module("config.settings.production")
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE and production.SECURE_HSTS_SECONDS > 0


def _container_drill():
    import importlib.util

    spec = importlib.util.spec_from_file_location("container_drill", ROOT / "scripts" / "container_drill.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_compose_app_service_runs_this_image_with_the_database_task_backend():
    drill = _container_drill()
    services = drill.services({"DJANGO_SECRET_KEY": "x" * 50})
    assert set(services) == {"migrate", "web", "worker", "scheduler"}
    assert services["web"]["command"] is None  # the image's own gunicorn
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    for service in services.values():
        assert service["environment"]["TASKS_BACKEND"] == "django_tasks_db.backend.DatabaseBackend"
        assert service["environment"]["DJANGO_SECRET_KEY"] == "x" * 50


def test_compose_refuses_to_start_without_a_secret_key():
    with pytest.raises(SystemExit, match="DJANGO_SECRET_KEY"):
        _container_drill().services({})


def test_postgresql_connections_price_random_reads_as_told(monkeypatch):
    from config.settings import base

    monkeypatch.setattr(base, "DATABASE_RANDOM_PAGE_COST", "")
    assert "random_page_cost" not in base.database_from_url("postgres://user:pass@db:5432/partnering").get("OPTIONS", {}).get("options", "")
    monkeypatch.setattr(base, "DATABASE_RANDOM_PAGE_COST", "1.1")
    url = "postgres://user:pass@db:5432/partnering?options=-c%20statement_timeout%3D5000"
    options = base.database_from_url(url)["OPTIONS"]["options"]
    assert "statement_timeout=5000" in options and "-c random_page_cost=1.1" in options  # the URL's own options kept
    assert "options" not in base.database_from_url("sqlite:///x.sqlite3")["OPTIONS"]
