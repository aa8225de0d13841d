"""Names of streets, buildings and grounds ("Royal Street", "Karl Bremer Hospital"), and
numbered roads ("the A417 southbound"), whatever the tagger made of them."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from conflictwatch.geo.detect_lookup import best_code, is_town
from conflictwatch.geo.detect_words import CONNECTORS, EDGE_PUNCT, GENERIC_WORDS, GEO_WORDS, LOCATIVE, SPEECH
from conflictwatch.geo.gazetteer import Gazetteer

#: Last words of the names of streets, buildings and grounds: such a name is a place whatever label
#: the tagger gave it ("Royal Street" ORG, "Karl Bremer Hospital" PERSON, "Meydan Racecourse").
FACILITY_HEADS = {"street", "st", "road", "rd", "avenue", "ave", "drive", "lane", "boulevard", "blvd", "square",
                  "highway", "parkway", "bridge", "hospital", "church", "cathedral", "chapel", "basilica", "mosque",
                  "temple", "synagogue", "hotel", "inn", "prison", "jail", "penitentiary", "stadium", "arena",
                  "racecourse", "airport", "airfield", "station", "mall", "market", "theatre", "theater", "library",
                  "museum", "hall", "palace", "castle", "tower", "cottage", "campus", "courthouse", "farm", "farms",
                  "estate", "park", "gardens", "cemetery", "graveyard", "plaza", "barracks", "harbour", "harbor",
                  "pier", "fields", "furnaces", "plantation", "quarter", "point"}
STREET_HEADS = {"street", "st", "road", "rd", "avenue", "ave", "drive", "lane", "boulevard", "blvd", "square",
                "highway", "parkway"}
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
#: ... and of institutions that are organisations as much as buildings ("Cloverhill District Court",
#: "Cyber Tech College"): places only where the words before say so ("at", "in", "to the").
INSTITUTION_HEADS = {"school", "college", "university", "academy", "court", "club", "institute", "centre", "center",
                     "studio", "studios", "complex"}
#: Heads that are also surnames ("Anna Hall", "Linda Park"): a person's two-word name never passes.
SURNAME_HEADS = {"hall", "park", "church", "lane", "street", "castle", "tower", "bridge", "fields", "inn", "palace",
                 "station", "temple"}
_FAC_BEFORE = LOCATIVE | {"before", "opposite", "behind", "beside", "past", "along", "down", "up", "outside",
                          "the", "'s", "’s"}
_HEADS = FACILITY_HEADS | INSTITUTION_HEADS


def _name_word(t) -> bool:
    return t.text[:1].isupper() or (t.like_num and t.text[:1].isdigit())


def _facility_run(doc: Doc, head: int, gaz: Gazetteer) -> Span | None:
    """The name that ends in the facility noun at ``head``: the capitalised words (and numbers)
    before it, up to five, within the sentence ("No. 2 Detention Centre", "14th St."), and "of"
    with a name after it ("the University of St. Thomas", "Mall of Asia")."""
    start = head
    while start > 0 and head - start < 5 and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if _name_word(prev) and prev.text not in EDGE_PUNCT:
            start -= 1
        elif prev.lower_ in {"of", "de", "des", "du"} and start > 1 and doc[start - 2].text[:1].isupper():
            start -= 1
        elif prev.tag_ == "POS" and start > 1 and doc[start - 2].text[:1].isupper() and not is_town(gaz, doc[start - 2].text):
            start -= 1  # "Caesar's Palace", "Estey's Bridge"; not "Derry's Altnagelvin Hospital", where the town is apart
        else:
            break
    while start < head and (doc[start].lower_ in {"the", "a", "an"} or doc[start].text in CONNECTORS):
        start += 1
    end = head + 1
    if end + 1 < len(doc) and doc[end].lower_ in {"of", "des", "de"} and doc[end + 1].text[:1].isupper():
        end += 1
        while end < len(doc) and end - head <= 4 and doc[end].text[:1].isupper() and not doc[end].is_sent_start:
            end += 1
    if start == head and end == head + 1:
        return None  # "the Hospital": a noun alone is no name
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start and nxt.text not in EDGE_PUNCT:
        return None  # "Park Street Police": the name goes on, an organisation's
    return doc[start:end]


def _town_inside(span: Span, gaz: Gazetteer) -> Span | None:
    """The city or province a facility's name opens with: "Da Nang" of "Da Nang
    International Airport", "Randwick" of "Randwick Racecourse" (not "North" or "Third", not a
    people's adjective: "British International School")."""
    if span[-1].lower_.rstrip(".") in STREET_HEADS:
        return None  # "Hampton Avenue" is named after a town, not in it
    for k in (2, 1):
        part = span[:k]
        if len(span) <= k or part[-1].lower_.rstrip(".") in FACILITY_HEADS | INSTITUTION_HEADS:
            continue
        if any(t.lower_ in GEO_WORDS | GENERIC_WORDS | ORDINALS or not t.is_alpha or len(t) < 3 and not t.is_upper
               for t in part):
            continue
        code, pop = best_code(gaz, part.text)
        if part[0].text[:1].isupper() and (code in {"PPLC", "PPLA", "ADM1"} or (code or "").startswith("PPL") and pop >= 100_000):
            return part
    return None


