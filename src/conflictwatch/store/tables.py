"""The relational schema, as SQLAlchemy Core tables (the Alembic migrations create the same).

    articles       one row per ingested report (text, content hash, url, source, date, language)
    events         one row per (fused) event: every Event field; JSON for confidence and evidence
    event_sources  event <-> report: which article (or dataset record) supports it, the report's
                   own coding, its evidence spans and sentences, and why it was merged
    actors, places distinct actor names and places seen in stored events
    ingest_log     what each ingest run did with each input
    quarantine     refused inputs, with the reason
    feeds          RSS/Atom polling state (ETag, Last-Modified, failures, next poll)
    api_keys       SHA-256 hashes of the API's write keys (conflictwatch.api.security)

Indexes for /events: the default order is ``event_date DESC, id DESC`` with keyset pagination, so
each common equality filter has a composite index ``(filter, event_date, id)`` that hands rows out
already in that order (no sort of every match); ``coalesce(fatalities, -1), id`` serves
``sort=-fatalities``. Expressions match query.py's exactly (``lower(country)``).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("url", Text, unique=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("source", Text),
    Column("published", Date),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime, nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("dataset", String(32), nullable=False),
    Column("event_id_cnty", String(64)),
    Column("event_date", Date, nullable=False),
    Column("year", Integer),
    Column("time_precision", Integer, nullable=False),
    Column("disorder_type", String(64)),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("actor1", Text),
    Column("assoc_actor_1", Text),
    Column("inter1", String(64)),
    Column("actor2", Text),
    Column("assoc_actor_2", Text),
    Column("inter2", String(64)),
    Column("interaction", String(128)),
    Column("civilian_targeting", String(64)),
    Column("iso", Integer),
    Column("region", String(128)),
    Column("country", String(128)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("admin3", Text),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("source", Text),
    Column("source_scale", Text),
    Column("notes", Text),
    Column("fatalities", Integer),
    Column("tags", Text),
    Column("timestamp", Integer),
    Column("doc_id", String(128)),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("recency", String(16), nullable=False),
    Column("main", Boolean, nullable=False),
    Column("confidence", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index(None, "country"),
    Index(None, "admin1"),
    Index(None, "sub_event_type"),
    Index(None, "fatalities"),
    Index(None, "latitude", "longitude"),
    Index(None, "actor1"),
    Index(None, "actor2"),
)
# migration 0002: filter + the default sort (event_date DESC, id DESC); they replace the
# single-column event_type and dataset indexes (their prefixes)
Index("ix_events_event_type_event_date_id", events.c.event_type, events.c.event_date, events.c.id)
Index("ix_events_dataset_event_date_id", events.c.dataset, events.c.event_date, events.c.id)
Index("ix_events_lower_country_event_date_id", func.lower(events.c.country), events.c.event_date, events.c.id)
# migration 0003: the default order in full, with the bbox columns (checked from the index)
Index("ix_events_event_date_id_place", events.c.event_date, events.c.id, events.c.latitude, events.c.longitude)
Index("ix_events_fatalities_sort", func.coalesce(events.c.fatalities, -1), events.c.id)
Index("ix_events_dataset_fatalities_sort", events.c.dataset, func.coalesce(events.c.fatalities, -1), events.c.id)

event_sources = Table(
    "event_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(128), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE")),
    Column("ref", String(160), nullable=False),  # the article id, or "ucdp:<id>" for a dataset row
    Column("dataset", String(32), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text),
    Column("published", Date),
    Column("report", JSON, nullable=False),  # the report's own coding (an Event without sources)
    Column("evidence", JSON, nullable=False),  # spans + sentences that support it
    Column("merge", JSON),  # None for the first report; otherwise the fusion decision (score, reasons)
    Column("added_at", DateTime, nullable=False),
    UniqueConstraint("event_id", "ref"),
    Index(None, "article_id"),
    Index(None, "ref"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(512), nullable=False, unique=True),
    Column("inter", String(64)),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", String(512), nullable=False),
    Column("country", String(128), nullable=False),
    Column("admin1", String(256), nullable=False),
    Column("latitude", Float),
    Column("longitude", Float),
    UniqueConstraint("location", "country", "admin1"),
)

ingest_log = Table(
    "ingest_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("source", Text, nullable=False),
    Column("article_id", String(128)),
    Column("status", String(32), nullable=False),  # new | duplicate | quarantined | imported
    Column("events", Integer, nullable=False),
    Column("detail", Text),
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("reason", String(128), nullable=False),
    Column("detail", Text),
    Column("received", DateTime, nullable=False),
    Index(None, "reason"),
)

feeds = Table(
    "feeds",
    metadata,
    Column("url", String(1024), primary_key=True),
    Column("etag", Text),
    Column("modified", Text),
    Column("last_polled", DateTime),
    Column("last_status", Integer),
    Column("failures", Integer, nullable=False, default=0),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("label", String(200), nullable=True),
    Column("created", DateTime, nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
)
