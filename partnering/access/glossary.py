"""The shared English/Welsh glossary and councils' local names."""

from partnering.glossary.models import LocalSynonym, Term

from .scope import Scope, get_or_404, not_found
from .sharing import led_by


def terms_visible_to(scope: Scope):
    return Term.objects.all() if scope.is_signed_in or scope.is_superuser else Term.objects.none()


def term_for(scope: Scope, pk) -> Term:
    return get_or_404(terms_visible_to(scope).prefetch_related("local_synonyms__council"), pk=pk)


def can_edit_terms(scope: Scope) -> bool:
    """Coordinators keep the shared glossary."""
    return scope.is_superuser or bool(scope.coordinated_partnership_ids)


def term_for_editing(scope: Scope, pk) -> Term:
    if not can_edit_terms(scope):
        raise not_found()
    return term_for(scope, pk)


def can_add_local_name(scope: Scope, council) -> bool:
    """A council's leads say what their council calls a term."""
    return council is not None and scope.leads(council.pk)


def local_names_editable_by(scope: Scope):
    return led_by(scope, LocalSynonym.objects.all())
