"""assign_roles on sentences written for these tests (ACLED codebook conventions)."""

from __future__ import annotations

import pytest

from conflictwatch.actors.kb import ActorKB
from conflictwatch.actors.roles import Roles, assign_roles

pytestmark = pytest.mark.model

VAC, ATTACK = "Violence against civilians", "Attack"
BATTLES, CLASH = "Battles", "Armed clash"
EXPL = "Explosions/Remote violence"
JNIM = "JNIM: Group for Support of Islam and Muslims"
ISWAP = "Islamic State (West Africa) - Lake Chad Faction"


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def code(actor_nlp, kb):
    def run(text: str, etype: str, sub: str, country: str | None, year: int | None) -> tuple[Roles, str]:
        doc = actor_nlp(text)
        return assign_roles(list(doc.sents), etype, sub, country, year, kb), text

    return run


CASES = [
    # active voice, named perpetrator, VAC victims with the affected group
    (
        "JNIM militants and Dozo hunters killed six Fulani herders near Diafarabé.",
        VAC,
        ATTACK,
        "Mali",
        2024,
        {
            "actor1": JNIM,
            "assoc_actor_1": "Dozo Communal Militia (Mali)",
            "inter1": "Rebel group",
            "actor2": "Civilians (Mali)",
            "assoc_actor_2": "Fulani Ethnic Group (Mali)",
            "inter2": "Civilians",
            "civilian_targeting": "Civilian targeting",
        },
    ),
    # suspected attribution keeps the named group, tagged
    (
        "Suspected JNIM militants killed twelve villagers near Bankass on Tuesday.",
        VAC,
        ATTACK,
        "Mali",
        2024,
        {"actor1": JNIM, "actor2": "Civilians (Mali)", "tags": ["suspected"]},
    ),
    (
        "Gunmen believed to be ISWAP fighters killed eight farmers outside Maiduguri.",
        VAC,
        ATTACK,
        "Nigeria",
        2022,
        {
            "actor1": ISWAP,
            "actor2": "Civilians (Nigeria)",
            "assoc_actor_2": "Farmers (Nigeria)",
            "tags": ["suspected"],
        },
    ),
    # passive with "by"
    (
        "At least 30 civilians were killed by ADF rebels in Beni territory overnight.",
        VAC,
        ATTACK,
        "Democratic Republic of Congo",
        2024,
        {"actor1": "ADF: Allied Democratic Forces", "actor2": "Civilians (Democratic Republic of Congo)"},
    ),
    (
        "Villagers who were abducted by gunmen last week were freed on Sunday.",
        VAC,
        "Abduction/forced disappearance",
        "Nigeria",
        2021,
        {
            "actor1": "Unidentified Armed Group (Nigeria)",
            "inter1": "Political militia",
            "actor2": "Civilians (Nigeria)",
        },
    ),
    # unnamed perpetrators
    (
        "Terrorists stormed a hotel in the capital and killed 20 people.",
        VAC,
        ATTACK,
        "Mali",
        2015,
        {"actor1": "Unidentified Armed Group (Mali)", "actor2": "Civilians (Mali)", "assoc_actor_2": None},
    ),
    (
        "Bandits abducted 25 students from a boarding school in Kaduna State.",
        VAC,
        "Abduction/forced disappearance",
        "Nigeria",
        2024,
        {"actor1": "Unidentified Armed Group (Nigeria)", "assoc_actor_2": "Students (Nigeria)"},
    ),
    (
        "Gunmen opened fire on worshippers at a mosque in the east, killing 14.",
        VAC,
        ATTACK,
        "Burkina Faso",
        2024,
        {"actor1": "Unidentified Armed Group (Burkina Faso)", "assoc_actor_2": "Muslim Group (Burkina Faso)"},
    ),
    # ethnic militia as perpetrator
    (
        "Fulani herdsmen attacked farmers in Benue State, killing nine.",
        VAC,
        ATTACK,
        "Nigeria",
        2023,
        {
            "actor1": "Fulani Ethnic Militia (Nigeria)",
            "inter1": "Identity militia",
            "assoc_actor_2": "Farmers (Nigeria)",
        },
    ),
    # state forces with regime years and foreign associates
    (
        "Malian soldiers and Wagner mercenaries executed dozens of civilians in a village market.",
        VAC,
        ATTACK,
        "Mali",
        2022,
        {
            "actor1": "Military Forces of Mali (2021-)",
            "assoc_actor_1": "Wagner Group",
            "actor2": "Civilians (Mali)",
        },
    ),
    (
        "Malian soldiers, backed by Russian forces, killed ten jihadists near Tessit.",
        BATTLES,
        CLASH,
        "Mali",
        2024,
        {
            "actor1": "Military Forces of Mali (2021-)",
            "assoc_actor_1": "Military Forces of Russia (2000-)",
            "actor2": "Unidentified Armed Group (Mali)",
        },
    ),
    (
        "Malian soldiers killed four militants in the Segou region.",
        BATTLES,
        CLASH,
        "Mali",
        2016,
        {"actor1": "Military Forces of Mali (2013-2020)", "actor2": "Unidentified Armed Group (Mali)"},
    ),
    (
        "French Barkhane forces killed 15 jihadists in the Liptako region.",
        BATTLES,
        CLASH,
        "Mali",
        2019,
        {"actor1": "Military Forces of France (2017-)", "inter1": "External/Other forces"},
    ),
    # battles: the victims are the other side
    (
        "Five soldiers died in an ambush by JNIM near Boulkessi.",
        BATTLES,
        CLASH,
        "Mali",
        2024,
        {"actor1": JNIM, "actor2": "Military Forces of Mali (2021-)", "inter2": "State forces"},
    ),
    (
        "Clashes between the army and JNIM left 20 dead near Nioro.",
        BATTLES,
        CLASH,
        "Mali",
        2024,
        {"actor1": "Military Forces of Mali (2021-)", "actor2": JNIM},
    ),
    (
        "Shells fell on the market of Gao, wounding four traders. Ansar Dine is believed to be behind the fire.",
        EXPL,
        "Shelling/artillery/missile attack",
        "Mali",
        2015,
        {
            "actor1": "Ansar Dine",
            "actor2": "Civilians (Mali)",
            "assoc_actor_2": "Traders (Mali)",
            "tags": ["suspected"],
            "civilian_targeting": "Civilian targeting",
        },
    ),
    (
        "Al-Shabaab was blamed for the bombing of a hotel in Kismayo.",
        EXPL,
        "Suicide bomb",
        "Somalia",
        2024,
        {"actor1": "Al Shabaab", "tags": ["suspected"]},
    ),
    (
        "Somali troops backed by Macawisley clan militias recaptured Adan Yabaal from al-Shabaab.",
        BATTLES,
        "Government regains territory",
        "Somalia",
        2022,
        {
            "actor1": "Military Forces of Somalia (2022-)",
            "assoc_actor_1": "Macawisley Militia",
            "actor2": "Al Shabaab",
        },
    ),
    (
        "A suicide bomber from al-Shabaab blew himself up at a restaurant in Mogadishu, killing 8 people.",
        EXPL,
        "Suicide bomb",
        "Somalia",
        2022,
        {"actor1": "Al Shabaab", "actor2": "Civilians (Somalia)", "civilian_targeting": "Civilian targeting"},
    ),
    (
        "Soldiers and VDP auxiliaries killed at least 220 villagers in two hamlets, a rights group said.",
        VAC,
        ATTACK,
        "Burkina Faso",
        2024,
        {
            "actor1": "Military Forces of Burkina Faso (2022-)",
            "assoc_actor_1": "VDP: Volunteers for the Defense of the Homeland",
            "actor2": "Civilians (Burkina Faso)",
        },
    ),
    (
        "RSF fighters and allied Arab militias killed hundreds of Masalit civilians in El Geneina.",
        VAC,
        ATTACK,
        "Sudan",
        2023,
        {
            "actor1": "RSF: Rapid Support Forces",
            "assoc_actor_1": "Arab Ethnic Militia (Sudan)",
            "assoc_actor_2": "Masalit Ethnic Group (Sudan)",
        },
    ),
    (
        "CPC rebels ambushed FACA soldiers and Russian instructors near Bambari.",
        BATTLES,
        CLASH,
        "Central African Republic",
        2021,
        {
            "actor1": "CPC: Coalition of Patriots for Change",
            "actor2": "Military Forces of Central African Republic (2016-)",
            "assoc_actor_2": "Wagner Group",
        },
    ),
    (
        "A mob set fire to a student accused of blasphemy in Sokoto.",
        "Riots",
        "Mob violence",
        "Nigeria",
        2023,
        {
            "actor1": "Rioters (Nigeria)",
            "assoc_actor_1": None,
            "actor2": "Civilians (Nigeria)",
            "assoc_actor_2": "Students (Nigeria)",
        },
    ),
    (
        "According to the army, JNIM fighters attacked a checkpoint near Sevare overnight.",
        BATTLES,
        CLASH,
        "Mali",
        2024,
        {"actor1": JNIM, "actor2": "Military Forces of Mali (2021-)", "inter2": "State forces"},
    ),
    (
        "Gunmen stormed a police station in Bamenda and freed detainees.",
        BATTLES,
        CLASH,
        "Cameroon",
        2022,
        {"actor1": "Unidentified Armed Group (Cameroon)", "actor2": "Police Forces of Cameroon (1982-)"},
    ),
    (
        "Nine women said they had been raped by armed men near a displacement site outside Bunia.",
        VAC,
        "Sexual violence",
        "Democratic Republic of Congo",
        2024,
        {
            "actor1": "Unidentified Armed Group (Democratic Republic of Congo)",
            "assoc_actor_2": "Women (Democratic Republic of Congo)",
        },
    ),
    (
        "The massacre, attributed to the Islamic State in the Greater Sahara, left 137 villagers dead.",
        VAC,
        ATTACK,
        "Niger",
        2021,
        {"actor1": "Islamic State (Sahel)", "actor2": "Civilians (Niger)", "tags": ["suspected"]},
    ),
    (
        "The attack, claimed by JNIM, targeted a military detachment in Mansila.",
        BATTLES,
        CLASH,
        "Burkina Faso",
        2024,
        {
            "actor1": JNIM,
            "actor2": "Military Forces of Burkina Faso (2022-)",
            "tags": ["claimed responsibility"],
        },
    ),
    (
        "Eritrean troops fought alongside Ethiopian forces against the TPLF near Shire.",
        BATTLES,
        CLASH,
        "Ethiopia",
        2021,
        {
            "actor1": "Military Forces of Eritrea (1993-)",
            "inter1": "External/Other forces",
            "assoc_actor_1": "Military Forces of Ethiopia (2018-)",
            "actor2": "TPLF: Tigray People's Liberation Front",
        },
    ),
    (
        "Men in military uniforms executed 28 civilians in Zaongo, witnesses said.",
        VAC,
        ATTACK,
        "Burkina Faso",
        2023,
        {"actor1": "Unidentified Armed Group (Burkina Faso)"},
    ),
    (
        "Unknown assailants on motorbikes opened fire on a weekly market, killing 15 traders and herders.",
        VAC,
        ATTACK,
        "Burkina Faso",
        2024,
        {"assoc_actor_2": "Traders (Burkina Faso); Herders (Burkina Faso)"},
    ),
    (
        "The MNLA and Ansar Dine seized Kidal after government troops withdrew.",
        BATTLES,
        "Non-state actor overtakes territory",
        "Mali",
        2012,
        {
            "actor1": "MNLA: National Movement for the Liberation of Azawad",
            "assoc_actor_1": "Ansar Dine",
            "actor2": "Military Forces of Mali (2012-2013)",
        },
    ),
    # French text is parsed by the English model: the positional fallbacks still code it
    (
        "Des éléments présumés du JNIM ont tué douze villageois près de Dori.",
        VAC,
        ATTACK,
        "Burkina Faso",
        2023,
        {"actor1": JNIM, "actor2": "Civilians (Burkina Faso)", "tags": ["suspected"]},
    ),
    (
        "Des terroristes ont attaqué un poste de l'armée burkinabè à Djibo.",
        BATTLES,
        CLASH,
        "Burkina Faso",
        2023,
        {
            "actor1": "Unidentified Armed Group (Burkina Faso)",
            "actor2": "Military Forces of Burkina Faso (2022-)",
        },
    ),
    (
        "JNIM and Islamic State Sahel fighters clashed near Tessit on Sunday.",
        BATTLES,
        CLASH,
        "Mali",
        2023,
        {"actor1": JNIM, "assoc_actor_1": None, "actor2": "Islamic State (Sahel)"},
    ),
    (
        "Malian soldiers and Dozo hunters clashed with JNIM militants near Djenne.",
        BATTLES,
        CLASH,
        "Mali",
        2023,
        {
            "actor1": "Military Forces of Mali (2021-)",
            "assoc_actor_1": "Dozo Communal Militia (Mali)",
            "actor2": JNIM,
        },
    ),
    (
        "Fighters of the Islamic State in the Greater Sahara clashed with JNIM militants near Menaka.",
        BATTLES,
        CLASH,
        "Mali",
        2021,
        {"actor1": "Islamic State (Sahel)", "actor2": JNIM, "inter2": "Rebel group"},
    ),
    (
        "The RSF attacked SAF positions in Omdurman at dawn.",
        BATTLES,
        CLASH,
        "Sudan",
        2023,
        {"actor1": "RSF: Rapid Support Forces", "actor2": "Military Forces of Sudan (2019-)"},
    ),
    (
        "Islamic State Sahel claimed responsibility for the attack on an army post in Markoye.",
        BATTLES,
        CLASH,
        "Burkina Faso",
        2023,
        {
            "actor1": "Islamic State (Sahel)",
            "actor2": "Military Forces of Burkina Faso (2022-)",
            "tags": ["claimed responsibility"],
        },
    ),
    (
        "The army said militants attacked the base, killing 12 soldiers.",
        BATTLES,
        CLASH,
        "Mali",
        2022,
        {"actor1": "Unidentified Armed Group (Mali)", "actor2": "Military Forces of Mali (2021-)"},
    ),
    (
        "Nigerian troops and CJTF members repelled an ISWAP attack on Monguno.",
        BATTLES,
        CLASH,
        "Nigeria",
        2024,
        {
            "actor1": "Military Forces of Nigeria (2023-)",
            "assoc_actor_1": "CJTF: Civilian Joint Task Force",
            "actor2": ISWAP,
        },
    ),
    (
        "Al-Shabaab fighters attacked AU troops in Lower Shabelle.",
        BATTLES,
        CLASH,
        "Somalia",
        2023,
        {
            "actor1": "Al Shabaab",
            "actor2": "ATMIS: African Union Transition Mission in Somalia",
            "inter2": "External/Other forces",
        },
    ),
    (
        "M23 rebels captured the town of Walikale after Congolese troops withdrew.",
        BATTLES,
        "Non-state actor overtakes territory",
        "Democratic Republic of Congo",
        2025,
        {
            "actor1": "M23: March 23 Movement",
            "assoc_actor_1": None,
            "actor2": "Military Forces of Democratic Republic of Congo (2019-)",
        },
    ),
    (
        "Separatist fighters attacked a gendarmerie post in Bamenda.",
        BATTLES,
        CLASH,
        "Cameroon",
        2022,
        {"actor1": "Ambazonian Separatists", "actor2": "Military Forces of Cameroon (1982-)"},
    ),
    (
        "Separatist rebels attacked federal troops near the border.",
        BATTLES,
        CLASH,
        "Ethiopia",
        2024,
        {"actor1": "Unidentified Armed Group (Ethiopia)"},
    ),
    # remote violence
    (
        "Four soldiers were killed when their vehicle struck an improvised explosive device near Djibo.",
        EXPL,
        "Remote explosive/landmine/IED",
        "Burkina Faso",
        2024,
        {
            "actor1": "Unidentified Armed Group (Burkina Faso)",
            "actor2": "Military Forces of Burkina Faso (2022-)",
            "civilian_targeting": None,
        },
    ),
    (
        "A Sudanese army drone strike killed 15 civilians at a market in Nyala.",
        EXPL,
        "Air/drone strike",
        "Sudan",
        2024,
        {
            "actor1": "Military Forces of Sudan (2019-)",
            "actor2": "Civilians (Sudan)",
            "civilian_targeting": "Civilian targeting",
        },
    ),
    # demonstrations
    (
        "Police fired tear gas at students protesting in Bamako.",
        "Protests",
        "Excessive force against protesters",
        "Mali",
        2023,
        {
            "actor1": "Protesters (Mali)",
            "assoc_actor_1": "Students (Mali)",
            "inter1": "Protesters",
            "actor2": "Police Forces of Mali (2021-)",
        },
    ),
    (
        "Thousands of demonstrators marched in Niamey to demand the departure of French troops.",
        "Protests",
        "Peaceful protest",
        "Niger",
        2023,
        {"actor1": "Protesters (Niger)", "actor2": None},
    ),
    (
        "Traders protested against new taxes and were dispersed.",
        "Protests",
        "Protest with intervention",
        "Senegal",
        2025,
        {
            "actor1": "Protesters (Senegal)",
            "assoc_actor_1": "Traders (Senegal)",
            "actor2": "Police Forces of Senegal (2024-)",
        },
    ),
    (
        "Rioters burned tyres and threw stones at police in Nairobi.",
        "Riots",
        "Violent demonstration",
        "Kenya",
        2024,
        {"actor1": "Rioters (Kenya)", "inter1": "Rioters", "actor2": "Police Forces of Kenya (2022-)"},
    ),
    (
        "An angry mob lynched a man accused of theft in Kano.",
        "Riots",
        "Mob violence",
        "Nigeria",
        2022,
        {
            "actor1": "Rioters (Nigeria)",
            "actor2": "Civilians (Nigeria)",
            "civilian_targeting": "Civilian targeting",
        },
    ),
    # a transnational parent stands for its local branch; a name given in apposition wins
    (
        "An Islamist militia with ties to al-Qaeda assaulted a gendarmerie school in the capital.",
        BATTLES,
        CLASH,
        "Mali",
        2024,
        {"actor1": JNIM, "actor2": "Military Forces of Mali (2021-)"},
    ),
    (
        "A jihadist group affiliated with the Islamic State, known as ISWAP, claimed the raid on the barracks.",
        BATTLES,
        CLASH,
        "Nigeria",
        2023,
        {"actor1": ISWAP, "tags": ["claimed responsibility"]},
    ),
    (
        "Fighters loyal to the Islamic State beheaded three villagers in Cabo Delgado.",
        VAC,
        ATTACK,
        "Mozambique",
        2022,
        {"actor1": "Islamic State (Mozambique)", "actor2": "Civilians (Mozambique)"},
    ),
    (
        "Fighters loyal to the Islamic State beheaded three villagers.",
        VAC,
        ATTACK,
        "Ghana",
        2022,
        {"actor1": "Islamic State"},
    ),
    # civilians only act when they use violence
    (
        "Gunmen burst into a dormitory where students were sleeping and killed four of them.",
        VAC,
        ATTACK,
        "Nigeria",
        2024,
        {"actor1": "Unidentified Armed Group (Nigeria)", "actor2": "Civilians (Nigeria)"},
    ),
    (
        "Rebels shelled the outskirts of Mali's capital, hitting positions of Mali's army.",
        EXPL,
        "Shelling/artillery/missile attack",
        "Mali",
        2024,
        {"actor1": "Unidentified Armed Group (Mali)", "actor2": "Military Forces of Mali (2021-)"},
    ),
    # strategic developments
    (
        "Police arrested 20 protesters in Bamako.",
        "Strategic developments",
        "Arrests",
        "Mali",
        2024,
        {"actor1": "Police Forces of Mali (2021-)", "actor2": "Protesters (Mali)"},
    ),
    (
        "Security forces detained two journalists in Ouagadougou on Tuesday.",
        "Strategic developments",
        "Arrests",
        "Burkina Faso",
        2023,
        {
            "actor1": "Military Forces of Burkina Faso (2022-)",
            "actor2": "Civilians (Burkina Faso)",
            "assoc_actor_2": "Journalists (Burkina Faso)",
        },
    ),
    (
        "Commanders of the SSPDF and of the NAS signed a truce in Yei, church mediators said.",
        "Strategic developments",
        "Agreement",
        "South Sudan",
        2024,
        {"actor1": "Military Forces of South Sudan (2011-)", "actor2": "NAS: National Salvation Front"},
    ),
    (
        "The gunmen, described by villagers as Ansaru fighters, abducted a district head near Birnin Gwari.",
        VAC,
        "Abduction/forced disappearance",
        "Nigeria",
        2022,
        {"actor1": "Ansaru", "actor2": "Civilians (Nigeria)", "tags": ["suspected"]},
    ),
    (
        "RSF fighters looted shops and burned homes in Wad Madani.",
        "Strategic developments",
        "Looting/property destruction",
        "Sudan",
        2024,
        {"actor1": "RSF: Rapid Support Forces", "actor2": "Civilians (Sudan)"},
    ),
]


