"""What a staff user who is not a superuser may see, add and change in the admin: the same rules as everywhere else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from partnering.core.models import AuditEntry
from partnering.organisations.models import Council, Membership, Partnership, Venue
from partnering.people.models import CouncilRole, Employment, PartnershipRole, Person

from . import organisations, people
from .audit import audit_entries_visible_to
from .scope import Scope


def _coordinated_partnerships(scope: Scope):
    return Partnership.objects.all() if scope.is_superuser else Partnership.objects.filter(pk__in=scope.coordinated_partnership_ids)


def _partnership_roles_visible_to(scope: Scope):
    return PartnershipRole.objects.filter(partnership__in=_coordinated_partnerships(scope))


def _nothing(model):
    return lambda scope: model.objects.all() if scope.is_superuser else model.objects.none()


@dataclass(frozen=True)
class AdminRule:
    visible: Callable[[Scope], object]  # the rows listed
    editable: Callable[[Scope], object]  # the rows that may be changed or deleted
    may_add: Callable[[Scope], bool]


RULES: dict[type, AdminRule] = {
    Council: AdminRule(organisations.councils_visible_to, organisations.councils_led_by, lambda s: s.is_superuser),
    Partnership: AdminRule(organisations.partnerships_visible_to, _coordinated_partnerships, lambda s: s.is_superuser),
    Membership: AdminRule(organisations.memberships_visible_to,
                          lambda s: Membership.objects.filter(partnership__in=_coordinated_partnerships(s)),
                          lambda s: s.is_superuser or bool(s.coordinated_partnership_ids)),
    Venue: AdminRule(organisations.venues_visible_to, organisations.venues_editable_by, lambda s: s.is_superuser or bool(s.lead_council_ids)),
    # People's accounts (and their permission flags) are changed by site administrators only.
    Person: AdminRule(people.people_visible_to, _nothing(Person), lambda s: s.is_superuser),
    Employment: AdminRule(people.employments_visible_to, people.employments_editable_by,
                          lambda s: s.is_superuser or bool(s.lead_council_ids)),
    CouncilRole: AdminRule(lambda s: CouncilRole.objects.filter(employment__in=people.employments_visible_to(s)),
                           lambda s: CouncilRole.objects.filter(employment__in=people.employments_editable_by(s)),
                           lambda s: s.is_superuser or bool(s.lead_council_ids)),
    PartnershipRole: AdminRule(_partnership_roles_visible_to, _partnership_roles_visible_to,
                               lambda s: s.is_superuser or bool(s.coordinated_partnership_ids)),
    AuditEntry: AdminRule(audit_entries_visible_to, _nothing(AuditEntry), lambda s: False),
}

# Foreign keys in admin forms offer only what the person may attach a record to.
CHOICES: dict[type, Callable[[Scope], object]] = {
    Council: organisations.councils_led_by,
    Partnership: _coordinated_partnerships,
    Person: people.people_visible_to,
    Venue: organisations.venues_editable_by,
    Employment: people.employments_editable_by,
}


def rule_for(model) -> AdminRule:
    return RULES[model]


def visible_rows(scope: Scope, model):
    return rule_for(model).visible(scope)


def can_change_row(scope: Scope, obj) -> bool:
    rule = RULES.get(type(obj))
    return rule is not None and rule.editable(scope).filter(pk=obj.pk).exists()


def can_add_row(scope: Scope, model) -> bool:
    return rule_for(model).may_add(scope)


# Fields whose choices follow their own rule rather than their related model's.
FIELD_CHOICES: dict[tuple[type, str], Callable[[Scope], object]] = {
    # A council's record is shared with a partnership the councils this person leads belong to.
    (Venue, "shared_with"): lambda s: Partnership.objects.filter(pk__in=s.lead_partnership_ids),
    # A coordinator manages which councils are members of their partnership.
    (Membership, "council"): lambda s: Council.objects.all() if s.coordinated_partnership_ids else Council.objects.none(),
}


def choices_for(scope: Scope, db_field, default):
    """The rows a foreign key or many-to-many field may point at; site administrators keep the default."""
    if scope.is_superuser:
        return default
    rule = FIELD_CHOICES.get((db_field.model, db_field.name)) or CHOICES.get(db_field.related_model)
    return rule(scope) if rule else default
