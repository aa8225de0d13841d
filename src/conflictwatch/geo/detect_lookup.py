"""What the gazetteer says about a name, as detection asks it: the feature code and population
of its most likely row, whether it is a landmark, whether it is a town of some size."""

from __future__ import annotations

from conflictwatch.geo.gazetteer import Gazetteer

BIG_CODES = {"PCLI", "CONT", "ADM1", "PPLC", "PPLA"}
LANDMARK_CODES = {"BLDG", "STRT", "AIRP", "RGN", "OCN", "SEA", "ISL", "PRK", "FRST"}


def best_code(gaz: Gazetteer, text: str) -> tuple[str | None, float]:
    rows = gaz.ids(text)
    if len(rows) == 0:
        return None, 0.0
    i = max(rows, key=lambda r: gaz.prior[r])
    return gaz.feature_code(int(i)), float(gaz.pop[i])


def is_landmark(gaz: Gazetteer, text: str) -> bool:
    return any(gaz.fc[i] in LANDMARK_CODES for i in gaz.ids(text))


def is_town(gaz: Gazetteer, text: str) -> bool:
    """A town of some size (20,000 people or a district seat) or a province: short capitalised
    datelines ("DJIBO —") must be one to pass for a place rather than a group's acronym."""
    code, pop = best_code(gaz, text)
    return code is not None and (pop >= 20_000 or code in {"PPLC", "PPLA", "PPLA2", "ADM1", "ADM2"})
