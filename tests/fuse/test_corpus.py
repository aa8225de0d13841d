"""Fusion of the multi-report corpus in samples/fusion through the store (both backends)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictwatch.fuse.evaluate import _article, load_corpus, score_blocking, score_naive, score_store
from conflictwatch.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "fusion" / "reports.json"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


def test_store_blocking_and_all_pairs_agree(corpus, db_url):
    store = score_store(corpus, db_url)
    assert store == score_blocking(corpus) == score_naive(corpus)
    # every gold merge is found; the one false merge is the documented hard case
    assert store.fn == 0 and store.false_merges == [("tillaberi-a", "tillaberi-b")]


def test_the_five_djibo_reports_become_one_event_with_every_source(corpus, db_url):
    store = open_store(db_url)
    try:
        ids = {r.report_id: store.ingest(_article(r), [r.event]).event_ids[0] for r in corpus}
        djibo = {ids[f"djibo-{i}"] for i in range(1, 6)}
        assert len(djibo) == 1
        near = {ids["djibo-later"], ids["arbinda-same-day"], ids["djibo-protest"], ids["ouaga-arrests"]}
        assert len(near) == 4 and not (near & djibo)
        ev = store.get_event(djibo.pop())
        assert {s.article_id for s in ev.sources} == {f"djibo-{i}" for i in range(1, 6)}
        assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (22, 22, 40)
        assert "claimed fatalities: 107 (Monitor Digest)" in ev.tags
        assert ev.time_precision == 1 and ev.geo_precision == 1
        why = store.explain(ev.id)
        assert len(why) == 5 and why[0].merge is None
        assert all(w.merge["merge"] and w.merge["reasons"] for w in why[1:])
        # re-ingesting the corpus changes nothing
        again = {r.report_id: store.ingest(_article(r), [r.event]) for r in corpus}
        assert not any(res.created for res in again.values())
        assert store.stats()["events"] == 10
    finally:
        store.close()
