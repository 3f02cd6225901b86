from django.conf import settings
from django.utils.cache import patch_cache_control

from partnering.access import scope_of

from . import audit

SESSION_KEY = "acting_council_id"


def acting_council(request):
    """The council the person is acting for: the one chosen in the switcher if they are
    still employed there, otherwise their earliest current employment."""
    scope = getattr(request, "scope", None) or scope_of(getattr(request, "user", None))
    if not scope.council_ids:
        return None
    from partnering.people.models import Employment

    chosen = request.session.get(SESSION_KEY)
    employments = Employment.objects.current().filter(person_id=scope.person_id).select_related("council")
    if chosen in scope.council_ids:
        employments = employments.filter(council_id=chosen)
    first = employments.order_by("start_on", "pk").first()
    return first.council if first else None


class ActingCouncilMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.acting_council = acting_council(request)
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Pages for a signed-in person carry their own people's data: no browser or proxy may keep a copy
    (the back button after signing out on a shared computer, a caching proxy). A view that set its own
    Cache-Control keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class PermissionsPolicyMiddleware:
    """Switches off browser features Partnering never uses (camera, microphone, location, payment, USB...)
    for every page, from settings.PERMISSIONS_POLICY: {feature: [allowed origins]}, an empty list for none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        header = ", ".join(f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items())
        if header:
            response.headers.setdefault("Permissions-Policy", header)
        return response


class AuditMiddleware:
    """Changes made while answering a request are recorded as made by whoever is signed in at the time
    (read when each change is recorded, so a sign-in or sign-out part-way through is seen), through the web."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit.acting_as(lambda: getattr(request, "user", None), source="web"):
            return self.get_response(request)
