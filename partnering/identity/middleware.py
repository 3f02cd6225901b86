from django.shortcuts import redirect
from django.urls import reverse


class TwoFactorSetupMiddleware:
    """Someone who must use two-factor authentication and has no authenticator app yet (noted in their session
    when they signed in, so this costs no query) sets one up before anything else; signing out still works."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .two_factor import SETUP_REQUIRED

        session = getattr(request, "session", None)
        if session is not None and session.get(SETUP_REQUIRED) and request.user.is_authenticated:
            allowed = (reverse("identity:two-factor-setup"), reverse("logout"), reverse("set_language"))
            if request.path not in allowed and not request.path.startswith(("/static/", "/i18n/")):
                return redirect("identity:two-factor-setup")
        return self.get_response(request)
