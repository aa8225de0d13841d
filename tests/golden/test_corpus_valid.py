"""The sample corpus (samples/articles) is well formed: every article's metadata and gold events.

Runs without the spaCy model: it checks the data, not the extractor (tests/test_golden.py does that).
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from conflictwatch import taxonomy
from conflictwatch.evaluate import load_samples, score_events
from conflictwatch.models import Event

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
SLUGS = sorted(p.stem for p in SAMPLES.glob("*.json"))
META_KEYS = {"id", "title", "source", "url", "published", "language", "split", "events", "must_not", "notes"}
EVENT_KEYS = {
    "key", "main", "recency", "event_date", "time_precision", "event_type", "sub_event_type",
    "actor1", "location", "country", "fatalities", "fatalities_ok", "why",
}
DATE_SHAPES = {4: r"\d{4}", 3: r"\d{4}-\d{2}", 2: r"\d{4}-\d{2}-\d{2}", 1: r"\d{4}-\d{2}-\d{2}"}


def _meta(slug: str) -> dict:
    return json.loads((SAMPLES / f"{slug}.json").read_text(encoding="utf-8"))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _first_day(value: str) -> date:
    parts = value.split("-") + ["01", "01"]
    return date(int(parts[0]), int(parts[1]), int(parts[2]))


@pytest.mark.parametrize("slug", SLUGS)
def test_article_metadata(slug: str) -> None:
    meta = _meta(slug)
    assert META_KEYS <= set(meta), f"missing keys: {META_KEYS - set(meta)}"
    assert meta["id"] == slug
    assert meta["split"] in {"dev", "heldout"}
    assert meta["language"] == "en"
    assert meta["url"].startswith("https://example.org/")
    date.fromisoformat(meta["published"])
    text = (SAMPLES / f"{slug}.txt").read_text(encoding="utf-8")
    assert text.strip(), "empty article text"
    assert len(text.split()) <= 650, "longer than a news article"
    for rule in meta["must_not"]:
        assert rule["rule"] in {"fatalities_over", "date_before"}
        assert rule.get("why")


@pytest.mark.parametrize("slug", SLUGS)
def test_gold_events(slug: str) -> None:
    meta = _meta(slug)
    events = meta["events"]
    text = (SAMPLES / f"{slug}.txt").read_text(encoding="utf-8")
    published = date.fromisoformat(meta["published"])
    if events:
        assert sum(bool(e["main"]) for e in events) == 1, "a conflict article has exactly one main event"
    assert len({e["key"] for e in events}) == len(events), "event keys repeat"
    for ev in events:
        assert EVENT_KEYS <= set(ev), f"{ev.get('key')}: missing {EVENT_KEYS - set(ev)}"
        assert taxonomy.is_valid(ev["event_type"], ev["sub_event_type"]), (ev["event_type"], ev["sub_event_type"])
        precision = ev["time_precision"]
        assert precision in (1, 2, 3, 4)
        for value in [ev["event_date"], *ev.get("dates_ok", [])]:
            assert re.fullmatch(DATE_SHAPES[precision], value), f"{ev['key']}: {value} vs precision {precision}"
            assert _first_day(value) <= published, f"{ev['key']}: dated after publication"
        assert ev["recency"] in {"current", "past"}
        named = re.findall(r"[A-Z\u00c0-\u00dd][\w'\u2019-]+", ev["location"])
        assert any(_ascii(word) in _ascii(text) for word in named), f"{ev['key']}: {ev['location']!r} not in the text"
        assert isinstance(ev["actor1"], list) and ev["actor1"] and all(isinstance(a, str) for a in ev["actor1"])
        assert isinstance(ev.get("actor2", []), list)
        if "region_lat_min" in ev:
            assert -90 <= ev["region_lat_min"] <= 90
        else:
            assert -90 <= ev["latitude"] <= 90 and -180 <= ev["longitude"] <= 180
            assert 0 < ev.get("max_km", 25) <= 300
        low, high = ev["fatalities_ok"]
        assert 0 <= low <= ev["fatalities"] <= high
        for rule in meta["must_not"]:
            if rule["rule"] == "fatalities_over":
                assert ev["fatalities"] <= rule["value"], f"{ev['key']} breaks its own must_not rule"
            if rule["rule"] == "date_before":
                assert _first_day(ev["event_date"]) >= date.fromisoformat(rule["value"])


def test_corpus_coverage() -> None:
    metas = [_meta(s) for s in SLUGS]
    assert len(metas) >= 40
    non_conflict = [m for m in metas if not m["events"]]
    assert len(non_conflict) >= 8
    events = [e for m in metas for e in m["events"]]
    assert {e["event_type"] for e in events} == set(taxonomy.EVENT_TYPES)
    assert len({e["sub_event_type"] for e in events}) >= 18
    assert sum(len(m["events"]) >= 2 for m in metas) >= 12
    assert any(e["recency"] == "past" for e in events)
    assert len({e["country"] for e in events}) >= 15
    splits = Counter(m["split"] for m in metas)
    assert splits["heldout"] >= 8 and splits["dev"] >= 30


def test_jsonl_files_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_sample_jsonl", Path(__file__).resolve().parents[2] / "scripts" / "build_sample_jsonl.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0


def _event_from_gold(doc_id: str, ev: dict) -> Event:
    """The event a perfect extractor would code for one gold event."""
    day = _first_day(ev["event_date"])
    if "region_lat_min" in ev:
        lat, lon = ev["region_lat_min"] + 0.5, 0.0
    else:
        lat, lon = ev["latitude"], ev["longitude"]
    return Event(
        doc_id=doc_id, event_date=day, time_precision=ev["time_precision"], event_type=ev["event_type"],
        sub_event_type=ev["sub_event_type"], actor1=ev["actor1"][0], actor2=(ev.get("actor2") or [None])[0],
        country=ev["country"], latitude=lat, longitude=lon, fatalities=ev["fatalities"],
        recency=ev["recency"], main=ev["main"],
    )


def test_gold_scores_perfectly_against_itself() -> None:
    """Our scorer finds every gold event when fed the gold back: gold and scorer agree."""
    samples = load_samples(SAMPLES)
    coded = {s.article.id: [_event_from_gold(s.article.id, e) for e in s.gold["events"]] for s in samples}
    result = score_events([s.gold for s in samples], coded)
    assert result.found == result.total > 0
    assert result.main_first == result.main_total
    assert result.violations == []
    assert result.non_conflict_clean == result.non_conflict_articles >= 8
    assert all(v == 100.0 for v in result.field_pct.values()), result.field_pct


def test_known_gaps_name_real_articles() -> None:
    gaps = json.loads((Path(__file__).resolve().parent / "known_gaps.json").read_text(encoding="utf-8"))["gaps"]
    assert set(gaps) <= set(SLUGS), f"stale entries: {sorted(set(gaps) - set(SLUGS))}"
    assert all(isinstance(why, str) and why for why in gaps.values())
