"""The indexed attribute ruler sets exactly what spaCy's AttributeRuler sets, with the same rules."""

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from conflictwatch.nlp.attribute_ruler import IndexedAttributeRuler, use_indexed_attribute_ruler

ATTRS = [POS, MORPH, LEMMA, TAG, DEP, HEAD]

# written for this test: auxiliaries, contractions, pronoun cases, "there is", odd spacing
TEXTS = [
    "Gunmen had attacked the convoy before it was able to reach the camp, and they didn't stop.",
    "I told you it wasn't safe; we're gonna leave, y'all know that. There were two blasts  in town.",
    "Police said that the protesters who'd gathered at dawn ain't been charged, though nothin' is sure.",
    "Let's see: the army has denied it.\n\nThose who fled got to the border, which is closed.",
]


@pytest.mark.model
def test_same_annotations_as_the_stock_ruler(same_as_stock):
    ours = same_as_stock(use_indexed_attribute_ruler, TEXTS, ATTRS)
    assert isinstance(ours.get_pipe("attribute_ruler"), IndexedAttributeRuler)


def _tagged(nlp, words, tags, deps):
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def test_rule_forms_and_precedence_match_the_matcher_version():
    nlp = spacy.blank("en")
    rules = [
        {"patterns": [[{"TAG": "VBD"}]], "attrs": {"POS": "VERB"}},
        {"patterns": [[{"TAG": "VBD", "LOWER": "was"}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
        {"patterns": [[{"LOWER": {"IN": ["the", "a"]}, "DEP": {"NOT_IN": ["nsubj"]}}]], "attrs": {"POS": "DET"}},
        {"patterns": [[{"LOWER": {"REGEX": "^raid(s|ed)?$"}}]], "attrs": {"LEMMA": "raid"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
        {"patterns": [[{"LOWER": "raided", "OP": "+"}]], "attrs": {"POS": "VERB"}},  # the Matcher's part
    ]
    words = ["The", "town", "was", "raided", "and", "gon", "na", " ", "burn", "a", "raid"]
    tags = ["DT", "NN", "VBD", "VBD", "CC", "VBG", "TO", "_SP", "VB", "DT", "NN"]
    deps = ["det", "nsubj", "aux", "ROOT", "cc", "conj", "aux", "dep", "xcomp", "nsubj", "dobj"]
    stock, ours = AttributeRuler(nlp.vocab), IndexedAttributeRuler(nlp.vocab)
    stock.add_patterns(rules)
    ours.add_patterns(rules)
    assert ours.patterns == stock.patterns
    a, b = stock(_tagged(nlp, words, tags, deps)), ours(_tagged(nlp, words, tags, deps))
    assert stock.match(a) == ours.match(b)
    assert [(t.pos_, t.lemma_) for t in a] == [(t.pos_, t.lemma_) for t in b]
    assert b[2].pos_ == "AUX" and b[6].lemma_ == "to" and b[9].pos_ == "" and b[3].lemma_ == "raid"


def test_a_rule_pointing_outside_its_match_fails_as_in_spacy():
    nlp = spacy.blank("en")
    ours = IndexedAttributeRuler(nlp.vocab)
    ours.add_patterns([{"patterns": [[{"LOWER": "raid"}]], "attrs": {"LEMMA": "raid"}, "index": 2}])
    with pytest.raises(ValueError, match="E1001"):
        ours(nlp("a raid"))
