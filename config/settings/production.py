"""Production: every secret and host comes from the environment, and cookies only travel over HTTPS."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ENV, MIDDLEWARE, env_bool

DEBUG = False
try:
    SECRET_KEY = ENV["DJANGO_SECRET_KEY"]
except KeyError as missing:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a long random value in production.") from missing

# WhiteNoise serves the collected, hashed static files right after the security middleware.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]

# Uploaded files: a local directory (MEDIA_ROOT, a volume in the containers) by default; S3 or Azure Blob storage
# through django-storages with MEDIA_STORAGE=s3 or azure (see README, "Configuration").
MEDIA_STORAGE = ENV.get("MEDIA_STORAGE", "local")
MEDIA_BACKENDS = {
    "local": ("django.core.files.storage.FileSystemStorage", {}),
    "s3": ("storages.backends.s3.S3Storage", {
        "bucket_name": ENV.get("AWS_STORAGE_BUCKET_NAME", ""), "region_name": ENV.get("AWS_S3_REGION_NAME") or None,
        "endpoint_url": ENV.get("AWS_S3_ENDPOINT_URL") or None, "default_acl": None, "querystring_auth": True, "file_overwrite": False,
    }),
    "azure": ("storages.backends.azure_storage.AzureStorage", {
        "account_name": ENV.get("AZURE_ACCOUNT_NAME", ""), "account_key": ENV.get("AZURE_ACCOUNT_KEY", ""),
        "azure_container": ENV.get("AZURE_CONTAINER", "media"), "connection_string": ENV.get("AZURE_CONNECTION_STRING") or None,
        "overwrite_files": False,
    }),
}
if MEDIA_STORAGE not in MEDIA_BACKENDS:
    raise ImproperlyConfigured("MEDIA_STORAGE must be local, s3 or azure.")
STORAGES = {
    "default": {"BACKEND": MEDIA_BACKENDS[MEDIA_STORAGE][0], "OPTIONS": MEDIA_BACKENDS[MEDIA_STORAGE][1]},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Tasks run in a worker (`manage.py db_worker`) from the database queue; TASKS_BACKEND may name another.
TASKS = {"default": {"BACKEND": ENV.get("TASKS_BACKEND", "django_tasks_db.backend.DatabaseBackend")}}

# Logs: one JSON object a line with the request's id (LOG_FORMAT=text for plain lines).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "partnering.ops.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "partnering.ops.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["request_id"],
                             "formatter": "json" if ENV.get("LOG_FORMAT", "json") == "json" else "text"}},
    "root": {"handlers": ["console"], "level": ENV.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# Errors to Sentry (or any Sentry-compatible service, such as GlitchTip) when SENTRY_DSN is set; no personal data sent.
if ENV.get("SENTRY_DSN"):
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(dsn=ENV["SENTRY_DSN"], integrations=[DjangoIntegration()], send_default_pii=False,
                    environment=ENV.get("SENTRY_ENVIRONMENT", "production"),
                    traces_sample_rate=float(ENV.get("SENTRY_TRACES_SAMPLE_RATE", "0")))

# Every gunicorn worker, and every server, shares one cache: the password-reset throttle counts in it
# (and the Welsh catalogue editor keeps its work there). In the database by default: run
# `manage.py createcachetable` after `migrate`; or name another shared cache Django supports with
# DJANGO_CACHE_BACKEND and DJANGO_CACHE_LOCATION.
CACHES = {
    "default": {
        "BACKEND": ENV.get("DJANGO_CACHE_BACKEND", "django.core.cache.backends.db.DatabaseCache"),
        "LOCATION": ENV.get("DJANGO_CACHE_LOCATION", "partnering_cache"),
    }
}

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(ENV.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
EMAIL_BACKEND = ENV.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = ENV.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(ENV.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = ENV.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = ENV.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
