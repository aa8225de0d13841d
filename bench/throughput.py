"""Throughput of `extract` against bare spaCy NER on the same texts, in one process, on one core.

    .venv/bin/python bench/throughput.py [--docs N] [--corpus samples/articles] [--breakdown]

The texts are the sample corpus, repeated and varied (sentences shuffled within each article,
place and actor names swapped between articles) up to N news-length documents. Both runs load
their model once, before timing. The baseline is `nlp.pipe` with only tok2vec+ner enabled; ours
is the whole extraction (our pipeline, dates, mentions, typing, actors, places, merging).
Times are the process's CPU time (the machine is shared: wall time counts other people's work
too); wall-clock figures are printed beside them. The last line printed is the ratio of CPU
times: extract/ner-only throughput ratio: R
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")


def corpus(folder: Path, n: int, seed: int = 7) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not base:
        raise SystemExit(f"no .txt files in {folder}")
    rng = random.Random(seed)
    texts = list(base)
    while len(texts) < n:
        paras = rng.choice(base).split("\n")
        other = rng.choice(base).split("\n")
        mixed = paras[:1] + rng.sample(paras[1:] + other[1:3], k=len(paras[1:]) + min(2, len(other[1:])))
        texts.append("\n".join(p for p in mixed if p.strip()))
    return texts[:n]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(run: Callable[[], T]) -> tuple[tuple[float, float], T]:
    """((CPU seconds, wall seconds), result) of one run."""
    c0, w0 = time.process_time(), time.perf_counter()
    result = run()
    return (time.process_time() - c0, time.perf_counter() - w0), result


def _apply(proc: Any, docs: list[Any]) -> list[Any]:
    return list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]


def breakdown(extractor: Any, texts: list[str], articles: list[Any]) -> dict[str, float]:
    """CPU seconds of each spaCy component, then of each stage of ``extract_events`` (a separate,
    instrumented pass: its total is not the timed run's)."""
    from conflictwatch.extract import pipeline as chain

    spent: dict[str, float] = {}
    for _ in range(2):  # the smaller of two passes: a neighbour on the other core slows BLAS code too
        docs = [extractor.nlp.make_doc(t) for t in texts]
        for name, proc in extractor.nlp.pipeline:
            (cpu, _), docs = timed(partial(_apply, proc, docs))
            spent[name] = min(cpu, spent.get(name, cpu))

    def clocked(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            (cpu, _), result = timed(lambda: fn(*args, **kwargs))
            spent[label] = spent.get(label, 0.0) + cpu
            return result
        return wrapper

    stages = ["find_dates", "find_mentions", "group_mentions", "principal", "attach_support", "build_event"]
    saved = {name: getattr(chain, name) for name in stages}
    geo = extractor.resources.geoparser
    try:
        for name in stages:
            setattr(chain, name, clocked(name, saved[name]))
        for name in ("toponyms", "locate_event"):
            setattr(geo, name, clocked(f"geoparser.{name}", getattr(geo, name)))
        (spent["extract_events, all stages"], _), _ = timed(
            lambda: [chain.extract_events(d, a, extractor.resources) for d, a in zip(docs, articles, strict=True)]
        )
    finally:
        for name in stages:
            setattr(chain, name, saved[name])
        for name in ("toponyms", "locate_event"):
            vars(geo).pop(name, None)
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[1] / "samples" / "articles")
    ap.add_argument("--breakdown", action="store_true",
                    help="also print CPU ms per article of each spaCy component and each extraction stage "
                    "(a separate pass; indicative on a shared machine)")
    args = ap.parse_args()
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core for both runs
    except (AttributeError, OSError):
        pass

    import spacy

    from conflictwatch.config import get_settings
    from conflictwatch.extract import Extractor
    from conflictwatch.models import Article

    texts = corpus(args.corpus, args.docs)
    words = sum(len(t.split()) for t in texts)
    articles = [Article(id=f"b{i}", text=t, published="2024-09-17") for i, t in enumerate(texts)]
    print(f"{len(texts)} documents, {words:,} words, mean {words // len(texts)} words")

    base = spacy.load(get_settings().spacy_model, enable=["tok2vec", "ner"])
    extractor = Extractor()
    # warm both (first batches allocate)
    list(base.pipe(texts[:8]))
    list(extractor.extract_many(articles[:8]))

    (t_base, w_base), _ = timed(lambda: sum(1 for _ in base.pipe(texts, batch_size=16)))
    (t_parse, _w), _ = timed(lambda: sum(1 for _ in extractor.nlp.pipe(texts, batch_size=16)))
    (t_ours, w_ours), n_events = timed(
        lambda: sum(len(evs) for _, evs in extractor.extract_many(articles) if isinstance(evs, list))
    )

    print(f"ner-only (tok2vec+ner): {len(texts) / t_base:.1f} articles/s, {words / t_base:,.0f} words/s")
    print(f"our spaCy pipeline ({', '.join(extractor.nlp.pipe_names)}), parse only: "
          f"{len(texts) / t_parse:.1f} articles/s ({t_parse / t_ours:.0%} of extract's time)")
    print(f"extract (full chain):   {len(texts) / t_ours:.1f} articles/s, {words / t_ours:,.0f} words/s, "
          f"{n_events} events")
    print(f"peak memory (RSS): {peak_mb():.0f} MB")
    if args.breakdown:  # after the memory figure: this pass keeps every Doc
        for name, cpu in breakdown(extractor, texts, articles).items():
            print(f"  {name:32s} {cpu / len(texts) * 1000:6.2f} ms/article")
    print(f"wall-clock ratio (noisy on a shared machine): {w_base / w_ours:.2f}")
    print(f"extract/ner-only throughput ratio: {t_base / t_ours:.2f}")


if __name__ == "__main__":
    main()
