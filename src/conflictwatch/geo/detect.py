"""Find place names in a parsed document: spaCy's entities plus gazetteer matching.

The small English model misses places (an unfamiliar Sahel village), mislabels them ("Kidal"
as PERSON) and labels people after places ("Paris" the person). So:

* GPE / LOC / FAC entities are kept; NORP entities only when they name a country or continent
  ("Malian", "European");
* PERSON / ORG entities, and capitalised word runs outside any entity, are kept when the
  gazetteer knows the name AND the text around them says "place" (a locative preposition
  before, a ", Country" or "region" after), or the name is a country or province;
* a PERSON entity with a first name, or followed by a speech verb, is never a place.

``find_mentions`` orchestrates; the stages live beside it: ``detect_words`` (shared word
lists), ``detect_lookup`` (gazetteer look-ups), ``detect_spans`` (``Mention``, trimming and
completing spans), ``detect_dateline``, ``detect_context`` (the words that say "place"),
``detect_facility`` (streets, buildings, roads), ``detect_orgs`` (places in organisations'
names, venues), ``detect_hyphen`` ("US-based"), ``detect_people`` (people, peoples,
languages) and ``detect_filters`` (the checks every candidate passes).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from conflictwatch.geo.detect_context import (
    admin_suffixed,
    locative_context,
    names_an_event,
    place_noun_before,
    speaking_unit,
)
from conflictwatch.geo.detect_dateline import is_dateline, province_after
from conflictwatch.geo.detect_facility import facility_names, road_numbers
from conflictwatch.geo.detect_filters import not_a_place
from conflictwatch.geo.detect_hyphen import hyphen_parts
from conflictwatch.geo.detect_lookup import BIG_CODES, LANDMARK_CODES, best_code, is_landmark
from conflictwatch.geo.detect_orgs import embedded_place, org_like, town_of_institution, venue
from conflictwatch.geo.detect_people import looks_like_person, people_words
from conflictwatch.geo.detect_spans import (
    Mention,
    complete,
    keep_possessive,
    names_with_possessive,
    strip_det,
    strip_edges,
    trim,
)
from conflictwatch.geo.detect_words import (
    ADMIN_NOUNS,
    AFTER_NOUNS,
    CONNECTORS,
    GENERIC_WORDS,
    GEO_WORDS,
    PLACE_LABELS,
    POSSESSIVES,
)
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.nlp.text import doc_text

__all__ = ["ADMIN_NOUNS", "GEO_WORDS", "Mention", "find_mentions"]

NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Place-name spans of ``doc``, in text order, without overlaps."""
    out: list[Mention] = []
    taken = [False] * len(doc)
    blocked = [False] * len(doc)
    org_inner = [False] * len(doc)  # inside an organisation's name, not at its start
    texts = [t.text for t in doc]
    people = people_words(doc, gaz, texts)
    bounds: list[tuple[int, int]] = []  # token start and end of each mention in ``out``

    def add(span: Span, label: str, sure: bool = False) -> None:
        span = keep_possessive(span, strip_edges(span), gaz)
        if not_a_place(span, label, gaz, people, sure):
            return
        if any(taken[t.i] for t in span):
            return
        span = complete(span, gaz, taken)
        for t in span:
            taken[t.i] = True
        if label in {"GAZ", "EMB", "DOC"} and is_dateline(span, gaz):
            label = "DATELINE"  # as sure as the tagger's own places: never dropped as a lone word
        out.append(Mention(span.start_char, span.end_char, span.text, label))
        bounds.append((span.start, span.end))

    for span in reversed(facility_names(doc, gaz, texts)):
        add(span, "FAC")
    for i in road_numbers(doc, texts):
        add(doc[i : i + 1], "FAC", sure=True)
    for i, s, e in hyphen_parts(doc, gaz, taken, texts):
        first = i
        while first > 0 and doc[first].idx > s:
            first -= 1  # "Los Angeles-based": the name's first token
        if not any(taken[first : i + 1]):
            out.append(Mention(s, e, doc_text(doc)[s:e], "GAZ"))
            bounds.append((first, i + 1))
            taken[first : i + 1] = [True] * (i + 1 - first)
    for ent in map(trim, doc.ents):
        text_key = key(ent.text)
        if not text_key:
            continue
        if ent.label_ in PLACE_LABELS:
            add(ent, ent.label_)
        elif ent.label_ == "NORP":
            if ent.text.lower() in GENERIC_WORDS:
                continue
            code, pop = best_code(gaz, strip_det(ent).text)
            if code in {"PCLI", "CONT", "RGN", "ADM1"}:
                add(ent, ent.label_)
            elif code is not None and pop >= 1000 and len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ in AFTER_NOUNS:
                add(ent, "GAZ")  # "a Longview woman", "the Bulacan farm": a town's people and things
        elif ent.label_ in {"PERSON", "ORG"}:
            span = strip_det(ent)
            code, pop = best_code(gaz, span.text)
            if admin_suffixed(span, gaz) or ((place_noun_before(span) or names_an_event(span)) and (
                    code is not None or len(gaz.fuzzy_ids(span.text)) > 0)):
                add(span, "GAZ")  # "the town of Maarat al-Numan": another spelling of a known place
            elif code is not None and not looks_like_person(span, speech=not speaking_unit(span, code)) and (
                code in {"PCLI", "CONT", "ADM1"} | LANDMARK_CODES
                or is_landmark(gaz, span.text)
                or (locative_context(span) and (code in BIG_CODES or len(span) == 1 or province_after(span, gaz)
                                                or names_with_possessive(span, gaz)))
                or (all(t.pos_ == "PROPN" for t in span) and (code in BIG_CODES or pop >= 100_000))
            ):
                add(span, "GAZ")
            elif ent.label_ == "ORG" and not looks_like_person(span, speech=not org_like(span)):
                # an organisation speaks ("The New York Police Department said"): the place in
                # its name is still a place
                emb = embedded_place(span, gaz) or town_of_institution(span, gaz)
                if emb is not None:
                    add(emb, "EMB")
            elif ent.label_ == "PERSON" and (emb := town_of_institution(span, gaz)) is not None:
                add(emb, "EMB")  # "Abuja Chamber of Commerce" tagged as a person
            if ent.label_ == "ORG" and len(span) > 1 and not any(taken[t.i] for t in ent) and venue(span):
                add(span, "FAC")  # "a class at Whole Foods": a shop, a track, a restaurant
            if len(ent) > 1 and not any(taken[t.i] for t in ent) and (ent.label_ == "PERSON" or looks_like_person(span)):
                for t in ent:  # a person's full name: its words are not places either ("Paris Hilton")
                    blocked[t.i] = True
    # inside an organisation's name a run may only start at its first word or after "of"
    # ("Bank of Mali" yes, "The Globe and Mail" no)
    for ent in doc.ents:
        if ent.label_ == "ORG":
            for t in strip_det(ent)[1:]:
                if doc[t.i - 1].lower_ not in {"of", "de", "du", "in"}:
                    org_inner[t.i] = True
    # capitalised runs outside entities that the gazetteer knows, in a place-like context
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if taken[i] or blocked[i] or not t.text[:1].isupper() or t.is_sent_start and t.is_stop:
            i += 1
            continue
        j = i
        while j < n and not taken[j] and not blocked[j] and j - i < 5 and (
                doc[j].text[:1].isupper() or (j > i and doc[j].text in CONNECTORS)
                or (j > i and doc[j].text in POSSESSIVES and j + 1 < n and doc[j + 1].text[:1].isupper())):
            j += 1
        found = False
        for end in range(j, i, -1):  # longest match first
            span = doc[i:end]
            if span[-1].text in CONNECTORS | POSSESSIVES:
                continue
            code, pop = best_code(gaz, span.text)
            if code is None:
                continue
            if org_inner[i] and code not in {"PCLI", "CONT", "ADM1"}:
                continue  # "The Globe and Mail": a town's name inside an organisation's
            if (code in {"PCLI", "CONT"} or locative_context(span)
                    or (all(t.pos_ == "PROPN" or t.text in POSSESSIVES for t in span) and (code in BIG_CODES or pop >= 100_000))):
                word = span[0]  # "US" is no stop word, "us" is
                if not looks_like_person(span) and not (len(span) == 1 and (
                        word.is_stop and not word.is_upper or word.lower_ in GEO_WORDS | GENERIC_WORDS)):
                    add(span, "GAZ")
                    found = True
                    i = end
                    break
        if not found and j - i >= 2 and not org_inner[i] and (emb := town_of_institution(doc[i:j], gaz)) is not None:
            add(emb, "EMB")  # "(Picture: Slidell PD)": untagged
            i = emb.end
            found = True
        if not found:
            i += 1
    # a name accepted once is a place wherever else it appears as an entity ("Douma" tagged
    # PERSON in one sentence, GPE in another)
    known = {key(m.text) for m in out}
    for ent in doc.ents:
        span = strip_det(ent)
        if ent.label_ in NOT_NAMES or not span.text[:1].isupper():
            continue  # "New Year's day", "the second": a date or a number, not a name
        if any(taken[t.i] for t in span):
            continue
        if (key(span.text) in known or key(complete(span, gaz, taken).text) in known) and not looks_like_person(span):
            add(span, "DOC")
    anchors = [b for m, b in zip(out, bounds, strict=True) if m.label in PLACE_LABELS | {"DATELINE"} or " " in m.text]
    for _ in range(3):  # "Moonbi, Parkes, Berry and Wyong": a list passes the word on
        n_before = len(out)
        for span in _listed_with_places(doc, anchors, taken, blocked):
            if len(gaz.ids(span.text)):
                add(span, "GAZ")
                anchors.append(bounds[-1])
        if len(out) == n_before:
            break
    out.sort(key=lambda m: m.start)
    return out


