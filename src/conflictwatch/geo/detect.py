"""Find place names in a parsed document: spaCy's entities plus gazetteer matching.

The small English model misses places (an unfamiliar Sahel village), mislabels them ("Kidal"
as PERSON) and labels people after places ("Paris" the person). So:

* GPE / LOC / FAC entities are kept; NORP entities only when they name a country or continent
  ("Malian", "European");
* PERSON / ORG entities, and capitalised word runs outside any entity, are kept when the
  gazetteer knows the name AND the text around them says "place" (a locative preposition
  before, a ", Country" or "region" after), or the name is a country or province;
* a PERSON entity with a first name, or followed by a speech verb, is never a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.nlp.text import doc_text
from conflictwatch.taxonomy import EVENT_NOUNS

PLACE_LABELS = {"GPE", "LOC", "FAC"}
COMMON_POS = {"ADJ", "NOUN", "VERB", "ADV", "NUM", "ADP", "PRON", "DET", "AUX", "CCONJ", "SCONJ", "INTJ"}
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
LOCATIVE = {"in", "at", "near", "from", "to", "outside", "around", "of", "between", "towards", "toward",
            "into", "across", "through", "within", "inside", "and", "en", "à", "de", "du", "via", "on",
            "nearby", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "village", "town", "city", "region", "province", "commune", "district", "state",
            "fled", "reached", "attacked", "raided", "entered", "left", "stormed", "captured", "seized", "hit",
            "struck", "shelled", "besieged", "overran", "visited", "leaving", "entering", "attacking"}
SPEECH = {"said", "says", "told", "added", "stated", "explained", "wrote", "tweeted", "announced", "argued",
          "believes", "thinks", "claimed"}
ADMIN_NOUNS = {"region", "province", "state", "district", "county", "department", "governorate", "cercle",
               "commune", "prefecture", "municipality", "oblast", "territory", "lga"}
PLACE_NOUNS = {"town", "village", "city", "commune", "locality", "district", "region", "province", "hamlet",
               "settlement", "camp", "municipality", "capital", "slum", "township", "suburb",
               "neighbourhood", "neighborhood"}
BIG_CODES = {"PCLI", "CONT", "ADM1", "PPLC", "PPLA"}
CONNECTORS = {"-", "de", "el", "da", "do", "dos", "das", "di", "del", "des", "du", "la", "le", "al", "ag", "ould"}
GENERIC_WORDS = {"western", "eastern", "northern", "southern", "central", "west", "east", "north", "south",
                 "arab", "islamic", "muslim", "christian", "jewish", "catholic", "sunni", "shia", "shiite"}
LANDMARK_CODES = {"BLDG", "STRT", "AIRP", "RGN", "OCN", "SEA", "ISL", "PRK", "FRST"}
GEO_WORDS = {"forest", "park", "river", "lake", "mountain", "mountains", "valley", "state", "city", "county",
             "province", "region", "district", "island", "islands", "coast", "gulf", "bay", "desert", "national",
             "central", "north", "south", "east", "west", "new", "great", "united", "republic", "street", "road",
             "airport", "camp", "base", "market", "bridge", "hospital", "university", "school", "church", "mosque",
             "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
#: Calendar words: never a place when a text uses them as dates ("on Thursday", "in March",
#: "May 3"); a town called March or May needs a place noun before it ("the town of March").
DATE_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
              "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "st", "sen", "rep", "gov", "pres"}
_EDGE_PUNCT = "-–—(),.;:'\"“”‘’[]"


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


@dataclass
class Mention:
    """A place name found in a text (before resolution)."""

    start: int
    end: int
    text: str
    label: str  # spaCy label, or "GAZ", "EMB" (inside an organisation's name), "DOC", "DATELINE"


def _best_code(gaz: Gazetteer, text: str) -> tuple[str | None, float]:
    rows = gaz.ids(text)
    if len(rows) == 0:
        return None, 0.0
    i = max(rows, key=lambda r: gaz.prior[r])
    return gaz.feature_code(int(i)), float(gaz.pop[i])


def _is_landmark(gaz: Gazetteer, text: str) -> bool:
    return any(gaz.fc[i] in LANDMARK_CODES for i in gaz.ids(text))


def _trim(ent: Span) -> Span:
    """An entity the tagger ran on past the name and a spaced dash ("Sri Lanka - approximately"):
    cut before the dash."""
    for t in ent[1:]:
        if t.text in {"-", "–", "—"} and (t.whitespace_ or ent.doc[t.i - 1].whitespace_):
            return Span(ent.doc, ent.start, t.i, label=ent.label_)  # a slice would lose the label
    return ent


def _strip_det(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in {"the", "a", "an"}:
        span = span[1:]
    if len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    return span


AFTER_NOUNS = ADMIN_NOUNS | {"neighbourhood", "neighborhood", "quarter", "area", "suburb", "village", "town",
                             "city", "axis", "road", "border", "camp", "base", "airport", "market", "outskirts",
                             # plurals and the people of a place: "the Dadaab camps", "Esperance residents"
                             "camps", "bases", "markets", "villages", "towns", "areas", "districts", "residents",
                             "villagers", "inhabitants", "resident", "villager", "native", "natives", "woman", "man",
                             "farm", "farms"}


def _is_town(gaz: Gazetteer, text: str) -> bool:
    """A town of some size (20,000 people or a district seat) or a province: short capitalised
    datelines ("DJIBO —") must be one to pass for a place rather than a group's acronym."""
    code, pop = _best_code(gaz, text)
    return code is not None and (pop >= 20_000 or code in {"PPLC", "PPLA", "PPLA2", "ADM1", "ADM2"})


