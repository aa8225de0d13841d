"""Numbered roads (detect_facility.road_numbers) on a blank pipeline."""

from __future__ import annotations

import spacy

from conflictwatch.geo.detect_facility import road_numbers

_NLP = spacy.blank("en")


def _roads(text):
    doc = _NLP(text)
    return [doc[i].text for i in road_numbers(doc, [t.text for t in doc])]


def test_a_road_number_after_on_or_before_a_road_word_and_the_list_that_shares_the_cue():
    assert _roads("Lorries queued on the B4012 and A40 while the N7 group met.") == ["B4012", "A40"]
    assert _roads("The M5 southbound was shut.") == ["M5"]


def test_a_group_or_a_level_named_like_a_road_is_no_road():
    assert _roads("The M23 rebels took the town; A1 grades rose.") == []
