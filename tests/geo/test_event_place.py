"""Which of a text's places is the scene of its event, and how precisely (texts written for these tests)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from conflictwatch.geo import distance_km
from conflictwatch.geo.event import (
    _dateline,
    _demonym,
    _lead_end,
    _place_inside_a_name,
    _scene_score,
    _speaks,
)
from conflictwatch.geo.qualify import qualify
from conflictwatch.models import Toponym

pytestmark = pytest.mark.model


def _event(nlp, geoparser, text):
    doc = nlp(text)
    return geoparser.locate_event(doc, geoparser.toponyms(doc), list(doc.sents))


def _country(gaz, name: str, surface: str, start: int = 0) -> Toponym:
    p = gaz.country(name)
    assert p is not None
    return Toponym(start=start, end=start + len(surface), name=surface, place=p, confidence=1.0)


def test_an_adjective_of_a_country_is_whose_but_another_name_of_it_is_the_country(gaz):
    assert _demonym(_country(gaz, "NG", "Nigerian"))
    assert _demonym(_country(gaz, "SD", "Sudanese"))
    assert _demonym(_country(gaz, "IQ", "Iraqi"))
    assert not _demonym(_country(gaz, "CD", "Democratic Republic of Congo"))
    assert not _demonym(_country(gaz, "CD", "DRC"))
    assert not _demonym(_country(gaz, "GB", "Britain"))
    text = "A US-led patrol was hit."
    assert _demonym(_country(gaz, "US", "US", text.index("US")), text)


def _score(geoparser, text: str, name: str) -> float:
    """The scene score of ``name`` (resolved in ``text``) with no dateline."""
    i = text.index(name)
    (t,) = geoparser.resolve(text, [(i, i + len(name))])
    return _scene_score(text, t, 0)


def test_the_far_side_of_a_border_named_through_its_country_is_not_the_scene(geoparser):
    across = _score(geoparser, "The camp will guard the border with Sudan's Darfur region.", "Darfur")
    scene = _score(geoparser, "Gunmen burned a camp in Sudan's Darfur region.", "Darfur")
    assert across < scene - 3


def test_an_office_named_through_its_country_speaks_it_is_not_a_scene():
    assert _speaks("On Friday ", "'s Health Ministry said two people died")
    assert _speaks("", "'s Defence Ministry announced the raid")
    assert _speaks("Paris and ", " agreed last year to end the mission")
    assert not _speaks("Fighting in ", "'s east killed four people")


def test_a_province_named_through_its_country_is_the_scene_not_the_dateline(nlp, geoparser):
    text = ("BAMAKO (Agency) - Gunmen killed six villagers in central Mali's Mopti region on Friday, "
            "officials said. Bamako agreed last year to end its military cooperation with Paris.")
    doc = nlp(text)
    loc = geoparser.locate_event(doc, geoparser.toponyms(doc), list(doc.sents)[:1])
    assert loc is not None and loc.admin1 == "Mopti" and loc.geo_precision == 3


def _inside_org(doc, place: str, org_end: str) -> bool:
    """Is ``place`` (its first occurrence) inside a name tagged ORG from it up to ``org_end``?"""
    text = doc.text
    i = text.index(place)
    tokens = [w.i for w in doc if i <= w.idx < text.index(org_end)]
    t = Toponym(start=i, end=i + len(place), name=place)
    return _place_inside_a_name(t, Span(doc, tokens[0], tokens[-1] + 1, label="ORG"))


def test_a_place_is_cut_from_a_name_by_a_bracket(nlp):
    doc = nlp("Militiamen shot two herders near Bankass (Bankass cercle) and the Macina Liberation Front denied it.")
    assert not _inside_org(doc, "Bankass", "cercle")
    assert _inside_org(doc, "Macina", " denied")


def test_a_region_that_is_no_province_is_coded_at_its_own_point(nlp, geoparser, gaz):
    loc = _event(nlp, geoparser, "Militias burned villages across Darfur last month.")
    assert loc is not None and loc.geo_precision == 3
    darfur = next(gaz.place(int(r)) for r in gaz.ids("Darfur") if gaz.fc[r] == "RGN")
    assert distance_km(loc.place.latitude, loc.place.longitude, darfur.latitude, darfur.longitude) < 50


def test_a_part_of_a_town_is_the_town_and_the_area_of_a_town_is_near_it(nlp, geoparser):
    text = "Gunmen burned a school in the Nkwen area of the city of Bamenda on Monday."
    i = text.index("Nkwen")
    assert qualify(text, i, i + 5).precision == 1
    loc = _event(nlp, geoparser, "Soldiers clashed with gunmen in the Mora area on Sunday.")
    assert loc is not None and loc.location == "Mora" and loc.geo_precision == 2


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("Troops hand over base to army\n\nGAO - The last soldiers left on Friday.", "GAO -"),
        ("GAO - The last soldiers left on Friday.", "GAO -"),
        ("The last soldiers left Gao on Friday.\n\nMOPTI - Nothing else.", ""),
    ],
)
def test_a_dateline_may_follow_a_title_line(text, dateline):
    ds, de = _dateline(text)
    assert text[ds:de] == dateline


def test_a_dateline_after_a_title_is_not_the_scene(nlp, geoparser):
    text = ("Gunmen kill four at market\n\nBAMAKO (Agency) - Gunmen killed four traders at the market "
            "of Sofara on Sunday, a local official said.")
    loc = _event(nlp, geoparser, text)
    assert loc is not None and loc.location == "Sofara"


def test_a_country_abbreviation_before_a_common_noun_is_whose(gaz):
    text = "Supporters were waving US flags outside the court."
    assert _demonym(_country(gaz, "US", "US", text.index("US")), text)
    text = "The envoy arrived in the US on Monday."
    assert not _demonym(_country(gaz, "US", "US", text.index("US")), text)


def test_a_town_in_a_province_named_after_a_city_is_the_scene(nlp, geoparser):
    text = "Air strikes hit a market in the town of Kafr Nabl in Syria's Idlib province on Monday."
    loc = _event(nlp, geoparser, text)
    assert loc is not None and loc.location == "Kafr Nabl"


def test_a_territory_after_a_name_is_an_administrative_unit():
    text = "Rebels raided a village in the Beni territory overnight."
    i = text.index("Beni")
    q = qualify(text, i, i + 4)
    assert q.precision == 3 and q.unit == "territory"


def test_the_article_s_place_is_the_one_its_lead_names(nlp, geoparser):
    text = ("Army takes over Kidal camp\n\nThe army took over the camp on Friday after the last "
            "foreign troops left. The handover went ahead without incident. Foreign troops remain in Gao "
            "and in Timbuktu until next month.")
    loc = _event(nlp, geoparser, text)
    assert loc is not None and loc.location == "Kidal"


def test_where_a_victim_lived_is_not_the_scene(nlp, geoparser):
    text = "The woman, who lived in Bamako and was visiting her family in Ségou, was shot on Friday."
    assert _event(nlp, geoparser, text).location == "Ségou"


def test_a_sentence_that_names_places_only_as_elsewhere_takes_the_article_s_place(nlp, geoparser):
    doc = nlp("Gunmen raided the town of Mora on Sunday. They had crossed the border with Nigeria before dawn.")
    second = list(doc.sents)[1:]
    loc = geoparser.locate_event(doc, geoparser.toponyms(doc), second, country_hint="CM")
    assert loc is not None and loc.location == "Mora"


def test_a_corner_of_a_country_is_coded_in_that_corner(nlp, geoparser):
    loc = _event(nlp, geoparser, "Gunmen killed twelve farmers in Nigeria's northeast on Friday.")
    assert loc is not None and loc.geo_precision == 3 and loc.country == "Nigeria"
    assert loc.place.latitude > 10.5 and loc.place.longitude > 10.5


def test_residents_of_a_town_tell_of_their_town_but_a_resident_of_it_is_from_there(geoparser):
    told = _score(geoparser, "Residents of Kidal said gunmen burned the market on Friday.", "Kidal")
    home = _score(geoparser, "A resident of Kidal was shot on Friday.", "Kidal")
    assert told > home + 3


def test_an_office_named_through_its_country_in_lower_case_speaks():
    assert _speaks("", "'s interior minister said the police acted lawfully")


def test_another_name_of_a_country_ending_in_republic_is_the_country(gaz):
    assert not _demonym(_country(gaz, "SY", "Syrian Arab Republic"))


def test_an_island_the_size_of_a_province_is_a_region(nlp, geoparser):
    loc = _event(nlp, geoparser, "Soldiers clashed with rebels on Mindanao last week.")
    assert loc is not None and loc.geo_precision == 3 and loc.country == "Philippines"


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        ("In a statement issued in Niamey, the defence ministry said soldiers repelled an attack on Tillabéri.",
         "Tillabéri"),
        ("Two soldiers from Kayes were killed in Boni on Friday.", "Boni"),
        ("Speaking in Paris, the minister condemned the attack in Kidal.", "Kidal"),
        ("Hundreds of supporters gathered outside the High Court in Kaduna, with students bussed in from Zaria.",
         "Kaduna"),
    ],
)
def test_where_a_statement_was_issued_or_people_come_from_is_not_the_scene(nlp, geoparser, text, scene):
    loc = _event(nlp, geoparser, text)
    assert loc is not None and loc.location == scene


def test_a_village_named_in_its_circle_is_the_scene(nlp, geoparser):
    loc = _event(nlp, geoparser, "Gunmen attacked the village of Ogossagou in the Bankass circle.")
    assert loc is not None and loc.location == "Ogossagou"


def test_a_town_inside_the_name_of_a_building_is_where_the_building_is(nlp):
    doc = nlp("Supporters gathered outside the Islamabad High Court on Tuesday.")
    assert not _inside_org(doc, "Islamabad", " on Tuesday")


def test_the_lead_is_the_first_sentence_after_the_dateline_even_when_the_tagger_cuts_the_dateline_off():
    from types import SimpleNamespace

    text = "KYIV, Oct 21 (Agency) - A missile struck a depot in Kharkiv. Rescuers worked all night."
    dl = _dateline(text)[1]
    cut = [SimpleNamespace(end_char=text.index(" A missile")), SimpleNamespace(end_char=text.index(" Rescuers")),
           SimpleNamespace(end_char=len(text))]
    assert _lead_end(text, cut, dl) == text.index(" Rescuers")  # type: ignore[arg-type]
    whole = cut[1:]
    assert _lead_end(text, whole, dl) == text.index(" Rescuers")  # type: ignore[arg-type]


def test_a_town_of_the_province_the_lead_names_is_the_article_s_place(nlp, geoparser):
    text = ("Gunmen kill four in Mali's Mopti region\n\nGunmen killed four traders in Mali's Mopti region on "
            "Sunday. The attack took place near the town of Bankass, a local official said.")
    loc = _event(nlp, geoparser, text)
    assert loc is not None and loc.location == "Bankass" and loc.geo_precision == 2
