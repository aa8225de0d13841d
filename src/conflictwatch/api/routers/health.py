"""GET /health: the service is up and its store answers."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from conflictwatch import __version__
from conflictwatch.api.deps import get_store
from conflictwatch.api.schemas import Health
from conflictwatch.store.base import EventFilter, EventStore

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Liveness, version and the number of stored events")
def health(store: EventStore = Depends(get_store)) -> Health:
    return Health(status="ok", version=__version__, events=store.count_events(EventFilter()))
