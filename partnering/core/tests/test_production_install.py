"""The README's production steps work: static files collect with the production storage and pages render with them."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION_STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def production_environment(tmp_path, **extra):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k != "DATABASE_URL"}
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="a-production-secret-" + "x" * 50,
        DJANGO_ALLOWED_HOSTS="partnering.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_STATIC_ROOT=str(tmp_path / "staticfiles"),
    )
    environment.update(extra)
    return environment


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic run once, as the README says, with the production settings into a fresh directory."""
    tmp_path = tmp_path_factory.mktemp("production")
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=production_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result, tmp_path / "staticfiles"


def test_collectstatic_with_the_production_settings_succeeds(collected):
    result, static_root = collected
    assert result.returncode == 0, result.stdout + result.stderr
    assert (static_root / "staticfiles.json").exists()
    assert list(static_root.glob("vendor/chartjs/chart.umd.min.*.js"))


def test_no_committed_static_file_names_a_source_map_that_is_not_there():
    for path in (ROOT / "static").rglob("*"):
        if path.suffix not in {".js", ".css"}:
            continue
        for name in re.findall(r"sourceMappingURL=(\S+?)(?:\s|\*/|$)", path.read_text(encoding="utf-8")):
            assert (path.parent / name).exists(), f"{path.relative_to(ROOT)} names the missing source map {name}"


def test_every_static_file_a_template_names_is_in_the_production_manifest(collected):
    result, static_root = collected
    assert result.returncode == 0, result.stdout + result.stderr
    named = set()
    for folder in [ROOT / "templates", *ROOT.glob("partnering/*/templates")]:
        for template in folder.rglob("*.html"):
            named.update(re.findall(r"\{% static ['\"]([^'\"]+)['\"]", template.read_text(encoding="utf-8")))
    assert named
    storage = {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}, "staticfiles": {"BACKEND": PRODUCTION_STATIC_STORAGE}}
    with override_settings(STORAGES=storage, STATIC_ROOT=static_root):
        for name in sorted(named):
            # The manifest storage raises ValueError for a name it does not know.
            assert re.search(r"\.[0-9a-f]{12}\.", staticfiles_storage.url(name)), name


@pytest.mark.django_db
def test_the_sign_in_page_renders_with_the_production_static_storage(client, collected):
    result, static_root = collected
    assert result.returncode == 0, result.stdout + result.stderr
    storage = {"default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}, "staticfiles": {"BACKEND": PRODUCTION_STATIC_STORAGE}}
    with override_settings(STORAGES=storage, STATIC_ROOT=static_root):
        response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert re.search(r'/static/css/partnering\.[0-9a-f]{12}\.css"', response.content.decode())
