from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from partnering.access import glossary as access
from partnering.core.forms import save_with

from . import services
from .forms import LocalSynonymForm, TermForm
from .models import Term


@login_required
def term_list(request):
    query = request.GET.get("q", "").strip()
    terms = access.terms_visible_to(request.scope).search(query).prefetch_related("local_synonyms__council")
    page = Paginator(terms, 50).get_page(request.GET.get("page"))
    return TemplateResponse(request, "glossary/term_list.html", {
        "page": page, "query": query, "can_edit": access.can_edit_terms(request.scope)})


@login_required
def term_detail(request, pk):
    term = access.term_for(request.scope, pk)
    council = request.acting_council
    can_add_local = access.can_add_local_name(request.scope, council)
    form = LocalSynonymForm(request.POST or None)
    if request.method == "POST":
        if not can_add_local:
            raise Http404(_("Page not found"))
        if form.is_valid() and save_with(form, partial(services.local_synonym_add, term=term, council=council, actor=request.user)):
            messages.success(request, _("Added your council's name for %(term)s.") % {"term": term.english})
            return redirect(term)
    return TemplateResponse(request, "glossary/term_detail.html", {
        "term": term, "form": form, "can_add_local": can_add_local, "council": council, "can_edit": access.can_edit_terms(request.scope)})


@login_required
def term_edit(request, pk=None):
    if not access.can_edit_terms(request.scope):
        raise Http404(_("Page not found"))
    term = access.term_for_editing(request.scope, pk) if pk else Term()
    form = TermForm(request.POST or None, instance=term)
    if request.method == "POST" and form.is_valid():
        services.term_save(term=form.instance, actor=request.user)
        messages.success(request, _("Glossary term saved."))
        return redirect(form.instance)
    return TemplateResponse(request, "glossary/term_form.html", {"form": form, "term": term if pk else None})
