"""The held-out geoparsing samples in samples/geoparse and samples/geoparse2 (our own words): well formed,
and a regression floor each.

The floor is 10 points under the first measurement (see each folder's README.md); it guards against
regressions and is not a target to tune for.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictwatch.distance import km

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
# folder: (documents, words per text, acc@161 km on gold spans at the first and only tuning-free run)
SETS = {
    "geoparse": (30, (80, 200), 94.7),  # 303/320, 2026-11-25
    "geoparse2": (25, (150, 400), 92.3),  # 433/469, 2026-11-25 at be83db1
}


def _load(folder: str, name: str) -> list[dict]:
    with open(SAMPLES / folder / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module", params=sorted(SETS))
def folder(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def sample(folder) -> list[tuple[dict, dict]]:
    docs = {d["id"]: d for d in _load(folder, "docs.jsonl")}
    gold = _load(folder, "gold.jsonl")
    return [(docs[g["doc_id"]], g) for g in gold]


def test_ids_are_unique_and_paired(folder):
    docs, gold = _load(folder, "docs.jsonl"), _load(folder, "gold.jsonl")
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)) == SETS[folder][0]
    assert [g["doc_id"] for g in gold] == ids


def test_spans_match_names_and_coordinates_are_in_range(folder, sample):
    low, high = SETS[folder][1]
    for doc, gold in sample:
        text = doc["text"]
        assert low <= len(text.split()) <= high, doc["id"]
        last_end = 0
        for t in gold["toponyms"]:
            assert text[t["start"]:t["end"]] == t["name"], (doc["id"], t)
            assert t["start"] >= last_end, (doc["id"], t)  # sorted, no overlaps
            last_end = t["end"]
            assert -90 <= t["lat"] <= 90 and -180 <= t["lon"] <= 180, (doc["id"], t)


def test_resolution_on_gold_spans_stays_above_the_floor(folder, sample):
    from conflictwatch.geo import Gazetteer, Geoparser

    geoparser = Geoparser(Gazetteer.load())
    hits = total = 0
    for doc, gold in sample:
        tops = gold["toponyms"]
        resolved = geoparser.resolve(doc["text"], [(t["start"], t["end"]) for t in tops])
        for t, r in zip(tops, resolved, strict=True):
            total += 1
            place = getattr(r, "place", None)
            if place is None or place.latitude is None or place.longitude is None:
                continue
            hits += km(place.latitude, place.longitude, t["lat"], t["lon"]) <= 161
    acc = 100.0 * hits / total
    first_run = SETS[folder][2]
    floor = first_run - 10.0
    assert acc >= floor, f"{folder}: acc@161 km {acc:.1f} under the floor {floor:.1f} (first run {first_run})"
