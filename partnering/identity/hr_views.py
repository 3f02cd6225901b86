"""A council's leads load its people and jobs from its HR export: upload, check (every problem by row and column,
the columns mapped and remembered), then commit in one go."""

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

MAX_BYTES = 20 * 1024 * 1024


class UploadForm(GovUKForm):
    file = forms.FileField(label=gettext_lazy("HR export"), help_text=gettext_lazy("An .xlsx or .csv file with a row of column names."),
                           error_messages={"required": gettext_lazy("Choose the HR export to upload")})
    full_export = forms.BooleanField(
        label=gettext_lazy("This file lists everyone the council employs"), required=False, initial=True,
        help_text=gettext_lazy("Jobs an earlier import added that are not in this file are ended today. Jobs entered by hand are left alone."))


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
            try:
                counts = hr_import.hr_commit(actor=request.user, hr_import=made)
            except (ValueError, PermissionDenied) as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Imported: %(started)s started, %(changed)s changed, %(left)s left, %(ended)s ended (no longer in "
                                            "the export).") % counts)
            return redirect("identity:hr-import", pk=made.pk)
    checked = None if made.status != HrImport.Status.DRAFT else hr_import.hr_check(made)
    choices = [("", _("Not used"))] + [(name, label) for name, (label, _spellings) in FIELDS.items()]
    columns = []
    if checked:
        by_index = {index: name for name, index in checked.export.columns.items()}
        columns = [(header, header_key(header), by_index.get(i, "")) for i, header in enumerate(checked.export.headers) if header]
    return TemplateResponse(request, "identity/hr_preview.html", {"made": made, "checked": checked, "columns": columns, "choices": choices})
