"""Build the fused event from all of its reports (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from conflictwatch.fuse.fatalities import reconcile
from conflictwatch.models import Event, Evidence, SourceRef

_FILLABLE = (
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "civilian_targeting", "admin1", "admin2", "admin3", "location", "iso", "region", "country",
)


def combine(event_id: str, reports: Sequence[tuple[Event, SourceRef | None]]) -> Event:
    """The canonical event of ``reports`` (first report first): its coding, filled in by later
    reports where it is empty; the finest date and place among them; fatalities reconciled;
    every source and every evidence span kept."""
    first = reports[0][0]
    data = first.model_dump(exclude={"sources", "evidence", "id"})
    for field_ in _FILLABLE:
        if data.get(field_) is None:
            for e, _ in reports[1:]:
                if getattr(e, field_) is not None:
                    data[field_] = getattr(e, field_)
                    break
    finest_date = min((e for e, _ in reports), key=lambda e: (e.time_precision, e.event_date))
    data["event_date"], data["time_precision"] = finest_date.event_date, finest_date.time_precision
    data["year"] = finest_date.event_date.year
    located = [e for e, _ in reports if e.latitude is not None and e.longitude is not None]
    if located:
        best = min(located, key=lambda e: e.geo_precision or 3)
        for f in ("latitude", "longitude", "geo_precision", "location", "admin1", "admin2", "admin3"):
            if getattr(best, f) is not None:
                data[f] = getattr(best, f)
    rec = reconcile(reports)
    data["fatalities"], data["fatalities_low"], data["fatalities_high"] = rec.fatalities, rec.low, rec.high
    tags = [t for t in (first.tags or "").split(";") if t.strip() and not t.strip().startswith("claimed fatalities")]
    tags = [t.strip() for t in tags] + rec.tags
    data["tags"] = "; ".join(dict.fromkeys(tags)) or None
    notes = [first.notes] if first.notes else []
    if len(reports) > 1:
        notes += rec.notes
    data["notes"] = " ".join(notes) or None
    names = [ref.source for _, ref in reports if ref and ref.source]
    if names:
        data["source"] = "; ".join(dict.fromkeys(names))
    conf = dict(first.confidence)
    for e, _ in reports[1:]:
        for k, v in e.confidence.items():
            conf[k] = max(conf.get(k, 0.0), v)
    data["confidence"] = conf
    evidence: list[Evidence] = []
    for e, _ in reports:
        evidence.extend(e.evidence)
    sources = [ref for _, ref in reports if ref is not None]
    return Event(**data, id=event_id, evidence=list(dict.fromkeys(evidence)), sources=sources)
