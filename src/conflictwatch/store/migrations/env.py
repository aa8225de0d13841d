"""Alembic environment: run by ``conflictwatch.store.open_store`` with an open connection."""

from __future__ import annotations

from alembic import context

from conflictwatch.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through conflictwatch.store.open_store(url)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
