"""What the article as a whole says, and where a name falls back to.

:func:`article_context`: the weight of each country the article points at, the provinces it
names, and the points of its places. :func:`main_place`: its main place, where a name nothing
else places falls back to. :func:`institution_seat`: where a name built on a country's lies
(a national institution in the capital).
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from conflictwatch.geo.detect_words import GEO_WORDS
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.geo.resolve_candidates import Cand
from conflictwatch.geo.resolve_names import ABROAD_WORDS, FACILITY_WORDS, INSTITUTION_WORDS, STATE_FORM_WORDS


def unique_points(points: list, limit: int = 200) -> np.ndarray:
    """Distinct anchor points (a long article names the same town many times), at most ``limit``."""
    if not points:
        return np.zeros((0, 2))
    a = np.unique(np.round(np.array(points, dtype=np.float64), 2), axis=0)
    return a[:limit]


def article_context(gaz: Gazetteer, cands: list[Cand]) -> tuple[dict[int, float], dict[tuple[int, int], set[str]], list]:
    """What the names' current picks say: each country's weight (the most pointed at is 1.0),
    the provinces named (with the names naming them), and each name's point (None for a
    country, continent, region or sea, a weak reading, or no pick)."""
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


def main_place(gaz: Gazetteer, cands: list[Cand]) -> int:
    """The article's main place: its most named locality (weighted by importance) in its
    most named country and province."""
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


def institution_seat(gaz: Gazetteer, c: Cand, fallback: int) -> int:
    """A name built on a country's: a national institution sits in the capital ("Bank of
    Japan", "Russian Foreign Ministry"); the country qualified by a word ("Nazi Germany") is
    the country; anything else ("British Embassy", "American School") is where the article is."""
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
