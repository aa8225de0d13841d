"""Readings of a name that the article's other mentions settle.

A name pinned down once ("Parkland, Florida") or called a province once ("New York state") keeps
that reading where the article repeats it bare; a name written after a place and a comma, or
listed beside provinces, is a province or county ("Buffalo, New York"; "Missouri, Wyoming and
Georgia").
"""

from __future__ import annotations

from conflictwatch.distance import km
from conflictwatch.geo.gazetteer import Gazetteer
from conflictwatch.geo.normalize import key
from conflictwatch.geo.resolve_candidates import Cand


def one_sense(cands: list[Cand]) -> None:
    """A name the text pins down once ("Parkland, Florida") means the same place wherever
    else the article repeats it bare ("the Parkland students"); where it pins two namesakes
    ("San Jose, California" and "San José, Costa Rica"), a bare mention spelt like one of them
    is that one."""
    pinned: dict[str, int] = {}
    spelt: dict[str, int] = {}
    for c in sorted(cands, key=lambda c: c.start):  # forward only: a bare name before the pin is
        # another place, or the writer would have said which at the first mention
        if c.hints and c.pick >= 0 and not c.weak and not c.contrasted:
            pinned.setdefault(key(c.text), c.pick)
            spelt.setdefault(" ".join(c.text.split()), c.pick)
            continue
        row = spelt.get(" ".join(c.text.split()), pinned.get(key(c.text)))
        if row is not None and not c.hints and row in c.rows:
            c.pick = row


def one_unit(gaz: Gazetteer, cands: list[Cand]) -> None:
    """A name the text calls a province once ("New York state", "the state of Washington")
    is that province where the article repeats it bare, when the province's namesake town is
    not its capital (New York City; not Kano, which is Kano State's capital: "Kano" alone
    stays the city)."""
    units: dict[str, int] = {}
    for c in cands:
        if c.admin_hint and c.pick >= 0 and not c.weak and not c.contrasted and gaz.fc[c.pick] == "ADM1" and key(
                gaz.names[c.pick]) == key(c.query or c.text):
            units.setdefault(key(c.text), c.pick)
    for c in cands:
        row = units.get(key(c.text))
        if row is None or c.hints or c.admin_hint or row not in c.rows or c.pick == row:
            continue
        cc, a1 = int(gaz.cc_i[row]), int(gaz.a1_i[row])
        if not any(int(gaz.cc_i[r]) == cc and int(gaz.a1_i[r]) == a1 and gaz.fc[r] in ("PPLA", "PPLC")
                   for r in c.rows):
            c.pick = row


def _admin_reading(gaz: Gazetteer, c: Cand, ok) -> int:
    """The most important admin1/admin2 reading of ``c`` that ``ok(row)`` accepts, or -1."""
    rows = [int(r) for r, x in zip(c.rows, c.exact, strict=True)
            if x and gaz.fc[r] in ("ADM1", "ADM2") and ok(int(r))]
    return max(rows, key=lambda r: float(gaz.prior[r])) if rows else -1


def lists_and_containers(gaz: Gazetteer, cands: list[Cand], text: str) -> None:
    """Two readings of a name that the text's layout gives away:

    * "Buffalo, New York": a name written after a place and a comma that is the name of the
      province or county holding that place is that unit (the state, not the city);
    * "Missouri, Wyoming and Georgia": a name listed beside provinces or states is one too
      (the state of Georgia, not the country nor a town called Wyoming).

    A name so read keeps that reading wherever else the article repeats it."""
    order = sorted((c for c in cands if len(c.rows)), key=lambda c: c.start)
    flipped: dict[tuple[str, int], int] = {}

    def sep(a: Cand, b: Cand) -> str:
        return text[a.end : b.start] if 0 <= b.start - a.end <= 6 else "?"

    def is_admin(c: Cand) -> bool:
        return c.pick >= 0 and gaz.fc[c.pick] in ("ADM1", "ADM2")

    def switch(c: Cand, row: int) -> None:
        if row >= 0 and row != c.pick:
            flipped[(key(c.text), c.pick)] = row
            c.pick, c.weak = row, False

    for a, b in zip(order, order[1:], strict=False):
        if sep(a, b) != ", " or a.pick < 0 or gaz.fc[a.pick] in ("ADM1", "ADM2", "PCLI", "CONT", "RGN"):
            continue
        if b.pick >= 0 and _km(gaz, a.pick, b.pick) < 60:
            continue  # "Queens, New York": the city holds the place
        cc, a1, a2 = int(gaz.cc_i[a.pick]), int(gaz.a1_i[a.pick]), int(gaz.a2_i[a.pick])
        switch(b, _admin_reading(gaz, b, lambda r, cc=cc, a1=a1, a2=a2: int(gaz.cc_i[r]) == cc and int(
            gaz.a1_i[r]) == a1 and (gaz.fc[r] == "ADM1" or int(gaz.a2_i[r]) == a2)))
    for _ in range(3):  # a list is read from its surest members outwards
        changed = False
        for i, c in enumerate(order):
            if is_admin(c) or c.admin_hint or c.pick < 0:
                continue
            nbrs = [order[j] for j in (i - 1, i + 1) if 0 <= j < len(order)]
            nbrs = [n for n in nbrs if sep(*sorted((n, c), key=lambda x: x.start)) in (", ", " and ", ", and ", " or ")]
            ccs = {int(gaz.cc_i[n.pick]) for n in nbrs if is_admin(n) and gaz.fc[n.pick] == "ADM1"}
            if gaz.fc[c.pick] == "PCLI":  # "Oaxaca, Mexico": a country beside its own province
                ccs.discard(int(gaz.cc_i[c.pick]))
            if ccs:
                before = c.pick
                switch(c, _admin_reading(gaz, c, lambda r, ccs=ccs: gaz.fc[r] == "ADM1" and int(gaz.cc_i[r]) in ccs))
                changed |= c.pick != before
        if not changed:
            break
    for c in cands:
        row = flipped.get((key(c.text), c.pick))
        if row is not None:
            c.pick = row


def _km(gaz: Gazetteer, i: int, j: int) -> float:
    return km(float(gaz.lat[i]), float(gaz.lon[i]), float(gaz.lat[j]), float(gaz.lon[j]))
