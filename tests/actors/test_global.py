"""Actors outside Africa: the knowledge base and assign_roles on sentences written for these tests."""

from __future__ import annotations

import pytest

from conflictwatch.actors.kb import ActorKB
from conflictwatch.actors.roles import Roles, assign_roles

BATTLES, CLASH = "Battles", "Armed clash"
EXPL, SHELL, AIR = "Explosions/Remote violence", "Shelling/artillery/missile attack", "Air/drone strike"
VAC, ATTACK = "Violence against civilians", "Attack"
YPG = "YPG: People's Protection Units"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


# ----- the knowledge base (no model needed) -----

# The main countries of ACLED coverage outside Africa named in our brief.
GLOBAL_COUNTRIES = [
    "Syria",
    "Iraq",
    "Turkey",
    "Israel",
    "Palestine",
    "Lebanon",
    "Yemen",
    "Saudi Arabia",
    "Iran",
    "Afghanistan",
    "Pakistan",
    "India",
    "Bangladesh",
    "Myanmar",
    "Thailand",
    "Philippines",
    "Indonesia",
    "Colombia",
    "Mexico",
    "Brazil",
    "Venezuela",
    "Ukraine",
    "Russia",
    "United States",
    "United Kingdom",
    "France",
    "China",
    "Haiti",
    "Ecuador",
]


@pytest.mark.parametrize("country", GLOBAL_COUNTRIES)
def test_global_countries_have_state_forces_with_regimes(kb: ActorKB, country: str) -> None:
    entry = kb.countries[country]
    assert not entry.african
    military = kb.state_forces(country, 2026)
    police = kb.state_forces(country, 2026, "police")
    assert military.name.startswith(f"Military Forces of {country} (") and military.name.endswith("-)")
    assert police.name.startswith(f"Police Forces of {country} (")
    assert military.inter == police.inter == "State forces"


@pytest.mark.parametrize(
    ("text", "year", "country", "expected"),
    [
        ("Turkish forces", 2018, "Syria", "Military Forces of Turkey (2002-)"),
        ("Syrian army", 2018, "Syria", "Military Forces of Syria (2000-2024)"),
        ("Syrian army", 2025, "Syria", "Military Forces of Syria (2024-)"),
        ("Iraqi troops", 2017, "Iraq", "Military Forces of Iraq (2014-2018)"),
        ("Iraqi troops", 2023, "Iraq", "Military Forces of Iraq (2022-)"),
        ("Indian security forces", 2019, "India", "Military Forces of India (2014-)"),
        ("CRPF", 2021, "India", "Police Forces of India (2014-)"),
        ("Tatmadaw", 2022, "Myanmar", "Military Forces of Myanmar (2021-)"),
        ("Philippine National Police", 2018, "Philippines", "Police Forces of Philippines (2016-2022)"),
        ("Colombian army", 2019, "Colombia", "Military Forces of Colombia (2018-2022)"),
        ("IDF", 2024, "Palestine", "Military Forces of Israel (2022-)"),
        ("Revolutionary Guards", 2022, "Iran", "Military Forces of Iran (1989-)"),
        ("Saudi-led coalition", 2017, "Yemen", "Military Forces of Saudi Arabia (2015-)"),
        # the Taliban: a rebel group until August 2021, then the state forces of Afghanistan
        ("Taliban", 2019, "Afghanistan", "Taliban"),
        ("Taliban", 2023, "Afghanistan", "Military Forces of Afghanistan (2021-)"),
        ("Afghan army", 2019, "Afghanistan", "Military Forces of Afghanistan (2014-2021)"),
        ("Pakistani Taliban", 2023, "Pakistan", "TTP: Tehreek-i-Taliban Pakistan"),
        # one name, several actors: the event's country decides
        ("Kurdish forces", 2018, "Syria", YPG),
        ("Kurdish forces", 2017, "Iraq", "Peshmerga: Kurdistan Regional Government Forces"),
        ("Maoist rebels", 2020, "India", "CPI (Maoist): Communist Party of India (Maoist)"),
        ("Maoist rebels", 2020, "Philippines", "NPA: New People's Army"),
        ("SNA", 2020, "Syria", "Syrian National Army"),
        ("SNA", 2020, "Somalia", "Military Forces of Somalia (2017-2022)"),
        ("Hashd al-Shaabi", 2019, "Iraq", "PMF: Popular Mobilization Forces"),
        ("Ansar Allah", 2023, "Yemen", "Houthi Movement (Ansar Allah)"),
        ("Izz ad-Din al-Qassam Brigades", 2023, "Palestine", "Al Qassam Brigades"),
        ("FARC dissidents", 2024, "Colombia", "EMC: FARC-EP Central General Staff"),
        ("FARC", 2012, "Colombia", "FARC: Revolutionary Armed Forces of Colombia"),
        ("Gulf Clan", 2023, "Colombia", "Clan del Golfo"),
        ("Cártel de Jalisco Nueva Generación", 2022, "Mexico", "CJNG: Jalisco New Generation Cartel"),
        ("pro-Russian separatists", 2018, "Ukraine", "NAF: United Armed Forces of Novorossiya"),
        ("ISIS-K", 2021, "Afghanistan", "Islamic State (Afghanistan)"),
        ("Jabhat Fateh al-Sham", 2016, "Syria", "Jabhat al-Nusra"),
    ],
)
def test_global_lookups(kb: ActorKB, text: str, year: int, country: str, expected: str) -> None:
    actor = kb.resolve(text, year, country)
    assert actor is not None, text
    assert actor.name == expected


