"""GET /health: the service is up and its store answers."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter, Depends

from conflictwatch.api.deps import get_store
from conflictwatch.api.schemas import Health
from conflictwatch.store.base import EventFilter, EventStore

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("conflictwatch")
    except PackageNotFoundError:
        return "unknown"


@router.get("/health", response_model=Health, summary="Liveness, version and the number of stored events")
def health(store: EventStore = Depends(get_store)) -> Health:
    return Health(status="ok", version=_version(), events=store.count_events(EventFilter()))
