"""The checks a candidate span must pass to be a place name: not a people or a language, not a
titled or already-named person, not a calendar word, a lower-case word, a capitalised common word,
an honorific, a group's acronym or a name with digits."""

from __future__ import annotations

from spacy.tokens import Span

from conflictwatch.geo.detect_context import is_acronym, is_date_word, locative_context, said_to_be_a_place
from conflictwatch.geo.detect_dateline import is_dateline
from conflictwatch.geo.detect_lookup import best_code, is_town
from conflictwatch.geo.detect_people import language, people_of, titled
from conflictwatch.geo.detect_words import AFTER_NOUNS, GEO_WORDS, PLACE_LABELS
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key

COMMON_POS = {"ADJ", "NOUN", "VERB", "ADV", "NUM", "ADP", "PRON", "DET", "AUX", "CCONJ", "SCONJ", "INTJ"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "sen", "rep", "gov", "pres"}


def not_a_place(span: Span, label: str, gaz: Gazetteer, people: set[str], sure: bool = False) -> bool:
    """Whether ``span`` (tagged ``label``; ``sure`` when its own words say place) is no place name;
    ``people`` holds the words of the people the article names in full."""
    doc = span.doc
    if people_of(span, gaz) or language(span):
        return True  # "Mexicans", "Nigerians": a people, not a place; "speaks in English"
    if not sure and len(span) == 1 and label in PLACE_LABELS | {"NORP"} and not len(gaz.ids(span.text)) and \
            not said_to_be_a_place(span) and not locative_context(span) and not len(gaz.fuzzy_ids(span.text)):
        return True  # "Wedbush", "Dropbox" tagged GPE: a word no gazetteer knows, where nothing says place
    if titled(span) or (len(span) == 1 and label not in {"EMB", "FAC"} and key(span.text) in people
                        and not said_to_be_a_place(span)):
        return True  # "President Buhari"; "Kelly" where the article names John Kelly
    if len(span) == 1 and span[0].lower_ in GEO_WORDS and label not in PLACE_LABELS:
        return True
    if is_date_word(span):
        return True
    if not any(ch.isupper() for ch in span.text):
        return True  # "ran into the bush": a word in lower case is not a name, whatever the tagger says
    if len(span) == 1 and label not in PLACE_LABELS and span[0].pos_ in COMMON_POS and not is_dateline(span, gaz) and \
            not (span[0].is_sent_start and span.end < len(doc) and doc[span.end].lower_ in AFTER_NOUNS) and \
            best_code(gaz, span.text)[0] not in {"PCLI", "CONT", "ADM1", "RGN"}:
        return True  # "Federal", "Second", "Free": a capitalised common word, not a town's name
    if len(span) == 1 and span[0].lower_.rstrip(".") in HONORIFICS:
        return True  # "Ms. Joly"
    if is_acronym(span) and label not in PLACE_LABELS and not (is_dateline(span, gaz) and is_town(gaz, span.text)):
        code, _ = best_code(gaz, span.text)
        if code not in {"PCLI", "CONT", "ADM1"}:
            return True  # "NAS", "MNLA": acronyms are groups unless they name a country or province
    if any(ch.isdigit() for ch in span.text) and label != "FAC" and not len(gaz.ids(span.text)):
        return True  # "M23", "G7": names of groups, not places
    return False
