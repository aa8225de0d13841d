"""Resolution by the article's context: namesakes, a province against its namesake town,
country evidence. Texts written for these tests."""

from __future__ import annotations

from conflictwatch.geo import distance_km


def test_the_state_of_a_name_is_the_province(resolve_names):
    text = "Inspectors in the state of Washington found a second sick cow on a farm near the border."
    (wa,) = resolve_names(text, ["Washington"])
    assert (wa.place.country_code, wa.place.feature_code) == ("US", "ADM1")


def test_upstate_names_the_province(resolve_names):
    text = "Heavy snow closed schools across upstate New York on Monday."
    (ny,) = resolve_names(text, ["New York"])
    assert (ny.place.country_code, ny.place.feature_code) == ("US", "ADM1")


def test_the_capital_named_alone_stays_the_city(resolve_names):
    text = "The senator flew back to Washington after a week of town halls in Ohio."
    wa, _ = resolve_names(text, ["Washington", "Ohio"])
    assert wa.place.feature_code == "PPLC"


def test_a_region_of_a_country_does_not_make_the_country_a_province(resolve_names):
    text = "Gunmen attacked a market in the Mopti region of Mali on Friday."
    _, mali = resolve_names(text, ["Mopti", "Mali"])
    assert mali.place.feature_code == "PCLI"


def test_a_big_city_beats_a_small_namesake_in_the_story_s_state(resolve_names):
    text = ("Houston beat the visitors from Portland 101-99 on Sunday, and Dallas won at home "
            "to stay second in Texas.")
    portland, *_ = resolve_names(text, ["Portland", "Houston", "Dallas", "Texas"])
    assert portland.place.admin1 == "Oregon"


def test_a_town_said_to_be_in_its_county_and_state_keeps_them(resolve_names):
    text = "Austin, in Scott County, Indiana, opened a clinic after the outbreak spread."
    (austin,) = resolve_names(text, ["Austin"])
    assert (austin.place.country_code, austin.place.admin1) == ("US", "Indiana")


def test_a_country_s_long_form_is_the_country(resolve_names):
    text = "Health workers in the Republic of Congo traced the outbreak to Ouesso, near the Cameroon border."
    congo, _ = resolve_names(text, ["Republic of Congo", "Ouesso"])
    assert (congo.place.country_code, congo.place.feature_code) == ("CG", "PCLI")


def test_a_big_city_inside_an_event_name_is_that_city_far_from_the_story_s_places(resolve_names):
    text = ("The new engine was shown at the New York Auto Show, although the cars are built at a plant "
            "in Bowling Green, Kentucky.")
    show, *_ = resolve_names(text, ["New York Auto Show", "Bowling Green", "Kentucky"])
    assert show.place.country_code == "US" and abs(show.place.latitude - 40.7) < 0.5


def test_a_name_said_to_be_of_a_country_is_not_another_country(resolve_names):
    text = "A student from the Gold Coast of Australia was stopped at the airport in Bali with a bag of seeds."
    coast, _ = resolve_names(text, ["Gold Coast", "Bali"])
    assert coast.place.country_code == "AU"


def test_countries_in_a_list_stay_countries(resolve_names):
    text = "The outbreak spread from Guinea to Liberia, Sierra Leone, Canada, Australia."
    tops = resolve_names(text, ["Guinea", "Liberia", "Sierra Leone", "Canada", "Australia"])
    assert [t.place.feature_code for t in tops] == ["PCLI"] * 5


def test_a_town_known_by_the_name_only_as_another_name_yields_to_places_called_so(resolve_names):
    text = "Cases rose in Texas, Ohio and Florida, and the first case was confirmed in Quebec."
    *_, quebec = resolve_names(text, ["Texas", "Ohio", "Florida", "Quebec"])
    assert quebec.place.country_code == "CA"


def test_an_old_name_of_a_great_city_still_means_it(resolve_names):
    text = "She grew up in Calcutta and later taught in Bombay."
    calcutta, bombay = resolve_names(text, ["Calcutta", "Bombay"])
    assert (calcutta.place.country_code, bombay.place.country_code) == ("IN", "IN")


