"""Subject access downloads: a person's own data (/me/data.json, /me/data.pdf), and a council's lead releasing a
person's data on their behalf, recording the request it answers (/people/<pk>/data/).

Who may release whose data is the access layer's rule (`partnering.access.people.people_whose_data_scope_may_release`);
every release on someone's behalf is written to the audit trail of each council it is made for, in all of them or none.
A lead's release holds only what the councils it is made for put in (each council is the controller of its own
records): a site administrator's, like the person's own download, holds everything."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from partnering.access import people as access
from partnering.access.scope import not_found
from partnering.core import audit
from partnering.core.downloads import download_response
from partnering.people.models import Person

from .forms import DataRequestForm, DataSubjectForm
from .personal_data import SECTIONS, Report, as_json, everything_about, readable

JSON_TYPE = "application/json; charset=utf-8"
PDF_TYPE = "application/pdf"


def _json_bytes(report: Report) -> bytes:
    return json.dumps(as_json(report), indent=2, ensure_ascii=False).encode("utf-8")


def _pdf_bytes(report: Report, person, request_details: dict | None = None) -> bytes:
    from partnering.core.pdf import render_pdf  # loads Pango: only when a PDF is asked for

    details, tables = readable(report)
    # readable() gives a table for every registered section, in order: only those the report holds are shown.
    tables = [table for label, table in zip(SECTIONS, tables, strict=True) if label in report.sections]
    title = _("Personal data held by Partnering about %(name)s") % {"name": person.full_name}
    return render_pdf("ops/personal_data_pdf.html", {"details": details, "tables": tables, "request_details": request_details}, title)


@login_required
def my_data(request):
    """Everything Partnering holds about the signed-in person, as JSON to download."""
    return download_response(_json_bytes(everything_about(request.user)), "partnering-my-data.json", JSON_TYPE)


@login_required
def my_data_pdf(request):
    """The same as a PDF to read or print, in the language of the page."""
    return download_response(_pdf_bytes(everything_about(request.user), request.user), "partnering-my-data.pdf", PDF_TYPE)


def _record_release(person, councils, *, file_format: str, received_on, reference: str) -> None:
    """One entry in each council's trail: who released whose data (the actor is whoever is signed in), when, how, and why."""
    # The trail reads "Created person: copy of the personal data of …": the copy is what was made, for that person.
    description = _("copy of the personal data of %(name)s (%(format)s), released on request") % {
        "name": person.full_name, "format": file_format}
    changes = {_("person"): [None, person.email], _("format"): [None, file_format],
               _("request received on"): [None, received_on.isoformat()], _("request reference"): [None, reference or None]}
    with transaction.atomic():  # recorded in every council's trail or in none
        for council in councils or [None]:  # a person with no employment anywhere: the site administrators' trail
            audit.record_bulk(model=Person, council=council, action=audit.Action.CREATE, count=1, description=description, changes=changes)


# The columns that name the council whose record a row is (its controller), section by section. A lead's release keeps
# the rows of the councils it is made for. Sections with no council of their own (partnership roles: a partnership is
# not its member councils) and sections not named here (added since by other apps) are left out of it, so nothing
# slips out unchecked: the person has them from /me/, or through a site administrator.
CONTROLLER_COLUMNS = {
    "employments": ("council__name",),
    "bookings": ("council__name",),  # the council the place was booked for
    "training records": ("council__name",),  # the council they were working for
    "training record shared with": ("council__name",),  # the council it was shared with
    "shared posts": ("employer__name",),
    "secondments": ("home__name", "host__name"),  # both councils hold a secondment
    "sign-ins": ("council__name",),  # the council whose identity provider it went through; none for a password
}


def _held_by(report: Report, councils) -> Report:
    """The report cut to what these councils put in: each section's rows whose controller is one of them."""
    names = {council.name for council in councils}  # council names are unique
    return Report(person=report.person, sections={
        label: [row for row in found if any(row.get(column) in names for column in CONTROLLER_COLUMNS[label])]
        for label, found in report.sections.items() if label in CONTROLLER_COLUMNS})


@login_required
def person_data(request, pk):
    """A lead answers a person's subject access request: records the request, then downloads their data."""
    person = access.data_subject_for(request.scope, pk)
    councils = list(access.councils_releasing_data_of(request.scope, person))
    form = DataRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        received_on, reference, file_format = (form.cleaned_data[name] for name in ("received_on", "reference", "format"))
        report = everything_about(person)
        if not access.releases_everything_about(request.scope, person):
            report = _held_by(report, councils)
        if file_format == "pdf":
            content = _pdf_bytes(report, person, {"received_on": received_on, "reference": reference, "released_by": request.user.full_name,
                                                  "councils": [council.name for council in councils]})
        else:
            content = _json_bytes(report)
        _record_release(person, councils, file_format=file_format.upper(), received_on=received_on, reference=reference)
        filename = f"partnering-personal-data-{person.full_name}.{file_format}"
        return download_response(content, filename, PDF_TYPE if file_format == "pdf" else JSON_TYPE)
    return TemplateResponse(request, "ops/person_data.html", {
        "person": person, "form": form, "councils": councils, "releases_everything": access.releases_everything_about(request.scope, person)})


@login_required
def find_data_subject(request):
    """A lead finds the person behind a request by email address (people who have left included), then records the request."""
    if not access.may_answer_subject_access_requests(request.scope):
        raise not_found()
    form = DataSubjectForm(request.POST if request.method == "POST" else None,
                           people=access.people_whose_data_scope_may_release(request.scope))
    if request.method == "POST" and form.is_valid():
        return redirect("ops:person-data", pk=form.person.pk)
    return TemplateResponse(request, "ops/find_data_subject.html", {"form": form})
