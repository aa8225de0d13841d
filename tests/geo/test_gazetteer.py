from __future__ import annotations

from conflictwatch.geo import Gazetteer, distance_km
from conflictwatch.geo.normalize import key


def test_key_folds_accents_dots_and_apostrophes():
    assert key("Sévaré") == key("Sevare") == "sevare"
    assert key("N'Djamena") == key("Ndjamena")
    assert key("U.S.") == "us"
    assert key("Москва") == ""


def test_load_is_cached(gaz):
    assert Gazetteer.load() is gaz
    assert len(gaz) > 300_000


def test_lookup_capital_first(gaz):
    top = gaz.lookup("Bamako")[0]
    assert top.country_code == "ML" and top.feature_code == "PPLC"
    assert distance_km(top.latitude, top.longitude, 12.65, -8.0) < 15
    assert top.admin1 == "Bamako"


def test_lookup_country_filter_and_accents(gaz):
    paris_tx = gaz.lookup("Paris", "US")
    assert paris_tx and all(p.country_code == "US" for p in paris_tx)
    assert gaz.lookup("Sevare")[0].name == "Sévaré"
    assert gaz.lookup("Tinzaouaten")[0].country_code == "ML"


def test_sahel_villages_from_full_dumps_have_admin_names(gaz):
    djibo = gaz.lookup("Djibo", "BF")[0]
    assert djibo.admin1 and djibo.admin2
    assert gaz.lookup("Ménaka")[0].country_code == "ML"


def test_country_by_code_name_and_demonym(gaz):
    assert gaz.country("ML").name == "Mali"
    assert gaz.country("Mali").country_code == "ML"
    assert gaz.country("Malian").country_code == "ML"
    assert gaz.country("Atlantis") is None
    us = gaz.country("U.S.")
    assert us.country_code == "US" and abs(us.latitude - 39.76) < 0.01


def test_unknown_name_gives_nothing(gaz):
    assert gaz.lookup("Qwxzvillezzz") == []


def test_fuzzy_ids_match_other_spellings_only_for_long_names(gaz):
    rows = gaz.fuzzy_ids("Maarat al-Numaan")
    assert any(gaz.cc(int(r)) == "SY" for r in rows)
    assert len(gaz.fuzzy_ids("Kidl")) == 0  # too short to tell apart


def test_english_counties_and_the_arab_world_are_known(gaz):
    yorks = gaz.lookup("Yorkshire")[0]
    assert yorks.country_code == "GB" and yorks.feature_code == "RGN"
    assert gaz.lookup("Cheshire")[0].country_code == "GB"
    assert gaz.lookup("Arab world")[0].name == "Middle East"
