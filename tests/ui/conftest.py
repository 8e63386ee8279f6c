"""Windows under test talk to a real hall file through the real worker thread, like in the hall.

``other`` is a second connection to the same file, standing in for another process (a kiosk or a
counter PC): what it commits reaches the window through ``PRAGMA data_version`` polling.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from counter_app import paths
from counter_app.app import open_hall
from counter_app.qt_i18n import install_language
from counter_app.services.hall import Hall
from counter_app.ui.hall_client import HallClient, HallWorker


@pytest.fixture(autouse=True)
def collect_after_the_test() -> Iterator[None]:
    """Break a test's reference cycles of Qt objects once its windows are closed and its worker
    threads stopped (this fixture is torn down last), not whenever the collector runs next: once it
    ran while the next test's worker thread used the hall and PySide6 crashed."""
    yield
    gc.collect()


@pytest.fixture
def hall_file(tmp_path: Path) -> Path:
    path = tmp_path / "hall.sqlite3"
    open_hall(path, profile_file=paths.DEFAULT_PROFILE, create=True).close()
    return path


@pytest.fixture
def other(hall_file: Path) -> Iterator[Hall]:
    hall = open_hall(hall_file)
    yield hall
    hall.close()


def start_client(path: Path) -> HallClient:
    worker = HallWorker(lambda: open_hall(path))
    worker.start()
    worker.ready.wait(10)
    assert worker.open_error is None, worker.open_error
    return HallClient(worker)


@pytest.fixture
def client(qapp: object, hall_file: Path) -> Iterator[HallClient]:
    install_language("en")
    c = start_client(hall_file)
    yield c
    c.worker.stop()


@pytest.fixture
def zh_client(qapp: object, hall_file: Path) -> Iterator[HallClient]:
    install_language("zh_CN")
    c = start_client(hall_file)
    yield c
    c.worker.stop()
    install_language("en")