def test_branches_of_transnational_groups(kb: ActorKB) -> None:
    parent = kb.resolve("Islamic State")
    assert parent is not None
    for country, branch in [
        ("Iraq", "Islamic State (Iraq)"),
        ("Syria", "Islamic State (Syria)"),
        ("Afghanistan", "Islamic State (Afghanistan)"),
        ("Yemen", "Islamic State (Yemen)"),
        ("Philippines", "Islamic State (Philippines)"),
    ]:
        found = kb.local_affiliate(parent, country, 2020)
        assert found is not None and found.name == branch, country
    qaeda = kb.resolve("al-Qaeda")
    assert kb.local_affiliate(qaeda, "Yemen", 2020).name == "AQAP: Al Qaeda in the Arabian Peninsula"


def test_militia_forces_are_not_an_army(kb: ActorKB) -> None:
    desc = kb.describe("allied Syrian militia forces")
    assert desc is not None and desc.cls == "communal_militia" and desc.country == "Syria"
    assert kb.describe("Syrian forces").cls == "state_military"


def test_global_actor_records(kb: ActorKB) -> None:
    hts = kb.get("HTS: Hayat Tahrir al-Sham")
    assert hts is not None and hts.inter == "Rebel group" and hts.active_from == 2017
    assert kb.get("Sinaloa Cartel").inter == "Political militia"
    assert "Sinaloa Cartel" in kb.get("Sinaloa Cartel (Chapitos Faction)").affiliations
    assert kb.get("Hezbollah").country == "Lebanon"
    assert "Syria" in kb.operates_in(kb.get("Hezbollah"))
    assert kb.country_name("Burma") == "Myanmar"
    assert kb.group_actor("Rohingya", "Myanmar").name == "Rohingya Ethnic Group (Myanmar)"


# ----- the ruler and assign_roles on our own sentences (the trained model) -----


@pytest.fixture(scope="module")
def code(actor_nlp, kb):
    def run(text: str, etype: str, sub: str, country: str, year: int) -> Roles:
        doc = actor_nlp(text)
        return assign_roles(list(doc.sents), etype, sub, country, year, kb)

    return run


