"""Special-interest groups. A group is seen (its front page, to ask to join) by the people of its
partnerships (staff of member councils, coordinators, board); what is inside (forum, documents, calendar)
by its current members and its partnership's coordinators. A guest from an outside organisation has no
employment, so no partnership: they see their own groups and nothing else.

- create a group, change its settings: the partnership's coordinators;
- join: staff of the partnerships' member councils (straight away when the group is open, else by request);
- add members and guests, agree requests, moderate (hide, lock), publish documents: the current chair
  (a person, or the members for the chairing council) and the coordinators;
- post, upload, add events and resources: members and coordinators;
- priorities: the partnership's people propose and rank; coordinators turn them into theme groups.
"""

from django.db.models import Q

from partnering.community.models import (
    CalendarToken,
    Document,
    DocumentVersion,
    Event,
    Group,
    GroupMember,
    Post,
    Priority,
    Resource,
    Thread,
)
from partnering.organisations.models import Council, Membership, Partnership

from .scope import Scope, get_or_404, not_found


def _partnership_q(scope: Scope, prefix: str = "") -> Q:
    ids = scope.partnership_ids
    return Q(**{f"{prefix}partnership_id__in": ids}) | Q(**{f"{prefix}also_partnerships__in": ids})


def groups_visible_to(scope: Scope):
    if scope.is_superuser:
        return Group.objects.all()
    if not scope.is_signed_in:
        return Group.objects.none()
    return Group.objects.filter(Q(pk__in=scope.group_ids) | _partnership_q(scope)).distinct()


def group_for(scope: Scope, slug) -> Group:
    return get_or_404(groups_visible_to(scope).select_related("partnership", "reports_to"), slug=slug)


def is_member(scope: Scope, group) -> bool:
    return getattr(group, "pk", group) in scope.group_ids


def is_chair(scope: Scope, group: Group) -> bool:
    chair = group.current_chair()
    return bool(chair and scope.person_id in chair[2] and is_member(scope, group))


def can_read_group(scope: Scope, group: Group) -> bool:
    """The forum, documents, resources and calendar: members and the partnership's coordinators."""
    return is_member(scope, group) or scope.coordinates(group.partnership_id)


def can_contribute(scope: Scope, group: Group) -> bool:
    return can_read_group(scope, group)


def can_manage_group(scope: Scope, group: Group) -> bool:
    """Settings, rotation and the chairs' group: the partnership's coordinators."""
    return scope.coordinates(group.partnership_id)


def can_moderate(scope: Scope, group: Group) -> bool:
    """Hide and lock, add members and guests, agree requests, publish: the chair and the coordinators."""
    return can_manage_group(scope, group) or is_chair(scope, group)


def content_group_for(scope: Scope, slug) -> Group:
    group = group_for(scope, slug)
    if not can_read_group(scope, group):
        raise not_found()
    return group


def moderated_group_for(scope: Scope, slug) -> Group:
    group = group_for(scope, slug)
    if not can_moderate(scope, group):
        raise not_found()
    return group


def managed_group_for(scope: Scope, slug) -> Group:
    group = group_for(scope, slug)
    if not can_manage_group(scope, group):
        raise not_found()
    return group


def partnerships_for_groups(scope: Scope):
    """Partnerships whose groups page (groups, priorities, published documents) the scope reads."""
    if scope.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(pk__in=scope.partnership_ids)


def groups_partnership_for(scope: Scope, slug) -> Partnership:
    return get_or_404(partnerships_for_groups(scope), slug=slug)


def can_create_group(scope: Scope, partnership) -> bool:
    return scope.coordinates(getattr(partnership, "pk", partnership))


def creating_partnership_for(scope: Scope, slug) -> Partnership:
    partnership = groups_partnership_for(scope, slug)
    if not can_create_group(scope, partnership):
        raise not_found()
    return partnership


def joining_councils(scope: Scope, group: Group):
    """The councils the scope may join the group for: their employers that are current members of the group's partnerships."""
    from partnering.core.dates import current_on, today

    partnerships = [group.partnership_id, *group.also_partnerships.values_list("pk", flat=True)]
    members = Membership.objects.filter(current_on(today(), "joined_on", "left_on"), partnership_id__in=partnerships)
    return Council.objects.filter(pk__in=scope.council_ids).filter(pk__in=members.values("council_id")).order_by("name")


def can_join(scope: Scope, group: Group) -> bool:
    return scope.is_signed_in and joining_councils(scope, group).exists()


def joinable_group_for(scope: Scope, slug) -> Group:
    group = group_for(scope, slug)
    if not can_join(scope, group):
        raise not_found()
    return group


def member_for(scope: Scope, pk) -> GroupMember:
    """A membership (or request) the scope may see: one of a group whose inside it reads."""
    member = get_or_404(GroupMember.objects.select_related("group__partnership", "person", "council"), pk=pk)
    if not (can_read_group(scope, member.group) or member.person_id == scope.person_id):
        raise not_found()
    return member


def can_remove_member(scope: Scope, member: GroupMember) -> bool:
    """The coordinators and the chair remove anyone; a member leaves (or withdraws a request) themselves."""
    return member.person_id == scope.person_id or can_moderate(scope, member.group)


def removable_member_for(scope: Scope, pk) -> GroupMember:
    member = member_for(scope, pk)
    if not can_remove_member(scope, member):
        raise not_found()
    return member


def approvable_member_for(scope: Scope, pk) -> GroupMember:
    member = member_for(scope, pk)
    if not can_moderate(scope, member.group):
        raise not_found()
    return member


