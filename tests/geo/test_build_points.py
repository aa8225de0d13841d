"""Representative points of provinces and districts: Natural Earth's admin-1 units (matched to
GeoNames' admin codes by GeoNames id, else by name; finer units summed into their province) and,
where no polygon is known, the middle of the unit's places without stray namesakes."""

from __future__ import annotations

import gzip

import numpy as np

from conflictwatch.distance import km
from conflictwatch.geo.build import _ne_points
from conflictwatch.geo.sources import UnitPoint, _extent_middle, polygon_centroid, read_ne_admin1


def _square(lat: float, lon: float, half: float) -> dict:
    ring = [[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half],
            [lon - half, lat + half], [lon - half, lat - half]]
    return {"type": "Polygon", "coordinates": [ring]}


def test_polygon_centroid_of_a_square_an_l_shape_and_a_unit_across_the_date_line():
    lat, lon, area = polygon_centroid(_square(10.0, 20.0, 1.0), 20.0, 10.0)
    assert abs(lat - 10.0) < 1e-6 and abs(lon - 20.0) < 1e-6
    assert 40_000 < area < 50_000  # 2 x 2 degrees near 10N: about 222 km x 219 km
    # an L made of a 2x2 square and a 2x1 block to its east: the centroid moves east of the square's
    ell = {"type": "MultiPolygon", "coordinates": [_square(0.0, 0.0, 1.0)["coordinates"],
                                                   [[[1, -1], [3, -1], [3, 0], [1, 0], [1, -1]]]]}
    lat, lon, _ = polygon_centroid(ell, 0.0, 0.0)
    assert 0.5 < lon < 1.2 and -0.5 < lat < 0.0
    # an island group on both sides of 180 degrees has its middle on the date line, not at 0
    both = {"type": "MultiPolygon", "coordinates": [_square(-17.0, 179.5, 0.4)["coordinates"],
                                                    _square(-17.0, -179.5, 0.4)["coordinates"]]}
    lat, lon, _ = polygon_centroid(both, 179.0, -17.0)
    assert abs(lat + 17.0) < 1e-6 and abs(abs(lon) - 180.0) < 0.01


def test_a_hole_moves_the_centroid_away_from_it():
    outer = _square(0.0, 0.0, 2.0)["coordinates"][0]
    hole = [[0.5, -1.5], [1.5, -1.5], [1.5, 1.5], [0.5, 1.5], [0.5, -1.5]]
    lat, lon, area = polygon_centroid({"type": "Polygon", "coordinates": [outer, hole]}, 0.0, 0.0)
    assert lon < -0.1 and abs(lat) < 1e-6
    assert area < polygon_centroid(_square(0.0, 0.0, 2.0), 0.0, 0.0)[2]


def _unit(gid: int | None, name: str, clat: float, clon: float, area: float = 1000.0, cc: str = "XA") -> UnitPoint:
    return UnitPoint(cc=cc, gn_code="", gid=gid, iso="", name=name, gn_name="", lat=clat + 1, lon=clon + 1,
                     clat=clat, clon=clon, area=area)


def test_units_match_by_geonames_id_then_by_name_and_parts_sum_into_their_province():
    admin1 = {"XA.01": "Northland", "XA.02": "Lake Province", "XA.03": "Hill Region", "XA.04": "Nowhere"}
    gids1 = {"XA.01": 101, "XA.02": 102, "XA.03": 103, "XA.04": 104}
    gids2 = {"XA.03.A": 201, "XA.03.B": 202}
    units = [
        _unit(101, "Northland", 40.0, 10.0),
        _unit(None, "Lake", 35.0, 12.0),  # no id: found by its name ('Lake Province' -> 'Lake')
        _unit(201, "West Hills", 30.0, 8.0, area=3000.0),  # the province is split into two districts
        _unit(202, "East Hills", 30.0, 12.0, area=1000.0),
    ]
    pts = _ne_points(units, admin1, gids1, gids2)
    assert pts["XA.01"][:2] == (40.0, 10.0)  # the polygon centroid, not the label point
    assert pts["XA.02"][:2] == (35.0, 12.0) and "name" in pts["XA.02"][2]
    assert pts["XA.03.A"][:2] == (30.0, 8.0)
    lat, lon, how = pts["XA.03"]
    assert abs(lat - 30.0) < 1e-9 and abs(lon - 9.0) < 1e-9 and "parts" in how  # weighted 3:1 by area
    assert "XA.04" not in pts


def test_read_ne_admin1_extract(tmp_path):
    f = tmp_path / "ne_admin1.tsv.gz"
    with gzip.open(f, "wt", encoding="utf-8") as out:
        out.write("cc\tgn_a1_code\tgn_id\tiso_3166_2\tname\tgn_name\tlat\tlon\tclat\tclon\tarea_km2\twikidata\n")
        out.write("XA\tXA.01\t101\tXA-NO\tNorthland\tNorthland Province\t40.1\t10.2\t40.0\t10.0\t1234\tQ1\n")
        out.write("XA\tXA.09\t\tXA-ZZ\tNo Id\t\t1.0\t2.0\t1.5\t2.5\t10\t\n")
    units = read_ne_admin1(f)
    assert [(u.gid, u.name, u.clat, u.area) for u in units] == [(101, "Northland", 40.0, 1234.0), (None, "No Id", 1.5, 10.0)]
    assert read_ne_admin1(tmp_path / "missing.tsv.gz") == []


