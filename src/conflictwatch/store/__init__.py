"""The event store: the EventStore protocol and its SQLAlchemy backend (SQLite, PostgreSQL).

``open_store(url=None, settings=None)`` opens (and migrates) the store at ``url`` or
``settings.database_url`` (env ``CONFLICTWATCH_DATABASE_URL``; default SQLite under ./data).
"""

from __future__ import annotations

import logging

from conflictwatch.config import Settings, get_settings
from conflictwatch.errors import StoreError
from conflictwatch.store.base import EventFilter, EventPage, EventStore, IngestResult, PlaceCount, TimeBucket
from conflictwatch.store.records import SourceRecord
from conflictwatch.store.sql import SQLStore


def open_store(url: str | None = None, settings: Settings | None = None, fuse: bool = True) -> SQLStore:
    """Open the store at ``url`` (or the configured one), applying pending migrations."""
    from conflictwatch.store.engine import analyze, make_engine, migrate, stats_are_stale

    settings = settings or get_settings()
    engine = make_engine(url or settings.database_url)
    migrate(engine)
    if stats_are_stale(engine):  # e.g. a file filled by an older version, or by another tool
        try:
            analyze(engine)
        except StoreError as exc:  # a read-only file still serves, only with guessed plans
            logging.getLogger(__name__).warning("planner statistics not refreshed: %s", exc)
    return SQLStore(engine, settings, fuse=fuse)


__all__ = [
    "EventFilter",
    "EventPage",
    "EventStore",
    "IngestResult",
    "PlaceCount",
    "SQLStore",
    "SourceRecord",
    "TimeBucket",
    "open_store",
]
