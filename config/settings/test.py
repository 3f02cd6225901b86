"""Test settings: fast, isolated, and loud about anything that would leave the machine."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-any-real-deployment"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Real email would leave the machine: only the in-memory outbox is allowed.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_FAILURE_LIMIT = 3
# Throttles count in the cache: memory, emptied before each test (conftest.py).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The access matrix posts the reset form once per role from one client; tests of the limit set their own.
PASSWORD_RESET_IP_LIMIT = 1000
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Tasks run inline in tests: nothing is left queued for a worker that is not there.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
