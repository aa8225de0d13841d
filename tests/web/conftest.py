"""A demo store and a live server for the browser test: uvicorn on a free loopback port, in a thread."""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from conflictwatch.models import Article, Event, Evidence
from conflictwatch.taxonomy import EVENT_TYPES

# (location, admin1, country, latitude, longitude): real places, approximate coordinates.
PLACES = [
    ("Bangui", "Bangui", "Central African Republic", 4.36, 18.56),
    ("Bambari", "Ouaka", "Central African Republic", 5.76, 20.68),
    ("Bria", "Haute-Kotto", "Central African Republic", 6.54, 21.99),
    ("Kaga-Bandoro", "Nana-Grebizi", "Central African Republic", 6.99, 19.18),
    ("Bossangoa", "Ouham", "Central African Republic", 6.49, 17.45),
    ("Mopti", "Mopti", "Mali", 14.49, -4.18),
    ("Gao", "Gao", "Mali", 16.27, -0.04),
    ("Menaka", "Menaka", "Mali", 15.92, 2.40),
    ("Djibo", "Sahel", "Burkina Faso", 14.10, -1.63),
    ("Kaya", "Centre-Nord", "Burkina Faso", 13.09, -1.08),
    ("Fada N'gourma", "Est", "Burkina Faso", 12.06, 0.36),
    ("Tillaberi", "Tillaberi", "Niger", 14.21, 1.45),
    ("Diffa", "Diffa", "Niger", 13.32, 12.61),
    ("Maiduguri", "Borno", "Nigeria", 11.85, 13.16),
]
ACTORS = {
    "Central African Republic": ["Military Forces of the Central African Republic", "UPC", "3R", "Anti-Balaka"],
    "Mali": ["Military Forces of Mali", "JNIM", "Islamic State Sahel Province"],
    "Burkina Faso": ["Military Forces of Burkina Faso", "JNIM", "VDP"],
    "Niger": ["Military Forces of Niger", "Islamic State Sahel Province"],
    "Nigeria": ["Military Forces of Nigeria", "ISWAP", "Boko Haram"],
}

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
    """About 400 synthetic events (dataset "synthetic") over five countries, plus one coded article."""
    from conflictwatch.store import open_store

    store = open_store(url)
    rnd = random.Random(7)
    types = list(EVENT_TYPES)
    day0 = date(2023, 1, 1)
    events = []
    for i in range(400):
        loc, adm, country, lat, lon = rnd.choice(PLACES)
        etype = rnd.choices(types, weights=[5, 4, 3, 1, 2, 1])[0]
        a1, a2 = rnd.sample(ACTORS[country], 2)
        deaths = int(rnd.expovariate(0.25)) if etype in types[:3] else 0
        events.append(Event(
            id=f"demo:{i}", event_date=day0 + timedelta(days=rnd.randrange(0, 700)), event_type=etype,
            sub_event_type=rnd.choice(EVENT_TYPES[etype]), actor1=a1, actor2=a2, country=country, admin1=adm,
            location=loc, latitude=lat + rnd.uniform(-0.4, 0.4), longitude=lon + rnd.uniform(-0.4, 0.4),
            geo_precision=2, fatalities=deaths, notes=f"Synthetic demo event {i} near {loc}.",
        ))
    events.append(Event(id="demo:hostile", event_date=date(2024, 6, 1), event_type="Riots",
                        sub_event_type="Mob violence", country="Niger", location="Diffa", latitude=13.32,
                        longitude=12.61, fatalities=1, notes=HOSTILE, actor1=HOSTILE))
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
