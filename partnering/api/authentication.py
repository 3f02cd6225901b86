"""API tokens: `Authorization: Bearer ptk_…`. The request then acts for the token's council, as its system."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .models import PREFIX, ApiToken, hash_token


class CouncilClient:
    """Who a token-authenticated request is: a council's system, not a person."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_staff = False
    is_superuser = False
    pk = None

    def __init__(self, token: ApiToken):
        self.token = token
        self.council = token.council

    def __str__(self):
        return f"{self.council} ({self.token.name})"


class CouncilTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].decode(errors="replace").lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the token after the word Bearer, with one space between."))
        secret = header[1].decode(errors="replace")
        if not secret.startswith(PREFIX + "_"):
            raise exceptions.AuthenticationFailed(_("This is not a Partnering API token."))
        token = ApiToken.objects.select_related("council").filter(hashed=hash_token(secret)).first()
        if token is None or token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("The token is not known or has been revoked."))
        now = timezone.now()
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)  # at most once a minute: not an audited change
        return CouncilClient(token), token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


try:
    from drf_spectacular.extensions import OpenApiAuthenticationExtension

    class CouncilTokenScheme(OpenApiAuthenticationExtension):
        target_class = "partnering.api.authentication.CouncilTokenAuthentication"
        name = "token"

        def get_security_definition(self, auto_schema):
            return {"type": "http", "scheme": "bearer", "description": "A council's API token (ptk_…)"}
except ImportError:  # pragma: no cover
    pass