def _is_dateline(span: Span, gaz: Gazetteer | None = None) -> bool:
    """A capitalised name opening a sentence before a dash, colon or bracket, or before its
    country or province: "IMMOKALEE –", "GAO (Reuters)", "DJIBO, Burkina Faso —" (the tagger often
    gives such words no entity or an organisation's, and a common part of speech)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if not (span[0].is_sent_start and span.text.isupper() and len(span.text) > 3 and nxt is not None):
        return False
    return (nxt.text in {"—", "–", "-", "--", ":", "("} or (gaz is not None and _province_after(span, gaz))
            or _date_after(span))


def _date_after(span: Span) -> bool:
    """"KYIV, 3 February -", "MOPTI, March 12 —": a comma, a date and a dash after the name."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    words = doc[span.end + 1 : span.end + 6]
    dated = False
    for t in words:
        if t.text in {"—", "–", "-", "--"}:
            return dated
        if not (t.like_num or t.lower_.rstrip(".") in DATE_WORDS or t.text == ","):
            return False
        dated = dated or t.lower_.rstrip(".") in DATE_WORDS
    return False


def _locative_context(span: Span) -> bool:
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in {"the", "a", "an"}:
        i -= 1  # "in the Faladie neighbourhood"
    prev = doc[i] if i >= 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if prev is not None and prev.lower_ in LOCATIVE:
        return True
    if _is_dateline(span):
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


ORG_WORDS = {"police", "department", "service", "council", "ministry", "office", "agency", "committee",
             "commission", "university", "authority", "board", "court", "government", "army", "pd", "times",
             "post", "institute", "hospital", "school", "company", "bank", "club", "party", "group"}


def _org_like(span: Span) -> bool:
    """An organisation's name rather than a person's: three words or more, or one that ends
    in an institution's noun ("Toronto Police", "New York Police Department")."""
    return len(span) >= 3 or span[-1].lower_.strip(".") in ORG_WORDS


def _complete(span: Span, gaz: Gazetteer, taken: list[bool]) -> Span:
    """The tagger often stops a name early ("Guinea" of "Guinea-Bissau", "Democratic Republic"
    of "... of the Congo", "Rio Grande" of "Rio Grande do Sul"): take up to four more words
    when the gazetteer knows the longer name."""
    doc = span.doc
    reach = span.end  # the tail may hold capitalised words and connectors only, within the sentence
    while reach < len(doc) and reach - span.end < 4:
        t = doc[reach]
        if taken[reach] or t.is_sent_start or not (t.text[:1].isupper() or t.text in CONNECTORS or t.lower_ in {"of", "the"}):
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


