"""The words of a place name, and shorter forms of it to look up.

Word sets that say what a longer name is built on (an institution, a facility, an office of a
province, a country's long form), and :func:`name_variants`: the forms to try when the
gazetteer lacks a name as written ("North Darfur" -> "Northern Darfur", "Bamako airport" -> "Bamako").
"""

from __future__ import annotations

import re

from conflictwatch.geo.detect_words import ADMIN_NOUNS, GEO_WORDS

INSTITUTION_WORDS = {"bank", "ministry", "parliament", "government", "congress", "senate", "court", "assembly",
                     "council", "police", "army", "navy", "commission", "federal", "national", "central", "foreign",
                     "department", "office", "agency", "institute", "museum", "library", "university"}
#: Offices of a province, not of a town: "New York Governor Andrew Cuomo", "the Kano Assembly".
UNIT_OFFICES = {"governor", "gov", "legislature", "lawmakers", "statehouse", "assembly", "premier"}
#: A national institution named alone ("Congress voted"): it sits in the capital.
SEAT_WORDS = {"congress", "parliament", "senate", "knesset", "duma", "bundestag", "national assembly"}
#: Words of a country's long form ("the Democratic Republic of Congo", "Kingdom of Morocco").
STATE_FORM_WORDS = {"the", "of", "republic", "democratic", "people's", "peoples", "islamic", "arab", "federal",
                    "united", "kingdom", "sultanate", "state", "union", "socialist", "federated"}
ABROAD_WORDS = {"embassy", "consulate", "school", "restaurant", "community", "club", "church", "centre", "center"}

#: Last words of names of streets and buildings: "Fitzwilliam Place", "Rogers Centre". A town
#: found inside such a name is only a guess ("Fitzwilliam" the village); unless it is a big place,
#: the article's own locality is the better one.
FACILITY_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "place", "square", "lane", "drive", "boulevard",
                  "blvd", "bend", "centre", "center", "stadium", "arena", "hospital", "school", "college",
                  "university", "academy", "chapel", "cathedral", "basilica", "castle", "palace", "tower", "hotel",
                  "inn", "restaurant", "theatre", "theater", "cottage", "gardens", "library", "museum", "mall",
                  "church", "studio", "studios", "club", "park", "hall"}
#: Words that are names of places somewhere ("Street", "Hill", "Wing", "University") but, inside
#: a longer name, are only its common nouns.
GENERIC_PARTS = FACILITY_WORDS | GEO_WORDS | INSTITUTION_WORDS | ABROAD_WORDS | {"hill", "point", "wing", "north", "south", "east", "west", "city",
                                              "county", "state", "new", "old", "great", "little", "upper", "lower"}

DIRECTION = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|"
                       r"north-?eastern|north-?western|south-?eastern|south-?western|upper|lower)\s+", re.I)
_COMPASS = {"north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
            "northern": "North", "southern": "South", "eastern": "East", "western": "West"}
LGA = re.compile(r"\s+(?:local\s+government(?:\s+area)?|l\.?g\.?a\.?)$", re.I)


def n_strong_variants(text: str) -> int:
    """How many of :func:`name_variants`' first results are the whole name reworded (the
    rest are parts of it)."""
    return len(name_variants(text, parts=False))


def name_variants(text: str, parts: bool = True) -> list[str]:
    """Shorter forms to try when a name is not in the gazetteer as written."""
    t = " ".join(text.replace("’", "'").split())
    out = []
    for pre in ("the ", "The "):
        if t.startswith(pre):
            t = t[len(pre):]
            out.append(t)
    if t.endswith("'s"):
        t = t[:-2]
        out.append(t)
    m = LGA.search(t)
    if m:  # "Guma Local Government Area", "Guma LGA": Nigeria's districts
        t = t[: m.start()]
        out.append(t)
    first, _, rest = t.partition(" ")
    if rest and first.lower() in _COMPASS:  # "North Darfur" is GeoNames' "Northern Darfur", and back
        out.append(f"{_COMPASS[first.lower()]} {rest}")
    m = DIRECTION.match(t)
    if m:
        out.append(t[m.end():])
    words = t.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_NOUNS | {"city", "town", "village", "island", "islands", "lga"}:
        out.append(" ".join(words[:-1]))
    if len(words) > 2 and words[0].lower() in ADMIN_NOUNS | {"city"} and words[1].lower() == "of":
        out.append(" ".join(words[2:]))
    if len(words) > 1 and words[0].lower() == "county":  # "County Kildare": Ireland's and Britain's word order
        out.append(" ".join(words[1:]))  # (the whole name reworded: its readings are not guesses from a part)
    if not parts:
        return out
    # embedded names, longest first: "Bamako airport", "Gao military camp", "Kano State Police"
    for size in range(len(words) - 1, 0, -1):
        for s in range(0, len(words) - size + 1):
            sub = words[s : s + size]
            if sub[0][:1].isupper() and not all(w.lower().strip(".,") in GENERIC_PARTS for w in sub):
                out.append(" ".join(sub))
    return out


def is_facility(text: str) -> bool:
    """Is ``text`` the name of a street or a building ("Fitzwilliam Place")? See :data:`FACILITY_WORDS`."""
    words = text.replace("’", "'").split()
    return len(words) > 1 and words[-1].lower().strip(".,") in FACILITY_WORDS

