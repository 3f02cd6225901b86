"""Who the viewer is connected to: the one place that answers "which councils and
partnerships may this person see and act for?".

Every `visible_to(user)` queryset method builds on `scope_for(user)`, so a rule
changes here or nowhere.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone


def today() -> datetime.date:
    return timezone.localdate()


def current_on(day: datetime.date, start: str, end: str) -> Q:
    """Rows whose [start, end] date range includes `day`; an empty end means open-ended."""
    return Q(**{f"{start}__lte": day}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day}))


@dataclass(frozen=True)
class Scope:
    person_id: int | None
    is_superuser: bool
    council_ids: frozenset[int]
    lead_council_ids: frozenset[int]
    partnership_ids: frozenset[int]
    coordinated_partnership_ids: frozenset[int]
    coordinated_council_ids: frozenset[int]
    board_partnership_ids: frozenset[int]

    @property
    def is_signed_in(self) -> bool:
        return self.person_id is not None

    def can_manage_council(self, council_id: int) -> bool:
        return self.is_superuser or council_id in self.lead_council_ids


ANONYMOUS = Scope(None, False, *(frozenset(),) * 6)


def scope_for(user) -> Scope:
    """The viewer's scope, computed once per request and kept on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_partnering_scope", None)
    if cached is not None:
        return cached

    from partnering.organisations.models import Membership
    from partnering.people.models import CouncilRole, Employment, PartnershipRole

    day = today()
    employments = Employment.objects.filter(current_on(day, "start_on", "end_on"), person=user)
    council_ids = frozenset(employments.values_list("council_id", flat=True))
    lead_council_ids = frozenset(
        employments.filter(roles__role=CouncilRole.Role.LEAD).values_list("council_id", flat=True)
    )
    roles = PartnershipRole.objects.filter(current_on(day, "start_on", "end_on"), person=user)
    coordinated = frozenset(roles.filter(role=PartnershipRole.Role.COORDINATOR).values_list("partnership_id", flat=True))
    board = frozenset(roles.filter(role=PartnershipRole.Role.BOARD).values_list("partnership_id", flat=True))
    current_memberships = Membership.objects.filter(current_on(day, "joined_on", "left_on"))
    via_councils = frozenset(
        current_memberships.filter(council_id__in=council_ids).values_list("partnership_id", flat=True)
    )
    coordinated_councils = frozenset(
        current_memberships.filter(partnership_id__in=coordinated).values_list("council_id", flat=True)
    )
    scope = Scope(
        person_id=user.pk,
        is_superuser=user.is_superuser,
        council_ids=council_ids,
        lead_council_ids=lead_council_ids,
        partnership_ids=via_councils | coordinated | board,
        coordinated_partnership_ids=coordinated,
        coordinated_council_ids=coordinated_councils,
        board_partnership_ids=board,
    )
    user._partnering_scope = scope
    return scope


def forget_scope(user) -> None:
    """Call after changing someone's employments or roles within the same request."""
    user.__dict__.pop("_partnering_scope", None)
