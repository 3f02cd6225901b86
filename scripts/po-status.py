"""Lists the entries of a gettext catalogue that still need a person: untranslated or fuzzy.

    python scripts/po-status.py [locale/cy/LC_MESSAGES/django.po]

Fuzzy entries are msgmerge's guesses (a string that changed, or one like an old one); they are
left out of the compiled catalogue, so the page shows English until someone checks the Welsh
and removes the flag (in Poedit, Weblate, the site's translation pages or a text editor).
Exits 1 when anything is listed, so `make messages` and CI fail until the catalogue is complete.
"""

import sys
from pathlib import Path

import polib

DEFAULT = Path(__file__).resolve().parents[1] / "locale" / "cy" / "LC_MESSAGES" / "django.po"


def where(entry: polib.POEntry) -> str:
    places = [f"{path}:{line}" if line else path for path, line in entry.occurrences]
    return ", ".join(places) or "no source reference"


def describe(entry: polib.POEntry) -> str:
    label = repr(entry.msgid)
    if entry.msgctxt:
        label += f" (context {entry.msgctxt!r})"
    return f"{label}\n    used in {where(entry)}"


def problems(catalogue: polib.POFile) -> list[str]:
    found = []
    if catalogue.metadata_is_fuzzy:
        found.append("The catalogue's header is marked fuzzy: msgfmt would ignore it (and its plural forms).")
    for entry in catalogue.fuzzy_entries():
        text = f"Fuzzy (check the Welsh, then remove the flag): {describe(entry)}"
        if entry.previous_msgid:
            text += f"\n    guessed from the old text {entry.previous_msgid!r}"
        found.append(text)
    for entry in catalogue.untranslated_entries():  # polib leaves fuzzy entries out of these
        found.append(f"No Welsh yet: {describe(entry)}")
    return found


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    catalogue = polib.pofile(str(path))
    found = problems(catalogue)
    for text in found:
        print(text)
    entries = [entry for entry in catalogue if not entry.obsolete]
    print(
        f"{path}: {len(entries)} entries, {len(catalogue.translated_entries())} translated, "
        f"{len(catalogue.fuzzy_entries())} fuzzy, "
        f"{len(catalogue.untranslated_entries())} untranslated."
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
