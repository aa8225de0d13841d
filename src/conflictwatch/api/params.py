"""Query parameters shared by /events and /stats/*: parsed once into an EventFilter."""

from __future__ import annotations

from datetime import date

from fastapi import Query

from conflictwatch.store.base import EventFilter

_NUM = r"-?\d{1,3}(\.\d{1,10})?"
BBOX_PATTERN = rf"^{_NUM},{_NUM},{_NUM},{_NUM}$"


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    """``"minlon,minlat,maxlon,maxlat"`` -> a 4-tuple of floats (the pattern has checked the form)."""
    if raw is None:
        return None
    x0, y0, x1, y1 = (float(p) for p in raw.split(","))
    return (x0, y0, x1, y1)


def event_filter(
    start: date | None = Query(None, description="First event date (inclusive), YYYY-MM-DD."),
    end: date | None = Query(None, description="Last event date (inclusive), YYYY-MM-DD."),
    country: str | None = Query(None, max_length=100, description="Country name, e.g. Mali."),
    admin1: str | None = Query(None, max_length=100, description="First-level region name."),
    event_type: str | None = Query(None, max_length=100, description="ACLED event type."),
    sub_event_type: str | None = Query(None, max_length=100, description="ACLED sub-event type."),
    actor: str | None = Query(None, max_length=200, description="Actor name (either side, associated too)."),
    text: str | None = Query(None, max_length=200, description="Words to find in notes and location."),
    min_fatalities: int | None = Query(None, ge=0, le=1_000_000, description="At least this many deaths."),
    bbox: str | None = Query(
        None, pattern=BBOX_PATTERN, description="minlon,minlat,maxlon,maxlat (WGS84 degrees).",
        examples=["13.5,2.2,27.5,11.0"],
    ),
    dataset: str | None = Query(None, max_length=50, description='"extracted", "ucdp", "acled".'),
) -> EventFilter:
    return EventFilter(
        start=start, end=end, country=country or None, admin1=admin1 or None,
        event_type=event_type or None, sub_event_type=sub_event_type or None, actor=actor or None,
        text=text or None, min_fatalities=min_fatalities, bbox=parse_bbox(bbox), dataset=dataset or None,
    )
