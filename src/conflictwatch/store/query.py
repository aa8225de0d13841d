"""EventFilter -> SQL conditions; sort keys and keyset cursors."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, literal_column, or_

from conflictwatch.errors import InputError
from conflictwatch.store import tables
from conflictwatch.store.base import EventFilter

E = tables.events.c

# sort key -> (expression, value used for NULLs so that keyset comparisons stay total). The NULL
# stand-ins are literals, not bound parameters, so that the expression matches the index on
# ``coalesce(fatalities, -1)`` (migration 0002).
SORTS: dict[str, tuple[Any, Any]] = {
    "event_date": (E.event_date, None),
    "fatalities": (func.coalesce(E.fatalities, literal_column("-1")), -1),
    "country": (func.coalesce(E.country, literal_column("''")), ""),
    "id": (E.id, None),
    "created_at": (E.created_at, None),
}


def conditions(flt: EventFilter, fatalities_index: bool = True, bbox_index: bool = True) -> list[ColumnElement[bool]]:
    """The WHERE terms of ``flt``. ``fatalities_index=False`` writes the ``min_fatalities`` term
    as ``fatalities + 0 >= n`` (same rows) so that no planner uses the fatalities index for it;
    ``bbox_index=False`` does the same for the latitude/longitude index."""
    c: list[ColumnElement[bool]] = []
    if flt.start:
        c.append(E.event_date >= flt.start)
    if flt.end:
        c.append(E.event_date <= flt.end)
    if flt.country:
        c.append(func.lower(E.country) == flt.country.lower())
    if flt.admin1:
        c.append(func.lower(E.admin1) == flt.admin1.lower())
    if flt.event_type:
        c.append(E.event_type == flt.event_type)
    if flt.sub_event_type:
        c.append(E.sub_event_type == flt.sub_event_type)
    if flt.actor:
        pat = _contains(flt.actor)
        cols = (E.actor1, E.actor2, E.assoc_actor_1, E.assoc_actor_2)
        c.append(or_(*(func.lower(col).like(pat, escape="\\") for col in cols)))
    if flt.text:
        pat = _contains(flt.text)
        c.append(or_(func.lower(E.notes).like(pat, escape="\\"), func.lower(E.location).like(pat, escape="\\")))
    if flt.min_fatalities is not None:
        col = E.fatalities if fatalities_index else E.fatalities + 0
        c.append(col >= flt.min_fatalities)
    if flt.bbox:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        c.append(bbox_term(flt.bbox, bbox_index))
    if flt.dataset:
        c.append(E.dataset == flt.dataset)
    return c


def bbox_term(bbox: tuple[float, float, float, float], index: bool = True) -> ColumnElement[bool]:
    min_lon, min_lat, max_lon, max_lat = bbox
    lat, lon = (E.latitude, E.longitude) if index else (E.latitude + 0, E.longitude + 0)
    return and_(lat.between(min_lat, max_lat), lon.between(min_lon, max_lon))


def _contains(term: str) -> str:
    """A LIKE pattern matching ``term`` anywhere, its own % and _ taken literally."""
    esc = term.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def parse_sort(sort: str) -> tuple[str, bool]:
    desc = sort.startswith("-")
    key = sort.lstrip("-+")
    if key not in SORTS:
        raise InputError(f"unknown sort key {key!r}; expected one of {sorted(SORTS)}", source="sort")
    return key, desc


def encode_cursor(key: str, value: Any, event_id: str) -> str:
    if isinstance(value, date):
        value = value.isoformat()
    elif hasattr(value, "isoformat"):
        value = value.isoformat()
    raw = json.dumps([key, value, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, key: str) -> tuple[Any, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        ckey, value, event_id = json.loads(raw)
    except (ValueError, TypeError) as exc:
        raise InputError("invalid cursor", source="cursor") from exc
    if ckey != key:
        raise InputError(f"cursor was made for sort {ckey!r}, not {key!r}", source="cursor")
    if key == "event_date":
        value = date.fromisoformat(value)
    elif key == "created_at":
        from datetime import datetime

        value = datetime.fromisoformat(value)
    return value, event_id


def after(key: str, desc: bool, value: Any, event_id: str) -> ColumnElement[bool]:
    expr, _ = SORTS[key]
    if key == "id":
        return E.id < event_id if desc else E.id > event_id
    v = literal(value, type_=expr.type) if not hasattr(value, "__clause_element__") else value
    if desc:
        return or_(expr < v, and_(expr == v, E.id < event_id))
    return or_(expr > v, and_(expr == v, E.id > event_id))


def sort_value(key: str, row: Any) -> Any:
    if key == "fatalities":
        return row.fatalities if row.fatalities is not None else -1
    if key == "country":
        return row.country or ""
    return getattr(row, key)
