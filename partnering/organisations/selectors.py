from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from partnering.core.tenancy import scope_for

from .models import Council, Membership, Partnership


def council_managed_by(user, slug: str) -> Council:
    """A council the viewer leads (or any, for site administrators); anyone else gets 404."""
    council = get_object_or_404(Council.objects.visible_to(user), slug=slug)
    if not scope_for(user).can_manage_council(council.pk):
        raise Http404(_("Page not found"))
    return council


def current_partnerships_of(council: Council):
    return Partnership.objects.filter(pk__in=Membership.objects.current().filter(council=council).values("partnership_id"))


def current_member_councils(partnership: Partnership):
    return Council.objects.filter(pk__in=Membership.objects.current().filter(partnership=partnership).values("council_id"))
