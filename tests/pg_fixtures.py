"""Fixtures for tests on the hall server: one throwaway PostgreSQL per session, a fresh hall database
per test (a copy of a template migrated once, through pytest-postgresql's ``DatabaseJanitor``)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator

import psycopg
import pytest
from pg_server import NoServer, PgServer, required, test_server
from pytest_postgresql.janitor import DatabaseJanitor

from counter_app.store.postgres.migrations import apply_migrations

TEMPLATE = "counter_app_template"
_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        with test_server() as server:
            yield server
    except NoServer as exc:
        if required():
            pytest.fail(f"COUNTER_APP_REQUIRE_PG=1 but {exc}")
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def pg_template(pg_server: PgServer) -> Iterator[str]:
    """A database with the hall schema, copied for each test (copying is far faster than migrating)."""
    janitor = DatabaseJanitor(
        user=pg_server.user, host=pg_server.host, port=pg_server.port, dbname=TEMPLATE, as_template=True
    )
    janitor.drop()
    janitor.init()
    dsn = pg_server.conninfo(TEMPLATE)
    with psycopg.connect(dsn, autocommit=True) as conn:
        apply_migrations(conn, dsn, create=True)
    yield TEMPLATE
    janitor.drop()


@pytest.fixture
def pg_new_hall(pg_server: PgServer, pg_template: str) -> Iterator[Callable[[], str]]:
    """Make another new, empty hall database on the test server (all dropped after the test)."""
    janitors: list[DatabaseJanitor] = []

    def make() -> str:
        name = f"hall_{os.getpid()}_{next(_numbers)}"
        janitor = DatabaseJanitor(
            user=pg_server.user,
            host=pg_server.host,
            port=pg_server.port,
            dbname=name,
            template_dbname=pg_template,
        )
        janitor.init()
        janitors.append(janitor)
        return pg_server.conninfo(name)

    yield make
    for janitor in janitors:
        janitor.drop()


@pytest.fixture
def pg_dsn(pg_new_hall: Callable[[], str]) -> str:
    """The DSN of a new, empty hall database on the test server (dropped after the test)."""
    return pg_new_hall()
