"""`{% overdue_actions %}`: the signed-in person's overdue actions, for the home page."""

from django import template

from partnering.meetings.selectors import overdue_actions_for

register = template.Library()


@register.inclusion_tag("meetings/_overdue.html", takes_context=True)
def overdue_actions(context, limit: int = 10):
    request = context.get("request")
    user = getattr(request, "user", None)
    actions = list(overdue_actions_for(user)[:limit]) if user is not None and user.is_authenticated else []
    return {"overdue_actions": actions}