CASES = [
    (
        "Turkish forces shelled YPG positions near Afrin on Tuesday.",
        EXPL,
        SHELL,
        "Syria",
        2018,
        {
            "actor1": "Military Forces of Turkey (2002-)",
            "inter1": "External/Other forces",
            "actor2": YPG,
            "inter2": "Rebel group",
        },
    ),
    (
        "Turkish-backed Syrian rebels clashed with Kurdish fighters east of Manbij.",
        BATTLES,
        CLASH,
        "Syria",
        2019,
        {"actor1": "Syrian National Army", "actor2": YPG},
    ),
    (
        "Islamic State militants attacked an SDF checkpoint in Deir ez-Zor.",
        BATTLES,
        CLASH,
        "Syria",
        2022,
        {"actor1": "Islamic State (Syria)", "actor2": "SDF: Syrian Democratic Forces"},
    ),
    (
        "Syrian army troops backed by Russian warplanes recaptured three villages from HTS in Idlib.",
        BATTLES,
        "Government regains territory",
        "Syria",
        2019,
        {
            "actor1": "Military Forces of Syria (2000-2024)",
            "assoc_actor_1": "Military Forces of Russia (2000-)",
            "actor2": "HTS: Hayat Tahrir al-Sham",
        },
    ),
    # territorial changes: the government regains, a non-state group overtakes
    (
        "The army said it had regained the suburbs and was pressing on towards the town held by "
        "the Jaish al-Islam group.",
        BATTLES,
        "Government regains territory",
        "Syria",
        2018,
        {"actor1": "Military Forces of Syria (2000-2024)", "actor2": "Jaish al-Islam"},
    ),
    (
        "The Myanmar army lost the town of Paletwa to the Arakan Army after weeks of fighting.",
        BATTLES,
        "Non-state actor overtakes territory",
        "Myanmar",
        2024,
        {"actor1": "AA: Arakan Army", "actor2": "Military Forces of Myanmar (2021-)"},
    ),
    (
        "PKK militants killed two Turkish soldiers in Hakkari province.",
        BATTLES,
        CLASH,
        "Turkey",
        2019,
        {"actor1": "PKK: Kurdistan Workers Party", "actor2": "Military Forces of Turkey (2002-)"},
    ),
    (
        "Israeli settlers set fire to cars and homes in a Palestinian village near Nablus.",
        VAC,
        ATTACK,
        "Palestine",
        2024,
        {"actor1": "Settlers (Israel)", "actor2": "Civilians (Palestine)"},
    ),
    # a group keeps its name where it operates outside its own country
    (
        "Hamas fighters fired rockets at southern Israel.",
        EXPL,
        SHELL,
        "Israel",
        2023,
        {"actor1": "Hamas Movement", "inter1": "Political militia"},
    ),
    (
        "The Sinaloa Cartel's Chapitos faction clashed with La Mayiza gunmen in Culiacan.",
        BATTLES,
        CLASH,
        "Mexico",
        2024,
        {"actor1": "Sinaloa Cartel (Chapitos Faction)", "actor2": "Sinaloa Cartel (Mayos Faction)"},
    ),
    (
        "Iraqi troops killed five Islamic State militants in an operation near Kirkuk.",
        BATTLES,
        CLASH,
        "Iraq",
        2021,
        {
            "actor1": "Military Forces of Iraq (2020-2022)",
            "inter1": "State forces",
            "actor2": "Islamic State (Iraq)",
        },
    ),
    (
        "Israeli warplanes struck a Hamas training site in the Gaza Strip overnight.",
        EXPL,
        AIR,
        "Palestine",
        2023,
        {"actor1": "Military Forces of Israel (2022-)", "actor2": "Hamas Movement"},
    ),
    (
        "Hezbollah fired rockets at an Israeli army post near the border.",
        EXPL,
        SHELL,
        "Lebanon",
        2024,
        {
            "actor1": "Hezbollah",
            "actor2": "Military Forces of Israel (2022-)",
            "inter2": "External/Other forces",
        },
    ),
    (
        "Houthi rebels attacked Yemeni government forces near Marib.",
        BATTLES,
        CLASH,
        "Yemen",
        2021,
        {"actor1": "Houthi Movement (Ansar Allah)", "actor2": "Military Forces of Yemen (2012-2022)"},
    ),
    (
        "Taliban fighters ambushed an Afghan army convoy in Helmand, killing six soldiers.",
        BATTLES,
        CLASH,
        "Afghanistan",
        2019,
        {
            "actor1": "Taliban",
            "inter1": "Rebel group",
            "actor2": "Military Forces of Afghanistan (2014-2021)",
        },
    ),
    (
        "Taliban forces clashed with the National Resistance Front in the Panjshir valley.",
        BATTLES,
        CLASH,
        "Afghanistan",
        2022,
        {
            "actor1": "Military Forces of Afghanistan (2021-)",
            "inter1": "State forces",
            "actor2": "NRF: National Resistance Front",
        },
    ),
    (
        "ISKP claimed a suicide bombing at a mosque in Kunduz that killed dozens of worshippers.",
        EXPL,
        "Suicide bomb",
        "Afghanistan",
        2021,
        {"actor1": "Islamic State (Afghanistan)", "actor2": "Civilians (Afghanistan)"},
    ),
    (
        "Pakistani Taliban militants attacked a police checkpoint in Khyber Pakhtunkhwa.",
        BATTLES,
        CLASH,
        "Pakistan",
        2023,
        {"actor1": "TTP: Tehreek-i-Taliban Pakistan", "actor2": "Police Forces of Pakistan (2022-)"},
    ),
    (
        "Baloch separatists killed four Frontier Corps soldiers in Turbat.",
        BATTLES,
        CLASH,
        "Pakistan",
        2024,
        {"actor1": "BLA: Balochistan Liberation Army", "actor2": "Military Forces of Pakistan (2022-)"},
    ),
    (
        "Indian security forces killed two Lashkar-e-Taiba militants in a gunfight in Shopian.",
        BATTLES,
        CLASH,
        "India",
        2020,
        {"actor1": "Military Forces of India (2014-)", "actor2": "Lashkar-e-Taiba"},
    ),
    (
        "Maoist rebels ambushed a CRPF patrol in Chhattisgarh, killing nine.",
        BATTLES,
        CLASH,
        "India",
        2021,
        {
            "actor1": "CPI (Maoist): Communist Party of India (Maoist)",
            "actor2": "Police Forces of India (2014-)",
        },
    ),
    (
        "The Arakan Army seized a military base from the Myanmar army in Rakhine State.",
        BATTLES,
        "Non-state actor overtakes territory",
        "Myanmar",
        2024,
        {"actor1": "AA: Arakan Army", "actor2": "Military Forces of Myanmar (2021-)"},
    ),
    (
        "Junta troops torched homes in a village in Sagaing, residents said.",
        VAC,
        ATTACK,
        "Myanmar",
        2022,
        {"actor1": "Military Forces of Myanmar (2021-)", "actor2": "Civilians (Myanmar)"},
    ),
    (
        "Philippine soldiers clashed with New People's Army guerrillas in Samar.",
        BATTLES,
        CLASH,
        "Philippines",
        2020,
        {"actor1": "Military Forces of Philippines (2016-2022)", "actor2": "NPA: New People's Army"},
    ),
    (
        "Abu Sayyaf gunmen kidnapped three fishermen off Sulu.",
        VAC,
        "Abduction/forced disappearance",
        "Philippines",
        2019,
        {
            "actor1": "Abu Sayyaf Group",
            "actor2": "Civilians (Philippines)",
            "assoc_actor_2": "Fishers (Philippines)",
        },
    ),
    (
        "ELN guerrillas attacked a Colombian army base in Arauca.",
        BATTLES,
        CLASH,
        "Colombia",
        2022,
        {"actor1": "ELN: National Liberation Army", "actor2": "Military Forces of Colombia (2022-)"},
    ),
    (
        "FARC dissidents killed two social leaders in Cauca.",
        VAC,
        ATTACK,
        "Colombia",
        2023,
        {"actor1": "EMC: FARC-EP Central General Staff", "actor2": "Civilians (Colombia)"},
    ),
    (
        "Mexican soldiers clashed with gunmen of the Jalisco New Generation Cartel in Michoacan.",
        BATTLES,
        CLASH,
        "Mexico",
        2022,
        {
            "actor1": "Military Forces of Mexico (2018-2024)",
            "actor2": "CJNG: Jalisco New Generation Cartel",
            "inter2": "Political militia",
        },
    ),
    (
        "Gangs of the Viv Ansanm coalition attacked a police station in Port-au-Prince.",
        BATTLES,
        CLASH,
        "Haiti",
        2024,
        {"actor1": "Viv Ansanm", "actor2": "Police Forces of Haiti (2024-)"},
    ),
    (
        "Russian forces shelled residential areas of Kharkiv, killing three civilians.",
        EXPL,
        SHELL,
        "Ukraine",
        2022,
        {
            "actor1": "Military Forces of Russia (2000-)",
            "inter1": "External/Other forces",
            "actor2": "Civilians (Ukraine)",
        },
    ),
    (
        "Pro-Russian separatists attacked Ukrainian troops near Donetsk.",
        BATTLES,
        CLASH,
        "Ukraine",
        2018,
        {
            "actor1": "NAF: United Armed Forces of Novorossiya",
            "actor2": "Military Forces of Ukraine (2014-2019)",
        },
    ),
    (
        "A US drone strike killed an al-Shabaab commander near Jilib.",
        EXPL,
        AIR,
        "Somalia",
        2023,
        {
            "actor1": "Military Forces of United States (2021-2025)",
            "inter1": "External/Other forces",
            "actor2": "Al Shabaab",
        },
    ),
    (
        "NATO troops and Afghan commandos killed 12 Taliban fighters in Kunduz province.",
        BATTLES,
        CLASH,
        "Afghanistan",
        2018,
        {
            "actor1": "NATO: North Atlantic Treaty Organization",
            "assoc_actor_1": "Military Forces of Afghanistan (2014-2021)",
            "actor2": "Taliban",
        },
    ),
    (
        "Al-Shabaab fighters attacked an Amisom base near Kismayo.",
        BATTLES,
        CLASH,
        "Somalia",
        2019,
        {"actor1": "Al Shabaab", "actor2": "AMISOM: African Union Mission in Somalia"},
    ),
    (
        "Police in Dhaka fired tear gas at protesters demanding the resignation of the prime minister.",
        "Protests",
        "Protest with intervention",
        "Bangladesh",
        2024,
        {"actor1": "Protesters (Bangladesh)", "actor2": "Police Forces of Bangladesh (2024-)"},
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "etype", "sub", "country", "year", "expected"), CASES)
def test_roles_outside_africa(code, text, etype, sub, country, year, expected) -> None:
    roles = code(text, etype, sub, country, year)
    got = {k: getattr(roles, k) for k in expected}
    assert got == expected, text


