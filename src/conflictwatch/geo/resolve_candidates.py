"""A name's candidates: the gazetteer rows it may mean, and what the words around it say.

:func:`collect_candidates` looks the name up (as written, reworded, in another transliteration,
or a part of it) and reads the text beside it: hints ("Kidal, Mali", "Ontario's London",
"the Gold Coast of Australia"), a unit's noun ("Diffa region", "the state of Washington"), a
street ("Hubbard Street"), a list going on ("Washington, New York and Boston").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from conflictwatch.geo.detect_words import ADMIN_NOUNS
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.geo.resolve_names import LGA, UNIT_OFFICES, n_strong_variants, name_variants

MAX_CANDIDATES = 300

_HINT = re.compile(r"^\s*(?:,\s*(?:in\s+)?|\(\s*)([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3})"
                   r"(?:\s*,\s*([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3}))?")
_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)[A-ZÀ-Ý]")

#: "the state of Washington", "the province of Quebec", "upstate New York": the words before a
#: name say it is the province, not its namesake town ("the Kidal region of Mali" does not: the
#: noun there belongs to another name).
_UNIT_BEFORE = re.compile(r"(?:\bthe\s+(?:" + "|".join(sorted(ADMIN_NOUNS - {"lga"})) + r")\s+of\s+(?:the\s+)?|"
                          r"\bupstate\s+)$", re.I)

#: "the Australian state of Victoria", "the restive northern state of Borno": up to two words
#: between "the" and the unit's noun, each lower case or a people's name (a demonym, which also
#: says the unit's country); not "the Kidal region of Mali", where the words name another place
_UNIT_OF_PEOPLE = re.compile(r"\bthe\s+((?:[\w'’\-]+\s+){1,2})(?:" + "|".join(sorted(ADMIN_NOUNS - {"lga"}))
                             + r")\s+of\s+(?:the\s+)?$", re.I)
#: water: "the Dnipro river", "the Red Sea coast", "along the Tay", "the banks of the Benue"
WATER_CODES = ["SEA", "OCN", "LK", "LKS", "STM", "BAY", "GULF", "STRT", "RSV", "CHN"]
WATER_AFTER = {"river", "coast", "coastline", "shore", "shores", "waters", "estuary", "riverbank", "riverbanks"}
_WATER_BEFORE = re.compile(r"\b(?:along|across|down|up|crossed|cross|crossing|banks?\s+of|mouth\s+of|"
                           r"upstream\s+on|downstream\s+on)\s+the\s+$", re.I)
_STREET_AFTER = re.compile(r"^(?:\s+and\s+[A-ZÀ-Ý][\w'’\-]+)?\s+(?i:streets?|st\b\.?|avenues?|ave\b\.?|roads?|"
                           r"boulevards?|blvd\b\.?|lanes?)(?!\w)")
#: "Kamituga, a gold-mining town in South Kivu province", "Kafr Nabudah, a village in northern
#: Hama": an apposition that says what the place is and where it lies is a hint, as ", X" is.
_HINT_APPOSITION = re.compile(
    r"^\s*,\s+(?:a|an|the)\s+(?:[\w'’\-]+\s+){0,3}?(?i:town|village|city|hamlet|district|locality|settlement|"
    r"commune|suburb|neighbou?rhood|port|camp|market\s+town|border\s+town|farming\s+community|community)\s+"
    r"(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
    r"([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3})()")
#: "Ontario's London", "London's Heathrow", "Ethiopia's Somali region": a place named in the
#: possessive just before the name says where it is, as a hint after it would.
_POSSESSOR = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\w\-]+(?:\s+[A-ZÀ-Ý][\w\-]+){0,2})['’]s?\s+$")
_OF_COUNTRY = re.compile(r"^\s+of\s+(?:the\s+)?([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2})\b(?!\s*[A-ZÀ-Ý])")
_HINT_OF = re.compile(r"^\s+(?:(?i:local\s+government\s+area|local\s+government|lga)|neighbou?rhood|district|quarter|suburb|area|village|town|commune|cercle|department|"
                      r"region|province|county|state)\s+(?:of|in)\s+(?:the\s+)?"
                      r"([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3})()")


@dataclass
class Cand:
    """One name of the text: the gazetteer rows it may mean, what the words around it say, and,
    once scored, the row picked, its score and its margin over the next."""

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
    water: bool = False  # the words around it speak of water and it has a water reading
    contrasted: bool = False  # "the Australian state of Victoria": told apart from a namesake, so not
    # a sense for the article's other mentions of the name (those may be the namesake)
    pick: int = -1
    score: float = 0.0
    margin: float = 0.0


def collect_candidates(gaz: Gazetteer, text: str, start: int, end: int, full_text: str) -> Cand:
    """The candidates of the name ``text``, at ``start:end`` of ``full_text``, with the hints
    written around it."""
    rows = gaz.ids(text)
    q = text
    weak = False
    if len(rows) == 0:
        variants = name_variants(text)
        n_strong = n_strong_variants(text)
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
    c = Cand(start, end, text, rows.astype(np.int64), exact, weak=weak, query=q)
    c.shadow, c.stands_for = _shadow(gaz, c.rows, c.exact)
    after = full_text[end : end + 80]
    nxt = after.lstrip().split(" ", 1)[0].lower().strip(".,;:)")
    c.admin_hint = (nxt in ADMIN_NOUNS | UNIT_OFFICES or any(w.lower() in ADMIN_NOUNS for w in text.split()[1:])
                    or bool(LGA.search(text)) or after.lower().lstrip().startswith("local government")
                    or bool(_UNIT_BEFORE.search(full_text[max(0, start - 40) : start])))
    if not c.admin_hint and (people := _unit_of_people(gaz, full_text[max(0, start - 60) : start])) is not None:
        c.admin_hint = c.contrasted = True
        c.hints += people
    c.street = bool(_STREET_AFTER.match(after))
    c.unit_after = nxt in ADMIN_NOUNS
    if nxt in WATER_AFTER or _WATER_BEFORE.search(full_text[max(0, start - 40) : start]):
        _water(gaz, c)
    m = _HINT.match(after) or _HINT_OF.match(after) or _HINT_APPOSITION.match(full_text[end : end + 120])
    hint_names: tuple[str | None, ...] = ()
    if m:
        c.listed = bool(_LIST_GOES_ON.match(after[m.end():]))
        hint_names = m.groups()
    elif mp := _POSSESSOR.search(full_text[max(0, start - 60) : start]):
        hint_names = (mp.group(1),)
    # "in Venezuela's Carabobo state": a possessive inside a hint names two places, both hints
    hint_names = tuple(part for h in hint_names if h for part in re.split(r"['’]s\s+", h) if part)
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


def _water(gaz: Gazetteer, c: Cand) -> None:
    """The words around the name speak of water: its river ("the Benue", "the Dnipro river"),
    sea or lake is a reading, and water is what the name means, if the gazetteer has it."""
    q = c.query or c.text
    extra = np.concatenate([gaz.ids(f"{q} River"), gaz.ids(f"River {q}")]).astype(np.int64)
    extra = np.array([r for r in extra if gaz.fc[r] in WATER_CODES and r not in c.rows], dtype=np.int64)
    if len(extra):
        c.rows = np.concatenate([c.rows, extra])
        c.exact = np.concatenate([c.exact, np.ones(len(extra))])
        c.shadow, c.stands_for = _shadow(gaz, c.rows, c.exact)
    if np.isin(gaz.fc[c.rows], WATER_CODES).any():
        c.water = True


def _unit_of_people(gaz: Gazetteer, before: str) -> list[np.ndarray] | None:
    """For "the Australian state of " before a name: the country rows of its demonyms (a
    hint each); None unless the words before say the name is a unit of that kind."""
    m = _UNIT_OF_PEOPLE.search(before)
    if not m:
        return None
    hints = []
    for w in m.group(1).split():
        if w.islower():
            continue
        rows = gaz.ids(w)
        rows = rows[gaz.fc[rows] == "PCLI"]
        if not len(rows) or any(key(gaz.names[int(r)]) == key(w) for r in rows):
            return None  # a place's own name ("the Kidal region of"), not its people's
        hints.append(rows)
    return hints


def _shadow(gaz: Gazetteer, rows: np.ndarray, exact: np.ndarray) -> tuple[np.ndarray, list[tuple[int, np.ndarray]]]:
    """1.0 for admin units with a namesake town inside (New York, Mopti), or provinces named
    after a town of their country with the unit's noun added ("Almaty Region" beside the
    city of Almaty, a unit of its own): the town is what a bare name means, unless the text
    says "region". Also, for each such unit, the indices of the towns it is shadowed by: a
    bare name stands for the unit's town, which inherits the unit's standing (a bare "Gaza"
    is the city of the Gaza Strip, not Mozambique's Gaza province)."""
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
