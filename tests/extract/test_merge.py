"""Merging mentions into events, on mentions built by hand (no model; see conftest.hand_mentions)."""

from __future__ import annotations

import datetime as dt

from conflictwatch.extract.merge import group_mentions
from conflictwatch.geo import EventLocation
from conflictwatch.models import Place

D = dt.date


def _place(name: str, country: str, lat: float, lon: float, precision: int = 1) -> EventLocation:
    place = Place(name=name, latitude=lat, longitude=lon, country=country)
    return EventLocation(place=place, location=name, geo_precision=precision, country=country, confidence=0.9)


VAC, ATTACK = "Violence against civilians", "Attack"
BATTLES, CLASH = "Battles", "Armed clash"
RIOTS, MOB = "Riots", "Mob violence"
SHELLING = ("Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_a_named_day_dates_the_event_before_an_overnight_counted_from_the_report(hand_mentions):
    ms, locs = hand_mentions([
        ("Gunmen killed eleven villagers in an overnight attack.", VAC, ATTACK, 0.9, "overnight", D(2025, 3, 12), True, None),
        ("They rode into the hamlet late on Tuesday.", VAC, ATTACK, 0.6, "Tuesday", D(2025, 3, 11), True, None),
    ])
    (event,) = group_mentions(ms, locs)
    assert event.dated is not None and event.dated.event_date == D(2025, 3, 11)


def test_a_plain_next_day_is_another_event_but_its_early_hours_are_the_same_night(hand_mentions):
    rows = [
        ("Rebels stormed the village late on Sunday.", VAC, ATTACK, 0.9, "Sunday", D(2025, 3, 9), True, None),
        ("Soldiers chased them and killed two of them on Monday.", BATTLES, CLASH, 0.8, "Monday", D(2025, 3, 10), True, None),
    ]
    assert len(group_mentions(*hand_mentions(rows))) == 2
    rows[1] = ("The shooting went on until the early hours of Monday.", VAC, ATTACK, 0.8, "Monday",
               D(2025, 3, 10), True, None)
    (event,) = group_mentions(*hand_mentions(rows))
    assert event.dated is not None and event.dated.event_date == D(2025, 3, 9)


def test_an_elaboration_in_another_country_is_another_event(hand_mentions):
    ms, locs = hand_mentions([
        ("Shelling killed two people in south Lebanon.", *SHELLING, 0.9, None, None, True,
         _place("South Governorate", "Lebanon", 33.27, 35.2, precision=3)),
        ("Rockets fired across the border hit Metula.", *SHELLING, 0.9, None, None, True,
         _place("Metula", "Israel", 33.28, 35.58)),
    ])
    events = group_mentions(ms, locs)
    assert [e.location.country for e in events if e.location] == ["Lebanon", "Israel"]


def test_a_weak_dated_reading_of_another_kind_of_violence_dates_the_undated_event_told_after_it(hand_mentions):
    rows = [
        ("The team coach was attacked by masked men on Saturday evening.", VAC, ATTACK, 0.34, "Saturday",
         D(2025, 3, 8), False, None),
        ("At a roundabout they threw rocks and flares at it.", RIOTS, MOB, 0.75, None, None, True, None),
    ]
    (event,) = group_mentions(*hand_mentions(rows))
    assert event.dated is not None and event.dated.event_date == D(2025, 3, 8)
    # a weak reading as a peaceful protest says nothing of the riot's day
    rows[0] = ("Supporters gathered outside the stadium on Saturday.", "Protests", "Peaceful protest", 0.34,
               "Saturday", D(2025, 3, 8), False, None)
    (event,) = group_mentions(*hand_mentions(rows))
    assert event.dated is None


def test_another_kind_of_act_added_with_also_is_an_event_of_its_own_on_the_same_day(hand_mentions):
    rows = [
        ("Raiders attacked the cattle camps on Thursday.", BATTLES, CLASH, 0.9, "Thursday", D(2025, 3, 6), True, None),
        ("They exchanged fire with the herders for hours.", BATTLES, CLASH, 0.9, None, None, True, None),
        ("The raiders also abducted four children.", VAC, "Abduction/forced disappearance", 0.85, None, None, True,
         None),
    ]
    clash, abduction = group_mentions(*hand_mentions(rows))
    assert len(clash.mentions) == 2 and abduction.dated is None
    assert abduction.story_day is not None and abduction.story_day.event_date == D(2025, 3, 6)
    # the same kind of act, added with "also", still tells the same event
    rows[2] = ("They also killed two herders.", BATTLES, CLASH, 0.85, None, None, True, None)
    assert len(group_mentions(*hand_mentions(rows))) == 1


def test_an_act_added_to_a_past_event_is_past_too(hand_mentions):
    ms, locs = hand_mentions([
        ("Rebels stormed the mission in 2019.", BATTLES, CLASH, 0.9, "2019", D(2019, 1, 1), True, None),
        ("They also abducted two priests.", VAC, "Abduction/forced disappearance", 0.9, None, None, True, None),
    ])
    ms[0].recency, ms[0].time_precision = "past", 4
    _, abduction = group_mentions(ms, locs)
    assert abduction.recency == "past"
