"""People and their employments."""

from django.db.models import BigIntegerField, Q, Value
from django.db.models.functions import Cast

from partnering.core.dates import current_on, today
from partnering.organisations.models import Council
from partnering.people.models import Employment, Person

from .scope import Scope, get_or_404
from .sharing import led_by


def _councils_seen(scope: Scope) -> frozenset[int]:
    return scope.council_ids | scope.coordinated_council_ids


def _as_bigints(ids):
    """Ids typed as the column is: the index of councils and names (btree_gin) compares a bigint only with a bigint,
    and the driver sends small numbers as integers, so without the cast PostgreSQL would not use it for the council."""
    return [Cast(Value(pk), BigIntegerField()) for pk in ids]


def people_visible_to(scope: Scope, *, matching: str = ""):
    """People currently employed by one of the scope's councils, or (for coordinators) by a current
    member of a partnership they coordinate; and always the person themselves. With matching: only those whose
    name or email contains it, in any case."""
    named = Q(full_name__icontains=matching) | Q(email__icontains=matching) if matching else Q()
    if scope.is_superuser:
        return Person.objects.filter(named)
    if not scope.is_signed_in:
        return Person.objects.none()
    employed_there = Employment.objects.filter(current_on(today(), "start_on", "end_on"))
    if matching:
        # The employment's copy of its person's name and email: one index (council and text) finds the few
        # matching rows, rather than a check of every person the council employs (thousands at a county council).
        employed_there = employed_there.filter(council__id__in=_as_bigints(_councils_seen(scope)), search_text__icontains=matching)
    else:
        employed_there = employed_there.filter(council_id__in=_councils_seen(scope))
    # One list of ids (those employed there, and their own) rather than "employed there OR is them": PostgreSQL joins a
    # list of ids to people by key, but answers the OR by reading every person (two million at national scale).
    themselves = Person.objects.filter(named, pk=scope.person_id).order_by().values("pk")
    return Person.objects.filter(pk__in=employed_there.order_by().values("person_id").union(themselves, all=True))


def person_for(scope: Scope, pk) -> Person:
    return get_or_404(people_visible_to(scope), pk=pk)


def employments_visible_to(scope: Scope):
    """An employment is the employing council's record: visible there, to coordinators of its
    partnerships, and to the person it belongs to. A shared person's other employer sees only its own."""
    if scope.is_superuser:
        return Employment.objects.all()
    if not scope.is_signed_in:
        return Employment.objects.none()
    return Employment.objects.filter(Q(council_id__in=_councils_seen(scope)) | Q(person_id=scope.person_id))


def employments_editable_by(scope: Scope):
    return led_by(scope, Employment.objects.all())


def can_change_employment(scope: Scope, employment: Employment) -> bool:
    return scope.leads(employment.council_id)


def councils_to_filter_people_by(scope: Scope):
    if scope.is_superuser:
        return Council.objects.all()
    return Council.objects.filter(pk__in=_councils_seen(scope))


def is_line_manager_of(scope: Scope, person_id: int, council_id: int) -> bool:
    """The scope's person manages this person in that council (an employment's line manager)."""
    return scope.is_signed_in and Employment.objects.filter(
        current_on(today(), "start_on", "end_on"), person_id=person_id, council_id=council_id, line_manager_id=scope.person_id
    ).exists()


def people_whose_data_scope_may_release(scope: Scope):
    """Subject access on a person's behalf: a council's L&D or HR leads, for anyone their council employs or once
    employed (the council is the controller of what it put in); site administrators, for anyone. Never coordinators:
    a partnership is not the controller of its member councils' staff data. The person themselves uses /me/."""
    if scope.is_superuser:
        return Person.objects.all()
    if not scope.is_signed_in or not scope.lead_council_ids:
        return Person.objects.none()
    return Person.objects.filter(pk__in=Employment.objects.filter(council_id__in=scope.lead_council_ids).values("person_id"))


def may_answer_subject_access_requests(scope: Scope) -> bool:
    """Leads of any council and site administrators: the people who release someone's data on their behalf."""
    return scope.is_superuser or (scope.is_signed_in and bool(scope.lead_council_ids))


def data_subject_for(scope: Scope, pk) -> Person:
    return get_or_404(people_whose_data_scope_may_release(scope), pk=pk)


def can_release_personal_data(scope: Scope, person: Person) -> bool:
    return people_whose_data_scope_may_release(scope).filter(pk=person.pk).exists()


def releases_everything_about(scope: Scope, person: Person) -> bool:
    """Whether a release of the person's data holds everything Partnering has about them: for a site administrator or
    the person themselves. A council's lead releases only what the councils they release for put in (each council is
    the controller of its own records; another employer's jobs, bookings and sign-ins are that council's to release)."""
    return scope.is_superuser or (scope.is_signed_in and scope.person_id == person.pk)


def councils_releasing_data_of(scope: Scope, person: Person):
    """The councils a release is made for (and whose audit trail records it): those that employ or employed the
    person and that the scope leads (every one of them, for a site administrator)."""
    employers = Employment.objects.filter(person=person).values("council_id")
    councils = Council.objects.filter(pk__in=employers).order_by("name")
    return councils if scope.is_superuser else councils.filter(pk__in=scope.lead_council_ids)
