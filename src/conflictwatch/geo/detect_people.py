"""Names that are people, peoples or languages, not places: a speaker ("Kelly said"), a titled
name ("President Buhari"), a plural demonym ("Mexicans"), a language ("in English"), and the
words of the people an article names in full."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from conflictwatch.geo.detect_context import said_to_be_a_place
from conflictwatch.geo.detect_facility import FACILITY_HEADS, INSTITUTION_HEADS
from conflictwatch.geo.detect_lookup import best_code
from conflictwatch.geo.detect_orgs import LOCAL_BODY_WORDS
from conflictwatch.geo.detect_words import GEO_WORDS, ORG_WORDS, PLACE_NOUNS, SPEECH
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key

#: Words before a person's name: "President Buhari", "Prime Minister Modi", "Gen. Haftar".
TITLES = {"president", "minister", "mr", "mrs", "ms", "dr", "prof", "gen", "general", "senator", "sen", "governor",
          "gov", "king", "queen", "prince", "princess", "pope", "sheikh", "chancellor", "premier", "mayor", "judge",
          "colonel", "col", "captain", "capt", "lt", "sgt", "sir", "imam", "pastor", "bishop", "chief", "commander"}
_NOT_PERSON_WORDS = GEO_WORDS | PLACE_NOUNS | FACILITY_HEADS | INSTITUTION_HEADS | ORG_WORDS | LOCAL_BODY_WORDS


def looks_like_person(span: Span, speech: bool = True) -> bool:
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in {"in", "at", "near", "from", "outside"}:
        return False  # "police in Gusau said"
    if prev is not None and prev.lower_ == "of" and span.start > 1 and doc[span.start - 2].text == ",":
        return False  # "Mark Doe, 54, of Tyler said": where the speaker is from
    if speech and nxt is not None and nxt.lower_ in SPEECH:
        return True
    return prev is not None and prev.lower_ in {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "president", "minister"}


def titled(span: Span) -> bool:
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_.rstrip(".") in TITLES and span[0].pos_ == "PROPN"


def people_of(span: Span, gaz: Gazetteer) -> bool:
    """A plural demonym ("Mexicans", "Saudis") names a people: the tagger calls it a nationality
    and the gazetteer knows its singular as the same country ("Mexican"); the plural name of a
    country ("the Philippines", "the Falklands") is none of these."""
    t = span[-1]
    if len(span) > 2 or t.ent_type_ != "NORP" or t.tag_ not in {"NNPS", "NNS"} or not t.lower_.endswith("s"):
        return False
    rows = gaz.ids(span.text)
    if not len(rows) or any(key(gaz.names[int(r)]).removeprefix("the ") == key(span.text) for r in rows):
        return False
    return bool(set(rows.tolist()) & set(gaz.ids(span.text[:-1]).tolist()))


def language(span: Span) -> bool:
    """"in English", "speaks Spanish": the tagger's language, unless it qualifies a noun."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span[0].ent_type_ == "LANGUAGE" and not (nxt is not None and nxt.pos_ in {"NOUN", "PROPN"})


def people_words(doc: Doc, gaz: Gazetteer, texts: list[str]) -> set[str]:
    """First and last words of the people an article names in full ("John Kelly", "Yulia
    Skripal"): alone elsewhere in it ("Kelly said", "Yulia was getting better") they are that
    person, unless they name a country, a province or a capital."""
    out: set[str] = set()
    surfaces: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or not all(t.pos_ == "PROPN" and t.is_alpha for t in ent):
            continue
        if any(t.lower_ in _NOT_PERSON_WORDS for t in ent):
            continue  # "Village Malakal", "Miami Herald": not a person's name
        for t in (ent[0], ent[-1]):
            if best_code(gaz, t.text)[0] not in {"PCLI", "ADM1", "CONT", "PPLC"}:
                out.add(key(t.text))
                surfaces.add(t.text)
    if not out:
        return out
    # a word the article also uses as a place ("nearby in Riverdale") is a place throughout
    hits = [i for i, x in enumerate(texts) if x in surfaces]
    return out - {key(doc[i].text) for i in hits if said_to_be_a_place(doc[i : i + 1])}
