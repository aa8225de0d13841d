"""A representative point for a part of a country or province ("northern Mali", "eastern
Chad", "central Borno"), as the ACLED codebook codes such places: the most populous locality in
that half (one direction) or corner (two) of the country's or province's populated extent."""

from __future__ import annotations

import numpy as np

from conflictwatch.models import Place


def region_point(gp, cc: str | None, direction: str | None, within: Place | None) -> tuple[int, str] | None:
    """The most populous locality in the named part of a country or province (memoised on the
    geoparser: the answer depends only on the arguments and the read-only gazetteer)."""
    if not cc:
        return None
    a1 = within.admin1 if within is not None and within.feature_code == "ADM1" else None
    cache = gp.__dict__.setdefault("_region_cache", {})
    k = (cc, direction, a1)
    if k not in cache:
        cache[k] = _uncached(gp, cc, direction, within)
    return cache[k]


def localities_by_country(gp) -> dict[str, np.ndarray]:
    """Rows of populated places per country code, built once per geoparser (a pass over the
    whole gazetteer costs tens of milliseconds; events ask for it many times)."""
    got = gp.__dict__.get("_ppl_by_cc")
    if got is None:
        gaz = gp.gazetteer
        rows = np.nonzero(np.char.startswith(gaz.fc, "PPL"))[0]
        order = np.argsort(gaz.cc_i[rows], kind="stable")
        rows = rows[order]
        codes, starts = np.unique(gaz.cc_i[rows], return_index=True)
        got = {gaz.ccs[int(c)]: part for c, part in zip(codes, np.split(rows, starts[1:]), strict=True)}
        gp.__dict__["_ppl_by_cc"] = got
    return got


COMPOUND_OUT = 0.25


def _uncached(gp, cc: str, direction: str | None, within: Place | None) -> tuple[int, str] | None:
    gaz = gp.gazetteer
    rows = localities_by_country(gp).get(cc)
    if rows is None or not len(rows):
        return None
    if within is not None and within.feature_code == "ADM1" and within.admin1:
        same_name = [i for i, n in enumerate(gaz.a1_names) if n == within.admin1]  # "Centre" is in several countries
        in_a1 = np.isin(gaz.a1_i[rows], same_name)
        if in_a1.any():
            rows = rows[in_a1]
    lat, lon = gaz.lat[rows], gaz.lon[rows]
    la, lb = np.percentile(lat, [0.1, 99.9])
    oa, ob = np.percentile(lon, [0.1, 99.9])
    sel = np.ones(len(rows), dtype=bool)
    d = direction or "central"
    # one direction is that half of the country; two ("northeast") are its corner, a quarter of
    # each half-axis out from the middle ("north-eastern Nigeria" is Borno, not Kano on the midline)
    out = COMPOUND_OUT if ("north" in d or "south" in d) and ("east" in d or "west" in d) else 0.0
    mid_lat, half_lat, mid_lon, half_lon = (la + lb) / 2, (lb - la) / 2, (oa + ob) / 2, (ob - oa) / 2
    if "north" in d:
        sel &= lat >= mid_lat + out * half_lat
    if "south" in d:
        sel &= lat <= mid_lat - out * half_lat
    if "east" in d:
        sel &= lon >= mid_lon + out * half_lon
    if "west" in d:
        sel &= lon <= mid_lon - out * half_lon
    if d == "central":
        sel &= (np.abs(lat - (la + lb) / 2) <= (lb - la) / 4) & (np.abs(lon - (oa + ob) / 2) <= (ob - oa) / 4)
    if not sel.any():
        sel[:] = True
    cand = rows[sel]
    best = int(cand[np.argmax(gaz.pop[cand])])
    return best, d