def test_a_bare_name_is_the_city_not_the_region_named_after_it(resolve_names):
    text = "Investors met in Almaty on Tuesday, officials in Kazakhstan said."
    almaty, _ = resolve_names(text, ["Almaty", "Kazakhstan"])
    assert abs(almaty.place.latitude - 43.25) < 0.5  # the city, not the province around it


def test_a_state_named_as_a_state_stays_the_state_and_its_bare_name_the_city(resolve_names):
    text = "Traders in Kano closed their shops after gunmen attacked a village in Kano State."
    city, state = resolve_names(text, ["Kano", "Kano State"])
    assert (state.place.feature_code, city.place.feature_code[:3]) == ("ADM1", "PPL")


def test_a_county_written_beside_a_name_rules_out_a_big_namesake_abroad(resolve_names):
    text = "The last race of the summer is at Rockingham, Northamptonshire. Tickets sold out in a day."
    (rock,) = resolve_names(text, ["Rockingham"])
    assert rock.place.country_code == "GB"


def test_a_name_before_streets_is_a_street_of_the_story_s_town(resolve_names):
    text = "In Chicago, police closed the corner of State and Hubbard streets after the shooting."
    chicago, hubbard = resolve_names(text, ["Chicago", "Hubbard"])
    assert distance_km(hubbard.place.latitude, hubbard.place.longitude,
                       chicago.place.latitude, chicago.place.longitude) < 50


def test_a_town_without_a_street_word_keeps_its_reading(resolve_names):
    text = "In Chicago, police said the suspect had family in Hubbard, Ohio."
    _, hubbard = resolve_names(text, ["Chicago", "Hubbard"])
    assert hubbard.place.admin1 == "Ohio"


def test_a_small_namesake_far_from_all_the_story_s_places_yields_to_the_story_s_town(resolve_names):
    text = "Growers from Santa Barbara and Goleta met buyers at Stonewall, and more came from Ventura."
    sb, _, stonewall, _ = resolve_names(text, ["Santa Barbara", "Goleta", "Stonewall", "Ventura"])
    assert distance_km(stonewall.place.latitude, stonewall.place.longitude,
                       sb.place.latitude, sb.place.longitude) < 100


def test_a_village_with_a_single_reading_far_from_the_dateline_keeps_it(resolve_names):
    text = "Officials in Bamako and Segou said soldiers were killed in an attack on Boulkessi."
    *_, boulkessi = resolve_names(text, ["Bamako", "Segou", "Boulkessi"])
    assert boulkessi.place.country_code == "ML" and boulkessi.place.latitude > 14.5


def test_a_name_called_a_state_once_stays_the_state_when_repeated_bare(geoparser):
    text = "The governor of New York state declared an emergency, and 40 people have died in New York since May."
    first, second = text.index("New York"), text.rindex("New York")
    a, b = geoparser.resolve(text, [(first, first + 8), (second, second + 8)])
    assert (a.place.feature_code, b.place.feature_code) == ("ADM1", "ADM1")


def test_a_state_named_after_its_capital_leaves_the_bare_name_to_the_city(geoparser):
    text = "Gunmen attacked a village in Kano State on Monday. Traders in Kano closed their shops."
    first, second = text.index("Kano"), text.rindex("Kano")
    state, city = geoparser.resolve(text, [(first, first + 10), (second, second + 4)])
    assert (state.place.feature_code, city.place.feature_code[:3]) == ("ADM1", "PPL")


def test_a_place_named_in_the_possessive_before_a_name_says_where_it_is(resolve_names):
    text = ("Police in Ontario's London closed two schools after the threat. Later, freight was held "
            "at London's Heathrow while vets checked the animals.")
    london, heathrow = resolve_names(text, ["London", "Heathrow"])
    assert (london.place.country_code, london.place.admin1) == ("CA", "Ontario")
    assert heathrow.place.country_code == "GB"
    assert distance_km(heathrow.place.latitude, heathrow.place.longitude, 51.47, -0.45) < 30


def test_a_person_in_the_possessive_is_no_hint(resolve_names):
    text = "Crowds gathered outside Smith's London office as the verdict came in."
    (london,) = resolve_names(text, ["London"])
    assert london.place.country_code == "GB"
