"""Resolve place names to gazetteer entries, using the whole article as context.

Each name gets candidates (every gazetteer row with that name, or, failing that, with a
shortened form of it: "Orange County" -> "Orange", "Bamako airport" -> "Bamako"). A candidate's
score is its prior (log population + a feature-code bonus: countries, provinces, capitals) plus

* the weight of its country in the article (countries named, and the countries of the names
  that are unambiguous);
* its province being named in the article;
* closeness to the article's other places;
* hints written beside the name: "Dounde (Bankass, Mopti)", "Kidal, Mali", "Diffa region".

Two passes: the first picks by prior alone and sets the context, the second rescores.
A name with no candidate falls back to the article's main locality (low confidence).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from spacy.tokens import Doc, Span

from conflictwatch.distance import km
from conflictwatch.geo.detect import ADMIN_NOUNS, GEO_WORDS, find_mentions
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.models import Toponym
from conflictwatch.nlp.text import doc_text

W_COUNTRY = 5.0
W_ADMIN1 = 2.5
W_NEAR = 2.5
W_HINT = 6.0
W_EXACT = 0.3
W_ALIAS = 4.0
#: A small town (under LONE_POP people) chosen among namesakes of its own country, far (LONE_KM)
#: from every one of the article's other places (two at least), is a guess: the article's own
#: locality is likelier ("the Shops at Stonewall", "from August in New Orleans").
LONE_POP = 20_000
LONE_KM = 400.0
W_PIN = 6.0
#: A town named like a far bigger city pays W_FAME per order of magnitude of population beyond
#: FAME_GAP (at most FAME_MAX): context alone (its state named, a place nearby) should not turn
#: "London" into a hamlet in California, nor "Portland" into a Texas town in a story full of Texas;
#: a hint written beside the name still can ("Paris, Texas"; "Austin, in Scott County, Indiana").
W_FAME = 2.0
FAME_GAP = 0.5
FAME_MAX = 3.0
#: ... and only as far as the big namesake is famous: fully from a prior of FAME_FROM + 1 (a city
#: of some 300,000), not at all below FAME_FROM.
FAME_FROM = 4.5
MAX_CANDIDATES = 300
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

_DIRECTION = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|upper|lower)\s+", re.I)
_HINT = re.compile(r"^\s*(?:,\s*(?:in\s+)?|\(\s*)([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3})"
                   r"(?:\s*,\s*([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3}))?")

_COMPASS = {"north": "Northern", "south": "Southern", "east": "Eastern", "west": "Western",
            "northern": "North", "southern": "South", "eastern": "East", "western": "West"}
_LGA = re.compile(r"\s+(?:local\s+government(?:\s+area)?|l\.?g\.?a\.?)$", re.I)
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)[A-ZÀ-Ý]")

#: "the state of Washington", "the province of Quebec", "upstate New York": the words before a
#: name say it is the province, not its namesake town ("the Kidal region of Mali" does not: the
#: noun there belongs to another name).
_UNIT_BEFORE = re.compile(r"(?:\bthe\s+(?:" + "|".join(sorted(ADMIN_NOUNS - {"lga"})) + r")\s+of\s+(?:the\s+)?|"
                          r"\bupstate\s+)$", re.I)

_STREET_AFTER = re.compile(r"^(?:\s+and\s+[A-ZÀ-Ý][\w'’\-]+)?\s+(?i:streets?|st\b\.?|avenues?|ave\b\.?|roads?|"
                           r"boulevards?|blvd\b\.?|lanes?)(?!\w)")
#: "Ontario's London", "London's Heathrow", "Ethiopia's Somali region": a place named in the
#: possessive just before the name says where it is, as a hint after it would.
_POSSESSOR = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w\-]+(?:\s+[A-ZÀ-Ý][\w\-]+){0,2})['’]s?\s+$")
_OF_COUNTRY = re.compile(r"^\s+of\s+(?:the\s+)?([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2})\b(?!\s*[A-ZÀ-Ý])")
_HINT_OF = re.compile(r"^\s+(?:(?i:local\s+government\s+area|local\s+government|lga)|neighbou?rhood|district|quarter|suburb|area|village|town|commune|cercle|department|"
                      r"region|province|county|state)\s+(?:of|in)\s+(?:the\s+)?"
                      r"([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3})()")


@dataclass
class _Cand:
    start: int
    end: int
    text: str
    rows: np.ndarray
    exact: np.ndarray  # 1.0 where the row's own name has the queried key
    hints: list[np.ndarray] = field(default_factory=list)  # row sets of hint names
    admin_hint: bool = False  # "X region": prefer admin units
    weak: bool = False  # candidates come from a part of the name only ("Bamako airport" -> Bamako)
    in_country: bool = False  # the hint is a country the name is said to be "of"
    street: bool = False  # the text names a street after it ("Hubbard Street", "State and Hubbard streets")
    query: str = ""  # the form of the name the candidates were found by ("Congo" for "Republic of Congo")
    shadow: np.ndarray | None = None  # 1.0 for an admin unit that has a namesake town inside it
    stands_for: list[tuple[int, np.ndarray]] = field(default_factory=list)  # (unit, its namesake towns)
    listed: bool = False  # the hint goes on as a list ("Washington, New York and Boston"): no pin
    unit_after: bool = False  # a unit's noun follows the name ("the Somali region"): not a country
    pick: int = -1
    score: float = 0.0
    margin: float = 0.0


def _n_strong_variants(text: str) -> int:
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
    m = _LGA.search(t)
    if m:  # "Guma Local Government Area", "Guma LGA": Nigeria's districts
        t = t[: m.start()]
        out.append(t)
    first, _, rest = t.partition(" ")
    if rest and first.lower() in _COMPASS:  # "North Darfur" is GeoNames' "Northern Darfur", and back
        out.append(f"{_COMPASS[first.lower()]} {rest}")
    m = _DIRECTION.match(t)
    if m:
        out.append(t[m.end():])
    words = t.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_NOUNS | {"city", "town", "village", "island", "islands", "lga"}:
        out.append(" ".join(words[:-1]))
    if len(words) > 2 and words[0].lower() in ADMIN_NOUNS | {"city"} and words[1].lower() == "of":
        out.append(" ".join(words[2:]))
    if not parts:
        return out
    # embedded names, longest first: "Bamako airport", "Gao military camp", "Kano State Police"
    for size in range(len(words) - 1, 0, -1):
        for s in range(0, len(words) - size + 1):
            sub = words[s : s + size]
            if sub[0][:1].isupper() and not all(w.lower().strip(".,") in GENERIC_PARTS for w in sub):
                out.append(" ".join(sub))
    return out


def _is_facility(text: str) -> bool:
    words = text.replace("’", "'").split()
    return len(words) > 1 and words[-1].lower().strip(".,") in FACILITY_WORDS


def _unique_points(points: list, limit: int = 200) -> np.ndarray:
    """Distinct anchor points (a long article names the same town many times), at most ``limit``."""
    if not points:
        return np.zeros((0, 2))
    a = np.unique(np.round(np.array(points, dtype=np.float64), 2), axis=0)
    return a[:limit]


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    # ------------------------------------------------------------------ candidates
    def candidates(self, text: str, start: int, end: int, full_text: str) -> _Cand:
        gaz = self.gaz
        rows = gaz.ids(text)
        q = text
        weak = False
        if len(rows) == 0:
            variants = name_variants(text)
            n_strong = _n_strong_variants(text)
            for v in variants[:n_strong]:
                rows = gaz.ids(v)
                if len(rows):
                    q = v
                    break
            if len(rows) == 0:
                # another transliteration of the whole name ("Maarat al-Numan", "Ben Guerdane") says
                # more than one of its words alone ("Ben" -> Bern)
                fuzzy = gaz.fuzzy_ids(text)
                n = len(key(text))
                fuzzy = np.array([r for r in fuzzy if abs(len(key(gaz.names[r])) - n) <= max(2, n // 4)], dtype=np.int64)
                if len(fuzzy):
                    rows, q, weak = fuzzy, text, True
            if len(rows) == 0:
                for v in variants[n_strong:]:
                    rows = gaz.ids(v)
                    if len(rows):
                        q, weak = v, True
                        break
        if len(rows) > MAX_CANDIDATES:
            rows = rows[np.argsort(-gaz.prior[rows])[:MAX_CANDIDATES]]
        qk = key(q)
        exact = np.array([1.0 if key(gaz.names[i]) == qk else 0.0 for i in rows])
        c = _Cand(start, end, text, rows.astype(np.int64), exact, weak=weak, query=q)
        c.shadow, c.stands_for = self._shadow(c.rows, c.exact)
        after = full_text[end : end + 80]
        nxt = after.lstrip().split(" ", 1)[0].lower().strip(".,;:)")
        c.admin_hint = (nxt in ADMIN_NOUNS | UNIT_OFFICES or any(w.lower() in ADMIN_NOUNS for w in text.split()[1:])
                        or bool(_LGA.search(text)) or after.lower().lstrip().startswith("local government")
                        or bool(_UNIT_BEFORE.search(full_text[max(0, start - 40) : start])))
        c.street = bool(_STREET_AFTER.match(after))
        c.unit_after = nxt in ADMIN_NOUNS
        m = _HINT.match(after) or _HINT_OF.match(after)
        hint_names: tuple[str | None, ...] = ()
        if m:
            c.listed = bool(_LIST_GOES_ON.match(after[m.end():]))
            hint_names = m.groups()
        elif mp := _POSSESSOR.search(full_text[max(0, start - 60) : start]):
            hint_names = (mp.group(1),)
        if hint_names:
            for h in hint_names:
                if h:
                    hr = gaz.ids(h)
                    if len(hr) == 0:
                        hr = gaz.ids(h.rsplit(" ", 1)[0]) if " " in h else hr
                    if len(hr):
                        pr = gaz.prior[hr]
                        # its plausible readings only, and any province it may name ("Columbus,
                        # Georgia": the US state, though the country is the likelier Georgia)
                        keep = (pr >= pr.max() - 2.0) | np.isin(gaz.fc[hr], ["ADM1"])
                        c.hints.append(hr[keep])
        m = _OF_COUNTRY.match(after)
        if m and not c.hints:  # "the Gold Coast of Australia": a country after "of" is a hint
            hr = gaz.ids(m.group(1))
            hr = hr[gaz.fc[hr] == "PCLI"]
            if len(hr):
                c.hints.append(hr)
                c.in_country = True
        return c

    def _obscurity(self, c: _Cand) -> np.ndarray:
        """How far (in orders of magnitude, beyond :data:`FAME_GAP`) each town reading of the
        name is smaller than its most important town reading; 0 where the text writes a hint
        beside the name ("London, Kentucky") and for readings that are not towns."""
        gaz = self.gaz
        r = c.rows
        fc = gaz.fc[r]
        ppl = np.char.startswith(fc.astype(str), "PPL") & (c.exact > 0)
        if c.hints or not ppl.any():
            return np.zeros(len(r))
        top = float(gaz.prior[r][ppl].max())
        gap = np.clip(top - gaz.prior[r] - FAME_GAP, 0.0, FAME_MAX)
        return gap * ppl * float(np.clip(top - FAME_FROM, 0.0, 1.0))

    def _shadow(self, rows: np.ndarray, exact: np.ndarray) -> tuple[np.ndarray, list[tuple[int, np.ndarray]]]:
        """1.0 for admin units with a namesake town inside (New York, Mopti), or provinces named
        after a town of their country with the unit's noun added ("Almaty Region" beside the
        city of Almaty, a unit of its own): the town is what a bare name means, unless the text
        says "region". Also, for each such unit, the indices of the towns it is shadowed by: a
        bare name stands for the unit's town, which inherits the unit's standing (a bare "Gaza"
        is the city of the Gaza Strip, not Mozambique's Gaza province)."""
        gaz = self.gaz
        fc = gaz.fc[rows]
        out = np.zeros(len(rows))
        stands: list[tuple[int, np.ndarray]] = []
        adm = np.isin(fc, ["ADM1", "ADM2", "ADM3"])
        if not adm.any():
            return out, stands
        towns = [(int(gaz.cc_i[r]), int(gaz.a1_i[r]), int(gaz.a2_i[r]), bool(x), i)
                 for i, (r, f, x) in enumerate(zip(rows, fc, exact, strict=True))
                 if f.startswith("PPL") and (gaz.pop[r] >= 50_000 or f in ("PPLA", "PPLC", "PPLA2"))]
        if not towns:
            return out, stands
        for k in np.nonzero(adm)[0]:
            r = rows[k]
            cc, a1, a2 = int(gaz.cc_i[r]), int(gaz.a1_i[r]), int(gaz.a2_i[r])
            by = [t[4] for t in towns
                  if t[0] == cc and (t[1] == a1 and (fc[k] == "ADM1" or t[2] == a2) or not exact[k] and t[3] and fc[k] == "ADM1")]
            if by:
                out[k] = 1.0
                own = [i for i in by if exact[i]]  # only a town called by the name itself
                if own:
                    stands.append((int(k), np.array(own, dtype=np.int64)))
        return out, stands

    # ------------------------------------------------------------------ scoring
    def _score(self, c: _Cand, ctry: dict[int, float], adm1: dict[tuple[int, int], set[str]],
               anchors: np.ndarray | None, focus_cc: int | None) -> np.ndarray:
        gaz = self.gaz
        r = c.rows
        s = gaz.prior[r] + W_EXACT * c.exact
        if c.exact.max() > 0:
            # a town that has the name only among its other names ("Quebec" listed for a US town,
            # "Philadelphia" as Amman's ancient name) while some place is called by it, unless the
            # town has ten times the people ("Calcutta"); a capital's rank does not count here
            qk = key(c.query or c.text)
            people = np.log10(gaz.pop[r].astype(np.float64) + 1.0)
            other = (np.array([qk not in key(gaz.names[i]) for i in r]) & np.char.startswith(gaz.fc[r].astype(str), "PPL")
                     & (people < float(people[c.exact > 0].max()) + 1.0))
            s = s - W_ALIAS * other
        if ctry:
            s = s + W_COUNTRY * np.array([ctry.get(int(x), 0.0) for x in gaz.cc_i[r]])
        if focus_cc is not None:
            s = s + 1.5 * (gaz.cc_i[r] == focus_cc)
        if adm1:
            own = key(c.text)
            s = s + W_ADMIN1 * np.array([bool(adm1.get((int(a), int(b)), set()) - {own})
                                         for a, b in zip(gaz.cc_i[r], gaz.a1_i[r], strict=True)])
        if anchors is not None and len(anchors):
            lat = np.radians(gaz.lat[r])[:, None]
            lon = np.radians(gaz.lon[r])[:, None]
            alat, alon = np.radians(anchors[:, 0])[None, :], np.radians(anchors[:, 1])[None, :]
            a = np.sin((alat - lat) / 2) ** 2 + np.cos(lat) * np.cos(alat) * np.sin((alon - lon) / 2) ** 2
            d = 12742 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
            dmin = d.min(axis=1)  # near the article's places; very near counts more (namesake villages)
            s = s + W_NEAR * (0.6 * np.exp(-dmin / 250.0) + 0.4 * np.exp(-dmin / 30.0)) * (gaz.fc[r] != "PCLI")
        if c.hints:
            for hr in c.hints:
                hc = set(gaz.cc_i[hr].tolist())
                ha1 = {(int(a), int(b)) for a, b in zip(gaz.cc_i[hr], gaz.a1_i[hr], strict=True)}
                ha2 = set(gaz.a2_i[hr].tolist()) - {0}
                hit = np.array([
                    (2.0 if int(a2) in ha2 else 1.0 if (int(cc), int(a1)) in ha1 else 0.5 if int(cc) in hc else 0.0)
                    for cc, a1, a2 in zip(gaz.cc_i[r], gaz.a1_i[r], gaz.a2_i[r], strict=True)
                ])
                s = s + W_HINT * hit / 2
                # a name said to be of a country is not another country ("the Gold Coast of
                # Australia" is not Ghana's old name)
                if c.in_country:
                    s = s - 100.0 * ((gaz.fc[r] == "PCLI") & ~np.isin(gaz.cc_i[r], list(hc)))
                # a province or county written beside a town pins it down ("London, Kentucky",
                # "Athens, Georgia"), however famous a namesake elsewhere
                hfc = gaz.fc[hr]
                p1 = {(int(a), int(b)) for a, b, f in zip(gaz.cc_i[hr], gaz.a1_i[hr], hfc, strict=True) if f == "ADM1"}
                p2 = {int(a) for a, f in zip(gaz.a2_i[hr], hfc, strict=True) if f == "ADM2"} - {0}
                if (p1 or p2) and not c.listed:
                    s = s + W_PIN * np.array([
                        ((int(cc), int(a1)) in p1 or int(a2) in p2) and f not in ("ADM1", "PCLI")
                        for cc, a1, a2, f in zip(gaz.cc_i[r], gaz.a1_i[r], gaz.a2_i[r], gaz.fc[r], strict=True)])
                # so does a country ("Porto, Portugal", "TRIPOLI, Lebanon -"), however big or
                # high-ranking a namesake in another country
                p0 = {int(a) for a, f in zip(gaz.cc_i[hr], hfc, strict=True) if f == "PCLI"}
                if p0 and not c.listed:
                    s = s + W_PIN * (np.isin(gaz.cc_i[r], list(p0)) & (gaz.fc[r] != "PCLI"))
                # and closeness to the hint place itself ("Dounde (Bankass, Mopti)": the Dounde near Bankass)
                h = int(hr[np.argmax(gaz.prior[hr])])
                if gaz.fc[h] not in ("PCLI", "CONT", "ADM1"):
                    lat1, lon1 = np.radians(gaz.lat[r]), np.radians(gaz.lon[r])
                    lat2, lon2 = np.radians(gaz.lat[h]), np.radians(gaz.lon[h])
                    a = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
                    d = 12742 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
                    s = s + W_HINT * 0.5 * np.exp(-d / 60.0)
        s = s - W_FAME * self._obscurity(c)
        if len(key(c.text).replace(" ", "")) <= 4:
            # a short name matching only an alternate name ("Ber" for Berlin) is weak evidence
            s = s - 2.0 * (1.0 - c.exact) * ~np.isin(gaz.fc[r], ["PCLI", "ADM1", "CONT", "RGN"])
        if c.admin_hint:
            s = s + 3.0 * np.isin(gaz.fc[r], ["ADM1", "ADM2", "ADM3"])
            if c.unit_after:  # "Ethiopia's Somali region", "Georgia state": a unit, not the country
                s = s - 6.0 * (gaz.fc[r] == "PCLI")
        elif c.shadow is not None:
            for k, by in c.stands_for:
                s[by] = np.maximum(s[by], s[k])
            s = s - 4.0 * c.shadow
        return s

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]], country_hint: str | None = None) -> list[tuple[int, float]]:
        """For each (start, end) span of ``text``: (row or -1, confidence)."""
        gaz = self.gaz
        cands = []
        seen: dict[tuple[str, str], _Cand] = {}
        for a, b in spans:  # a name repeated with the same words after it has the same candidates
            near = (text[a:b], text[b : b + 40])
            if near in seen:
                c0 = seen[near]
                cands.append(replace(c0, start=a, end=b, pick=-1, score=0.0, margin=0.0))
            else:
                seen[near] = c = self.candidates(text[a:b], a, b, text)
                cands.append(c)
        focus_cc = None
        if country_hint:
            row = gaz.country_row(country_hint) if len(country_hint) == 2 else None
            if row is None:
                p = gaz.ids(country_hint)
                row = next((int(i) for i in p if gaz.fc[i] == "PCLI"), None)
            focus_cc = int(gaz.cc_i[row]) if row is not None else None
        # pass 1: prior only
        groups: dict[tuple, list[_Cand]] = {}
        for c in cands:  # identical names with identical hints are scored once
            if len(c.rows):
                sig = (c.text, c.admin_hint, c.weak, tuple(h.tobytes() for h in c.hints), c.rows.tobytes())
                groups.setdefault(sig, []).append(c)
        for members in groups.values():
            sc = self._score(members[0], {}, {}, None, focus_cc)
            for c in members:
                self._pick(c, sc)
        keys = [key(c.text) for c in cands]
        for _ in range(2):
            ctry, adm1, anchors = self._context(cands)
            by_key: dict[str, np.ndarray] = {}
            for members in groups.values():
                k = key(members[0].text)
                if k not in by_key:
                    by_key[k] = _unique_points([a for j, a in enumerate(anchors) if keys[j] != k and a is not None])
                sc = self._score(members[0], ctry, adm1, by_key[k], focus_cc)
                for c in members:
                    self._pick(c, sc)
        self._one_sense(cands)
        self._one_unit(cands)
        self._lists_and_containers(cands, text)
        ctry, _, anchors = self._context(cands)
        pts = np.array([a for a in anchors if a is not None]) if anchors else np.zeros((0, 2))
        for c in cands:  # a place the gazetteer lacks, placed by the hint beside it (low confidence)
            if c.hints and (c.pick < 0 or self._against_hints(c)):
                c.pick, c.margin = self._hint_place(c, ctry), 0.0
        others: dict[str, dict[int, float]] = {}  # country support from the article's other names
        lone: list[_Cand] = []
        for c in cands:
            k = key(c.text)
            # a city of a million inside an event's name ("the New York Auto Show") is that city
            # even far from the article's other places, in a country the article is about
            if (c.pick >= 0 and c.weak and not self._named_unit(c) and not self._supported(c.pick, ctry, pts)
                    and not (gaz.fc[c.pick].startswith("PPL") and gaz.pop[c.pick] >= 1_000_000 and not _is_facility(c.text)
                             and ctry.get(int(gaz.cc_i[c.pick]), 0.0) >= 0.5)):
                c.pick = -1
            elif c.pick >= 0 and gaz.fc[c.pick].startswith("PPL") and not c.hints:  # "Weybridge, England"
                if k not in others:
                    others[k] = self._context([x for x in cands if key(x.text) != k])[0]
                if self._stray(c.pick, others[k]):
                    c.pick = -1
                elif (gaz.pop[c.pick] < LONE_POP and gaz.fc[c.pick] == "PPL"
                      and int(np.sum(gaz.cc_i[c.rows] == gaz.cc_i[c.pick])) > 1):
                    opts = _unique_points([a for j, a in enumerate(anchors) if a is not None and keys[j] != k])
                    if len(opts) >= 2 and not self._near_any(c.pick, opts, LONE_KM):
                        lone.append(c)  # falls back below, once the article's locality is known
        for c in cands:
            if c.pick >= 0 and c.weak and _is_facility(c.text) and not self._big(c.pick):
                c.pick = -1
            elif c.pick >= 0 and c.street and not self._big(c.pick) and not self._supported(
                    c.pick, ctry, _unique_points([a for j, a in enumerate(anchors) if a is not None and keys[j] != key(c.text)])):
                c.pick = -1  # "Bourbon and Dauphine streets": streets of the article's town, unless near its places
        for c in cands:  # and one whose only readings were dropped above ("Donington Park, Leicestershire")
            if c.hints and c.pick < 0:
                c.pick, c.margin = self._hint_place(c, ctry), 0.0
        fallback = self._fallback(cands)
        for c in lone:
            c.pick = -1
        for c in cands:
            if c.pick >= 0 and c.weak and gaz.fc[c.pick] in {"PCLI", "CONT"}:
                c.pick = self._institution_seat(c, fallback)
            elif key(c.text) in SEAT_WORDS and fallback >= 0:
                # "Congress", "Parliament" alone: the national one, in the article's country's capital
                cap = gaz.capital_row(gaz.cc(fallback))
                if cap is not None:
                    c.pick, c.weak = cap, True
        out = []
        for c in cands:
            if c.pick >= 0:
                conf = 1.0 / (1.0 + math.exp(-(c.margin - 1.0)))
                out.append((c.pick, round(conf * (0.6 if c.weak else 1.0), 3)))
            else:
                out.append((fallback, 0.1 if fallback >= 0 else 0.0))
        return out

    @staticmethod
    def _one_sense(cands: list[_Cand]) -> None:
        """A name the text pins down once ("Parkland, Florida") means the same place wherever
        else the article repeats it bare ("the Parkland students")."""
        pinned: dict[str, int] = {}
        for c in cands:
            if c.hints and c.pick >= 0 and not c.weak:
                pinned.setdefault(key(c.text), c.pick)
        for c in cands:
            row = pinned.get(key(c.text))
            if row is not None and not c.hints and row in c.rows:
                c.pick = row

    def _one_unit(self, cands: list[_Cand]) -> None:
        """A name the text calls a province once ("New York state", "the state of Washington")
        is that province where the article repeats it bare, when the province's namesake town is
        not its capital (New York City; not Kano, which is Kano State's capital: "Kano" alone
        stays the city)."""
        gaz = self.gaz
        units: dict[str, int] = {}
        for c in cands:
            if c.admin_hint and c.pick >= 0 and not c.weak and gaz.fc[c.pick] == "ADM1" and key(
                    gaz.names[c.pick]) == key(c.query or c.text):
                units.setdefault(key(c.text), c.pick)
        for c in cands:
            row = units.get(key(c.text))
            if row is None or c.hints or c.admin_hint or row not in c.rows or c.pick == row:
                continue
            cc, a1 = int(gaz.cc_i[row]), int(gaz.a1_i[row])
            if not any(int(gaz.cc_i[r]) == cc and int(gaz.a1_i[r]) == a1 and gaz.fc[r] in ("PPLA", "PPLC")
                       for r in c.rows):
                c.pick = row

    def _admin_reading(self, c: _Cand, ok) -> int:
        """The most important admin1/admin2 reading of ``c`` that ``ok(row)`` accepts, or -1."""
        gaz = self.gaz
        rows = [int(r) for r, x in zip(c.rows, c.exact, strict=True)
                if x and gaz.fc[r] in ("ADM1", "ADM2") and ok(int(r))]
        return max(rows, key=lambda r: float(gaz.prior[r])) if rows else -1

    def _lists_and_containers(self, cands: list[_Cand], text: str) -> None:
        """Two readings of a name that the text's layout gives away:

        * "Buffalo, New York": a name written after a place and a comma that is the name of the
          province or county holding that place is that unit (the state, not the city);
        * "Missouri, Wyoming and Georgia": a name listed beside provinces or states is one too
          (the state of Georgia, not the country nor a town called Wyoming).

        A name so read keeps that reading wherever else the article repeats it."""
        gaz = self.gaz
        order = sorted((c for c in cands if len(c.rows)), key=lambda c: c.start)
        flipped: dict[tuple[str, int], int] = {}

        def sep(a: _Cand, b: _Cand) -> str:
            return text[a.end : b.start] if 0 <= b.start - a.end <= 6 else "?"

        def is_admin(c: _Cand) -> bool:
            return c.pick >= 0 and gaz.fc[c.pick] in ("ADM1", "ADM2")

        def switch(c: _Cand, row: int) -> None:
            if row >= 0 and row != c.pick:
                flipped[(key(c.text), c.pick)] = row
                c.pick, c.weak = row, False

        for a, b in zip(order, order[1:], strict=False):
            if sep(a, b) != ", " or a.pick < 0 or gaz.fc[a.pick] in ("ADM1", "ADM2", "PCLI", "CONT", "RGN"):
                continue
            if b.pick >= 0 and self._km(a.pick, b.pick) < 60:
                continue  # "Queens, New York": the city holds the place
            cc, a1, a2 = int(gaz.cc_i[a.pick]), int(gaz.a1_i[a.pick]), int(gaz.a2_i[a.pick])
            switch(b, self._admin_reading(b, lambda r, cc=cc, a1=a1, a2=a2: int(gaz.cc_i[r]) == cc and int(
                gaz.a1_i[r]) == a1 and (gaz.fc[r] == "ADM1" or int(gaz.a2_i[r]) == a2)))
        for _ in range(3):  # a list is read from its surest members outwards
            changed = False
            for i, c in enumerate(order):
                if is_admin(c) or c.admin_hint or c.pick < 0:
                    continue
                nbrs = [order[j] for j in (i - 1, i + 1) if 0 <= j < len(order)]
                nbrs = [n for n in nbrs if sep(*sorted((n, c), key=lambda x: x.start)) in (", ", " and ", ", and ", " or ")]
                ccs = {int(gaz.cc_i[n.pick]) for n in nbrs if is_admin(n) and gaz.fc[n.pick] == "ADM1"}
                if gaz.fc[c.pick] == "PCLI":  # "Oaxaca, Mexico": a country beside its own province
                    ccs.discard(int(gaz.cc_i[c.pick]))
                if ccs:
                    before = c.pick
                    switch(c, self._admin_reading(c, lambda r, ccs=ccs: gaz.fc[r] == "ADM1" and int(gaz.cc_i[r]) in ccs))
                    changed |= c.pick != before
            if not changed:
                break
        for c in cands:
            row = flipped.get((key(c.text), c.pick))
            if row is not None:
                c.pick = row

    def _km(self, i: int, j: int) -> float:
        gaz = self.gaz
        return km(float(gaz.lat[i]), float(gaz.lon[i]), float(gaz.lat[j]), float(gaz.lon[j]))

    def _near_any(self, i: int, pts: np.ndarray, limit: float) -> bool:
        """Is place ``i`` within ``limit`` km of any of ``pts``?"""
        gaz = self.gaz
        return any(km(float(gaz.lat[i]), float(gaz.lon[i]), float(p[0]), float(p[1])) < limit for p in pts)

    def _stray(self, i: int, ctry: dict[int, float]) -> bool:
        """A small place in a country the article otherwise never points at, while it is
        clearly about another one ("Guma" read as a Philippine village in a Nigerian story).
        ``ctry`` is the support the article's *other* names give each country, so that a name
        repeated, or two names read in the same wrong country, do not vouch for themselves."""
        gaz = self.gaz
        if not gaz.fc[i].startswith("PPL") or gaz.pop[i] >= 20_000 or not ctry:
            return False
        own = ctry.get(int(gaz.cc_i[i]), 0.0)
        return own < 0.3 and max(ctry.values()) >= 1.0

    def _against_hints(self, c: _Cand) -> bool:
        """A small place in none of the countries its hints name ("Guma, Benue" read as a village
        in China): the gazetteer lacks the place the text means."""
        gaz = self.gaz
        i = c.pick
        if c.listed:
            return False
        elsewhere = not any(int(gaz.cc_i[i]) in set(gaz.cc_i[hr].tolist()) for hr in c.hints)
        if self._big(i) or gaz.pop[i] >= 20_000:
            # however big, a town or county the text puts in a province or county of another
            # country ("Rockingham, Northamptonshire" is no US county)
            return (elsewhere and gaz.fc[i] not in ("PCLI", "ADM1", "PPLC", "CONT")
                    and all(np.isin(gaz.fc[hr], ["ADM1", "ADM2"]).all() for hr in c.hints))
        return elsewhere

    def _hint_place(self, c: _Cand, ctry: dict[int, float]) -> int:
        """Where a place the gazetteer lacks lies by the hints written beside it: the likeliest
        reading of its nearest hint that is in a country the article is about ("Torkula, Benue
        State" -> Benue State), or the province a district is said to be in ("Guma Local
        Government Area of Benue State"), or -1."""
        gaz = self.gaz
        if c.listed:
            return -1
        for hr in c.hints:
            ok = [int(h) for h in hr if ctry.get(int(gaz.cc_i[h]), 0.0) >= 0.5]
            if not ok and (c.admin_hint or (len(c.rows) and not c.weak)):  # "Guma LGA of Benue State", "Rockingham,
                # Northamptonshire" (a known name whose every reading lies elsewhere)
                ok = [int(h) for h in hr if gaz.fc[h] in ("ADM1", "ADM2")]
            if ok:
                return max(ok, key=lambda h: float(gaz.prior[h]))
        return -1

    def _named_unit(self, c: _Cand) -> bool:
        """A continent or country named inside a longer name ("European Commission", "US
        Federal Reserve", "Nazi Germany"), or a province inside an institution's name
        ("Arizona State University"): the name is about that unit, whether or not the rest of
        the article is there."""
        gaz = self.gaz
        fc = gaz.fc[c.pick]
        if fc in ("CONT", "PCLI"):
            return True
        if fc in ("OCN", "SEA", "RGN"):  # "Indian Ocean coast", "South Asia earthquake"; not "Atlantic Avenue"
            return not _is_facility(c.text) and key(gaz.names[c.pick]) in key(c.text)
        if fc != "ADM1":
            return False
        words = c.text.replace("’", "'").split()
        own = gaz.names[c.pick].lower().split()
        return (key(gaz.names[c.pick]) in key(c.text) and words[-1].lower() in FACILITY_WORDS | INSTITUTION_WORDS
                and not all(w in GENERIC_PARTS or _DIRECTION.match(w + " ") for w in own))

    def _big(self, i: int) -> bool:
        gaz = self.gaz
        return gaz.fc[i] in {"PCLI", "CONT", "ADM1", "PPLC", "PPLA", "RGN", "OCN", "SEA"} or gaz.pop[i] >= 100_000

    def _institution_seat(self, c: _Cand, fallback: int) -> int:
        """A name built on a country's: a national institution sits in the capital ("Bank of
        Japan", "Russian Foreign Ministry"); the country qualified by a word ("Nazi Germany") is
        the country; anything else ("British Embassy", "American School") is where the article is."""
        gaz = self.gaz
        words = {w.lower().strip(".,") for w in c.text.split()}
        if not words & (FACILITY_WORDS | INSTITUTION_WORDS | ABROAD_WORDS | GEO_WORDS) and key(c.text).endswith(
                key(gaz.names[c.pick])):
            return c.pick  # "Nazi Germany": the country itself
        head = c.text.replace("’", "'").split()[: -len(c.query.split()) or None]
        if key(c.text).endswith(key(c.query)) and head and all(w.lower() in STATE_FORM_WORDS for w in head):
            return c.pick  # "Republic of Congo", "the Islamic Republic of Iran": the country's long form
        if words & INSTITUTION_WORDS and not words & ABROAD_WORDS:
            cc = gaz.cc(c.pick)
            cap = gaz.capital_row(cc)
            return cap if cap is not None else c.pick
        return fallback if fallback >= 0 else c.pick

    def _supported(self, i: int, ctry: dict[int, float], pts: np.ndarray) -> bool:
        """Does the article back this place up (its country named, or a place near it)?"""
        gaz = self.gaz
        if ctry.get(int(gaz.cc_i[i]), 0.0) < 0.5:
            return False
        if not len(pts):
            return gaz.fc[i] in {"PCLI", "ADM1"}
        lat, lon = np.radians(gaz.lat[i]), np.radians(gaz.lon[i])
        a = np.sin((np.radians(pts[:, 0]) - lat) / 2) ** 2 + np.cos(lat) * np.cos(np.radians(pts[:, 0])) * np.sin(
            (np.radians(pts[:, 1]) - lon) / 2) ** 2
        return bool((12742 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))).min() < 400)

    @staticmethod
    def _pick(c: _Cand, s: np.ndarray) -> None:
        order = np.argsort(-s)
        c.pick = int(c.rows[order[0]])
        c.score = float(s[order[0]])
        c.margin = float(s[order[0]] - s[order[1]]) if len(order) > 1 else 5.0

    def _context(self, cands: list[_Cand]) -> tuple[dict[int, float], dict[tuple[int, int], set[str]], list]:
        gaz = self.gaz
        votes: dict[int, float] = {}
        adm1: dict[tuple[int, int], set[str]] = {}
        anchors: list = []
        for c in cands:
            if c.pick < 0:
                anchors.append(None)
                continue
            i = c.pick
            fc = gaz.fc[i]
            w = 1.0 if fc == "PCLI" else min(1.0, 0.3 + 0.2 * c.margin)
            if fc != "CONT":
                votes[int(gaz.cc_i[i])] = votes.get(int(gaz.cc_i[i]), 0.0) + w
            if fc == "ADM1":
                adm1.setdefault((int(gaz.cc_i[i]), int(gaz.a1_i[i])), set()).add(key(c.text))
            anchors.append(None if fc in {"PCLI", "CONT", "RGN", "OCN", "SEA"} or c.weak else (gaz.lat[i], gaz.lon[i]))
        top = max(votes.values()) if votes else 0.0
        ctry = {k: v / top for k, v in votes.items()} if top else {}
        return ctry, adm1, anchors

    def _fallback(self, cands: list[_Cand]) -> int:
        """The article's main place: its most named locality (weighted by importance) in its
        most named country and province."""
        gaz = self.gaz
        picks = [c.pick for c in cands if c.pick >= 0]
        if not picks:
            return -1
        cc = Counter(int(gaz.cc_i[i]) for i in picks if gaz.fc[i] not in {"CONT", "RGN", "OCN", "SEA"}).most_common(1)
        if not cc:
            return picks[0]
        in_cc = [i for i in picks if int(gaz.cc_i[i]) == cc[0][0]]
        local = [i for i in in_cc if gaz.fc[i] not in {"PCLI", "ADM1", "CONT", "RGN"}]
        if not local:
            return next((i for i in in_cc if gaz.fc[i] in ("ADM1", "ADM2", "RGN")), in_cc[0])  # the most precise unit
        a1 = Counter(int(gaz.a1_i[i]) for i in in_cc if gaz.fc[i] != "PCLI").most_common(1)[0][0]
        count = Counter(local)
        return max(count, key=lambda i: math.log2(1 + count[i]) + 0.7 * gaz.prior[i] + 1.5 * (int(gaz.a1_i[i]) == a1))


