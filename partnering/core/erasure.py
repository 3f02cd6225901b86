"""Taking an erased person's name and address out of the audit trail and the admin's log.

The trail keeps every entry (who changed what, when) but wherever an entry recorded the person's name or email
address — a record's name such as "Sam Jones – Trainer, Northtown", or a changed value — it now reads as the
anonymised person. partnering.ops.retention calls this after every app's eraser has run."""

from __future__ import annotations

import json
import re

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import translation

from .models import AuditEntry

ERASED = "(erased)"  # what the trail shows where an erased value was
MIN_LENGTH = 4  # shorter texts ("Al", "17") would match too much of other people's entries

# Every model of this app (and Django's admin log) that points at a person, and what erasure does with it.
HANDLES = {
    "core.AuditEntry": "kept: the trail of who changed what; the person's name and address are replaced wherever it recorded them",
    "admin.LogEntry": "kept: the admin's own log; the person's name and address are replaced wherever it recorded them",
}


def _needles(texts) -> list[str]:
    return sorted({text for text in texts if text and len(text) >= MIN_LENGTH}, key=len, reverse=True)


def _matching(field: str, needles: list[str]) -> Q:
    condition = Q()
    for needle in needles:
        # JSON may hold "Siân" as "Si\\u00e2n" (SQLite) or as itself (PostgreSQL): look for both.
        for form in {needle, json.dumps(needle)[1:-1]}:
            condition |= Q(**{f"{field}__icontains": form})
    return condition


def _replace(value, pattern: re.Pattern, replacement: str):
    if isinstance(value, str):
        return pattern.sub(replacement, value)
    if isinstance(value, list):
        return [_replace(item, pattern, replacement) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, pattern, replacement) for key, item in value.items()}
    return value


def _field_names(model, names) -> set[str]:
    """The keys the trail used for these fields: each field's label in every language the site speaks (it records the
    label in the language of the request that made the change)."""
    keys = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys |= {str(model._meta.get_field(name).verbose_name) for name in names}
    return keys


def erase_history(model, pks, names) -> int:
    """Blank every value the trail recorded for fields `names` of these records (their earlier versions too)."""
    if not pks:
        return 0
    keys = _field_names(model, names)
    touched = 0
    entries = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
                                        object_id__in=[str(pk) for pk in pks])
    for entry in entries.only("pk", "changes").iterator():
        changes = {key: ([ERASED if value not in (None, "") else value for value in change] if key in keys else change)
                   for key, change in entry.changes.items()}
        if changes != entry.changes:
            touched += AuditEntry.objects.filter(pk=entry.pk).update(changes=changes)
    return touched


def redact_person(*, texts, replacement: str, history=()) -> int:
    """Replace each of `texts` (the person's former name, address, staff numbers…) with `replacement` throughout the trail and
    the admin's log, and blank the trail's values of the fields erasure blanked (`history`: (model, keys, field names));
    returns how many entries changed."""
    touched = sum(erase_history(model, pks, names) for model, pks, names in history)
    needles = _needles(texts)
    if not needles:
        return touched
    # Whole words only: a staff number "4217" must not change "42170" in someone else's entry.
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(needle) for needle in needles) + r")(?!\w)", re.IGNORECASE)
    entries = AuditEntry.objects.annotate(changes_text=Cast("changes", TextField())).filter(
        _matching("object_repr", needles) | _matching("changes_text", needles))
    for entry in entries.only("pk", "object_repr", "changes").iterator():
        object_repr, changes = _replace(entry.object_repr, pattern, replacement)[:200], _replace(entry.changes, pattern, replacement)
        if (object_repr, changes) != (entry.object_repr, entry.changes):
            touched += AuditEntry.objects.filter(pk=entry.pk).update(object_repr=object_repr, changes=changes)
    for log in LogEntry.objects.filter(_matching("object_repr", needles) | _matching("change_message", needles)).iterator():
        object_repr, message = _replace(log.object_repr, pattern, replacement)[:200], _replace(log.change_message, pattern, replacement)
        touched += LogEntry.objects.filter(pk=log.pk).update(object_repr=object_repr, change_message=message)
    return touched
