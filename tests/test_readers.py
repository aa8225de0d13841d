import json
from datetime import date

import pytest

from conflictwatch.errors import BinaryInput, DecodeError, EmptyInput, InputError, MalformedInput
from conflictwatch.models import Article
from conflictwatch.readers import looks_english, read_docs_jsonl, read_text_file


def test_text_file_with_sidecar_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("Gunmen attacked a village on Monday.", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"id": "art-1", "published": "2024-05-06", "source": "X"}))
    art = read_text_file(tmp_path / "a.txt")
    assert (art.id, art.published, art.source) == ("art-1", date(2024, 5, 6), "X")


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"", EmptyInput), (b"   \n", EmptyInput), (b"\x00\x01PK\x03\x04" * 10, BinaryInput), (b"caf\xe9 au lait", DecodeError)],
)
def test_bad_text_files_are_refused_with_a_reason(tmp_path, content, error):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(error) as info:
        read_text_file(p)
    assert str(p) in str(info.value)


def test_missing_file_names_the_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "nope.txt")


def test_jsonl_reports_each_bad_line_and_reads_the_rest(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"id": "ok1", "text": "Soldiers clashed with rebels.", "published": "2024-01-02"}),
                "{not json",
                json.dumps({"id": "notext"}),
                json.dumps(["a", "list"]),
                json.dumps({"id": "baddate", "text": "x", "published": "yesterday"}),
                json.dumps({"id": "ok2", "text": "Police arrested ten protesters."}),
            ]
        ),
        encoding="utf-8",
    )
    out = list(read_docs_jsonl(p, published=date(2024, 3, 1)))
    good = [o for o in out if isinstance(o, Article)]
    bad = [o for o in out if isinstance(o, InputError)]
    assert [a.id for a in good] == ["ok1", "ok2"]
    assert good[1].published == date(2024, 3, 1)
    assert [b.source.rsplit(":", 1)[1] for b in bad] == ["2", "3", "4", "5"]
    assert isinstance(bad[0], MalformedInput) and isinstance(bad[1], EmptyInput)


def test_language_check():
    assert looks_english("The army said that the attack on the town was carried out by gunmen at dawn.")
    assert not looks_english("Des hommes armés ont attaqué le village de Dounde dans la nuit de lundi à mardi, selon des sources locales.")
