"""ACLED CSV export -> Events (the user's own file; the dataset recorded as the source).

ACLED's columns map one to one onto Event's (models.ACLED_COLUMNS). Older exports code inter1/inter2
as numbers (1-8): they become taxonomy.INTER_TYPES' labels; ``interaction`` is re-derived from them.
Dates may be ISO (2024-09-17) or ACLED's long form (17 September 2024). Event.id is
"acled:<event_id_cnty>".
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from conflictwatch import taxonomy
from conflictwatch.ingest.datasets import (
    ImportReport,
    import_csv,
    iso_numeric,
    none_if_blank,
    to_float,
    to_int,
)
from conflictwatch.models import ACLED_COLUMNS, Event, SourceRef

REQUIRED = {"event_id_cnty", "event_date", "event_type", "sub_event_type", "country"}
_INT = {"year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"}
_FLOAT = {"latitude", "longitude"}


def parse_date(v: str) -> date:
    v = v.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(v, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable event_date {v!r}")


def _inter(v: str | None) -> str | None:
    v = none_if_blank(v)
    if v is not None and v.isdigit():
        return taxonomy.INTER_TYPES.get(int(v))
    return v


def parse_row(row: dict[str, str]) -> Event:
    data: dict[str, object] = {}
    for col in ACLED_COLUMNS:
        if col not in row:
            continue
        raw = row[col]
        if col in _INT:
            data[col] = to_int(raw)
        elif col in _FLOAT:
            data[col] = to_float(raw)
        elif col == "event_date":
            data[col] = parse_date(raw)
        elif col in ("inter1", "inter2"):
            data[col] = _inter(raw)
        else:
            data[col] = none_if_blank(raw)
    if isinstance(data.get("interaction"), str) and str(data["interaction"]).isdigit():
        data["interaction"] = None  # old numeric code: derived again from inter1/inter2
    if data.get("iso") is None:
        data["iso"] = iso_numeric(data.get("country"))  # type: ignore[arg-type]
    data["time_precision"] = data.get("time_precision") or 1
    cnty = data.get("event_id_cnty")
    if not cnty:
        raise ValueError("empty event_id_cnty")
    return Event(**data, id=f"acled:{cnty}",  # type: ignore[arg-type]
                 sources=[SourceRef(article_id=f"acled:{cnty}", dataset="acled", source=data.get("source"))])  # type: ignore[arg-type]


def import_acled(store, path: Path) -> ImportReport:  # type: ignore[no-untyped-def]
    """Add an ACLED export's events to ``store``; a re-import adds none."""
    return import_csv(store, path, "acled", parse_row, REQUIRED)
