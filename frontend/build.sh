#!/bin/sh
# Builds the committed front-end assets from the npm packages pinned in package-lock.json.
set -eu
cd "$(dirname "$0")"
static=../static

# Copies a minified script without its sourceMappingURL comment: the maps are not shipped, and
# Django's manifest storage (collectstatic in production) stops at a reference to a missing file.
copy_without_source_map() {
  sed -e '/^\/\/# sourceMappingURL=[^[:space:]]*$/d' -e 's|//# sourceMappingURL=[^[:space:]]*$||' "$1" > "$2/$(basename "$1")"
}

mkdir -p "$static/css" "$static/vendor/govuk-frontend" "$static/vendor/htmx"
npx sass --pkg-importer=node --style=compressed --no-source-map scss/partnering.scss "$static/css/partnering.css"
copy_without_source_map node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$static/vendor/govuk-frontend"
{ echo "GOV.UK Frontend $(node -p "require('govuk-frontend/package.json').version") - licence, from the package README"; echo; sed -n "/^## Licence/,/^Open Government/p" node_modules/govuk-frontend/README.md; } > "$static/vendor/govuk-frontend/LICENCE.md"
copy_without_source_map node_modules/htmx.org/dist/htmx.min.js "$static/vendor/htmx"
cp node_modules/htmx.org/LICENSE "$static/vendor/htmx/LICENSE"
mkdir -p "$static/vendor/chartjs"
copy_without_source_map node_modules/chart.js/dist/chart.umd.min.js "$static/vendor/chartjs"
cp node_modules/chart.js/LICENSE.md "$static/vendor/chartjs/LICENSE.md"
# DejaVu Sans for the PDF record (Welsh letters on any machine), with its licence.
mkdir -p "$static/fonts"
cp node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf "$static/fonts/"
cp node_modules/dejavu-fonts-ttf/LICENSE "$static/fonts/LICENSE"
if grep -rl "sourceMappingURL" "$static"; then echo "build.sh: a committed asset above still names a source map" >&2; exit 1; fi
