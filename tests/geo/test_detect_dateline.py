"""Datelines (detect_dateline) on a blank pipeline: no tagger needed."""

from __future__ import annotations

import pytest
import spacy

from conflictwatch.geo.detect_dateline import is_dateline

_NLP = spacy.blank("en")


@pytest.mark.parametrize("text", ["DJIBO (Agency) - A convoy left.", "DJIBO - A convoy left.",
                                  "KYIV, 3 February - Talks resumed.", "MOPTI, March 12 - Rain fell."])
def test_a_capitalised_name_before_a_bracket_a_dash_or_a_date_is_a_dateline(text):
    doc = _NLP(text)
    assert is_dateline(doc[0:1])


@pytest.mark.parametrize("text", ["KYIV, 3 people died.", "Djibo - a convoy left.", "GAO - a convoy left."])
def test_no_dateline_without_the_dash_in_lower_case_or_in_a_short_word(text):
    doc = _NLP(text)
    assert not is_dateline(doc[0:1])


def test_a_capitalised_name_inside_a_sentence_is_no_dateline():
    doc = _NLP("Talks in KYIV - a day of waiting.")
    assert not is_dateline(doc[2:3])
