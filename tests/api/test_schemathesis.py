"""Property-based checks of every operation in /openapi.json (schemathesis, in-process over ASGI):
no 5xx, status codes, content types and bodies as documented. Examples are bounded to stay fast."""

from __future__ import annotations

from datetime import date

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from conflictwatch.api import create_app
from conflictwatch.config import Settings
from conflictwatch.models import Article, Event


@pytest.fixture(scope="module")
def api_schema():
    from conflictwatch.store import open_store

    store = open_store("sqlite://")  # one shared in-memory database
    store.add_events([Event(id=f"s{i}", event_date=date(2024, 1 + i % 12, 1 + i), event_type="Battles",
                            sub_event_type="Armed clash", country="Mali", location=f"Place {i}", latitude=14.0,
                            longitude=-4.0 + i / 10, fatalities=i) for i in range(20)], "ucdp")
    store.ingest(Article(id="a1", text="Soldiers clashed with gunmen near Mopti on Monday."), [])
    app = create_app(store=store, settings=Settings(database_url="sqlite://"), extract=lambda a: [])
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    store.close()


def _operations():
    # Listed without the app so each operation is its own test; the fixture supplies the live schema.
    app = create_app(store=None, settings=Settings(database_url="sqlite://"))
    return sorted(f"{method.upper()} {path}" for path, item in app.openapi()["paths"].items() for method in item)


def _without_cursor(case):
    # A cursor is opaque: only a value the API handed out is valid, which no schema can say, so a
    # generated one is always (rightly) refused with 422. test_events.py checks that refusal.
    if case.query:
        case.query.pop("cursor", None)
    return case


@pytest.mark.parametrize("label", _operations())
def test_openapi_contract(api_schema, label):
    method, path = label.split(" ", 1)
    operation = api_schema[path][method]

    @given(case=operation.as_strategy().map(_without_cursor))
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        case.call_and_validate()

    check()
