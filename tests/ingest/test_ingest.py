"""Ingestion from files and directories: formats, sidecar metadata, idempotency, quarantine."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conflictwatch.config import Settings
from conflictwatch.ingest.service import IngestService
from conflictwatch.store import EventFilter

ENGLISH = ("Soldiers and militants clashed near the town on Monday, and the army said that several of the "
           "attackers were killed in the fighting, according to residents of the area.")


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def docs(tmp_path):
    """A folder for the inputs (the SQLite file lives in tmp_path itself)."""
    d = tmp_path / "in"
    d.mkdir()
    return d


def test_text_file_uses_its_sidecar_metadata(store, extractor, docs):
    write(docs / "report.txt", ENGLISH)
    write(docs / "report.json", json.dumps({"id": "r-1", "title": "Clash", "source": "Wire",
                                                "url": "https://wire.example/r1", "published": "2024-03-02",
                                                "language": "en", "events": [{"ignored": True}]}))
    rep = IngestService(store, extractor).ingest([str(docs)])
    assert (rep.read, rep.new, rep.events, rep.quarantined) == (1, 1, 1, [])  # the sidecar is not an input
    art = store.get_article("r-1")
    assert (art.title, art.source, art.url, art.published) == ("Clash", "Wire", "https://wire.example/r1",
                                                               date(2024, 3, 2))


def test_html_json_and_jsonl(store, extractor, docs):
    write(docs / "page.html", f"<html><head><title>Clash in Gao</title>"
          f"<meta property='article:published_time' content='2024-05-06'></head><body><nav>Home | World</nav>"
          f"<article><h1>Clash in Gao</h1><p>{ENGLISH}</p><p>{ENGLISH.replace('Monday', 'Tuesday')}</p></article>"
          f"<footer>Copyright</footer></body></html>")
    write(docs / "one.json", json.dumps({"id": "j1", "text": ENGLISH + " One.", "published": "2024-01-02"}))
    write(docs / "many.jsonl", "\n".join(json.dumps({"id": f"l{i}", "text": f"{ENGLISH} Line {i}."})
                                             for i in range(3)))
    rep = IngestService(store, extractor).ingest([str(docs)], published=date(2024, 6, 1))
    assert (rep.read, rep.new, rep.quarantined) == (5, 5, [])
    page = store.get_article("page")
    assert page.title == "Clash in Gao" and "Home | World" not in page.text and "Tuesday" in page.text
    assert store.get_article("l1").published == date(2024, 6, 1)  # --published fills in missing dates


def test_same_input_twice_stores_its_events_once(store, extractor, docs):
    write(docs / "a.txt", ENGLISH)
    write(docs / "b.txt", ENGLISH + " More.")
    svc = IngestService(store, extractor)
    first = svc.ingest([str(docs)])
    n = store.count_events(EventFilter())
    second = svc.ingest([str(docs), str(docs / "a.txt")])
    assert (first.new, second.new, second.duplicates) == (2, 0, 3)
    assert store.count_events(EventFilter()) == n == 2
    assert len(extractor.calls) == 2  # a stored article is not extracted again


def test_bad_inputs_are_quarantined_and_the_run_goes_on(store, extractor, docs):
    write(docs / "good.txt", ENGLISH)
    write(docs / "empty.txt", "  \n")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (docs / "latin1.txt").write_bytes("Les soldats ont été attaqués à Gao".encode("latin-1"))
    write(docs / "french.txt", "Des hommes armés ont attaqué le village dans la nuit de lundi, selon les "
          "habitants et les autorités locales qui ont confirmé la mort de plusieurs personnes dans le village.")
    write(docs / "big.txt", ENGLISH * 50)
    write(docs / "broken.json", "{not json")
    write(docs / "notext.json", json.dumps({"id": "x"}))
    write(docs / "bad.jsonl", json.dumps({"id": "ok", "text": ENGLISH + " Line."}) + "\n{oops\n")
    write(docs / "empty.html", "<html><body></body></html>")
    write(docs / "menu.html", "<html><body><nav>Home | World</nav></body></html>")
    write(docs / "data.csv", "a,b\n1,2\n")
    settings = Settings(max_text_chars=2000)
    rep = IngestService(store, extractor, settings=settings).ingest([str(docs), str(docs / "missing.txt")])
    reasons = {q.source.split("/")[-1]: q.reason for q in rep.quarantined}
    assert reasons == {
        "empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "undecodable",
        "french.txt": "unsupported language", "big.txt": "too large", "broken.json": "malformed",
        "notext.json": "malformed", "bad.jsonl:2": "malformed", "empty.html": "malformed", "menu.html": "empty",
        "data.csv": "unusable input", "missing.txt": "unusable input",
    }
    assert rep.new == 2  # good.txt and the good line of bad.jsonl
    stored = store.list_quarantine(limit=100)
    assert len(stored) == len(rep.quarantined) and all(q.detail for q in stored)


def test_extraction_failure_is_quarantined(sqlite_store, docs):
    from conflictwatch.errors import ModelError

    class Broken:
        def extract(self, article):
            raise ModelError("model missing")

    class Buggy:
        def extract(self, article):
            raise IndexError("list index out of range")

    write(docs / "a.txt", ENGLISH)
    rep = IngestService(sqlite_store, Broken()).ingest([str(docs / "a.txt")])
    assert rep.new == 0 and rep.quarantined[0].reason == "extraction failed"
    rep = IngestService(sqlite_store, Buggy()).ingest([str(docs / "a.txt")])
    assert rep.new == 0 and "list index" in rep.quarantined[0].detail
    assert sqlite_store.find_article(content_hash=None, url=None) is None


def test_same_name_in_two_folders_keeps_both(sqlite_store, extractor, docs):
    (docs / "x").mkdir()
    (docs / "y").mkdir()
    write(docs / "x" / "a.txt", ENGLISH)
    write(docs / "y" / "a.txt", ENGLISH + " Another text.")
    rep = IngestService(sqlite_store, extractor).ingest([str(docs)])
    assert rep.new == 2 and sqlite_store.stats()["articles"] == 2


def test_batches_go_through_extract_many_and_survive_its_failures(sqlite_store, extractor, docs):
    from conflictwatch.errors import ModelError

    class Batched:
        def __init__(self, break_after=None):
            self.batches, self.single, self.break_after = [], [], break_after

        def extract(self, article):
            self.single.append(article.id)
            return extractor.extract(article)

        def extract_many(self, articles):
            self.batches.append([a.id for a in articles])
            for n, a in enumerate(articles):
                if self.break_after is not None and n == self.break_after:
                    raise RuntimeError("pipe broke")
                yield a, (ModelError("cannot code this one") if a.id == "a03" else extractor.extract(a))

    for i in range(7):
        write(docs / f"a{i:02d}.txt", f"{ENGLISH} Number {i}.")
    ok = Batched()
    rep = IngestService(sqlite_store, ok).ingest([str(docs)], batch_size=3)
    assert ok.batches == [["a00", "a01", "a02"], ["a03", "a04", "a05"], ["a06"]] and ok.single == []
    assert rep.new == 6 and [q.reason for q in rep.quarantined] == ["extraction failed"]

    for i in range(7, 11):
        write(docs / f"a{i:02d}.txt", f"{ENGLISH} Number {i}.")
    broken = Batched(break_after=1)
    rep = IngestService(sqlite_store, broken).ingest([str(docs)], batch_size=4)
    # a03 is tried again (quarantined, not stored) and refused again; the pipe breaks after it,
    # and the rest of that batch is coded one article at a time
    assert broken.batches == [["a03", "a07", "a08", "a09"], ["a10"]] and broken.single == ["a07", "a08", "a09"]
    assert (rep.new, rep.duplicates, len(rep.quarantined)) == (4, 6, 1)
