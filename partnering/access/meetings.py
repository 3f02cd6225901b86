"""Meetings, decisions and actions.

- A partnership's coordinators set up its bodies (board, project teams, groups), their members and hosting
  order, arrange meetings and write agendas, minutes, decisions and actions.
- The host council's L&D or HR leads do the same for the meetings their council hosts.
- A body's members read it: its meetings, papers, decisions and actions. The partnership's board members read
  its board (and its councils' leads read the bodies their council hosts in turn).
- An action's owner reads it and updates its status and progress, whichever council they are from.
Everyone else gets the same "not found" as for a record that does not exist.
"""

from django.db.models import Q

from partnering.meetings.models import Action, AgendaItem, Body, Decision, Meeting, Paper
from partnering.organisations.models import Partnership

from .scope import Scope, get_or_404, not_found


def _body_filter(scope: Scope, prefix: str = "") -> Q:
    p = prefix
    return (
        Q(**{f"{p}partnership_id__in": scope.coordinated_partnership_ids})
        | Q(**{f"{p}members__person_id": scope.person_id})
        | Q(**{f"{p}kind": Body.Kind.BOARD, f"{p}partnership_id__in": scope.board_partnership_ids})
        | Q(**{f"{p}host_councils__council_id__in": scope.lead_council_ids})
    )


def bodies_visible_to(scope: Scope):
    """The bodies the scope reads: coordinators theirs, members theirs, board members the board, leads the bodies their council hosts in turn."""
    if scope.is_superuser:
        return Body.objects.all()
    if not scope.is_signed_in:
        return Body.objects.none()
    return Body.objects.filter(pk__in=Body.objects.filter(_body_filter(scope)).values("pk"))


def body_for(scope: Scope, slug) -> Body:
    return get_or_404(bodies_visible_to(scope).select_related("partnership", "group"), slug=slug)


def partnerships_for_new_bodies(scope: Scope):
    """The partnerships the scope may set up a body for: those it coordinates."""
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.coordinated_partnership_ids)


def can_create_body(scope: Scope) -> bool:
    return partnerships_for_new_bodies(scope).exists()


def can_manage_body(scope: Scope, body: Body) -> bool:
    """Change the body, its members and hosting order, arrange meetings: the partnership's coordinators."""
    return scope.coordinates(body.partnership_id)


def managed_body_for(scope: Scope, slug) -> Body:
    body = body_for(scope, slug)
    if not can_manage_body(scope, body):
        raise not_found()
    return body


def meetings_visible_to(scope: Scope):
    return Meeting.objects.filter(body__in=bodies_visible_to(scope))


def meeting_for(scope: Scope, pk) -> Meeting:
    return get_or_404(meetings_visible_to(scope).select_related("body__partnership", "host", "venue"), pk=pk)


def can_edit_meeting(scope: Scope, meeting: Meeting) -> bool:
    """Agenda, papers, minutes, decisions and actions, invitations: the coordinators, and the host council's leads."""
    return scope.coordinates(meeting.body.partnership_id) or (meeting.host_id is not None and scope.leads(meeting.host_id))


def edited_meeting_for(scope: Scope, pk) -> Meeting:
    meeting = meeting_for(scope, pk)
    if not can_edit_meeting(scope, meeting):
        raise not_found()
    return meeting


def edited_item_for(scope: Scope, pk) -> AgendaItem:
    item = get_or_404(AgendaItem.objects.filter(meeting__in=meetings_visible_to(scope)).select_related("meeting__body__partnership"), pk=pk)
    if not can_edit_meeting(scope, item.meeting):
        raise not_found()
    return item


def paper_for(scope: Scope, pk) -> Paper:
    return get_or_404(Paper.objects.filter(item__meeting__in=meetings_visible_to(scope)).select_related("item__meeting__body"), pk=pk)


def edited_paper_for(scope: Scope, pk) -> Paper:
    paper = paper_for(scope, pk)
    if not can_edit_meeting(scope, paper.item.meeting):
        raise not_found()
    return paper


def edited_decision_for(scope: Scope, pk) -> Decision:
    decision = get_or_404(Decision.objects.filter(meeting__in=meetings_visible_to(scope)).select_related("meeting__body__partnership"), pk=pk)
    if not can_edit_meeting(scope, decision.meeting):
        raise not_found()
    return decision


def actions_visible_to(scope: Scope):
    """Actions of the bodies the scope reads, and the scope's own actions wherever they were raised."""
    if scope.is_superuser:
        return Action.objects.all()
    if not scope.is_signed_in:
        return Action.objects.none()
    return Action.objects.filter(Q(body__in=bodies_visible_to(scope)) | Q(owner_id=scope.person_id))


def action_for(scope: Scope, pk) -> Action:
    return get_or_404(actions_visible_to(scope).select_related("body__partnership", "owner", "owner_council", "meeting"), pk=pk)


def can_update_action(scope: Scope, action: Action) -> bool:
    """Status and progress: the owner, the partnership's coordinators, and the leads of the council that hosted the meeting that raised it."""
    if scope.person_id is not None and action.owner_id == scope.person_id:
        return True
    if scope.coordinates(action.body.partnership_id):
        return True
    return action.meeting is not None and action.meeting.host_id is not None and scope.leads(action.meeting.host_id)


def updatable_action_for(scope: Scope, pk) -> Action:
    action = action_for(scope, pk)
    if not can_update_action(scope, action):
        raise not_found()
    return action
