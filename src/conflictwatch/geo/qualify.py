"""What the words around a place name say about an event's location: "near X", "40 km north of
X", "between X and Y", "northern X", "the X region" (ACLED's geo_precision 1-3)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

_NUM = r"(\d+(?:[.,]\d+)?|a few|several|some|about \d+|around \d+)"
_UNIT = r"(km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)"
_DIRS = {
    "north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135, "south-east": 135,
    "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315, "north-west": 315,
}
# the points of the compass, and the words for a part of a place ("northern", "north-eastern", "central")
_POINTS = r"north-?east|north-?west|south-?east|south-?west|north|south|east|west"
_PARTS = rf"(?:{_POINTS})(?:ern)?|central"
_OFFSET = re.compile(
    rf"(?:about |some |around |roughly |nearly |approximately )?{_NUM}[\s-]*{_UNIT}\s*(?:\([^)]{{0,25}}\)\s*)?"
    rf"\(?({_POINTS})?\)?\s*(?:of|from|outside)\s+"
    r"(?:the\s+)?(?:(?:town|village|city|commune|locality|capital)\s*,?\s+(?:of\s+)?)?$",
    re.I,
)
_NEAR = re.compile(
    r"\b(near|nearby|outside|close to|on the outskirts of|the outskirts of|in the vicinity of|around|"
    r"not far from|in the area of|in the surroundings of|on the road to|on the road from|on the road between|"
    r"on the way to|en route to|environs of|vicinity of)\s+(?:the\s+)?(?:(?:town|village|city|commune|locality|capital)\s*,?\s+(?:of\s+)?)?$",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns|villages|cities|localities)\s+(?:of\s+)?)?$", re.I)
# "on the road from Boni to Hombori", "between Diffa and Bosso": the second of two towns the event
# lies between
_SECOND_OF_TWO = re.compile(
    r"\b(?:(?i:road|highway|route|axis|way)\s+from|(?i:between)(?:\s+the)?(?:\s+(?i:towns|villages)\s+of)?)"
    r"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+(?:to|and)\s+(?:the\s+)?$"
)
_REGIONAL = re.compile(
    rf"\b({_PARTS}|centre of|center of|north of|south of|east of|west of|parts of)\s+(?:the\s+)?$", re.I
)
_ADMIN_AFTER = re.compile(
    r"^\s*(region|province|state|district|county|department|governorate|cercle|circle|prefecture|territory|township|"
    r"area)\b",
    re.I,
)
# "in Nigeria's northeast", "in Mali's centre", "Chad's eastern region": a part of the place
_REGIONAL_AFTER = re.compile(rf"^(?:'s|’s)\s+(?:far\s+|extreme\s+)?({_PARTS}|centre|center)\b", re.I)
# after "X's northern": "business district", "neighbourhoods", "quarter" are parts of a town;
# "suburbs", "outskirts" are around it
_TOWN_PART_AFTER = re.compile(r"^\s+(?:business\s+district|neighbou?rhoods?|quarters?|districts?\s+of\s+the\s+city)\b",
                              re.I)
_TOWN_EDGE_AFTER = re.compile(r"^\s+(?:suburbs?|outskirts|periphery)\b", re.I)
# "on Gao's outskirts", "in Bamako's suburbs": around the town
_NEAR_AFTER = re.compile(r"^(?:'s|’s)\s+(?:outskirts|suburbs|environs|vicinity|surroundings|periphery)\b", re.I)
# "on the Kaya-Dori road", "the Gao–Ansongo axis": somewhere between two towns
_ROAD_WORDS = r"(?:road|highway|axis|route|motorway|corridor)\b"
_ROAD_FROM_AFTER = re.compile(rf"^\s*[-–]\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s+{_ROAD_WORDS}")
_ROAD_TO_BEFORE = re.compile(r"[A-Z][\w'’.]*\s*[-–]\s*$")
_ROAD_TO_AFTER = re.compile(rf"^\s+{_ROAD_WORDS}", re.I)
# "the Mankon area of the city", "the Nkwen district of the town": a part of a town is the town
_PART_OF_TOWN_AFTER = re.compile(
    r"^\s*(?:area|district|quarter|neighbou?rhood|suburb|sector|section|ward)\s+of\s+(?:the|this|that)\s+"
    r"(?:city|town|capital|village)\b",
    re.I,
)


@dataclass(frozen=True)
class Qualifier:
    precision: int = 1
    offset_km: float | None = None
    bearing: float | None = None
    direction: str | None = None  # for "northern X": north/south/east/west/central
    note: str = ""
    span_start: int | None = None  # where the qualifying words begin
    unit: str | None = None  # for an admin word after the name ("region", "area"): that word


def _direction(word: str) -> str:
    """"northern" -> north, "south-eastern" -> southeast, "centre of" -> central."""
    w = word.lower().replace("-", "")
    w = w[: -len("ern")] if w.endswith("ern") else w
    if w.startswith(("north", "south")) and w.endswith(("east", "west")):
        return w
    return next((d for d in ("north", "south", "east", "west") if w.startswith(d) or w.endswith(d)), "central")


@lru_cache(maxsize=8192)  # an article's places are qualified once per mention that names them
def qualify(text: str, start: int, end: int) -> Qualifier:
    before = text[max(0, start - 80) : start]
    after = text[end : end + 30]
    m = _OFFSET.search(before)
    if m:
        num = re.sub(r"[^\d.,]", "", m.group(1)).replace(",", ".")
        dist = float(num) if num else 10.0
        if m.group(2).lower().startswith("mi"):
            dist *= 1.609
        d = (m.group(3) or "").lower().replace("-", "")
        bearing = _DIRS.get(d) if d else None
        return Qualifier(2, dist, bearing, note="offset", span_start=start - (len(before) - m.start()))
    m = _NEAR.search(before)
    if m:
        return Qualifier(2, note="near", span_start=start - (len(before) - m.start()))
    m = _BETWEEN.search(before) or _SECOND_OF_TWO.search(before)
    if m:
        return Qualifier(2, note="between", span_start=start - (len(before) - m.start()))
    m = _REGIONAL.search(before)
    if m and m.group(1).lower().endswith(" of") and m.group(1).lower() not in ("centre of", "center of", "parts of") \
            and not re.search(r"\bthe\s+$", before[: m.start()]):
        # "west of Bor town", "north of Tillaberi": beside the place, not a part of it ("the north of Mali")
        return Qualifier(2, note="near", span_start=start - (len(before) - m.start()))
    if m:
        return Qualifier(3, direction=_direction(m.group(1)), note="regional",
                         span_start=start - (len(before) - m.start()))
    m = _REGIONAL_AFTER.match(after)
    if m:
        rest = text[end + m.end() : end + m.end() + 40]
        if _TOWN_PART_AFTER.match(rest):  # "Nairobi's central business district": a part of the town
            return Qualifier(1, note="part of a town")
        if _TOWN_EDGE_AFTER.match(rest):  # "Khartoum's eastern suburbs": around the town
            return Qualifier(2, note="near")
        return Qualifier(3, direction=_direction(m.group(1)), note="regional")
    if _NEAR_AFTER.match(after):
        return Qualifier(2, note="near")
    if _ROAD_FROM_AFTER.match(after) or (_ROAD_TO_BEFORE.search(before) and _ROAD_TO_AFTER.match(after)):
        return Qualifier(2, note="between")
    if _PART_OF_TOWN_AFTER.match(after):
        return Qualifier(1, note="part of a town")
    m = _ADMIN_AFTER.match(after)
    if m:
        return Qualifier(3, note="admin", unit=m.group(1).lower())
    return Qualifier(1)


def offset_point(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` from (lat, lon) along ``bearing_deg`` (0 = north)."""
    r = 6371.0
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(km / r) + math.cos(p1) * math.sin(km / r) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(km / r) * math.cos(p1), math.cos(km / r) - math.sin(p1) * math.sin(p2))
    return math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
