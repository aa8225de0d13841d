"""Composite indexes for /events (filter + the default sort) and the api_keys table.

The default order of /events is ``event_date DESC, id DESC`` (keyset pagination). With only a
single-column index on ``event_type`` or ``dataset``, a filtered page had to sort every match;
``(filter, event_date, id)`` hands the rows out already in order. ``lower(country)`` is the
expression query.py compares, so the plain ``country`` index could not serve that filter.
``coalesce(fatalities, -1), id`` is the ``sort=fatalities`` key, also after ``dataset``. The single-column event_type and
dataset indexes are prefixes of the new ones and are dropped.

``api_keys`` (conflictwatch.api.security) used to be created on first use outside the
migrations; a database where that already happened keeps its table.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("api_keys"):
        op.create_table(
            "api_keys",
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("key_hash", sa.String(length=64), nullable=False),
            sa.Column("label", sa.String(length=200), nullable=True),
            sa.Column("created", sa.DateTime(), nullable=False),
            sa.Column("revoked", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
            sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
        )
    op.create_index("ix_events_event_type_event_date_id", "events", ["event_type", "event_date", "id"])
    op.create_index("ix_events_dataset_event_date_id", "events", ["dataset", "event_date", "id"])
    op.create_index("ix_events_lower_country_event_date_id", "events",
                    [sa.text("lower(country)"), "event_date", "id"])
    op.create_index("ix_events_fatalities_sort", "events", [sa.text("coalesce(fatalities, -1)"), "id"])
    op.create_index("ix_events_dataset_fatalities_sort", "events",
                    ["dataset", sa.text("coalesce(fatalities, -1)"), "id"])
    op.drop_index("ix_events_event_type", table_name="events")
    op.drop_index("ix_events_dataset", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_dataset", "events", ["dataset"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.drop_index("ix_events_dataset_fatalities_sort", table_name="events")
    op.drop_index("ix_events_fatalities_sort", table_name="events")
    op.drop_index("ix_events_lower_country_event_date_id", table_name="events")
    op.drop_index("ix_events_dataset_event_date_id", table_name="events")
    op.drop_index("ix_events_event_type_event_date_id", table_name="events")
    op.drop_table("api_keys")
