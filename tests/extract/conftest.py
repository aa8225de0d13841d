"""Fixtures shared by the extraction tests."""

import pytest
import spacy


@pytest.fixture(scope="module")
def blank():
    """A blank English pipeline that only splits sentences (for stages that need no model)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
