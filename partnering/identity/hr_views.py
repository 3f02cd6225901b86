"""A council's leads load its people and jobs from its HR export: upload, check (every problem by row and column,
the columns mapped and remembered), then commit in one go, choosing whether a full export also ends the jobs that
were entered by hand."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnering.access.identity import can_import_people, hr_import_for
from partnering.access.organisations import council_for
from partnering.access.scope import not_found, scope_of
from partnering.core.forms import GovUKForm
from partnering.mapping.importers.reading import FileProblem

from . import hr_import
from .hr import FIELDS, header_key
from .models import HrImport

MAX_BYTES = hr_import.MAX_BYTES


class UploadForm(GovUKForm):
    file = forms.FileField(label=gettext_lazy("HR export"), help_text=gettext_lazy("An .xlsx or .csv file with a row of column names."),
                           error_messages={"required": gettext_lazy("Choose the HR export to upload")})
    full_export = forms.BooleanField(
        label=gettext_lazy("This file lists everyone the council employs"), required=False, initial=True,
        help_text=gettext_lazy("Jobs an earlier import added that are not in this file are ended today. Jobs entered by hand are left "
                               "alone unless you choose to end them when you confirm the import."))


# What a committed import did, in the order and words of the preview (older imports lack the newer counts).
SUMMARY_LABELS = {
    "started": gettext_lazy("Started"), "changed": gettext_lazy("Changing or unchanged"),
    "left": gettext_lazy("Left (an end date in the file)"), "ended": gettext_lazy("Ended (imported before, not in the export)"),
    "ended_hand_entered": gettext_lazy("Entered by hand, not in the export: ended"),
    "left_alone": gettext_lazy("Entered by hand, not in the export: left alone"),
}


class CommitForm(GovUKForm):
    include_hand_entered = forms.BooleanField(
        label=gettext_lazy("Also end the jobs entered by hand that are not in this file"), required=False, initial=False,
        help_text=gettext_lazy("Jobs entered by hand were not made by an import: someone added them on a page, they came through "
                               "the API, or the person signed in with their council account. Leave this unticked to keep them."))


@login_required
def upload(request, slug):
    scope = scope_of(request.user)
    council = council_for(scope, slug)
    if not can_import_people(scope, council):
        raise not_found()
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        if upload_file.size > MAX_BYTES:
            form.add_error("file", _("The file is larger than 20 MB."))
        else:
            try:
                made = hr_import.hr_upload(actor=request.user, council=council, filename=upload_file.name, data=upload_file.read(),
                                           full_export=form.cleaned_data["full_export"])
            except FileProblem as problem:
                form.add_error("file", str(problem))
            else:
                return redirect("identity:hr-import", pk=made.pk)
    imports = HrImport.objects.filter(council=council).defer("data")[:20]
    return TemplateResponse(request, "identity/hr_upload.html", {"council": council, "form": form, "imports": imports})


@login_required
def preview(request, pk):
    scope = scope_of(request.user)
    made = hr_import_for(scope, pk)
    if not can_import_people(scope, made.council):
        raise not_found()
    if request.method == "POST" and made.status == HrImport.Status.DRAFT:
        if request.POST.get("action") == "map":
            mapping = {key[len("map:"):]: value for key, value in request.POST.items() if key.startswith("map:")}
            hr_import.hr_mapping_save(actor=request.user, council=made.council, mapping=mapping)
            messages.success(request, _("The columns are mapped; the council's next export will be read the same way."))
            return redirect("identity:hr-import", pk=made.pk)
        if request.POST.get("action") == "commit":
            commit_form = CommitForm(request.POST)
            include = commit_form.is_valid() and made.full_export and commit_form.cleaned_data["include_hand_entered"]
            try:
                counts = hr_import.hr_commit(actor=request.user, hr_import=made, include_hand_entered=include)
            except (ValueError, PermissionDenied) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Imported: %(started)s started, %(changed)s changed, %(left)s left, %(ended)s ended (no longer in "
                                            "the export), %(ended_hand_entered)s entered by hand ended, %(left_alone)s entered by hand "
                                            "left alone.") % counts)
            return redirect("identity:hr-import", pk=made.pk)
    checked = None if made.status != HrImport.Status.DRAFT else hr_import.hr_check(made)
    choices = [("", _("Not used"))] + [(name, label) for name, (label, _spellings) in FIELDS.items()]
    columns = []
    if checked:
        by_index = {index: name for name, index in checked.export.columns.items()}
        columns = [(header, header_key(header), by_index.get(i, "")) for i, header in enumerate(checked.export.headers) if header]
    summary = [(label, made.summary[key]) for key, label in SUMMARY_LABELS.items() if key in made.summary]
    return TemplateResponse(request, "identity/hr_preview.html", {"made": made, "checked": checked, "columns": columns, "choices": choices,
                                                                  "commit_form": CommitForm(), "summary": summary})

