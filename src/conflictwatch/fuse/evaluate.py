"""Score fusion on a corpus of reports with gold event labels (samples/fusion/reports.json).

Pairwise precision/recall of merging: a pair of reports is a true positive when fusion put them
in one event and the gold says they are one event. Three paths are scored on the same corpus:
the store (``SQLStore.ingest``, one article per report, in publication order: what production
does), the in-memory BlockingFuser, and the all-pairs baseline.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from pydantic import BaseModel

from conflictwatch.fuse.blocking import BlockingFuser, naive_fuse
from conflictwatch.models import Article, Event


class CorpusReport(BaseModel):
    report_id: str
    gold: str
    article: dict
    event: Event


class PairScores(BaseModel):
    reports: int
    gold_events: int
    predicted_events: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    false_merges: list[tuple[str, str]] = []
    missed_merges: list[tuple[str, str]] = []


def load_corpus(path: Path) -> list[CorpusReport]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [CorpusReport.model_validate(r) for r in data["reports"]]


def pair_scores(ids: Sequence[str], gold: Sequence[str], pred: Sequence[object]) -> PairScores:
    tp = fp = fn = 0
    false_merges, missed = [], []
    for i, j in combinations(range(len(ids)), 2):
        same_gold, same_pred = gold[i] == gold[j], pred[i] == pred[j]
        if same_gold and same_pred:
            tp += 1
        elif same_pred:
            fp += 1
            false_merges.append((ids[i], ids[j]))
        elif same_gold:
            fn += 1
            missed.append((ids[i], ids[j]))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return PairScores(reports=len(ids), gold_events=len(set(gold)), predicted_events=len(set(pred)), tp=tp, fp=fp,
                      fn=fn, precision=round(p, 3), recall=round(r, 3), f1=round(2 * p * r / (p + r) if p + r else 0, 3),
                      false_merges=false_merges, missed_merges=missed)


def _article(rep: CorpusReport) -> Article:
    a = rep.article
    text = f"{rep.event.notes or ''} ({rep.report_id})"
    return Article(id=a["id"], text=text, url=a.get("url"), source=a.get("source"), published=a.get("published"))


def score_store(corpus: list[CorpusReport], url: str = "sqlite://") -> PairScores:
    from conflictwatch.store import open_store

    store = open_store(url)
    try:
        pred = []
        for rep in corpus:
            pred.append(store.ingest(_article(rep), [rep.event]).event_ids[0])
    finally:
        store.close()
    return pair_scores([r.report_id for r in corpus], [r.gold for r in corpus], pred)


def score_blocking(corpus: list[CorpusReport]) -> PairScores:
    fuser = BlockingFuser()
    pred = [fuser.add(r.event) for r in corpus]
    return pair_scores([r.report_id for r in corpus], [r.gold for r in corpus], pred)


def score_naive(corpus: list[CorpusReport]) -> PairScores:
    pred = naive_fuse([r.event for r in corpus])
    return pair_scores([r.report_id for r in corpus], [r.gold for r in corpus], pred)
