"""The actor knowledge base: loading, coverage, lookups, user files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pycountry
import pytest

from conflictwatch import taxonomy
from conflictwatch.actors.kb import ActorKB
from conflictwatch.actors.normalize import is_acronym, norm, norm_cased
from conflictwatch.errors import ConfigError

AFRICAN_ISO2 = {
    "DZ",
    "AO",
    "BJ",
    "BW",
    "BF",
    "BI",
    "CV",
    "CM",
    "CF",
    "TD",
    "KM",
    "CD",
    "CG",
    "CI",
    "DJ",
    "EG",
    "GQ",
    "ER",
    "SZ",
    "ET",
    "GA",
    "GM",
    "GH",
    "GN",
    "GW",
    "KE",
    "LS",
    "LR",
    "LY",
    "MG",
    "MW",
    "ML",
    "MR",
    "MU",
    "MA",
    "MZ",
    "NA",
    "NE",
    "NG",
    "RW",
    "ST",
    "SN",
    "SC",
    "SL",
    "SO",
    "ZA",
    "SS",
    "SD",
    "TZ",
    "TG",
    "TN",
    "UG",
    "ZM",
    "ZW",
}


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_every_african_country_has_military_and_police(kb: ActorKB) -> None:
    african = {c.iso2: name for name, c in kb.countries.items() if c.african}
    assert set(african) == AFRICAN_ISO2
    for iso2, name in african.items():
        assert pycountry.countries.get(alpha_2=iso2) is not None
        mil = kb.state_forces(name, None, "military")
        pol = kb.state_forces(name, 2026, "police")
        assert mil.name.startswith(f"Military Forces of {name} (") and mil.name.endswith("-)")
        assert pol.name.startswith(f"Police Forces of {name} (")
        assert mil.inter == pol.inter == "State forces"
        assert kb.get(mil.name) is mil


def test_every_inter_is_an_acled_label(kb: ActorKB) -> None:
    inters = Counter(a.inter for a in kb.actors.values())
    assert set(inters) <= set(taxonomy.INTER_CODES)
    assert inters["Rebel group"] >= 40 and inters["External/Other forces"] >= 15


def test_regions_named_in_the_brief_are_covered(kb: ActorKB) -> None:
    for alias, country in [
        ("JNIM", "Mali"),
        ("ISSP", "Mali"),
        ("Ansarul Islam", "Burkina Faso"),
        ("FLA", "Mali"),
        ("MNLA", "Mali"),
        ("HCUA", "Mali"),
        ("GATIA", "Mali"),
        ("MSA", "Mali"),
        ("Dan Na Ambassagou", "Mali"),
        ("Koglweogo", "Burkina Faso"),
        ("VDP", "Burkina Faso"),
        ("Boko Haram", "Nigeria"),
        ("ISWAP", "Nigeria"),
        ("MNJTF", "Nigeria"),
        ("CJTF", "Nigeria"),
        ("IPOB", "Nigeria"),
        ("ESN", "Nigeria"),
        ("Amotekun", "Nigeria"),
        ("RSF", "Sudan"),
        ("SPLM-N", "Sudan"),
        ("Janjaweed", "Sudan"),
        ("M23", "Democratic Republic of Congo"),
        ("CODECO", "Democratic Republic of Congo"),
        ("Mai-Mai", "Democratic Republic of Congo"),
        ("Twirwaneho", "Democratic Republic of Congo"),
        ("FDLR", "Democratic Republic of Congo"),
        ("Wazalendo", "Democratic Republic of Congo"),
        ("MONUSCO", "Democratic Republic of Congo"),
        ("al-Shabaab", "Somalia"),
        ("IS Somalia", "Somalia"),
        ("AUSSOM", "Somalia"),
        ("Macawisley", "Somalia"),
        ("Fano", "Ethiopia"),
        ("OLA", "Ethiopia"),
        ("TPLF", "Ethiopia"),
        ("SAMIM", "Mozambique"),
        ("3R", "Central African Republic"),
        ("UPC", "Central African Republic"),
        ("FPRC", "Central African Republic"),
        ("CPC", "Central African Republic"),
        ("anti-balaka", "Central African Republic"),
        ("Seleka", "Central African Republic"),
        ("Amba Boys", "Cameroon"),
        ("FACT", "Chad"),
        ("LNA", "Libya"),
    ]:
        actor = kb.resolve(alias, 2024, country)
        assert actor is not None, alias
        assert actor.country == country, (alias, actor.name)


def test_aliases_are_unique_or_deliberately_shared(kb: ActorKB) -> None:
    owners: dict[str, set[str]] = {}
    for a in kb.actors.values():
        for alias in a.aliases:
            key = norm_cased(alias) if is_acronym(alias) else norm(alias)
            owners.setdefault(key, set()).add(a.name)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    for key, names in shared.items():
        # shared by regime variants of one state, by actors of different countries (told apart
        # by the event's country) or by successive actors (told apart by the year)
        countries = {kb.actors[n].country for n in names}
        periods = {(kb.actors[n].active_from, kb.actors[n].active_to) for n in names}
        assert len(countries) == len(names) or len(periods) == len(names) or len(countries) == 1, (key, names)
    assert "adf" not in shared and "ADF" in shared  # the deliberate ADF ambiguity, case-sensitive


def test_affiliations_and_years(kb: ActorKB) -> None:
    jnim = kb.resolve("Jama'at Nusrat al-Islam wal-Muslimin")
    assert jnim is not None and jnim.name == "JNIM: Group for Support of Islam and Muslims"
    assert "al-Qaeda" in jnim.affiliations and jnim.active_from == 2017 and jnim.inter == "Rebel group"
    assert "Islamic State" in kb.resolve("ISWAP").affiliations


@pytest.mark.parametrize(
    ("text", "year", "country", "expected"),
    [
        ("GSIM", None, None, "JNIM: Group for Support of Islam and Muslims"),
        (
            "Groupe de soutien à l'islam et aux musulmans",
            None,
            None,
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "groupe de soutien a l’islam et aux musulmans",
            None,
            None,
            "JNIM: Group for Support of Islam and Muslims",
        ),
        ("État islamique au Grand Sahara", None, None, "Islamic State (Sahel)"),
        ("etat islamique au grand sahara", None, None, "Islamic State (Sahel)"),
        ("FAMa", 2024, None, "Military Forces of Mali (2021-)"),
        ("FAMa", 2021, None, "Military Forces of Mali (2021-)"),
        ("Forces armées maliennes", 2020, None, "Military Forces of Mali (2020-2021)"),
        ("Malian armed forces", 2016, None, "Military Forces of Mali (2013-2020)"),
        ("FAMa", 2012, None, "Military Forces of Mali (2012-2013)"),
        ("Burkinabe soldiers", 2010, None, "Military Forces of Burkina Faso (1987-2014)"),
        ("Nigerian troops", 1999, None, "Military Forces of Nigeria (2010-2015)"),  # the nearest regime
        ("Malian soldiers", 2024, None, "Military Forces of Mali (2021-)"),
        ("soldats nigériens", 2022, None, "Military Forces of Niger (2021-2023)"),
        ("Nigerien troops", 2024, None, "Military Forces of Niger (2023-)"),
        ("Burkinabe soldiers", 2019, None, "Military Forces of Burkina Faso (2015-2022)"),
        ("SAF", 2023, None, "Military Forces of Sudan (2019-)"),
        ("Séléka", None, None, "Ex-Seleka Militia"),
        ("Mai Mai", None, None, "Mai-Mai Militia"),
        ("FACT", None, None, "FACT: Front for Change and Concord in Chad"),
        ("ADF", 2020, "Cameroon", "Ambazonian Separatists"),
        ("ADF", 2020, "Democratic Republic of Congo", "ADF: Allied Democratic Forces"),
        ("al-Shabaab", 2022, "Mozambique", "Islamic State (Mozambique)"),
        ("Al Shabab", 2022, "Somalia", "Al Shabaab"),
        ("AU troops", 2019, None, "AMISOM: African Union Mission in Somalia"),
        ("AU troops", 2025, "Somalia", "AUSSOM: African Union Support and Stabilization Mission in Somalia"),
        ("Tuareg rebels", 2019, "Mali", "CMA: Coordination of Azawad Movements"),
        (
            "Tuareg rebels",
            2022,
            "Mali",
            "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development",
        ),
        ("Azawad separatists", 2025, "Mali", "FLA: Azawad Liberation Front"),
        ("Dozo", None, "Burkina Faso", "Dozo Communal Militia (Burkina Faso)"),
        ("VDP", 2024, "DRC", "Wazalendo"),
        ("VDP", 2024, "Burkina Faso", "VDP: Volunteers for the Defense of the Homeland"),
        ("Russian mercenaries", 2023, "Mali", "Wagner Group"),
        ("Africa Corps", 2025, "Mali", "Military Forces of Russia (2000-)"),
        ("Barkhane", 2019, "Mali", "Military Forces of France (2017-)"),
        ("Fulani militia", None, "Nigeria", "Fulani Ethnic Militia (Nigeria)"),
        ("JNIM militants", None, None, "JNIM: Group for Support of Islam and Muslims"),
        ("suspected JNIM militants", None, None, "JNIM: Group for Support of Islam and Muslims"),
        ("présumés EIGS", None, None, "Islamic State (Sahel)"),
    ],
)
def test_resolve(kb: ActorKB, text: str, year: int | None, country: str | None, expected: str) -> None:
    actor = kb.resolve(text, year, country)
    assert actor is not None, text
    assert actor.name == expected


def test_shared_alias_outside_its_countries_goes_to_the_global_actor(kb: ActorKB) -> None:
    assert kb.resolve("UN peacekeepers", 2024, "France").name == "UN: United Nations"
    assert kb.resolve("UN peacekeepers", 2015, "Mali").name.startswith("MINUSMA")
    assert kb.resolve("JNIM", 2024, "Burkina Faso").name == "JNIM: Group for Support of Islam and Muslims"


def test_local_affiliate(kb: ActorKB) -> None:
    qaeda, state = kb.resolve("al-Qaeda"), kb.resolve("ISIS")
    assert kb.local_affiliate(qaeda, "Mali", 2024).name == "JNIM: Group for Support of Islam and Muslims"
    assert kb.local_affiliate(qaeda, "Mali", 2014).name == "Ansar Dine"
    assert kb.local_affiliate(qaeda, "Somalia", 2024).name == "Al Shabaab"
    assert kb.local_affiliate(state, "Niger", 2024).name == "Islamic State (Sahel)"
    assert (
        kb.local_affiliate(state, "Nigeria", 2024).name == "Islamic State (West Africa) - Lake Chad Faction"
    )
    assert (
        kb.local_affiliate(state, "Democratic Republic of Congo", 2024).name
        == "Islamic State (Central Africa)"
    )
    assert kb.local_affiliate(state, "Ghana", 2024) is None


def test_no_alias_is_a_common_word_or_a_fragment(kb: ActorKB) -> None:
    from spacy.lang.en.stop_words import STOP_WORDS

    for a in kb.actors.values():
        for alias in a.aliases:
            # (all-capital aliases such as "IS" are matched case-sensitively, so "is" is safe)
            assert is_acronym(alias) or alias.lower() not in STOP_WORDS, (a.name, alias)
            # a name cut at its commas by YAML ("Return", "Security and Development")
            assert not any(alias == part.strip() for part in a.name.split(",")[1:]), (a.name, alias)
    for word in ("return", "reclamation", "security and development", "development"):
        assert kb.resolve(word) is None, word


def test_resolve_misses(kb: ActorKB) -> None:
    assert kb.resolve("fact") is None  # acronyms are case-sensitive
    assert kb.resolve("the weather service") is None
    assert kb.resolve("us") is None


def test_state_forces_outside_the_kb_and_variants(kb: ActorKB) -> None:
    assert kb.state_forces("Côte d'Ivoire", 2020, "police").name == "Police Forces of Ivory Coast (2011-)"
    assert kb.state_forces("DRC", 2018).name == "Military Forces of Democratic Republic of Congo (2001-2019)"
    assert kb.state_forces("Fiji").name == "Military Forces of Fiji"  # no regimes listed
    assert kb.state_forces("Iran", 2018).name == "Military Forces of Iran (1989-)"
    assert kb.state_forces("ML", 2024).name == "Military Forces of Mali (2021-)"


def test_generic_and_group_actors(kb: ActorKB) -> None:
    assert kb.generic("armed_group", "Mali").name == "Unidentified Armed Group (Mali)"
    assert kb.generic("armed_group", "Mali").inter == "Political militia"
    assert kb.generic("civilians", "Burkina").name == "Civilians (Burkina)"  # unknown spelling kept
    assert kb.generic("protesters", "nigeria").name == "Protesters (Nigeria)"
    assert kb.generic("rioters", "Kenya").inter == "Rioters"
    assert kb.generic("civilians", None).name == "Civilians"
    assert kb.group_actor("Farmers", "Mali").name == "Farmers (Mali)"
    assert kb.group_actor("Peul", "Burkina Faso").name == "Fulani Ethnic Group (Burkina Faso)"
    militia = kb.group_actor("Fulani", "Nigeria", militia=True)
    assert militia.name == "Fulani Ethnic Militia (Nigeria)" and militia.inter == "Identity militia"
    assert kb.group_actor("Abgaal", "Somalia", militia=True).name == "Abgaal Clan Militia (Somalia)"


def test_describe(kb: ActorKB) -> None:
    d = kb.describe("Malian soldiers")
    assert (d.cls, d.country) == ("state_military", "Mali")
    assert kb.describe("soldats burkinabè").country == "Burkina Faso"
    assert kb.describe("Burkina Faso army").kb_id == "state_military|Burkina Faso"
    assert kb.describe("Fulani herders").kb_id == "civilians||Fulani"
    assert kb.describe("farmers").kb_id == "civilians||Farmers"
    assert kb.describe("gunmen").kb_id == "armed_group"
    assert kb.describe("the weather") is None


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text(
        "actors:\n"
        "  - name: 'Katiba Exemple'\n    inter: Rebel group\n    country: Mali\n"
        "    aliases: [Katiba Exemple, KTX]\n    active_from: 2023\n"
        "  - name: 'Wagner Group'\n    inter: External/Other forces\n    country: Russia\n"
        "    aliases: [Wagner, the Musicians]\n",
        encoding="utf-8",
    )
    kb = ActorKB.load([f])
    assert kb.resolve("KTX").name == "Katiba Exemple"
    assert kb.resolve("the musicians").name == "Wagner Group"
    assert (
        kb.resolve("Russian mercenaries") is None or kb.resolve("Russian mercenaries").name != "Wagner Group"
    )
    assert any(p["id"] == "Katiba Exemple" for p in kb.span_patterns())
    assert ActorKB.load().resolve("KTX") is None  # the shipped KB is unchanged
    assert ActorKB.load([f]) is kb  # cached per file set


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("actors: [1, 2", "not valid YAML"),
        ("- just a list\n", "expected a mapping"),
        ("actors:\n  - name: X\n    inter: Terrorists\n", "unknown inter type"),
        ("actors:\n  - inter: Rebel group\n", "actors.0.name"),
        ("actors:\n  - name: X\n    colour: red\n", "colour"),
        ("warlords: []\n", "warlords"),
        ("countries:\n  Atlantis: {iso2: AT, regimes: [2020, 2010]}\n", "increasing"),
        ("classes:\n  goblins: [orcs]\n", "unknown descriptor classes"),
    ],
)
def test_bad_user_file_is_a_clear_error(tmp_path: Path, content: str, needle: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        ActorKB.load([f])
    assert str(f) in str(info.value) and needle in str(info.value)


def test_user_file_through_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conflictwatch.config import Settings

    f = tmp_path / "env.yaml"
    f.write_text("actors:\n  - name: Groupe Exemple\n    inter: Political militia\n    aliases: [GEX]\n")
    monkeypatch.setenv("CONFLICTWATCH_ACTOR_FILES", f'["{f}"]')
    kb = ActorKB.load(Settings().actor_files)
    assert kb.resolve("GEX").name == "Groupe Exemple"


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist"):
        ActorKB.load([tmp_path / "nope.yaml"])


def test_span_patterns_shape(kb: ActorKB) -> None:
    patterns = kb.span_patterns()
    labels = Counter(p["label"] for p in patterns)
    assert labels["ACTOR"] > 1000 and labels["ACTOR_DESC"] > 200
    ids = {p["id"] for p in patterns if p["label"] == "ACTOR"}
    assert ids <= set(kb.actors)
    assert {"armed_group", "state_military", "state_police", "civilians", "protesters", "rioters"} <= {
        p["id"] for p in patterns if p["label"] == "ACTOR_DESC"
    }
    fact = [p for p in patterns if p["id"].startswith("FACT:") and isinstance(p["pattern"], list)]
    assert fact and all("ORTH" in tok for p in fact for tok in p["pattern"])
