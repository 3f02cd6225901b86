"""Erasing what the community app holds about a person (partnering.ops.retention runs every app's eraser).

Their posts, documents and events stay in their groups (the group's record, now by the anonymised person); their
calendar feed secret, subscriptions and digest bookkeeping go, and no group emails them or puts them in the chair."""

from .models import CalendarToken, DigestSent, GroupMember, ThreadSubscription

# Every model of this app that points at a person, and what erasure does with it (a test compares this with the models).
HANDLES = {
    "community.GroupMember": "kept for membership figures, with group emails off and no turn in the chair",
    "community.Group": "kept: who started a group reads as the anonymised person",
    "community.Thread": "kept in the group: who started it reads as the anonymised person",
    "community.Post": "kept in the group's discussion: the author and mentions read as the anonymised person",
    "community.Document": "kept in the group: who added it reads as the anonymised person",
    "community.DocumentVersion": "kept in the group: who uploaded it reads as the anonymised person",
    "community.Resource": "kept in the group: who added it reads as the anonymised person",
    "community.Event": "kept in the group's calendar: who added it reads as the anonymised person",
    "community.Priority": "kept on the wish list: who proposed it reads as the anonymised person",
    "community.PriorityRank": "kept: the ranking counts in the wish list's order",
    "community.ThreadSubscription": "removed: their own notification setting",
    "community.CalendarToken": "removed: the secret of their calendar feed",
    "community.DigestSent": "removed: bookkeeping for their weekly digest",
}


def anonymise_person(person, former) -> int:
    """Call inside `audit.quiet()`: an entry per change would copy into the trail what is being erased."""
    touched = GroupMember.objects.filter(person=person).exclude(alerts=GroupMember.Alerts.OFF, can_chair=False).update(
        alerts=GroupMember.Alerts.OFF, can_chair=False)
    for model in (ThreadSubscription, CalendarToken, DigestSent):
        touched += model.objects.filter(person=person).delete()[0]
    return touched
