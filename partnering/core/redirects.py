"""Where to go after an action: only ever a path on this site."""

from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def same_site_path(candidate: str | None) -> str | None:
    """The candidate if it is a path on this site ("/…", not "//…" or "http://…"), else None."""
    if not candidate or not candidate.startswith("/") or candidate.startswith("//") or "\\" in candidate:
        return None
    if not url_has_allowed_host_and_scheme(candidate, allowed_hosts=set()):
        return None
    return candidate


def redirect_next(request, default, *args):
    """Redirect to the POSTed (or GET) `next` when it is a same-site path, otherwise to `default`."""
    target = same_site_path(request.POST.get("next") or request.GET.get("next"))
    return redirect(target or resolve_url(default, *args))
