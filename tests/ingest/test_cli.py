"""The store commands end to end (in-process); extraction is replaced by a fake."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.models import Event

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ucdp" / "ged_burkina_faso_2016_2023.csv"
TEXT = ("Gunmen attacked a market in the town on Sunday and killed several traders, residents said, and the "
        "army said that it was searching the area for the attackers.")


class FakeExtractor:
    def __init__(self, settings=None):
        pass

    def extract(self, article):
        return [Event(event_date=article.published or date(2024, 5, 5), event_type="Violence against civilians",
                      sub_event_type="Attack", actor1="Unidentified armed group (Mali)", country="Mali",
                      location="Gao", latitude=16.27, longitude=-0.04, fatalities=3 + len(article.text) % 3)]


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_ucdp_sample_import_adds_1504_then_0(tmp_path):
    db = f"sqlite:///{tmp_path}/cli.db"
    first = run("import", "ucdp", SAMPLE, "--db", db)
    assert first.exit_code == 0 and "1504 events added" in first.output
    again = run("import", "ucdp", SAMPLE, "--db", db)
    assert again.exit_code == 0 and "0 events added, 1504 already stored" in again.output
    out = tmp_path / "bf.jsonl"
    res = run("export", "--format", "jsonl", "--output", out, "--bbox", "-6,9,3,16", "--start", "2023-01-01",
              "--event-type", "Violence against civilians", "--db", db)
    assert res.exit_code == 0
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert lines and all(x["event_date"] >= "2023-01-01" and x["event_type"] == "Violence against civilians"
                         for x in lines)
    assert run("explain", lines[0]["id"], "--db", db).exit_code == 0
    missing = run("explain", "nope", "--db", db)
    assert missing.exit_code == 1 and "no event" in missing.output


def test_ingest_twice_same_count_and_fusion_explained(tmp_path, monkeypatch):
    monkeypatch.setattr("conflictwatch.ingest.service.default_extractor", FakeExtractor)
    db = f"sqlite:///{tmp_path}/cli.db"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    (docs / "b.txt").write_text(TEXT.replace("Sunday", "Sunday morning"), encoding="utf-8")
    (docs / "c.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "e.jsonl"
    counts = []
    for _ in range(2):
        res = run("ingest", docs, "--published", "2024-05-06", "--db", db)
        assert res.exit_code == 0, res.output
        assert run("export", "--format", "jsonl", "--output", out, "--db", db).exit_code == 0
        counts.append(len(out.read_text(encoding="utf-8").splitlines()))
    assert counts == [1, 1]  # two reports of one attack: one event, the same after a re-ingest
    event_id = json.loads(out.read_text(encoding="utf-8"))["id"]
    why = run("explain", event_id, "--db", db)
    assert "2 report(s)" in why.output and "merged" in why.output and "same event type" in why.output
    q = run("quarantine", "--db", db)
    assert "binary" in q.output


def test_ingest_fails_when_nothing_could_be_read(tmp_path):
    res = run("ingest", tmp_path / "missing.txt", "--db", f"sqlite:///{tmp_path}/x.db")
    assert res.exit_code == 1 and "quarantined" in res.output
    bad = run("ingest", tmp_path, "--published", "yesterday")
    assert bad.exit_code != 0


def test_watch_refuses_a_loopback_feed_and_says_so(tmp_path):
    db = f"sqlite:///{tmp_path}/w.db"
    res = run("watch", "http://127.0.0.1:9/feed.xml", "--once", "--db", db)
    assert res.exit_code == 1 and "loopback" in res.output
    assert "blocked URL" in run("quarantine", "--db", db).output
