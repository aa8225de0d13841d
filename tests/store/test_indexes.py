"""Migration 0002 (composite indexes for /events, api_keys by migration), planner statistics,
and the two ways the store serves ``min_fatalities`` giving the same answers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import inspect, text

from conflictwatch.store import EventFilter, open_store
from conflictwatch.store.engine import make_engine, migrate, stats_are_stale


def test_migration_creates_the_composite_indexes_and_api_keys(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    insp = inspect(engine)
    assert "api_keys" in insp.get_table_names()
    sql = ("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"
           if engine.dialect.name == "sqlite" else "SELECT indexname FROM pg_indexes WHERE tablename = 'events'")
    with engine.connect() as conn:  # the inspector skips expression indexes on SQLite
        names = set(conn.execute(text(sql)).scalars())
    assert {"ix_events_event_type_event_date_id", "ix_events_dataset_event_date_id",
            "ix_events_lower_country_event_date_id", "ix_events_fatalities_sort",
            "ix_events_dataset_fatalities_sort", "ix_events_event_date_id_place"} <= names
    assert not {"ix_events_event_type", "ix_events_event_date"} & names  # prefixes of composite ones
    engine.dispose()


def test_a_database_whose_api_keys_table_predates_the_migration_keeps_it(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path}/old.db")
    migrate(engine, "0001")
    with engine.begin() as conn:  # what the API used to create on first use
        conn.execute(text("CREATE TABLE api_keys (id INTEGER PRIMARY KEY, key_hash VARCHAR(64) NOT NULL UNIQUE, "
                          "label VARCHAR(200), created DATETIME NOT NULL, revoked BOOLEAN NOT NULL)"))
        conn.execute(text("INSERT INTO api_keys (key_hash, created, revoked) VALUES ('h', '2026-01-01', 0)"))
    migrate(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT key_hash FROM api_keys")).scalars().all() == ["h"]
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0003"
    engine.dispose()


def _events(make_event, n: int) -> list:
    return [make_event(id=f"t:{i}", event_date=date(2020, 1, 1) + timedelta(days=i % 400),
                       fatalities=(i * 7) % 23, country="Mali" if i % 3 else "Niger",
                       event_type="Battles" if i % 2 else "Riots", sub_event_type="Armed clash" if i % 2 else "Mob violence")
            for i in range(n)]


@pytest.mark.parametrize("flt", [EventFilter(min_fatalities=15, country="mali"),
                                 EventFilter(bbox=(-1.7, 14.0, -1.5, 14.2)),
                                 EventFilter(bbox=(-1.7, 14.0, -1.5, 14.2), min_fatalities=3)],
                         ids=["min_fatalities", "bbox", "both"])
def test_range_filters_rare_and_common_paths_agree(store, make_event, monkeypatch, flt):
    evs = _events(make_event, 300)
    evs = [e.model_copy(update={"latitude": 14.0 + (i % 5) * 0.1, "longitude": -1.6 - (i % 4) * 0.05})
           for i, e in enumerate(evs)]
    store.add_events(evs, "ucdp")

    def pages(sort: str) -> list[str]:
        ids, cursor = [], None
        while True:
            page = store.query_events(flt, sort=sort, cursor=cursor, limit=17)
            ids += [e.id for e in page.events]
            if page.next is None:
                return ids
            cursor = page.next

    for sort in ("-event_date", "fatalities", "-fatalities", "country"):
        monkeypatch.setattr(type(store), "RARE_ROWS", 10**9)  # always "rare": the range's index
        rare = pages(sort)
        monkeypatch.setattr(type(store), "RARE_ROWS", 1)  # always "common": the sort order
        common = pages(sort)
        assert rare == common
        assert len(rare) == len(set(rare)) == store.count_events(flt) > 0
        for e in (store.get_event(i) for i in rare):
            assert flt.min_fatalities is None or e.fatalities >= flt.min_fatalities
            assert flt.country is None or e.country == "Mali"
            assert flt.bbox is None or (-1.7 <= e.longitude <= -1.5 and 14.0 <= e.latitude <= 14.2)


@pytest.mark.parametrize("n", [1500])
def test_bulk_loads_leave_planner_statistics_current(tmp_path, make_event, n):
    url = f"sqlite:///{tmp_path}/s.db"
    s = open_store(url)
    s.add_events(_events(make_event, n), "ucdp")
    assert not stats_are_stale(s.engine)
    with s.engine.connect() as conn:
        stat = conn.execute(text("SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' LIMIT 1")).scalar()
    assert int(stat.split()[0]) == n
    s.close()


def test_stale_statistics_are_refreshed_when_the_store_opens(tmp_path, make_event):
    url = f"sqlite:///{tmp_path}/s.db"
    s = open_store(url)
    s.add_events(_events(make_event, 1200), "ucdp")
    with s.engine.begin() as conn:
        conn.execute(text("DELETE FROM sqlite_stat1"))
    assert stats_are_stale(s.engine)
    s.close()
    s = open_store(url)
    assert not stats_are_stale(s.engine)
    s.close()


def test_an_index_without_statistics_makes_them_stale(tmp_path, make_event):
    s = open_store(f"sqlite:///{tmp_path}/s.db")
    s.add_events(_events(make_event, 1100), "ucdp")
    assert not stats_are_stale(s.engine)
    with s.engine.begin() as conn:  # what a later migration does
        conn.execute(text("CREATE INDEX ix_events_tmp ON events (admin2)"))
    assert stats_are_stale(s.engine)
    s.close()


def _index_sql(store) -> dict[str, str]:
    if store.engine.dialect.name == "sqlite":
        sql = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"
    else:
        sql = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'"
    with store.engine.connect() as conn:
        return dict(conn.execute(text(sql)).all())


def test_bulk_load_gives_back_every_index_and_fresh_statistics(store, make_event):
    before = _index_sql(store)
    with store.bulk_load():
        store.add_events(_events(make_event, 700), "ucdp")
        store.add_events(_events(make_event, 1400), "ucdp")  # the first 700 are already there
        assert store.count_events(EventFilter(country="mali", min_fatalities=15)) > 0  # reads work meanwhile
    assert _index_sql(store) == before
    assert store.count_events(EventFilter()) == 1400
    assert not stats_are_stale(store.engine)
    page = store.query_events(EventFilter(event_type="Battles"), limit=5)
    assert len(page.events) == 5 and all(e.event_type == "Battles" for e in page.events)


def test_bulk_load_gives_back_the_indexes_when_the_load_fails(store, make_event):
    before = _index_sql(store)
    with pytest.raises(RuntimeError), store.bulk_load():
        store.add_events(_events(make_event, 10), "ucdp")
        raise RuntimeError("the importer broke")
    assert _index_sql(store) == before
    assert store.count_events(EventFilter()) == 10


def test_a_store_whose_statistics_cannot_be_refreshed_still_opens(tmp_path, make_event, monkeypatch, caplog):
    from conflictwatch.errors import StoreError
    from conflictwatch.store import engine as engine_mod

    url = f"sqlite:///{tmp_path}/s.db"
    s = open_store(url)
    s.add_events(_events(make_event, 1100), "ucdp")
    with s.engine.begin() as conn:
        conn.execute(text("DELETE FROM sqlite_stat1"))
    s.close()

    def refuse(engine):
        raise StoreError("attempt to write a readonly database")

    monkeypatch.setattr(engine_mod, "analyze", refuse)
    s = open_store(url)
    assert s.count_events(EventFilter()) == 1100
    assert "planner statistics not refreshed" in caplog.text
    s.close()
