"""Fixtures for the API tests: an in-memory EventStore fake and a TestClient over it.

The fake implements conflictwatch.store.base.EventStore with plain Python filtering so the API
can be tested without a database; tests that need the real SQLite store use ``sqlite_store``.
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Literal

import pytest
from fastapi.testclient import TestClient

from conflictwatch.errors import InputError, NotFound
from conflictwatch.models import Article, Event, Evidence, QuarantineItem, SourceRef
from conflictwatch.store.base import EventFilter, EventPage, IngestResult, PlaceCount, TimeBucket


class FakeStore:
    """A list-backed EventStore. Not fast, only faithful to the protocol."""

    def __init__(self) -> None:
        self.events: dict[str, Event] = {}
        self.datasets: dict[str, str] = {}
        self.articles: dict[str, Article] = {}
        self.quarantined: list[QuarantineItem] = []
        self.closed = False

    # --- writing ---
    def ingest(self, article: Article, events: list[Event]) -> IngestResult:
        for known in self.articles.values():
            if known.content_hash == article.content_hash or (article.url and known.url == article.url):
                return IngestResult(article_id=known.id, created=False)
        self.articles[article.id] = article
        ids = []
        for ev in events:
            ev = ev.model_copy(update={"id": ev.id or f"{article.id}-{len(ids)}"})
            src = SourceRef(article_id=article.id, url=article.url, title=article.title,
                            source=article.source, published=article.published, dataset="extracted")
            ev = ev.model_copy(update={"doc_id": article.id, "sources": [*ev.sources, src]})
            ids.append(self._put(ev, "extracted"))
        return IngestResult(article_id=article.id, created=True, event_ids=ids)

    def add_events(self, events: list[Event], dataset: str) -> int:
        for ev in events:
            self._put(ev, dataset)
        return len(events)

    def _put(self, ev: Event, dataset: str) -> str:
        eid = ev.id or f"ev{len(self.events) + 1}"
        sources = ev.sources
        if not any(src.dataset for src in sources):
            sources = [*sources, SourceRef(article_id=f"{dataset}:{eid}", dataset=dataset)]
        self.events[eid] = ev.model_copy(update={"id": eid, "sources": sources})
        self.datasets[eid] = dataset
        return eid

    def quarantine(self, item: QuarantineItem) -> None:
        self.quarantined.append(item)

    def close(self) -> None:
        self.closed = True

    # --- reading ---
    def get_event(self, event_id: str) -> Event:
        try:
            return self.events[event_id]
        except KeyError:
            raise NotFound(f"no event {event_id!r}") from None

    def get_article(self, article_id: str) -> Article:
        try:
            return self.articles[article_id]
        except KeyError:
            raise NotFound(f"no article {article_id!r}") from None

    def _match(self, eid: str, ev: Event, f: EventFilter) -> bool:
        def eq(a: str | None, b: str | None) -> bool:
            return b is None or (a or "").casefold() == b.casefold()

        if f.start and ev.event_date < f.start:
            return False
        if f.end and ev.event_date > f.end:
            return False
        if not (eq(ev.country, f.country) and eq(ev.admin1, f.admin1) and eq(ev.event_type, f.event_type)
                and eq(ev.sub_event_type, f.sub_event_type) and eq(self.datasets[eid], f.dataset)):
            return False
        if f.actor:
            actors = " | ".join(a or "" for a in (ev.actor1, ev.actor2, ev.assoc_actor_1, ev.assoc_actor_2))
            if f.actor.casefold() not in actors.casefold():
                return False
        if f.text:
            hay = " ".join(x or "" for x in (ev.notes, ev.location, ev.actor1, ev.actor2))
            if f.text.casefold() not in hay.casefold():
                return False
        if f.min_fatalities is not None and (ev.fatalities or 0) < f.min_fatalities:
            return False
        if f.bbox:
            if ev.longitude is None or ev.latitude is None:
                return False
            x0, y0, x1, y1 = f.bbox
            if not (x0 <= ev.longitude <= x1 and y0 <= ev.latitude <= y1):
                return False
        return True

    def _select(self, f: EventFilter) -> list[Event]:
        return [ev for eid, ev in self.events.items() if self._match(eid, ev, f)]

    def query_events(self, flt: EventFilter, sort: str = "-event_date", cursor: str | None = None,
                     limit: int = 100) -> EventPage:
        rows = self._select(flt)
        key = sort.lstrip("-")
        rows.sort(key=lambda e: (getattr(e, key) or 0, e.id or ""), reverse=sort.startswith("-"))
        try:
            offset = int(base64.urlsafe_b64decode(cursor).decode()) if cursor else 0
        except ValueError as exc:  # binascii.Error and UnicodeDecodeError are ValueErrors
            raise InputError("invalid cursor", source="cursor") from exc
        page = rows[offset: offset + limit]
        nxt = None
        if offset + limit < len(rows):
            nxt = base64.urlsafe_b64encode(str(offset + limit).encode()).decode()
        return EventPage(events=page, next=nxt)

    def count_events(self, flt: EventFilter) -> int:
        return len(self._select(flt))

    def timeseries(self, flt: EventFilter, interval: Literal["day", "week", "month"] = "month",
                   group_by: Literal["event_type", "country", "actor"] | None = None) -> list[TimeBucket]:
        acc: dict[tuple[str, str | None], list[int]] = defaultdict(lambda: [0, 0])
        for ev in self._select(flt):
            d = ev.event_date
            if interval == "day":
                period = d.isoformat()
            elif interval == "week":
                iso = d.isocalendar()
                period = f"{iso.year}-W{iso.week:02d}"
            else:
                period = f"{d.year}-{d.month:02d}"
            group = None
            if group_by == "actor":
                group = ev.actor1
            elif group_by:
                group = getattr(ev, group_by)
            acc[(period, group)][0] += 1
            acc[(period, group)][1] += ev.fatalities or 0
        return [TimeBucket(period=p, group=g, events=n, fatalities=k)
                for (p, g), (n, k) in sorted(acc.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]

    def places(self, flt: EventFilter, limit: int = 500) -> list[PlaceCount]:
        acc: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        for ev in self._select(flt):
            acc[(ev.location, ev.country, ev.admin1, ev.latitude, ev.longitude)][0] += 1
            acc[(ev.location, ev.country, ev.admin1, ev.latitude, ev.longitude)][1] += ev.fatalities or 0
        out = [PlaceCount(location=k[0], country=k[1], admin1=k[2], latitude=k[3], longitude=k[4],
                          events=n, fatalities=f) for k, (n, f) in acc.items()]
        out.sort(key=lambda p: (-p.events, p.location or ""))
        return out[:limit]


ARTICLE_TEXT = (
    "Gunmen killed seven villagers in Ndele on Tuesday, a local official said. "
    "Residents said the attackers arrived on motorbikes at dawn and set fire to several huts."
)


def sample_article() -> Article:
    return Article(id="art1", text=ARTICLE_TEXT, url="https://news.example.org/ndele", title="Attack in Ndele",
                   source="Example News", published=date(2024, 9, 18))


def sample_events() -> list[tuple[Event, str]]:
    """A handful of events over three countries, two datasets and four event types."""
    text = ARTICLE_TEXT

    def span(field: str, s: str) -> Evidence:
        i = text.index(s)
        return Evidence(field=field, start=i, end=i + len(s), text=s, article_id="art1")

    extracted = Event(
        id="ev-ndele", doc_id="art1", event_date=date(2024, 9, 17), event_type="Violence against civilians",
        sub_event_type="Attack", actor1="Unidentified Armed Group (Central African Republic)",
        inter1="Political militia", actor2="Civilians (Central African Republic)", inter2="Civilians",
        civilian_targeting="Civilian targeting", country="Central African Republic", admin1="Bamingui-Bangoran",
        location="Ndele", latitude=8.41, longitude=20.65, geo_precision=1, fatalities=7,
        notes="Gunmen killed seven villagers in Ndele.",
        confidence={"event_type": 0.9, "actor1": 0.6, "fatalities": 0.95, "location": 0.8},
        evidence=[span("actor1", "Gunmen"), span("fatalities", "killed seven villagers"),
                  span("location", "Ndele"), span("event_date", "Tuesday")],
        sources=[SourceRef(article_id="art1", url="https://news.example.org/ndele", title="Attack in Ndele",
                           source="Example News", published=date(2024, 9, 18), dataset="extracted")],
    )
    ucdp = [
        Event(id=f"ucdp-{i}", event_date=date(2023, 1 + i % 12, 1 + i), event_type="Battles",
              sub_event_type="Armed clash", actor1="Government of Central African Republic",
              actor2="UPC", country="Central African Republic", admin1="Ouaka", location=f"Bambari {i}",
              latitude=5.76 + i * 0.01, longitude=20.67, fatalities=i, source="UCDP GED",
              notes=f"Clash number {i} near Bambari.",
              sources=[SourceRef(article_id=f"ucdp:{i}", dataset="ucdp", source="UCDP GED")])
        for i in range(1, 9)
    ]
    others = [
        Event(id="ev-bamako", event_date=date(2024, 3, 5), event_type="Protests",
              sub_event_type="Peaceful protest", actor1="Protesters (Mali)", country="Mali", admin1="Bamako",
              location="Bamako", latitude=12.65, longitude=-8.0, fatalities=0,
              notes="Traders marched against power cuts."),
        Event(id="ev-nofix", event_date=date(2024, 5, 2), event_type="Explosions/Remote violence",
              sub_event_type="Air/drone strike", actor1="Military Forces of Burkina Faso",
              country="Burkina Faso", fatalities=12, notes="A drone strike with no known place."),
    ]
    return [(extracted, "extracted"), *((e, "ucdp") for e in ucdp), *((e, "acled") for e in others)]


def fill(s) -> str:
    """Put the sample article and events in ``s``; return the id the store gave the Ndele event."""
    rows = sample_events()
    ndele, _ = rows[0]
    res = s.ingest(sample_article(), [ndele.model_copy(update={"id": None, "sources": []})])
    for ev, ds in rows[1:]:
        s.add_events([ev], ds)
    return res.event_ids[0]


@pytest.fixture(params=["fake", "sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    """The same sample data in the in-memory fake and in the real store on SQLite and PostgreSQL
    (the server comes from tests/conftest.py)."""
    if request.param == "fake":
        s = FakeStore()
    else:
        from conflictwatch.store import open_store

        url = f"sqlite:///{tmp_path / 'events.db'}" if request.param == "sqlite" else (
            request.getfixturevalue("postgres_url"))
        s = open_store(url)
    s.ndele_id = fill(s)
    yield s
    s.close()


@pytest.fixture
def client(store: FakeStore, tmp_path) -> Iterator[TestClient]:
    from conflictwatch.api import create_app
    from conflictwatch.config import Settings

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'keys.db'}")
    app = create_app(store=store, settings=settings)
    with TestClient(app) as c:
        yield c
