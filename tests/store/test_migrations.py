"""The Alembic migrations go down to an empty database and up again, on both backends; the
PostgreSQL helper fails with a clear message when the server cannot be had."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from conflictwatch.store.engine import MIGRATIONS, make_engine, migrate


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_downgrade_to_base_and_upgrade_again(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    assert {"articles", "events", "event_sources", "actors", "places", "ingest_log", "quarantine",
            "feeds"} <= _tables(engine)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert _tables(engine) == set()
    migrate(engine)
    assert "events" in _tables(engine)
    engine.dispose()


def test_unknown_database_urls_are_refused():
    from conflictwatch.errors import ConfigError

    with pytest.raises(ConfigError, match="unsupported database"):
        make_engine("mysql://x@localhost/db")
    with pytest.raises(ConfigError, match="invalid database URL"):
        make_engine("not a url")


def test_missing_postgres_binaries_give_a_clear_error(monkeypatch):
    from conflictwatch.store import pgtemp

    monkeypatch.setattr(pgtemp.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(pgtemp.shutil, "which", lambda name: None)
    with pytest.raises(pgtemp.PostgresUnavailable, match="system-deps.sh"):
        pgtemp.TemporaryPostgres()


def test_postgres_urls_use_psycopg3():
    assert make_engine("postgresql://u@localhost/db").dialect.driver == "psycopg"
    assert make_engine("postgresql+psycopg2://u@localhost/db").dialect.driver == "psycopg"
