"""Shared test set-up: Qt off screen, a clock the test controls, and an open hall on a temp file.

Kept small and generic on purpose: fixtures for one area live next to its tests.
"""

from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings

from counter_app import paths
from counter_app.app import open_hall
from counter_app.domain.profile import include_names
from counter_app.services.hall import Hall

# No per-example time limit: CI machines are slower and busier than a developer's, and a property
# test is about the property, not the speed (benchmarks measure that).
settings.register_profile("counter_app", deadline=None)
settings.load_profile("counter_app")

pytest_plugins = ["pg_fixtures"]  # the hall server's fixtures: pg_server, pg_template, pg_dsn

SHANGHAI = ZoneInfo("Asia/Shanghai")
#: A Monday morning, well after the default profile's day start (04:00).
START = datetime(2025, 3, 3, 9, 0, tzinfo=SHANGHAI)


class FakeClock:
    """A hall clock the test sets and steps; always an aware time in Asia/Shanghai.

    ``tick`` (if given) is added after every reading, so consecutive actions get distinct times.
    """

    def __init__(self, start: datetime = START, tick: timedelta = timedelta(0)) -> None:
        self.now = start.astimezone(SHANGHAI)
        self.tick = tick

    def __call__(self) -> datetime:
        now = self.now
        self.now = now + self.tick
        return now

    def set(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=SHANGHAI)
        self.now = moment.astimezone(SHANGHAI)

    def advance(self, delta: timedelta | None = None, **parts: float) -> datetime:
        """Move by ``delta`` or ``timedelta(**parts)`` (negative moves the clock back)."""
        self.now = self.now + (delta if delta is not None else timedelta(**parts))
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine() -> str:
    """The store the hall runs on: the embedded SQLite file here; the services' tests run on both
    (``tests/unit/services/conftest.py`` parametrises this with the hall server, PostgreSQL)."""
    return "sqlite"


@pytest.fixture
def make_hall(
    tmp_path: Path, clock: FakeClock, engine: str, request: pytest.FixtureRequest
) -> Iterator[Callable[..., Hall]]:
    """Open a hall (default: ``tmp_path/hall.sqlite3``, the shipped profile, the test's clock).

    ``profile_text`` writes a profile file first; every hall opened is closed at teardown. On the
    hall server (``engine`` is ``postgresql``) every hall of the test is one fresh server database
    and ``path`` is the PC's local file (its account lists).
    """
    opened: list[Hall] = []
    servers: dict[Path, str] = {}  # on the hall server: one database per hall file the test names

    def make(
        path: Path | None = None,
        *,
        profile_text: str | None = None,
        profile_file: Path | None = None,
        timeout: float = 5.0,
        hall_clock: Callable[[], datetime] | None = None,
    ) -> Hall:
        if profile_text is not None:
            profile_file = tmp_path / f"profile-{len(opened)}.toml"
            profile_file.write_text(profile_text, encoding="utf-8")
            for name in include_names(profile_text):  # the shipped part files it includes
                part = tmp_path / name
                if not part.exists():
                    part.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(paths.DEFAULT_PROFILE.parent / name, part)
        path = path or tmp_path / "hall.sqlite3"
        server = None
        if engine == "postgresql":
            if path not in servers:
                servers[path] = request.getfixturevalue("pg_new_hall")()
            server = servers[path]
        hall = open_hall(
            path,
            profile_file=profile_file or paths.DEFAULT_PROFILE,
            clock=hall_clock or clock,
            timeout=timeout,
            create=True,
            hall=server,
        )
        opened.append(hall)
        return hall

    yield make
    for hall in opened:
        hall.close()


@pytest.fixture
def hall(make_hall: Callable[..., Hall]) -> Hall:
    """The shipped default profile: services A B C D, counters 1-6 (all open), green prefix V."""
    return make_hall()
