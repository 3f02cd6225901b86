#!/bin/sh
# Installs Debian packages the tests need (chromium, gettext, postgresql, Pango for WeasyPrint's PDFs; podman, runc and
# debootstrap for the container drill), if missing and if we may.
# Without root or apt-get it only says what is missing; the tests that need them skip with a reason.
set -eu
missing=""
for package in "$@"; do
  case "$package" in
    gettext) command -v xgettext >/dev/null 2>&1 || missing="$missing gettext" ;;
    chromium) command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium" ;;
    postgresql) [ -d /usr/lib/postgresql ] || missing="$missing postgresql" ;;
    podman|runc|debootstrap) command -v "$package" >/dev/null 2>&1 || missing="$missing $package" ;;
    libpango-1.0-0|libpangoft2-1.0-0|libharfbuzz-subset0) dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package" ;;
    *) missing="$missing $package" ;;
  esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Not installed:$missing (install with apt-get as root; the tests that need them will be skipped)."
fi
