"""Reads about councils and partnerships that are not access rules."""

from .models import Council, Membership, Partnership


def current_partnerships_of(council: Council):
    return Partnership.objects.filter(pk__in=Membership.objects.current().filter(council=council).values("partnership_id"))


def current_member_councils(partnership: Partnership):
    return Council.objects.filter(pk__in=Membership.objects.current().filter(partnership=partnership).values("council_id"))
