"""Build an index from tiny sources and read it back (no network, no shared data)."""

from __future__ import annotations

from conflictwatch.geo import Gazetteer
from conflictwatch.geo.build import Rec, read_geonames_dump, write_index


def test_read_dump_keeps_wanted_feature_codes(tmp_path):
    rows = [
        ["1", "Tinytown", "Tinytown", "Petiteville,Тини", "14.5", "-4.2", "P", "PPL", "ML", "", "05", "", "", "", "800", "", "", "", ""],
        ["2", "Some Stream", "Some Stream", "", "14.6", "-4.1", "H", "STM", "ML", "", "05", "", "", "", "0", "", "", "", ""],
    ]
    f = tmp_path / "XX.txt"
    f.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    recs = list(read_geonames_dump(f))
    assert [r.name for r in recs] == ["Tinytown"]
    assert recs[0].names == {"Tinytown", "Petiteville"}  # Cyrillic name left out


def test_write_and_load_roundtrip(tmp_path):
    recs = [
        Rec(name="Alpha", lat=10.0, lon=20.0, cc="TD", fcode="PPLA", pop=5000, a1="01", gid=11, names={"Alpha", "Alfa"}),
        Rec(name="Alpha", lat=-5.0, lon=30.0, cc="TZ", fcode="PPL", pop=100, a1="02", gid=12, names={"Alpha"}),
        Rec(name="Chad", lat=15.0, lon=19.0, cc="TD", fcode="PCLI", pop=10_000_000, gid=13, names={"Chad", "Chadian"}),
    ]
    out = tmp_path / "g.npz"
    counts = write_index(recs, {"TD.01": "Province One"}, {}, out)
    assert counts["places"] == 3
    gaz = Gazetteer.load(out)
    top = gaz.lookup("alfa")[0]
    assert top.name == "Alpha" and top.country_code == "TD" and top.admin1 == "Province One" and top.country == "Chad"
    assert [p.country_code for p in gaz.lookup("Alpha")] == ["TD", "TZ"]
    assert gaz.country("Chadian").geonameid == 13
