"""Benchmark: /events filtered queries against 1M synthetic events in SQLite, 32 concurrent clients.

    .venv/bin/python bench/api.py                       # 1,000,000 events, 32 clients, <= 6,400 requests
    .venv/bin/python bench/api.py --events 100000 --requests 2000

The database is built once with the store's bulk ``add_events`` (50,000 events a call) and cached
under /tmp, its name keyed by the event count and DATA_VERSION (bump it when ``synthetic`` changes);
a cached file is reused when it already holds the requested number of events (opening it applies
any newer migration and refreshes stale planner statistics). The server is ``conflictwatch serve`` in a subprocess (uvicorn,
one process); the clients are asyncio tasks over httpx on loopback. Bounded in requests and in
seconds. Baseline in the same run: the same queries called on the store directly, one at a time,
and GET /health (no query) through the same HTTP path.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import httpx

from conflictwatch.models import Event
from conflictwatch.store import EventFilter, open_store
from conflictwatch.taxonomy import EVENT_TYPES

COUNTRIES = ["Mali", "Burkina Faso", "Niger", "Nigeria", "Chad", "Sudan", "Somalia", "Cameroon",
             "Central African Republic", "Democratic Republic of Congo", "Mozambique", "Ethiopia",
             "South Sudan", "Libya", "Senegal", "Ghana", "Benin", "Togo", "Kenya", "Uganda"]
DATA_VERSION = 2
ACTORS = [f"Armed group {i}" for i in range(200)] + [f"Military Forces of {c}" for c in COUNTRIES]

# (name, query parameters): the mix each client cycles through.
QUERIES: list[tuple[str, dict[str, str]]] = [
    ("country", {"country": "Mali"}),
    ("country+type+dates", {"country": "Niger", "event_type": "Battles", "start": "2020-01-01",
                            "end": "2021-12-31"}),
    ("dates", {"start": "2022-03-01", "end": "2022-03-31"}),
    ("min_fatalities", {"min_fatalities": "50"}),
    ("bbox", {"bbox": "-5,12,3,16"}),
    ("actor", {"actor": "Armed group 17"}),
    ("dataset+sort_fatalities", {"dataset": "ucdp", "sort": "-fatalities"}),
    ("geojson country", {"country": "Chad", "format": "geojson"}),
    ("unfiltered", {}),
]


def synthetic(n: int, seed: int = 11) -> list[Event]:
    rnd = random.Random(seed)
    types = list(EVENT_TYPES)
    day0 = date(2015, 1, 1)
    out = []
    for i in range(n):
        et = rnd.choice(types)
        country = rnd.choice(COUNTRIES)
        out.append(Event(
            id=f"bench:{seed}:{i}", event_date=day0 + timedelta(days=rnd.randrange(3650)), event_type=et,
            sub_event_type=rnd.choice(EVENT_TYPES[et]), actor1=rnd.choice(ACTORS), actor2=rnd.choice(ACTORS),
            country=country, admin1=f"{country} region {rnd.randrange(12)}", location=f"Place {rnd.randrange(50_000)}",
            latitude=rnd.uniform(-15, 25), longitude=rnd.uniform(-18, 45), fatalities=int(rnd.expovariate(0.2)),
            notes=f"Synthetic benchmark event {i}.",
        ))
    return out


def build(url: str, n: int) -> None:
    store = open_store(url)
    have = store.count_events(EventFilter())
    if have >= n:
        print(f"reusing {url}: {have:,} events")
        store.close()
        return
    t0 = time.perf_counter()
    chunk = 50_000
    with store.bulk_load():  # SQLite: indexes dropped now, made again (one sort each) at the end
        for start in range(have, n, chunk):
            size = min(chunk, n - start)
            evs = synthetic(size, seed=start)
            store.add_events(evs, "ucdp" if (start // chunk) % 2 else "synthetic")
            done = start + size
            rate = (done - have) / (time.perf_counter() - t0)
            print(f"  {done:,} / {n:,} events ({rate:,.0f}/s)", flush=True)
        t1 = time.perf_counter()
    print(f"  indexes made again and ANALYZE in {time.perf_counter() - t1:.0f} s")
    store.close()
    print(f"built {n:,} events in {time.perf_counter() - t0:.0f} s (synthetic Events made in the same loop; "
          f"load average {os.getloadavg()[0]:.1f})")


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def summary(ms: list[float]) -> str:
    return f"p50 {pct(ms, 50):7.1f}  p95 {pct(ms, 95):7.1f}  p99 {pct(ms, 99):7.1f} ms  (n={len(ms)})"


def direct_baseline(url: str, rounds: int = 5) -> dict[str, list[float]]:
    from conflictwatch.api.params import parse_bbox

    store = open_store(url)
    out: dict[str, list[float]] = {}
    for name, params in QUERIES:
        p = {k: v for k, v in params.items() if k not in ("sort", "format")}
        if "bbox" in p:
            p["bbox"] = parse_bbox(p["bbox"])
        flt = EventFilter(**p)
        ms = []
        for _ in range(rounds):
            t = time.perf_counter()
            store.query_events(flt, sort=params.get("sort", "-event_date"), limit=100)
            ms.append((time.perf_counter() - t) * 1000)
        out[name] = ms
    store.close()
    return out


async def load(base: str, clients: int, requests: int, seconds: float) -> tuple[dict[str, list[float]], Counter, float]:
    lat: dict[str, list[float]] = {name: [] for name, _ in QUERIES}
    errors: Counter = Counter()  # "HTTP 500" / exception class -> count
    issued = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        async def worker(k: int) -> None:
            nonlocal issued
            i = k
            while issued < requests and time.monotonic() < deadline:
                issued += 1
                name, params = QUERIES[i % len(QUERIES)]
                i += 1
                t = time.perf_counter()
                try:
                    r = await client.get("/events", params={**params, "limit": "100"})
                    if r.status_code != 200:
                        errors[f"{name}: HTTP {r.status_code} {r.text[:200]}"] += 1
                except httpx.HTTPError as exc:
                    errors[f"{name}: {type(exc).__name__} {exc}"[:300]] += 1
                ms = (time.perf_counter() - t) * 1000
                lat[name].append(ms)

        t0 = time.perf_counter()
        await asyncio.gather(*(worker(k) for k in range(clients)))
        wall = time.perf_counter() - t0
    return lat, errors, wall


async def health(base: str, n: int = 200) -> list[float]:
    async with httpx.AsyncClient(base_url=base) as client:
        ms = []
        for _ in range(n):
            t = time.perf_counter()
            await client.get("/openapi.json")
            ms.append((time.perf_counter() - t) * 1000)
    return ms


def proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` and its live descendants (Linux /proc)."""
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += proc_cpu(int(child))
    except (OSError, IndexError, ValueError):
        pass
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", default=None, help="SQLite file (default: /tmp/conflictwatch-bench-<events>-v<DATA_VERSION>.db)")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--requests", type=int, default=6400, help="stop after this many requests")
    ap.add_argument("--seconds", type=float, default=180, help="or after this many seconds")
    ap.add_argument("--workers", type=int, default=1, help="server processes (conflictwatch serve --workers)")
    ap.add_argument("--build-only", action="store_true", help="build (or check) the database and stop")
    ap.add_argument("--exclude", action="append", default=[], metavar="NAME",
                    help="leave a query of the mix out (repeatable), e.g. --exclude min_fatalities")
    args = ap.parse_args()
    args.db = args.db or f"/tmp/conflictwatch-bench-{args.events}-v{DATA_VERSION}.db"
    url = f"sqlite:///{Path(args.db).resolve()}"
    unknown = set(args.exclude) - {name for name, _ in QUERIES}
    if unknown:
        raise SystemExit(f"unknown query names: {sorted(unknown)}")
    QUERIES[:] = [q for q in QUERIES if q[0] not in args.exclude]
    build(url, args.events)
    if args.build_only:
        return

    print("\nbaseline: the store called directly, one query at a time (limit 100)")
    for name, ms in direct_baseline(url).items():
        print(f"  {name:26s} median {statistics.median(ms):7.1f} ms")

    port = free_port()
    env = {**os.environ, "CONFLICTWATCH_DATABASE_URL": url}
    exe = Path(sys.executable).with_name("conflictwatch")
    log = open(Path(args.db).with_suffix(f".server-w{args.workers}.log"), "wb")  # closed in the finally below
    server = subprocess.Popen([str(exe), "serve", "--host", "127.0.0.1", "--port", str(port),
                               "--workers", str(args.workers)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/health", timeout=30).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            raise SystemExit(f"server did not start; see {log.name}")
        asyncio.run(load(base, 4, 100, 30))  # warm-up
        h = asyncio.run(health(base))
        print(f"\nbaseline over HTTP, 1 client, GET /openapi.json (no store work): {summary(h)}")
        server_cpu0, client_cpu0 = proc_cpu(server.pid), time.process_time()
        lat, errors, wall = asyncio.run(load(base, args.clients, args.requests, args.seconds))
        server_cpu, client_cpu = proc_cpu(server.pid) - server_cpu0, time.process_time() - client_cpu0
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()

    allms = [x for v in lat.values() for x in v]
    load1, _, _ = os.getloadavg()
    print(f"\nmachine: {os.cpu_count()} CPUs, load average {load1:.1f} at the end (other work included)")
    print(f"/events under load: {args.workers} server process(es), {args.clients} concurrent clients, {len(allms):,} requests in {wall:.1f} s "
          f"({len(allms) / wall:,.0f} req/s), {sum(errors.values())} errors, limit=100, {args.events:,} events")
    n = max(1, len(allms))
    print(f"  CPU per request: server {server_cpu / n * 1000:.1f} ms, clients {client_cpu / n * 1000:.1f} ms "
          f"(server {server_cpu:.1f} s and clients {client_cpu:.1f} s of CPU in {wall:.1f} s)")
    print(f"  {'all':26s} {summary(allms)}")
    for name, ms in lat.items():
        if ms:
            print(f"  {name:26s} {summary(ms)}")
    for what, k in errors.most_common(10):
        print(f"  error x{k}: {what}")
    print(f"\ngoal p95 <= 50 ms: {'met' if pct(allms, 95) <= 50 else 'NOT met'} (p95 {pct(allms, 95):.1f} ms)")


if __name__ == "__main__":
    main()
