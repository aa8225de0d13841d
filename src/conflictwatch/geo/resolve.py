"""Resolve place names to gazetteer entries, using the whole article as context.

Each name gets candidates (every gazetteer row with that name, or, failing that, with a
shortened form of it: "Orange County" -> "Orange", "Bamako airport" -> "Bamako"). A candidate's
score is its prior (log population + a feature-code bonus: countries, provinces, capitals) plus

* the weight of its country in the article (countries named, and the countries of the names
  that are unambiguous);
* its province being named in the article;
* closeness to the article's other places;
* hints written beside the name: "Dounde (Bankass, Mopti)", "Kidal, Mali", "Diffa region".

Two passes: the first picks by prior alone and sets the context, the second rescores.
A name with no candidate falls back to the article's main locality (low confidence).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Span

from conflictwatch.geo.detect import ADMIN_NOUNS, find_mentions
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.models import Toponym

W_COUNTRY = 5.0
W_ADMIN1 = 2.5
W_NEAR = 2.5
W_HINT = 6.0
W_EXACT = 0.7
MAX_CANDIDATES = 300

_DIRECTION = re.compile(r"^(?:north|south|east|west|central|northern|southern|eastern|western|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|upper|lower)\s+", re.I)
_HINT = re.compile(r"^\s*(?:,\s*|\(\s*)([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3})"
                   r"(?:\s*,\s*([A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,3}))?")


@dataclass
class _Cand:
    start: int
    end: int
    text: str
    rows: np.ndarray
    exact: np.ndarray  # 1.0 where the row's own name has the queried key
    hints: list[np.ndarray] = field(default_factory=list)  # row sets of hint names
    admin_hint: bool = False  # "X region": prefer admin units
    pick: int = -1
    score: float = 0.0
    margin: float = 0.0


def name_variants(text: str) -> list[str]:
    """Shorter forms to try when a name is not in the gazetteer as written."""
    t = " ".join(text.replace("’", "'").split())
    out = []
    for pre in ("the ", "The "):
        if t.startswith(pre):
            t = t[len(pre):]
            out.append(t)
    if t.endswith("'s"):
        t = t[:-2]
        out.append(t)
    m = _DIRECTION.match(t)
    if m:
        out.append(t[m.end():])
    words = t.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_NOUNS | {"city", "town", "village", "island", "islands"}:
        out.append(" ".join(words[:-1]))
    if len(words) > 2 and words[0].lower() in ADMIN_NOUNS | {"city"} and words[1].lower() == "of":
        out.append(" ".join(words[2:]))
    # embedded names, longest first: "Bamako airport", "Gao military camp", "Kano State Police"
    for size in range(len(words) - 1, 0, -1):
        for s in range(0, len(words) - size + 1):
            sub = words[s : s + size]
            if sub[0][:1].isupper():
                out.append(" ".join(sub))
    return out


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    # ------------------------------------------------------------------ candidates
    def candidates(self, text: str, start: int, end: int, full_text: str) -> _Cand:
        gaz = self.gaz
        rows = gaz.ids(text)
        q = text
        if len(rows) == 0:
            for v in name_variants(text):
                rows = gaz.ids(v)
                if len(rows):
                    q = v
                    break
        if len(rows) > MAX_CANDIDATES:
            rows = rows[np.argsort(-gaz.prior[rows])[:MAX_CANDIDATES]]
        qk = key(q)
        exact = np.array([1.0 if key(gaz.names[i]) == qk else 0.0 for i in rows])
        c = _Cand(start, end, text, rows.astype(np.int64), exact)
        after = full_text[end : end + 80]
        nxt = after.lstrip().split(" ", 1)[0].lower().strip(".,;:)")
        c.admin_hint = nxt in ADMIN_NOUNS or any(w.lower() in ADMIN_NOUNS for w in text.split()[1:])
        m = _HINT.match(after)
        if m:
            for h in m.groups():
                if h:
                    hr = gaz.ids(h)
                    if len(hr) == 0:
                        hr = gaz.ids(h.rsplit(" ", 1)[0]) if " " in h else hr
                    if len(hr):
                        c.hints.append(hr)
        return c

    # ------------------------------------------------------------------ scoring
    def _score(self, c: _Cand, ctry: dict[int, float], adm1: set[tuple[int, int]], anchors: np.ndarray | None,
               focus_cc: int | None) -> np.ndarray:
        gaz = self.gaz
        r = c.rows
        s = gaz.prior[r] + W_EXACT * c.exact
        if ctry:
            s = s + W_COUNTRY * np.array([ctry.get(int(x), 0.0) for x in gaz.cc_i[r]])
        if focus_cc is not None:
            s = s + 1.5 * (gaz.cc_i[r] == focus_cc)
        if adm1:
            s = s + W_ADMIN1 * np.array([(int(a), int(b)) in adm1 for a, b in zip(gaz.cc_i[r], gaz.a1_i[r], strict=True)])
        if anchors is not None and len(anchors):
            lat = np.radians(gaz.lat[r])[:, None]
            lon = np.radians(gaz.lon[r])[:, None]
            alat, alon = np.radians(anchors[:, 0])[None, :], np.radians(anchors[:, 1])[None, :]
            a = np.sin((alat - lat) / 2) ** 2 + np.cos(lat) * np.cos(alat) * np.sin((alon - lon) / 2) ** 2
            d = 12742 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
            s = s + W_NEAR * np.exp(-d.min(axis=1) / 250.0) * (gaz.fc[r] != "PCLI")
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
        if c.admin_hint:
            s = s + 3.0 * np.isin(gaz.fc[r], ["ADM1", "ADM2", "ADM3"])
        return s

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]], country_hint: str | None = None) -> list[tuple[int, float]]:
        """For each (start, end) span of ``text``: (row or -1, confidence)."""
        gaz = self.gaz
        cands = [self.candidates(text[s:e], s, e, text) for s, e in spans]
        focus_cc = None
        if country_hint:
            row = gaz.country_row(country_hint) if len(country_hint) == 2 else None
            if row is None:
                p = gaz.ids(country_hint)
                row = next((int(i) for i in p if gaz.fc[i] == "PCLI"), None)
            focus_cc = int(gaz.cc_i[row]) if row is not None else None
        # pass 1: prior only
        for c in cands:
            if len(c.rows):
                s = self._score(c, {}, set(), None, focus_cc)
                self._pick(c, s)
        for _ in range(2):
            ctry, adm1, anchors = self._context(cands)
            for k, c in enumerate(cands):
                if not len(c.rows):
                    continue
                others = np.array([a for j, a in enumerate(anchors) if j != k and a is not None]) if anchors else None
                s = self._score(c, ctry, adm1, others, focus_cc)
                self._pick(c, s)
        out = []
        fallback = self._fallback(cands)
        for c in cands:
            if c.pick >= 0:
                conf = 1.0 / (1.0 + math.exp(-(c.margin - 1.0)))
                out.append((c.pick, round(conf, 3)))
            else:
                out.append((fallback, 0.1 if fallback >= 0 else 0.0))
        return out

    @staticmethod
    def _pick(c: _Cand, s: np.ndarray) -> None:
        order = np.argsort(-s)
        c.pick = int(c.rows[order[0]])
        c.score = float(s[order[0]])
        c.margin = float(s[order[0]] - s[order[1]]) if len(order) > 1 else 5.0

    def _context(self, cands: list[_Cand]) -> tuple[dict[int, float], set[tuple[int, int]], list]:
        gaz = self.gaz
        votes: Counter[int] = Counter()
        adm1: set[tuple[int, int]] = set()
        anchors: list = []
        for c in cands:
            if c.pick < 0:
                anchors.append(None)
                continue
            i = c.pick
            fc = gaz.fc[i]
            w = 1.0 if fc == "PCLI" else min(1.0, 0.3 + 0.2 * c.margin)
            if fc != "CONT":
                votes[int(gaz.cc_i[i])] += w
            if fc == "ADM1":
                adm1.add((int(gaz.cc_i[i]), int(gaz.a1_i[i])))
            anchors.append(None if fc in {"PCLI", "CONT"} else (gaz.lat[i], gaz.lon[i]))
        top = max(votes.values()) if votes else 0.0
        ctry = {k: v / top for k, v in votes.items()} if top else {}
        return ctry, adm1, anchors

    def _fallback(self, cands: list[_Cand]) -> int:
        """The article's main place: its most named locality in its most named country."""
        gaz = self.gaz
        picks = [c.pick for c in cands if c.pick >= 0]
        if not picks:
            return -1
        cc = Counter(int(gaz.cc_i[i]) for i in picks if gaz.fc[i] != "CONT").most_common(1)
        if not cc:
            return picks[0]
        local = Counter(i for i in picks if int(gaz.cc_i[i]) == cc[0][0] and gaz.fc[i] not in {"PCLI", "CONT", "ADM1"})
        if local:
            return local.most_common(1)[0][0]
        return next(i for i in picks if int(gaz.cc_i[i]) == cc[0][0])


