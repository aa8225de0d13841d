"""The gazetteer: a compact, read-only index of places loaded from one ``.npz`` file.

Places are rows of parallel arrays (point, population, feature code, country, admin names);
names map to rows through sorted name keys (:func:`conflictwatch.geo.normalize.key`) and a
postings array. Loading takes well under two seconds; a lookup is a dict access plus a slice.
"""

from __future__ import annotations

import bisect
import logging
import threading
from importlib import resources
from pathlib import Path

import numpy as np

from conflictwatch.distance import km
from conflictwatch.errors import GazetteerError
from conflictwatch.geo.normalize import key, skeleton
from conflictwatch.models import Place

log = logging.getLogger(__name__)

DEFAULT_PATH = Path(str(resources.files("conflictwatch") / "data" / "gazetteer" / "gazetteer.npz"))

#: Prior weight of a feature code on top of log10(population): countries and continents are
#: what a bare name means most often, then provinces and capitals.
FEATURE_BONUS = {
    "CONT": 9.5, "PCLI": 6.5, "PCLD": 5.0, "TERR": 4.0, "ADM1": 2.0, "PPLC": 3.2, "PPLA": 1.2,
    "PPLA2": 0.6, "ADM2": -1.0, "RGN": 1.5, "PPLG": 0.5, "AIRP": -0.5, "PPLX": -1.0, "LCTY": -1.0,
    "WLL": -1.5, "CMP": -1.0, "MT": -0.5, "LK": -0.5, "HLLS": -1.5, "PLAT": -1.0, "VAL": -1.0,
}

_CACHE: dict[Path, Gazetteer] = {}
_LOCK = threading.Lock()


def _strings(a: np.ndarray) -> list[str]:
    return a.tobytes().decode("utf-8").split("\n")


