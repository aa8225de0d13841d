"""Span shaping (detect_spans) on a blank pipeline."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from conflictwatch.geo.detect_spans import strip_edges, trim

_NLP = spacy.blank("en")


def test_articles_and_quotes_at_the_edges_are_stripped():
    doc = _NLP('They met at the "Harbour Road" junction.')
    assert strip_edges(doc[3:7]).text == "Harbour Road"


def test_an_entity_cut_at_a_spaced_dash_keeps_its_label():
    doc = _NLP("Democratic Republic of Congo - Flights resumed")
    cut = trim(Span(doc, 0, 6, label="GPE"))
    assert (cut.text, cut.label_) == ("Democratic Republic of Congo", "GPE")


def test_an_entity_with_a_dash_inside_a_word_is_left_whole():
    doc = _NLP("Guinea-Bissau voted")
    ent = Span(doc, 0, len(doc) - 1, label="GPE")
    assert trim(ent) == ent
