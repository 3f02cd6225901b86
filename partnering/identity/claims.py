"""Checking what a council's identity provider says about someone, before Partnering believes it.

Plain Python (no Django import), so the rules can be read and tested on their own and run from the
command line: `python -m partnering.identity check-claims --issuer URL --domains a.gov.uk < claims.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Microsoft Entra ID's v2.0 issuer names one tenant: https://login.microsoftonline.com/<tenant id>/v2.0
ENTRA_ISSUER = re.compile(r"^https://login\.microsoftonline\.com/(?P<tenant>[^/]+)/v2\.0$", re.IGNORECASE)
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
# Entra's multi-tenant names accept any organisation's (or any Microsoft) account: never a council's issuer.
ENTRA_WILDCARDS = {"common", "organizations", "consumers", "{tenantid}"}
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class ConfigurationError(ValueError):
    """A provider's configuration that must not be saved; the message names what is wrong."""


class Refused(ValueError):
    """Claims that must not sign anyone in; `reason` is a short code, the message says why in words."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class ProviderRules:
    issuer: str
    tenant_id: str  # Entra's tenant (the `tid` claim must equal it); blank for other providers
    domains: tuple[str, ...]


def normalise_domains(text: str) -> tuple[str, ...]:
    """"Cardiff.gov.uk, @cardiff.gov.uk" -> ("cardiff.gov.uk",); every domain checked, none twice."""
    domains: list[str] = []
    for raw in re.split(r"[,\s]+", text or ""):
        domain = raw.strip().lower().lstrip("@").rstrip(".")
        if not domain:
            continue
        if not DOMAIN.match(domain):
            raise ConfigurationError(f"“{raw.strip()}” is not an email domain (for example council.gov.uk).")
        if domain not in domains:
            domains.append(domain)
    if not domains:
        raise ConfigurationError("Give at least one email domain, for example council.gov.uk.")
    return tuple(domains)


def check_issuer(issuer: str) -> tuple[str, str]:
    """The issuer exactly as the provider writes it in its tokens, and Entra's tenant id taken from it.
    Refuses a wildcard (Entra's common, organizations or consumers), plain HTTP other than to this
    machine, and anything that is not an absolute URL."""
    issuer = (issuer or "").strip()
    if not re.match(r"^https?://[^/\s]+(/\S*)?$", issuer):
        raise ConfigurationError("The issuer must be the provider's full address, for example https://login.example.org/realm.")
    if "*" in issuer:
        raise ConfigurationError("The issuer must name one provider exactly: a wildcard is not allowed.")
    host = re.match(r"^https?://([^/:]+)", issuer).group(1).lower()
    if issuer.startswith("http://") and host not in {"localhost", "127.0.0.1", "::1"}:
        raise ConfigurationError("The issuer must use https:// (plain http only for a provider on this machine).")
    tenant = ""
    entra = ENTRA_ISSUER.match(issuer)
    if entra:
        tenant = entra.group("tenant").lower()
        if tenant in ENTRA_WILDCARDS or not GUID.match(tenant):
            raise ConfigurationError(
                "A Microsoft Entra issuer must name the council's tenant id "
                "(https://login.microsoftonline.com/<tenant id>/v2.0), not common, organizations or consumers."
            )
    elif "login.microsoftonline.com" in host:
        raise ConfigurationError("A Microsoft Entra issuer looks like https://login.microsoftonline.com/<tenant id>/v2.0.")
    return issuer, tenant


def _truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "1", "yes"}


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].lower() if "@" in email else ""


def accepted_email(rules: ProviderRules, claims: dict) -> str:
    """The email address the verified ID token's claims sign in, or Refused.

    The issuer must equal the council's configured issuer exactly, and for Entra the tenant (tid) its
    tenant. The email must be verified by the provider (`email_verified`) or belong to the council's domains."""
    if claims.get("iss") != rules.issuer:
        raise Refused("issuer", "The sign-in came from a different identity provider than the one set up for this council.")
    if rules.tenant_id and str(claims.get("tid", "")).lower() != rules.tenant_id:
        raise Refused("tenant", "The sign-in came from a different Microsoft Entra tenant than the one set up for this council.")
    email = str(claims.get("email") or "").strip().lower()
    if not email or "@" not in email:
        raise Refused("no_email", "The council's identity provider did not give an email address.")
    if not (_truthy(claims.get("email_verified", False)) or email_domain(email) in rules.domains):
        raise Refused("unverified_email", "The council's identity provider has not verified this email address, and it is not one of the council's domains.")
    return email


def display_name(claims: dict, email: str) -> str:
    name = str(claims.get("name") or "").strip()
    if not name:
        name = " ".join(str(claims.get(key) or "").strip() for key in ("given_name", "family_name")).strip()
    return name or email.split("@")[0]
