"""What the words around a place name say about an event's location (texts written for these tests)."""

from __future__ import annotations

import pytest

from conflictwatch.geo.qualify import _direction, qualify


def _q(text: str, name: str):
    i = text.index(name)
    return qualify(text, i, i + len(name))


@pytest.mark.parametrize(
    ("word", "direction"),
    [("northern", "north"), ("north-eastern", "northeast"), ("southeastern", "southeast"),
     ("south-west", "southwest"), ("eastern", "east"), ("centre of", "central"), ("North", "north")],
)
def test_direction_words(word, direction):
    assert _direction(word) == direction


def test_a_part_of_a_country_told_after_its_name_is_a_region():
    q = _q("Gunmen killed twelve farmers in Nigeria's northeast on Friday.", "Nigeria")
    assert (q.precision, q.note, q.direction) == (3, "regional", "northeast")
    q = _q("Fighting spread in Chad's eastern region.", "Chad")
    assert (q.precision, q.direction) == (3, "east")
    assert _q("Mali's army said it repelled the attack.", "Mali").precision == 1


def test_the_outskirts_of_a_town_told_after_its_name_are_near_it():
    q = _q("A bomb went off on Gao's outskirts on Monday.", "Gao")
    assert (q.precision, q.note) == (2, "near")


def test_a_road_named_by_its_two_towns_is_between_them():
    text = "A mine hit a truck on the Kaya-Dori road on Sunday."
    assert (_q(text, "Kaya").precision, _q(text, "Kaya").note) == (2, "between")
    assert (_q(text, "Dori").precision, _q(text, "Dori").note) == (2, "between")
    assert _q("Gunmen attacked Kaya on Sunday.", "Kaya").precision == 1


def test_a_south_eastern_part_keeps_both_directions():
    q = _q("Clashes broke out in south-eastern Niger overnight.", "Niger")
    assert (q.precision, q.direction) == (3, "southeast")


def test_the_capital_named_after_a_comma_still_takes_the_offset_or_near():
    q = _q("Troops were ambushed some 60 km north of the capital, Bamako, on Friday.", "Bamako")
    assert (q.precision, q.note, q.offset_km, q.bearing) == (2, "offset", 60.0, 0)
    q = _q("A bus was stopped near the capital, Niamey, on Friday.", "Niamey")
    assert (q.precision, q.note) == (2, "near")


def test_a_road_told_from_one_town_to_another_is_between_them():
    text = "Their bus hit a mine on the road from Boni to Hombori."
    assert (_q(text, "Boni").precision, _q(text, "Hombori").precision) == (2, 2)
    assert _q(text, "Hombori").note == "between"


def test_a_part_of_a_town_told_after_its_name_is_the_town_and_its_suburbs_are_near_it():
    assert _q("Police fired tear gas in Nairobi's central business district.", "Nairobi").precision == 1
    assert _q("Police fired tear gas in Nairobi's eastern neighbourhoods.", "Nairobi").precision == 1
    q = _q("Shells fell on Khartoum's northern suburbs.", "Khartoum")
    assert (q.precision, q.note) == (2, "near")
    assert _q("Clashes spread in Mali's central region.", "Mali").precision == 3


def test_a_circle_after_a_name_is_an_administrative_unit():
    q = _q("Gunmen attacked a village in the Bankass circle.", "Bankass")
    assert (q.precision, q.unit) == (3, "circle")


def test_both_towns_an_event_lies_between_are_between():
    text = "A mine was found between Diffa and Bosso."
    assert (_q(text, "Diffa").note, _q(text, "Bosso").note) == ("between", "between")
    text = "A mine was found on the road between the towns of Diffa and Bosso."
    assert (_q(text, "Diffa").precision, _q(text, "Bosso").precision) == (2, 2)
    assert _q("Fighting in Diffa and Bosso on Monday.", "Bosso").precision == 1
