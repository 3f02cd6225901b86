"""A person's record against what their councils require."""

from __future__ import annotations

from django.utils import timezone

from partnering.overlap.matching.normalise import features

from . import requirements as rules
from .models import Course, Requirement, TrainingRecord


def canonical_key(title: str) -> str:
    """The part of an overlap line key that does not name a council."""
    found = features(title)
    constraints = "/".join(value or "" for value in found.constraints)
    return f"{found.core}|{constraints}|{','.join(sorted(found.distinguishing))}"


def _need(requirement: Requirement) -> rules.Need:
    course_ids = {requirement.course_id} if requirement.course_id else set()
    keys = set()
    if requirement.equivalence_id:
        course_ids |= set(Course.objects.filter(equivalence_id=requirement.equivalence_id).values_list("pk", flat=True))
        keys = {key.split("|", 1)[1] for key in requirement.equivalence.line_keys if "|" in key}
    return rules.Need(requirement.title, frozenset(course_ids), frozenset(keys), requirement.refresh_months)


def record_overview(person, *, viewer, councils=None) -> dict:
    """Records the viewer may see, and each current employment's requirements with their status."""
    records = list(TrainingRecord.objects.visible_to(viewer).filter(person=person).select_related("course", "council"))
    done = [rules.Done(r.title, r.completed_on, r.course_id, canonical_key(r.title), r.council.short_name if r.council else "")
            for r in records]
    today = timezone.localdate()
    employments = []
    for employment in person.current_employments():
        if councils is not None and employment.council_id not in {c.pk for c in councils}:
            continue
        roles = {role.role for role in employment.roles.all()} or {"staff"}
        needs = Requirement.objects.filter(council=employment.council, role__in=roles).select_related("equivalence")
        statuses = [rules.status(_need(n), done, today=today, council=employment.council.short_name, need_key=canonical_key(n.title))
                    for n in needs]
        employments.append((employment, statuses))
    return {"records": records, "employments": employments}
