"""The SQL store against SQLite and PostgreSQL (every test runs on both backends)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from conflictwatch.errors import InputError, NotFound
from conflictwatch.models import Article, Evidence, QuarantineItem, SourceRef
from conflictwatch.store import EventFilter, open_store


def art(i: int, body: str | None = None, **kw) -> Article:
    return Article(id=f"a{i}", text=body or f"Report number {i} about an incident.", url=f"https://news.example/{i}",
                   source="Example News", published=date(2024, 9, 18), **kw)


def test_migration_is_applied_once(db_url):
    s = open_store(db_url)
    s.close()
    s = open_store(db_url)  # re-opening runs no migration twice
    with s.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalars().all() == ["0003"]
    s.close()


def test_ingest_roundtrip(store, make_event):
    ev = make_event(evidence=[Evidence(field="fatalities", start=0, end=6, text="Report")],
                    confidence={"event_type": 0.9})
    res = store.ingest(art(1), [ev])
    assert res.created and len(res.event_ids) == 1
    got = store.get_event(res.event_ids[0])
    assert (got.event_type, got.location, got.fatalities, got.latitude) == (ev.event_type, "Djibo", 4, 14.102)
    assert got.confidence == {"event_type": 0.9}
    assert got.evidence[0].article_id == "a1"
    assert [s.article_id for s in got.sources] == ["a1"] and got.sources[0].dataset == "extracted"
    assert store.get_article("a1").url == "https://news.example/1"


def test_ingest_is_idempotent_by_url_and_by_hash(store, make_event):
    first = store.ingest(art(1), [make_event()])
    again = store.ingest(art(1), [make_event()])
    same_text = store.ingest(Article(id="other", text=art(1).text, url="https://mirror.example/x"), [make_event()])
    same_url = store.ingest(Article(id="third", text="a new version of the text", url=art(1).url), [make_event()])
    assert first.created and not again.created and not same_text.created and not same_url.created
    assert again.event_ids == first.event_ids == same_text.event_ids
    assert store.count_events(EventFilter()) == 1
    assert store.find_article(content_hash=art(1).content_hash) == "a1"


def test_filters(store, make_event):
    store.ingest(art(1), [make_event()])
    store.ingest(art(2), [make_event(event_date=date(2023, 1, 5), country="Mali", location="Gao", admin1="Gao",
                                     latitude=16.27, longitude=-0.04, actor1="JNIM", fatalities=12)])
    store.ingest(art(3), [make_event(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters",
                                     actor2=None, fatalities=0, location="Ouagadougou", latitude=12.37,
                                     longitude=-1.53)])
    n = store.count_events
    assert n(EventFilter()) == 3
    assert n(EventFilter(country="mali")) == 1
    assert n(EventFilter(start=date(2024, 1, 1))) == 2
    assert n(EventFilter(end=date(2023, 12, 31))) == 1
    assert n(EventFilter(event_type="Protests")) == 1
    assert n(EventFilter(sub_event_type="Attack")) == 2
    assert n(EventFilter(actor="jnim")) == 1
    assert n(EventFilter(min_fatalities=4)) == 2
    assert n(EventFilter(bbox=(-2.0, 13.0, -1.0, 15.0))) == 1
    assert n(EventFilter(text="gao")) == 1
    assert n(EventFilter(dataset="ucdp")) == 0
    assert n(EventFilter(admin1="Sahel")) == 2


@pytest.mark.parametrize("sort", ["-event_date", "event_date", "-fatalities", "fatalities", "id", "-country"])
def test_cursor_pagination_visits_every_event_once(store, make_event, sort):
    for i in range(23):
        store.ingest(art(i), [make_event(event_date=date(2024, 1, 1 + i % 5), fatalities=None if i % 4 == 0 else i % 3,
                                         country=None if i % 6 == 0 else "Burkina Faso",
                                         latitude=10 + i, longitude=1.0)])
    seen, cursor, pages = [], None, 0
    while True:
        page = store.query_events(EventFilter(), sort=sort, cursor=cursor, limit=4)
        seen += [e.id for e in page.events]
        pages += 1
        if not page.next:
            break
        cursor = page.next
    assert len(seen) == len(set(seen)) == 23 and pages == 6
    full = [e.id for e in store.query_events(EventFilter(), sort=sort, limit=100).events]
    assert seen == full


def test_bad_cursor_and_sort(store):
    with pytest.raises(InputError):
        store.query_events(EventFilter(), cursor="not-a-cursor")
    with pytest.raises(InputError):
        store.query_events(EventFilter(), sort="-colour")


def test_timeseries_and_places(store, make_event):
    store.ingest(art(1), [make_event(event_date=date(2024, 9, 16), fatalities=2)])
    store.ingest(art(2), [make_event(event_date=date(2024, 9, 17), fatalities=3, location="Kaya", latitude=13.09,
                                     longitude=-1.08, actor1="JNIM")])
    store.ingest(art(3), [make_event(event_date=date(2024, 10, 2), event_type="Battles", sub_event_type="Armed clash",
                                     actor1="Military Forces of Burkina Faso", actor2="JNIM", fatalities=None,
                                     location="Kaya", latitude=13.09, longitude=-1.08)])
    f = EventFilter()
    months = store.timeseries(f, "month")
    assert [(b.period, b.events, b.fatalities) for b in months] == [("2024-09", 2, 5), ("2024-10", 1, 0)]
    weeks = store.timeseries(f, "week", "event_type")
    assert {(b.period, b.group, b.events) for b in weeks} == {
        ("2024-W38", "Violence against civilians", 2), ("2024-W40", "Battles", 1)}
    days = store.timeseries(f, "day", "actor")
    assert ("2024-10-02", "JNIM", 1) in {(b.period, b.group, b.events) for b in days}
    assert sum(b.events for b in store.timeseries(f, "month", "country")) == 3
    places = store.places(f)
    assert (places[0].location, places[0].events, places[0].fatalities) == ("Kaya", 2, 3)


def test_quarantine_and_log(store):
    store.quarantine(QuarantineItem(source="bad.json", reason="malformed", detail="line 3"))
    items = store.list_quarantine()
    assert [(i.source, i.reason, i.detail) for i in items] == [("bad.json", "malformed", "line 3")]


def test_add_events_is_idempotent_and_unfused(store, make_event):
    evs = [make_event(id=f"ucdp:{i}", sources=[SourceRef(article_id=f"ucdp:{i}", dataset="ucdp")]) for i in range(3)]
    assert store.add_events(evs, "ucdp") == 3
    assert store.add_events(evs, "ucdp") == 0
    assert store.count_events(EventFilter(dataset="ucdp")) == 3  # identical rows of a dataset are not fused
    assert store.get_event("ucdp:1").sources[0].dataset == "ucdp"


def test_reports_of_one_event_are_fused_and_explained(store, make_event):
    r1 = store.ingest(art(1), [make_event(fatalities=4, actor1="JNIM")])
    r2 = store.ingest(art(2, "Another outlet's words."), [make_event(event_date=date(2024, 9, 18), fatalities=9,
                                                                     actor1="JNIM", latitude=14.15)])
    assert r2.merged_into == {next(iter(r2.merged_into)): r1.event_ids[0]}
    ev = store.get_event(r1.event_ids[0])
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (4, 4, 9)
    assert {s.article_id for s in ev.sources} == {"a1", "a2"}
    why = store.explain(ev.id)
    assert why[0].merge is None and why[1].merge["merge"] is True
    assert any("km apart" in r for r in why[1].merge["reasons"])


def test_missing_records_raise_not_found(store):
    with pytest.raises(NotFound):
        store.get_event("nope")
    with pytest.raises(NotFound):
        store.get_article("nope")
    with pytest.raises(NotFound):
        store.explain("nope")


def test_sqlite_uses_wal_and_foreign_keys(tmp_path):
    s = open_store(f"sqlite:///{tmp_path}/sub/dir/x.db")
    with s.engine.connect() as conn:
        assert conn.execute(text("pragma journal_mode")).scalar() == "wal"
        assert conn.execute(text("pragma foreign_keys")).scalar() == 1
    s.close()


def test_memory_store_is_shared_between_connections(make_event):
    s = open_store("sqlite://")
    s.ingest(art(1), [make_event()])
    assert s.count_events(EventFilter()) == 1


def test_actor_and_text_filters_take_wildcards_literally(store, make_event):
    store.ingest(art(1), [make_event(actor1="Group_A", notes="100% destroyed")])
    store.ingest(art(2), [make_event(actor1="GroupXA", notes="half destroyed", latitude=10.0)])
    assert store.count_events(EventFilter(actor="group_a")) == 1
    assert store.count_events(EventFilter(text="100%")) == 1
    assert store.count_events(EventFilter(text="%")) == 1


def test_a_day_precise_report_finds_an_event_dated_to_the_month(store, make_event):
    from conflictwatch.fuse.blocking import BlockingFuser

    month = make_event(event_date=date(2024, 9, 1), time_precision=3, actor1="JNIM")
    day = make_event(event_date=date(2024, 9, 20), actor1="JNIM")
    r1 = store.ingest(art(1), [month])
    r2 = store.ingest(art(2, "A later, more precise report."), [day])
    assert r2.event_ids == r1.event_ids
    fuser = BlockingFuser()
    assert fuser.add(month) == fuser.add(day)  # the in-memory fuser agrees


def test_add_events_as_extracted_links_only_stored_articles(store, make_event):
    store.ingest(art(7), [])
    evs = [make_event(id="x:1", sources=[SourceRef(article_id="a7", dataset="extracted")]),
           make_event(id="x:2", sources=[SourceRef(article_id="not-stored", dataset="extracted")]),
           make_event(id="x:3")]
    assert store.add_events(evs, "extracted") == 3
    assert [s.article_id for s in store.get_event("x:1").sources] == ["a7"]
    assert [s.article_id for s in store.get_event("x:2").sources] == ["not-stored"]  # kept as a reference
    assert store.get_event("x:3").sources[0].dataset == "extracted"
    with store.engine.connect() as conn:
        linked = dict(conn.execute(text("SELECT event_id, article_id FROM event_sources WHERE event_id LIKE 'x:%'")).all())
    assert linked == {"x:1": "a7", "x:2": None, "x:3": None}


def test_add_events_without_ids_get_distinct_stable_ids(store, make_event):
    evs = [make_event(fatalities=i) for i in range(4)] + [make_event(event_id_cnty="MLI9", fatalities=9)]
    assert store.add_events(evs, "acled") == 5
    assert store.add_events(evs, "acled") == 0
    assert store.count_events(EventFilter(dataset="acled")) == 5
    assert store.get_event("acled:MLI9").fatalities == 9
