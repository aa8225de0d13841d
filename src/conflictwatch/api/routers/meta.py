"""GET /taxonomy: the ACLED coding scheme the events use, for clients that build filters."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from conflictwatch import taxonomy

router = APIRouter(tags=["meta"])


class Taxonomy(BaseModel):
    event_types: dict[str, list[str]]  # event type -> its sub-event types, in codebook order
    inter_types: dict[int, str]
    time_precision: dict[int, str]
    geo_precision: dict[int, str]


@router.get("/taxonomy", response_model=Taxonomy, summary="Event types, sub-event types and code meanings")
def get_taxonomy() -> Taxonomy:
    return Taxonomy(
        event_types={k: list(v) for k, v in taxonomy.EVENT_TYPES.items()},
        inter_types=dict(taxonomy.INTER_TYPES),
        time_precision=dict(taxonomy.TIME_PRECISION),
        geo_precision=dict(taxonomy.GEO_PRECISION),
    )
