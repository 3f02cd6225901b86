# Partnering: `make demo` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PYTEST_WORKERS ?= auto

.PHONY: install install-bench bench demo serve test lint deploy-checks test-sqlite test-postgres system-test-deps assets messages clean restore-drill container-drill

install: $(VENV)/.installed

$(VENV)/.installed: requirements/lock.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/lock.txt
	$(PY) -m partnering.overlap train   # the matcher's model, from the labelled sets in the repository
	touch $@

# The benchmarks' baselines (Splink with DuckDB, scikit-learn): not needed to run Partnering.
install-bench: install
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/bench-lock.txt

bench: install-bench
	$(PY) bench/import_bench.py
	$(PY) bench/overlap_bench.py

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo
	@echo "Partnering is at http://127.0.0.1:$(PORT)/ - sign in with any account above. Ctrl+C stops it."
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

serve: install
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Chromium for the browser tests, from Debian, when we can install it (CI runs as root).
system-test-deps:
	@sh scripts/install-system-deps.sh chromium gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0

test: install system-test-deps lint deploy-checks test-sqlite test-postgres

# What a production install does, checked with the production settings against a throwaway SQLite
# database and static directory: collectstatic (hashed, compressed), Django's deployment checklist,
# and no model change without its migration.
deploy-checks: install
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	export DJANGO_SETTINGS_MODULE=config.settings.production DJANGO_ALLOWED_HOSTS=partnering.example.org \
		DJANGO_SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		DATABASE_URL="sqlite:///$$tmp/db.sqlite3" DJANGO_STATIC_ROOT="$$tmp/static" && \
	echo "Deployment checks: collectstatic, check --deploy, makemigrations --check" && \
	$(PY) manage.py collectstatic --noinput --verbosity 0 && \
	$(PY) manage.py check --deploy --fail-level WARNING && \
	$(PY) manage.py makemigrations --check --dry-run

# ruff, then the layering contracts in pyproject.toml (import-linter).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

test-sqlite:
	$(PY) -m pytest -n $(PYTEST_WORKERS)

# The database-sensitive tests (and the rest of the suite) again on PostgreSQL, when one is configured.
test-postgres:
	@if [ -n "$$PARTNERING_TEST_DATABASE_URL" ]; then \
		echo "Running the suite on PostgreSQL"; \
		DATABASE_URL="$$PARTNERING_TEST_DATABASE_URL" $(PY) -m pytest -n $(PYTEST_WORKERS) -m "not e2e"; \
	else \
		echo "PARTNERING_TEST_DATABASE_URL is not set: PostgreSQL-only tests were skipped (see README, 'Tests')."; \
	fi

# Backup and restore, proved: a fresh PostgreSQL database with the demo region is dumped (pg_dump), wiped, restored
# (pg_restore), and every table's row count and checksum compared. Needs RESTORE_DRILL_DATABASE_URL or
# PARTNERING_TEST_DATABASE_URL (a role that may create databases); CI runs it (see README, "Backups").
restore-drill: install
	$(PY) scripts/restore_drill.py

# The container image and compose services, proved: builds the Dockerfile with Podman, runs migrate, web, worker and
# scheduler from it and waits for /health/ready (needs root, podman, runc, debootstrap and a PostgreSQL role that may
# create databases, as for restore-drill; CI runs it). See README, "Containers".
container-drill: install
	sh scripts/install-system-deps.sh podman runc debootstrap
	$(PY) scripts/container_drill.py

# Rebuild the committed front-end assets from npm (needs Node.js).
assets:
	cd frontend && npm ci --no-audit --no-fund && sh build.sh

# Refresh the Welsh catalogue after changing user-facing text (needs gettext): extract the strings into
# locale/cy/LC_MESSAGES/django.po, the one source of the Welsh (msgmerge marks changed or look-alike strings
# fuzzy; they stay fuzzy, and English on the page, until a person checks them), compile the .mo, then list
# every string without checked Welsh and fail if there is any. Translate them in the .po (Poedit, Weblate,
# a text editor or /admin/translations/) and run it again.
messages: install
	$(PY) manage.py makemessages --locale cy --ignore ".venv/*" --ignore "frontend/*" --ignore "tests/*" --ignore "e2e/*" --ignore "*/tests/*" --no-obsolete --no-wrap
	$(PY) manage.py compilemessages --locale cy --ignore ".venv" --ignore "frontend"
	$(PY) scripts/po-status.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
