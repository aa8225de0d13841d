"""A checklist of places world news names that are not towns (islands, archipelagos, regions,
seas, straits, lakes, rivers, deserts, ranges, peaks, parks and landmarks), and the demonyms of a few
of them ('Cretan', 'Javanese'), resolves near where each place is.

The checklist, ``data/places_not_towns.csv``, is written by us from common geographic knowledge
(not from any evaluation set): name, the place's commonly used central point (a river's mouth, a
peak's summit), its kind, the tolerance in km (161, the acc@161 threshold, except for places far
wider than that: oceans, seas, deserts, long rivers and ranges, world regions), and optionally a
sentence of ours to resolve it in and other names of that sentence to resolve with it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conflictwatch.geo import distance_km

CHECKLIST = Path(__file__).parent / "data" / "places_not_towns.csv"
#: kinds that may be wider than the 161 km threshold (the rest must meet it)
WIDE = {"ocean", "sea", "gulf", "bay", "strait", "lake", "river", "desert", "mountains", "region",
        "island", "archipelago", "peninsula", "forest", "reef", "landmark", "valley", "park", "demonym"}


def _rows() -> list[dict[str, str]]:
    with CHECKLIST.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_checklist_is_well_formed():
    rows = _rows()
    assert len(rows) >= 300
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "a place listed twice"
    for r in rows:
        lat, lon, km = float(r["lat"]), float(r["lon"]), float(r["km"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r["name"]
        assert km >= 161 and (km == 161 or r["kind"] in WIDE), r["name"]
        text = r["text"] or ""
        assert not text or all(n in text for n in [r["name"], *filter(None, r["with"].split("|"))]), r["name"]


@pytest.fixture(scope="module")
def fresh(geoparser):
    if not all(geoparser.gazetteer.lookup(n) for n in ("El Hierro", "North Island", "Strait of Messina", "K2")):
        pytest.fail("the shipped gazetteer.npz predates these data rows: rebuild it (scripts/build_gazetteer.py)")
    return geoparser


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["name"])
def test_a_well_known_place_that_is_not_a_town_resolves_near_it(fresh, row):
    text = row["text"] or f"Reporters visited {row['name']} last week."
    names = [row["name"], *filter(None, row["with"].split("|"))]
    place = fresh.resolve(text, [(text.index(n), text.index(n) + len(n)) for n in names])[0].place
    assert place is not None, row["name"]
    km = distance_km(place.latitude, place.longitude, float(row["lat"]), float(row["lon"]))
    assert km <= float(row["km"]), (row["name"], place.name, place.country_code, round(km))
