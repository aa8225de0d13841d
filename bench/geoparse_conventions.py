#!/usr/bin/env python3
"""Where do the two geoparsing gold sets put the same country? A measurement, not a tuning aid.

    .venv/bin/python bench/geoparse_conventions.py [EVAL_GEOPARSE_DIR]   # default ../shared/eval/geoparse

It resolves the gold spans of GeoWebNews and GeoVirus with our geoparser, takes every gold
toponym we read as a country, and groups the gold's points for it by set. GeoWebNews puts a
country at GeoNames' point; GeoVirus at the point of the country's Wikipedia article. Where the
two points are more than 2 x 161 km apart no single point can be within 161 km of both, so no
gazetteer with one point per country can score both sets' mentions of that country.

It prints, per country: each set's point and count, the distance between them, and how many
mentions our point gets right; then the ceilings this implies:
- each set's accuracy if every non-country toponym were right and countries kept our points;
- both sets' accuracy (with our other errors as they are) when each country gets the one point
  that suits GeoWebNews best, GeoVirus best, or both together, chosen by looking at the golds:
  what any one-point-per-country gazetteer could score at most. No figure here feeds the
  gazetteer: it shows what the acceptance would take.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from conflictwatch.distance import km
from conflictwatch.geo import Gazetteer, Geoparser

SETS = {"GeoWebNews": "geowebnews", "GeoVirus": "geovirus"}
HIT = 161.0
SAME_ENTITY_KM = 2000.0


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


#: what we output, for the table of errors left: a unit or area kind read at another point of the
#: same entity (within SAME_ENTITY_KM) is a convention; the rest are wrong places or no reading
GROUPS = {"PCLI": "the country, at another point", "PCLD": "the country, at another point",
          "ADM1": "the province or county, at another point", "ADM2": "the province or county, at another point",
          "RGN": "the region, continent, sea or ocean, at another point", "CONT": "the region, continent, sea or ocean, at another point",
          "OCN": "the region, continent, sea or ocean, at another point", "SEA": "the region, continent, sea or ocean, at another point"}


def resolve(gp: Geoparser, root: Path, stem: str, errors: Counter) -> tuple[int, int, list[tuple[str, tuple[float, float], tuple[float, float]]]]:
    """(toponyms, hits, [(country code, gold point, our point) for each toponym read as a country]);
    counts each error's group into ``errors``."""
    docs = {d["id"]: d["text"] for d in _rows(root / f"{stem}.docs.jsonl")}
    n = hits = 0
    countries = []
    for g in _rows(root / f"{stem}.gold.jsonl"):
        text = docs[g["doc_id"]]
        tops = [t for t in g["toponyms"] if t.get("lat") is not None]
        res = {(r.start, r.end): r.place for r in gp.resolve(text, [(t["start"], t["end"]) for t in tops])}
        for t in tops:
            n += 1
            p = res.get((t["start"], t["end"]))
            if p is None:
                errors["no reading"] += 1
                continue
            d = km(p.latitude, p.longitude, t["lat"], t["lon"])
            hits += d <= HIT
            if d > HIT:
                kind = GROUPS.get(p.feature_code or "") if d <= SAME_ENTITY_KM else None
                errors[kind or "another place: a namesake, a fallback, or a place inside a longer name"] += 1
            if p.feature_code in {"PCLI", "PCLD"} and p.country_code:
                countries.append((p.country_code, (t["lat"], t["lon"]), (p.latitude, p.longitude)))
    return n, hits, countries


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/geoparse")
    gp = Geoparser(Gazetteer.load())
    total: dict[str, tuple[int, int]] = {}
    errors: dict[str, Counter] = {label: Counter() for label in SETS}
    gold: dict[str, dict[str, list[tuple[float, float]]]] = defaultdict(lambda: defaultdict(list))
    ours: dict[str, tuple[float, float]] = {}
    for label, stem in SETS.items():
        n, hits, countries = resolve(gp, root, stem, errors[label])
        total[label] = (n, hits)
        for cc, g, p in countries:
            gold[cc][label].append(g)
            ours[cc] = p
    a, b = SETS
    # a gold point far from every reading of the name is another entity ("Poland" in Ohio), not a convention
    for cc in gold:
        for label in list(gold[cc]):
            gold[cc][label] = [g for g in gold[cc][label] if km(*ours[cc], *g) <= SAME_ENTITY_KM]
    print(f"{'country':8} {a + ' point (n)':>26} {b + ' point (n)':>26} {'apart km':>9}  ours right {a}/{b}")
    objectives = {f"suit {a}": {a: 1.0, b: 0.0}, f"suit {b}": {a: 0.0, b: 1.0}, "suit both": {a: 1.0, b: 1.0}}
    gain = {o: dict.fromkeys(SETS, 0) for o in objectives}
    country_miss = dict.fromkeys(SETS, 0)
    conflicts = []
    for cc in sorted(gold, key=lambda c: -sum(len(v) for v in gold[c].values())):
        pts_by = {label: pts for label, pts in gold[cc].items() if pts}
        mode = {label: Counter((round(x, 2), round(y, 2)) for x, y in pts).most_common(1)[0][0] for label, pts in pts_by.items()}
        right = {label: sum(km(*ours[cc], *g) <= HIT for g in pts) for label, pts in pts_by.items()}
        for label, pts in pts_by.items():
            country_miss[label] += len(pts) - right[label]
        # the best single point for this country: our point, one of the golds' points or their midpoint
        options = [ours[cc], *mode.values()]
        if len(mode) == 2:
            options.append(((mode[a][0] + mode[b][0]) / 2, (mode[a][1] + mode[b][1]) / 2))
        for o, weight in objectives.items():
            best = max(options, key=lambda p: sum(weight[lb] * sum(km(*p, *g) <= HIT for g in pts) for lb, pts in pts_by.items()))
            for label, pts in pts_by.items():
                gain[o][label] += sum(km(*best, *g) <= HIT for g in pts) - right[label]
        apart = km(*mode[a], *mode[b]) if len(mode) == 2 else 0.0
        if apart > 2 * HIT:
            conflicts.append((cc, apart, len(pts_by[a]), len(pts_by[b])))
        if any(len(pts) > right[label] for label, pts in pts_by.items()):
            cols = [f"{mode[label]} ({len(pts_by[label])})" if label in mode else "-" for label in SETS]
            print(f"{cc:8} {cols[0]:>26} {cols[1]:>26} {apart:9.0f}  {right.get(a, 0)}/{len(pts_by.get(a, []))}"
                  f" {right.get(b, 0)}/{len(pts_by.get(b, []))}")
    print(f"\ncountries whose two golds' usual points are over {2 * HIT:.0f} km apart (no one point scores both):")
    for cc, apart, na, nb in sorted(conflicts, key=lambda x: -x[1]):
        print(f"  {cc}: {apart:,.0f} km apart; {na} mentions in {a}, {nb} in {b}")
    print()
    for label, (n, hits) in total.items():
        print(f"{label}: now {100.0 * hits / n:.1f}; {country_miss[label]} country mentions missed at our points; "
              f"ceiling with every other toponym right {100.0 * (n - country_miss[label]) / n:.1f}")
    print("\nerrors left, by what we output:")
    kinds = sorted({k for c in errors.values() for k in c}, key=lambda k: -sum(c[k] for c in errors.values()))
    for k in kinds:
        print(f"  {k:75} " + "  ".join(f"{label} {errors[label][k]:4}" for label in SETS))
    print("\nwith one point per country picked by looking at the golds (our other errors as they are):")
    for o in objectives:
        figs = "  ".join(f"{label} {100.0 * (total[label][1] + gain[o][label]) / total[label][0]:.1f}" for label in SETS)
        print(f"  points chosen to {o:18} {figs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
