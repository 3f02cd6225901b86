from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import readiness


@require_GET
@never_cache
def live(request):
    """The process is up and answering (no database needed): restart it if this fails."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def ready(request):
    """Send it traffic only if this is 200: database, migrations, worker heartbeat and queue depth."""
    ok, checks = readiness()
    return JsonResponse({"status": "ok" if ok else "unavailable", **checks}, status=200 if ok else 503)
