"""A council's leads make and revoke its API tokens in the browser; a new token is shown once."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from partnering.access.api import can_manage_tokens, token_for
from partnering.access.organisations import council_for
from partnering.access.scope import not_found, scope_of
from partnering.core.forms import GovUKForm

from .models import ApiToken
from .services import api_token_create, api_token_revoke

NEW_TOKEN = "api:new-token"


class TokenForm(GovUKForm):
    name = forms.CharField(label=gettext_lazy("What will use the token"), max_length=100,
                           help_text=gettext_lazy("For example “HR system (iTrent)” or “Learning system”."),
                           error_messages={"required": gettext_lazy("Enter a name that says what will use the token")})


@login_required
def tokens(request, slug):
    scope = scope_of(request.user)
    council = council_for(scope, slug)
    if not can_manage_tokens(scope, council):
        raise not_found()
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = api_token_create(actor=request.user, council=council, name=form.cleaned_data["name"])
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            request.session[NEW_TOKEN] = {"pk": token.pk, "secret": secret}
            return redirect("api:tokens", slug=council.slug)
    new = request.session.pop(NEW_TOKEN, None)
    context = {
        "council": council, "form": form, "new": new,
        "tokens": ApiToken.objects.filter(council=council).select_related("created_by").order_by("revoked_at", "-created_at"),
    }
    return TemplateResponse(request, "api/tokens.html", context)


@login_required
@require_POST
def token_revoke(request, pk):
    scope = scope_of(request.user)
    token = token_for(scope, pk)
    api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token “%(name)s” is revoked: it no longer works.") % {"name": token.name})
    return redirect("api:tokens", slug=token.council.slug)
