"""Open a store: build the SQLAlchemy engine for a URL and bring its schema to the latest
migration (Alembic, programmatically; the migrations ship inside the package)."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
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


def analyze(engine: Engine) -> None:
    """Refresh the planner's statistics (after a bulk load): a full ANALYZE reads each index once
    (about 2 s at a million events on SQLite). A bounded one (``PRAGMA analysis_limit``) was
    tried and misjudged the low-cardinality columns (dataset) badly enough to spoil plans."""
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("ANALYZE")
            else:
                conn.exec_driver_sql("ANALYZE events")
                conn.exec_driver_sql("ANALYZE event_sources")
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot analyze {engine.url.render_as_string(hide_password=True)}: {exc}") from exc


def stats_are_stale(engine: Engine) -> bool:
    """SQLite only (PostgreSQL's autovacuum keeps its own statistics): True when the events table
    holds a thousand rows or more and ``sqlite_stat1`` is missing or counted less than half (or
    more than twice) the rows there are now, or an index of it has no statistics (a newer migration). Without statistics SQLite's planner guesses, and at
    a million events a wrong guess (walking the date index for a rare filter) costs seconds."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT max(rowid) FROM events")).scalar() or 0  # instant, unlike count(*)
        if rows < 1000:
            return False
        has_stats = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first()
        if not has_stats:
            return True
        stat = conn.execute(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' LIMIT 1")).scalar()
        # an index made by a later migration has no statistics yet
        unmeasured = conn.execute(text(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
            "AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE tbl = 'events')")).scalar()
        if unmeasured:
            return True
    try:
        counted = int(str(stat).split()[0])
    except (ValueError, IndexError):
        return True
    return not (rows / 2 <= counted <= rows * 2)
