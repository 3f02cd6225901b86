"""The Welsh catalogue's editing pages for site administrators (django-rosetta, at /admin/translations/).

Only superusers may use them (settings.ROSETTA_ACCESS_CONTROL_FUNCTION names `can_translate`), and only
our own catalogue, locale/cy/LC_MESSAGES/django.po, is offered: Rosetta's other lists (Django's and other
packages' catalogues) lead back to ours. Rosetta writes the .po and compiles the .mo on the server;
those changes must be copied back into the repository (download the .po from the page and commit it),
or the next deployment replaces them.
"""

from django.urls import include, re_path, reverse_lazy
from django.views.generic.base import RedirectView


def can_translate(user) -> bool:
    """Whether this person may edit the Welsh catalogue: site administrators (superusers) only."""
    # Candidate for partnering/access once that layer has a rule for site administration.
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


urlpatterns = [
    re_path(
        r"^files/(?!project/)[\w-]+/",
        RedirectView.as_view(url=reverse_lazy("rosetta-file-list", kwargs={"po_filter": "project"})),
    ),
    re_path(r"", include("rosetta.urls")),
]
