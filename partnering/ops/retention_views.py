"""The retention page: a council's lead sets how long leavers' personal data is kept, sees who the next run would
anonymise and reads the log of erasures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partnering.access import retention as access
from partnering.core.dates import today
from partnering.core.errors import Refused

from . import retention
from .models import RetentionRule
from .retention_forms import RetentionForm
from .retention_rules import DEFAULT_MONTHS

PER_PAGE = 25


def _pages(request, page, parameter: str) -> dict:
    """Links to the previous and next page of one of the page's two lists (each keeps its own page number)."""

    def link(number):
        query = request.GET.copy()
        query[parameter] = number
        return f"?{query.urlencode()}#{parameter}"

    return {"page": page, "previous": link(page.previous_page_number()) if page.has_previous() else "",
            "next": link(page.next_page_number()) if page.has_next() else ""}


@login_required
def retention_page(request, slug):
    council = access.retention_council_for(request.scope, slug)
    rule = RetentionRule.objects.filter(council=council).first()
    form = RetentionForm(request.POST or None, initial={"months": DEFAULT_MONTHS if rule is None else rule.months})
    if request.method == "POST" and form.is_valid():
        months = form.cleaned_data["months"]
        try:
            retention.set_retention(council=council, months=months, actor=request.user)
        except Refused as refusal:
            form.add_error(refusal.field or None, str(refusal))
        else:
            if months is None:
                messages.success(request, _("Saved: leavers' personal data is kept until you set a period."))
            else:
                messages.success(request, ngettext("Saved: leavers' personal data is kept for %(months)d month after they leave.",
                                                   "Saved: leavers' personal data is kept for %(months)d months after they leave.",
                                                   months) % {"months": months})
            return redirect(reverse("ops:retention", args=[council.slug]))
    due = Paginator(retention.preview_for(council, today()), PER_PAGE).get_page(request.GET.get("due"))
    log = Paginator(access.erasures_visible_to(request.scope).filter(council=council), PER_PAGE).get_page(request.GET.get("log"))
    log.object_list = list(log.object_list)
    for entry in log.object_list:  # the apps' labels, not their internal keys
        entry.touched_labelled = [(retention.app_label(app), count) for app, count in entry.touched]
    return TemplateResponse(request, "ops/retention.html", {
        "council": council, "form": form, "rule": rule, "due": _pages(request, due, "due"), "log": _pages(request, log, "log"),
    })
