"""Admin2 (district, county, cercle) names for places that GeoNames gives none, inferred from
their names and their neighbours, each rule measured on the places whose admin2 is known.

Where, in a country, >= :data:`MIN_AGREEMENT` of the places whose admin2 is known and that are
named like exactly one admin2 unit of their admin1 lie in that unit (municipalities named after
their seat: Brazil, Romania, Portugal), a place so named takes that unit. Otherwise a place
without an admin2 takes the admin2 of the places nearest to it in the same country and admin1 that
have one (we have points, not boundaries): of the two nearest when both have the same
admin2 and lie within that country's *pair* cut-off, else of the nearest when it lies within the
*one* cut-off. Each country's cut-offs come from holding out its places whose admin2 is known:
each in turn is guessed from its own neighbours the same way, and the agreement of the guess with
its real admin2 is counted per distance band. A cut-off is the far edge of the bands, walked
outwards from 0 km, whose agreement stays at least :data:`MIN_AGREEMENT` (bands with fewer than
:data:`MIN_HELD_OUT` held-out places are pooled with the next). Where admin2 units are small
(a Brazilian municipality per town) no band passes and nothing is inferred; a country with no
admin2 in GeoNames has nothing to infer from. The record's source says the admin2 is inferred.

:func:`infer_admin1` does the same, by country, for places whose admin1 GeoNames leaves unknown
('00': 7,371 villages of Ghana) or gives in a code its table no longer has (Ghana's and Côte
d'Ivoire's regions before their reforms).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from conflictwatch.geo.normalize import key
from conflictwatch.geo.sources import Rec

log = logging.getLogger(__name__)

#: far edges (km) of the distance bands in which held-out agreement is counted
BANDS_KM = (1.0, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0, 50.0, 100.0)
MIN_AGREEMENT = 0.9
MIN_HELD_OUT = 20
#: what is added to the source of a place whose admin2 is inferred
INFERRED = "; admin2 inferred from the nearest places of its admin1 that have one"
NAMED = "; admin2 inferred: the unit of its admin1 named like it"
INFERRED1 = "; admin1 inferred from the nearest places of its country that have one"
#: feature codes that are points inside one district (besides populated places, PPL*)
POINT_CODES = {"ADM3", "CMP", "CMPRF", "CMPMN", "AIRP", "AIRF", "AIRB", "INSM", "MLTY", "PRN", "MKT", "FRM",
               "MSTY", "MNMT", "DAM", "WLL", "WLLS", "OAS", "OASIS", "LCTY"}
_R_KM = 6371.0


def takes_admin2(fcode: str) -> bool:
    """Whether a place of this feature code is a point that one admin2 unit holds."""
    return fcode.startswith("PPL") or fcode in POINT_CODES


@dataclass
class Bands:
    """Held-out places per distance band (the last band is everything beyond the last edge)."""

    n: list[int] = field(default_factory=lambda: [0] * (len(BANDS_KM) + 1))
    agree: list[int] = field(default_factory=lambda: [0] * (len(BANDS_KM) + 1))

    def add(self, km: float, ok: bool) -> None:
        b = int(np.searchsorted(BANDS_KM, km))
        self.n[b] += 1
        self.agree[b] += ok

    def cutoff(self) -> float:
        """The far edge of the bands, from 0 km out, whose agreement is >= MIN_AGREEMENT."""
        edge = n = ok = 0.0
        for b, far in enumerate(BANDS_KM):
            n, ok = n + self.n[b], ok + self.agree[b]
            if n < MIN_HELD_OUT:
                continue
            if ok < MIN_AGREEMENT * n:
                break
            edge, n, ok = far, 0, 0
        return edge

    def merged(self, other: Bands) -> Bands:
        return Bands([a + b for a, b in zip(self.n, other.n, strict=True)],
                     [a + b for a, b in zip(self.agree, other.agree, strict=True)])

    def describe(self) -> str:
        """'0-1 km 99.4 % of 847, 1-2 km ...': the agreement in each band that has places."""
        edges = (0.0, *BANDS_KM)
        return ", ".join(f"{lo:g}-{hi:g} km {100 * ok / n:.1f} % of {n}" for lo, hi, n, ok
                         in zip(edges, (*BANDS_KM, float("inf")), self.n, self.agree, strict=True) if n)


@dataclass
class Calibration:
    """One country's held-out agreement (by the distance of the second and of the nearest
    neighbour) and the cut-offs chosen from it."""

    pair: Bands = field(default_factory=Bands)
    one: Bands = field(default_factory=Bands)
    pair_km: float = 0.0
    one_km: float = 0.0
    #: held-out places the neighbour rule answers, and how many of them it answers right
    answered: int = 0
    right: int = 0
    #: held-out places named like exactly one admin2 unit of their admin1, and how many are in it
    named_n: int = 0
    named_right: int = 0

    @property
    def by_name(self) -> bool:
        return self.named_n >= MIN_HELD_OUT and self.named_right >= MIN_AGREEMENT * self.named_n


def _xyz(recs: list[Rec]) -> np.ndarray:
    lat = np.radians([r.lat for r in recs])
    lon = np.radians([r.lon for r in recs])
    return np.c_[np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)]


def _two_nearest(q: np.ndarray, ref: np.ndarray, skip_self: bool) -> tuple[np.ndarray, np.ndarray]:
    """Indices (n, 2) into ``ref`` of the two nearest reference points of each query point and
    their distances in km (inf where there is no second one); ``skip_self`` when q is ref."""
    idx = np.zeros((len(q), 2), dtype=np.int64)
    km = np.full((len(q), 2), np.inf)
    for s in range(0, len(q), 512):
        sim = q[s:s + 512] @ ref.T
        if skip_self:
            sim[np.arange(sim.shape[0]), np.arange(s, s + sim.shape[0])] = -np.inf
        k = min(2, ref.shape[0] - skip_self)
        if k <= 0:
            continue
        top = np.argpartition(-sim, k - 1, axis=1)[:, :k] if sim.shape[1] > k else np.argsort(-sim, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(sim, top, axis=1), axis=1, kind="stable")
        top = np.take_along_axis(top, order, axis=1)
        chord = np.sqrt(np.clip(2 - 2 * np.take_along_axis(sim, top, axis=1), 0, 4))
        idx[s:s + len(top), :k] = top
        km[s:s + len(top), :k] = 2 * _R_KM * np.arcsin(np.clip(chord / 2, 0, 1))
    return idx, km


def _guess(names: list[str], idx: np.ndarray, km: np.ndarray, pair_km: float, one_km: float) -> list[int]:
    """The rule, per query: the index (into ``names``) of the neighbour whose admin2 it takes (the
    two nearest agree within ``pair_km``, else the nearest within ``one_km``), or -1."""
    out = []
    for (i, j), (d1, d2) in zip(idx.tolist(), km.tolist(), strict=True):
        out.append(i if (d2 <= pair_km and names[i] == names[j]) or d1 <= one_km else -1)
    return out


def calibrate(groups: dict[tuple[str, str], list[Rec]], name: Callable[[Rec], str]) -> dict[str, Calibration]:
    """Hold out each place of ``groups`` (places with a known admin2, by country and admin1) in
    turn, count per country how often its neighbours' admin2 (``name``, compared as written)
    is its own, by distance, and choose the cut-offs."""
    held: dict[str, list[tuple[list[str], np.ndarray, np.ndarray]]] = {}
    for (cc, _a1), rs in groups.items():
        if len(rs) >= 2:
            pts = _xyz(rs)
            held.setdefault(cc, []).append(([name(r) for r in rs], *_two_nearest(pts, pts, skip_self=True)))
    out: dict[str, Calibration] = {}
    for cc, parts in held.items():
        cal = out[cc] = Calibration()
        for names, idx, km in parts:
            for (i, j), (_d1, d2), own in zip(idx.tolist(), km.tolist(), names, strict=True):
                if np.isfinite(d2) and names[i] == names[j]:
                    cal.pair.add(d2, names[i] == own)
        cal.pair_km = cal.pair.cutoff()
        for names, idx, km in parts:  # the nearest alone, where the pair rule does not answer
            for (i, j), (d1, d2), own in zip(idx.tolist(), km.tolist(), names, strict=True):
                if not (d2 <= cal.pair_km and names[i] == names[j]):
                    cal.one.add(d1, names[i] == own)
        cal.one_km = cal.one.cutoff()
        for names, idx, km in parts:
            for g, own in zip(_guess(names, idx, km, cal.pair_km, cal.one_km), names, strict=True):
                if g >= 0:
                    cal.answered += 1
                    cal.right += names[g] == own
    return out


def report(level: str, cals: dict[str, Calibration]) -> list[str]:
    """Lines that say what was held out and the cut-offs chosen (the build logs them)."""
    pair, one = Bands(), Bands()
    for c in cals.values():
        pair, one = pair.merged(c.pair), one.merged(c.one)
    answered, right = sum(c.answered for c in cals.values()), sum(c.right for c in cals.values())
    cut = sorted((cc for cc, c in cals.items() if c.pair_km or c.one_km), key=lambda cc: -sum(cals[cc].pair.n))
    named = sorted((cc for cc, c in cals.items() if c.by_name), key=lambda cc: -cals[cc].named_n)
    return [f"{level} held out, the two nearest agreeing, by the second's distance: {pair.describe()}",
            f"{level} held out, the nearest alone where the two do not answer: {one.describe()}",
            f"{level} cut-offs (km, two agreeing / nearest alone): "
            + ", ".join(f"{cc} {cals[cc].pair_km:g}/{cals[cc].one_km:g}" for cc in cut)
            + f"; held out, the rule answers {answered} places, {100 * right / max(answered, 1):.1f} % right",
            *([f"{level} by name in: " + ", ".join(
                f"{cc} {100 * cals[cc].named_right / cals[cc].named_n:.0f} % of {cals[cc].named_n}" for cc in named)]
              if named else [])]


def _named_units(admin2: dict[str, str], variants: Callable[[str], set[str]]) -> dict[tuple[str, str, str], set[str]]:
    """(country, admin1 code, name key) -> the admin2 codes of that admin1 so named."""
    units: dict[tuple[str, str, str], set[str]] = {}
    for code, unit in admin2.items():
        cc, a1, a2 = code.split(".", 2)
        for v in variants(unit):
            units.setdefault((cc, a1, key(v)), set()).add(a2)
    return units


def infer_admin2(recs: list[Rec], admin2: dict[str, str],
                 variants: Callable[[str], set[str]] = lambda n: {n}) -> dict[str, Calibration]:
    """Give places without an admin2 one (see the module docstring): the admin2 unit named like
    the place, alone of its admin1, in countries where that holds for >= 90 % of the places whose
    admin2 is known (municipalities named after their seat); else that of their neighbours.
    ``variants`` gives the forms of a unit's name ('Comuna Gilău' -> 'Gilău'). Returns each
    country's calibration. An inferred admin2 is written as a code where there is one (so the
    code table names it), else as a name (the cities1000 admin2 names have no code)."""

    def name(r: Rec) -> str:
        return key((admin2.get(f"{r.cc}.{r.a1}.{r.a2}") if r.a2 else r.a2name) or "")

    known: dict[tuple[str, str], list[Rec]] = {}
    todo: dict[tuple[str, str], list[Rec]] = {}
    for r in recs:
        if not r.a1 or not takes_admin2(r.fcode):
            continue
        if name(r):
            if r.fcode.startswith("PPL"):
                known.setdefault((r.cc, r.a1), []).append(r)
        elif not r.a2:  # a code the table does not name stays as it is
            todo.setdefault((r.cc, r.a1), []).append(r)
    cals = calibrate(known, name)
    units = _named_units(admin2, variants)
    for (cc, a1), rs in known.items():
        cal = cals.setdefault(cc, Calibration())
        for r in rs:
            hit = units.get((cc, a1, key(r.name)), set())
            if len(hit) == 1:
                cal.named_n += 1
                cal.named_right += key(admin2[f"{cc}.{a1}.{next(iter(hit))}"]) == name(r)
    n_named = n_near = 0
    for (cc, a1), rs in todo.items():
        c, ref = cals.get(cc), known.get((cc, a1), [])
        if c is None:
            continue
        rest = []
        for r in rs:
            hit = units.get((cc, a1, key(r.name)), set()) if c.by_name else set()
            if len(hit) == 1:
                r.a2, r.source, n_named = next(iter(hit)), r.source + NAMED, n_named + 1
            else:
                rest.append(r)
        if not rest or not ref or (c.pair_km == 0 and c.one_km == 0):
            continue
        idx, km = _two_nearest(_xyz(rest), _xyz(ref), skip_self=False)
        for r, g in zip(rest, _guess([name(x) for x in ref], idx, km, c.pair_km, c.one_km), strict=True):
            if g >= 0:
                r.a2, r.a2name, r.source = ref[g].a2, ref[g].a2name, r.source + INFERRED
                n_near += 1
    for line in report("admin2", cals):
        log.info(line)
    log.info("admin2 inferred for %d places from the unit named like them, for %d from their neighbours",
             n_named, n_near)
    return cals


def infer_admin1(recs: list[Rec], admin1: dict[str, str], admin2: dict[str, str]) -> dict[str, Calibration]:
    """Give places whose admin1 code the table does not name ('00', a former code) the admin1 of
    their nearest places of the same country, by the neighbour rule with cut-offs measured on the
    places whose admin1 is known (see the module docstring); an admin2 code that names no unit of
    the new admin1 is dropped. Places with no admin1 code at all are left as they are."""

    def name(r: Rec) -> str:
        return key(admin1.get(f"{r.cc}.{r.a1}", ""))

    todo: dict[str, list[Rec]] = {}
    for r in recs:
        if r.a1 and takes_admin2(r.fcode) and not name(r):
            todo.setdefault(r.cc, []).append(r)
    known: dict[tuple[str, str], list[Rec]] = {}
    for r in recs:
        if r.cc in todo and r.a1 and r.fcode.startswith("PPL") and name(r):
            known.setdefault((r.cc, ""), []).append(r)
    cals = calibrate(known, name)
    n = 0
    for cc, rs in todo.items():
        c, ref = cals.get(cc), known.get((cc, ""), [])
        if c is None or not ref or (c.pair_km == 0 and c.one_km == 0):
            continue
        idx, km = _two_nearest(_xyz(rs), _xyz(ref), skip_self=False)
        for r, g in zip(rs, _guess([name(x) for x in ref], idx, km, c.pair_km, c.one_km), strict=True):
            if g >= 0:
                r.a1, r.source = ref[g].a1, r.source + INFERRED1
                if f"{r.cc}.{r.a1}.{r.a2}" not in admin2:
                    r.a2 = None
                n += 1
    for line in report("admin1", cals):
        log.info(line)
    log.info("admin1 inferred for %d places from their neighbours", n)
    return cals
