"""A name's standing: a bare name that is both a unit and the unit's own town is the town,
which keeps the unit's weight against a namesake unit abroad; an old or foreign name listed
among a big city's other names does not take the name from the city that bears it. Texts
written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Israeli air strikes hit Gaza before dawn, medics said.",
    "Aid lorries queued for a third day outside Gaza.",
    "Hamas fighters in Gaza fired rockets toward Israel overnight.",
])
def test_a_bare_gaza_is_the_city_of_the_strip(resolve_names, text):
    (gaza, *_) = resolve_names(text, ["Gaza"])
    assert gaza.place.country_code == "PS"


def test_the_province_of_that_name_abroad_is_still_reached_by_its_word(resolve_names):
    text = "Cyclone winds flattened maize fields across Gaza province in southern Mozambique."
    gaza, _ = resolve_names(text, ["Gaza", "Mozambique"])
    assert (gaza.place.country_code, gaza.place.feature_code) == ("MZ", "ADM1")


@pytest.mark.parametrize("text", [
    "Police in Philadelphia arrested two men after a shooting near the stadium.",
    "The transit strike in Philadelphia entered its second week.",
])
def test_a_city_keeps_its_own_name_from_another_city_s_ancient_one(resolve_names, text):
    (philly,) = resolve_names(text, ["Philadelphia"])
    assert philly.place.country_code == "US"


@pytest.mark.parametrize(("text", "name", "cc"), [
    ("Floods closed the port of Bombay for two days.", "Bombay", "IN"),
    ("The delegates met in Peking in the spring of 1972.", "Peking", "CN"),
])
def test_a_great_city_keeps_its_old_name(resolve_names, text, name, cc):
    (place,) = resolve_names(text, [name])
    assert place.place.country_code == cc


@pytest.mark.parametrize(("text", "name", "cc"), [
    # a country written beside a town pins it, against a capital of the same name abroad
    ("TRIPOLI, Lebanon - Two men died in a gun battle between rival families overnight, "
     "while Syria and Turkey traded accusations over the border.", "TRIPOLI", "LB"),
    # and against the rest of the story's country
    ("Flamengo beat Santos in Rio de Janeiro and Fluminense drew in Sao Paulo; scouts from a club in "
     "Porto, Portugal, watched from the stands.", "Porto", "PT"),
])
def test_a_country_beside_a_town_pins_it(resolve_names, text, name, cc):
    (place,) = resolve_names(text, [name])
    assert place.place.country_code == cc


def test_a_unit_noun_after_a_demonym_makes_it_the_province(resolve_names):
    text = "Drought in Ethiopia's Somali region has killed half the herds, herders said."
    _, somali = resolve_names(text, ["Ethiopia", "Somali"])
    assert (somali.place.country_code, somali.place.feature_code) == ("ET", "ADM1")


@pytest.mark.parametrize(("text", "cc"), [
    ("Protesters marched through Calcutta on Friday.", "IN"),
    ("Riots spread across Bombay overnight.", "IN"),
])
def test_a_great_city_s_old_name_alone_is_kept_end_to_end(geoparser, nlp, text, cc):
    # a lone word the tagger did not call a place is dropped unless it is a big city's name;
    # a city of a million keeps its other names too
    tops = geoparser.toponyms(nlp(text))
    assert [t.place.country_code for t in tops if t.place] == [cc]
