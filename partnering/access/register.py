"""The public register: anyone, signed in or not, reads what the councils published, and nothing else.

Only projects marked published appear, and only their public fields (purpose, partners and roles, lead,
dates, funding by funder, results, benefits, enablers, barriers, status); private notes, risks, decisions and
the people named never do. The register's pages and open data take their projects from here alone."""

import re

from partnering.programmes.models import Project

from .scope import Scope, get_or_404


def register_projects_visible_to(scope: Scope):
    """The same for every scope: published projects only."""
    return Project.objects.filter(published=True)


def register_project_for(scope: Scope, identifier: str) -> Project:
    """A published project by its stable identifier ("PRT-<number>"), or 404 whether missing or unpublished."""
    number = identifier[4:] if isinstance(identifier, str) and identifier.startswith("PRT-") else ""
    if not re.fullmatch(r"[0-9]{1,18}", number):  # ASCII digits only: str.isdigit() also takes "²", which int() refuses
        return get_or_404(Project.objects.none(), pk=0)
    return get_or_404(register_projects_visible_to(scope).select_related("programme__partnership", "lead_council"), pk=int(number))
