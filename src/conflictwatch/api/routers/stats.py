"""GET /stats/timeseries, /stats/places and /stats/count over the same filters as /events."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query

from conflictwatch.api.deps import get_store
from conflictwatch.api.params import event_filter
from conflictwatch.api.schemas import Count, Places, Timeseries
from conflictwatch.store.base import EventFilter, EventStore

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("/timeseries", response_model=Timeseries, summary="Events and fatalities per period")
def timeseries(
    flt: EventFilter = Depends(event_filter),
    interval: Literal["day", "week", "month"] = Query("month"),
    group_by: Literal["event_type", "country", "actor"] | None = Query(None),
    store: EventStore = Depends(get_store),
) -> Timeseries:
    buckets = store.timeseries(flt, interval=interval, group_by=group_by)
    return Timeseries(interval=interval, group_by=group_by, buckets=buckets)


@router.get("/places", response_model=Places, summary="Places with the most events")
def places(
    flt: EventFilter = Depends(event_filter),
    limit: int = Query(500, ge=1, le=5000),
    store: EventStore = Depends(get_store),
) -> Places:
    return Places(places=store.places(flt, limit=limit))


@router.get("/count", response_model=Count, summary="How many events match the filters")
def count(flt: EventFilter = Depends(event_filter), store: EventStore = Depends(get_store)) -> Count:
    return Count(events=store.count_events(flt))
