"""Coding a group of mentions: the type vote (mentions built by hand, no model)."""

from conflictwatch.extract.build import choose_type
from conflictwatch.extract.merge import Group

SD = "Strategic developments"


def test_a_weak_reading_of_violence_does_not_outrank_sure_readings_of_a_development(hand_mentions):
    ms, _ = hand_mentions([
        ("Soldiers defused a bomb on the road.", SD, "Disrupted weapons use", 0.97, None, None, True, None),
        ("The patrol later seized two rifles.", SD, "Disrupted weapons use", 0.88, None, None, True, None),
        ("Other missions passed without incident.", "Battles", "Armed clash", 0.39, None, None, False, None),
    ])
    decision, _ = choose_type(Group(mentions=ms, locations=[None] * 3))
    assert decision.sub_event_type == "Disrupted weapons use"


def test_a_weak_reading_of_violence_still_outranks_a_sure_reading_of_property_destruction(hand_mentions):
    ms, _ = hand_mentions([
        ("Youths burned the stalls of the market.", SD, "Looting/property destruction", 0.9, None, None, True, None),
        ("The crowd beat two traders.", "Riots", "Mob violence", 0.4, None, None, False, None),
    ])
    decision, _ = choose_type(Group(mentions=ms, locations=[None] * 2))
    assert decision.sub_event_type == "Mob violence"
