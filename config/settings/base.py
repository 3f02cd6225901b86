"""Settings shared by every environment.

The environment is read once, here; other settings modules only override.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

ENV = os.environ


def env_bool(name: str, default: bool = False) -> bool:
    return ENV.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in ENV.get(name, default).split(",") if item.strip()]


SECRET_KEY = ENV.get("DJANGO_SECRET_KEY", "insecure-local-development-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "template_partials",
    "django_htmx",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "rosetta",
    "partnering.core",
    "partnering.organisations",
    "partnering.people",
    "partnering.mapping",
    "partnering.glossary",
    "partnering.overlap",
    "partnering.learning",
    "partnering.planning",
    "partnering.costs",
    "partnering.directory",
    "partnering.community",
    "partnering.meetings",
    "partnering.assessment",
    "partnering.identity",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "partnering.api",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served from our own origin
    "partnering.ops",
    "partnering.programmes",
    "partnering.register",
    "partnering.workforce",
    "partnering.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # An id for each request, on its log lines and in its X-Request-ID header.
    "partnering.ops.middleware.RequestIdMiddleware",
    "partnering.core.middleware.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Someone who must use two-factor authentication sets up an app before anything else.
    "partnering.identity.middleware.TwoFactorSetupMiddleware",
    # Changes made in a request are audited as the signed-in person's, through the web.
    "partnering.core.middleware.AuditMiddleware",
    # Signed-in pages: Cache-Control: private, no-store unless the view chose otherwise.
    "partnering.core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "partnering.access.middleware.ScopeMiddleware",
    "partnering.core.middleware.ActingCouncilMiddleware",
    # Axes goes last so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnering.core.context_processors.chrome",
            ],
        },
    }
]

# SQLite (the demo, a laptop, a small pilot): a transaction takes the write lock when it begins
# (IMMEDIATE), so two bookings that each read and then write wait their turn instead of failing with
# "database is locked"; a writer waits up to SQLITE_BUSY_TIMEOUT_MS for the lock; write-ahead logging
# lets pages be read while someone writes. PostgreSQL is still the choice for real deployments.
SQLITE_BUSY_TIMEOUT_MS = int(ENV.get("SQLITE_BUSY_TIMEOUT_MS", "20000"))
# PostgreSQL's planner prices a random read at 4 sequential ones by default (spinning disks). On SSD or cloud storage
# 1.1 is the usual setting, and with it people search reads its index of council and name rather than filter every
# one of a council's staff. Empty (the default) leaves the server's setting: on a database that has not been analysed
# (the test suite's, inside its transactions) 1.1 chose nested loops that took a minute over the demo's lines.
DATABASE_RANDOM_PAGE_COST = ENV.get("DATABASE_RANDOM_PAGE_COST", "")


def database_from_url(url: str) -> dict:
    database = dj_database_url.parse(url, conn_max_age=int(ENV.get("DATABASE_CONN_MAX_AGE", "0")))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update(
            {
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL"
                ),
            }
        )
    elif database["ENGINE"] == "django.db.backends.postgresql" and DATABASE_RANDOM_PAGE_COST:
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c random_page_cost={float(DATABASE_RANDOM_PAGE_COST)}".strip()
    return database


DATABASES = {"default": database_from_url(ENV.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "people.Person"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sign-in through each council's identity provider (OpenID Connect, django-allauth): providers are set up per
# council (admin, or `manage.py add_identity_provider`), not here; see partnering/identity/adapters.py.
ACCOUNT_ADAPTER = "partnering.identity.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "partnering.identity.adapters.CouncilSocialAccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_EMAIL_NOTIFICATIONS = False
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10
# Two-factor authentication: an authenticator app (TOTP) and recovery codes.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = ENV.get("MFA_TOTP_ISSUER", "Partnering")
# Site administrators and coordinators must use it everywhere (otherwise only where their council's provider asks).
PARTNERING_TWO_FACTOR_REQUIRED = env_bool("PARTNERING_TWO_FACTOR_REQUIRED", False)
PARTNERING_TWO_FACTOR_TRIES = int(ENV.get("PARTNERING_TWO_FACTOR_TRIES", "5"))  # wrong codes per window before starting again

# The REST API (partnering/api): tokens per council or the browser session; one error body; pages of 50.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["partnering.api.authentication.CouncilTokenAuthentication",
                                       "rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_RATES": {"api": ENV.get("API_THROTTLE_RATE", "600/minute")},
    "EXCEPTION_HANDLER": "partnering.api.views.api_exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Partnering API",
    "DESCRIPTION": "Councils, partnerships, provision, the catalogue, bookings, training records (by consent), people and employments, "
                   "cost statements, the public register's projects and whole-file HR imports. "
                   "Send a council's API token as `Authorization: Bearer ptk_…`, or use it signed in.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "partnering.api.hooks.add_error_responses"],
}

# Sign-in throttling: after 5 failures for one email from one address, wait 15 minutes.
AXES_FAILURE_LIMIT = int(ENV.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(ENV.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Django's sign-in form calls the email field "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = int(ENV.get("AXES_PROXY_COUNT", "0")) or None

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en", _("English")), ("cy", _("Welsh"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # only the server reads it
# Site administrators edit the Welsh catalogue at /admin/translations/ (partnering/core/translation_admin.py).
ROSETTA_ACCESS_CONTROL_FUNCTION = "partnering.core.translation_admin.can_translate"
ROSETTA_LANGUAGES = [language for language in LANGUAGES if language[0] == "cy"]
ROSETTA_POFILE_WRAP_WIDTH = 0  # one line per string, as `make messages` writes it
ROSETTA_CASE_SENSITIVE_FILESYSTEM = True  # otherwise it probes with a temporary file on every request

STATIC_URL = "/static/"
STATIC_ROOT = Path(ENV.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(ENV.get("MEDIA_ROOT", BASE_DIR / "media"))

EMAIL_BACKEND = ENV.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = ENV.get("DEFAULT_FROM_EMAIL", "Partnering <no-reply@partnering.localhost>")
# Where the site is, for links in emails (sent by tasks, with no request to build them from).
SITE_URL = ENV.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3
# Password reset throttling, counted in the cache: at most this many reset emails to one address, and
# this many requests from one client address, in each window; over the address limit nothing is sent
# and the page looks the same; over the client limit the page says to try again later.
PASSWORD_RESET_EMAIL_LIMIT = int(ENV.get("PASSWORD_RESET_EMAIL_LIMIT", "3"))
PASSWORD_RESET_IP_LIMIT = int(ENV.get("PASSWORD_RESET_IP_LIMIT", "10"))
PASSWORD_RESET_THROTTLE_MINUTES = int(ENV.get("PASSWORD_RESET_THROTTLE_MINUTES", "60"))

# One process (the demo, a laptop): memory. Production shares a cache between workers (production.py).
CACHES = {
    "default": {
        "BACKEND": ENV.get("DJANGO_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": ENV.get("DJANGO_CACHE_LOCATION", "partnering"),
    }
}

SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Browser features Partnering never uses, switched off for every page (Permissions-Policy header):
# feature -> origins allowed to use it, an empty list for none. Only features Chromium knows (a browser
# test checks it warns about none).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "fullscreen",
        "geolocation", "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment",
        "picture-in-picture", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking",
    )
}

# Everything is served from our own origin; inline scripts need the per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": ENV.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

FORM_RENDERER = "partnering.core.forms.GovUKFormRenderer"

# Long analyses run as tasks: in the web process by default (the demo, a laptop); set
# TASKS_BACKEND=django_tasks_db.backend.DatabaseBackend and run `manage.py db_worker` to run them
# in a worker instead, with progress shown while they run.
TASKS = {"default": {"BACKEND": ENV.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}


# Venue planning's travel model: great-circle x road factor at an average speed, unless an OSRM
# server (for example the council's own) is named, whose table service then gives road distances.
PLANNING_OSRM_URL = ENV.get("PLANNING_OSRM_URL", "")
PLANNING_ROAD_FACTOR = float(ENV.get("PLANNING_ROAD_FACTOR", "1.3"))
PLANNING_SPEED_KMH = float(ENV.get("PLANNING_SPEED_KMH", "50"))

# Readiness (/health/ready) with a worker: its last heartbeat no older than this, and no more tasks waiting than this.
HEALTH_HEARTBEAT_MAX_AGE_SECONDS = int(ENV.get("HEALTH_HEARTBEAT_MAX_AGE_SECONDS", "300"))
HEALTH_MAX_QUEUE_DEPTH = int(ENV.get("HEALTH_MAX_QUEUE_DEPTH", "1000"))
