"""The pass over resolved toponyms that drops single words nothing in the article backs up."""

from __future__ import annotations

import re

from conflictwatch.geo.normalize import key
from conflictwatch.models import Toponym

_PLACE_OF = re.compile(
    r"\b(?:town|village|city|locality|commune|hamlet|settlement|district|region|province|county|"
    r"area|camp|outskirts|near|outside)(?:\s+of)?\s*$",
    re.IGNORECASE,
)


def drop_unsupported_words(tops: list[Toponym], mentions: list, text: str = "") -> list[Toponym]:
    """A single word the tagger did not call a place ("Federal", "Court", "Eze"), found only
    because some place somewhere has that name, is dropped when it would be the article's only
    place in its country: nothing else in the text backs that reading up. Capitals and cities
    of 100,000 people or more, called by their own name, are names news uses without naming
    their country ("Glasgow"; not "Day" for Dayton), and so are a city of a million's other names
    ("Calcutta"). Such a word whose every reading the
    resolver rejected (it fell back to the article's locality) is dropped too."""
    names_in: dict[str, set[str]] = {}
    for t in tops:
        if t.place is not None and t.place.country_code and t.confidence > 0.1:  # fallbacks vouch for nothing
            names_in.setdefault(t.place.country_code, set()).add(key(t.name))
    tagged = {key(m.text) for m in mentions if m.label in {"GPE", "LOC", "FAC"}}  # the tagger's own places
    out = []
    for t, m in zip(tops, mentions, strict=True):
        if key(t.name) in tagged:
            out.append(t)  # the tagger calls this name a place elsewhere in the article
            continue
        p = t.place
        if (m.label in {"GAZ", "EMB", "DOC"} and len(t.name.split()) == 1 and t.confidence <= 0.1
                and not _PLACE_OF.search(text[max(0, t.start - 40) : t.start])):
            continue  # found only through a gazetteer name whose every reading the resolver rejected
        lone = (p is not None and m.label in {"GAZ", "EMB", "DOC"} and len(t.name.split()) == 1
                and p.feature_code not in {"PCLI", "CONT"} and p.country_code
                and not (key(t.name) == key(p.name) and (p.feature_code == "PPLC" or (
                    (p.feature_code or "").startswith("PPL") and (p.population or 0) >= 100_000)))
                # a great city's other name ("Calcutta", "Bombay"), not a scrap of a name ("Day")
                and not ((p.feature_code or "").startswith("PPL") and (p.population or 0) >= 1_000_000
                         and len(key(t.name)) >= 5)
                and names_in.get(p.country_code, set()) <= {key(t.name)}
                and not _PLACE_OF.search(text[max(0, t.start - 40) : t.start]))  # "the town of Djibo"
        if not lone:
            out.append(t)
    return out
