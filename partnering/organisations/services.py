"""Writes to councils and venues: one function per operation, each atomic and audited."""

from django.db import transaction

from partnering.access import require, scope_of
from partnering.access.organisations import can_manage_council
from partnering.access.overlap import can_decide_overlap
from partnering.core import audit

from .models import Council, Venue

COUNCIL_PROFILE_FIELDS = ("region", "hq_town", "latitude", "longitude", "headcount", "brand_colour", "email_domain")
VENUE_FIELDS = ("name", "address", "postcode", "latitude", "longitude", "capacity", "step_free_access", "sharing", "shared_with")


def _require_lead(actor, council: Council) -> None:
    require(can_manage_council(scope_of(actor), council), "Only the council's L&D or HR lead can change its records.")


def _apply(instance, fields, allowed):
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValueError(f"Cannot set {', '.join(sorted(unknown))} here.")
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()


@audit.actor_argument()
@transaction.atomic
def council_update_profile(*, council: Council, actor, **fields) -> Council:
    _require_lead(actor, council)
    _apply(council, fields, COUNCIL_PROFILE_FIELDS)
    return council


@audit.actor_argument()
@transaction.atomic
def venue_create(*, council: Council, actor, **fields) -> Venue:
    _require_lead(actor, council)
    venue = Venue(council=council)
    _apply(venue, fields, VENUE_FIELDS)
    return venue


@audit.actor_argument()
@transaction.atomic
def venue_update(*, venue: Venue, actor, **fields) -> Venue:
    _require_lead(actor, venue.council)
    _apply(venue, fields, VENUE_FIELDS)
    return venue


@audit.actor_argument()
@transaction.atomic
def partnership_set_learning(*, partnership, learn: bool, actor) -> None:
    """Whether the partnership's overlap decisions (titles and course attributes only) train the matcher for every partnership."""
    require(can_decide_overlap(scope_of(actor), partnership), "Only the partnership's coordinators can choose this.")
    partnership.learn_from_decisions = learn
    partnership.save(update_fields=["learn_from_decisions"])
