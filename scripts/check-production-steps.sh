#!/bin/sh
# Follows the README's "Running on PostgreSQL with gunicorn" from a fresh clone of this repository's
# committed HEAD: make install, migrate, createcachetable, collectstatic, createsuperuser, then gunicorn
# on a free port, and checks /healthz, the sign-in page and a hashed static file answer 200 and a
# password reset request (which counts in the shared cache) goes through.
# With PARTNERING_TEST_DATABASE_URL (a PostgreSQL user with CREATEDB) it migrates a fresh database
# created for the run and dropped after it; without it, a SQLite file.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
app="$work/partnering"
database_name="partnering_steps_$$"
database_created=""
server_pid=""

say() { echo "check-production-steps: $*"; }

cleanup() {
  status=$?
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$database_created" ]; then
    "$app/.venv/bin/python" - "$PARTNERING_TEST_DATABASE_URL" "$database_name" <<'EOF' || true
import sys
from urllib.parse import urlsplit

import psycopg

url, name = sys.argv[1], sys.argv[2]
with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl(), autocommit=True) as connection:
    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
EOF
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/gunicorn.log" ]; then
    say "gunicorn's log:"
    cat "$work/gunicorn.log"
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "cloning $repo into $app"
git clone --quiet "$repo" "$app"
cd "$app"

say "make install"
if ! make --no-print-directory install >"$work/install.log" 2>&1; then
  cat "$work/install.log"
  exit 1
fi

export DJANGO_SETTINGS_MODULE=config.settings.production
DJANGO_SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=partnering.example.org
if [ -n "${PARTNERING_TEST_DATABASE_URL:-}" ]; then
  DATABASE_URL=$(.venv/bin/python - "$PARTNERING_TEST_DATABASE_URL" "$database_name" <<'EOF'
import sys
from urllib.parse import urlsplit

import psycopg

url, name = sys.argv[1], sys.argv[2]
with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl(), autocommit=True) as connection:
    connection.execute(f'CREATE DATABASE "{name}"')
print(urlsplit(url)._replace(path=f"/{name}").geturl())
EOF
)
  database_created=yes
  say "PostgreSQL database $database_name"
else
  DATABASE_URL="sqlite:///$work/db.sqlite3"
  say "PARTNERING_TEST_DATABASE_URL is not set: SQLite"
fi
export DATABASE_URL

say "migrate, createcachetable, collectstatic, createsuperuser"
.venv/bin/python manage.py migrate --noinput --verbosity 0
.venv/bin/python manage.py createcachetable
.venv/bin/python manage.py collectstatic --noinput --verbosity 0
DJANGO_SUPERUSER_PASSWORD="$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')" \
  .venv/bin/python manage.py createsuperuser --noinput --email admin@partnering.example.org --full_name "Admin" --verbosity 0

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
say "gunicorn on 127.0.0.1:$port"
.venv/bin/gunicorn config.wsgi --workers 2 --bind "127.0.0.1:$port" >"$work/gunicorn.log" 2>&1 &
server_pid=$!

# As the README's proxy would: TLS terminated in front, X-Forwarded-Proto set, the public host name.
fetch() {
  curl --silent --show-error --max-time 10 --output "$work/body" --write-out '%{http_code}' \
    -H "Host: partnering.example.org" -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port$1"
}

ready=""
for _ in $(seq 1 60); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    say "gunicorn stopped"
    exit 1
  fi
  if [ "$(fetch /healthz 2>/dev/null || true)" = 200 ]; then ready=yes; break; fi
  sleep 0.5
done
[ -n "$ready" ] || { say "/healthz did not answer 200"; exit 1; }
say "/healthz 200"

code=$(fetch /accounts/login/)
[ "$code" = 200 ] || { say "/accounts/login/ answered $code"; exit 1; }
say "/accounts/login/ 200"

stylesheet=$(grep -o '/static/css/partnering\.[0-9a-f]*\.css' "$work/body" | head -n 1)
[ -n "$stylesheet" ] || { say "the sign-in page names no hashed stylesheet"; exit 1; }
code=$(fetch "$stylesheet")
[ "$code" = 200 ] || { say "$stylesheet answered $code"; exit 1; }
say "$stylesheet 200"

# A password reset request for an address with no account: the throttle counts in the database cache.
csrf=$(curl --silent --max-time 10 --output /dev/null --dump-header - -H "Host: partnering.example.org" \
  -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port/accounts/password_reset/" | sed -n 's/^[Ss]et-[Cc]ookie: csrftoken=\([^;]*\).*/\1/p')
[ -n "$csrf" ] || { say "the password reset page set no CSRF cookie"; exit 1; }
code=$(curl --silent --show-error --max-time 10 --output /dev/null --dump-header "$work/headers" --write-out '%{http_code}' \
  -H "Host: partnering.example.org" -H "X-Forwarded-Proto: https" -H "Cookie: csrftoken=$csrf" \
  -H "Referer: https://partnering.example.org/accounts/password_reset/" \
  --data-urlencode "csrfmiddlewaretoken=$csrf" --data-urlencode "email=nobody@partnering.example.org" \
  "http://127.0.0.1:$port/accounts/password_reset/")
location=$(sed -n 's/^[Ll]ocation: *\([^[:space:]]*\).*/\1/p' "$work/headers")
[ "$code $location" = "302 /accounts/password_reset/done/" ] || { say "password reset answered $code $location"; exit 1; }
say "password reset request 302"

say "the README's production steps work"
