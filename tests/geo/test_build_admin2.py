"""Admin2 names inferred for places GeoNames gives none: from the unit named like the place, or
from the nearest places of the same admin1, each only where held-out places show it right."""

from __future__ import annotations

from conflictwatch.geo.build import _admin_from_neighbour, _admin_variants
from conflictwatch.geo.build_admin2 import (
    INFERRED,
    INFERRED1,
    MIN_HELD_OUT,
    NAMED,
    Bands,
    _two_nearest,
    _xyz,
    infer_admin1,
    infer_admin2,
    report,
)
from conflictwatch.geo.sources import Rec

KM = 1 / 111.2  # degrees of latitude per km


def _town(name: str, lat: float, lon: float, cc: str = "XA", a1: str = "01", a2name: str | None = None,
          a2: str | None = None, fcode: str = "PPL") -> Rec:
    return Rec(name=name, lat=lat, lon=lon, cc=cc, fcode=fcode, a1=a1, a2=a2, a2name=a2name,
               source="test", names={name})


def _two_districts(cc: str = "XA") -> list[Rec]:
    """Two districts of one province, 30 towns each, 2 km apart, the districts 40 km apart."""
    out = []
    for k in range(30):
        lat = 10 + (k % 6) * 2 * KM
        lon = (k // 6) * 2 * KM
        out.append(_town(f"West {k}", lat, lon - 0.5, cc=cc, a2name="Westside"))
        out.append(_town(f"East {k}", lat, lon + 0.5, cc=cc, a2name="Eastside"))
    return out


def test_two_nearest_neighbours_and_their_distances():
    ref = [_town("A", 0.0, 0.0), _town("B", 1.0, 0.0), _town("C", 0.0, 3.0)]
    idx, km = _two_nearest(_xyz(ref), _xyz(ref), skip_self=True)
    assert idx[0].tolist() == [1, 2]  # 1 degree of latitude before 3 of longitude
    assert abs(km[0][0] - 111.2) < 0.5 and abs(km[0][1] - 333.6) < 1.5
    idx, km = _two_nearest(_xyz(ref[:1]), _xyz(ref[:1]), skip_self=True)
    assert km[0].tolist() == [float("inf"), float("inf")]  # alone: no neighbour at all


def test_a_cut_off_is_the_far_edge_of_the_bands_that_stay_right_often_enough():
    b = Bands()
    for _ in range(MIN_HELD_OUT):
        b.add(0.5, True)  # 0-1 km: all right
    for _ in range(10):
        b.add(1.5, True)  # 1-2 km and 2-3 km too few alone: pooled, 19 of 20 right
        b.add(2.5, _ != 0)
    for _ in range(MIN_HELD_OUT):
        b.add(4.0, _ % 2 == 0)  # 3-5 km: half right, the walk stops
    for _ in range(MIN_HELD_OUT):
        b.add(6.0, True)
    assert b.cutoff() == 3.0
    assert Bands().cutoff() == 0.0  # nothing held out: no cut-off
    assert b.describe().startswith("0-1 km 100.0 % of 20, 1-2 km 100.0 % of 10, 2-3 km 90.0 % of 10, 3-5 km 50.0 %")


def test_a_place_takes_the_admin2_its_two_nearest_neighbours_share_and_says_so():
    recs = _two_districts()
    near_west = _town("Newtown", 10 + 5 * KM, -0.5 + 1 * KM)  # among the western towns
    far = _town("Faraway", 12.0, 0.0)  # 220 km from any town with a district
    other_a1 = _town("Elsewhere", 10 + 5 * KM, -0.5 + 1 * KM, a1="02")
    recs += [near_west, far, other_a1]
    cals = infer_admin2(recs, {})
    assert cals["XA"].pair_km > 0 and cals["XA"].right == cals["XA"].answered == 60
    assert "answers 60 places, 100.0 % right" in report("admin2", cals)[2]
    assert near_west.a2name == "Westside" and near_west.source == "test" + INFERRED
    assert far.a2name is None and far.source == "test"
    assert other_a1.a2name is None  # an admin2 is only taken within the place's own admin1


def test_an_admin2_code_is_copied_so_the_code_table_names_it():
    recs = [_town(f"T{k}", 10 + k * KM, 0.0, a2="007") for k in range(30)]
    village = _town("Village", 10 + 3.5 * KM, 0.5 * KM)
    infer_admin2([*recs, village], {"XA.01.007": "Cercle de Sept"})
    assert village.a2 == "007" and village.a2name is None


def test_nothing_is_inferred_where_each_town_is_its_own_district():
    # a municipality per town (Brazil): held out, a town's neighbour is never in its district
    recs = [_town(f"T{k}", 10 + (k % 6) * 3 * KM, (k // 6) * 3 * KM, cc="XB", a2name=f"Municipality {k}")
            for k in range(60)]
    village = _town("Village", 10 + 1 * KM, 1 * KM, cc="XB")
    cals = infer_admin2([*recs, village], {})
    assert cals["XB"].pair_km == cals["XB"].one_km == 0.0
    assert village.a2name is None


def test_a_country_with_no_admin2_stays_without():
    recs = [_town(f"T{k}", 10 + k * KM, 0.0, cc="XC") for k in range(30)]
    assert infer_admin2(recs, {}) == {}
    assert all(r.a2 is None and r.a2name is None for r in recs)


def test_a_place_named_like_one_unit_of_its_admin1_takes_it_where_that_holds():
    # XA: the towns whose district is known are the seats of districts named after them
    admin2 = {f"XA.01.{k:03d}": f"Comuna Seat{k}" for k in range(MIN_HELD_OUT + 5)}
    admin2["XA.01.900"] = "Comuna Gilău"
    recs = [_town(f"Seat{k}", 10 + k, 0.0, a2=f"{k:03d}") for k in range(MIN_HELD_OUT + 5)]
    gilau = _town("Gilau", 40.0, 0.0)  # written without its accent, far from every other town
    recs.append(gilau)
    # XD: as many towns that are NOT in the unit named like them: the rule is not trusted there
    admin2 |= {f"XD.01.{k:03d}": f"Comuna Seat{k}" for k in range(MIN_HELD_OUT + 5)}
    admin2["XD.01.900"] = "Comuna Other"
    recs += [_town(f"Seat{k}", 10 + k, 0.0, cc="XD", a2="900") for k in range(MIN_HELD_OUT + 5)]
    seat_xd = _town("Seat3", 60.0, 0.0, cc="XD")
    recs.append(seat_xd)
    cals = infer_admin2(recs, admin2, _admin_variants)
    assert cals["XA"].by_name and not cals["XD"].by_name
    assert gilau.a2 == "900" and gilau.source == "test" + NAMED
    assert seat_xd.a2 is None


def test_a_place_without_admin1_takes_it_from_a_near_town_and_an_island_its_admin2_too():
    town = _town("Port", 35.50, 12.60, a2name="Agrigento")
    camp = Rec(name="Camp", lat=35.51, lon=12.61, cc="XA", fcode="PPL", source="UCDP GED")
    island = Rec(name="Isle", lat=35.52, lon=12.58, cc="XA", fcode="ISL", source="supplement")
    _admin_from_neighbour([town, camp, island])
    assert camp.a1 == island.a1 == "01"
    assert island.a2name == "Agrigento"
    assert camp.a2name is None  # a village's admin2 is left to infer_admin2, which measures its guess


def test_a_village_whose_admin1_geonames_leaves_unknown_takes_its_neighbours():
    # two regions 40 km apart; villages coded '00' (unknown) or in a code the table no longer has
    recs = _two_districts()
    for r in recs:
        r.a1, r.a2name = ("01", None) if r.name.startswith("West") else ("02", None)
    unknown = _town("Unknown", 10 + 5 * KM, 0.5 + 1 * KM, a1="00", a2="77")  # among the eastern towns
    former = _town("Former", 10 + 5 * KM, -0.5 + 1 * KM, a1="09")  # among the western towns
    lost = _town("Lost", 13.0, 0.0, a1="00")  # 330 km from every town with a region
    infer_admin1([*recs, unknown, former, lost], {"XA.01": "West Region", "XA.02": "East Region"}, {})
    assert unknown.a1 == "02" and unknown.source == "test" + INFERRED1
    assert unknown.a2 is None  # its admin2 code named no district of the region it now has
    assert former.a1 == "01" and lost.a1 == "00"
