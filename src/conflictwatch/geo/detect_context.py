"""The words around a name that say "place" (a locative word before, a place noun before or after,
an event noun after) or say it is something else (a calendar word, an acronym)."""

from __future__ import annotations

from spacy.tokens import Span

from conflictwatch.geo.detect_dateline import is_dateline
from conflictwatch.geo.detect_words import (
    ADMIN_NOUNS,
    AFTER_NOUNS,
    DATE_WORDS,
    EDGE_PUNCT,
    LOCATIVE,
    ORG_WORDS,
    PLACE_NOUNS,
)
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.taxonomy import EVENT_NOUNS


def locative_context(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in {"the", "a", "an"}:
        i -= 1  # "in the Faladie neighbourhood"
    if i > 0 and doc[i].pos_ == "ADJ" and doc[i].is_lower and doc[i - 1].lower_ in {"in", "at", "near", "from", "to", "into"}:
        i -= 1  # "in richer Petion-Ville", "from neighbouring Chad"
    prev = doc[i] if i >= 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and prev.lower_ in LOCATIVE:
        return True
    if is_dateline(span):
        return True  # "IMMOKALEE –"
    if nxt is not None and nxt.lower_ in AFTER_NOUNS:
        return True
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and not span.text.isupper() and \
            prev.i > 0 and not doc[prev.i - 1].text.isupper() and not any(t.lower_ in ORG_WORDS for t in span):
        return True  # "the Fig Leaf Boutique (Maywood)": a shop's town in brackets; not "BAMAKO (Agency)"
    if nxt is not None and nxt.text in {",", "("} and span.end + 1 < len(doc):
        after = doc[span.end + 1 : min(len(doc), span.end + 4)]
        return any(t.text[:1].isupper() for t in after)
    return False


def place_noun_before(span: Span) -> bool:
    """"the town of X", "the village of X", "the capital, X": the words before say it is a place."""
    doc = span.doc
    prev = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return bool(prev) and (prev[-1] in PLACE_NOUNS or (len(prev) == 2 and prev[0] in PLACE_NOUNS and prev[1] in {
        "of", "called", "named", ","}))  # "a town called X", "the provincial capital, X"


def said_to_be_a_place(span: Span) -> bool:
    """"in Kelly", "the town of Kelly", "the Kelly area", "Kelly, Texas": the words around make
    a namesake a place."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return False  # "at Kelly's attempts", "in Modi's cabinet"
    return place_noun_before(span) or (prev is not None and prev.lower_ in {"in", "at", "near", "outside", "into"}) or (
        nxt is not None and nxt.lower_ in AFTER_NOUNS) or (nxt is not None and nxt.text == "," and span.end + 1 < len(doc)
                                                           and doc[span.end + 1].ent_type_ == "GPE")


def names_an_event(span: Span) -> bool:
    """"the Ben Guerdane attack", "the Marawi siege": a name that qualifies an event noun is where
    the event was, when the gazetteer knows it (a group's name, "the JNIM attack", it does not)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lemma_.lower() in EVENT_NOUNS and span.root.dep_ in ("compound", "nmod", "amod")


def is_date_word(span: Span) -> bool:
    """"Thursday", "March", "Sept.": a calendar word, whatever label the tagger gave it, unless
    a place noun precedes it ("the village of May")."""
    words = [t for t in span if t.text not in EDGE_PUNCT and t.tag_ != "POS"]
    if len(words) != 1 or words[0].lower_.rstrip(".") not in DATE_WORDS:
        return False
    return not place_noun_before(span)


def is_acronym(span: Span) -> bool:
    t = span.text.replace(".", "")
    return len(span) == 1 and 2 <= len(t) <= 5 and t.isupper() and t.isalpha()


def admin_suffixed(span: Span, gaz: Gazetteer) -> bool:
    """"Kauru LGA", "Borno State": a known name followed by an admin noun."""
    return len(span) > 1 and span[-1].lower_ in ADMIN_NOUNS and len(gaz.ids(span[:-1].text)) > 0


def speaking_unit(span: Span, code: str | None) -> bool:
    """A country, a capital, or a province of two words or more that "said" something speaks
    through its government ("Tamil Nadu said", "Canberra said"): it is still a place name."""
    return code in {"PCLI", "PPLC"} or (code == "ADM1" and len(span) >= 2)
