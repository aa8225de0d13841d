"""Compare coded events with hand-coded gold, article by article.

The gold format is the one of the sample corpus (``samples/articles/gold.jsonl``): one object per
article, ``{"doc_id", "events": [...], "must_not": [...]}``, each gold event giving the ACLED
type, a date with its precision, a point (or a latitude band for "northern X"), acceptable actor
names and a fatality range. An article with ``"events": []`` reports no political violence: any
event coded from it is a false alarm.

Matching, per article: gold events are taken in order; each claims the unclaimed prediction whose
date agrees at the gold's precision and that agrees on most of date (counted twice), place,
event type and fatalities. A claim needs at least three of those five points, so a prediction
with the right date but nothing else never counts as found. Each claimed pair is then checked
field by field.

    match_article(gold, events) -> ArticleMatch     one article
    score_events(gold_rows, events_by_doc) -> EventScore     a whole gold file
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from conflictwatch.distance import km
from conflictwatch.errors import MalformedInput
from conflictwatch.models import Article, Event

FIELDS: tuple[str, ...] = (
    "date",
    "place",
    "event_type",
    "sub_event_type",
    "actors",
    "fatalities",
    "recency",
)
"""The per-field checks made on every found gold event."""

MIN_MATCH_POINTS = 3
_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "al", "de", "du", "des", "la", "le"})


# ------------------------------------------------------------------ records
class Violation(BaseModel):
    """A prediction that breaks one of the article's ``must_not`` rules."""

    doc_id: str
    rule: str
    value: Any = None
    event_index: int
    event_date: str | None = None
    fatalities: int | None = None


class EventMatch(BaseModel):
    """One gold event: whether a prediction was matched to it and which fields agree."""

    doc_id: str
    key: str | None = None
    main: bool = False
    found: bool = False
    pred_index: int | None = None
    points: int = 0
    fields: dict[str, bool] = Field(default_factory=dict)

    @property
    def core_ok(self) -> bool:
        """Found with event type, date and place right (what the golden tests demand)."""
        return self.found and all(self.fields.get(k, False) for k in ("event_type", "date", "place"))


class ArticleMatch(BaseModel):
    """How the events coded from one article compare with its gold."""

    doc_id: str
    conflict: bool
    predicted: int
    events: list[EventMatch] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list)
    main_first: bool | None = None  # None: the gold marks no main event
    unmatched_predictions: list[int] = Field(default_factory=list)

    @property
    def no_event_ok(self) -> bool | None:
        """For a non-conflict article: True when nothing was coded. None for conflict articles."""
        return None if self.conflict else self.predicted == 0

    @property
    def found(self) -> int:
        return sum(m.found for m in self.events)


class EventScore(BaseModel):
    """Totals over a gold file."""

    articles: int = 0
    total: int = 0
    found: int = 0
    main_total: int = 0
    main_first: int = 0
    predicted: int = 0
    non_conflict_articles: int = 0
    non_conflict_clean: int = 0
    field_pct: dict[str, float | None] = Field(default_factory=dict)
    violations: list[Violation] = Field(default_factory=list)
    rows: list[EventMatch] = Field(default_factory=list)
    articles_detail: list[ArticleMatch] = Field(default_factory=list, exclude=True)

    @property
    def found_pct(self) -> float | None:
        return _pct(self.found, self.total)

    def line(self) -> str:
        """A one-line summary, the way the figures are quoted in docs/quality.md."""
        fields = " ".join(f"{k} {v}%" for k, v in self.field_pct.items() if v is not None)
        return (
            f"events: found {self.found}/{self.total}, main first {self.main_first}/{self.main_total}, "
            f"predicted {self.predicted}, violations {len(self.violations)}, "
            f"non-conflict clean {self.non_conflict_clean}/{self.non_conflict_articles}; fields {fields}"
        )


# ------------------------------------------------------------------ comparisons
def normalise_name(text: str | None) -> str:
    """Lower-case ASCII words; ACLED's regime years such as "(2021-)" dropped."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    ascii_text = re.sub(r"\(\s*\d{4}\s*-\s*(\d{4})?\s*\)", " ", ascii_text)
    return " ".join(re.findall(r"[a-z0-9]+", ascii_text))


def names_agree(predicted: str | None, gold: str | None) -> bool:
    """Loose agreement of two names: one inside the other, or half the words shared."""
    p, g = normalise_name(predicted), normalise_name(gold)
    if not p or not g:
        return False
    if p in g or g in p:
        return True
    pw = set(p.split()) - _STOPWORDS
    gw = set(g.split()) - _STOPWORDS
    if not pw or not gw:
        return False
    return len(pw & gw) >= 0.5 * min(len(pw), len(gw))


distance_km = km  # great-circle distance, one definition: conflictwatch.distance


def date_agrees(event: Event, gold_event: Mapping[str, Any]) -> bool:
    """Compare at the gold's precision: exact day, +-7 days, same month, same year."""
    precision = int(gold_event.get("time_precision") or 1)
    accepted = list(gold_event.get("dates_ok") or [gold_event["event_date"]])
    predicted = event.event_date
    if precision >= 4:
        return any(predicted.isoformat()[:4] == str(a)[:4] for a in accepted)
    if precision == 3:
        return any(predicted.isoformat()[:7] == str(a)[:7] for a in accepted)
    tolerance = 7 if precision == 2 else 0
    for a in accepted:
        try:
            day = date.fromisoformat(str(a)[:10])
        except ValueError:
            continue
        if abs((predicted - day).days) <= tolerance:
            return True
    return False