class Geoparser:
    """Find and resolve the places of a document; locate events. The gazetteer is injected."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.resolver = Resolver(gazetteer)

    def toponyms(self, doc: Doc, doc_id: str | None = None, country_hint: str | None = None) -> list[Toponym]:
        """Every place name of ``doc``, resolved."""
        spans = [(m.start, m.end) for m in find_mentions(doc, self.gazetteer)]
        return self.resolve(doc.text, spans, doc=doc, doc_id=doc_id, country_hint=country_hint)

    def resolve(self, text: str, spans: list[tuple[int, int]], doc: Doc | None = None, doc_id: str | None = None,
                country_hint: str | None = None) -> list[Toponym]:
        """Resolve exactly the given character spans of ``text``."""
        res = self.resolver.resolve_spans(text, spans, country_hint)
        out = []
        for (s, e), (row, conf) in zip(spans, res, strict=True):
            place = self.gazetteer.place(row) if row >= 0 else None
            out.append(Toponym(doc_id=doc_id, start=s, end=e, name=text[s:e], place=place, confidence=conf))
        return out

    def locate_event(self, doc: Doc, toponyms: list[Toponym], sents: Sequence[Span], country_hint: str | None = None):
        from conflictwatch.geo.event import locate_event

        return locate_event(self, doc, toponyms, sents, country_hint)
