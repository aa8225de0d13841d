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


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    """The spans of each (name, nth occurrence) pair, counting from 0."""
    out = []
    for name, nth in names:
        at = -1
        for _ in range(nth + 1):
            at = text.index(name, at + 1)
        out.append((at, at + len(name)))
    return out


def test_a_unit_of_a_people_is_that_country_s_unit_and_leaves_the_namesake_alone(geoparser):
    text = ("Dockers in Victoria, British Columbia, met officials from Melbourne, in the Australian state "
            "of Victoria, on Monday. Victoria's harbour master said the visit went well.")
    city, state, again = geoparser.resolve(text, _spans(text, ("Victoria", 0), ("Victoria", 1), ("Victoria", 2)))
    assert (state.place.country_code, state.place.feature_code) == ("AU", "ADM1")
    assert city.place.country_code == again.place.country_code == "CA"


def test_a_people_word_before_the_unit_noun_is_no_place_name(resolve_names):
    text = "Savannah, in the American state of Georgia, ships used cars to Tbilisi, the capital of Georgia."
    (state,) = resolve_names(text, ["Georgia"])
    assert (state.place.country_code, state.place.feature_code) == ("US", "ADM1")
    # (a place's own name there is no people's: "the Mopti region of Mali", tested above)


def test_an_apposition_saying_where_a_town_lies_places_it(resolve_names):
    text = ("The strain was first found in Kamituga, a gold-mining town in South Kivu province, and later "
            "reached Kinshasa.")
    (kamituga,) = resolve_names(text, ["Kamituga"])
    assert kamituga.place.admin1 == "South Kivu"


def test_a_small_town_in_a_country_the_article_names_is_no_stray(resolve_names):
    text = ("Beijing protested on Friday after new curbs on Chinese firms. Factories in Shenzhen, Dongguan and "
            "Guangzhou cut shifts, and traders in Shanghai said Chinese exporters would look elsewhere. Officials "
            "in Norway said the curbs also covered the ammunition maker based in Raufoss.")
    *_, raufoss = resolve_names(text, ["Beijing", "Shenzhen", "Dongguan", "Guangzhou", "Shanghai", "Norway", "Raufoss"])
    assert raufoss.place.country_code == "NO"


def test_county_before_the_name_is_the_name_itself_not_a_part_of_it(resolve_names):
    text = ("The colt was bred on a farm near Lexington, Kentucky, and its buyer already keeps horses in "
            "County Kildare.")
    *_, kildare = resolve_names(text, ["Lexington", "Kentucky", "County Kildare"])
    assert kildare.place.country_code == "IE"


def test_words_of_water_around_a_name_make_it_the_river_or_sea(resolve_names):
    text = "Rain upstream sent a surge down the Benue into Adamawa State, officials in Yola said."
    benue, *_ = resolve_names(text, ["Benue", "Adamawa", "Yola"])
    assert benue.place.feature_code != "ADM1"
    text = "Ministries moved to Port Sudan on the Red Sea coast after fighting reached Khartoum."
    _, sea, _ = resolve_names(text, ["Port Sudan", "Red Sea", "Khartoum"])
    assert sea.place.feature_code == "SEA"


def test_a_state_named_like_a_river_stays_the_state_without_words_of_water(resolve_names):
    text = "Gunmen crossed from Benue into Nasarawa on Monday, police in Lafia said."
    benue, *_ = resolve_names(text, ["Benue", "Nasarawa", "Lafia"])
    assert (benue.place.country_code, benue.place.feature_code) == ("NG", "ADM1")


def test_a_bare_name_follows_the_pinned_namesake_spelt_like_it(geoparser):
    text = ("A firm from San Jose, California, will build a plant near San José, Costa Rica. The trade "
            "minister, speaking in San José, welcomed it; back in San Jose, shares rose.")
    *_, spanish, english = geoparser.resolve(text, _spans(text, ("San Jose", 0), ("San José", 0), ("San José", 1),
                                                          ("San Jose", 1)))
    assert spanish.place.country_code == "CR"
    assert english.place.country_code == "US"


def test_a_pin_holds_for_later_mentions_only(geoparser):
    text = ("Floods swamped the suburbs south of Valencia on Tuesday. Among the dead was a man who moved "
            "to Spain from Valencia, the industrial city in Venezuela's Carabobo state.")
    spain_city, venezuela_city = geoparser.resolve(text, _spans(text, ("Valencia", 0), ("Valencia", 1)))
    assert spain_city.place.country_code == "ES"
    assert venezuela_city.place.country_code == "VE"
