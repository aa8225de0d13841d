"""The HTTP API: a FastAPI app factory with the event store injected through ``Depends``.

    from conflictwatch.api import create_app
    app = create_app(store=my_store)          # or create_app() to open Settings.database_url
"""

from __future__ import annotations

from conflictwatch.api.app import create_app

__all__ = ["create_app"]
