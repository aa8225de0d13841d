"""The app factory: routers, error handlers, offline docs and the dashboard's static files."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from conflictwatch import __version__
from conflictwatch.api import errors, headers
from conflictwatch.api.deps import Extract
from conflictwatch.api.routers import articles, events, health, meta, stats
from conflictwatch.api.security import ApiKeyStore
from conflictwatch.config import Settings, get_settings
from conflictwatch.store.base import EventStore

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

DESCRIPTION = """Coded, geolocated, source-linked events of political violence (ACLED columns),
with the evidence each coded field came from. Everything is served from this host: no CDN."""


def create_app(
    store: EventStore | None = None,
    settings: Settings | None = None,
    extract: Extract | None = None,
) -> FastAPI:
    """Build the API. Without ``store`` the app opens ``settings.database_url`` at start-up and
    closes it at shutdown; a store passed in belongs to the caller. ``extract`` (Article ->
    events) defaults to the real Extractor, built on the first POST /articles."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = None
        if app.state.store is None:
            from conflictwatch.store import open_store

            owned = app.state.store = open_store(settings.database_url)
        try:
            yield
        finally:
            app.state.keys.close()
            if owned is not None:
                owned.close()

    app = FastAPIOffline(
        title="conflictwatch",
        description=DESCRIPTION,
        version=__version__,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.keys = ApiKeyStore(settings.database_url)
    app.state.extract = extract
    errors.install(app)
    headers.install(app)
    for module in (events, articles, stats, meta, health):
        app.include_router(module.router)
    _mount_web(app)
    return app


def _mount_web(app: FastAPI) -> None:
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=markercluster.BASE_DIR), name="markercluster")
    app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="web")
