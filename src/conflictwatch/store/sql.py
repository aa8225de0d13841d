"""SQLStore: the EventStore on SQLAlchemy Core, for SQLite and PostgreSQL alike."""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection, Engine, bindparam, func, or_, select, text
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from conflictwatch.config import Settings, get_settings
from conflictwatch.errors import NotFound, StoreError
from conflictwatch.fuse.match import FusionConfig
from conflictwatch.models import Article, Event, QuarantineItem, SourceRef
from conflictwatch.store import aggregates, convert, fusing, query, tables
from conflictwatch.store.base import EventFilter, EventPage, IngestResult, PlaceCount, TimeBucket
from conflictwatch.store.records import SourceRecord

log = logging.getLogger(__name__)
E = tables.events.c
S = tables.event_sources.c
A = tables.articles.c
EXTRACTED = fusing.EXTRACTED


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def report_id(article: Article, index: int) -> str:
    """A stable id for the ``index``-th event of an article (same text -> same id)."""
    return "ev-" + hashlib.sha256(f"{article.content_hash}:{index}".encode()).hexdigest()[:20]


class SQLStore:
    """The event store. Every write is one transaction; reads never see half an article."""

    def __init__(self, engine: Engine, settings: Settings | None = None, fusion: FusionConfig | None = None,
                 fuse: bool = True) -> None:
        self.engine = engine
        self.settings = settings or get_settings()
        self.fusion = fusion or FusionConfig()
        self.fuse = fuse
        self._bulk = False  # inside bulk_load()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    # ------------------------------------------------------------------ writes
    def ingest(self, article: Article, events: list[Event]) -> IngestResult:
        """Store an article and its events in one transaction; idempotent by URL and content hash.

        Each event is fused into an existing extracted event when it reports the same event
        (see conflictwatch.fuse.match); ``merged_into`` maps such reports to the event they joined.
        """
        try:
            with self.engine.begin() as conn:
                existing = self._find_article(conn, article.url, article.content_hash)
                if existing is not None:
                    return IngestResult(article_id=existing, created=False,
                                        event_ids=self._article_event_ids(conn, existing))
                result = self._ingest(conn, article, events)
                self._log(conn, article.url or article.id, "new", article.id, len(events))
                return result
        except IntegrityError:
            # another writer stored the same article between our check and our insert
            with self.engine.connect() as conn:
                existing = self._find_article(conn, article.url, article.content_hash)
                if existing is None:
                    raise
                return IngestResult(article_id=existing, created=False,
                                    event_ids=self._article_event_ids(conn, existing))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store article {article.id}: {exc}") from exc

    def _ingest(self, conn: Connection, article: Article, events: list[Event]) -> IngestResult:
        now = _now()
        if conn.execute(select(A.id).where(A.id == article.id)).first() is not None:
            # another text under the same name (e.g. a.txt in two folders): keep both
            article = article.model_copy(update={"id": f"{article.id}-{article.content_hash[:10]}"})
        conn.execute(tables.articles.insert().values(
            id=article.id, url=article.url, content_hash=article.content_hash, title=article.title,
            source=article.source, published=article.published, language=article.language,
            text=article.text, ingested_at=now,
        ))
        ref = SourceRef(article_id=article.id, url=article.url, title=article.title, source=article.source,
                        published=article.published, dataset=EXTRACTED)
        result = IngestResult(article_id=article.id, created=True)
        touched: set[str] = set()  # events this article already supports: never merge two of its reports
        for i, ev in enumerate(events):
            rid = report_id(article, i)  # ours, not the extractor's: unique and stable per article text
            evidence = [x if x.article_id else x.model_copy(update={"article_id": article.id}) for x in ev.evidence]
            report = ev.model_copy(update={"id": rid, "doc_id": ev.doc_id or article.id, "evidence": evidence,
                                           "sources": []})
            target, decision = fusing.best_candidate(conn, report, touched, self.fusion) if self.fuse else (None, None)
            if target is None:
                fusing.insert_event(conn, rid, report, ref, EXTRACTED, now)
                result.event_ids.append(rid)
                touched.add(rid)
            else:
                fusing.merge_into(conn, target, report, ref, decision, now)  # type: ignore[arg-type]
                result.event_ids.append(target)
                result.merged_into[rid] = target
                touched.add(target)
            fusing.upsert_entities(conn, report)
        return result

    BULK_ROWS = 5000  # rows per executemany

    def add_events(self, events: list[Event], dataset: str) -> int:
        """Bulk-add events of a dataset (UCDP, ACLED import, a benchmark); idempotent by event id.
        Not fused: a dataset's events stay as the dataset coded them, beside the extracted ones.

        One transaction; rows go in by executemany in batches of BULK_ROWS (SQLAlchemy Core
        ``insert()``), actors and places once per batch. An event without an id gets a stable one
        from ``event_id_cnty`` or, failing that, from its content. A source that names an article
        links to it only when that article is stored (the ``ref`` keeps the name either way).
        The planner's statistics are refreshed when the load leaves them stale."""
        from conflictwatch.store.engine import analyze, stats_are_stale

        added = 0
        now = _now()
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB: index pages of a big load
                for start in range(0, len(events), self.BULK_ROWS):
                    added += self._add_batch(conn, events[start:start + self.BULK_ROWS], dataset, now)
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql("PRAGMA cache_size=-2000")  # back to SQLite's default
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot add {dataset} events: {exc}") from exc
        if self._bulk:
            return added  # bulk_load() analyzes once at its end
        if stats_are_stale(self.engine) or (added >= 50_000 and self.engine.dialect.name != "sqlite"):
            analyze(self.engine)
        return added

    @contextmanager
    def bulk_load(self) -> Iterator[SQLStore]:
        """Load many events at once (a large import, the benchmark's million): use as
        ``with store.bulk_load(): store.add_events(...)`` (any number of calls).

        On SQLite the secondary indexes of ``events`` are dropped on entry and made again on exit,
        from their own saved ``CREATE INDEX`` statements (one sort per index is far faster than
        updating every index row by row), then ANALYZE. Reads stay correct meanwhile, only slower.
        Elsewhere it only runs ANALYZE at the end."""
        from conflictwatch.store.engine import analyze

        saved: list[tuple[str, str]] = []
        if self.engine.dialect.name == "sqlite":
            with self.engine.begin() as conn:
                saved = [(n, sql) for n, sql in conn.execute(text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
                    "AND sql IS NOT NULL ORDER BY name"))]  # sql is NULL for the primary key's own index
                for name, _ in saved:
                    conn.exec_driver_sql(f'DROP INDEX "{name}"')
        self._bulk = True
        try:
            yield self
        finally:
            self._bulk = False
            try:
                with self.engine.begin() as conn:
                    if saved:
                        conn.exec_driver_sql("PRAGMA cache_size=-262144")  # sorts for the index builds
                    for _, sql in saved:
                        conn.exec_driver_sql(sql)
                    if saved:
                        conn.exec_driver_sql("PRAGMA cache_size=-2000")
            except SQLAlchemyError as exc:
                raise StoreError(f"cannot rebuild the events indexes after a bulk load: {exc}") from exc
            analyze(self.engine)

    @staticmethod
    def _dataset_id(e: Event, dataset: str) -> str:
        if e.id:
            return e.id
        if e.event_id_cnty:
            return f"{dataset}:{e.event_id_cnty}"
        digest = hashlib.sha256(e.model_dump_json(exclude={"sources"}).encode()).hexdigest()[:20]
        return f"{dataset}:h{digest}"

    def _add_batch(self, conn: Connection, chunk: list[Event], dataset: str, now: datetime) -> int:
        new: dict[str, Event] = {}
        for e in chunk:
            new.setdefault(self._dataset_id(e, dataset), e)
        have = set(conn.execute(select(E.id).where(E.id.in_(list(new)))).scalars())
        for eid in have:
            del new[eid]
        if not new:
            return 0
        refs = {eid: (e.sources[0] if e.sources else SourceRef(article_id=eid)).model_copy(update={"dataset": dataset})
                for eid, e in new.items()}
        named = {r.article_id for r in refs.values()}
        stored = set(conn.execute(select(A.id).where(A.id.in_(list(named)))).scalars()) if named else set()
        event_rows, source_rows = [], []
        actors: dict[str, str | None] = {}
        places: dict[tuple[str, str, str], tuple[float | None, float | None]] = {}
        for eid, e in new.items():
            ref = refs[eid]
            values = convert.event_values(e, dataset, 1)
            values["id"] = eid
            event_rows.append(values | {"created_at": now, "updated_at": now})
            row = fusing.source_row(eid, e.model_copy(update={"id": eid, "sources": []}), ref, None, now)
            row["article_id"] = ref.article_id if ref.article_id in stored else None
            source_rows.append(row)
            for name, inter in ((e.actor1, e.inter1), (e.actor2, e.inter2), (e.assoc_actor_1, None),
                                (e.assoc_actor_2, None)):
                for part in (name or "").split(";"):
                    if part.strip():
                        actors.setdefault(part.strip()[:512], inter)
            if e.location:
                places.setdefault((e.location[:512], e.country or "", e.admin1 or ""), (e.latitude, e.longitude))
        conn.execute(tables.events.insert(), event_rows)
        conn.execute(tables.event_sources.insert(), source_rows)
        ins = fusing.dialect_insert(conn)
        if actors:
            conn.execute(ins(tables.actors).on_conflict_do_nothing(),
                         [{"name": n, "inter": i} for n, i in actors.items()])
        if places:
            conn.execute(ins(tables.places).on_conflict_do_nothing(),
                         [{"location": loc, "country": c, "admin1": a, "latitude": lat, "longitude": lon}
                          for (loc, c, a), (lat, lon) in places.items()])
        return len(new)

    def quarantine(self, item: QuarantineItem) -> None:
        with self.engine.begin() as conn:
            conn.execute(tables.quarantine.insert().values(
                source=item.source, reason=item.reason, detail=item.detail,
                received=item.received.replace(tzinfo=None)))
            self._log(conn, item.source, "quarantined", None, 0, f"{item.reason}: {item.detail or ''}")

    def log_ingest(self, source: str, status: str, article_id: str | None = None, events: int = 0,
                   detail: str | None = None) -> None:
        with self.engine.begin() as conn:
            self._log(conn, source, status, article_id, events, detail)

    @staticmethod
    def _log(conn: Connection, source: str, status: str, article_id: str | None, events: int,
             detail: str | None = None) -> None:
        conn.execute(tables.ingest_log.insert().values(at=_now(), source=source, article_id=article_id,
                                                       status=status, events=events, detail=detail))

    # ------------------------------------------------------------------ reads
    @staticmethod
    def _find_article(conn: Connection, url: str | None, content_hash: str | None) -> str | None:
        conds = []
        if url:
            conds.append(A.url == url)
        if content_hash:
            conds.append(A.content_hash == content_hash)
        if not conds:
            return None
        return conn.execute(select(A.id).where(or_(*conds)).limit(1)).scalar()

    def find_article(self, url: str | None = None, content_hash: str | None = None) -> str | None:
        """The id of a stored article with this URL or content hash, if any."""
        with self.engine.connect() as conn:
            return self._find_article(conn, url, content_hash)

    @staticmethod
    def _article_event_ids(conn: Connection, article_id: str) -> list[str]:
        rows = conn.execute(select(S.event_id).where(S.article_id == article_id).order_by(S.id)).scalars()
        return list(dict.fromkeys(rows))

    def _sources(self, conn: Connection, ids: list[str]) -> dict[str, list[SourceRef]]:
        out: dict[str, list[SourceRef]] = defaultdict(list)
        for start in range(0, len(ids), 500):
            # only what a SourceRef needs: the report and evidence JSON are for explain()
            rows = conn.execute(select(S.event_id, S.article_id, S.ref, S.url, S.title, S.source, S.published,
                                       S.dataset).where(S.event_id.in_(ids[start:start + 500]))
                                .order_by(S.id)).mappings()
            for r in rows:
                out[r["event_id"]].append(convert.row_to_source(r))
        return out

    def get_event(self, event_id: str) -> Event:
        with self.engine.connect() as conn:
            row = conn.execute(select(tables.events).where(E.id == event_id)).mappings().first()
            if row is None:
                raise NotFound(f"no event {event_id!r}")
            return convert.row_to_event(row, self._sources(conn, [event_id])[event_id])

    def get_article(self, article_id: str) -> Article:
        with self.engine.connect() as conn:
            row = conn.execute(select(tables.articles).where(A.id == article_id)).mappings().first()
        if row is None:
            raise NotFound(f"no article {article_id!r}")
        return convert.row_to_article(row)

    def explain(self, event_id: str) -> list[SourceRecord]:
        """Every report of an event, in the order they arrived, with the fusion decision that
        attached it (None for the report that created the event)."""
        with self.engine.connect() as conn:
            if conn.execute(select(E.id).where(E.id == event_id)).first() is None:
                raise NotFound(f"no event {event_id!r}")
            rows = conn.execute(select(tables.event_sources).where(S.event_id == event_id).order_by(S.id)).mappings()
            return [SourceRecord(source=convert.row_to_source(r), report=convert.report_from_json(r["report"]),
                                 merge=r["merge"], added_at=r["added_at"]) for r in rows]

    def query_events(self, flt: EventFilter, sort: str = "-event_date", cursor: str | None = None,
                     limit: int = 100) -> EventPage:
        key, desc = query.parse_sort(sort)
        expr, _ = query.SORTS[key]
        order = [expr.desc(), E.id.desc()] if desc else [expr.asc(), E.id.asc()]
        if key == "id":
            order = order[1:]
        limit = max(1, int(limit))
        with self.engine.connect() as conn:
            rare: dict[str, list[str] | None] = {}
            if flt.min_fatalities is not None:
                rare["fatalities"] = self._rare_ids(conn, E.fatalities, E.fatalities >= flt.min_fatalities)
            if flt.bbox is not None:
                rare["bbox"] = self._rare_ids(conn, E.latitude, query.bbox_term(flt.bbox))
            conds = query.conditions(flt, fatalities_index=rare.get("fatalities") is not None,
                                     bbox_index=rare.get("bbox") is not None)
            for ids in rare.values():
                if ids is not None:  # the few rows that can match, by primary key: no plan walks the sort order
                    conds.append(E.id.in_(ids))
            if cursor:
                value, last_id = query.decode_cursor(cursor, key)
                conds.append(query.after(key, desc, value, last_id))
            # LIMIT as a literal: with ``LIMIT ?`` SQLite's planner cannot tell that it needs only a
            # page, and picked the sort order's index over a selective filter's one (seconds at 1M)
            stmt = (select(tables.events).where(*conds).order_by(*order)
                    .limit(bindparam("page_limit", limit + 1, literal_execute=True)))
            rows = conn.execute(stmt).mappings().all()
            more = len(rows) > limit
            rows = rows[:limit]
            sources = self._sources(conn, [r["id"] for r in rows])
        events = [convert.row_to_event(r, sources.get(r["id"], [])) for r in rows]
        nxt = None
        if more and rows:
            last = rows[-1]
            nxt = query.encode_cursor(key, query.sort_value(key, _Row(last)), last["id"])
        return EventPage(events=events, next=nxt)

    RARE_ROWS = 5000

    def _rare_ids(self, conn: Connection, column: Any, term: Any) -> list[str] | None:
        """The ids of the events that match ``term`` (a range on ``column``) when there are fewer
        than RARE_ROWS of them, else None. Counted first on the column's index (at most RARE_ROWS
        entries: milliseconds). A planner cannot see how selective a range is, yet it decides the
        plan: for a rare one (``min_fatalities=50``, a small box) walking the sort order's index
        reads every row (seconds at a million events), so the query gets the few ids instead
        (``id IN (...)``, then a sort of the few); for a common one the range's own index is kept
        out of the plan (query.conditions) and the sort order is walked until a page is full."""
        probe = select(column).where(term).limit(self.RARE_ROWS).subquery()
        if conn.execute(select(func.count()).select_from(probe)).scalar_one() >= self.RARE_ROWS:
            return None
        return list(conn.execute(select(E.id).where(term)).scalars())

    def iter_events(self, flt: EventFilter, sort: str = "event_date", batch: int = 1000) -> Iterator[Event]:
        """Every event that matches, page by page (keyset), for exports."""
        cursor: str | None = None
        while True:
            page = self.query_events(flt, sort=sort, cursor=cursor, limit=batch)
            yield from page.events
            if page.next is None:
                return
            cursor = page.next

    def count_events(self, flt: EventFilter) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(tables.events)
                                .where(*query.conditions(flt))).scalar_one()

    def timeseries(self, flt: EventFilter, interval: Literal["day", "week", "month"] = "month",
                   group_by: Literal["event_type", "country", "actor"] | None = None) -> list[TimeBucket]:
        return aggregates.timeseries(self.engine, flt, interval, group_by)

    def places(self, flt: EventFilter, limit: int = 500) -> list[PlaceCount]:
        return aggregates.places(self.engine, flt, limit)

    def list_quarantine(self, limit: int = 100) -> list[QuarantineItem]:
        q = tables.quarantine.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(tables.quarantine).order_by(q.id.desc()).limit(limit)).mappings()
            return [QuarantineItem(source=r["source"], reason=r["reason"], detail=r["detail"],
                                   received=r["received"]) for r in rows]

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (tables.articles, tables.events, tables.event_sources, tables.quarantine,
                              tables.actors, tables.places)}

    # ------------------------------------------------------------------ feeds
    def feed_state(self, url: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(tables.feeds).where(tables.feeds.c.url == url)).mappings().first()
            return dict(row) if row else None

    def save_feed_state(self, url: str, etag: str | None, modified: str | None, status: int | None,
                        failures: int) -> None:
        f = tables.feeds
        with self.engine.begin() as conn:
            values = {"etag": etag, "modified": modified, "last_polled": _now(), "last_status": status,
                      "failures": failures}
            if conn.execute(f.update().where(f.c.url == url).values(**values)).rowcount == 0:
                conn.execute(f.insert().values(url=url, **values))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Row:
    def __init__(self, mapping: Any) -> None:
        self._m = mapping

    def __getattr__(self, name: str) -> Any:
        return self._m[name]