def place_agrees(event: Event, gold_event: Mapping[str, Any]) -> bool:
    if event.latitude is None or event.longitude is None:
        return False
    if "region_lat_min" in gold_event:
        return event.latitude >= float(gold_event["region_lat_min"]) and names_agree(
            event.country, gold_event.get("country")
        )
    km = distance_km(event.latitude, event.longitude, float(gold_event["latitude"]), float(gold_event["longitude"]))
    return km <= float(gold_event.get("max_km", 25))


def fatalities_agree(event: Event, gold_event: Mapping[str, Any]) -> bool:
    if event.fatalities is None:
        return False
    low, high = gold_event.get("fatalities_ok") or (gold_event["fatalities"], gold_event["fatalities"])
    return int(low) <= event.fatalities <= int(high)


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [v for v in value if v]


def actors_agree(event: Event, gold_event: Mapping[str, Any]) -> bool:
    """Every actor side the gold names is matched by one of the event's four actor fields."""
    coded = [a for a in (event.actor1, event.assoc_actor_1, event.actor2, event.assoc_actor_2) if a]
    for side in ("actor1", "actor2"):
        accepted = _as_list(gold_event.get(side))
        if accepted and not any(names_agree(a, g) for a in coded for g in accepted):
            return False
    return True


def match_points(event: Event, gold_event: Mapping[str, Any]) -> int:
    """Date counts twice; place, event type and fatalities once each."""
    return (
        2 * date_agrees(event, gold_event)
        + place_agrees(event, gold_event)
        + (event.event_type == gold_event["event_type"])
        + fatalities_agree(event, gold_event)
    )


def field_checks(event: Event, gold_event: Mapping[str, Any]) -> dict[str, bool]:
    checks = {
        "date": date_agrees(event, gold_event),
        "place": place_agrees(event, gold_event),
        "event_type": event.event_type == gold_event["event_type"],
        "sub_event_type": event.sub_event_type == gold_event["sub_event_type"],
        "actors": actors_agree(event, gold_event),
        "fatalities": fatalities_agree(event, gold_event),
    }
    if gold_event.get("recency"):
        checks["recency"] = event.recency == gold_event["recency"]
    return checks


def principal(events: Sequence[Event]) -> int | None:
    """Index of the event presented as the article's principal one: the first marked main, else the first."""
    for i, ev in enumerate(events):
        if ev.main:
            return i
    return 0 if events else None


def rule_violated(rule: Mapping[str, Any], event: Event) -> bool:
    """``must_not`` rules: ``fatalities_over`` (a total taken for an event), ``date_before``."""
    kind = rule.get("rule")
    if kind == "fatalities_over":
        return (event.fatalities or 0) > int(rule["value"])
    if kind == "date_before":
        return event.event_date.isoformat() < str(rule["value"])
    raise ValueError(f"unknown must_not rule {kind!r}")


# ------------------------------------------------------------------ matching
def match_article(gold: Mapping[str, Any], events: Sequence[Event]) -> ArticleMatch:
    """Match one article's coded events to its gold (a gold.jsonl row or a sample's JSON)."""
    doc_id = str(gold.get("doc_id") or gold.get("id") or "")
    gold_events = list(gold.get("events") or [])
    claimed: set[int] = set()
    rows: list[EventMatch] = []
    top = principal(events)
    main_first: bool | None = None
    for g in gold_events:
        row = EventMatch(doc_id=doc_id, key=g.get("key"), main=bool(g.get("main")))
        best: tuple[int, int] | None = None  # (points, -index): most points, then earliest
        for i, ev in enumerate(events):
            if i in claimed or not date_agrees(ev, g):
                continue
            candidate = (match_points(ev, g), -i)
            if best is None or candidate > best:
                best = candidate
        if best is not None and best[0] >= MIN_MATCH_POINTS:
            index = -best[1]
            claimed.add(index)
            row.found, row.pred_index, row.points = True, index, best[0]
            row.fields = field_checks(events[index], g)
        if row.main:
            main_first = row.found and row.pred_index == top
        rows.append(row)
    violations = [
        Violation(
            doc_id=doc_id,
            rule=str(rule["rule"]),
            value=rule.get("value"),
            event_index=i,
            event_date=ev.event_date.isoformat(),
            fatalities=ev.fatalities,
        )
        for rule in gold.get("must_not") or []
        for i, ev in enumerate(events)
        if rule_violated(rule, ev)
    ]
    return ArticleMatch(
        doc_id=doc_id,
        conflict=bool(gold_events),
        predicted=len(events),
        events=rows,
        violations=violations,
        main_first=main_first,
        unmatched_predictions=[i for i in range(len(events)) if i not in claimed],
    )


