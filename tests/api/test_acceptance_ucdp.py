"""Acceptance: a store holding the UCDP GED Central African Republic extract (samples/ucdp), served
by the app: /health, /events by country (JSON), GeoJSON, /openapi.json, /docs and / all answer, and
the pages they serve point at no other host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conflictwatch.api import create_app
from conflictwatch.config import Settings

CAR = Path(__file__).resolve().parents[2] / "samples" / "ucdp" / "ged_central_african_republic_1991_2022.csv"
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def car_client(tmp_path_factory):
    from conflictwatch.ingest.ucdp import import_ucdp
    from conflictwatch.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('car') / 'car.db'}"
    store = open_store(url)
    report = import_ucdp(store, CAR)
    assert report.added > 1000
    store.close()
    # No store passed: the app opens Settings.database_url itself, as `conflictwatch serve` does.
    with TestClient(create_app(settings=Settings(database_url=url))) as client:
        yield client, report.added


def test_health(car_client):
    client, added = car_client
    assert client.get("/health").json()["events"] == added


def test_events_of_the_country(car_client):
    client, _ = car_client
    body = client.get("/events", params={"country": "Central African Republic", "limit": 20}).json()
    assert len(body["events"]) == 20 and body["next"]
    assert {e["country"] for e in body["events"]} == {"Central African Republic"}
    assert all(s["dataset"] == "ucdp" for e in body["events"] for s in e["sources"])


def test_geojson(car_client):
    client, _ = car_client
    fc = client.get("/events", params={"format": "geojson", "limit": 50}).json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 50
    lon, lat = fc["features"][0]["geometry"]["coordinates"]
    assert 14 < lon < 28 and 2 < lat < 12  # inside the Central African Republic


def test_openapi_docs_and_dashboard_are_local(car_client):
    client, _ = car_client
    assert "/events" in client.get("/openapi.json").json()["paths"]
    for path in ("/docs", "/"):
        r = client.get(path)
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
        assert not EXTERNAL.search(r.text), f"{path} loads something from another host"
    csp = client.get("/").headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    assert client.get("/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/data/countries-50m.geojson").json()["type"] == "FeatureCollection"


def test_serve_refuses_an_unusable_store_cleanly():
    from typer.testing import CliRunner

    from conflictwatch.cli import app

    out = CliRunner().invoke(app, ["serve", "--database-url", "oracle://nowhere/db"])
    assert out.exit_code == 1
    assert "error:" in out.output and "Traceback" not in out.output