def own_membership_for(scope: Scope, slug) -> GroupMember:
    group = group_for(scope, slug)
    member = group.current_members().filter(person_id=scope.person_id).first()
    if member is None:
        raise not_found()
    return member


# --- forum ----------------------------------------------------------------------------------------------------

def _readable_group_ids(scope: Scope):
    if scope.is_superuser:
        return Group.objects.values("pk")
    return Group.objects.filter(Q(pk__in=scope.group_ids) | Q(partnership_id__in=scope.coordinated_partnership_ids)).values("pk")


def threads_visible_to(scope: Scope, group: Group):
    threads = group.threads.all()
    if not can_moderate(scope, group):
        threads = threads.filter(hidden=False)
    return threads


def thread_for(scope: Scope, pk) -> Thread:
    thread = get_or_404(Thread.objects.filter(group__in=_readable_group_ids(scope)).select_related("group__partnership"), pk=pk)
    if thread.hidden and not can_moderate(scope, thread.group):
        raise not_found()
    return thread


def can_reply(scope: Scope, thread: Thread) -> bool:
    return can_contribute(scope, thread.group) and (not thread.locked or can_moderate(scope, thread.group))


def moderated_thread_for(scope: Scope, pk) -> Thread:
    thread = thread_for(scope, pk)
    if not can_moderate(scope, thread.group):
        raise not_found()
    return thread


def moderated_post_for(scope: Scope, pk) -> Post:
    post = get_or_404(Post.objects.filter(thread__group__in=_readable_group_ids(scope)).select_related("thread__group"), pk=pk)
    if not can_moderate(scope, post.thread.group):
        raise not_found()
    return post


# --- documents and resources ------------------------------------------------------------------------------------

def documents_visible_to(scope: Scope):
    """The group's own documents for its members and coordinators; published ones for their partnership; public ones for all."""
    published_to_partnership = Q(published=Document.Published.PARTNERSHIP) & (
        Q(group__partnership_id__in=scope.partnership_ids) | Q(group__also_partnerships__in=scope.partnership_ids))
    if scope.is_superuser:
        return Document.objects.all()
    return Document.objects.filter(
        Q(group__in=_readable_group_ids(scope)) | published_to_partnership | Q(published=Document.Published.PUBLIC)
    ).distinct()


def document_for(scope: Scope, pk) -> Document:
    return get_or_404(documents_visible_to(scope).select_related("group__partnership", "created_by"), pk=pk)


def can_add_version(scope: Scope, document: Document) -> bool:
    return can_contribute(scope, document.group)


def versionable_document_for(scope: Scope, pk) -> Document:
    document = document_for(scope, pk)
    if not can_add_version(scope, document):
        raise not_found()
    return document


def can_publish(scope: Scope, document: Document) -> bool:
    return can_moderate(scope, document.group)


def publishable_document_for(scope: Scope, pk) -> Document:
    document = document_for(scope, pk)
    if not can_publish(scope, document):
        raise not_found()
    return document


def version_for(scope: Scope, pk) -> DocumentVersion:
    return get_or_404(DocumentVersion.objects.filter(document__in=documents_visible_to(scope)).select_related("document"), pk=pk)


def public_document_for(pk) -> Document:
    """A document published to the public: anyone, signed in or not."""
    return get_or_404(Document.objects.filter(published=Document.Published.PUBLIC).select_related("group"), pk=pk)


def partnership_documents_for(scope: Scope, partnership: Partnership):
    return documents_visible_to(scope).filter(
        Q(group__partnership=partnership) | Q(group__also_partnerships=partnership),
        published__in=[Document.Published.PARTNERSHIP, Document.Published.PUBLIC],
    ).distinct()


def resource_for(scope: Scope, pk) -> Resource:
    resource = get_or_404(Resource.objects.filter(group__in=_readable_group_ids(scope)).select_related("group"), pk=pk)
    if not can_contribute(scope, resource.group):
        raise not_found()
    return resource


# --- calendar ---------------------------------------------------------------------------------------------------

def event_for(scope: Scope, pk) -> Event:
    event = get_or_404(Event.objects.filter(group__in=_readable_group_ids(scope)).select_related("group"), pk=pk)
    if not can_contribute(scope, event.group):
        raise not_found()
    return event


def feed_token_for(token: str) -> CalendarToken:
    """A live calendar token (revoked and unknown ones are the same 404)."""
    if not token or len(token) > 64:
        raise not_found()
    return get_or_404(CalendarToken.objects.filter(revoked_at__isnull=True).select_related("person"), token=token)


def feed_groups_for(person) -> list[int]:
    """The groups a calendar token's owner reads now (checked on each fetch, so leaving a group drops its events)."""
    from .scope import scope_of

    scope = scope_of(person)
    return list(_readable_group_ids(scope).values_list("pk", flat=True))


# --- priorities -------------------------------------------------------------------------------------------------

def can_rank_priorities(scope: Scope, partnership) -> bool:
    return scope.is_superuser or (scope.is_signed_in and getattr(partnership, "pk", partnership) in scope.partnership_ids)


def can_adopt_priority(scope: Scope, partnership) -> bool:
    return scope.coordinates(getattr(partnership, "pk", partnership))


def priority_for(scope: Scope, pk) -> Priority:
    return get_or_404(Priority.objects.filter(partnership__in=partnerships_for_groups(scope)).select_related("partnership"), pk=pk)


def adoptable_priority_for(scope: Scope, pk) -> Priority:
    priority = priority_for(scope, pk)
    if not can_adopt_priority(scope, priority.partnership):
        raise not_found()
    return priority
