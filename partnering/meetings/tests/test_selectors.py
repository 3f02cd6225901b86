import datetime

from partnering.meetings.models import Action, Body
from partnering.meetings.selectors import overdue_actions_for


def _action(body, owner, due_on, status=Action.Status.OPEN, title="Send the figures"):
    return Action.objects.create(body=body, owner=owner, title=title, due_on=due_on, status=status)


def test_overdue_actions_for_a_person_are_their_open_actions_past_due_oldest_first(region):
    body = Body.objects.create(partnership=region.network, name="Board", slug="board")
    day = datetime.date(2026, 3, 10)
    later = _action(body, region.lead_north, datetime.date(2026, 3, 9), title="later")
    earlier = _action(body, region.lead_north, datetime.date(2026, 2, 1), Action.Status.IN_PROGRESS, title="earlier")
    _action(body, region.lead_north, datetime.date(2026, 3, 10), title="due today")
    _action(body, region.lead_north, datetime.date(2026, 1, 1), Action.Status.DONE, title="done")
    _action(body, region.lead_north, datetime.date(2026, 1, 1), Action.Status.DROPPED, title="dropped")
    _action(body, region.lead_south, datetime.date(2026, 1, 1), title="someone else's")
    overdue = list(overdue_actions_for(region.lead_north, on=day))
    assert overdue == [earlier, later]


def test_nobody_signed_in_has_no_overdue_actions(db):
    from django.contrib.auth.models import AnonymousUser

    assert list(overdue_actions_for(AnonymousUser())) == []
