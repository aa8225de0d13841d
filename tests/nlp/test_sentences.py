"""Sentence starts fixed by the text before the parser runs."""

import pytest
from spacy.language import Language

from conflictwatch.nlp.pipeline import build_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def test_a_heading_line_is_its_own_sentence(nlp):
    doc = nlp("Main incidents\n- On 3 June, gunmen abducted four traders near Kaya. Their families paid a ransom.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Main incidents"
    assert any("On 3 June, gunmen abducted four traders near Kaya." in x for x in sents)


def test_no_sentence_starts_inside_a_run_of_words(nlp):
    doc = nlp("Fighters of the Islamic State Sahel Province entered a hamlet north of Ayorou and took seven men. "
              "The chief was among them.")
    starts = [s.start for s in doc.sents]
    for s in starts[1:]:
        assert doc[s - 1].text in {".", "!", "?", "\n"} or doc[s - 1].is_space


def test_the_component_sits_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("cw_sentence_starts") < names.index("parser")
