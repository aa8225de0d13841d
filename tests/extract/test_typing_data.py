"""The shipped typing data and model: labels valid, model file loads, missing model is a clear error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflictwatch.errors import ModelError
from conflictwatch.extract.typing_lexicon import LEXICON_PATH, load_lexicon
from conflictwatch.extract.typing_model import MODEL_PATH, NON_EVENT_LABELS, load_model
from conflictwatch.taxonomy import SUB_EVENT_TYPES

DATA = LEXICON_PATH.parent / "typing.jsonl"


def test_training_data_labels_are_acled_or_known_non_event():
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 600
    labels = {r["label"] for r in rows}
    assert labels <= set(SUB_EVENT_TYPES) | NON_EVENT_LABELS
    assert set(SUB_EVENT_TYPES) <= labels, "every ACLED sub-event type has examples"
    assert all(r["text"].strip() and r["source"] for r in rows)
    hand = sum(r["source"].startswith("hand") for r in rows)
    assert hand >= len(rows) // 2, "hand-written examples are at least half the data"


def test_model_file_loads_and_is_small():
    model = load_model()
    assert MODEL_PATH.stat().st_size < 5 * 1024 * 1024
    assert set(SUB_EVENT_TYPES) <= set(model.labels)
    probs = model.predict_proba({"w=airstrike": 1.0})
    assert abs(sum(probs.values()) - 1.0) < 1e-6
    weights = {lab: model.weight("w=airstrike", lab) for lab in model.labels}
    assert max(weights, key=weights.__getitem__) == "Air/drone strike"


def test_missing_model_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ModelError, match="train_typing.py"):
        load_model(tmp_path / "absent.joblib")


def test_lexicon_loads_with_all_groups():
    lex = load_lexicon()
    assert {"cues", "sides", "modality", "topics"} <= set(lex.data)
    assert "grenade" in lex.words("cues", "grenade")


def test_broken_lexicon_is_a_model_error(tmp_path: Path):
    bad = tmp_path / "lex.yaml"
    bad.write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ModelError):
        load_lexicon(bad)
