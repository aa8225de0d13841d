"""Turn a group of merged mentions into one coded Event, every field with its evidence."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from spacy.tokens import Doc, Span

from conflictwatch import regions
from conflictwatch.actors.kb import ActorKB
from conflictwatch.actors.roles import assign_roles
from conflictwatch.extract.fatalities import find_fatalities, reconcile
from conflictwatch.extract.mentions import LARGE_EVENT_TYPES
from conflictwatch.extract.merge import Group
from conflictwatch.extract.typing import TypeDecision
from conflictwatch.geo import EventLocation
from conflictwatch.models import Article, Event, Evidence
from conflictwatch.nlp.text import doc_text
from conflictwatch.taxonomy import EXPLOSIONS, PROTESTS, STRATEGIC

NOTE_CHARS = 400
LOOTING = "Looting/property destruction"


def choose_type(group: Group) -> tuple[TypeDecision, int]:
    """The group's type, by a vote of its mentions weighted by confidence.

    Violent types outrank strategic developments, unless only weak readings say violence and a
    clause that could stand as an event (core) says a development other than looting, which a
    crowd's violence may include. A core clause and the first mention weigh more. The event type
    wins the vote first, then its sub-type, so three clauses read as a battle outvote one stray
    reading as an air strike.
    """
    ms = group.mentions

    def weight(i: int) -> float:
        m = ms[i]
        return m.decision.confidence * (1.5 if m.core else 1.0) * (1.3 if i == 0 else 1.0)

    # the codebook: a remote weapon makes the event Explosions/Remote violence, whoever was hit
    remote = [i for i, m in enumerate(ms) if m.decision.event_type == EXPLOSIONS and m.core]
    if remote:
        best = max(remote, key=weight)
        return ms[best].decision, best
    violent = [i for i, m in enumerate(ms) if m.decision.event_type != STRATEGIC]
    if not any(ms[i].core for i in violent) and any(m.core and m.decision.sub_event_type != LOOTING for m in ms):
        violent = []  # weak readings of violence only ("missions ... without incident") do not outrank sure ones
    pool = violent or list(range(len(ms)))
    by_type: dict[str, float] = defaultdict(float)
    for i in pool:
        by_type[ms[i].decision.event_type] += weight(i)
    etype = max(by_type, key=lambda t: (by_type[t], -min(i for i in pool if ms[i].decision.event_type == t)))
    members = [i for i in pool if ms[i].decision.event_type == etype]
    by_sub: dict[str, float] = defaultdict(float)
    for i in members:
        by_sub[ms[i].decision.sub_event_type] += weight(i)
    sub = max(by_sub, key=lambda t: (by_sub[t], -min(i for i in members if ms[i].decision.sub_event_type == t)))
    # the codebook's hierarchy inside a type: force used on the crowd, told surely in any clause,
    # makes the protest one with intervention or excessive force, whatever the other clauses say
    order = SUB_PRECEDENCE.get(etype, ())
    sure = {ms[i].decision.sub_event_type for i in members
            if ms[i].core or ms[i].decision.confidence >= PRECEDENCE_CONFIDENCE}
    if sub in order:
        sub = next(t for t in order if t in sure | {sub})
    best = max((i for i in members if ms[i].decision.sub_event_type == sub), key=weight)
    return ms[best].decision, best


PRECEDENCE_CONFIDENCE = 0.6
SUB_PRECEDENCE: dict[str, tuple[str, ...]] = {
    PROTESTS: ("Excessive force against protesters", "Protest with intervention", "Peaceful protest"),
}


def _ev(field: str, start: int, end: int, doc: Doc, article_id: str) -> Evidence:
    return Evidence(field=field, start=start, end=end, text=doc_text(doc)[start:end], article_id=article_id)


def _fatalities(group: Group, doc: Doc, aid: str) -> tuple[int, int | None, int | None, list[Evidence], float, list[str]]:
    counts = [f for m in group.mentions for f in m.fatalities if not f.aggregate]
    if not any(f.kind == "killed" for f in counts):
        large = group.mentions[0].decision.event_type in LARGE_EVENT_TYPES
        counts += [f for s in group.support for f in find_fatalities(s, large_event=large) if not f.aggregate]
    killed = [f for f in counts if f.kind == "killed"]
    evidence = [_ev("fatalities", f.start, f.end, doc, aid) for f in (killed or counts)]
    tags: list[str] = []
    if not killed:
        return 0, 0, 0, evidence, 0.6 if counts else 0.5, tags
    best, low, high = reconcile(killed)
    if any(f.vague for f in killed):
        tags.append("vague fatality count")
    if len({(f.best, f.attribution) for f in killed}) > 1 and low != high:
        tags.append("conflicting fatality reports")
    conf = 0.6 if any(f.vague for f in killed) else 0.85
    return best or 0, low, high, evidence, conf, tags


def build_event(
    group: Group,
    doc: Doc,
    article: Article,
    kb: ActorKB,
    focus: EventLocation | None,
    index: int,
) -> Event:
    aid = article.id
    decision, which = choose_type(group)
    first = group.mentions[0]
    dated = group.dated or group.reported or group.story_day or first
    loc = group.location or focus
    evidence: list[Evidence] = []
    confidence: dict[str, float] = {}

    # type
    t0, t1 = decision.trigger_start, decision.trigger_end
    span = group.mentions[which].span
    if t0 is None or t1 is None:
        t0, t1 = span.start_char, span.end_char
    evidence.append(_ev("event_type", t0, t1, doc, aid))
    evidence.append(_ev("sub_event_type", t0, t1, doc, aid))
    confidence["event_type"] = round(decision.confidence, 3)
    for m in group.mentions:
        evidence.append(_ev("mention", m.span.start_char, m.span.end_char, doc, aid))

    # date
    if dated.date_mention is not None:
        evidence.append(_ev("event_date", dated.date_mention.start, dated.date_mention.end, doc, aid))
        confidence["event_date"] = 0.9
    else:
        confidence["event_date"] = 0.6  # the publication date's convention

    # place
    country = loc.country if loc else None
    if loc is not None:
        evidence.append(_ev("location", loc.start, loc.end, doc, aid))
        confidence["location"] = round(loc.confidence * (1.0 if group.location else 0.5), 3)
    else:
        confidence["location"] = 0.0

    # actors
    spans: list[Span] = [s for m in group.mentions for s in m.context] + group.support
    roles = assign_roles(spans, decision.event_type, decision.sub_event_type, country, dated.event_date.year, kb)
    evidence.extend(e.model_copy(update={"article_id": aid}) for e in roles.evidence)
    confidence["actors"] = round(roles.confidence, 3)

    # fatalities
    best, low, high, f_ev, f_conf, f_tags = _fatalities(group, doc, aid)
    evidence.extend(f_ev)
    confidence["fatalities"] = f_conf

    cc = loc.place.country_code if loc else None
    tags = sorted({*roles.tags, *f_tags})
    note = first.sent.text.strip().replace("\n", " ")
    eid = hashlib.sha1(f"{article.content_hash}:{index}".encode()).hexdigest()[:16]
    by_field: dict[str, list[Evidence]] = defaultdict(list)
    for e in evidence:
        by_field[e.field].append(e)
    return Event(
        id=eid,
        doc_id=article.id,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        event_type=decision.event_type,
        sub_event_type=decision.sub_event_type,
        actor1=roles.actor1,
        assoc_actor_1=roles.assoc_actor_1,
        inter1=roles.inter1,
        actor2=roles.actor2,
        assoc_actor_2=roles.assoc_actor_2,
        inter2=roles.inter2,
        civilian_targeting=roles.civilian_targeting,
        iso=regions.iso_numeric(cc),
        region=regions.region(cc),
        country=country,
        admin1=loc.admin1 if loc else None,
        admin2=loc.admin2 if loc else None,
        location=loc.location if loc else None,
        latitude=round(loc.place.latitude, 5) if loc else None,
        longitude=round(loc.place.longitude, 5) if loc else None,
        geo_precision=loc.geo_precision if loc else None,
        source=article.source,
        notes=note[:NOTE_CHARS],
        fatalities=best,
        fatalities_low=low,
        fatalities_high=high,
        tags="; ".join(tags) or None,
        recency=group.recency,  # type: ignore[arg-type]
        confidence=confidence,
        evidence=[e for f in by_field for e in by_field[f]],
    )
