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


def my_data(request):
    """Everything Partnering holds about the signed-in person, as JSON to download."""
    import json

    from django.contrib.auth.views import redirect_to_login
    from django.http import HttpResponse

    from .personal_data import everything_about

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    report = everything_about(request.user)
    response = HttpResponse(json.dumps({"person": report.person, **report.sections}, indent=2, ensure_ascii=False),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="partnering-my-data.json"'
    return response
