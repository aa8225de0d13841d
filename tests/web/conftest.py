"""A demo store and a live server for the browser test: uvicorn on a free loopback port, in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from conflictwatch.models import Article, Event, Evidence

UCDP_DIR = Path(__file__).resolve().parents[2] / "samples" / "ucdp"

ARTICLE = (
    "Armed men attacked the village of Kolo near Bambari on Sunday and killed nine civilians, "
    "the prefect of Ouaka said on Monday. Witnesses said the attackers, whom residents "
    "described as UPC fighters, burned houses before leaving towards the east."
)
HOSTILE = '<img src="http://evil.example/x.png" onerror="alert(1)"><b>not bold</b>'


def _span(field: str, s: str) -> Evidence:
    i = ARTICLE.index(s)
    return Evidence(field=field, start=i, end=i + len(s), text=s)


def demo_store(url: str):
    """The two UCDP GED sample extracts shipped in samples/ucdp (real, CC BY 4.0), one coded article
    (our own text) and one record full of markup (dataset "synthetic") to prove escaping."""
    from conflictwatch.ingest.ucdp import import_ucdp
    from conflictwatch.store import open_store

    store = open_store(url)
    for csv in sorted(UCDP_DIR.glob("ged_*.csv")):
        import_ucdp(store, csv)
    events = [Event(id="demo:hostile", event_date=date(1990, 6, 1), event_type="Riots",
                    sub_event_type="Mob violence", country="Niger", location="Diffa", latitude=13.32,
                    longitude=12.61, fatalities=1, notes=HOSTILE, actor1=HOSTILE)]
    store.add_events(events, "synthetic")
    article = Article(id="demo-bambari", text=ARTICLE, title="Nine civilians killed near Bambari",
                      source="Demo Wire", url="https://demo.example.org/bambari", published=date(2024, 11, 11))
    coded = Event(
        event_date=date(2024, 11, 10), event_type="Violence against civilians", sub_event_type="Attack",
        actor1="UPC", inter1="Rebel group", actor2="Civilians (Central African Republic)", inter2="Civilians",
        civilian_targeting="Civilian targeting", country="Central African Republic", admin1="Ouaka",
        location="Kolo", latitude=5.82, longitude=20.61, geo_precision=2, fatalities=9,
        notes="Armed men said to be UPC fighters killed nine civilians in Kolo near Bambari.",
        confidence={"event_type": 0.88, "actor1": 0.61, "fatalities": 0.93, "location": 0.74, "event_date": 0.9},
        evidence=[_span("actor1", "UPC fighters"), _span("fatalities", "killed nine civilians"),
                  _span("location", "Kolo"), _span("event_date", "Sunday"), _span("event_type", "attacked")],
    )
    res = store.ingest(article, [coded])
    return store, res.event_ids[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory) -> Iterator[dict]:
    import uvicorn

    from conflictwatch.api import create_app
    from conflictwatch.config import Settings

    db = tmp_path_factory.mktemp("web") / "demo.db"
    store, coded_id = demo_store(f"sqlite:///{db}")
    app = create_app(store=store, settings=Settings(database_url=f"sqlite:///{db}"))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "host": f"127.0.0.1:{port}", "coded_id": coded_id}
    server.should_exit = True
    thread.join(timeout=10)
    store.close()
