"""Aggregates over stored events: counts and deaths per period (and group), and per place.

Counting happens in SQL per day (portable across SQLite and PostgreSQL); days are rolled up into
ISO weeks or months in Python (a few thousand rows at most per group).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Literal

from sqlalchemy import Engine, func, null, select, union_all

from conflictwatch.store import convert, query, tables
from conflictwatch.store.base import EventFilter, PlaceCount, TimeBucket

E = tables.events.c


def period_of(d: date, interval: str) -> str:
    if interval == "day":
        return d.isoformat()
    if interval == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    return f"{d.year}-{d.month:02d}"


def timeseries(engine: Engine, flt: EventFilter, interval: Literal["day", "week", "month"] = "month",
               group_by: Literal["event_type", "country", "actor"] | None = None) -> list[TimeBucket]:
    if interval not in ("day", "week", "month"):
        raise ValueError(f"interval must be day, week or month, not {interval!r}")
    conds = query.conditions(flt)
    fat = func.coalesce(E.fatalities, 0)
    if group_by == "actor":
        parts = [select(E.id, E.event_date, col.label("grp"), fat.label("fat")).where(*conds, col.is_not(None))
                 for col in (E.actor1, E.actor2)]
        sub = union_all(*parts).subquery()
        stmt = (select(sub.c.event_date, sub.c.grp, func.count(func.distinct(sub.c.id)), func.sum(sub.c.fat))
                .group_by(sub.c.event_date, sub.c.grp))
    elif group_by in ("event_type", "country"):
        col = getattr(E, group_by)
        stmt = select(E.event_date, col, func.count(), func.sum(fat)).where(*conds).group_by(E.event_date, col)
    elif group_by is None:
        stmt = select(E.event_date, null(), func.count(), func.sum(fat)).where(*conds).group_by(E.event_date)
    else:
        raise ValueError(f"group_by must be event_type, country or actor, not {group_by!r}")
    acc: dict[tuple[str, str | None], list[int]] = defaultdict(lambda: [0, 0])
    with engine.connect() as conn:
        for d, grp, n, f in conn.execute(stmt):
            slot = acc[(period_of(convert.as_date(d), interval), grp)]  # type: ignore[arg-type]
            slot[0] += int(n)
            slot[1] += int(f or 0)
    return [TimeBucket(period=p, group=g, events=n, fatalities=f)
            for (p, g), (n, f) in sorted(acc.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]


def places(engine: Engine, flt: EventFilter, limit: int = 500) -> list[PlaceCount]:
    n = func.count().label("n")
    stmt = (select(E.location, E.country, E.admin1, func.avg(E.latitude), func.avg(E.longitude), n,
                   func.sum(func.coalesce(E.fatalities, 0)))
            .where(*query.conditions(flt))
            .group_by(E.location, E.country, E.admin1)
            .order_by(n.desc(), E.location).limit(limit))
    with engine.connect() as conn:
        return [PlaceCount(location=loc, country=c, admin1=a1, latitude=lat, longitude=lon, events=k,
                           fatalities=int(f or 0))
                for loc, c, a1, lat, lon, k, f in conn.execute(stmt)]