def test_the_middle_of_a_units_places_ignores_stray_namesakes_far_away():
    rng = np.random.default_rng(0)
    lat = np.concatenate([rng.uniform(37.0, 41.0, 200), [31.0, 31.5, 32.0]])  # three strays 2,000 km west
    lon = np.concatenate([rng.uniform(114.0, 118.0, 200), [90.0, 94.0, 95.0]])
    mlat, mlon = _extent_middle(lat, lon, 0.5)
    assert 38.0 < mlat < 40.0 and 115.0 < mlon < 117.0


def test_a_spread_out_unit_keeps_its_remote_places():
    # a county whose towns crowd one corner and whose desert towns lie 250 km east: not strays
    rng = np.random.default_rng(1)
    lat = np.concatenate([rng.uniform(34.0, 34.3, 40), rng.uniform(34.0, 35.0, 6)])
    lon = np.concatenate([rng.uniform(-117.6, -117.2, 40), rng.uniform(-115.0, -114.6, 6)])
    _, mlon = _extent_middle(lat, lon, 0.0)
    assert -116.5 < mlon < -115.5


def test_shipped_provinces_sit_at_the_middle_of_their_territory(gaz):
    # bounding boxes and rough middles of the provinces (atlas facts); the middle of their towns lay
    # in the populated south (Ontario at 46.7N) or, for Hebei, 1,000 km west among stray namesakes
    for name, cc, (la, lb), (oa, ob) in (("Hebei", "CN", (36.0, 42.7), (113.4, 119.9)),
                                         ("Ontario", "CA", (48.0, 53.0), (-90.0, -80.0)),
                                         ("Queensland", "AU", (-26.0, -19.0), (141.0, 147.0))):
        p = next(p for p in gaz.lookup(name) if p.feature_code == "ADM1" and p.country_code == cc)
        assert la <= p.latitude <= lb and oa <= p.longitude <= ob, (name, p.latitude, p.longitude)
        assert "Natural Earth" in p.source


def test_a_province_and_a_district_from_natural_earth_carry_their_admin_names(gaz):
    p = next(p for p in gaz.lookup("Hebei") if p.feature_code == "ADM1" and p.country_code == "CN")
    assert p.admin1 == "Hebei"
    nord = [p for p in gaz.lookup("Nord") if p.feature_code == "ADM2" and p.country_code == "FR"]
    assert nord and km(nord[0].latitude, nord[0].longitude, 50.45, 3.2) < 60  # the département, near Lille
    assert nord[0].admin1 == "Hauts-de-France"


def test_a_unit_named_kind_first_also_answers_to_its_bare_name():
    from conflictwatch.geo.build import _admin_variants

    assert "Nord" in _admin_variants("Departement du Nord")
    assert "Gironde" in _admin_variants("Departement de la Gironde")
    assert "Isere" in _admin_variants("Departement de l'Isere")
    assert "Ragusa" in _admin_variants("Provincia di Ragusa")
    assert "Linz" in _admin_variants("Politischer Bezirk Linz")
    assert "Bankass" in _admin_variants("Cercle de Bankass")
    assert "La Plata" in _admin_variants("Partido de La Plata")  # a capital 'La' belongs to the name
    assert "Mopti" in _admin_variants("Mopti Region")
    # a kind word inside a longer word, or with nothing after it, is not a prefix
    assert _admin_variants("Cityville") == {"Cityville"} and _admin_variants("Province") == {"Province"}
    assert _admin_variants("District Nine") == {"District Nine"}


def test_natural_earth_names_of_a_unit_are_added_unless_generic_shared_or_another_feature():
    from conflictwatch.geo.build import _ne_names
    from conflictwatch.geo.normalize import key

    def unit(gid: int, name: str, *more: str) -> UnitPoint:
        u = _unit(gid, name, 0.0, 0.0)
        u.more = more
        return u

    units = [unit(101, "Nord-Lac", "North Lake", "Northern", "Gulf of Tin", "Twin"),
             unit(102, "Sud-Lac", "South Lake", "Twin"),  # 'Twin' names two units: it says nothing
             unit(999, "Elsewhere", "Far Away")]  # not one of our units
    names = _ne_names(units, {"XA.01": 101, "XA.02": 102}, {}, taken={key("Gulf of Tin")})
    assert names == {101: {"North Lake"}, 102: {"South Lake"}}


def test_a_former_province_no_admin_code_holds_becomes_a_region_at_its_centroid():
    from conflictwatch.geo.build import _former_units
    from conflictwatch.geo.sources import Rec

    recs = [Rec(name="Xland", lat=0.0, lon=0.0, cc="XA", fcode="PCLI", names={"Xland"}),
            Rec(name="Lake Province", lat=1.0, lon=1.0, cc="XA", fcode="ADM1", gid=101, names={"Lake Province"}),
            Rec(name="Oldtown", lat=2.0, lon=2.0, cc="XA", fcode="PPL", names={"Oldtown"})]
    units = [_unit(101, "Lake", 1.0, 1.0),  # still one of ours
             _unit(None, "Hill Country", 3.0, 4.0),  # merged away: becomes a region
             _unit(None, "Lake", 1.0, 1.0),  # its name is a known unit's ('Lake Province')
             _unit(None, "Oldtown", 2.0, 2.0),  # a town bears its name
             _unit(None, "Western", 5.0, 5.0),  # a compass word names nothing by itself
             _unit(None, "Elsewhere", 6.0, 6.0, cc="XB")]  # a country we do not hold
    out = _former_units(units, {"XA.01": 101}, {}, recs, taken=set())
    assert [(r.name, r.fcode, r.lat, r.lon, r.cc) for r in out] == [("Hill Country", "RGN", 3.0, 4.0, "XA")]
