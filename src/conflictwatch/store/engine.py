"""Open a store: build the SQLAlchemy engine for a URL and bring its schema to the latest
migration (Alembic, programmatically; the migrations ship inside the package)."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import StaticPool

from conflictwatch.errors import ConfigError, StoreError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    # WAL + NORMAL: a commit survives the process being killed (kill -9); only an OS crash or power
    # cut may lose the last commits (never corrupt the file). FULL would fsync every article.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for a ``sqlite:///...`` or ``postgresql[+psycopg]://...`` URL."""
    try:
        u = make_url(url)
    except Exception as exc:  # sqlalchemy raises ArgumentError on garbage
        raise ConfigError(f"invalid database URL {url!r}: {exc}") from exc
    backend = u.get_backend_name()
    if backend == "sqlite":
        memory = u.database in (None, "", ":memory:")
        if not memory:
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)  # type: ignore[arg-type]
        kwargs: dict = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if memory:
            kwargs["poolclass"] = StaticPool  # one shared in-memory database for every thread
        engine = create_engine(u, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if backend == "postgresql":
        if u.get_driver_name() != "psycopg":
            u = u.set(drivername="postgresql+psycopg")  # psycopg 3 is the driver we install
        return create_engine(u, pool_pre_ping=True)
    raise ConfigError(f"unsupported database {backend!r}: use sqlite:/// or postgresql+psycopg://")


def migrate(engine: Engine, revision: str = "head") -> None:
    """Apply the Alembic migrations up to ``revision`` (idempotent)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate {engine.url.render_as_string(hide_password=True)}: {exc}") from exc
