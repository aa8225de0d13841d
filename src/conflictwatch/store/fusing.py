"""The store's side of fusion: find the stored event a new report matches (an indexed query on
date and a box around the place, then ``fuse.match``), merge the report into it (re-deriving the
fused event from all its reports), and record actors and places."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, or_, select
from sqlalchemy.dialects import postgresql, sqlite

from conflictwatch.fuse.combine import combine
from conflictwatch.fuse.match import FusionConfig, MatchDecision, match
from conflictwatch.models import Event, SourceRef
from conflictwatch.store import convert, tables

E = tables.events.c
S = tables.event_sources.c
EXTRACTED = "extracted"


def insert_event(conn: Connection, eid: str, report: Event, ref: SourceRef, dataset: str,
                  now: datetime, merge: dict | None = None) -> None:
    canonical = combine(eid, [(report, ref)])
    conn.execute(tables.events.insert().values(
        **convert.event_values(canonical, dataset, 1), created_at=now, updated_at=now))
    conn.execute(tables.event_sources.insert().values(**source_row(eid, report, ref, merge, now)))

def source_row(eid: str, report: Event, ref: SourceRef, merge: dict | None, now: datetime) -> dict:
    return {
        "event_id": eid, "article_id": ref.article_id if ref.dataset == EXTRACTED else None,
        "ref": ref.article_id, "dataset": ref.dataset or EXTRACTED, "url": ref.url, "title": ref.title,
        "source": ref.source, "published": ref.published, "report": convert.report_json(report),
        "evidence": [x.model_dump() for x in report.evidence], "merge": merge, "added_at": now,
    }

def best_candidate(conn: Connection, report: Event, touched: set[str],
                   cfg: FusionConfig) -> tuple[str | None, MatchDecision | None]:
    """The stored extracted event that ``report`` matches best (not one this article already
    supports), found by an indexed query on date and a box around the place."""
    if report.time_precision >= 4:
        return None, None
    own = 31 if report.time_precision >= 3 else 7 if report.time_precision == 2 else cfg.max_days

    def within(days: int):  # type: ignore[no-untyped-def]
        return E.event_date.between(report.event_date - timedelta(days=days),
                                    report.event_date + timedelta(days=days))

    # a candidate dated to the week (month) may lie up to 7 (31) days away
    conds = [E.dataset == EXTRACTED,
             or_(and_(E.time_precision == 1, within(own)), and_(E.time_precision == 2, within(max(own, 7))),
                 and_(E.time_precision == 3, within(max(own, 31))))]
    if report.latitude is not None and report.longitude is not None:
        dlat = cfg.max_km_coarse / 111.0
        dlon = cfg.max_km_coarse / (111.0 * max(0.05, math.cos(math.radians(report.latitude))))
        conds.append(or_(and_(E.latitude.between(report.latitude - dlat, report.latitude + dlat),
                              E.longitude.between(report.longitude - dlon, report.longitude + dlon)),
                         E.latitude.is_(None)))
    elif report.country:
        conds.append(or_(E.country == report.country, E.country.is_(None)))
    rows = conn.execute(select(tables.events).where(*conds).limit(500)).mappings().all()
    best: tuple[str | None, MatchDecision | None] = (None, None)
    for row in rows:
        if row["id"] in touched:
            continue
        d = match(report, convert.row_to_event(row, []), cfg)
        if d.merge and (best[1] is None or d.score > best[1].score):
            best = (row["id"], d)
    return best

def merge_into(conn: Connection, eid: str, report: Event, ref: SourceRef, decision: MatchDecision,
                now: datetime) -> None:
    rows = conn.execute(select(tables.event_sources).where(S.event_id == eid).order_by(S.id)).mappings().all()
    reports: list[tuple[Event, SourceRef | None]] = [
        (convert.report_from_json(r["report"]), convert.row_to_source(r)) for r in rows]
    reports.append((report, ref))
    canonical = combine(eid, reports)
    dataset = conn.execute(select(E.dataset).where(E.id == eid)).scalar_one()
    values = convert.event_values(canonical, dataset, len(reports))
    conn.execute(tables.events.update().where(E.id == eid).values(**values, updated_at=now))
    merge = decision.as_dict() | {"report_id": report.id}
    conn.execute(tables.event_sources.insert().values(**source_row(eid, report, ref, merge, now)))

def dialect_insert(conn: Connection):  # type: ignore[no-untyped-def]
    """The dialect's ``insert`` (it has ``on_conflict_do_nothing``)."""
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def upsert_entities(conn: Connection, e: Event) -> None:
    ins = dialect_insert(conn)
    for name, inter in ((e.actor1, e.inter1), (e.actor2, e.inter2), (e.assoc_actor_1, None),
                        (e.assoc_actor_2, None)):
        for part in (name or "").split(";"):
            if part.strip():
                conn.execute(ins(tables.actors).values(name=part.strip()[:512], inter=inter)
                             .on_conflict_do_nothing())
    if e.location:
        conn.execute(ins(tables.places).values(
            location=e.location[:512], country=e.country or "", admin1=e.admin1 or "",
            latitude=e.latitude, longitude=e.longitude).on_conflict_do_nothing())