def _speaking_unit(span: Span, code: str | None) -> bool:
    """A country or a province of two words or more that "said" something speaks through its
    government ("Tamil Nadu said"): it is still a place name."""
    return code == "PCLI" or (code == "ADM1" and len(span) >= 2)


def _province_after(span: Span, gaz: Gazetteer) -> bool:
    """"Klamath Falls, Oregon": a comma and a province or country after the name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    for size in (5, 4, 3, 2, 1):  # "Democratic Republic of Congo": small words inside the name
        after = doc[span.end + 1 : span.end + 1 + size]
        if len(after) == size and after[0].text[:1].isupper() and after[-1].text[:1].isupper() and all(
                t.text[:1].isupper() or t.lower_ in {"of", "the", "and"} for t in after):
            code, _ = _best_code(gaz, after.text)
            if code in {"ADM1", "PCLI"}:
                return True
    return False


def _place_noun_before(span: Span) -> bool:
    """"the town of X", "the village of X", "X's": the words before say it is a place."""
    doc = span.doc
    prev = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    return bool(prev) and (prev[-1] in PLACE_NOUNS or (len(prev) == 2 and prev[0] in PLACE_NOUNS and prev[1] in {
        "of", "called", "named"}))  # "a town called X"


def _names_an_event(span: Span) -> bool:
    """"the Ben Guerdane attack", "the Marawi siege": a name that qualifies an event noun is where
    the event was, when the gazetteer knows it (a group's name, "the JNIM attack", it does not)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is not None and nxt.lemma_.lower() in EVENT_NOUNS and span.root.dep_ in ("compound", "nmod", "amod")


def _is_date_word(span: Span) -> bool:
    """"Thursday", "March", "Sept.": a calendar word, whatever label the tagger gave it, unless
    a place noun precedes it ("the village of May")."""
    words = [t for t in span if t.text not in _EDGE_PUNCT and t.tag_ != "POS"]
    if len(words) != 1 or words[0].lower_.rstrip(".") not in DATE_WORDS:
        return False
    return not _place_noun_before(span)


def _is_acronym(span: Span) -> bool:
    t = span.text.replace(".", "")
    return len(span) == 1 and 2 <= len(t) <= 5 and t.isupper() and t.isalpha()


def _admin_suffixed(span: Span, gaz: Gazetteer) -> bool:
    """"Kauru LGA", "Borno State": a known name followed by an admin noun."""
    return len(span) > 1 and span[-1].lower_ in ADMIN_NOUNS and len(gaz.ids(span[:-1].text)) > 0


def _looks_like_person(span: Span, speech: bool = True) -> bool:
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


def _embedded_place(span: Span, gaz: Gazetteer) -> Span | None:
    """A well-known place inside an organisation's name: "US" in "US Army", "Toronto" in
    "Toronto Police Service" (news geoparsing counts these)."""
    n = len(span)
    for size in range(min(n - 1, 3), 0, -1):
        for s in range(0, n - size + 1):
            sub = span[s : s + size]
            if not sub[0].text[:1].isupper() or sub[0].lower_ in {"the", "a", "an", "of", "and"}:
                continue
            if size == 1 and sub[0].lower_ in GEO_WORDS | GENERIC_WORDS:
                continue
            dateline = sub.text.isupper() and len(sub.text) > 3 and not span[s - 1].text.isupper()
            # "SOS Children's Village Malakal", "CDC Atlanta", "HSBC Malta": a place closing a long
            # name or one after an acronym
            last = s + size == n and (n >= 3 or span[0].text.isupper() and len(span[0].text) > 1)
            if s > 0 and span[s - 1].lower_ not in {"of", "in", "de", "du"} and not dateline and not last:
                continue  # at the start ("Toronto Police") or after "of" ("Bank of England"), or a
                # capitalised dateline glued to a byline ("Associated Press WASHINGTON")
            code, pop = _best_code(gaz, sub.text)
            if code in {"PCLI", "CONT", "ADM1", "PPLC", "PPLA"} or (code and code.startswith("PPL") and pop >= 100_000):
                return sub
    return None


def _name_word(t) -> bool:
    return t.text[:1].isupper() or (t.like_num and t.text[:1].isdigit())


def _facility_run(doc: Doc, head: int, gaz: Gazetteer) -> Span | None:
    """The name that ends in the facility noun at ``head``: the capitalised words (and numbers)
    before it, up to five, within the sentence ("No. 2 Detention Centre", "14th St."), and "of"
    with a name after it ("the University of St. Thomas", "Mall of Asia")."""
    start = head
    while start > 0 and head - start < 5 and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if _name_word(prev) and prev.text not in _EDGE_PUNCT:
            start -= 1
        elif prev.lower_ in {"of", "de", "des", "du"} and start > 1 and doc[start - 2].text[:1].isupper():
            start -= 1
        elif prev.tag_ == "POS" and start > 1 and doc[start - 2].text[:1].isupper() and not _is_town(gaz, doc[start - 2].text):
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
    if nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start and nxt.text not in _EDGE_PUNCT:
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
        code, pop = _best_code(gaz, part.text)
        if part[0].text[:1].isupper() and (code in {"PPLC", "PPLA", "ADM1"} or (code or "").startswith("PPL") and pop >= 100_000):
            return part
    return None


_HEADS = FACILITY_HEADS | INSTITUTION_HEADS


def _facility_names(doc: Doc, gaz: Gazetteer, texts: list[str]) -> list[Span]:
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


#: Words of the names of a town's own bodies and teams: "Slidell Police Department", "Owensboro
#: Public Schools", "Bolton Wanderers". A town's name that opens one is that town, whatever its size.
LOCAL_BODY_WORDS = {"police", "pd", "department", "sheriff", "council", "chamber", "commission", "herald", "gazette",
                    "rcmp", "parks", "fc", "united", "wanderers", "albion", "rovers", "athletic", "courier"}


def _names_local_body(words: list[str]) -> bool:
    """A town's police, council, schools or team ("Public Schools", "Fire Department"; not the
    band "Arcade Fire", nor "Kennedy Elementary Schools", a person's)."""
    return bool(set(words) & LOCAL_BODY_WORDS) or "public schools" in " ".join(words) or \
        any(w == "fire" and k + 1 < len(words) for k, w in enumerate(words))


def _town_of_institution(span: Span, gaz: Gazetteer) -> Span | None:
    """The town that opens the name of one of its own bodies: "Allendale" of "The Allendale
    Woman's Club", "Slidell" of "Slidell PD"; a town of 1,000 people or more, or a district."""
    if not _names_local_body([t.lower_.strip(".") for t in span]):
        return None
    for size in (3, 2, 1):
        if size >= len(span):
            continue
        sub, rest = span[:size], span[size:]
        if not all(t.text[:1].isupper() and t.is_alpha or t.text == "-" for t in sub) or not rest[0].text[:1].isupper():
            continue
        if not _names_local_body([t.lower_.strip(".") for t in rest]) or sub[0].lower_ in GEO_WORDS | GENERIC_WORDS:
            continue
        code, pop = _best_code(gaz, sub.text)
        if code in {"PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "PPLA2"} or ((code or "").startswith("PPL") and pop >= 1000):
            return sub
    return None


#: Words before a person's name: "President Buhari", "Prime Minister Modi", "Gen. Haftar".
TITLES = {"president", "minister", "mr", "mrs", "ms", "dr", "prof", "gen", "general", "senator", "sen", "governor",
          "gov", "king", "queen", "prince", "princess", "pope", "sheikh", "chancellor", "premier", "mayor", "judge",
          "colonel", "col", "captain", "capt", "lt", "sgt", "sir", "imam", "pastor", "bishop", "chief", "commander"}


def _people_of(span: Span, gaz: Gazetteer) -> bool:
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


def _language(span: Span) -> bool:
    """"in English", "speaks Spanish": the tagger's language, unless it qualifies a noun."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span[0].ent_type_ == "LANGUAGE" and not (nxt is not None and nxt.pos_ in {"NOUN", "PROPN"})


def _venue(span: Span) -> bool:
    """An organisation's name right after "at" is where something happens ("a class at Whole Foods",
    "the race at Brands Hatch"), unless it speaks or is an office ("at Acme Police")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in {"the", "a", "an"}:
        i -= 1
    nxt = doc[span.end] if span.end < len(doc) else None
    return i >= 0 and doc[i].lower_ == "at" and not (nxt is not None and nxt.lower_ in SPEECH) and \
        not any(t.lower_.strip(".") in ORG_WORDS | LOCAL_BODY_WORDS | BODY_WORDS or t.is_upper for t in span) and \
        all(t.text[:1].isupper() for t in span)


#: Words of the names of bodies that are no venue ("the International Air Transport Association").
BODY_WORDS = {"association", "forum", "services", "service", "laboratory", "laboratories", "observatory", "competition",
              "unit", "organisation", "organization", "foundation", "society", "network", "programme", "program",
              "agency", "ministry", "company", "corporation", "inc", "ltd", "llc", "nv", "plc", "co", "international",
              "national", "federal", "airways", "airlines", "air", "bank", "fund", "trust", "analytics", "research"}


def _titled(span: Span) -> bool:
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_.rstrip(".") in TITLES and span[0].pos_ == "PROPN"


def _people_words(doc: Doc, gaz: Gazetteer, texts: list[str]) -> set[str]:
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
            if _best_code(gaz, t.text)[0] not in {"PCLI", "ADM1", "CONT", "PPLC"}:
                out.add(key(t.text))
                surfaces.add(t.text)
    if not out:
        return out
    # a word the article also uses as a place ("nearby in Riverdale") is a place throughout
    hits = [i for i, x in enumerate(texts) if x in surfaces]
    return out - {key(doc[i].text) for i in hits if _said_to_be_a_place(doc[i : i + 1])}


def _said_to_be_a_place(span: Span) -> bool:
    """"in Kelly", "the town of Kelly", "the Kelly area", "Kelly, Texas": the words around make
    a namesake a place."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.tag_ == "POS":
        return False  # "at Kelly's attempts", "in Modi's cabinet"
    return _place_noun_before(span) or (prev is not None and prev.lower_ in {"in", "at", "near", "outside", "into"}) or (
        nxt is not None and nxt.lower_ in AFTER_NOUNS) or (nxt is not None and nxt.text == "," and span.end + 1 < len(doc)
                                                           and doc[span.end + 1].ent_type_ == "GPE")


#: "US-based", "Mali-led", "Paris-born": a place before the hyphen qualifies the word after it.
HYPHEN_QUALIFIED = {"based", "led", "born", "backed", "owned", "made", "funded", "bound", "registered", "run",
                    "controlled", "held", "occupied", "allied", "brokered", "sponsored", "headquartered", "grown",
                    "bred", "raised", "area", "wide"}


_ROAD = re.compile(r"^(?:[ABMN]\d{1,4}|I-\d{1,3})$")
ROAD_AFTER = {"carriageway", "motorway", "road", "junction", "roundabout", "southbound", "northbound", "eastbound",
              "westbound", "heading", "slip", "interchange", "exit", "corridor", "bypass"}
ROAD_BEFORE = {"on", "via", "along", "off", "onto", "closed", "join", "joined", "joins", "take", "took", "use"}


def _road_numbers(doc: Doc, texts: list[str]) -> list[int]:
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


HYPHEN_PREFIXES = {"pan", "sub", "anti", "pro", "trans", "neo", "non", "ex", "post", "pre", "inter", "afro", "euro"}


def _big_place(gaz: Gazetteer, text: str, pop_floor: float = 100_000) -> bool:
    code, pop = _best_code(gaz, text)
    return code is not None and (code in BIG_CODES | {"RGN", "OCN", "SEA"} or (code.startswith("PPL") and pop >= pop_floor))


def _hyphen_parts(doc: Doc, gaz: Gazetteer, taken: list[bool], texts: list[str]) -> list[tuple[int, int, int]]:
    """Places joined by a hyphen to another word ("US-based", "U.S.-led", "Los Angeles-based",
    "IBA-Karachi", "Asia-Pacific") when the whole is no name the gazetteer knows: (token, start
    char, end char) of each place part, a country, province, region or city of 100,000 people.
    Not inside a person's name ("Diaz-Balart"), not after a prefix ("Pan-Igbo", "Sub-Saharan")."""
    out: list[tuple[int, int, int]] = []
    hyphens = [i for i, x in enumerate(texts) if "-" in x]
    if not hyphens:
        return out
    candidates = sorted({i for i in hyphens if len(texts[i]) > 1} | {i - 1 for i in hyphens if texts[i] == "-" and i > 0})
    for i in candidates:
        t = doc[i]
        if taken[t.i] or t.ent_type_ == "PERSON" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ not in HYPHEN_QUALIFIED:
            continue
        if "-" in t.text:  # one token: "U.S.-led"
            head, _, rest = t.text.partition("-")
            if head[:1].isupper() and rest.lower() in HYPHEN_QUALIFIED and _big_place(gaz, head):
                out.append((t.i, t.idx, t.idx + len(head)))
            continue
        if t.i + 2 >= len(doc) or doc[t.i + 1].text != "-" or t.whitespace_ or doc[t.i + 1].whitespace_:
            continue
        if not t.text[:1].isupper() or t.lower_ in HYPHEN_PREFIXES:
            continue
        nxt = doc[t.i + 2]
        if nxt.lower_ in HYPHEN_QUALIFIED:  # "Los Angeles-based": the name may start a word or two back
            for k in (2, 1, 0):
                if t.i - k >= 0 and all(x.text[:1].isupper() and x.whitespace_ for x in doc[t.i - k : t.i]):
                    if not any(taken[x.i] for x in doc[t.i - k : t.i + 1]) and _big_place(gaz, doc[t.i - k : t.i + 1].text):
                        out.append((t.i, doc[t.i - k].idx, t.idx + len(t)))
                        break
            continue
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if not nxt.text[:1].isupper() or taken[nxt.i] or (after is not None and after.text[:1].isupper()):
            continue  # "Sub-Saharan Africa": the name goes on
        whole = _best_code(gaz, f"{t.text}-{nxt.text}")[0]
        parts = {_best_code(gaz, t.text)[0], _best_code(gaz, nxt.text)[0]}
        if whole is not None and not (whole == "RGN" and parts <= {"CONT", "OCN", "SEA", "RGN"}):
            continue  # "Guinea-Bissau" is one name; "Asia-Pacific" is two, a continent and an ocean
        if t.ent_type_ == "PERSON" or nxt.ent_type_ == "PERSON":
            continue
        for x in (t, nxt):
            if _big_place(gaz, x.text):
                out.append((x.i, x.idx, x.idx + len(x)))
    return out


_NOT_PERSON_WORDS = GEO_WORDS | PLACE_NOUNS | FACILITY_HEADS | INSTITUTION_HEADS | ORG_WORDS | LOCAL_BODY_WORDS


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Place-name spans of ``doc``, in text order, without overlaps."""
    out: list[Mention] = []
    taken = [False] * len(doc)
    blocked = [False] * len(doc)
    org_inner = [False] * len(doc)  # inside an organisation's name, not at its start
    texts = [t.text for t in doc]
    people = _people_words(doc, gaz, texts)
    bounds: list[tuple[int, int]] = []  # token start and end of each mention in ``out``

    def add(span: Span, label: str, sure: bool = False) -> None:
        span = _strip_det(span)
        while len(span) > 1 and span[-1].text in _EDGE_PUNCT:
            span = span[:-1]
        while len(span) > 1 and span[0].text in _EDGE_PUNCT:
            span = span[1:]
        if _people_of(span, gaz) or _language(span):
            return  # "Mexicans", "Nigerians": a people, not a place; "speaks in English"
        if not sure and len(span) == 1 and label in PLACE_LABELS | {"NORP"} and not len(gaz.ids(span.text)) and \
                not _said_to_be_a_place(span) and not _locative_context(span) and not len(gaz.fuzzy_ids(span.text)):
            return  # "Wedbush", "Dropbox" tagged GPE: a word no gazetteer knows, where nothing says place
        if _titled(span) or (len(span) == 1 and label not in {"EMB", "FAC"} and key(span.text) in people
                             and not _said_to_be_a_place(span)):
            return  # "President Buhari"; "Kelly" where the article names John Kelly
        if len(span) == 1 and span[0].lower_ in GEO_WORDS and label not in PLACE_LABELS:
            return
        if _is_date_word(span):
            return
        if not any(ch.isupper() for ch in span.text):
            return  # "ran into the bush": a word in lower case is not a name, whatever the tagger says
        if len(span) == 1 and label not in PLACE_LABELS and span[0].pos_ in COMMON_POS and not _is_dateline(span, gaz) and \
                not (span[0].is_sent_start and span.end < len(doc) and doc[span.end].lower_ in AFTER_NOUNS) and \
                _best_code(gaz, span.text)[0] not in {"PCLI", "CONT", "ADM1", "RGN"}:
            return  # "Federal", "Second", "Free": a capitalised common word, not a town's name
        if len(span) == 1 and span[0].lower_.rstrip(".") in HONORIFICS:
            return  # "Ms. Joly"
        if _is_acronym(span) and label not in PLACE_LABELS and not (_is_dateline(span, gaz) and _is_town(gaz, span.text)):
            code, _ = _best_code(gaz, span.text)
            if code not in {"PCLI", "CONT", "ADM1"}:
                return  # "NAS", "MNLA": acronyms are groups unless they name a country or province
        if any(ch.isdigit() for ch in span.text) and label != "FAC" and not len(gaz.ids(span.text)):
            return  # "M23", "G7": names of groups, not places
        if any(taken[t.i] for t in span):
            return
        span = _complete(span, gaz, taken)
        for t in span:
            taken[t.i] = True
        if label in {"GAZ", "EMB", "DOC"} and _is_dateline(span, gaz):
            label = "DATELINE"  # as sure as the tagger's own places: never dropped as a lone word
        out.append(Mention(span.start_char, span.end_char, span.text, label))
        bounds.append((span.start, span.end))

    for span in reversed(_facility_names(doc, gaz, texts)):
        add(span, "FAC")
    for i in _road_numbers(doc, texts):
        add(doc[i : i + 1], "FAC", sure=True)
    for i, s, e in _hyphen_parts(doc, gaz, taken, texts):
        first = i
        while first > 0 and doc[first].idx > s:
            first -= 1  # "Los Angeles-based": the name's first token
        if not any(taken[first : i + 1]):
            out.append(Mention(s, e, doc_text(doc)[s:e], "GAZ"))
            bounds.append((first, i + 1))
            taken[first : i + 1] = [True] * (i + 1 - first)
    for ent in map(_trim, doc.ents):
        text_key = key(ent.text)
        if not text_key:
            continue
        if ent.label_ in PLACE_LABELS:
            add(ent, ent.label_)
        elif ent.label_ == "NORP":
            if ent.text.lower() in GENERIC_WORDS:
                continue
            code, pop = _best_code(gaz, _strip_det(ent).text)
            if code in {"PCLI", "CONT", "RGN", "ADM1"}:
                add(ent, ent.label_)
            elif code is not None and pop >= 1000 and len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ in AFTER_NOUNS:
                add(ent, "GAZ")  # "a Longview woman", "the Bulacan farm": a town's people and things
        elif ent.label_ in {"PERSON", "ORG"}:
            span = _strip_det(ent)
            code, pop = _best_code(gaz, span.text)
            if _admin_suffixed(span, gaz) or ((_place_noun_before(span) or _names_an_event(span)) and (
                    code is not None or len(gaz.fuzzy_ids(span.text)) > 0)):
                add(span, "GAZ")  # "the town of Maarat al-Numan": another spelling of a known place
            elif code is not None and not _looks_like_person(span, speech=not _speaking_unit(span, code)) and (
                code in {"PCLI", "CONT", "ADM1"} | LANDMARK_CODES
                or _is_landmark(gaz, span.text)
                or (_locative_context(span) and (code in BIG_CODES or len(span) == 1 or _province_after(span, gaz)))
                or (all(t.pos_ == "PROPN" for t in span) and (code in BIG_CODES or pop >= 100_000))
            ):
                add(span, "GAZ")
            elif ent.label_ == "ORG" and not _looks_like_person(span, speech=not _org_like(span)):
                # an organisation speaks ("The New York Police Department said"): the place in
                # its name is still a place
                emb = _embedded_place(span, gaz) or _town_of_institution(span, gaz)
                if emb is not None:
                    add(emb, "EMB")
            elif ent.label_ == "PERSON" and (emb := _town_of_institution(span, gaz)) is not None:
                add(emb, "EMB")  # "Abuja Chamber of Commerce" tagged as a person
            if ent.label_ == "ORG" and len(span) > 1 and not any(taken[t.i] for t in ent) and _venue(span):
                add(span, "FAC")  # "a class at Whole Foods": a shop, a track, a restaurant
            if len(ent) > 1 and not any(taken[t.i] for t in ent) and (ent.label_ == "PERSON" or _looks_like_person(span)):
                for t in ent:  # a person's full name: its words are not places either ("Paris Hilton")
                    blocked[t.i] = True
    # inside an organisation's name a run may only start at its first word or after "of"
    # ("Bank of Mali" yes, "The Globe and Mail" no)
    for ent in doc.ents:
        if ent.label_ == "ORG":
            for t in _strip_det(ent)[1:]:
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
        while j < n and not taken[j] and not blocked[j] and (doc[j].text[:1].isupper() or (j > i and doc[j].text in CONNECTORS)) and j - i < 5:
            j += 1
        found = False
        for end in range(j, i, -1):  # longest match first
            span = doc[i:end]
            if span[-1].text in CONNECTORS:
                continue
            code, pop = _best_code(gaz, span.text)
            if code is None:
                continue
            if org_inner[i] and code not in {"PCLI", "CONT", "ADM1"}:
                continue  # "The Globe and Mail": a town's name inside an organisation's
            if (code in {"PCLI", "CONT"} or _locative_context(span)
                    or (all(t.pos_ == "PROPN" for t in span) and (code in BIG_CODES or pop >= 100_000))):
                word = span[0]  # "US" is no stop word, "us" is
                if not _looks_like_person(span) and not (len(span) == 1 and (
                        word.is_stop and not word.is_upper or word.lower_ in GEO_WORDS | GENERIC_WORDS)):
                    add(span, "GAZ")
                    found = True
                    i = end
                    break
        if not found and j - i >= 2 and not org_inner[i] and (emb := _town_of_institution(doc[i:j], gaz)) is not None:
            add(emb, "EMB")  # "(Picture: Slidell PD)": untagged
            i = emb.end
            found = True
        if not found:
            i += 1
    # a name accepted once is a place wherever else it appears as an entity ("Douma" tagged
    # PERSON in one sentence, GPE in another)
    known = {key(m.text) for m in out}
    for ent in doc.ents:
        span = _strip_det(ent)
        if ent.label_ in NOT_NAMES or not span.text[:1].isupper():
            continue  # "New Year's day", "the second": a date or a number, not a name
        if any(taken[t.i] for t in span):
            continue
        if (key(span.text) in known or key(_complete(span, gaz, taken).text) in known) and not _looks_like_person(span):
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
        if (left or right) and not _looks_like_person(doc[i:j]):
            out.append(doc[i:j])
        i = j
    return out
