"""Change counters, and a cache that is never stale because its keys carry them (see ChangeCounter)."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from django.core.cache import cache
from django.db.models import F
from django.utils.translation import get_language

from .models import ChangeCounter

T = TypeVar("T")

# Everything the dashboards and the overlap report are built from: returns, their lines, batches and sharing,
# investments, arrangements, topics, councils, memberships and overlap groups (see partnering.mapping.apps).
FIGURES = "figures"

# A safety net for changes that pass every counter (a database edited by hand): nothing cached lives longer.
CACHED_SECONDS = 15 * 60


def count(name: str) -> int:
    return ChangeCounter.objects.filter(name=name).values_list("value", flat=True).first() or 0


def bump(name: str) -> None:
    """Count one more change to `name`; call it inside the transaction that makes the change."""
    if not ChangeCounter.objects.filter(name=name).update(value=F("value") + 1):
        ChangeCounter.objects.get_or_create(name=name)
        ChangeCounter.objects.filter(name=name).update(value=F("value") + 1)


def bumper(name: str) -> Callable:
    """A signal receiver that counts a change to `name`, whatever the signal sends."""
    def receiver(**_kwargs):
        bump(name)
    return receiver


@functools.cache
def release() -> str:
    """A digest of this release's code: what one release kept (pickled model instances, dataclasses) is never read
    by another, whose models or classes may differ, however soon after the deployment."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parents[1].rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def key(name: str, parts: Iterable) -> str:
    """A cache key that changes with `name`'s change count, the language, this release's code and `parts`."""
    described = repr(tuple(parts)).encode()
    return f"changes:{name}:{count(name)}:{get_language() or ''}:{release()}:{hashlib.sha256(described).hexdigest()}"


def cached(name: str, parts: Iterable, compute: Callable[[], T]) -> T:
    """compute(), kept under key(name, parts), so any change to `name` misses."""
    return kept(key(name, parts), compute)


def kept(key_: str, compute: Callable[[], T]) -> T:
    """compute(), kept under `key_` (from key()) for at most CACHED_SECONDS."""
    value = cache.get(key_)
    if value is None:
        value = compute()
        cache.set(key_, value, CACHED_SECONDS)
    return value
