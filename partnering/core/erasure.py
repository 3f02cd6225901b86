"""Taking an erased person's name and address out of the audit trail and the admin's log.

The trail keeps every entry (who changed what, when) but wherever an entry about one of the person's own records
recorded their name or email address — a record's name such as "Sam Jones – Trainer, Northtown", or a changed value
— it now reads as the anonymised person. Entries about other records are left alone: another Sam Jones keeps theirs. partnering.ops.retention calls this after every app's eraser has run."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation

from .models import AuditEntry

ERASED = "(erased)"  # what the trail shows where an erased value was
MIN_LENGTH = 4  # shorter texts ("Al", "17") would match too much even of the person's own entries
CHUNK = 500  # primary keys per IN list

# Every model of this app (and Django's admin log) that points at a person, and what erasure does with it.
HANDLES = {
    "core.AuditEntry": "kept: the trail of who changed what; the person's name and address are replaced wherever it recorded them",
    "admin.LogEntry": "kept: the admin's own log; the person's name and address are replaced wherever it recorded them",
}


def _needles(texts) -> list[str]:
    return sorted({text for text in texts if text and len(text) >= MIN_LENGTH}, key=len, reverse=True)


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


def _content_types(model) -> list[int]:
    """The audit trail may have recorded a record under its model or, for a proxy, the proxy's own content type."""
    return sorted({ContentType.objects.get_for_model(model).pk, ContentType.objects.get_for_model(model, for_concrete_model=False).pk})


def _about(records, *, object_field: str = "object_id") -> Q:
    """Entries about these records: `records` is (model, primary keys) pairs, the person's own records."""
    condition = Q(pk__in=[])
    for model, pks in records:
        keys = sorted({str(pk) for pk in pks})
        for start in range(0, len(keys), CHUNK):
            condition |= Q(content_type_id__in=_content_types(model), **{f"{object_field}__in": keys[start:start + CHUNK]})
    return condition


def _pattern(needles: list[str]) -> re.Pattern | None:
    # Whole words only: a staff number "4217" must not change "42170".
    if not needles:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(needle) for needle in needles) + r")(?!\w)", re.IGNORECASE)


def _redacted(value, patterns, replacement: str):
    for pattern in patterns:
        value = _replace(value, pattern, replacement)
    return value


def redact_person(*, records, texts, replacement: str, council_texts=(), history=()) -> int:
    """Replace the person's former name, address and other identifiers (`texts`) with `replacement` in the entries of
    the trail and of the admin's log that are about the person's own records (`records`: (model, primary keys) pairs —
    their person, employments, bookings…), and nothing else: someone else with the same name keeps theirs. A staff
    number (`council_texts`: (council, staff number, (model, primary key) of the record holding it)) is replaced only in
    the issuing council's entries, or in the admin's log only about the record that held it. Also blanks the trail's
    values of the fields erasure blanked (`history`: (model, keys, field names)). Returns how many entries changed."""
    touched = sum(erase_history(model, pks, names) for model, pks, names in history)
    records = [(model, pks) for model, pks in records if pks]
    everywhere = _pattern(_needles(texts))
    by_council: dict[int, list[str]] = {}
    for council_id, text, _source in council_texts:
        by_council.setdefault(council_id, []).append(text)
    council_patterns = {council_id: _pattern(_needles(found)) for council_id, found in by_council.items()}
    if not records or (everywhere is None and not any(council_patterns.values())):
        return touched
    for entry in AuditEntry.objects.filter(_about(records)).only("pk", "council_id", "object_repr", "changes").iterator():
        patterns = [pattern for pattern in (everywhere, council_patterns.get(entry.council_id)) if pattern is not None]
        object_repr = _redacted(entry.object_repr, patterns, replacement)[:200]
        changes = _redacted(entry.changes, patterns, replacement)
        if (object_repr, changes) != (entry.object_repr, entry.changes):
            touched += AuditEntry.objects.filter(pk=entry.pk).update(object_repr=object_repr, changes=changes)
    sources: dict[tuple[int, str], list[str]] = {}
    for _council_id, text, (model, pk) in council_texts:
        for content_type in _content_types(model):
            sources.setdefault((content_type, str(pk)), []).append(text)
    for log in LogEntry.objects.filter(_about(records)).iterator():
        own = _pattern(_needles(sources.get((log.content_type_id, log.object_id), ())))
        patterns = [pattern for pattern in (everywhere, own) if pattern is not None]
        object_repr = _redacted(log.object_repr, patterns, replacement)[:200]
        message = _redacted(log.change_message, patterns, replacement)
        if (object_repr, message) != (log.object_repr, log.change_message):
            touched += LogEntry.objects.filter(pk=log.pk).update(object_repr=object_repr, change_message=message)
    return touched
