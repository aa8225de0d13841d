from __future__ import annotations

import hashlib
from datetime import date

import pytest

from conflictwatch.models import Article, Event
from conflictwatch.store import open_store


class FakeExtractor:
    """Stands in for the model: one event per article, placed by a hash of its text so that
    different articles never fuse; counts its calls."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def extract(self, article: Article) -> list[Event]:
        self.calls.append(article.id)
        h = int(hashlib.sha256(article.content_hash.encode()).hexdigest()[:8], 16)
        return [Event(event_date=article.published or date(2024, 1, 1), event_type="Battles",
                      sub_event_type="Armed clash", actor1="Military Forces of Mali", actor2="JNIM",
                      country="Mali", location=f"Place {h % 1000}", latitude=10 + (h % 800) / 100,
                      longitude=-10 + (h // 800 % 1000) / 100, geo_precision=1, fatalities=h % 7)]


@pytest.fixture
def extractor():
    return FakeExtractor()


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path):
    s = open_store(f"sqlite:///{tmp_path}/ingest.db")
    yield s
    s.close()
