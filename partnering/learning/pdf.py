"""The training record as a PDF, for the person to keep or show a new employer (see partnering.core.pdf).

Importing this module loads Pango (through WeasyPrint): import it where a PDF is made, not at start-up.
"""

from django.utils.translation import gettext as _

from partnering.core.pdf import render_pdf


def record_pdf(person, overview: dict) -> bytes:
    """The person's training record (the records in `overview`) as a tagged PDF in the active language."""
    return render_pdf("learning/record_pdf.html", {"person": person, "records": overview["records"]},
                      f"{_('Training record')} – {person.full_name}")
