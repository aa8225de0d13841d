"""In-memory incremental fusion with blocking: each new report is compared only with the events
of neighbouring blocks, never with all of them.

Blocks: a report with a precise date (time_precision 1) and coordinates sits in the block
(day, grid cell) of a grid of ``cell_deg`` degrees; a new report looks at the days within the
date tolerance and at the cells within the distance limit around it (3 x 3 cells x 3 days for
the defaults), so the work per report does not grow with the number of stored events: n reports
cost O(n) dictionary look-ups plus a bounded number of comparisons per report. Reports with a
coarse date (week/month) are kept per cell and checked by date; every event is also indexed by
(country, location name, day), which is how reports without coordinates find their match. The database path (``SQLStore.ingest``) does the same with an
indexed query on (event_date, latitude, longitude): O(log n) per report, O(n log n) in all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from conflictwatch.fuse.match import Features, FusionConfig, MatchDecision, features, match_features


@dataclass
class Cluster:
    id: int
    rep: Features  # the report that created the event; new reports are compared with it
    members: list[int] = field(default_factory=list)


class _Grid:
    """Blocks of one cell size: (day, cy, cx) for day-precise reports, (cy, cx) for coarser dates."""

    def __init__(self, cell_deg: float) -> None:
        self.cell = cell_deg
        self.by_day: dict[tuple[int, int, int], list[int]] = defaultdict(list)
        self.any_day: dict[tuple[int, int], list[int]] = defaultdict(list)

    def key(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.cell), math.floor(lon / self.cell)

    def add(self, cid: int, f: Features) -> None:
        cy, cx = self.key(f.latitude, f.longitude)  # type: ignore[arg-type]
        if f.time_precision == 1:
            self.by_day[(f.day, cy, cx)].append(cid)
        else:
            self.any_day[(cy, cx)].append(cid)

    def near(self, f: Features, km: float, tol: int, out: list[int]) -> None:
        lat, lon = f.latitude, f.longitude
        cy, cx = self.key(lat, lon)  # type: ignore[arg-type]
        ry = math.ceil(km / 111.0 / self.cell)
        rx = math.ceil(km / (111.0 * max(0.05, math.cos(math.radians(lat)))) / self.cell)  # type: ignore[arg-type]
        by_day, any_day = self.by_day, self.any_day
        for y in range(cy - ry, cy + ry + 1):
            for x in range(cx - rx, cx + rx + 1):
                if any_day:
                    out.extend(any_day.get((y, x), ()))
                for day in range(f.day - tol, f.day + tol + 1):
                    hit = by_day.get((day, y, x))
                    if hit:
                        out.extend(hit)


class BlockingFuser:
    def __init__(self, cfg: FusionConfig | None = None, cell_deg: float = 0.25) -> None:
        self.cfg = cfg or FusionConfig()
        self.fine = _Grid(cell_deg)  # reports placed at a town (geo_precision 1)
        self.coarse = _Grid(cell_deg * self.cfg.max_km_coarse / self.cfg.max_km)  # placed in a region
        self.clusters: list[Cluster] = []
        self.assign: list[int] = []  # report index -> cluster id
        self.decisions: dict[int, MatchDecision] = {}  # report index -> why it was merged
        # (country, location name, day or None for coarse dates) -> [(cluster, has coordinates)]
        self._names: dict[tuple[str | None, str, int | None], list[tuple[int, bool]]] = defaultdict(list)
        self.comparisons = 0

    def candidates(self, f: Features) -> list[int]:
        if f.time_precision >= 4:
            return []
        tol = self.cfg.max_days if f.time_precision == 1 else (7 if f.time_precision == 2 else 31)
        placed = f.latitude is not None and f.longitude is not None
        out: list[int] = []
        if f.location:  # events placed by name only can match by name (and placed ones, when f is unplaced)
            for key in (None, *range(f.day - tol, f.day + tol + 1)):
                for cid, has_xy in self._names.get((f.country, f.location, key), ()):
                    if not (placed and has_xy):
                        out.append(cid)
        if placed:
            self.fine.near(f, self.cfg.max_km if f.geo_precision == 1 else self.cfg.max_km_coarse, tol, out)
            self.coarse.near(f, self.cfg.max_km_coarse, tol, out)
        return out

    def add(self, e) -> int:  # type: ignore[no-untyped-def]
        """Fuse one report (an Event or any record with Event's attribute names); returns its cluster."""
        return self.add_features(features(e))

    def add_features(self, f: Features) -> int:
        idx = len(self.assign)
        best: tuple[int, MatchDecision] | None = None
        for cid in self.candidates(f):
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
            self._names[(f.country, f.location, f.day if f.time_precision == 1 else None)].append((cid, placed))
        if not placed:
            return
        if f.geo_precision == 1:
            self.fine.add(cid, f)
        else:
            self.coarse.add(cid, f)


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
