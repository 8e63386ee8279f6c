"""The services' tests run on both stores: the embedded SQLite file and the hall's PostgreSQL server.

One fixture (``engine``), not a copy of the tests: every test that opens a hall through ``hall`` /
``make_hall`` runs once per engine. A test about the SQLite file itself asks for ``sqlite_only``.
"""

from __future__ import annotations

import pytest
from link_fixtures import pcs  # noqa: F401  (PCs of a hall on its server: link, hand-over tests)


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def sqlite_only(engine: str) -> None:
    """For a test of what only the embedded file has (its pragmas, its file on disk)."""
    if engine != "sqlite":
        pytest.skip("a test of the embedded SQLite file")
