"""Event lists as CSV (ACLED's 31 columns) and as a GeoJSON FeatureCollection."""

from __future__ import annotations

import csv
import io
from typing import Any

from conflictwatch.models import ACLED_COLUMNS, Event

CSV_MEDIA = "text/csv"
GEOJSON_MEDIA = "application/geo+json"
EXTRA_CSV_COLUMNS = ("id", "fatalities_low", "fatalities_high", "dataset")


def dataset_of(ev: Event) -> str | None:
    return next((s.dataset for s in ev.sources if s.dataset), None)


def to_csv(events: list[Event]) -> str:
    """ACLED's columns in ACLED's order, then our id, fatality range and dataset."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow([*ACLED_COLUMNS, *EXTRA_CSV_COLUMNS])
    for ev in events:
        row = ev.acled_row()
        w.writerow([*(_cell(row[c]) for c in ACLED_COLUMNS), ev.id or "", _cell(ev.fatalities_low),
                    _cell(ev.fatalities_high), dataset_of(ev) or ""])
    return buf.getvalue()


def _cell(v: Any) -> str:
    return "" if v is None else str(v)


def to_feature(ev: Event) -> dict[str, Any]:
    geom = None
    if ev.latitude is not None and ev.longitude is not None:
        geom = {"type": "Point", "coordinates": [ev.longitude, ev.latitude]}
    props = {
        "id": ev.id, "event_date": ev.event_date.isoformat(), "event_type": ev.event_type,
        "sub_event_type": ev.sub_event_type, "actor1": ev.actor1, "actor2": ev.actor2,
        "country": ev.country, "admin1": ev.admin1, "location": ev.location,
        "fatalities": ev.fatalities, "geo_precision": ev.geo_precision, "dataset": dataset_of(ev),
        "confidence": round(ev.overall_confidence, 3) if ev.confidence else None,
    }
    return {"type": "Feature", "id": ev.id, "geometry": geom, "properties": props}


def to_geojson(events: list[Event], next_cursor: str | None) -> dict[str, Any]:
    """A FeatureCollection; events without coordinates have a null geometry (valid GeoJSON)."""
    return {"type": "FeatureCollection", "features": [to_feature(e) for e in events], "next": next_cursor}
