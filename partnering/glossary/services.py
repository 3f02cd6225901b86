from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from partnering.core import audit
from partnering.core.models import AuditEntry
from partnering.core.tenancy import scope_for

from .models import LocalSynonym, Term


def can_edit_terms(user) -> bool:
    scope = scope_for(user)
    return scope.is_superuser or bool(scope.coordinated_partnership_ids)


@transaction.atomic
def term_save(*, term: Term, actor) -> Term:
    if not can_edit_terms(actor):
        raise PermissionDenied("Only coordinators edit the shared glossary.")
    before = audit.snapshot(Term.objects.get(pk=term.pk)) if term.pk else None
    term.updated_by = actor
    term.full_clean()
    term.save()
    audit.record(actor=actor, instance=term, action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE, before=before)
    return term


@transaction.atomic
def local_synonym_add(*, term: Term, council, actor, text: str) -> LocalSynonym:
    if not scope_for(actor).can_manage_council(council.pk):
        raise PermissionDenied("Only the council's lead adds its local names.")
    try:
        with transaction.atomic():
            synonym = LocalSynonym.objects.create(term=term, council=council, text=text.strip())
    except IntegrityError:
        raise ValidationError({"text": _("%(council)s already uses “%(text)s” for a term.") % {"council": council.short_name, "text": text}}) from None
    audit.record(actor=actor, instance=synonym, action=AuditEntry.Action.CREATE)
    Term.objects.filter(pk=term.pk).update(updated_by=actor)  # touches updated_at: the matcher re-runs
    return synonym