_PLACE_OF = re.compile(
    r"\b(?:town|village|city|locality|commune|hamlet|settlement|district|region|province|county|"
    r"area|camp|outskirts|near|outside)(?:\s+of)?\s*$",
    re.IGNORECASE,
)


def _drop_unsupported_words(tops: list[Toponym], mentions: list, text: str = "") -> list[Toponym]:
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


class Geoparser:
    """Find and resolve the places of a document; locate events. The gazetteer is injected."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.resolver = Resolver(gazetteer)

    def toponyms(self, doc: Doc, doc_id: str | None = None, country_hint: str | None = None) -> list[Toponym]:
        """Every place name of ``doc``, resolved."""
        mentions = find_mentions(doc, self.gazetteer)
        spans = [(m.start, m.end) for m in mentions]
        tops = self.resolve(doc_text(doc), spans, doc=doc, doc_id=doc_id, country_hint=country_hint)
        return _drop_unsupported_words(tops, mentions, doc_text(doc))

    def resolve(self, text: str, spans: list[tuple[int, int]], doc: Doc | None = None, doc_id: str | None = None,
                country_hint: str | None = None) -> list[Toponym]:
        """Resolve exactly the given character spans of ``text``."""
        res = self.resolver.resolve_spans(text, spans, country_hint)
        out = []
        for (s, e), (row, conf) in zip(spans, res, strict=True):
            place = self.gazetteer.place(row) if row >= 0 else None
            out.append(Toponym(doc_id=doc_id, start=s, end=e, name=text[s:e], place=place, confidence=conf))
        return out

    def locate_event(self, doc: Doc, toponyms: list[Toponym], sents: Sequence[Span], country_hint: str | None = None):
        from conflictwatch.geo.event import locate_event

        return locate_event(self, doc, toponyms, sents, country_hint)
