"""The programmes tests' region (two councils in a partnership, a third outside, one programme and project)."""

from partnering.programmes.tests.conftest import region  # noqa: F401
