from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def chrome(request):
    """What the shared layout needs: navigation, the acting council and the councils to switch to."""
    user = getattr(request, "user", None)
    scope = request.scope
    if not scope.is_signed_in:
        return {"signed_in": False, "navigation": []}
    from partnering.organisations.models import Council

    navigation = [
        (_("Home"), reverse("home")),
        (_("Catalogue"), reverse("learning:catalogue")),
        (_("Mapping"), reverse("mapping:home")),
        (_("Programmes"), reverse("programmes:home")),
        (_("Shared costs"), reverse("costs:home")),
        (_("Shared staff"), reverse("workforce:home")),
        (_("Groups"), reverse("community:home")),
        (_("Meetings"), reverse("meetings:index")),
        (_("Directory"), reverse("directory:home")),
        (_("Assessment"), reverse("assessment:home")),
        (_("Surveys"), reverse("assessment:survey-list")),
        (_("Partnerships"), reverse("organisations:partnership-list")),
        (_("Councils"), reverse("organisations:council-list")),
        (_("People"), reverse("people:person-list")),
        (_("Glossary"), reverse("glossary:term-list")),
        (_("My profile"), reverse("people:me")),
    ]
    if user.is_staff:
        navigation.append((_("Administration"), reverse("admin:index")))
    path = request.path
    items = [
        {"text": text, "href": href, "current": path == href, "active": href != "/" and path.startswith(href)}
        for text, href in navigation
    ]
    switchable = Council.objects.filter(pk__in=scope.council_ids).order_by("name") if len(scope.council_ids) > 1 else []
    acting = request.acting_council
    return {"signed_in": True, "navigation": items, "switchable_councils": switchable, "acting_council": acting}
