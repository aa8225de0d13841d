"""Initial schema: articles, events, event_sources, actors, places, ingest_log, quarantine, feeds.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 03:24:36.309974
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("inter", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
        sa.UniqueConstraint("name", name=op.f("uq_actors_name")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
        sa.UniqueConstraint("url", name=op.f("uq_articles_url")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("dataset", sa.String(length=32), nullable=False),
        sa.Column("event_id_cnty", sa.String(length=64), nullable=True),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("disorder_type", sa.String(length=64), nullable=True),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("sub_event_type", sa.String(length=64), nullable=False),
        sa.Column("actor1", sa.Text(), nullable=True),
        sa.Column("assoc_actor_1", sa.Text(), nullable=True),
        sa.Column("inter1", sa.String(length=64), nullable=True),
        sa.Column("actor2", sa.Text(), nullable=True),
        sa.Column("assoc_actor_2", sa.Text(), nullable=True),
        sa.Column("inter2", sa.String(length=64), nullable=True),
        sa.Column("interaction", sa.String(length=128), nullable=True),
        sa.Column("civilian_targeting", sa.String(length=64), nullable=True),
        sa.Column("iso", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=128), nullable=True),
        sa.Column("country", sa.String(length=128), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("admin2", sa.Text(), nullable=True),
        sa.Column("admin3", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geo_precision", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("source_scale", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("fatalities", sa.Integer(), nullable=True),
        sa.Column("tags", sa.Text(), nullable=True),
        sa.Column("timestamp", sa.Integer(), nullable=True),
        sa.Column("doc_id", sa.String(length=128), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("recency", sa.String(length=16), nullable=False),
        sa.Column("main", sa.Boolean(), nullable=False),
        sa.Column("confidence", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_actor1"), ["actor1"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_actor2"), ["actor2"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_admin1"), ["admin1"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_country"), ["country"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_dataset"), ["dataset"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_event_date"), ["event_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_event_type"), ["event_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_events_fatalities"), ["fatalities"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_events_latitude_longitude"), ["latitude", "longitude"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_events_sub_event_type"), ["sub_event_type"], unique=False)

    op.create_table(
        "feeds",
        sa.Column("url", sa.String(length=1024), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("modified", sa.Text(), nullable=True),
        sa.Column("last_polled", sa.DateTime(), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_feeds")),
    )
    op.create_table(
        "ingest_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("article_id", sa.String(length=128), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_log")),
    )
    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("location", sa.String(length=512), nullable=False),
        sa.Column("country", sa.String(length=128), nullable=False),
        sa.Column("admin1", sa.String(length=256), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
        sa.UniqueConstraint("location", "country", "admin1", name=op.f("uq_places_location_country_admin1")),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=128), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("received", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine")),
    )
    with op.batch_alter_table("quarantine", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quarantine_reason"), ["reason"], unique=False)

    op.create_table(
        "event_sources",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=128), nullable=False),
        sa.Column("article_id", sa.String(length=128), nullable=True),
        sa.Column("ref", sa.String(length=160), nullable=False),
        sa.Column("dataset", sa.String(length=32), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("report", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("merge", sa.JSON(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_event_sources_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_sources_event_id_events"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sources")),
        sa.UniqueConstraint("event_id", "ref", name=op.f("uq_event_sources_event_id_ref")),
    )
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_sources_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_sources_ref"), ["ref"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("event_sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_sources_ref"))
        batch_op.drop_index(batch_op.f("ix_event_sources_article_id"))

    op.drop_table("event_sources")
    with op.batch_alter_table("quarantine", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quarantine_reason"))

    op.drop_table("quarantine")
    op.drop_table("places")
    op.drop_table("ingest_log")
    op.drop_table("feeds")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_sub_event_type"))
        batch_op.drop_index(batch_op.f("ix_events_latitude_longitude"))
        batch_op.drop_index(batch_op.f("ix_events_fatalities"))
        batch_op.drop_index(batch_op.f("ix_events_event_type"))
        batch_op.drop_index(batch_op.f("ix_events_event_date"))
        batch_op.drop_index(batch_op.f("ix_events_dataset"))
        batch_op.drop_index(batch_op.f("ix_events_country"))
        batch_op.drop_index(batch_op.f("ix_events_admin1"))
        batch_op.drop_index(batch_op.f("ix_events_actor2"))
        batch_op.drop_index(batch_op.f("ix_events_actor1"))

    op.drop_table("events")
    op.drop_table("articles")
    op.drop_table("actors")