@pytest.mark.parametrize(
    ("text", "etype", "sub", "country", "year", "expected"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_roles(code, text, etype, sub, country, year, expected) -> None:
    roles, _ = code(text, etype, sub, country, year)
    got = roles.model_dump()
    for field, value in expected.items():
        assert got[field] == value, (field, got)


def test_evidence_points_at_the_mentions(code) -> None:
    roles, text = code(
        "JNIM militants and Dozo hunters killed six Fulani herders near Diafarabé.", VAC, ATTACK, "Mali", 2024
    )
    by_field = {e.field: text[e.start : e.end] for e in roles.evidence}
    assert by_field["actor1"] in ("JNIM", "militants")
    assert by_field["assoc_actor_1"] == "Dozo hunters"
    assert by_field["actor2"] == "Fulani herders"
    assert all(e.text == text[e.start : e.end] for e in roles.evidence)


def test_suspected_lowers_confidence(code) -> None:
    sure, _ = code("JNIM militants killed twelve villagers near Bankass.", VAC, ATTACK, "Mali", 2024)
    unsure, _ = code(
        "Suspected JNIM militants killed twelve villagers near Bankass.", VAC, ATTACK, "Mali", 2024
    )
    assert sure.actor1 == unsure.actor1 == JNIM
    assert unsure.confidence < sure.confidence
    assert sure.tags == [] and unsure.tags == ["suspected"]


def test_several_clauses_of_one_event(actor_nlp, kb) -> None:
    doc = actor_nlp(
        "Heavy fighting broke out near Kidal on Monday. FLA fighters said they ambushed a convoy. "
        "Several Malian soldiers and Russian fighters were killed."
    )
    roles = assign_roles(list(doc.sents), BATTLES, CLASH, "Mali", 2025, kb)
    assert roles.actor1 == "FLA: Azawad Liberation Front"
    assert roles.actor2 == "Military Forces of Mali (2021-)"
    assert roles.assoc_actor_2 == "Military Forces of Russia (2000-)"


def test_pronoun_takes_the_actor_named_before(actor_nlp, kb) -> None:
    doc = actor_nlp(
        "ADF rebels have been active around Oicha for months. On Monday they attacked a hospital, "
        "killing nine patients."
    )
    clause = [s for s in doc.sents if "they attacked" in s.text]
    roles = assign_roles(clause, VAC, ATTACK, "Democratic Republic of Congo", 2024, kb)
    assert roles.actor1 == "ADF: Allied Democratic Forces"
    assert roles.actor2 == "Civilians (Democratic Republic of Congo)"
    assert roles.confidence <= 0.5
    assert [e.text for e in roles.evidence if e.field == "actor1"] == ["ADF rebels"]


def test_no_mentions_gives_defaults(actor_nlp, kb) -> None:
    doc = actor_nlp("An explosion hit the market on Friday.")
    roles = assign_roles(list(doc.sents), EXPL, "Remote explosive/landmine/IED", "Niger", 2024, kb)
    assert roles.actor1 == "Unidentified Armed Group (Niger)"
    assert roles.actor2 is None and roles.confidence == 0.5
    assert assign_roles([], "Protests", "Peaceful protest", "Ghana", 2024, kb).actor1 == "Protesters (Ghana)"


def test_every_sub_event_type_codes_valid_inters(actor_nlp, kb) -> None:
    from conflictwatch import taxonomy

    doc = actor_nlp("Suspected jihadists and Dozo hunters attacked soldiers, police and traders near Mopti.")
    for sub, etype in taxonomy.SUB_EVENT_TYPES.items():
        for country, year in (("Mali", 2024), (None, None)):
            roles = assign_roles(list(doc.sents), etype, sub, country, year, kb)
            for inter in (roles.inter1, roles.inter2):
                assert inter is None or inter in taxonomy.INTER_CODES, (sub, inter)
            assert (roles.actor1 is None) == (roles.inter1 is None)
            assert 0.0 <= roles.confidence <= 1.0
            assert all(doc.text[e.start : e.end] == e.text for e in roles.evidence)
            if etype == taxonomy.VIOLENCE_AGAINST_CIVILIANS:
                assert roles.actor2 is not None and roles.actor2.startswith("Civilians")
                assert roles.civilian_targeting == "Civilian targeting"


def test_doc_without_actor_spans(kb) -> None:
    import spacy

    doc = spacy.blank("en")("Gunmen killed five villagers.")
    roles = assign_roles([doc[:]], "Violence against civilians", "Attack", "Niger", 2024, kb)
    assert (roles.actor1, roles.actor2) == ("Unidentified Armed Group (Niger)", "Civilians (Niger)")


def test_remote_violence_victims_beat_an_unnamed_claimed_target(actor_nlp, kb) -> None:
    doc = actor_nlp(
        "A drone strike hit a crowded market in Kalaa, killing 20 people. The army said its aircraft "
        "struck only terrorists."
    )
    roles = assign_roles(list(doc.sents), EXPL, "Air/drone strike", "Burkina Faso", 2024, kb)
    assert roles.actor1 == "Military Forces of Burkina Faso (2022-)"
    assert roles.actor2 == "Civilians (Burkina Faso)"
    assert roles.civilian_targeting == "Civilian targeting"


def test_battle_without_armed_opponent_keeps_its_victims(actor_nlp, kb) -> None:
    doc = actor_nlp("Dan Na Ambassagou militiamen shot dead three Fulani herders near Bankass.")
    roles = assign_roles(list(doc.sents), BATTLES, CLASH, "Mali", 2022, kb)
    assert roles.actor1 == "Dan Na Ambassagou"
    assert (roles.actor2, roles.assoc_actor_2) == ("Civilians (Mali)", "Fulani Ethnic Group (Mali)")
    assert roles.civilian_targeting is None  # a battle, as typed; the victims are still coded


@pytest.mark.parametrize(
    ("second", "expected", "tagged"),
    [
        ("On Sunday the militants ambushed an army patrol near Dori, killing four soldiers.", "ISGS", True),
        ("On Sunday gunmen ambushed an army patrol near Dori, killing four soldiers.", None, False),
    ],
)
def test_militants_in_an_article_naming_one_group_are_that_group(actor_nlp, kb, second, expected, tagged) -> None:
    """'the militants' of an article that names one armed group are that group, tagged; 'gunmen'
    stay unidentified, as the codebook codes a perpetrator nobody named."""
    first = "The Islamic State Sahel Province has stepped up its raids in the Seno province this year. "
    doc = actor_nlp(first + second)
    event = [s for s in doc.sents if s.start_char >= len(first) - 1]
    roles = assign_roles(event, "Battles", "Armed clash", "Burkina Faso", 2024, kb)
    actor1 = roles.actor1 or ""
    if expected:
        assert "Islamic State" in actor1 and "Unidentified" not in actor1
    else:
        assert actor1.startswith("Unidentified Armed Group")
    assert ("attributed from the article" in roles.tags) == tagged
