"""The typed scope of whoever is asking, computed once per request or task."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from partnering.core.dates import current_on, today


class Kind(enum.Enum):
    PERSON = "person"
    COUNCIL_CLIENT = "council_client"  # a council's system through the API
    PUBLIC = "public"


@dataclass(frozen=True)
class Scope:
    kind: Kind
    person_id: int | None = None
    is_superuser: bool = False
    is_staff: bool = False
    council_ids: frozenset[int] = field(default_factory=frozenset)  # employers (or the client's council)
    lead_council_ids: frozenset[int] = field(default_factory=frozenset)  # councils whose L&D or HR lead this is
    partnership_ids: frozenset[int] = field(default_factory=frozenset)  # via employers, coordination or the board
    coordinated_partnership_ids: frozenset[int] = field(default_factory=frozenset)
    coordinated_council_ids: frozenset[int] = field(default_factory=frozenset)  # current members of those
    board_partnership_ids: frozenset[int] = field(default_factory=frozenset)
    lead_partnership_ids: frozenset[int] = field(default_factory=frozenset)  # partnerships of the councils they lead
    group_ids: frozenset[int] = field(default_factory=frozenset)  # community groups they are a current member of
    guest_group_ids: frozenset[int] = field(default_factory=frozenset)  # of those, the ones they joined as a guest

    @property
    def is_signed_in(self) -> bool:
        return self.kind is Kind.PERSON and self.person_id is not None

    @property
    def overseen_partnership_ids(self) -> frozenset[int]:
        """Partnerships whose shared figures this scope reads: coordinators, board members and member councils' leads."""
        return self.coordinated_partnership_ids | self.board_partnership_ids | self.lead_partnership_ids

    def leads(self, council_id: int | None) -> bool:
        """Acts as this council's L&D or HR lead (site administrators act for every council)."""
        return self.is_superuser or council_id in self.lead_council_ids

    def coordinates(self, partnership_id: int | None) -> bool:
        """Coordinates this partnership (site administrators coordinate every partnership)."""
        return self.is_superuser or partnership_id in self.coordinated_partnership_ids

    def oversees(self, partnership_id: int | None) -> bool:
        return self.is_superuser or partnership_id in self.overseen_partnership_ids


PUBLIC = Scope(Kind.PUBLIC)
ANONYMOUS = PUBLIC


def _memberships():
    from partnering.organisations.models import Membership

    return Membership.objects.filter(current_on(today(), "joined_on", "left_on"))


def scope_of(user) -> Scope:
    """The scope of a person (or the public for anyone not signed in). Not cached: call once per request or task."""
    if isinstance(user, Scope):
        return user
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return PUBLIC
    from partnering.people.models import CouncilRole, Employment, PartnershipRole

    day = today()
    # Four small reads on every request, without the models' default orderings (and the joins they would bring).
    employments = list(Employment.objects.filter(current_on(day, "start_on", "end_on"), person_id=user.pk).order_by()
                       .values_list("council_id", "roles__role"))
    council_ids = frozenset(c for c, _role in employments)
    lead_council_ids = frozenset(c for c, role in employments if role == CouncilRole.Role.LEAD)
    roles = list(PartnershipRole.objects.filter(current_on(day, "start_on", "end_on"), person_id=user.pk,
                                                role__in=(PartnershipRole.Role.COORDINATOR, PartnershipRole.Role.BOARD))
                 .order_by().values_list("partnership_id", "role"))
    coordinated = frozenset(p for p, role in roles if role == PartnershipRole.Role.COORDINATOR)
    board = frozenset(p for p, role in roles if role == PartnershipRole.Role.BOARD)
    from partnering.community.models import GroupMember

    # A member who leaves is out from that day (left_on is the day they left, not their last day).
    groups = list(GroupMember.objects.filter(Q(left_on__isnull=True) | Q(left_on__gt=day), joined_on__lte=day, person_id=user.pk,
                                             status=GroupMember.Status.ACTIVE).order_by().values_list("group_id", "council_id"))
    memberships = list(
        _memberships().filter(Q(council_id__in=council_ids) | Q(partnership_id__in=coordinated)).order_by()
        .values_list("partnership_id", "council_id")
    )
    return Scope(
        kind=Kind.PERSON,
        person_id=user.pk,
        is_superuser=user.is_superuser,
        is_staff=user.is_staff,
        council_ids=council_ids,
        lead_council_ids=lead_council_ids,
        partnership_ids=frozenset(p for p, c in memberships if c in council_ids) | coordinated | board,
        coordinated_partnership_ids=coordinated,
        coordinated_council_ids=frozenset(c for p, c in memberships if p in coordinated),
        board_partnership_ids=board,
        lead_partnership_ids=frozenset(p for p, c in memberships if c in lead_council_ids),
        group_ids=frozenset(g for g, c in groups),
        guest_group_ids=frozenset(g for g, c in groups if c is None),
    )


def scope_for_client(council) -> Scope:
    """A council's system reading through the API: it sees what the council's own staff see."""
    partnerships = frozenset(_memberships().filter(council_id=council.pk).values_list("partnership_id", flat=True))
    return Scope(Kind.COUNCIL_CLIENT, council_ids=frozenset({council.pk}), partnership_ids=partnerships)


def not_found() -> Http404:
    """The one answer for "missing" and "forbidden"."""
    return Http404(_("Page not found"))


def get_or_404(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise not_found() from None


def require(allowed: bool, why: str) -> None:
    """For services: refuse an action the acting scope may not take (views turn it into 404)."""
    if not allowed:
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(why)
