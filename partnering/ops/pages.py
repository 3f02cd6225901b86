"""Pages every visitor can read from the footer: privacy notice, accessibility statement, cookies, service status."""

from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from .health import readiness


def privacy(request):
    return TemplateResponse(request, "ops/privacy.html")


def accessibility(request):
    return TemplateResponse(request, "ops/accessibility.html")


def cookies(request):
    return TemplateResponse(request, "ops/cookies.html")


@never_cache
def status(request):
    """The service's state in words (the same checks as /health/ready)."""
    ok, checks = readiness()
    return TemplateResponse(request, "ops/status.html", {"ok": ok, "checks": checks}, status=200)
