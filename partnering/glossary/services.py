from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from partnering.access import require, scope_of
from partnering.access.glossary import can_add_local_name, can_edit_terms
from partnering.core import audit

from .models import LocalSynonym, Term


@audit.actor_argument()
@transaction.atomic
def term_save(*, term: Term, actor) -> Term:
    require(can_edit_terms(scope_of(actor)), "Only coordinators edit the shared glossary.")
    term.updated_by = actor
    term.full_clean()
    term.save()
    return term


@audit.actor_argument()
@transaction.atomic
def local_synonym_add(*, term: Term, council, actor, text: str) -> LocalSynonym:
    require(can_add_local_name(scope_of(actor), council), "Only the council's lead adds its local names.")
    try:
        with transaction.atomic():
            synonym = LocalSynonym.objects.create(term=term, council=council, text=text.strip())
    except IntegrityError:
        raise ValidationError({"text": _("%(council)s already uses “%(text)s” for a term.") % {"council": council.short_name, "text": text}}) from None
    Term.objects.filter(pk=term.pk).update(updated_by=actor)  # touches updated_at: the matcher re-runs
    return synonym
