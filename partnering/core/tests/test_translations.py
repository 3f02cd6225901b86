"""The Welsh catalogue is complete and its compiled form is up to date."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parents[3] / "locale" / "cy" / "LC_MESSAGES"


def test_every_string_has_a_welsh_translation_and_none_is_fuzzy():
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue.translated_entries()) > 100


def test_compiled_catalogue_matches_the_source():
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0], entry.msgid
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs gettext's xgettext (apt-get install gettext; CI has it)")
def test_every_translatable_string_in_the_code_is_in_the_welsh_catalogue(tmp_path):
    # Extract from a copy, so the committed catalogue is never touched by the test.
    root = LOCALE.parents[2]
    for name in ("partnering", "templates", "config", "locale"):
        shutil.copytree(root / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "tests"))
    shutil.copy(root / "manage.py", tmp_path / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "cy", "--no-obsolete"],
        cwd=tmp_path, env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}, check=True, capture_output=True,
    )
    extracted = {entry.msgid for entry in polib.pofile(str(tmp_path / "locale" / "cy" / "LC_MESSAGES" / "django.po"))}
    committed = {entry.msgid for entry in polib.pofile(str(LOCALE / "django.po")) if entry.translated()}
    assert sorted(extracted - committed) == [], "run `make messages` and add the Welsh to locale/cy_translations.py"
