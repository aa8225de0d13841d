"""Resolution by the article's context: namesakes, a province against its namesake town,
country evidence. Texts written for these tests."""

from __future__ import annotations


def _resolve(geoparser, text, names):
    """Resolve the first occurrence of each name."""
    return geoparser.resolve(text, [(text.index(n), text.index(n) + len(n)) for n in names])


def test_the_state_of_a_name_is_the_province(geoparser):
    text = "Inspectors in the state of Washington found a second sick cow on a farm near the border."
    (wa,) = _resolve(geoparser, text, ["Washington"])
    assert (wa.place.country_code, wa.place.feature_code) == ("US", "ADM1")


def test_upstate_names_the_province(geoparser):
    text = "Heavy snow closed schools across upstate New York on Monday."
    (ny,) = _resolve(geoparser, text, ["New York"])
    assert (ny.place.country_code, ny.place.feature_code) == ("US", "ADM1")


def test_the_capital_named_alone_stays_the_city(geoparser):
    text = "The senator flew back to Washington after a week of town halls in Ohio."
    wa, _ = _resolve(geoparser, text, ["Washington", "Ohio"])
    assert wa.place.feature_code == "PPLC"


def test_a_region_of_a_country_does_not_make_the_country_a_province(geoparser):
    text = "Gunmen attacked a market in the Mopti region of Mali on Friday."
    _, mali = _resolve(geoparser, text, ["Mopti", "Mali"])
    assert mali.place.feature_code == "PCLI"
