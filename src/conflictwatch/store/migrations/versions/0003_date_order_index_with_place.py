"""The date-order index carries id, latitude and longitude: ``(event_date, id, latitude, longitude)``.

It gives the whole default order (``event_date DESC, id DESC``) with no sort of ties, and a walk in
that order checks a ``bbox`` filter from the index alone, reading a table row only for events in
the box. It replaces ``ix_events_event_date`` (its prefix; fusion's date-window query uses it the
same way).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_event_date_id_place", "events", ["event_date", "id", "latitude", "longitude"])
    op.drop_index("ix_events_event_date", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.drop_index("ix_events_event_date_id_place", table_name="events")
