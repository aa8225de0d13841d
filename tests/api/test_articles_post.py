"""POST /articles: API keys are required, stored hashed, and the article is coded and stored."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from conflictwatch.api import create_app
from conflictwatch.api.security import ApiKeyStore, hash_key
from conflictwatch.config import Settings
from conflictwatch.errors import AuthError
from conflictwatch.models import Article, Event, Evidence


def fake_extract(article: Article) -> list[Event]:
    """Codes every article as one protest in Bamako, with the word 'march' as evidence if present."""
    i = article.text.find("march")
    ev = [Evidence(field="sub_event_type", start=i, end=i + 5)] if i >= 0 else []
    return [Event(event_date=article.published or date(2024, 1, 1), event_type="Protests",
                  sub_event_type="Peaceful protest", country="Mali", location="Bamako", evidence=ev)]


@pytest.fixture
def keyed(store, tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'k.db'}")
    app = create_app(store=store, settings=settings, extract=fake_extract)
    key = ApiKeyStore(settings.database_url).create("test")
    with TestClient(app) as c:
        yield c, key, settings


def test_post_needs_a_key(keyed):
    c, _, _ = keyed
    r = c.post("/articles", json={"text": "Students march in Bamako."})
    assert r.status_code == 401
    assert r.json()["error"] == "AuthError"
    assert c.post("/articles", json={"text": "x"}, headers={"X-API-Key": "cw_wrong"}).status_code == 401


def test_post_text_codes_and_stores(keyed, store):
    c, key, _ = keyed
    r = c.post("/articles", json={"text": "Students march in Bamako.", "published": "2024-06-01"},
               headers={"X-API-Key": key})
    assert r.status_code == 201
    res = r.json()
    assert res["created"] is True and len(res["event_ids"]) == 1
    ev = c.get(f"/events/{res['event_ids'][0]}").json()
    assert ev["event_date"] == "2024-06-01"
    assert ev["articles"][0]["text"] == "Students march in Bamako."
    again = c.post("/articles", json={"text": "Students  march in Bamako."}, headers={"X-API-Key": key})
    assert again.status_code == 200 and again.json()["created"] is False


def test_post_needs_exactly_one_of_text_or_url(keyed):
    c, key, _ = keyed
    assert c.post("/articles", json={}, headers={"X-API-Key": key}).status_code == 422
    both = {"text": "a", "url": "https://example.org/a"}
    assert c.post("/articles", json=both, headers={"X-API-Key": key}).status_code == 422


def test_post_url_to_loopback_is_refused(keyed):
    c, key, _ = keyed
    r = c.post("/articles", json={"url": "http://127.0.0.1:9/x"}, headers={"X-API-Key": key})
    assert r.status_code == 422
    assert r.json()["error"] == "BlockedURL"


def test_keys_are_stored_hashed(tmp_path):
    keys = ApiKeyStore(f"sqlite:///{tmp_path / 'k.db'}")
    key = keys.create("analyst")
    with keys.engine.connect() as conn:
        stored = [tuple(r) for r in conn.exec_driver_sql("SELECT key_hash, label FROM api_keys")]
    assert stored == [(hash_key(key), "analyst")]
    assert key not in repr(stored)
    keys.verify(key)


def test_apikey_cli_create_list_revoke(tmp_path):
    from typer.testing import CliRunner

    from conflictwatch.cli import app

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    out = CliRunner().invoke(app, ["apikey", "create", "--label", "me", "--database-url", url])
    assert out.exit_code == 0, out.output
    key = out.output.strip()
    assert key.startswith("cw_")
    ApiKeyStore(url).verify(key)

    listed = CliRunner().invoke(app, ["apikey", "list", "--db", url])
    assert listed.exit_code == 0 and "\tactive\tme" in listed.output and key not in listed.output
    key_id = listed.output.split("\t")[0]
    assert CliRunner().invoke(app, ["apikey", "revoke", key_id, "--db", url]).exit_code == 0
    with pytest.raises(AuthError):
        ApiKeyStore(url).verify(key)
    missing = CliRunner().invoke(app, ["apikey", "revoke", "999", "--db", url])
    assert missing.exit_code == 1 and "no API key" in missing.output


def test_oversized_body_is_refused_before_reading(keyed):
    c, key, settings = keyed
    big = "x" * (settings.max_text_chars * 4 + 70_000)
    r = c.post("/articles", json={"text": big}, headers={"X-API-Key": key})
    assert r.status_code == 413


@pytest.mark.postgres
def test_keys_on_postgresql(postgres_url):
    keys = ApiKeyStore(postgres_url)
    key = keys.create("pg")
    keys.verify(key)
    with pytest.raises(AuthError):
        keys.verify(key + "x")
    keys.close()