class Gazetteer:
    """Read-only place index. Build one with ``conflictwatch gazetteer build``; load with
    :meth:`load` (cached per path)."""

    def __init__(self, arrays: dict[str, np.ndarray], path: Path | None = None) -> None:
        self.path = path
        self.lat = arrays["lat"].astype(np.float64)
        self.lon = arrays["lon"].astype(np.float64)
        self.pop = arrays["pop"]
        self.fcode_i = arrays["fcode"]
        self.cc_i = arrays["cc"]
        self.a1_i = arrays["a1"]
        self.a2_i = arrays["a2"]
        self.gid = arrays["gid"]
        self.src_i = arrays["src"]
        self.names = _strings(arrays["names"])
        self.a1codes = _strings(arrays["a1code"])
        self.fcodes = _strings(arrays["fcodes"])
        self.ccs = _strings(arrays["ccs"])
        self.sources = _strings(arrays["sources"])
        self.a1_names = _strings(arrays["a1_names"])
        self.a2_names = _strings(arrays["a2_names"])
        keys = _strings(arrays["keys"])
        self._key_i = dict(zip(keys, range(len(keys)), strict=True))
        self._off = arrays["post_off"]
        self._ids = arrays["post_ids"]
        # the spelling-independent index is read on first use (it is a fallback)
        self._skel: tuple[list[str], np.ndarray, np.ndarray] | None = None
        if "skel_keys" in arrays:
            self._skel = (_strings(arrays["skel_keys"]), arrays["skel_off"], arrays["skel_ids"])
        bonus = np.array([FEATURE_BONUS.get(f, 0.0) for f in self.fcodes])
        self.prior = np.log10(self.pop.astype(np.float64) + 1.0) + bonus[self.fcode_i]
        # rows of countries and continents, by ISO2 / continent name
        fc = np.array(self.fcodes)[self.fcode_i]
        self._country_row: dict[str, int] = {}
        for i in np.nonzero(fc == "PCLI")[0]:
            self._country_row.setdefault(self.ccs[self.cc_i[i]], int(i))
        self._adm1_row: dict[tuple[str, str], int] = {}
        for i in np.nonzero(fc == "ADM1")[0]:
            self._adm1_row.setdefault((self.ccs[self.cc_i[i]], self.a1codes[i]), int(i))
        self.fc = fc
        self._capital_row: dict[str, int] = {}

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Load (once per path) the index at ``path`` or the shipped one."""
        p = Path(path) if path else DEFAULT_PATH
        with _LOCK:
            if p in _CACHE:
                return _CACHE[p]
            if not p.exists():
                raise GazetteerError(f"gazetteer index not found: {p} (run `conflictwatch gazetteer build`)")
            try:
                with np.load(p) as z:
                    arrays = {k: z[k] for k in z.files if not k.startswith("skel_")}
                gaz = cls(arrays, p)
            except (OSError, ValueError, KeyError) as exc:
                raise GazetteerError(f"unreadable gazetteer index {p}: {exc}") from exc
            _CACHE[p] = gaz
            return gaz

    def __len__(self) -> int:
        return len(self.names)

    # ----------------------------------------------------------------- row access
    def ids(self, name: str) -> np.ndarray:
        """Rows whose names include ``name`` (by key)."""
        j = self._key_i.get(key(name))
        if j is None:
            return self._ids[:0]
        return self._ids[self._off[j] : self._off[j + 1]]

    def fuzzy_ids(self, name: str) -> np.ndarray:
        """Rows whose names share the spelling-independent form of ``name`` (see
        :func:`conflictwatch.geo.normalize.skeleton`): a fallback for unknown spellings."""
        sk = skeleton(name)
        if len(sk.replace(" ", "")) < 5:
            return self._ids[:0]  # too short to tell names apart
        if self._skel is None and self.path is not None:
            with _LOCK, np.load(self.path) as z:
                if "skel_keys" in z.files:
                    self._skel = (_strings(z["skel_keys"]), z["skel_off"], z["skel_ids"])
        if self._skel is None:
            return self._ids[:0]
        keys, off, ids = self._skel
        j = bisect.bisect_left(keys, sk)
        if j >= len(keys) or keys[j] != sk:
            return self._ids[:0]
        return ids[off[j] : off[j + 1]]

    def has_key(self, k: str) -> bool:
        return k in self._key_i

    def cc(self, i: int) -> str:
        return self.ccs[self.cc_i[i]]

    def feature_code(self, i: int) -> str:
        return self.fcodes[self.fcode_i[i]]

    def place(self, i: int) -> Place:
        """The row as a :class:`~conflictwatch.models.Place`."""
        cc = self.cc(i) or None
        fcode = self.feature_code(i)
        country = None
        if cc and cc in self._country_row:
            country = self.names[self._country_row[cc]]
        gid = int(self.gid[i])
        return Place(
            name=self.names[i],
            latitude=round(float(self.lat[i]), 5),
            longitude=round(float(self.lon[i]), 5),
            country=country,
            country_code=cc,
            admin1=self.a1_names[self.a1_i[i]] or (self.names[i] if fcode == "ADM1" else None),
            admin2=self.a2_names[self.a2_i[i]] or (self.names[i] if fcode == "ADM2" else None),
            feature_class=_FCLASS.get(fcode, fcode[:1]),
            feature_code=fcode,
            geonameid=gid if gid >= 0 else None,
            population=int(self.pop[i]),
            source=self.sources[self.src_i[i]],
        )

    def country_row(self, cc: str) -> int | None:
        return self._country_row.get(cc.upper())

    def capital_row(self, cc: str) -> int | None:
        """The capital of a country (its PPLC row), if known."""
        if not self._capital_row:
            for i in np.nonzero(self.fc == "PPLC")[0]:
                c = self.ccs[self.cc_i[i]]
                if c not in self._capital_row or self.pop[i] > self.pop[self._capital_row[c]]:
                    self._capital_row[c] = int(i)
        return self._capital_row.get(cc)

    def admin1_row(self, cc: str, a1code: str) -> int | None:
        return self._adm1_row.get((cc, a1code))

    # ----------------------------------------------------------------- public API
    def lookup(self, name: str, country_code: str | None = None) -> list[Place]:
        """Places called ``name`` (any spelling GeoNames or our sources know), most important
        first; only those in ``country_code`` when given."""
        rows = self.ids(name)
        if country_code:
            cc = country_code.upper()
            rows = np.array([i for i in rows if self.cc(int(i)) == cc], dtype=np.int64)
        order = sorted((int(i) for i in rows), key=lambda i: -self.prior[i])
        return [self.place(i) for i in order]

    def country(self, name_or_code: str) -> Place | None:
        """A country's representative point, by ISO2 code or by any of its names."""
        s = name_or_code.strip()
        if len(s) == 2 and s.isalpha() and s.upper() in self._country_row:
            return self.place(self._country_row[s.upper()])
        for i in self.ids(s):
            if self.fc[i] == "PCLI":
                return self.place(int(i))
        return None


distance_km = km  # great-circle distance, one definition: conflictwatch.distance


_FCLASS = {"CONT": "L", "PCLI": "A", "PCLD": "A", "TERR": "A", "ADM1": "A", "ADM2": "A", "ADM3": "A",
           "LCTY": "L", "AREA": "L", "RGN": "L", "RGNE": "L", "OAS": "L", "RESF": "L", "RESW": "L",
           "CMP": "S", "CMPRF": "S", "CMPMN": "S", "AIRP": "S", "AIRF": "S", "AIRB": "S", "INSM": "S",
           "MLTY": "S", "PRN": "S", "MKT": "S", "FRM": "S", "MSTY": "S", "MNMT": "S", "DAM": "S",
           "MT": "T", "MTS": "T", "PLAT": "T", "DSRT": "T", "VAL": "T", "HLLS": "T",
           "LK": "H", "LKS": "H", "OCN": "H", "SEA": "H", "WLL": "H", "WLLS": "H", "OASIS": "H"}