# Ordinary sentences that share words with aliases (Gulf, resistance, Giants, drones, demonyms).
ORDINARY = [
    "Let me know if the PDF of the annual report opens on your phone.",
    "The Gulf states signed a trade agreement on shipping and ports.",
    "She flew from Paris to Toronto and spent a week on Lake Garda in Italy.",
    "A new Kia model and a Toyota pickup were shown at the motor show in Seoul.",
    "The central bank raised interest rates as inflation rose in Mexico and Brazil.",
    "The resistance of the new material was measured in the laboratory.",
    "Officials inspected a bakery in Leeds after complaints about hygiene.",
    "The Indian cricket team beat Pakistan by six wickets in Colombo.",
    "Turkish coffee and Syrian sweets were served at the festival in Berlin.",
    "Scientists at an American university published a study on drones used in farming.",
    "Our security team will review the new guidelines next week.",
    "The Giants beat the Eagles in the final game of the season.",
    "The red command line tool prints the status of every job.",
    "Palestinian embroidery and Israeli wines were on display at the fair.",
    "He collected stamps from Afghan, Iraqi and Iranian post offices.",
    "The national resistance of the team to fatigue impressed the coaches.",
]


@pytest.mark.model
def test_ordinary_sentences_name_no_actor(actor_nlp) -> None:
    for text in ORDINARY:
        doc = actor_nlp(text)
        assert [(s.text, s.label_) for s in doc.spans["actors"]] == [], text
