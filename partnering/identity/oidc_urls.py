"""allauth's OpenID Connect sign-in and callback, under the names allauth reverses, with Partnering's manners:
starting is a POST (a GET shows the sign-in page), and a provider that cannot be reached is a message, never a 500."""

import logging

from allauth.socialaccount.providers.openid_connect import views as oidc
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from requests import RequestException

from .adapters import REFUSALS
from .models import IdentityProvider

logger = logging.getLogger(__name__)


def _guarded(view, request, provider_id):
    from partnering.access.scope import not_found

    if not IdentityProvider.objects.filter(council__slug=provider_id, is_active=True).exists():
        raise not_found()
    try:
        return view(request, provider_id)
    except (RequestException, ValueError, KeyError):
        logger.warning("Council sign-in: the provider for %s could not be reached or answered nonsense", provider_id, exc_info=True)
        messages.error(request, REFUSALS["failed"]())
        return redirect("login")


def login(request, provider_id):
    if request.method != "POST":
        return redirect("login")
    return _guarded(oidc.login, request, provider_id)


def callback(request, provider_id):
    return _guarded(oidc.callback, request, provider_id)


# /accounts/oidc/<council slug>/login/ and /accounts/oidc/<council slug>/login/callback/ (the redirect URI to register)
urlpatterns = [
    path("oidc/<slug:provider_id>/login/", login, name="openid_connect_login"),
    path("oidc/<slug:provider_id>/login/callback/", callback, name="openid_connect_callback"),
]
