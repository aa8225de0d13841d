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

The steps live beside this module: ``resolve_names`` (name variants, the words of a name),
``resolve_candidates`` (a name's rows and the hints around it), ``resolve_score`` (the
weights), ``resolve_context`` (the article's countries, provinces, points and main place),
``resolve_readings`` (readings other mentions settle), ``resolve_checks`` (a reading checked
against the article) and ``resolve_prune`` (dropping unsupported single words).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from spacy.tokens import Doc, Span

from conflictwatch.geo.detect import find_mentions
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.geo.resolve_candidates import MAX_CANDIDATES, Cand, collect_candidates
from conflictwatch.geo.resolve_checks import (
    against_hints,
    big,
    hint_place,
    named_unit,
    near_any,
    stray,
    supported,
)
from conflictwatch.geo.resolve_context import article_context, institution_seat, main_place, unique_points
from conflictwatch.geo.resolve_names import (
    ABROAD_WORDS,
    FACILITY_WORDS,
    GENERIC_PARTS,
    INSTITUTION_WORDS,
    SEAT_WORDS,
    STATE_FORM_WORDS,
    UNIT_OFFICES,
    is_facility,
    name_variants,
)
from conflictwatch.geo.resolve_prune import drop_unsupported_words
from conflictwatch.geo.resolve_readings import lists_and_containers, one_sense, one_unit
from conflictwatch.geo.resolve_score import (
    FAME_FROM,
    FAME_GAP,
    FAME_MAX,
    W_ADMIN1,
    W_ALIAS,
    W_COUNTRY,
    W_EXACT,
    W_FAME,
    W_HINT,
    W_NEAR,
    W_PIN,
    pick,
    score,
)
from conflictwatch.models import Toponym
from conflictwatch.nlp.text import doc_text

__all__ = [
    "ABROAD_WORDS", "FACILITY_WORDS", "FAME_FROM", "FAME_GAP", "FAME_MAX", "GENERIC_PARTS", "INSTITUTION_WORDS",
    "LONE_KM", "LONE_POP", "MAX_CANDIDATES", "SEAT_WORDS", "STATE_FORM_WORDS", "UNIT_OFFICES", "W_ADMIN1", "W_ALIAS",
    "W_COUNTRY", "W_EXACT", "W_FAME", "W_HINT", "W_NEAR", "W_PIN", "Geoparser", "Resolver", "name_variants",
]

#: A small town (under LONE_POP people) chosen among namesakes of its own country, far (LONE_KM)
#: from every one of the article's other places (two at least), is a guess: the article's own
#: locality is likelier ("the Shops at Stonewall", "from August in New Orleans").
LONE_POP = 20_000
LONE_KM = 400.0


class Resolver:
    """Resolves the place names of one text at a time against the injected gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def candidates(self, text: str, start: int, end: int, full_text: str) -> Cand:
        """The candidates of the name ``text``, at ``start:end`` of ``full_text``."""
        return collect_candidates(self.gaz, text, start, end, full_text)

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]], country_hint: str | None = None) -> list[tuple[int, float]]:
        """For each (start, end) span of ``text``: (row or -1, confidence)."""
        gaz = self.gaz
        cands = []
        seen: dict[tuple[str, str], Cand] = {}
        for a, b in spans:  # a name repeated with the same words after it has the same candidates
            near = (text[a:b], text[b : b + 40])
            if near in seen:
                c0 = seen[near]
                cands.append(replace(c0, start=a, end=b, pick=-1, score=0.0, margin=0.0))
            else:
                seen[near] = c = collect_candidates(gaz, text[a:b], a, b, text)
                cands.append(c)
        focus_cc = None
        if country_hint:
            row = gaz.country_row(country_hint) if len(country_hint) == 2 else None
            if row is None:
                p = gaz.ids(country_hint)
                row = next((int(i) for i in p if gaz.fc[i] == "PCLI"), None)
            focus_cc = int(gaz.cc_i[row]) if row is not None else None
        # pass 1: prior only
        groups: dict[tuple, list[Cand]] = {}
        for c in cands:  # identical names with identical hints are scored once
            if len(c.rows):
                sig = (c.text, c.admin_hint, c.weak, tuple(h.tobytes() for h in c.hints), c.rows.tobytes())
                groups.setdefault(sig, []).append(c)
        for members in groups.values():
            sc = score(gaz, members[0], {}, {}, None, focus_cc)
            for c in members:
                pick(c, sc)
        keys = [key(c.text) for c in cands]
        for _ in range(2):
            ctry, adm1, anchors = article_context(gaz, cands)
            by_key: dict[str, np.ndarray] = {}
            for members in groups.values():
                k = key(members[0].text)
                if k not in by_key:
                    by_key[k] = unique_points([a for j, a in enumerate(anchors) if keys[j] != k and a is not None])
                sc = score(gaz, members[0], ctry, adm1, by_key[k], focus_cc)
                for c in members:
                    pick(c, sc)
        one_sense(cands)
        one_unit(gaz, cands)
        lists_and_containers(gaz, cands, text)
        ctry, _, anchors = article_context(gaz, cands)
        pts = np.array([a for a in anchors if a is not None]) if anchors else np.zeros((0, 2))
        # countries the article names as such: a small town there is no stray, however much more
        # the article says of another country ("officials in the Netherlands ... based in Veldhoven")
        named = {int(gaz.cc_i[c.pick]) for c in cands if c.pick >= 0 and not c.weak and gaz.fc[c.pick] == "PCLI"}
        for c in cands:  # a place the gazetteer lacks, placed by the hint beside it (low confidence)
            if c.hints and (c.pick < 0 or against_hints(gaz, c)):
                c.pick, c.margin = hint_place(gaz, c, ctry), 0.0
        others: dict[str, dict[int, float]] = {}  # country support from the article's other names
        lone: list[Cand] = []
        for c in cands:
            k = key(c.text)
            # a city of a million inside an event's name ("the New York Auto Show") is that city
            # even far from the article's other places, in a country the article is about
            if (c.pick >= 0 and c.weak and not named_unit(gaz, c) and not supported(gaz, c.pick, ctry, pts)
                    and not (gaz.fc[c.pick].startswith("PPL") and gaz.pop[c.pick] >= 1_000_000 and not is_facility(c.text)
                             and ctry.get(int(gaz.cc_i[c.pick]), 0.0) >= 0.5)):
                c.pick = -1
            elif c.pick >= 0 and gaz.fc[c.pick].startswith("PPL") and not c.hints:  # "Weybridge, England"
                if k not in others:
                    others[k] = article_context(gaz, [x for x in cands if key(x.text) != k])[0]
                if stray(gaz, c.pick, others[k]) and int(gaz.cc_i[c.pick]) not in named:
                    c.pick = -1
                elif (gaz.pop[c.pick] < LONE_POP and gaz.fc[c.pick] == "PPL"
                      and int(np.sum(gaz.cc_i[c.rows] == gaz.cc_i[c.pick])) > 1):
                    opts = unique_points([a for j, a in enumerate(anchors) if a is not None and keys[j] != k])
                    if len(opts) >= 2 and not near_any(gaz, c.pick, opts, LONE_KM):
                        lone.append(c)  # falls back below, once the article's locality is known
        for c in cands:
            if c.pick >= 0 and c.weak and is_facility(c.text) and not big(gaz, c.pick):
                c.pick = -1
            elif c.pick >= 0 and c.street and not big(gaz, c.pick) and not supported(
                    gaz, c.pick, ctry, unique_points([a for j, a in enumerate(anchors) if a is not None and keys[j] != key(c.text)])):
                c.pick = -1  # "Bourbon and Dauphine streets": streets of the article's town, unless near its places
        for c in cands:  # and one whose only readings were dropped above ("Donington Park, Leicestershire")
            if c.hints and c.pick < 0:
                c.pick, c.margin = hint_place(gaz, c, ctry), 0.0
        fallback = main_place(gaz, cands)
        for c in lone:
            c.pick = -1
        for c in cands:
            if c.pick >= 0 and c.weak and gaz.fc[c.pick] in {"PCLI", "CONT"}:
                c.pick = institution_seat(gaz, c, fallback)
            elif key(c.text) in SEAT_WORDS and fallback >= 0:
                # "Congress", "Parliament" alone: the national one, in the article's country's capital
                cap = gaz.capital_row(gaz.cc(fallback))
                if cap is not None:
                    c.pick, c.weak = cap, True
        out = []
        for c in cands:
            if c.pick >= 0:
                conf = 1.0 / (1.0 + math.exp(-(c.margin - 1.0)))
                out.append((c.pick, round(conf * (0.6 if c.weak else 1.0), 3)))
            else:
                out.append((fallback, 0.1 if fallback >= 0 else 0.0))
        return out


class Geoparser:
    """Find and resolve the places of a document; locate events. The gazetteer is injected."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.resolver = Resolver(gazetteer)

    def toponyms(self, doc: Doc, doc_id: str | None = None, country_hint: str | None = None) -> list[Toponym]:
        """Every place name of ``doc``, resolved."""
        mentions = find_mentions(doc, self.gazetteer)
        spans = [(m.start, m.end) for m in mentions]
        tops = self.resolve(doc_text(doc), spans, doc=doc, doc_id=doc_id, country_hint=country_hint)
        return drop_unsupported_words(tops, mentions, doc_text(doc))

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
