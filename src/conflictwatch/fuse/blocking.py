"""In-memory incremental fusion with blocking: each new report is compared only with the events
of neighbouring blocks, never with all of them.

Blocks: a report with coordinates sits in a cell of a grid twice the distance limit wide, under
its day (or its 31-day bucket when dated only to the week or month). A new report looks at the
cells its distance box touches (at most 2 x 2) and the days of its date tolerance; an event
placed only in a region (geo_precision 2-3, 75 km limit) is indexed in every cell within 75 km
of it, so that a precise report still looks only near itself. Every event is also indexed by
(country, location name, date bucket), which is how reports without coordinates find a match.
The work per report does not grow with the number of stored events (at constant density):
n reports cost O(n) dictionary look-ups plus a bounded number of comparisons, and make the same
decisions as the all-pairs baseline ``naive_fuse`` (tested). The database path
(``SQLStore.ingest``) does the same with an indexed query on (event_date, latitude, longitude):
O(log n) per report, O(n log n) in all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from conflictwatch.fuse.match import Features, FusionConfig, MatchDecision, features, match_features

WEEK, MONTH = 7, 31


@dataclass
class Cluster:
    id: int
    rep: Features  # the report that created the event; new reports are compared with it
    members: list[int] = field(default_factory=list)


class _Grid:
    """Blocks of one cell size: per cell, the day-precise reports by day and the reports dated to
    the week or month by 31-day bucket. A query looks at the cells that its distance limit's box
    touches (cells are at least twice the limit wide: at most 2 x 2 cells) and the days of its
    date tolerance."""

    def __init__(self, cell_deg: float) -> None:
        self.cell = cell_deg
        # (cy, cx) -> ({day: [cluster]}, {month bucket: [cluster]})
        self.cells: dict[tuple[int, int], tuple[dict[int, list[int]], dict[int, list[int]]]] = {}
        self.has_coarse_dates = False

    def add(self, cid: int, f: Features, reach_km: float = 0.0) -> None:
        """Index a cluster in its cell, or in every cell its ``reach_km`` box touches."""
        if reach_km:
            ys, xs = self._box(f, reach_km)
            keys = [(y, x) for y in ys for x in xs]
        else:
            keys = [(math.floor(f.latitude / self.cell), math.floor(f.longitude / self.cell))]  # type: ignore[operator]
        for key in keys:
            slot = self.cells.get(key)
            if slot is None:
                slot = self.cells[key] = ({}, {})
            if f.time_precision == 1:
                slot[0].setdefault(f.day, []).append(cid)
            else:
                self.has_coarse_dates = True
                slot[1].setdefault(f.day // MONTH, []).append(cid)

    def _box(self, f: Features, km: float) -> tuple[range, range]:
        lat, lon, cell = f.latitude, f.longitude, self.cell
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.05, math.cos(math.radians(lat))))  # type: ignore[arg-type]
        return (range(math.floor((lat - dlat) / cell), math.floor((lat + dlat) / cell) + 1),  # type: ignore[operator]
                range(math.floor((lon - dlon) / cell), math.floor((lon + dlon) / cell) + 1))  # type: ignore[operator]

    def near(self, f: Features, km: float, tol: int, out: list[int]) -> None:
        days = range(f.day - tol, f.day + tol + 1)
        span = max(tol, MONTH)  # a report dated to the month may be up to 31 days away
        months = range((f.day - span) // MONTH, (f.day + span) // MONTH + 1) if self.has_coarse_dates else ()
        cells = self.cells
        ys, xs = self._box(f, km)
        for y in ys:
            for x in xs:
                slot = cells.get((y, x))
                if slot is None:
                    continue
                by_day, by_month = slot
                if by_day:
                    for d in days:
                        hit = by_day.get(d)
                        if hit:
                            out.extend(hit)
                if by_month:
                    for m in months:
                        hit = by_month.get(m)
                        if hit:
                            out.extend(hit)


class BlockingFuser:
    def __init__(self, cfg: FusionConfig | None = None) -> None:
        self.cfg = cfg or FusionConfig()
        # cells twice the distance limit wide; a report placed in a region (geo_precision 2-3) is
        # indexed in every cell within max_km_coarse of it, so a query looks only near itself
        self.grid = _Grid(2 * self.cfg.max_km / 111.0)
        self.clusters: list[Cluster] = []
        self.assign: list[int] = []  # report index -> cluster id
        self.decisions: dict[int, MatchDecision] = {}  # report index -> why it was merged
        # (country, location name, date precision, day/week/month bucket) -> [(cluster, has coordinates)]
        self._names: dict[tuple[str | None, str, int, int], list[tuple[int, bool]]] = defaultdict(list)
        self.comparisons = 0

    def candidates(self, f: Features) -> list[int]:
        if f.time_precision >= 4:
            return []
        tol = self.cfg.max_days if f.time_precision == 1 else (7 if f.time_precision == 2 else 31)
        placed = f.latitude is not None and f.longitude is not None
        out: list[int] = []
        if f.location:  # events placed by name only can match by name (and placed ones, when f is unplaced)
            for kind, size, span in ((1, 1, tol), (2, WEEK, max(tol, WEEK)), (3, MONTH, max(tol, MONTH))):
                for b in range((f.day - span) // size, (f.day + span) // size + 1):
                    for cid, has_xy in self._names.get((f.country, f.location, kind, b), ()):
                        if not (placed and has_xy):
                            out.append(cid)
        if placed:
            self.grid.near(f, self.cfg.max_km if f.geo_precision == 1 else self.cfg.max_km_coarse, tol, out)
        return out

    def add(self, e) -> int:  # type: ignore[no-untyped-def]
        """Fuse one report (an Event or any record with Event's attribute names); returns its cluster."""
        return self.add_features(features(e))

    def add_features(self, f: Features) -> int:
        idx = len(self.assign)
        best: tuple[int, MatchDecision] | None = None
        for cid in dict.fromkeys(self.candidates(f)):  # a region-level event may sit in several cells
            self.comparisons += 1
            d = match_features(f, self.clusters[cid].rep, self.cfg)
            if d.merge and (best is None or (d.score, -cid) > (best[1].score, -best[0])):
                best = (cid, d)  # highest score; on a tie the oldest event, as naive_fuse does
        if best is not None:
            cid = best[0]
            self.decisions[idx] = best[1]
            self.clusters[cid].members.append(idx)
        else:
            cid = len(self.clusters)
            self.clusters.append(Cluster(cid, f, [idx]))
            self._index(cid, f)
        self.assign.append(cid)
        return cid

    def _index(self, cid: int, f: Features) -> None:
        if f.time_precision >= 4:
            return
        placed = f.latitude is not None and f.longitude is not None
        if f.location:
            size = {1: 1, 2: WEEK}.get(f.time_precision, MONTH)
            self._names[(f.country, f.location, min(f.time_precision, 3), f.day // size)].append((cid, placed))
        if not placed:
            return
        self.grid.add(cid, f, 0.0 if f.geo_precision == 1 else self.cfg.max_km_coarse)


def naive_fuse(reports: list, cfg: FusionConfig | None = None) -> list[int]:  # type: ignore[type-arg]
    """The baseline: every report against every earlier event (all pairs, O(n^2)). Same decisions
    as BlockingFuser, which only skips comparisons that cannot match."""
    cfg = cfg or FusionConfig()
    reps: list[Features] = []
    assign: list[int] = []
    for e in reports:
        f = features(e) if not isinstance(e, Features) else e
        best: tuple[int, float] | None = None
        for cid, rep in enumerate(reps):
            d = match_features(f, rep, cfg)
            if d.merge and (best is None or d.score > best[1]):
                best = (cid, d.score)
        if best is None:
            reps.append(f)
            assign.append(len(reps) - 1)
        else:
            assign.append(best[0])
    return assign
