"""Rows <-> typed records."""

from __future__ import annotations

from datetime import date
from typing import Any

from conflictwatch.models import Article, Event, Evidence, SourceRef
from conflictwatch.store import tables

_EVENT_META = {"dataset", "confidence", "evidence", "n_sources", "created_at", "updated_at"}
EVENT_SCALARS = tuple(c.name for c in tables.events.c if c.name not in _EVENT_META)


def event_values(e: Event, dataset: str, n_sources: int) -> dict[str, Any]:
    row = {k: getattr(e, k) for k in EVENT_SCALARS}
    row["dataset"] = dataset
    row["confidence"] = dict(e.confidence)
    row["evidence"] = [ev.model_dump() for ev in e.evidence]
    row["n_sources"] = n_sources
    return row


def row_to_event(row: Any, sources: list[SourceRef]) -> Event:
    data = {k: row[k] for k in EVENT_SCALARS}
    return Event(
        **data,
        confidence=row["confidence"] or {},
        evidence=[Evidence(**ev) for ev in row["evidence"] or []],
        sources=sources,
    )


def row_to_source(row: Any) -> SourceRef:
    return SourceRef(
        article_id=row["article_id"] or row["ref"],
        url=row["url"],
        title=row["title"],
        source=row["source"],
        published=row["published"],
        dataset=row["dataset"],
    )


def report_json(e: Event) -> dict[str, Any]:
    return e.model_dump(mode="json", exclude={"sources"})


def report_from_json(data: Any) -> Event:
    return Event.model_validate(dict(data))


def row_to_article(row: Any) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        url=row["url"],
        title=row["title"],
        source=row["source"],
        published=row["published"],
        language=row["language"],
        content_hash=row["content_hash"],
    )


def as_date(v: Any) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))
