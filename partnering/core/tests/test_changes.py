"""Kept values: read again only after a change, and never across languages or releases."""

import pytest
from django.utils import translation

from partnering.core import changes

pytestmark = pytest.mark.django_db


def test_a_kept_value_is_computed_again_only_after_a_change_is_counted(monkeypatch):
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert changes.cached("test", ("a",), compute) == 1
    assert changes.cached("test", ("a",), compute) == 1
    assert changes.cached("test", ("b",), compute) == 2  # other parts, its own value
    changes.bump("test")
    assert changes.cached("test", ("a",), compute) == 3
    with translation.override("cy"):
        assert changes.cached("test", ("a",), compute) == 4
    monkeypatch.setattr(changes, "release", lambda: "another-release")
    assert changes.cached("test", ("a",), compute) == 5


def test_counts_start_at_nothing_and_go_up_one_a_change():
    assert changes.count("never changed") == 0
    changes.bump("changed")
    changes.bump("changed")
    assert changes.count("changed") == 2
