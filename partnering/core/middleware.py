from partnering.access import scope_of

SESSION_KEY = "acting_council_id"


def acting_council(request):
    """The council the person is acting for: the one chosen in the switcher if they are
    still employed there, otherwise their earliest current employment."""
    scope = getattr(request, "scope", None) or scope_of(getattr(request, "user", None))
    if not scope.council_ids:
        return None
    from partnering.people.models import Employment

    chosen = request.session.get(SESSION_KEY)
    employments = Employment.objects.current().filter(person_id=scope.person_id).select_related("council")
    if chosen in scope.council_ids:
        employments = employments.filter(council_id=chosen)
    first = employments.order_by("start_on", "pk").first()
    return first.council if first else None


class ActingCouncilMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.acting_council = acting_council(request)
        return self.get_response(request)
