from django.utils.functional import SimpleLazyObject

from .scope import scope_of


class ScopeMiddleware:
    """Computes `request.scope` once per request, when first asked for (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.scope = SimpleLazyObject(lambda: scope_of(getattr(request, "user", None)))
        return self.get_response(request)
