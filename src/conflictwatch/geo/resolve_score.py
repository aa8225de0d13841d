"""Scoring a name's candidates: each row's prior plus the weighted evidence for it.

The evidence includes its country's weight in the article, its province named there, closeness to the
article's other places, the hints written beside the name; less for a town far smaller than a
famous namesake (:data:`W_FAME`), or a row that has the name only among its other names.
:func:`pick` keeps the best row and its margin over the next.
"""

from __future__ import annotations

import numpy as np

from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.geo.resolve_candidates import WATER_CODES, Cand

W_COUNTRY = 5.0
W_ADMIN1 = 2.5
W_NEAR = 2.5
W_HINT = 6.0
W_EXACT = 0.3
W_ALIAS = 4.0
W_PIN = 6.0
#: the words around a name speak of water ("the Dnipro river", "the Red Sea coast", "along the
#: Tay"): its river, sea or lake beats a town or province of that name
W_WATER = 6.0
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


def _obscurity(gaz: Gazetteer, c: Cand) -> np.ndarray:
    """How far (in orders of magnitude, beyond :data:`FAME_GAP`) each town reading of the
    name is smaller than its most important town reading; 0 where the text writes a hint
    beside the name ("London, Kentucky") and for readings that are not towns."""
    r = c.rows
    fc = gaz.fc[r]
    ppl = np.char.startswith(fc.astype(str), "PPL") & (c.exact > 0)
    if c.hints or not ppl.any():
        return np.zeros(len(r))
    top = float(gaz.prior[r][ppl].max())
    gap = np.clip(top - gaz.prior[r] - FAME_GAP, 0.0, FAME_MAX)
    return gap * ppl * float(np.clip(top - FAME_FROM, 0.0, 1.0))


def score(gaz: Gazetteer, c: Cand, ctry: dict[int, float], adm1: dict[tuple[int, int], set[str]],
          anchors: np.ndarray | None, focus_cc: int | None) -> np.ndarray:
    """The score of each of ``c``'s rows, given what the article says (``ctry``, ``adm1`` and the
    points of its other places, ``anchors``: see :func:`~conflictwatch.geo.resolve_context.article_context`;
    empty on the first pass) and the country the caller says the text is about (``focus_cc``)."""
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
    s = s - W_FAME * _obscurity(gaz, c)
    if len(key(c.text).replace(" ", "")) <= 4:
        # a short name matching only an alternate name ("Ber" for Berlin) is weak evidence
        s = s - 2.0 * (1.0 - c.exact) * ~np.isin(gaz.fc[r], ["PCLI", "ADM1", "CONT", "RGN"])
    if c.water:
        s = s + W_WATER * np.isin(gaz.fc[r], WATER_CODES)
    if c.admin_hint:
        s = s + 3.0 * np.isin(gaz.fc[r], ["ADM1", "ADM2", "ADM3"])
        if c.unit_after:  # "Ethiopia's Somali region", "Georgia state": a unit, not the country
            s = s - 6.0 * (gaz.fc[r] == "PCLI")
    elif c.shadow is not None:
        for k, by in c.stands_for:
            s[by] = np.maximum(s[by], s[k])
        s = s - 4.0 * c.shadow
    return s


def pick(c: Cand, s: np.ndarray) -> None:
    """Set ``c``'s pick to its best-scored row, with the score and the margin over the next."""
    order = np.argsort(-s)
    c.pick = int(c.rows[order[0]])
    c.score = float(s[order[0]])
    c.margin = float(s[order[0]] - s[order[1]]) if len(order) > 1 else 5.0
