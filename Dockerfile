# Partnering's container image: one image for web (gunicorn), worker (db_worker), scheduler and the one-off migrate.
# Multi-stage: the build stage installs the runtime lock (requirements/runtime-lock.txt: no test or benchmark
# packages), trains the overlap matcher's model and collects the static files; the runtime stage copies those and
# runs as an unprivileged user.

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 PARTNERING_CACHE_DIR=/app/.cache
WORKDIR /app
COPY requirements/runtime-lock.txt requirements/runtime-lock.txt
RUN python -m venv /venv && /venv/bin/pip install --require-hashes -r requirements/runtime-lock.txt
COPY . .
RUN rm -rf .venv db.sqlite3* media staticfiles \
 && /venv/bin/python -m partnering.overlap train \
 && DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build \
    DATABASE_URL=sqlite:////tmp/build.sqlite3 DJANGO_STATIC_ROOT=/app/staticfiles \
    /venv/bin/python manage.py collectstatic --noinput --verbosity 0

FROM python:3.11-slim-bookworm AS runtime
# WeasyPrint's libraries for PDFs; the PostgreSQL client for backups and the restore drill.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin partnering
ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_STATIC_ROOT=/app/staticfiles MEDIA_ROOT=/data/media \
    PARTNERING_CACHE_DIR=/app/.cache TASKS_BACKEND=django_tasks_db.backend.DatabaseBackend
COPY --from=build /venv /venv
COPY --from=build --chown=partnering:partnering /app /app
RUN mkdir -p /data/media && chown partnering:partnering /data/media
WORKDIR /app
USER partnering
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/live').status != 200)"
CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--forwarded-allow-ips", "*"]
