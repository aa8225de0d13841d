#!/usr/bin/env python3
"""Geoparsing benchmark: resolution on gold spans and end-to-end (find + resolve) on the
GeoWebNews and GeoVirus sets, scored with ../shared/eval/score.py; plus throughput.

    .venv/bin/python bench/geoparse.py [EVAL_GEOPARSE_DIR]   # default ../shared/eval/geoparse

For comparison it also scores, in the same process, the naive baseline of the issue: every
name resolved to the most populous gazetteer entry of that name (no context).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import spacy

from conflictwatch.config import get_settings
from conflictwatch.geo import Gazetteer, Geoparser
from conflictwatch.models import Toponym

SETS = {"GeoWebNews": "geowebnews", "GeoVirus": "geovirus"}


def score(scorer: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(scorer), "geoparse", str(gold), str(pred)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out[: out.rindex("}") + 1])


def with_spans(scorer: Path, gold: Path, docs: Path) -> list[dict]:
    out = subprocess.run([sys.executable, str(scorer), "spans", str(gold), str(docs)],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(x) for x in out.splitlines() if x.strip()]


def naive(gaz: Gazetteer, text: str, spans: list[tuple[int, int]], doc_id: str) -> list[Toponym]:
    out = []
    for s, e in spans:
        rows = gaz.ids(text[s:e])
        place = gaz.place(int(max(rows, key=lambda r: gaz.pop[r]))) if len(rows) else None
        out.append(Toponym(doc_id=doc_id, start=s, end=e, name=text[s:e], place=place))
    return out


def write(rows: list[Toponym], path: Path) -> None:
    path.write_text("".join(json.dumps(t.to_row()) + "\n" for t in rows), encoding="utf-8")


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/geoparse")
    scorer = root.parent / "score.py"
    if not scorer.exists():
        print(f"scorer not found: {scorer}", file=sys.stderr)
        return 2
    t = time.perf_counter()
    gaz = Gazetteer.load(get_settings().gazetteer_path)
    print(f"gazetteer: {len(gaz):,} places loaded in {time.perf_counter() - t:.2f} s")
    names = [gaz.names[i] for i in range(0, len(gaz), max(1, len(gaz) // 20_000))]
    t = time.perf_counter()
    for n in names:
        gaz.lookup(n)
    dt = time.perf_counter() - t
    t = time.perf_counter()
    for n in names:
        gaz.ids(n)
    dt_ids = time.perf_counter() - t
    print(f"lookup: {len(names) / dt:,.0f} names/s as Place records, {len(names) / dt_ids:,.0f} names/s as row ids")
    towns = np.char.startswith(gaz.fc.astype(str), "PPL")
    with_a1 = np.mean([bool(gaz.a1_names[i]) for i in gaz.a1_i[towns]])
    with_a2 = np.mean([bool(gaz.a2_names[i]) for i in gaz.a2_i[towns]])
    print(f"admin names: {100 * with_a1:.1f} % of {int(towns.sum()):,} populated places have an admin1, "
          f"{100 * with_a2:.1f} % an admin2")
    gp = Geoparser(gaz)
    nlp = spacy.load(get_settings().spacy_model, disable=["lemmatizer"])
    tmp = Path(tempfile.mkdtemp())
    parse_rate: dict[str, tuple[float, float, float]] = {}
    print(f"{'set':<11} {'mode':<18} {'acc@161':>8} {'AUC':>6} {'median km':>10} {'recall':>7} {'toponyms/s':>11}")
    for label, stem in SETS.items():
        gold, docs = root / f"{stem}.gold.jsonl", root / f"{stem}.docs.jsonl"
        spanned = [d for d in with_spans(scorer, gold, docs)]
        for d in spanned:
            d["toponyms"] = [(s["start"], s["end"]) for s in d["toponyms"] if 0 <= s["start"] < s["end"] <= len(d["text"])]
        runs = {}
        t = time.perf_counter()
        runs["naive baseline"] = [x for d in spanned for x in naive(gaz, d["text"], d["toponyms"], d["id"])]
        dt_naive = time.perf_counter() - t
        t = time.perf_counter()
        runs["resolution (gold)"] = [x for d in spanned for x in gp.resolve(d["text"], d["toponyms"], doc_id=d["id"])]
        dt_res = time.perf_counter() - t
        texts = [json.loads(x) for x in docs.read_text(encoding="utf-8").splitlines() if x.strip()]
        t = time.perf_counter()
        parsed = list(nlp.pipe(d["text"] for d in texts))
        dt_parse = time.perf_counter() - t
        t = time.perf_counter()
        runs["end-to-end"] = [x for d, doc in zip(texts, parsed, strict=True) for x in gp.toponyms(doc, doc_id=d["id"])]
        dt_e2e = time.perf_counter() - t
        parse_rate[label] = (len(runs["end-to-end"]) / (dt_parse + dt_e2e), dt_parse, dt_e2e)
        for mode, rows in runs.items():
            p = tmp / f"{stem}.{mode.split()[0]}.jsonl"
            write(rows, p)
            s = score(scorer, gold, p)
            dt = {"naive baseline": dt_naive, "resolution (gold)": dt_res, "end-to-end": dt_e2e}[mode]
            print(f"{label:<11} {mode:<18} {s['acc_161km_pct']:>8} {s['auc']:>6} {s['median_km']:>10} "
                  f"{s['recall_pct']:>7} {len(rows) / dt:>11,.0f}")
    for label, (rate, dp, dg) in parse_rate.items():
        print(f"{label}: end-to-end with spaCy parsing {rate:,.0f} toponyms/s (spaCy {dp:.1f} s, geoparser {dg:.1f} s)")
    print("end-to-end toponyms/s above counts the geoparser only (documents parsed beforehand).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
