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

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

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
