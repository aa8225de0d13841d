"""Organisations' names: the place inside one ("US Army", "Bank of Mali", "Slidell PD") and the
organisation that is a venue ("a class at Whole Foods")."""

from __future__ import annotations

from spacy.tokens import Span

from conflictwatch.geo.detect_lookup import best_code
from conflictwatch.geo.detect_words import GENERIC_WORDS, GEO_WORDS, ORG_WORDS, SPEECH
from conflictwatch.geo.gazetteer import Gazetteer

#: Words of the names of a town's own bodies and teams: "Slidell Police Department", "Owensboro
#: Public Schools", "Bolton Wanderers". A town's name that opens one is that town, whatever its size.
LOCAL_BODY_WORDS = {"police", "pd", "department", "sheriff", "council", "chamber", "commission", "herald", "gazette",
                    "rcmp", "parks", "fc", "united", "wanderers", "albion", "rovers", "athletic", "courier"}
#: Words of the names of bodies that are no venue ("the International Air Transport Association").
BODY_WORDS = {"association", "forum", "services", "service", "laboratory", "laboratories", "observatory", "competition",
              "unit", "organisation", "organization", "foundation", "society", "network", "programme", "program",
              "agency", "ministry", "company", "corporation", "inc", "ltd", "llc", "nv", "plc", "co", "international",
              "national", "federal", "airways", "airlines", "air", "bank", "fund", "trust", "analytics", "research"}


def org_like(span: Span) -> bool:
    """An organisation's name rather than a person's: three words or more, or one that ends
    in an institution's noun ("Toronto Police", "New York Police Department")."""
    return len(span) >= 3 or span[-1].lower_.strip(".") in ORG_WORDS


def embedded_place(span: Span, gaz: Gazetteer) -> Span | None:
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
            code, pop = best_code(gaz, sub.text)
            if code in {"PCLI", "CONT", "ADM1", "PPLC", "PPLA"} or (code and code.startswith("PPL") and pop >= 100_000):
                return sub
    return None


def _names_local_body(words: list[str]) -> bool:
    """A town's police, council, schools or team ("Public Schools", "Fire Department"; not the
    band "Arcade Fire", nor "Kennedy Elementary Schools", a person's)."""
    return bool(set(words) & LOCAL_BODY_WORDS) or "public schools" in " ".join(words) or \
        any(w == "fire" and k + 1 < len(words) for k, w in enumerate(words))


def town_of_institution(span: Span, gaz: Gazetteer) -> Span | None:
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
        code, pop = best_code(gaz, sub.text)
        if code in {"PCLI", "ADM1", "ADM2", "PPLC", "PPLA", "PPLA2"} or ((code or "").startswith("PPL") and pop >= 1000):
            return sub
    return None


def venue(span: Span) -> bool:
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
