"""API tokens: made (shown once) and revoked by a council's leads, or made by `create_api_token`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnering.access.api import can_manage_tokens
from partnering.access.scope import require, scope_of
from partnering.core import audit

from .models import ApiToken, hash_token, new_token


@audit.actor_argument("actor")
@transaction.atomic
def api_token_create(*, actor, council, name: str) -> tuple[ApiToken, str]:
    """The token and its secret, which is never stored and cannot be shown again. `actor` None: the command line."""
    if actor is not None:
        require(can_manage_tokens(scope_of(actor), council), "Only the council's leads make its API tokens.")
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Enter a name that says what will use the token")})
    if len(name) > 100:
        raise ValidationError({"name": _("The name must be 100 characters or fewer")})
    secret, lookup = new_token()
    token = ApiToken.objects.create(council=council, name=name, lookup=lookup, hashed=hash_token(secret), created_by=actor)
    return token, secret


@audit.actor_argument("actor")
@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    require(can_manage_tokens(scope_of(actor), token.council), "Only the council's leads revoke its API tokens.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token
