"""The trained event-type classifier: loaded lazily, once per process, scored without sklearn.

``scripts/train_typing.py`` writes ``nlp/models/typing.joblib``: a dict with the label list, the
feature vocabulary and the logistic-regression weights (float32). Scoring one span is a few dict
look-ups and a softmax over ~35 classes, well under a millisecond.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from conflictwatch.errors import ModelError

MODEL_PATH = Path(__file__).resolve().parent.parent / "nlp" / "models" / "typing.joblib"
NONE_PREFIX = "NONE:"
TRAIN_HINT = "train it with: .venv/bin/python scripts/train_typing.py"


class TypingModel:
    def __init__(self, payload: dict[str, Any]) -> None:
        try:
            self.labels: list[str] = list(payload["labels"])
            self.vocab: dict[str, int] = dict(payload["vocab"])
            self.coef = payload["coef"]  # shape (n_labels, n_features)
            self.intercept = payload["intercept"]
        except (KeyError, TypeError) as exc:
            raise ModelError(f"the typing model is malformed ({exc}); {TRAIN_HINT}") from exc
        self._wt = np.ascontiguousarray(np.asarray(self.coef, dtype=np.float32).T)  # (features, labels)
        self._bias = np.asarray(self.intercept, dtype=np.float64)

    def predict_proba(self, feats: dict[str, float]) -> dict[str, float]:
        vocab = self.vocab
        idx = [j for j in (vocab.get(f) for f in feats) if j is not None]
        scores = self._bias + (self._wt[idx].sum(axis=0) if idx else 0.0)
        scores = np.exp(scores - scores.max())
        probs = scores / scores.sum()
        return dict(zip(self.labels, probs.tolist(), strict=True))

    def weight(self, feature: str, label: str) -> float:
        j = self.vocab.get(feature)
        return float(self._wt[j, self.labels.index(label)]) if j is not None else 0.0


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> TypingModel:
    """The classifier, read once. A missing or unreadable file raises ModelError with the fix."""
    if not path.exists():
        raise ModelError(f"the event-typing model {path} is missing; {TRAIN_HINT}")
    try:
        import joblib

        payload = joblib.load(path)
    except Exception as exc:  # joblib/pickle raise many kinds on a corrupt file
        raise ModelError(f"cannot load the event-typing model {path}: {exc}; {TRAIN_HINT}") from exc
    return TypingModel(payload)


NON_EVENT_LABELS = frozenset(
    NONE_PREFIX + s
    for s in (
        "disaster", "manmade_disaster", "diplomacy", "crime", "attribution", "statistics",
        "threat", "negation", "hypothetical", "sports", "markets", "other",
    )
)
"""Labels of training texts that report no ACLED event (the suffix says why)."""
