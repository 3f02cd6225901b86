"""The audit trail: who changed which record, when, and from what to what.

Services call `snapshot` before a change and `record` after it; the admin does
the same through `AuditedAdmin`, so every write path leaves the same trail.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


def _plain(value):
    if isinstance(value, models.Model):
        return str(value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def snapshot(instance: models.Model) -> dict:
    """Field values that matter to a reader of the trail, as plain JSON values."""
    values = {}
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name == "password" or getattr(field, "auto_now", False):
            continue
        value = getattr(instance, field.name, None) if not field.is_relation else getattr(instance, field.attname)
        if field.is_relation and value is not None:
            value = str(getattr(instance, field.name))
        elif field.choices and value is not None:
            value = str(dict(field.flatchoices).get(value, value))
        values[str(field.verbose_name)] = _plain(value)
    return values


def _council_of(instance):
    from partnering.organisations.models import Council

    if isinstance(instance, Council):
        return instance
    return getattr(instance, "audit_council", None)


def record(*, actor, instance: models.Model, action: str, before: dict | None = None) -> AuditEntry | None:
    """Write one audit entry. For an update with nothing changed, write nothing."""
    after = {} if action == AuditEntry.Action.DELETE else snapshot(instance)
    if action == AuditEntry.Action.UPDATE:
        changes = {key: [before.get(key), value] for key, value in after.items() if (before or {}).get(key) != value}
        if not changes:
            return None
    elif action == AuditEntry.Action.CREATE:
        changes = {key: [None, value] for key, value in after.items() if value not in (None, "")}
    else:
        changes = {key: [value, None] for key, value in (before or {}).items() if value not in (None, "")}
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        council=_council_of(instance),
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
        object_repr=str(instance)[:200],
        changes=changes,
    )