def _pct(n: int, d: int) -> float | None:
    return round(100.0 * n / d, 1) if d else None


def score_events(gold_rows: Iterable[Mapping[str, Any]], events: Mapping[str, Sequence[Event]]) -> EventScore:
    """Score every article of a gold file; ``events`` maps doc_id to the events coded from it."""
    score = EventScore()
    field_hits = dict.fromkeys(FIELDS, 0)
    with_recency = 0
    for gold in gold_rows:
        doc_id = str(gold.get("doc_id") or gold.get("id") or "")
        match = match_article(gold, list(events.get(doc_id, [])))
        score.articles += 1
        score.articles_detail.append(match)
        score.predicted += match.predicted
        score.violations.extend(match.violations)
        if not match.conflict:
            score.non_conflict_articles += 1
            score.non_conflict_clean += bool(match.no_event_ok)
        for row, gold_event in zip(match.events, gold.get("events") or [], strict=True):
            score.total += 1
            with_recency += bool(gold_event.get("recency"))
            score.rows.append(row)
            score.main_total += row.main
            if not row.found:
                continue
            score.found += 1
            for name, ok in row.fields.items():
                field_hits[name] += ok
        score.main_first += bool(match.main_first)
    # Percentages of all gold events (a missed event counts against every field), as score.py does;
    # recency over the gold events that state one.
    score.field_pct = {
        name: _pct(field_hits[name], score.total if name != "recency" else with_recency) for name in FIELDS
    }
    return score


# ------------------------------------------------------------------ files
_EVENT_FIELDS = set(Event.model_fields)


def event_from_row(row: Mapping[str, Any]) -> Event:
    """An Event from one line of the EVENTS contract (extra keys such as "field_confidence" ignored)."""
    data = {k: v for k, v in row.items() if k in _EVENT_FIELDS and k not in ("confidence", "evidence")}
    if isinstance(row.get("field_confidence"), dict):
        data["confidence"] = row["field_confidence"]
    return Event.model_validate(data)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise MalformedInput(f"not JSON: {exc.msg}", source=f"{path}:{number}") from exc
    return rows


def events_by_doc(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for row in rows:
        out.setdefault(str(row.get("doc_id")), []).append(event_from_row(row))
    return out


def score_files(gold_path: str | Path, events_path: str | Path) -> EventScore:
    """Score an EVENTS jsonl file against a gold jsonl file."""
    return score_events(read_jsonl(gold_path), events_by_doc(read_jsonl(events_path)))


# ------------------------------------------------------------------ the sample corpus
class Sample(BaseModel):
    """One article of ``samples/articles``: the text as an Article plus its gold."""

    slug: str
    split: str
    article: Article
    gold: dict[str, Any]

    @property
    def conflict(self) -> bool:
        return bool(self.gold.get("events"))


def load_sample(json_path: Path) -> Sample:
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    text = json_path.with_suffix(".txt").read_text(encoding="utf-8")
    article = Article(
        id=meta["id"],
        text=text,
        url=meta.get("url"),
        title=meta.get("title"),
        source=meta.get("source"),
        published=meta.get("published"),
        language=meta.get("language", "en"),
    )
    gold = {"doc_id": meta["id"], "events": meta.get("events", []), "must_not": meta.get("must_not", [])}
    return Sample(slug=json_path.stem, split=meta.get("split", "dev"), article=article, gold=gold)


def load_samples(directory: str | Path) -> list[Sample]:
    """Every ``<slug>.json`` + ``<slug>.txt`` pair of a sample folder, sorted by slug."""
    return [load_sample(p) for p in sorted(Path(directory).glob("*.json"))]


__all__ = [
    "ArticleMatch",
    "EventMatch",
    "EventScore",
    "Sample",
    "Violation",
    "date_agrees",
    "event_from_row",
    "events_by_doc",
    "load_samples",
    "match_article",
    "names_agree",
    "place_agrees",
    "score_events",
    "score_files",
]
