"""GET /events, /events/{id}, /articles/{id}, /stats/*, /health over the in-memory fake store."""

from __future__ import annotations

import csv
import io

from conflictwatch.models import ACLED_COLUMNS


def test_health_reports_the_store(client):
    r = client.get("/health")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    assert r.json()["events"] == 11


def test_events_json_shape_and_default_sort(client):
    body = client.get("/events").json()
    assert set(body) == {"events", "next"}
    dates = [e["event_date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)
    assert body["next"] is None


def test_country_filter(client):
    body = client.get("/events", params={"country": "Central African Republic"}).json()
    assert len(body["events"]) == 9
    assert {e["country"] for e in body["events"]} == {"Central African Republic"}


def test_filters_combine(client):
    r = client.get("/events", params={"event_type": "Battles", "min_fatalities": 5, "start": "2023-01-01",
                                      "end": "2023-12-31", "dataset": "ucdp"})
    ids = {e["id"] for e in r.json()["events"]}
    assert ids == {"ucdp-5", "ucdp-6", "ucdp-7", "ucdp-8"}


def test_actor_text_and_bbox_filters(client, store):
    hits = client.get("/events", params={"actor": "armed group"}).json()["events"]
    assert [e["id"] for e in hits] == [store.ndele_id]
    assert [e["id"] for e in client.get("/events", params={"text": "power cuts"}).json()["events"]] == ["ev-bamako"]
    inside = client.get("/events", params={"bbox": "-10,10,-5,15"}).json()["events"]
    assert [e["id"] for e in inside] == ["ev-bamako"]


def test_bad_bbox_is_422_not_a_traceback(client):
    r = client.get("/events", params={"bbox": "1,2,3"})
    assert r.status_code == 422
    assert "Traceback" not in r.text


def test_limit_is_bounded(client):
    assert client.get("/events", params={"limit": 0}).status_code == 422
    assert client.get("/events", params={"limit": 100_000}).status_code == 422


def test_cursor_pagination_walks_every_event_once(client):
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 4, "sort": "fatalities"}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/events", params=params).json()
        seen += [e["id"] for e in body["events"]]
        cursor = body["next"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 11


def test_garbage_cursor_is_422(client):
    r = client.get("/events", params={"cursor": "not-a-cursor!"})
    assert r.status_code == 422
    assert r.json()["error"] == "InputError"


def test_csv_has_acled_columns_in_order(client):
    r = client.get("/events", params={"format": "csv", "country": "Mali"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.text)))
    assert tuple(rows[0][: len(ACLED_COLUMNS)]) == ACLED_COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["location"] == "Bamako" and row["event_type"] == "Protests" and row["dataset"] == "acled"


def test_geojson_is_a_feature_collection(client, store):
    r = client.get("/events", params={"format": "geojson"})
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in fc["features"]}
    assert by_id["ev-bamako"]["geometry"] == {"type": "Point", "coordinates": [-8.0, 12.65]}
    assert by_id["ev-nofix"]["geometry"] is None
    assert by_id[store.ndele_id]["properties"]["fatalities"] == 7


def test_event_detail_has_evidence_sources_and_article(client, store):
    ev = client.get(f"/events/{store.ndele_id}").json()
    assert ev["confidence"]["fatalities"] == 0.95
    text = ev["articles"][0]["text"]
    spans = {e["field"]: text[e["start"]: e["end"]] for e in ev["evidence"]}
    assert spans["fatalities"] == "killed seven villagers"
    assert spans["location"] == "Ndele"
    assert ev["sources"][0]["url"] == "https://news.example.org/ndele"


def test_unknown_event_and_article_are_404(client):
    for path in ("/events/nope", "/articles/nope"):
        r = client.get(path)
        assert r.status_code == 404
        assert r.json()["error"] == "NotFound"


def test_article(client):
    a = client.get("/articles/art1").json()
    assert a["title"] == "Attack in Ndele"
    assert a["text"].startswith("Gunmen killed seven villagers")


def test_timeseries_by_type(client):
    body = client.get("/stats/timeseries", params={"interval": "month", "group_by": "event_type"}).json()
    sep = [b for b in body["buckets"] if b["period"] == "2024-09"]
    assert sep == [{"period": "2024-09", "group": "Violence against civilians", "events": 1, "fatalities": 7}]
    assert sum(b["events"] for b in body["buckets"]) == 11


def test_timeseries_rejects_unknown_interval(client):
    assert client.get("/stats/timeseries", params={"interval": "year"}).status_code == 422


def test_places_and_count_follow_filters(client):
    places = client.get("/stats/places", params={"country": "Mali"}).json()["places"]
    assert [(p["location"], p["events"]) for p in places] == [("Bamako", 1)]
    assert client.get("/stats/count", params={"dataset": "ucdp"}).json() == {"events": 8}


def test_unexpected_error_is_500_without_traceback(store, tmp_path):
    from fastapi.testclient import TestClient

    from conflictwatch.api import create_app
    from conflictwatch.config import Settings

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    store.query_events = boom
    app = create_app(store=store, settings=Settings(database_url="sqlite://"))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/events")
    assert r.status_code == 500
    assert "secret" not in r.text and "Traceback" not in r.text


def test_taxonomy(client):
    t = client.get("/taxonomy").json()
    assert t["event_types"]["Explosions/Remote violence"][1] == "Air/drone strike"
    assert sum(len(v) for v in t["event_types"].values()) == 25
    assert t["geo_precision"]["1"]


def test_security_headers_on_api_dashboard_and_errors(client):
    for path in ("/events", "/", "/events/no-such-event"):
        r = client.get(path)
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'self'" in r.headers["Content-Security-Policy"]
    r = client.get("/docs")
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in r.headers  # Swagger UI starts with an inline script
