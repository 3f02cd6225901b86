"""The Welsh catalogue (locale/cy/LC_MESSAGES/django.po, the one source of the Welsh) is complete,
checked by a person, up to date with the code, and its compiled form matches it."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "locale" / "cy" / "LC_MESSAGES"
NEEDS_GETTEXT = pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgfmt") is None,
    reason="needs gettext's xgettext and msgfmt (apt-get install gettext; `make test` installs it)",
)
# What `make messages` leaves out when it extracts strings.
IGNORE = [".venv/*", "frontend/*", "tests/*", "e2e/*", "*/tests/*"]
# One example of each Welsh plural form, for Plural-Forms: (n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3
PLURAL_EXAMPLES = {0: 1, 1: 2, 2: 3, 3: 8}


def catalogue() -> polib.POFile:
    return polib.pofile(str(LOCALE / "django.po"))


def where(entry: polib.POEntry) -> str:
    return ", ".join(f"{path}:{line}" for path, line in entry.occurrences) or "no source reference"


def key(entry: polib.POEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def source_copy(destination: Path) -> Path:
    """The files `makemessages` reads (Python, templates, text) and the catalogue, without caches or tests,
    so extracting strings never touches the committed catalogue."""
    skip = shutil.ignore_patterns(".*", "__pycache__", "node_modules", "frontend", "tests", "e2e", "static", "media")

    def ignore(directory, names):
        ignored = set(skip(directory, names))
        for name in names:
            path = Path(directory) / name
            if path.is_file() and path.suffix not in {".py", ".html", ".txt", ".po", ".mo"} and name != "Makefile":
                ignored.add(name)
        return ignored

    shutil.copytree(ROOT, destination, ignore=ignore)
    return destination


def test_every_string_has_a_welsh_translation_and_none_is_fuzzy():
    po = catalogue()
    assert not po.metadata_is_fuzzy, "the header is fuzzy, so msgfmt would drop it and its plural forms"
    untranslated = [f"{entry.msgid!r} (used in {where(entry)})" for entry in po.untranslated_entries()]
    fuzzy = [f"{entry.msgid!r} (used in {where(entry)})" for entry in po.fuzzy_entries()]
    assert not untranslated, "No Welsh yet; translate them in locale/cy/LC_MESSAGES/django.po:\n" + "\n".join(untranslated)
    assert not fuzzy, "msgmerge guessed these; check the Welsh, then remove the fuzzy flag:\n" + "\n".join(fuzzy)
    assert len(po.translated_entries()) > 100


def test_compiled_catalogue_matches_the_source():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue().translated_entries():
        if entry.msgid_plural:
            for form, n in PLURAL_EXAMPLES.items():
                got = (compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n) if entry.msgctxt
                       else compiled.ngettext(entry.msgid, entry.msgid_plural, n))
                assert got == entry.msgstr_plural[form], f"{entry.msgid!r}, plural form {form}: run `make messages`"
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, f"{entry.msgid!r}: run `make messages`"
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, f"{entry.msgid!r}: run `make messages`"


@NEEDS_GETTEXT
def test_every_welsh_string_keeps_the_placeholders_of_its_english():
    result = subprocess.run(["msgfmt", "--check-format", "-o", os.devnull, str(LOCALE / "django.po")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@NEEDS_GETTEXT
def test_every_translatable_string_in_the_code_is_in_the_welsh_catalogue(tmp_path):
    copy = source_copy(tmp_path / "src")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "cy", "--no-obsolete",
         *[argument for pattern in IGNORE for argument in ("--ignore", pattern)]],
        cwd=copy, env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}, check=True, capture_output=True,
    )
    committed = {key(entry) for entry in catalogue() if not entry.obsolete}
    missing = [f"{entry.msgid!r} (used in {where(entry)})"
               for entry in polib.pofile(str(copy / "locale" / "cy" / "LC_MESSAGES" / "django.po"))
               if not entry.obsolete and key(entry) not in committed]
    assert not missing, "Not in the Welsh catalogue; run `make messages`, then translate them in the .po:\n" + "\n".join(missing)


@NEEDS_GETTEXT
@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_messages_keeps_msgmerge_guesses_fuzzy_and_out_of_the_compiled_catalogue(tmp_path):
    copy = source_copy(tmp_path / "src")
    template = copy / "templates" / "planning" / "plan_detail.html"
    template.write_text(template.read_text().replace('"Undo this plan"', '"Undo this venue plan"'))

    result = subprocess.run(
        ["make", "--no-print-directory", "-o", "install", "messages", f"PY={sys.executable}"],
        cwd=copy, env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}, capture_output=True, text=True,
    )

    assert result.returncode != 0, "a fuzzy entry must fail `make messages`"
    assert "Fuzzy" in result.stdout and "'Undo this venue plan'" in result.stdout
    assert "templates/planning/plan_detail.html" in result.stdout
    entry = polib.pofile(str(copy / "locale" / "cy" / "LC_MESSAGES" / "django.po")).find("Undo this venue plan")
    assert entry is not None and "fuzzy" in entry.flags
    with (copy / "locale" / "cy" / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert compiled.gettext("Undo this venue plan") == "Undo this venue plan"  # English until a person checks it
    assert compiled.gettext("Your bookings") == catalogue().find("Your bookings").msgstr  # the rest still in Welsh