def facility_names(doc: Doc, gaz: Gazetteer, texts: list[str]) -> list[Span]:
    """Names of streets, buildings and grounds, whatever the tagger made of them: "Royal Street"
    (ORG), "Karl Bremer Hospital" (PERSON), "Buckland Elementary School" (nothing). An institution's
    name ("... Court", "... College") is a place only after "at", "in", "to" and the like; a
    person's two-word name that ends in such a noun ("Anna Hall") never is."""
    label_of = {i: e.label_ for e in doc.ents for i in range(e.start, e.end)}
    out: list[Span] = []
    covered = len(doc)
    heads = [i for i, x in enumerate(texts) if x[:1].isupper() and x.lower().rstrip(".") in _HEADS]
    for i in reversed(heads):
        t = doc[i]
        low = t.lower_.rstrip(".")
        if t.i >= covered:
            continue
        span = _facility_run(doc, t.i, gaz)
        if span is None or span.end > covered:
            continue
        labels = {label_of.get(x.i) for x in span}
        if labels & {"GPE", "LOC"} and low not in STREET_HEADS:
            continue  # "University of Calgary": the tagger's place inside is the name to resolve
        person = "PERSON" in labels
        i = span.start - 1
        prev = doc[i].lower_ if i >= 0 else ""
        if person and len(span) == 2 and low in SURNAME_HEADS and prev not in {"the", "a", "an"}:
            continue  # "Anna Hall", not "the Christopher Inn"
        if low in INSTITUTION_HEADS or person:
            while i >= 0 and (doc[i].lower_ in {"the", "a", "an"} or doc[i].pos_ == "ADJ" or doc[i].is_quote):
                i -= 1  # "to the spectacular Meydan Racecourse", 'to the "No. 2 Detention Centre"'
            before = doc[i].lower_ if i >= 0 else ""
            if before not in _FAC_BEFORE - {"the"} and prev not in {"'s", "’s"}:
                continue
        nxt = doc[span.end] if span.end < len(doc) else None
        if low in INSTITUTION_HEADS and nxt is not None and nxt.lower_ in SPEECH:
            continue  # "Harbor College said": the institution speaking
        out.append(_town_inside(span, gaz) or span)  # a facility's whole name is no better known than its town
        covered = span.start
    return out


_ROAD = re.compile(r"^(?:[ABMN]\d{1,4}|I-\d{1,3})$")
ROAD_AFTER = {"carriageway", "motorway", "road", "junction", "roundabout", "southbound", "northbound", "eastbound",
              "westbound", "heading", "slip", "interchange", "exit", "corridor", "bypass"}
ROAD_BEFORE = {"on", "via", "along", "off", "onto", "closed", "join", "joined", "joins", "take", "took", "use"}


def road_numbers(doc: Doc, texts: list[str]) -> list[int]:
    """Numbered roads ("the A417 southbound", "a crash on the M4", "via the A436, A40 and A429"):
    a road's number where the words around say road, so that a group's name ("the M23 rebels")
    never passes."""
    roads = [i for i, x in enumerate(texts) if x[:1] in "ABMNI" and x[-1:].isdigit() and _ROAD.match(x)]
    out = set()
    for i in roads:
        j = i - 1
        while j >= 0 and doc[j].lower_ in {"the", "a"}:
            j -= 1
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if nxt in ROAD_AFTER or (j >= 0 and doc[j].lower_ in ROAD_BEFORE):
            out.add(i)
    for _ in range(2):  # "via the A436, A40 and A429": a list of roads shares the cue
        out |= {i for i in roads for k in out if abs(i - k) == 2 and doc[min(i, k) + 1].lower_ in {",", "and", "or"}}
    return sorted(out)
