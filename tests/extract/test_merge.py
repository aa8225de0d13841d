"""Merging mentions into events, on mentions built by hand (no model): each sentence of a short
text is one mention, with the type, date and place the test gives it."""

from __future__ import annotations

import datetime as dt

from conflictwatch.extract.clauses import Clause
from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.mentions import Mention
from conflictwatch.extract.merge import group_mentions
from conflictwatch.extract.typing import TypeDecision
from conflictwatch.geo import EventLocation
from conflictwatch.models import Place

PUB = dt.date(2025, 3, 13)  # a Thursday
D = dt.date


def _place(name: str, country: str, lat: float, lon: float, precision: int = 1) -> EventLocation:
    place = Place(name=name, latitude=lat, longitude=lon, country=country)
    return EventLocation(place=place, location=name, geo_precision=precision, country=country, confidence=0.9)


def _mentions(blank, rows):
    """rows: (sentence, event type, sub-event type, confidence, date words or None, day, core, place)."""
    doc = blank(" ".join(r[0] for r in rows))
    out, locs = [], []
    for sent, (_, etype, sub, conf, words, day, core, loc) in zip(doc.sents, rows, strict=True):
        dm = None
        if words is not None:
            start = sent.start_char + sent.text.index(words)
            dm = DateMention(start=start, end=start + len(words), text=words, date=day, precision=1, relative=True)
        out.append(Mention(
            clause=Clause(sent, sent[0], None), sent=sent,
            decision=TypeDecision(event_type=etype, sub_event_type=sub, confidence=conf),
            event_date=day or PUB, time_precision=1, date_mention=dm, recency="current", context=[sent], core=core,
        ))
        locs.append(loc)
    return out, locs


VAC, ATTACK = "Violence against civilians", "Attack"
BATTLES, CLASH = "Battles", "Armed clash"
RIOTS, MOB = "Riots", "Mob violence"
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_a_named_day_dates_the_event_before_an_overnight_counted_from_the_report(blank):
    ms, locs = _mentions(blank, [
        ("Gunmen killed eleven villagers in an overnight attack.", VAC, ATTACK, 0.9, "overnight", D(2025, 3, 12), True, None),
        ("They rode into the hamlet late on Tuesday.", VAC, ATTACK, 0.6, "Tuesday", D(2025, 3, 11), True, None),
    ])
    (event,) = group_mentions(ms, locs)
    assert event.dated is not None and event.dated.event_date == D(2025, 3, 11)


def test_a_plain_next_day_is_another_event_but_its_early_hours_are_the_same_night(blank):
    rows = [
        ("Rebels stormed the village late on Sunday.", VAC, ATTACK, 0.9, "Sunday", D(2025, 3, 9), True, None),
        ("Soldiers chased them and killed two of them on Monday.", BATTLES, CLASH, 0.8, "Monday", D(2025, 3, 10), True, None),
    ]
    assert len(group_mentions(*_mentions(blank, rows))) == 2
    rows[1] = ("The shooting went on until the early hours of Monday.", VAC, ATTACK, 0.8, "Monday",
               D(2025, 3, 10), True, None)
    (event,) = group_mentions(*_mentions(blank, rows))
    assert event.dated is not None and event.dated.event_date == D(2025, 3, 9)


def test_an_elaboration_in_another_country_is_another_event(blank):
    ms, locs = _mentions(blank, [
        ("Shelling killed two people in south Lebanon.", *SHELLING, 0.9, None, None, True,
         _place("South Governorate", "Lebanon", 33.27, 35.2, precision=3)),
        ("Rockets fired across the border hit Metula.", *SHELLING, 0.9, None, None, True,
         _place("Metula", "Israel", 33.28, 35.58)),
    ])
    events = group_mentions(ms, locs)
    assert [e.location.country for e in events if e.location] == ["Lebanon", "Israel"]


def test_a_weak_dated_reading_of_another_kind_of_violence_dates_the_undated_event_told_after_it(blank):
    rows = [
        ("The team coach was attacked by masked men on Saturday evening.", VAC, ATTACK, 0.34, "Saturday",
         D(2025, 3, 8), False, None),
        ("At a roundabout they threw rocks and flares at it.", RIOTS, MOB, 0.75, None, None, True, None),
    ]
    (event,) = group_mentions(*_mentions(blank, rows))
    assert event.dated is not None and event.dated.event_date == D(2025, 3, 8)
    # a weak reading as a peaceful protest says nothing of the riot's day
    rows[0] = ("Supporters gathered outside the stadium on Saturday.", "Protests", "Peaceful protest", 0.34,
               "Saturday", D(2025, 3, 8), False, None)
    (event,) = group_mentions(*_mentions(blank, rows))
    assert event.dated is None


def test_another_kind_of_act_added_with_also_is_an_event_of_its_own_on_the_same_day(blank):
    rows = [
        ("Raiders attacked the cattle camps on Thursday.", BATTLES, CLASH, 0.9, "Thursday", D(2025, 3, 6), True, None),
        ("They exchanged fire with the herders for hours.", BATTLES, CLASH, 0.9, None, None, True, None),
        ("The raiders also abducted four children.", VAC, "Abduction/forced disappearance", 0.85, None, None, True,
         None),
    ]
    clash, abduction = group_mentions(*_mentions(blank, rows))
    assert len(clash.mentions) == 2 and abduction.dated is None
    assert abduction.story_day is not None and abduction.story_day.event_date == D(2025, 3, 6)
    # the same kind of act, added with "also", still tells the same event
    rows[2] = ("They also killed two herders.", BATTLES, CLASH, 0.85, None, None, True, None)
    assert len(group_mentions(*_mentions(blank, rows))) == 1
