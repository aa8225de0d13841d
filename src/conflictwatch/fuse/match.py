"""Do two reports describe the same event? A pure, explainable decision.

Two reports are merged when all of these hold (each check leaves a reason for ``explain``):

- **date**: at most ``max_days`` apart (1: same or adjacent day). A report coded to the week or
  month is allowed 7 or 31 days; a report coded only to the year never merges.
- **place**: both have coordinates and lie within ``max_km`` (``max_km_coarse`` when either is
  coded to a region, geo_precision 2-3); without coordinates, the same country and location name.
- **type**: the same ACLED event type, or two violent types (battle, violence against civilians,
  explosion) when they also share a named actor (one outlet's "attack" is another's "clash").
- **actors**: when both name non-generic actors, at least one must match (case, punctuation and
  word order aside; "JNIM" matches "JNIM: Jamaat Nusrat al Islam wal Muslimin"). Generic actors
  ("Unidentified armed group", "Civilians (Mali)") never block and never count as a match.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from conflictwatch import taxonomy
from conflictwatch.distance import km
from conflictwatch.models import Event

VIOLENT = frozenset({taxonomy.BATTLES, taxonomy.VIOLENCE_AGAINST_CIVILIANS, taxonomy.EXPLOSIONS})
GENERIC_PREFIXES = ("unidentified", "civilians", "protesters", "rioters", "unknown")
DATE_TOLERANCE = {1: None, 2: 7, 3: 31}  # time_precision -> days (None: use max_days)


@dataclass(frozen=True)
class FusionConfig:
    max_days: int = 1
    max_km: float = 25.0
    max_km_coarse: float = 75.0


@dataclass
class MatchDecision:
    merge: bool
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)  # why they match (or the first blocker)

    def as_dict(self) -> dict[str, object]:
        return {"merge": self.merge, "score": round(self.score, 3), "reasons": self.reasons}


haversine_km = km  # great-circle distance, one definition: conflictwatch.distance


_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=100_000)
def norm_name(name: str) -> str:
    return " ".join(_NON_WORD.sub(" ", name.casefold()).split())


def named_actors(e: Event) -> set[str]:
    out: set[str] = set()
    for name in (e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2):
        if name:
            out.update(_named(name))
    return out


@lru_cache(maxsize=100_000)
def _named(name: str) -> tuple[str, ...]:
    """The non-generic actors of one (possibly ';'-separated) actor field, normalised."""
    return tuple(n for n in (norm_name(p) for p in name.split(";")) if n and not n.startswith(GENERIC_PREFIXES))


def _same_actor(x: str, y: str) -> bool:
    if x == y:
        return True
    tx, ty = set(x.split()), set(y.split())
    return tx <= ty or ty <= tx


def actors_overlap(a: AbstractSet[str], b: AbstractSet[str]) -> str | None:
    for x in sorted(a):
        for y in sorted(b):
            if _same_actor(x, y):
                return x if len(x) <= len(y) else y
    return None


@dataclass(slots=True)
class Features:
    """What fusion compares, computed once per report (names normalised, date as a day number)."""

    day: int
    time_precision: int
    latitude: float | None
    longitude: float | None
    geo_precision: int
    country: str | None
    location: str
    event_type: str
    sub_event_type: str
    actors: frozenset[str]


def features(e) -> Features:  # type: ignore[no-untyped-def]
    """Features of an Event (or any record with Event's attribute names)."""
    return Features(
        day=e.event_date.toordinal(), time_precision=e.time_precision, latitude=e.latitude, longitude=e.longitude,
        geo_precision=e.geo_precision or 1, country=e.country, location=norm_name(e.location or ""),
        event_type=e.event_type, sub_event_type=e.sub_event_type, actors=frozenset(named_actors(e)),
    )


def tolerance_days(a: Features, b: Features, cfg: FusionConfig) -> int | None:
    worst = max(a.time_precision, b.time_precision)
    if worst >= 4:
        return None
    return DATE_TOLERANCE[worst] or cfg.max_days


def match(a: Event, b: Event, cfg: FusionConfig | None = None) -> MatchDecision:
    """Decide whether report ``a`` and event ``b`` are the same event, with reasons."""
    return match_features(features(a), features(b), cfg or FusionConfig())


def match_features(a: Features, b: Features, cfg: FusionConfig) -> MatchDecision:
    reasons: list[str] = []
    score = 1.0
    tol = tolerance_days(a, b, cfg)
    if tol is None:
        return MatchDecision(False, 0.0, ["date coded only to the year"])
    days = abs(a.day - b.day)
    if days > tol:
        return MatchDecision(False, 0.0, [f"dates {days} days apart (> {tol})"])
    reasons.append("same day" if days == 0 else f"dates {days} day{'s' if days > 1 else ''} apart")
    score -= 0.3 * days / (tol + 1)

    if a.country and b.country and a.country != b.country:
        return MatchDecision(False, 0.0, [f"different countries ({a.country} / {b.country})"])
    if a.latitude is not None and a.longitude is not None and b.latitude is not None and b.longitude is not None:
        km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
        limit = cfg.max_km_coarse if max(a.geo_precision, b.geo_precision) >= 2 else cfg.max_km
        if km > limit:
            return MatchDecision(False, 0.0, [f"places {km:.1f} km apart (> {limit:g} km)"])
        reasons.append(f"places {km:.1f} km apart (<= {limit:g} km)")
        score -= 0.3 * km / limit
    else:
        if not a.location or a.location != b.location:
            return MatchDecision(False, 0.0, ["no coordinates and no shared location name"])
        reasons.append(f"same location name ({a.location}) without coordinates")
        score -= 0.15

    shared = actors_overlap(a.actors, b.actors)
    if a.actors and b.actors and shared is None:
        return MatchDecision(False, 0.0, [f"actors differ ({sorted(a.actors)} / {sorted(b.actors)})"])

    if a.event_type == b.event_type:
        reasons.append(f"same event type ({a.event_type})")
        if a.sub_event_type != b.sub_event_type:
            score -= 0.05
    elif a.event_type in VIOLENT and b.event_type in VIOLENT and shared is not None:
        reasons.append(f"compatible violent types ({a.event_type} / {b.event_type})")
        score -= 0.15
    else:
        return MatchDecision(False, 0.0, [f"event types differ ({a.event_type} / {b.event_type})"])

    if shared is not None:
        reasons.append(f"shared actor ({shared})")
    else:
        reasons.append("no conflicting named actors")
        score -= 0.1
    return MatchDecision(True, max(score, 0.01), reasons)
