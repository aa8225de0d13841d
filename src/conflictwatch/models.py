"""Typed records that cross every boundary: Article, Event, Evidence, Actor, Place, Toponym.

One definition of each record is used by extraction, the store, the API and the CLI. An Event
carries every column of an ACLED export (same names, same order in ``ACLED_COLUMNS``) plus our
own: a fatality range, recency (current or past), the principal-event flag, a confidence per
coded field and, for every coded field, the character spans of the article it came from.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from conflictwatch import taxonomy

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
"""The 31 columns of an ACLED export, in ACLED's order."""

Recency = Literal["current", "past"]


def content_hash(text: str) -> str:
    """SHA-256 of the NFC-normalised text with whitespace collapsed: the article's identity."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


class Evidence(BaseModel):
    """A character span of an article that supports one coded field."""

    model_config = ConfigDict(frozen=True)

    field: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str | None = None
    article_id: str | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError("evidence end before start")
        return self


class Article(BaseModel):
    """A news report as ingested: the text we code and where it came from."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = "en"
    content_hash: str = ""

    @model_validator(mode="after")
    def _hash(self) -> Article:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)
        return self


class Actor(BaseModel):
    """An actor of the knowledge base (or a generic one built for a country)."""

    name: str
    inter: str | None = None  # one of taxonomy.INTER_TYPES' labels
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)
    active_from: int | None = None
    active_to: int | None = None
    generic: bool = False

    @field_validator("inter")
    @classmethod
    def _inter(cls, v: str | None) -> str | None:
        if v is not None and v not in taxonomy.INTER_CODES:
            raise ValueError(f"unknown inter type {v!r}; expected one of {sorted(taxonomy.INTER_CODES)}")
        return v


class Place(BaseModel):
    """A gazetteer entry: a named point with its administrative context."""

    name: str
    latitude: float
    longitude: float
    country: str | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    feature_class: str | None = None  # GeoNames: A admin, P populated place, ...
    feature_code: str | None = None
    geonameid: int | None = None
    population: int = 0
    source: str | None = None


class Toponym(BaseModel):
    """A place name found in a text, with the place it was resolved to (if any)."""

    doc_id: str | None = None
    start: int
    end: int
    name: str
    place: Place | None = None
    confidence: float = 0.0

    def to_row(self) -> dict[str, Any]:
        """The PLACES line of ../shared/eval/README.md's contract."""
        p = self.place
        return {
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "latitude": p.latitude if p else None,
            "longitude": p.longitude if p else None,
            "country_code": p.country_code if p else None,
            "admin1": p.admin1 if p else None,
            "feature_code": p.feature_code if p else None,
            "geonameid": p.geonameid if p else None,
        }


class Event(BaseModel):
    """One coded event: ACLED's columns plus range, recency, confidence and evidence."""

    # --- ACLED columns ---
    event_id_cnty: str | None = None
    event_date: date
    year: int | None = None
    time_precision: int = Field(1, ge=1, le=4)
    disorder_type: str | None = None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    interaction: str | None = None
    civilian_targeting: str | None = None
    iso: int | None = None
    region: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = Field(None, ge=1, le=3)
    source: str | None = None
    source_scale: str | None = None
    notes: str | None = None
    fatalities: int | None = Field(None, ge=0)
    tags: str | None = None
    timestamp: int | None = None
    # --- ours ---
    id: str | None = None
    doc_id: str | None = None
    fatalities_low: int | None = Field(None, ge=0)
    fatalities_high: int | None = Field(None, ge=0)
    recency: Recency = "current"
    main: bool = False
    confidence: dict[str, float] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _derive(self) -> Event:
        if not taxonomy.is_valid(self.event_type, self.sub_event_type):
            raise ValueError(f"{self.sub_event_type!r} is not a sub-event type of {self.event_type!r}")
        if self.year is None:
            self.year = self.event_date.year
        if self.disorder_type is None:
            self.disorder_type = taxonomy.disorder_type(self.event_type, self.sub_event_type)
        if self.interaction is None:
            self.interaction = taxonomy.interaction(self.inter1, self.inter2)
        if self.fatalities is not None:
            if self.fatalities_low is None:
                self.fatalities_low = self.fatalities
            if self.fatalities_high is None:
                self.fatalities_high = self.fatalities
        return self

    @property
    def overall_confidence(self) -> float:
        return min(self.confidence.values()) if self.confidence else 0.0

    def evidence_for(self, field: str) -> list[Evidence]:
        return [e for e in self.evidence if e.field == field]

    def acled_row(self) -> dict[str, Any]:
        """The 31 ACLED columns, in order, as ACLED writes them (dates as YYYY-MM-DD)."""
        row = self.model_dump(include=set(ACLED_COLUMNS))
        row["event_date"] = self.event_date.isoformat()
        return {k: row.get(k) for k in ACLED_COLUMNS}

    def contract_row(self) -> dict[str, Any]:
        """The EVENTS line of ../shared/eval/README.md's contract."""
        return {
            "doc_id": self.doc_id,
            "event_date": self.event_date.isoformat(),
            "time_precision": self.time_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "disorder_type": self.disorder_type,
            "actor1": self.actor1,
            "assoc_actor_1": self.assoc_actor_1,
            "inter1": self.inter1,
            "actor2": self.actor2,
            "assoc_actor_2": self.assoc_actor_2,
            "inter2": self.inter2,
            "civilian_targeting": self.civilian_targeting,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "fatalities": self.fatalities,
            "fatalities_low": self.fatalities_low,
            "fatalities_high": self.fatalities_high,
            "recency": self.recency,
            "main": self.main,
            "tags": self.tags,
            "notes": self.notes,
            "confidence": self.overall_confidence,
            "field_confidence": self.confidence,
            "evidence": [{"field": e.field, "start": e.start, "end": e.end} for e in self.evidence],
        }


class SourceRef(BaseModel):
    """An article that reports an event (after fusion an event has one per report)."""

    article_id: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None
    dataset: str | None = None  # "extracted", "ucdp", "acled", ...


class QuarantineItem(BaseModel):
    """An input that was refused, with the reason, so nothing is dropped silently."""

    source: str  # file path, URL, "file.jsonl:12"
    reason: str
    detail: str | None = None
    received: datetime = Field(default_factory=datetime.now)


__all__ = [
    "ACLED_COLUMNS",
    "Actor",
    "Article",
    "Event",
    "Evidence",
    "Place",
    "QuarantineItem",
    "SourceRef",
    "Recency",
    "Toponym",
    "content_hash",
]
