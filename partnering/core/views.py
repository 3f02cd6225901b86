from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.utils import DatabaseError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from partnering.organisations.models import Council

from .middleware import SESSION_KEY
from .selectors import home_summary


@require_GET
@never_cache
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "error"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def home(request):
    return TemplateResponse(request, "core/home.html", home_summary(person=request.user, viewer=request.scope, council=request.acting_council))


@login_required
@require_POST
def switch_council(request):
    """Act for another council the person is currently employed by."""
    council = Council.objects.filter(slug=request.POST.get("council"), pk__in=request.scope.council_ids).first()
    if council is None:
        raise Http404(_("You are not employed by that council."))
    request.session[SESSION_KEY] = council.pk
    messages.success(request, _("You are now acting for %(council)s.") % {"council": council.name})
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
        next_url = "home"
    return redirect(next_url)