def _listed_with_places(doc: Doc, found: list[tuple[int, int]], taken: list[bool], blocked: list[bool]) -> list[Span]:
    """Proper names listed beside places already found ("Etoumbi and Mbomo", "between Coggeshall
    and Marks Tey", "Pandi, Bulacan and Talavera"): a word that the tagger called a person or
    nothing is in the list's kind. Runs of one to three capitalised proper nouns, not a person's."""
    if not found:
        return []
    starts, ends = {b[0] for b in found}, {b[1] for b in found}
    label_of = {i: e.label_ for e in doc.ents for i in range(e.start, e.end)}
    out = []
    i, n = 0, len(doc)
    while i < n:
        j = i
        while j < n and j - i < 3 and not taken[j] and not blocked[j] and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() \
                and label_of.get(j) not in NOT_NAMES:
            j += 1
        if j == i:
            i += 1
            continue
        after = doc[j].lower_ if j < n else "."
        left = i >= 2 and doc[i - 1].lower_ in {",", "and", "or"} and (i - 1) in ends and (
            after in {",", "and", "or", ";", ".", ")"} or after in AFTER_NOUNS)  # not "..., Allen recently hosted"
        right = j + 1 < n and after in {",", "and", "or"} and (j + 1) in starts
        if (left or right) and not looks_like_person(doc[i:j]):
            out.append(doc[i:j])
        i = j
    return out
