"""Fixtures shared by the extraction tests."""

import datetime as dt

import pytest
import spacy

from conflictwatch.extract.clauses import Clause
from conflictwatch.extract.dates import DateMention
from conflictwatch.extract.mentions import Mention
from conflictwatch.extract.typing import TypeDecision

HAND_PUB = dt.date(2025, 3, 13)  # a Thursday: the publication day of hand-built mentions


@pytest.fixture(scope="module")
def blank():
    """A blank English pipeline that only splits sentences (for stages that need no model)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def hand_mentions(blank):
    """Mentions built by hand, one per sentence of a short text, for the stages after typing.

    rows: (sentence, event type, sub-event type, confidence, date words or None, day, core, place);
    returns (mentions, places)."""

    def build(rows):
        doc = blank(" ".join(r[0] for r in rows))
        out, locs = [], []
        for sent, (_, etype, sub, conf, words, day, core, loc) in zip(doc.sents, rows, strict=True):
            dm = None
            if words is not None:
                start = sent.start_char + sent.text.index(words)
                dm = DateMention(start=start, end=start + len(words), text=words, date=day, precision=1, relative=True)
            out.append(Mention(
                clause=Clause(sent, sent[0], None), sent=sent,
                decision=TypeDecision(event_type=etype, sub_event_type=sub, confidence=conf),
                event_date=day or HAND_PUB, time_precision=1, date_mention=dm, recency="current", context=[sent],
                core=core,
            ))
            locs.append(loc)
        return out, locs

    return build
