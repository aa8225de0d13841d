"""Response bodies of the API that are not records of conflictwatch.models."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field, model_validator

from conflictwatch.models import Article, Event, SourceRef
from conflictwatch.store.base import PlaceCount, TimeBucket


class ErrorBody(BaseModel):
    """Our errors carry a message and their kind; a request that fails validation carries
    FastAPI's list of the parameters at fault instead (and no ``error``)."""

    detail: str | list[dict[str, Any]]
    error: str | None = Field(None, description="The kind of error, e.g. NotFound, AuthError, InputError.")


class Health(BaseModel):
    status: str
    version: str
    events: int | None = None


class EventDetail(Event):
    """An event with the articles its evidence spans point into."""

    articles: list[Article] = Field(default_factory=list)


EventDetail.model_rebuild(_types_namespace={"SourceRef": SourceRef})


class Timeseries(BaseModel):
    interval: str
    group_by: str | None
    buckets: list[TimeBucket]


class Places(BaseModel):
    places: list[PlaceCount]


class Count(BaseModel):
    events: int


class ArticleIn(BaseModel):
    """An article to code: either its text or a URL to fetch (not both)."""

    text: str | None = Field(None, min_length=1, max_length=200_000)
    url: str | None = Field(None, min_length=1, max_length=2000)
    title: str | None = Field(None, max_length=500)
    source: str | None = Field(None, max_length=200)
    published: date | None = None

    @model_validator(mode="after")
    def _one_of(self) -> ArticleIn:
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of 'text' or 'url'")
        return self
