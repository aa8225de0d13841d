"""The place-name span (``Mention``) and the shaping of a tagger's span: cut at a spaced dash,
stripped of articles and edge punctuation, completed forwards or backwards to a longer name the
gazetteer knows."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from conflictwatch.geo.detect_words import CONNECTORS, EDGE_PUNCT, POSSESSIVES
from conflictwatch.geo.gazetteer import Gazetteer


@dataclass
class Mention:
    """A place name found in a text (before resolution)."""

    start: int
    end: int
    text: str
    label: str  # spaCy label, or "GAZ", "EMB" (inside an organisation's name), "DOC", "DATELINE"


def trim(ent: Span) -> Span:
    """An entity the tagger ran on past the name and a spaced dash ("Sri Lanka - approximately"):
    cut before the dash."""
    for t in ent[1:]:
        if t.text in {"-", "–", "—"} and (t.whitespace_ or ent.doc[t.i - 1].whitespace_):
            return Span(ent.doc, ent.start, t.i, label=ent.label_)  # a slice would lose the label
    return ent


def strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in {"the", "a", "an"}:
        span = span[1:]
    if len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    return span


def strip_edges(span: Span) -> Span:
    """The span without leading articles, a closing possessive and punctuation at either end."""
    span = strip_det(span)
    while len(span) > 1 and span[-1].text in EDGE_PUNCT:
        span = span[:-1]
    while len(span) > 1 and span[0].text in EDGE_PUNCT:
        span = span[1:]
    return span


def keep_possessive(span: Span, stripped: Span, gaz: Gazetteer) -> Span:
    """A closing "'s" that belongs to the name ("St John's", "in King's on Friday") stays: the
    gazetteer knows the name with it and no noun follows that it would own ("Jordan's army")."""
    if stripped.end != span.end - 1 or span[-1].text not in POSSESSIVES or not len(gaz.ids(span.text)):
        return stripped
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
        return stripped
    return span


def names_with_possessive(span: Span, gaz: Gazetteer) -> bool:
    """A name with a possessive inside that the gazetteer knows whole ("Cox's Bazar",
    "Martha's Vineyard"): one name, however the tagger labels it."""
    return any(t.text in POSSESSIVES for t in span[1:-1]) and len(gaz.ids(span.text)) > 0


def complete(span: Span, gaz: Gazetteer, taken: list[bool]) -> Span:
    """The tagger often stops a name early ("Guinea" of "Guinea-Bissau", "Democratic Republic"
    of "... of the Congo", "Rio Grande" of "Rio Grande do Sul"): take up to four more words
    when the gazetteer knows the longer name."""
    doc = span.doc
    reach = span.end  # the tail may hold capitalised words and connectors only, within the sentence
    while reach < len(doc) and reach - span.end < 4:
        t = doc[reach]
        if taken[reach] or t.is_sent_start or not (t.text[:1].isupper() or t.text in CONNECTORS or t.lower_ in {"of", "the"}
                                                   or t.text in POSSESSIVES):  # "King" + "'s Lynn"
            break
        reach += 1
    for end in range(reach, span.end, -1):
        if doc[end - 1].text[:1].isupper() and len(gaz.ids(doc[span.start : end].text)):
            return doc[span.start : end]
    return _complete_back(span, gaz, taken)


def _complete_back(span: Span, gaz: Gazetteer, taken: list[bool]) -> Span:
    """... and late: "Beida" of "Goz Beida", when the gazetteer knows the name with the
    capitalised word or two before it."""
    doc = span.doc
    if span.start == 0 or span[0].is_sent_start:
        return span
    if not doc[span.start - 1].text[:1].isupper():
        return span  # not "east Africa" nor "Sub-Saharan Africa": news gold marks the continent
    for k in (2, 1):
        start = span.start - k
        if start < 0 or any(taken[t.i] for t in doc[start : span.start]) or any(t.is_sent_start for t in doc[start + 1 : span.end]):
            continue
        head = doc[start : span.start]
        if not all(t.text[:1].isupper() and t.pos_ == "PROPN" and not t.is_stop for t in head):
            continue
        if len(gaz.ids(doc[start : span.end].text)):
            return doc[start : span.end]
    return span
