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


def test_feature_points_and_admin_gids_are_read(tmp_path):
    from conflictwatch.geo.sources import read_admin_gids, read_feature_points

    pts = tmp_path / "admin_points.tsv"
    pts.write_text("6091530\t45.00015\t-62.99865\n", encoding="utf-8")
    codes = tmp_path / "admin1.tsv"
    codes.write_text("CA.07\tNova Scotia\t6091530\nXX.01\tNo Id\t\n", encoding="utf-8")
    assert read_feature_points(pts) == {6091530: (45.00015, -62.99865)}
    assert read_admin_gids(codes) == {"CA.07": 6091530}
    assert read_feature_points(tmp_path / "missing.tsv") == {}


def test_provinces_of_countries_without_a_dump_have_a_point_inside_them():
    # the shipped gazetteer has no GeoNames admin points (they came from an ODbL list; see the data
    # README): a province sits at the centroid of its Natural Earth polygon, which lies inside it
    gaz = Gazetteer.load()
    for name, (la, lb), (oa, ob) in (("Nova Scotia", (43.4, 47.1), (-66.4, -59.7)),
                                     ("Manitoba", (49.0, 60.0), (-102.1, -88.9)),
                                     ("Bavaria", (47.2, 50.6), (8.9, 13.9))):
        p = next(p for p in gaz.lookup(name) if p.feature_code == "ADM1")
        assert la <= p.latitude <= lb and oa <= p.longitude <= ob, name
