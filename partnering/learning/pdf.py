"""The training record as a PDF, for the person to keep or show a new employer."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


def record_pdf(person, overview: dict) -> bytes:
    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    document = SimpleDocTemplate(buffer, pagesize=A4, title=_("Training record"), author="Partnering",
                                 leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm, bottomMargin=18 * mm)
    story = [
        Paragraph(_("Training record"), styles["Title"]),
        Paragraph(f"{person.full_name} – {person.email}", styles["Normal"]),
        Paragraph(_("Printed %(date)s") % {"date": timezone.localdate().strftime("%d/%m/%Y")}, styles["Normal"]),
        Spacer(1, 6 * mm),
    ]
    rows = [[_("Learning"), _("Completed"), _("While working for"), _("Hours")]]
    rows += [[Paragraph(r.title, styles["Normal"]), r.completed_on.strftime("%d/%m/%Y"), r.council.short_name if r.council else "",
              "" if r.hours is None else str(r.hours)] for r in overview["records"]]
    table = Table(rows, colWidths=[90 * mm, 25 * mm, 40 * mm, 15 * mm], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"), ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey)]))
    story.append(table if overview["records"] else Paragraph(_("Nothing recorded yet. Sessions you attend appear here."), styles["Normal"]))
    document.build(story)
    return buffer.getvalue()
