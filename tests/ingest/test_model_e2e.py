"""End to end with the real Extractor (spaCy model): sample articles -> store, twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwatch.ingest.service import IngestService
from conflictwatch.store import EventFilter, open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
PICK = ["burkina-djibo-base-assault", "mali-niono-drone-strike", "burkina-ouaga-rally"]


@pytest.mark.model
def test_real_extractor_ingest_is_idempotent(tmp_path):
    store = open_store(f"sqlite:///{tmp_path}/e2e.db")
    try:
        svc = IngestService(store)
        inputs = [str(SAMPLES / f"{slug}.txt") for slug in PICK]
        first = svc.ingest(inputs)
        assert (first.read, first.new, first.quarantined) == (3, 3, [])
        n = store.count_events(EventFilter())
        assert n == first.events >= 3  # each of these articles reports at least one event
        for slug in PICK:
            assert store.get_article(slug).url  # metadata came from the sidecar .json
        events = store.query_events(EventFilter(), limit=100).events
        assert all(e.sources and e.sources[0].article_id in PICK for e in events)
        again = svc.ingest(inputs)
        assert (again.new, again.duplicates) == (0, 3) and store.count_events(EventFilter()) == n
    finally:
        store.close()
