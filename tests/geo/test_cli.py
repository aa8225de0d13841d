from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app

KEYS = {"doc_id", "start", "end", "name", "latitude", "longitude", "country_code", "admin1", "feature_code", "geonameid"}


@pytest.mark.model
def test_geoparse_contract_and_malformed_line(tmp_path):
    text_a = "Protesters marched through Niamey and then gathered outside the parliament."
    text_b = "Heavy rain flooded parts of Accra."
    lines = [
        json.dumps({"id": "a", "text": text_a}),
        "{not json",
        json.dumps({"id": "b", "text": text_b, "toponyms": [{"start": text_b.index("Accra"), "end": len(text_b) - 1}]}),
        json.dumps({"id": "c"}),
    ]
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "places.jsonl"
    res = CliRunner().invoke(app, ["geoparse", "--input", str(src), "--output", str(out)])
    assert res.exit_code == 2, res.output
    assert "docs.jsonl:2" in res.output and "docs.jsonl:4" in res.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert all(set(r) == KEYS for r in rows)
    by_doc = {r["doc_id"]: r for r in rows}
    assert by_doc["a"]["name"] == "Niamey" and by_doc["a"]["country_code"] == "NE"
    assert by_doc["b"]["name"] == "Accra" and by_doc["b"]["country_code"] == "GH"  # resolution-only mode


def test_geoparse_missing_input_is_a_clean_error(tmp_path):
    res = CliRunner().invoke(app, ["geoparse", "--input", str(tmp_path / "nope.jsonl"), "--output", str(tmp_path / "o")])
    assert res.exit_code == 1
    assert "nope.jsonl" in res.output and "Traceback" not in res.output
