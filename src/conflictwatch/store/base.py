"""The EventStore protocol: what the CLI, the API and ingestion need from a store.

Backends (SQLite, PostgreSQL) implement it with SQLAlchemy; tests may pass a fake.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from conflictwatch.models import Article, Event, QuarantineItem


class EventFilter(BaseModel):
    """Filters shared by export, the API and analytics. Every field is optional."""

    start: date | None = None
    end: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    dataset: str | None = None  # "extracted", "ucdp", "acled"


class EventPage(BaseModel):
    events: list[Event]
    next: str | None = None  # opaque cursor for the following page


class IngestResult(BaseModel):
    article_id: str
    created: bool  # False when the article (same URL or content hash) was already stored
    event_ids: list[str] = Field(default_factory=list)
    merged_into: dict[str, str] = Field(default_factory=dict)  # new report -> existing event id


class TimeBucket(BaseModel):
    period: str  # "2024-09-17", "2024-W38", "2024-09"
    group: str | None = None
    events: int
    fatalities: int


class PlaceCount(BaseModel):
    location: str | None
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    events: int
    fatalities: int


class EventStore(Protocol):
    def ingest(self, article: Article, events: list[Event]) -> IngestResult:
        """Store an article and its events in one transaction; idempotent by URL and content hash."""
        ...

    def add_events(self, events: list[Event], dataset: str) -> int:
        """Bulk-add events from a dataset (UCDP, ACLED import). Returns how many were added."""
        ...

    def get_event(self, event_id: str) -> Event: ...

    def get_article(self, article_id: str) -> Article: ...

    def query_events(
        self,
        flt: EventFilter,
        sort: str = "-event_date",
        cursor: str | None = None,
        limit: int = 100,
    ) -> EventPage: ...

    def count_events(self, flt: EventFilter) -> int: ...

    def timeseries(
        self,
        flt: EventFilter,
        interval: Literal["day", "week", "month"] = "month",
        group_by: Literal["event_type", "country", "actor"] | None = None,
    ) -> list[TimeBucket]: ...

    def places(self, flt: EventFilter, limit: int = 500) -> list[PlaceCount]: ...

    def quarantine(self, item: QuarantineItem) -> None: ...

    def close(self) -> None: ...
