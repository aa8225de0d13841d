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


@pytest.mark.model
def test_two_outlets_reporting_one_attack_become_one_event(tmp_path):
    """Two texts written for this test, worded differently, about one attack."""
    from datetime import date

    from conflictwatch.models import Article

    one = Article(id="w1", source="Wire One", url="https://one.example/a", published=date(2024, 5, 13), text=(
        "OUAGADOUGOU, May 13 - Jihadist fighters attacked an army base in Djibo, northern Burkina Faso, on "
        "Saturday, killing at least 15 soldiers, security sources said on Monday. The assault began at dawn "
        "and lasted several hours."))
    two = Article(id="w2", source="Paper Two", url="https://two.example/b", published=date(2024, 5, 12), text=(
        "Gunmen stormed a military camp in the northern town of Djibo on Saturday morning. Residents said about "
        "twenty soldiers were killed in the fighting, which went on until the afternoon, and the attackers "
        "burned vehicles."))
    store = open_store(f"sqlite:///{tmp_path}/fuse.db")
    try:
        svc = IngestService(store)
        svc.ingest_article(one)
        rep = svc.ingest_article(two)
        assert rep.merged >= 1
        main = [e for e in store.query_events(EventFilter(), limit=10).events if len(e.sources) == 2]
        assert len(main) == 1 and {s.article_id for s in main[0].sources} == {"w1", "w2"}
        assert main[0].fatalities_low <= main[0].fatalities <= main[0].fatalities_high
        assert store.explain(main[0].id)[1].merge["reasons"]
    finally:
        store.close()
