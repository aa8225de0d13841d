"""The representative point of a part of a country or province (geo.region)."""

from __future__ import annotations

from conflictwatch.geo.region import region_point


def test_the_north_of_a_country_is_a_town_in_its_northern_half(geoparser, gaz):
    row, direction = region_point(geoparser, "NG", "north", None)
    assert direction == "north"
    assert gaz.place(row).country_code == "NG" and gaz.place(row).latitude > 9.0


def test_a_corner_lies_out_from_the_middle_on_both_axes(geoparser, gaz):
    row, _ = region_point(geoparser, "NG", "northeast", None)
    place = gaz.place(row)
    assert place.latitude > 10.0 and place.longitude > 10.0  # Borno's side, not Kano on the midline


def test_no_country_no_point(geoparser):
    assert region_point(geoparser, None, "north", None) is None
