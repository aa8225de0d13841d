"""Checks of a name's chosen reading against the article and the hints beside it.

Whether the article backs the reading up (its country named, a place near it), whether it
strays into a country the article is not about or away from its own hints, whether it is a
unit named inside a longer name, whether it is a big place; and where a place the gazetteer
lacks lies by the hints written beside it.
"""

from __future__ import annotations

import numpy as np

from conflictwatch.distance import km
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.geo.resolve_candidates import Cand
from conflictwatch.geo.resolve_names import (
    DIRECTION,
    FACILITY_WORDS,
    GENERIC_PARTS,
    INSTITUTION_WORDS,
    is_facility,
)


def near_any(gaz: Gazetteer, i: int, pts: np.ndarray, limit: float) -> bool:
    """Is place ``i`` within ``limit`` km of any of ``pts``?"""
    return any(km(float(gaz.lat[i]), float(gaz.lon[i]), float(p[0]), float(p[1])) < limit for p in pts)


def stray(gaz: Gazetteer, i: int, ctry: dict[int, float]) -> bool:
    """A small place in a country the article otherwise never points at, while it is
    clearly about another one ("Guma" read as a Philippine village in a Nigerian story).
    ``ctry`` is the support the article's *other* names give each country, so that a name
    repeated, or two names read in the same wrong country, do not vouch for themselves."""
    if not gaz.fc[i].startswith("PPL") or gaz.pop[i] >= 20_000 or not ctry:
        return False
    own = ctry.get(int(gaz.cc_i[i]), 0.0)
    return own < 0.3 and max(ctry.values()) >= 1.0


def against_hints(gaz: Gazetteer, c: Cand) -> bool:
    """A small place in none of the countries its hints name ("Guma, Benue" read as a village
    in China): the gazetteer lacks the place the text means."""
    i = c.pick
    if c.listed:
        return False
    elsewhere = not any(int(gaz.cc_i[i]) in set(gaz.cc_i[hr].tolist()) for hr in c.hints)
    if big(gaz, i) or gaz.pop[i] >= 20_000:
        # however big, a town or county the text puts in a province or county of another
        # country ("Rockingham, Northamptonshire" is no US county)
        return (elsewhere and gaz.fc[i] not in ("PCLI", "ADM1", "PPLC", "CONT")
                and all(np.isin(gaz.fc[hr], ["ADM1", "ADM2"]).all() for hr in c.hints))
    return elsewhere


def hint_place(gaz: Gazetteer, c: Cand, ctry: dict[int, float]) -> int:
    """Where a place the gazetteer lacks lies by the hints written beside it: the likeliest
    reading of its nearest hint that is in a country the article is about ("Torkula, Benue
    State" -> Benue State), or the province a district is said to be in ("Guma Local
    Government Area of Benue State"), or, in an article that names no country, the province
    it is said to be in; or -1."""
    if c.listed:
        return -1
    for hr in c.hints:
        ok = [int(h) for h in hr if ctry.get(int(gaz.cc_i[h]), 0.0) >= 0.5]
        if not ok and (c.admin_hint or (len(c.rows) and not c.weak) or not ctry):  # "Guma LGA of Benue State", "Rockingham,
            # Northamptonshire" (a known name whose every reading lies elsewhere)
            ok = [int(h) for h in hr if gaz.fc[h] in ("ADM1", "ADM2")]
        if ok:
            return max(ok, key=lambda h: float(gaz.prior[h]))
    return -1


def named_unit(gaz: Gazetteer, c: Cand) -> bool:
    """A continent or country named inside a longer name ("European Commission", "US
    Federal Reserve", "Nazi Germany"), or a province inside an institution's name
    ("Arizona State University"): the name is about that unit, whether or not the rest of
    the article is there."""
    fc = gaz.fc[c.pick]
    if fc in ("CONT", "PCLI"):
        return True
    if fc in ("OCN", "SEA", "RGN"):  # "Indian Ocean coast", "South Asia earthquake"; not "Atlantic Avenue"
        return not is_facility(c.text) and key(gaz.names[c.pick]) in key(c.text)
    if fc != "ADM1":
        return False
    words = c.text.replace("’", "'").split()
    own = gaz.names[c.pick].lower().split()
    return (key(gaz.names[c.pick]) in key(c.text) and words[-1].lower() in FACILITY_WORDS | INSTITUTION_WORDS
            and not all(w in GENERIC_PARTS or DIRECTION.match(w + " ") for w in own))


def big(gaz: Gazetteer, i: int) -> bool:
    """A country, continent, province, capital (of a country or a province), region, ocean or sea,
    or a place of 100,000 people or more."""
    return gaz.fc[i] in {"PCLI", "CONT", "ADM1", "PPLC", "PPLA", "RGN", "OCN", "SEA"} or gaz.pop[i] >= 100_000


def supported(gaz: Gazetteer, i: int, ctry: dict[int, float], pts: np.ndarray) -> bool:
    """Does the article back this place up (its country named, or a place near it)?"""
    if ctry.get(int(gaz.cc_i[i]), 0.0) < 0.5:
        return False
    if not len(pts):
        return gaz.fc[i] in {"PCLI", "ADM1"}
    lat, lon = np.radians(gaz.lat[i]), np.radians(gaz.lon[i])
    a = np.sin((np.radians(pts[:, 0]) - lat) / 2) ** 2 + np.cos(lat) * np.cos(np.radians(pts[:, 0])) * np.sin(
        (np.radians(pts[:, 1]) - lon) / 2) ** 2
    return bool((12742 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))).min() < 400)
