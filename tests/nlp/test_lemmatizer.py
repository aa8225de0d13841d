"""The cached lemmatizer writes exactly the lemmas of the model's own lemmatizer."""

import pytest
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


def test_same_lemmas_as_the_stock_lemmatizer(same_as_stock):
    ours = same_as_stock(use_cached_lemmatizer, TEXTS + TEXTS, [LEMMA])  # the second round from the cache
    assert isinstance(ours.get_pipe("lemmatizer"), CachedLemmatizer)
    doc = ours("Gunmen were killing villagers.")
    assert [t.lemma_ for t in doc][:4] == ["gunman", "be", "kill", "villager"]
