"""Signing in with a council account, the second factor, and leads' approvals of first sign-ins."""

from __future__ import annotations

import base64
from urllib.parse import urlsplit

from allauth.mfa.adapter import get_adapter as mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret, validate_totp_code
from axes.helpers import get_client_ip_address
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from requests import RequestException

from partnering.access.identity import access_request_for, access_requests_visible_to, can_decide_access_request
from partnering.access.scope import not_found, scope_of
from partnering.core.auth_forms import EmailAuthenticationForm, over_limit
from partnering.people.models import Person

from . import services, two_factor
from .adapters import CouncilSocialAccountAdapter
from .forms import CodeForm, CouncilSignInForm, SetupCodeForm
from .models import AccessRequest, IdentityProvider, SignIn

SETUP_SECRET = "identity:totp-secret"
MAX_CODE_TRIES = 5


class SignInView(auth_views.LoginView):
    """Django's sign-in with email and password, beside "Sign in with your council account"; someone
    with an authenticator app gives its code before they are signed in."""

    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("sso_form", CouncilSignInForm())
        return context

    def render_to_response(self, context, **kwargs):
        return allow_council_sign_in(super().render_to_response(context, **kwargs))

    def form_valid(self, form):
        person = form.get_user()
        self.request.partnering_sign_in = {"method": SignIn.Method.PASSWORD}
        if two_factor.has_two_factor(person):
            two_factor.stash(self.request, person, backend=person.backend, next_url=self.get_success_url(),
                             sign_in=self.request.partnering_sign_in)
            return redirect("identity:two-factor")
        return super().form_valid(form)


def allow_council_sign_in(response):
    """The sign-in page's form goes to Partnering, which redirects to the council's provider; browsers hold that
    redirect to the page's form-action, so the providers' own addresses are added to it on this page only."""
    origins = sorted({origin(provider.issuer) for provider in IdentityProvider.objects.filter(is_active=True).only("issuer")})
    if origins:
        response._csp_update = {"form-action": origins}
    return response


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _safe_next(request, url: str) -> str:
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return ""


def council_sign_in(request):
    """POST /accounts/sso/ with `email`: off to the provider of the council that owns the email's domain."""
    if request.method != "POST":
        return redirect("login")
    form = CouncilSignInForm(request.POST)
    if form.is_valid():
        provider = services.provider_for_email(form.cleaned_data["email"])
        if provider is None:
            form.add_error("email", _("Partnering does not know a council that signs in with this email address. "
                                      "Check it, or sign in with your email and password."))
        else:
            app = CouncilSocialAccountAdapter._app(provider)
            from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

            oidc = OpenIDConnectProvider(request, app=app)
            try:
                auth_params = {**oidc.get_auth_params(), "login_hint": form.cleaned_data["email"]}
                return oidc.redirect(request, process="login", next_url=_safe_next(request, request.POST.get("next", "")) or None,
                                     auth_params=auth_params)
            except (RequestException, ValueError, KeyError):  # the provider could not be reached or answered nonsense: say so
                form.add_error("email", _("Your council's sign-in service cannot be reached just now. Try again later, "
                                          "or sign in with your email and password."))
    login_form = EmailAuthenticationForm(request)
    return allow_council_sign_in(TemplateResponse(request, "registration/login.html",
                                                  {"form": login_form, "sso_form": form, "next": request.POST.get("next", "")}))


def _pending(request):
    pending = request.session.get(two_factor.PENDING)
    if not pending:
        return None, None
    person = Person.objects.filter(pk=pending["person"], is_active=True).first()
    return pending, person


