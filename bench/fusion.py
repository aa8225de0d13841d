"""Time fusion of synthetic reports: the blocking fuser at 100k and 1M reports against the
all-pairs baseline (measured on small n in the same process and extrapolated as n^2).

    .venv/bin/python bench/fusion.py                 # 100k and 1M
    .venv/bin/python bench/fusion.py --sizes 100000  # quicker
    .venv/bin/python bench/fusion.py --store 2000    # also time the store path (SQLite, one transaction per report)

Synthetic reports: 100 a day over a box of the Sahel (lat 5-20, lon -15..15), so 100k reports
cover 2.7 years and 1M reports 27 years (a bigger store is a longer history, not a denser one); each
base event is reported 1-4 times with a jittered date (+-1 day) and place (+-0.1 degree), sometimes
a region-level place, a week/month/year-only date, no coordinates or a generic actor.
"""

from __future__ import annotations

import argparse
import gc
import random
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta

from conflictwatch.fuse.blocking import BlockingFuser, naive_fuse
from conflictwatch.fuse.match import features

TYPES = [("Battles", "Armed clash"), ("Violence against civilians", "Attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Protests", "Peaceful protest"),
         ("Riots", "Mob violence"), ("Strategic developments", "Looting/property destruction")]
ACTORS = [f"Armed Group {i}" for i in range(60)] + ["Unidentified armed group", "Military Forces of Mali",
                                                     "Military Forces of Burkina Faso", None]
START = date(2000, 1, 1)
PER_DAY = 100


@dataclass(slots=True)
class Rec:
    """A report with Event's attribute names (pydantic validation is not what is being timed)."""

    event_date: date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    assoc_actor_1: str | None
    assoc_actor_2: str | None
    country: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None


def synthetic(n: int, seed: int = 7, per_day: int = PER_DAY) -> list[Rec]:
    """``n`` reports at a constant density (``per_day`` reports a day over the box): a larger store
    is a longer history, as in a monitoring system, not a denser one."""
    rnd = random.Random(seed)
    out: list[Rec] = []
    span = max(30, n // per_day)
    while len(out) < n:
        day = START + timedelta(days=rnd.randrange(span))
        lat, lon = rnd.uniform(5, 20), rnd.uniform(-15, 15)
        et, st = rnd.choice(TYPES)
        a1, a2 = rnd.choice(ACTORS), rnd.choice(ACTORS)
        town = f"Town {int(lat * 10)}-{int(lon * 10)}"
        country = "Mali" if lon < 0 else "Niger"
        for _ in range(min(4, 1 + int(rnd.expovariate(1.6)))):
            tp = rnd.choices([1, 2, 3, 4], [90, 5, 3, 2])[0]
            placed = rnd.random() > 0.05
            gp = rnd.choices([1, 2, 3], [80, 15, 5])[0]
            out.append(Rec(
                event_date=day + timedelta(days=rnd.choice([0, 0, 0, 1, -1])), time_precision=tp,
                event_type=et, sub_event_type=st, actor1=a1 if rnd.random() > 0.2 else "Unidentified armed group",
                actor2=a2, assoc_actor_1=None, assoc_actor_2=None, country=country, location=town,
                latitude=lat + rnd.uniform(-0.1, 0.1) if placed else None,
                longitude=lon + rnd.uniform(-0.1, 0.1) if placed else None, geo_precision=gp if placed else None))
    return out[:n]


def time_blocking(reports: list[Rec]) -> tuple[float, float, BlockingFuser]:
    """(wall seconds, CPU seconds, fuser)."""
    gc.collect()
    gc.disable()  # millions of small objects: the cyclic GC would dominate otherwise
    try:
        t, c = time.perf_counter(), time.process_time()
        fuser = BlockingFuser()
        for r in reports:
            fuser.add(r)
        return time.perf_counter() - t, time.process_time() - c, fuser
    finally:
        gc.enable()


def time_naive(reports: list[Rec]) -> tuple[float, float, list[int]]:
    t, c = time.perf_counter(), time.process_time()
    assign = naive_fuse(reports)
    return time.perf_counter() - t, time.process_time() - c, assign


def time_store(n: int) -> float:
    from conflictwatch.models import Article, Event
    from conflictwatch.store import open_store

    reports = synthetic(n, seed=11)
    with tempfile.TemporaryDirectory() as d:
        store = open_store(f"sqlite:///{d}/bench.db")
        events = [Event(**{k: getattr(r, k) for k in Rec.__slots__}) for r in reports]
        t = time.perf_counter()
        for i, e in enumerate(events):
            store.ingest(Article(id=f"b{i}", text=f"synthetic report {i}"), [e])
        dt = time.perf_counter() - t
        store.close()
    return dt


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--baseline", type=int, nargs="+", default=[1000, 2000, 4000])
    ap.add_argument("--store", type=int, default=0, help="also ingest this many reports through SQLStore")
    args = ap.parse_args()

    print("| method | reports | events | comparisons | wall s | CPU s | reports/s (CPU) |")
    print("|---|---|---|---|---|---|---|")
    naive_rate = None
    for n in args.baseline:
        reports = synthetic(n)
        tn, cn, assign = time_naive(reports)
        tb, cb, fuser = time_blocking(reports)
        assert fuser.assign == assign, "blocking and all-pairs disagree"
        print(f"| all-pairs (baseline) | {n:,} | {len(set(assign)):,} | {n * (n - 1) // 2:,} (at most) | {tn:.2f} "
              f"| {cn:.2f} | {n / cn:,.0f} |")
        print(f"| blocking | {n:,} | {len(fuser.clusters):,} | {fuser.comparisons:,} | {tb:.3f} | {cb:.3f} "
              f"| {n / cb:,.0f} |")
        naive_rate = cn / (n * n)
    for n in args.sizes:
        reports = synthetic(n)
        tb, cb, fuser = time_blocking(reports)
        print(f"| blocking | {n:,} | {len(fuser.clusters):,} | {fuser.comparisons:,} | {tb:.1f} | {cb:.1f} "
              f"| {n / cb:,.0f} |", flush=True)
        if naive_rate:
            est = naive_rate * n * n
            print(f"| all-pairs, extrapolated n^2 | {n:,} | | | | {est:,.0f} ({est / 3600:,.1f} h) | |", flush=True)
        del reports, fuser
        gc.collect()
    if args.store:
        dt = time_store(args.store)
        print(f"| SQLStore.ingest (SQLite, 1 transaction/report) | {args.store:,} | | | {dt:.1f} | "
              f"| {args.store / dt:,.0f} (wall) |")
    # features() is part of every add(); say how much of the time it is
    sample = synthetic(50_000)
    t = time.perf_counter()
    for r in sample:
        features(r)
    print(f"\nfeatures(): {(time.perf_counter() - t) / len(sample) * 1e6:.1f} us per report (included above)")


if __name__ == "__main__":
    main()
