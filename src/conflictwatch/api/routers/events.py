"""GET /events (filtered, sorted, paginated; JSON, CSV or GeoJSON) and GET /events/{id}."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse, Response

from conflictwatch.api import formats
from conflictwatch.api.deps import get_store
from conflictwatch.api.params import event_filter
from conflictwatch.api.schemas import ErrorBody, EventDetail
from conflictwatch.errors import NotFound
from conflictwatch.models import Article, Event
from conflictwatch.store.base import EventFilter, EventPage, EventStore

router = APIRouter(tags=["events"])

Sort = Literal["-event_date", "event_date", "-fatalities", "fatalities"]
Format = Literal["json", "csv", "geojson"]
MAX_LIMIT = 5000


@router.get(
    "/events",
    response_model=EventPage,
    summary="Events matching the filters, one page at a time",
    responses={
        200: {
            "description": "A page of events. CSV and GeoJSON carry the next cursor in the "
            "`X-Next-Cursor` header (GeoJSON also in its `next` member).",
            "content": {formats.CSV_MEDIA: {"schema": {"type": "string"}},
                        formats.GEOJSON_MEDIA: {"schema": {"type": "object"}}},
        },
        422: {"model": ErrorBody, "description": "A parameter or the cursor is not usable."},
    },
)
def list_events(
    flt: EventFilter = Depends(event_filter),
    sort: Sort = Query("-event_date", description="Sort key; a leading '-' means descending."),
    cursor: str | None = Query(None, max_length=500, description="The `next` value of the previous page."),
    limit: int = Query(100, ge=1, le=MAX_LIMIT, description=f"Page size (1 to {MAX_LIMIT})."),
    format: Format = Query("json", description="json, csv (ACLED columns) or geojson."),
    store: EventStore = Depends(get_store),
) -> Response:
    page = store.query_events(flt, sort=sort, cursor=cursor or None, limit=limit)
    headers = {"X-Next-Cursor": page.next} if page.next else {}
    if format == "csv":
        return Response(formats.to_csv(page.events), media_type=formats.CSV_MEDIA, headers=headers)
    if format == "geojson":
        return JSONResponse(formats.to_geojson(page.events, page.next), media_type=formats.GEOJSON_MEDIA,
                            headers=headers)
    return Response(page.model_dump_json(), media_type="application/json", headers=headers)


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    summary="One event: coded fields, confidence, evidence spans, sources and the articles behind them",
    responses={404: {"model": ErrorBody, "description": "No such event."}},
)
def get_event(event_id: str, store: EventStore = Depends(get_store)) -> EventDetail:
    ev = store.get_event(event_id)
    return EventDetail(**ev.model_dump(), articles=_articles_of(ev, store))


def _articles_of(ev: Event, store: EventStore) -> list[Article]:
    ids: list[str] = []
    for aid in [ev.doc_id, *(e.article_id for e in ev.evidence), *(s.article_id for s in ev.sources)]:
        if aid and aid not in ids:
            ids.append(aid)
    found = []
    for aid in ids[:20]:
        try:
            found.append(store.get_article(aid))
        except NotFound:
            continue  # dataset rows (UCDP, ACLED) cite sources we hold no text for
    return found
