"""django-allauth, told about Partnering: each council's OpenID Connect provider comes from its
IdentityProvider (no allauth SocialApp rows), the ID token is checked against the council's own issuer,
tenant and domains, and a first sign-in links or creates the person. Errors land on a Partnering page."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import two_factor
from .claims import Refused, accepted_email
from .models import AccessRequest, IdentityProvider, SignIn

PROVIDER = "openid_connect"

REFUSALS = {
    "issuer": lambda: _("Your council's identity provider is not the one Partnering expects, so you cannot sign in this way. Ask your council's IT team to check the set-up."),
    "tenant": lambda: _("Your account belongs to a different Microsoft Entra tenant from your council's, so you cannot sign in this way."),
    "no_email": lambda: _("Your council's identity provider did not tell Partnering your email address. Ask your council's IT team to release the email claim."),
    "unverified_email": lambda: _("Your council's identity provider has not verified your email address, and it is not one of your council's email domains."),
    "inactive": lambda: _("Your Partnering account has been deactivated. Ask your council's L&D or HR lead."),
    "failed": lambda: _("Signing in with your council account did not work. Try again, or sign in with your email and password."),
    "declined": lambda: _("Your council's lead has declined your request to use Partnering."),
}


def refusal(request, reason: str, status: int = 403):
    return TemplateResponse(request, "identity/refused.html", {"message": REFUSALS[reason](), "reason": reason}, status=status)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False  # people arrive by their council's provider (or are added by their lead), never by a sign-up form

    def get_login_stages(self):
        return []  # the second factor is asked by Partnering's own page, for password and council sign-in alike

    def pre_login(self, request, user, **kwargs):
        if not user.is_active:
            raise ImmediateHttpResponse(refusal(request, "inactive"))
        sociallogin = kwargs.get("sociallogin")
        if two_factor.has_two_factor(user):
            two_factor.stash(request, user, backend="allauth.account.auth_backends.AuthenticationBackend",
                             next_url=kwargs.get("redirect_url") or "", sign_in=getattr(request, "partnering_sign_in", {}))
            return redirect("identity:two-factor")
        del sociallogin
        return None

    def send_mail(self, template_prefix, email, context):
        return None  # Partnering sends its own emails; allauth's (account connected and the like) are not used


class CouncilSocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(self, request, provider=None, client_id=None):
        providers = IdentityProvider.objects.filter(is_active=True).select_related("council")
        if provider and provider != PROVIDER:
            providers = providers.filter(council__slug=provider)
        if client_id:
            providers = providers.filter(client_id=client_id)
        return [self._app(idp) for idp in providers]

    @staticmethod
    def _app(idp: IdentityProvider):
        from allauth.socialaccount.models import SocialApp

        return SocialApp(
            provider=PROVIDER, provider_id=idp.council.slug, name=idp.council.name, client_id=idp.client_id, secret=idp.client_secret,
            # The ID token carries everything needed (and is what is checked); no second call to userinfo.
            settings={"server_url": idp.issuer, "fetch_userinfo": False, "pkce_enabled": True, "uid_field": "sub"},
        )

    def is_auto_signup_allowed(self, request, sociallogin):
        return True

    def on_authentication_error(self, request, provider, error=None, exception=None, extra_context=None):
        """Cancelled at the provider, a stale or forged state, an ID token that fails allauth's checks (signature,
        audience, the provider's own issuer): back to the sign-in page, saying so."""
        messages.error(request, REFUSALS["failed"]())
        raise ImmediateHttpResponse(redirect("login"))

    def pre_social_login(self, request, sociallogin):
        """Checks the verified ID token against the council's configuration, then links the sign-in to
        its person (creating them the first time) so allauth signs that person in."""
        idp = IdentityProvider.objects.select_related("council").filter(council__slug=sociallogin.account.provider, is_active=True).first()
        if idp is None:
            messages.error(request, REFUSALS["failed"]())
            raise ImmediateHttpResponse(redirect("login"))
        claims = (sociallogin.account.extra_data or {}).get("id_token") or {}
        try:
            email = accepted_email(idp.rules, claims)
        except Refused as refused:
            raise ImmediateHttpResponse(refusal(request, refused.reason)) from None
        first_time = not sociallogin.is_existing
        request.partnering_sign_in = {"method": SignIn.Method.COUNCIL, "council": idp.council_id, "first_time": first_time}
        if not first_time:
            return
        from .services import person_for_first_sign_in

        found = person_for_first_sign_in(provider=idp, email=email, claims=claims)
        if isinstance(found, AccessRequest):
            if found.status == AccessRequest.Status.DECLINED:
                raise ImmediateHttpResponse(refusal(request, "declined"))
            raise ImmediateHttpResponse(TemplateResponse(request, "identity/awaiting_approval.html", {"access_request": found}, status=403))
        if not found.is_active:
            raise ImmediateHttpResponse(refusal(request, "inactive"))
        sociallogin.user = found
        sociallogin.account.user = found
        sociallogin.account.save()
