"""Shared fixtures: a real PostgreSQL server for the tests marked ``postgres``.

``db_url`` is parametrized over both backends, so a test that takes it runs twice: against
SQLite (a file in tmp) and against PostgreSQL (a fresh database of a throwaway server started
once per session, lazily, from Debian's package). If PostgreSQL cannot start, the postgres tests
FAIL with the reason: they are never skipped.
"""

from __future__ import annotations

import itertools

import pytest

_counter = itertools.count()


@pytest.fixture(scope="session")
def postgres_server():
    from conflictwatch.store import open_store
    from conflictwatch.store.pgtemp import PostgresUnavailable, TemporaryPostgres

    try:
        server = TemporaryPostgres().start()
        server.execute("CREATE DATABASE cw_template")
        open_store(server.url("cw_template")).close()  # migrate once; tests copy it
    except PostgresUnavailable as exc:
        pytest.fail(f"PostgreSQL could not start, so the postgres tests cannot run: {exc}", pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, migrated PostgreSQL database for one test."""
    name = f"cw_test_{next(_counter)}"
    postgres_server.execute(f"CREATE DATABASE {name} TEMPLATE cw_template")
    yield postgres_server.url(name)
    postgres_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A database URL for each backend in turn (the test runs once per backend)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/store.db"
    return request.getfixturevalue("postgres_url")