@sensitive_post_parameters("code")
def two_factor_challenge(request):
    """The second step of signing in: a code from the authenticator app, or one recovery code."""
    pending, person = _pending(request)
    if person is None:
        request.session.pop(two_factor.PENDING, None)
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address = get_client_ip_address(request) or "unknown"
        if over_limit(f"two-factor:{person.pk}:{address}", settings.PARTNERING_TWO_FACTOR_TRIES):
            form.add_error("code", _("There have been too many wrong codes. Wait a while, then sign in again."))
            request.session.pop(two_factor.PENDING, None)
            return TemplateResponse(request, "identity/two_factor.html", {"form": form}, status=429)
        code = form.cleaned_data["code"]
        if _code_is_right(person, code):
            two_factor.complete(request, person, pending)
            return HttpResponseRedirect(_safe_next(request, pending.get("next", "")) or reverse(settings.LOGIN_REDIRECT_URL))
        form.add_error("code", _("The code is not right. Check your authenticator app and enter the code it shows now."))
    return TemplateResponse(request, "identity/two_factor.html", {"form": form})


def _code_is_right(person, code: str) -> bool:
    for authenticator in Authenticator.objects.filter(user=person):
        if authenticator.type == Authenticator.Type.TOTP and code.isdigit() and TOTP(authenticator).validate_code(code):
            return True
        if authenticator.type == Authenticator.Type.RECOVERY_CODES and RecoveryCodes(authenticator).validate_code(code):
            return True
    return False


@login_required
@sensitive_post_parameters("code")
def two_factor_setup(request):
    """Add an authenticator app: scan the QR code (or type the key), then give one code it shows. Recovery
    codes are shown once, at the end."""
    person = request.user
    if two_factor.has_two_factor(person):
        return TemplateResponse(request, "identity/two_factor_setup.html", {"already": True})
    secret = request.session.get(SETUP_SECRET) or generate_totp_secret()
    request.session[SETUP_SECRET] = secret
    form = SetupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if validate_totp_code(secret, form.cleaned_data["code"]):
            TOTP.activate(person, secret)
            codes = RecoveryCodes.activate(person).get_unused_codes()
            request.session.pop(SETUP_SECRET, None)
            request.session.pop(two_factor.SETUP_REQUIRED, None)
            return TemplateResponse(request, "identity/recovery_codes.html", {"codes": codes})
        form.add_error("code", _("The code is not right. Check the app shows Partnering, and enter the code it shows now."))
    url = mfa_adapter().build_totp_url(person, secret)
    svg = mfa_adapter().build_totp_svg(url)
    context = {"form": form, "secret": secret, "qr": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
               "required": bool(request.session.get(two_factor.SETUP_REQUIRED))}
    return TemplateResponse(request, "identity/two_factor_setup.html", context)


@login_required
def access_requests(request):
    """A lead's list of people waiting to use Partnering after first signing in with their council account."""
    scope = scope_of(request.user)
    if not scope.lead_council_ids and not scope.is_superuser:
        raise not_found()
    requests = access_requests_visible_to(scope).select_related("council", "decided_by")
    pending = [r for r in requests if r.status == AccessRequest.Status.PENDING]
    decided = Paginator([r for r in requests if r.status != AccessRequest.Status.PENDING], 25).get_page(request.GET.get("page"))
    return TemplateResponse(request, "identity/access_requests.html",
                            {"pending": [(r, can_decide_access_request(scope, r)) for r in pending], "decided": decided})


@login_required
@require_POST
def access_request_decide(request, pk):
    scope = scope_of(request.user)
    access_request = access_request_for(scope, pk)
    approve = request.POST.get("decision") == "approve"
    if request.POST.get("decision") not in ("approve", "decline"):
        messages.error(request, _("Choose whether to approve or decline the request."))
        return redirect("identity:access-requests")
    try:
        services.access_request_decide(actor=request.user, access_request=access_request, approve=approve)
    except PermissionDenied:
        raise not_found() from None
    if approve:
        messages.success(request, _("%(name)s can now sign in with their council account.") % {"name": access_request.full_name})
    else:
        messages.success(request, _("You declined %(name)s's request.") % {"name": access_request.full_name})
    return redirect("identity:access-requests")

