"""POST /articles with the real Extractor (spaCy model): the article is coded and its evidence
points into its own text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from conflictwatch.api import create_app
from conflictwatch.api.security import ApiKeyStore
from conflictwatch.config import Settings

pytestmark = pytest.mark.model

TEXT = ("NIAMEY, 14 May 2024 - Gunmen on motorbikes killed eight villagers in an attack on a hamlet "
        "near Tillaberi on Monday, a local official told reporters.")


def test_post_article_with_the_real_extractor(tmp_path):
    url = f"sqlite:///{tmp_path / 'events.db'}"
    key = ApiKeyStore(url).create("model test")
    with TestClient(create_app(settings=Settings(database_url=url))) as client:
        r = client.post("/articles", json={"text": TEXT, "published": "2024-05-14"}, headers={"X-API-Key": key})
        assert r.status_code == 201, r.text
        ids = r.json()["event_ids"]
        assert ids
        ev = client.get(f"/events/{ids[0]}").json()
        assert ev["articles"][0]["text"] == TEXT
        assert ev["evidence"]
        for span in ev["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(TEXT)
