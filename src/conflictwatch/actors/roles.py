"""assign_roles: actor1/actor2, their associates and inter codes for one event, by the ACLED codebook.

Pure: (clauses of one event, event type, country, year, knowledge base) -> Roles.
* actor1 is the side that acts (agent in the parse); actor2 the side acted upon.
* Violence against civilians: actor2 is "Civilians (<C>)", the affected group (Farmers, an
  ethnic group...) its associated actor; an unnamed perpetrator is "Unidentified Armed Group (<C>)".
* Protests: actor1 "Protesters (<C>)" (+ the group), actor2 the forces that intervened.
  Riots: actor1 "Rioters (<C>)". Arrests: actor1 the state forces.
* "suspected X" keeps X with the tag "suspected" and lower confidence; "X claimed
  responsibility" tags "claimed responsibility". State forces outside their own country are
  "External/Other forces".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from pydantic import BaseModel, Field
from spacy.tokens import Span

from conflictwatch import taxonomy
from conflictwatch.actors.kb import ActorKB, GenericKind
from conflictwatch.actors.mentions import Mention, collect
from conflictwatch.models import Actor, Evidence

_ARMED_INTERS = {
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "External/Other forces",
}
_WORSHIP = {
    "mosque": "Muslim Group",
    "church": "Christian Group",
    "mosquée": "Muslim Group",
    "église": "Christian Group",
}


class Roles(BaseModel):
    """The actor columns of one event with tags, a confidence and the supporting spans."""

    actor1: str | None = None
    assoc_actor_1: str | None = None
    inter1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    inter2: str | None = None
    civilian_targeting: str | None = None
    tags: list[str] = Field(default_factory=list)
    confidence: float = 0.0
    evidence: list[Evidence] = Field(default_factory=list)


class _Side:
    def __init__(self) -> None:
        self.main: tuple[Actor, Mention | None, float] | None = None
        self.assoc: list[tuple[Actor, Mention | None]] = []

    def add(self, actor: Actor, m: Mention | None, conf: float, assoc: bool = False) -> None:
        names = {a.name for a, _ in self.assoc} | ({self.main[0].name} if self.main else set())
        if actor.name in names:
            return
        if self.main is None and not assoc:
            self.main = (actor, m, conf)
        else:
            self.assoc.append((actor, m))


def _actor_of(m: Mention, kb: ActorKB, country: str | None, year: int | None) -> Actor:
    if m.named:
        texts = [s.text for s in m.spans if s.label_ == "ACTOR"] or [m.spans[0].text]
        found = [kb.resolve(t, year, country) or kb.get(m.kb_id) or Actor(name=m.kb_id) for t in texts]
        # "a group affiliated with al-Qaeda, known as JNIM": the local group over its parent;
        # a parent named alone stands for its branch in the country (al-Qaeda in Mali: JNIM)
        local = [a for a in found if a.country is not None]
        actor = local[0] if local else (kb.local_affiliate(found[0], country, year) or found[0])
        text = texts[found.index(actor)] if actor in found else texts[0]
        generic_words = kb.describe(text)
        if not (country and actor.country and actor.country != country and generic_words):
            return actor
        m.named, m.desc = False, generic_words  # "separatists" outside the countries that name them
    d = m.desc
    c = (d.country if d else None) or country
    if d is None:
        return kb.generic("armed_group", c)
    if d.cls in ("state_military", "state_police"):
        return (
            kb.state_forces(c, year, "military" if d.cls == "state_military" else "police")
            if c
            else Actor(name="Unidentified State Forces", inter="State forces")
        )
    if d.cls == "armed_group" and d.country and country and d.country != country:
        return kb.state_forces(d.country, year)  # "Russian fighters" in Mali: a foreign force
    if d.cls in ("armed_group", "communal_militia") or (d.cls == "civilians" and m.role == "agent"):
        if d.group and kb.ethnic_group(d.group):
            return kb.group_actor(d.group, country or d.country, militia=True)
        return kb.generic("communal_militia" if d.cls != "armed_group" else "armed_group", c)
    return kb.generic(cast(GenericKind, d.cls), country or d.country)


def _group_of(m: Mention, kb: ActorKB, country: str | None) -> Actor | None:
    if m.desc is None or not m.desc.group:
        return None
    group = m.desc.group
    if group == "Worshippers":
        sent = m.anchor.sent.text.lower()
        group = next((g for w, g in _WORSHIP.items() if w in sent), "")
        if not group:
            return None
    return kb.group_actor(group, country or m.desc.country)


def _inter(actor: Actor, country: str | None) -> str | None:
    if actor.inter == "State forces" and country and actor.country and actor.country != country:
        return "External/Other forces"
    return actor.inter


def _camp(a: Actor) -> str:
    return "state" if a.inter in ("State forces", "External/Other forces") else "other"


def _armed(m: Mention, a: Actor) -> bool:
    return (m.desc.armed if m.desc else a.inter in _ARMED_INTERS) or a.inter in _ARMED_INTERS


def assign_roles(
    spans: Sequence[Span],
    event_type: str,
    sub_event_type: str,
    country: str | None,
    year: int | None,
    kb: ActorKB,
) -> Roles:
    """Code the actor columns of one event from its clauses (all from one Doc)."""
    country = kb.country_name(country) or country
    mentions = [m for m in collect(spans) if m.role != "source"]
    resolved = [(m, _actor_of(m, kb, country, year)) for m in mentions]
    side1, side2 = _Side(), _Side()
    victims: list[Mention] = []
    tags: list[str] = []

    def conf(m: Mention) -> float:
        c = 0.9 if m.role in ("agent", "patient", "opponent") else 0.65
        c *= 1.0 if m.named else 0.85
        return round(c * (0.7 if m.suspected else 1.0), 3)

    # the sides of the violent act first, named before unnamed, then in reading order
    rank = {id(m): (not m.violent, not m.named, i) for i, (m, _) in enumerate(resolved)}
    agents = sorted(((m, a) for m, a in resolved if m.role == "agent"), key=lambda p: rank[id(p[0])])
    patients = sorted(
        ((m, a) for m, a in resolved if m.role in ("patient", "opponent")), key=lambda p: rank[id(p[0])]
    )
    # a named agent makes the unnamed armed agents of the same event redundant ("gunmen ... JNIM")
    if any(m.named and _armed(m, a) and a.inter != "State forces" for m, a in agents):
        agents = [(m, a) for m, a in agents if m.named or a.inter == "State forces" or not _armed(m, a)]
    civ = event_type == taxonomy.VIOLENCE_AGAINST_CIVILIANS
    demo = event_type in (taxonomy.PROTESTS, taxonomy.RIOTS)

    for m, a in agents:
        if demo and not _armed(m, a):
            continue
        if side1.main is None or side1.main[0].name == a.name:
            side1.add(a, m, conf(m))
        elif _camp(a) != _camp(side1.main[0]):
            patients.append((m, a))  # an agent of another clause on the other side
        elif m.violent and (m.named or side1.main[1] is None or not side1.main[1].named):
            side1.add(a, m, conf(m), assoc=True)  # another attacker of the same act
    # the other side: targets of the violent act first, then named actors and state forces
    # before unnamed groups (an unnamed "rebels" is often side 1 described again)
    patients.sort(
        key=lambda p: (not p[0].violent, not (p[0].named or p[1].inter == "State forces"), rank[id(p[0])])
    )
    for m, a in patients:
        if not _armed(m, a) and not (m.named and a.inter in ("Protesters", "Rioters")):
            victims.append(m)
            continue
        if side1.main and side1.main[0].name == a.name:
            continue
        if side2.main and not (m.violent and _camp(a) == _camp(side2.main[0])):
            continue  # a target of another clause is not an associate of this one
        side2.add(a, m, conf(m))
    for m, a in resolved:  # associates follow their principal's side
        if m.role == "assoc" and m.assoc_of is not None:
            for side in (side1, side2):
                if side.main and side.main[1] is not None and side.main[1] is m.assoc_of:
                    side.add(a, m, conf(m), assoc=True)
    if side1.main is None:  # no agent in the parse: the first armed mention, by position
        for m, a in resolved:
            if _armed(m, a) and m.role not in ("patient", "opponent", "assoc") and not demo:
                m.from_parse = False
                side1.add(a, m, 0.55 * (0.7 if m.suspected else 1.0))
                break
    if event_type == taxonomy.BATTLES and side2.main is None:
        for m, a in resolved:
            if _armed(m, a) and side1.main and a.name != side1.main[0].name and m.role != "assoc":
                side2.add(a, m, 0.55)
                break

    civilian_targeting = None
    if civ or (victims and event_type == taxonomy.EXPLOSIONS and side2.main is None):
        side2 = _Side()
        side2.add(kb.generic("civilians", country), victims[0] if victims else None, 0.85 if victims else 0.6)
        for m in victims:
            g = _group_of(m, kb, country)
            if g:
                side2.add(g, m, 0.8, assoc=True)
        civilian_targeting = "Civilian targeting"
        if side1.main is None:
            side1.add(kb.generic("armed_group", country), None, 0.5)
    elif demo:
        kind: GenericKind = "rioters" if event_type == taxonomy.RIOTS else "protesters"
        crowd = _Side()
        crowd.add(kb.generic(kind, country), None, 0.8)
        for m, a in resolved:
            mob_victim = sub_event_type == "Mob violence" and m in victims
            if m.desc and m.desc.cls in ("protesters", "rioters", "civilians") and not mob_victim:
                g = _group_of(m, kb, country)
                if g:
                    crowd.add(g, m, 0.8, assoc=True)
                crowd.main = (crowd.main[0], crowd.main[1] or m, 0.9) if crowd.main else None
            elif m.named and a.inter not in _ARMED_INTERS:
                crowd.add(a, m, 0.8, assoc=True)
        forces = _Side()  # the domestic forces that acted on the crowd or that it attacked
        for side in (side1, side2):
            if side.main and side.main[0].inter == "State forces" and side.main[0].country in (country, None):
                forces = side
                break
        if sub_event_type == "Peaceful protest":
            forces = _Side()
        side1, side2 = crowd, _Side()
        if sub_event_type == "Mob violence" and victims:
            side2.add(kb.generic("civilians", country), victims[0], 0.8)
            for m in victims:
                g = _group_of(m, kb, country)
                if g:
                    side2.add(g, m, 0.8, assoc=True)
            civilian_targeting = "Civilian targeting"
        elif forces.main is not None:
            side2 = forces
        elif sub_event_type in ("Protest with intervention", "Excessive force against protesters"):
            side2.add(
                kb.state_forces(country, year, "police") if country else Actor(name="Police Forces"),
                None,
                0.6,
            )
    elif sub_event_type == "Arrests":
        if side1.main is None or side1.main[0].inter != "State forces":
            held = side1
            side1 = _Side()
            side1.add(
                kb.state_forces(country, year, "police") if country else Actor(name="Police Forces"),
                None,
                0.6,
            )
            if held.main and side2.main is None:
                side2 = held
        if side2.main is None and victims:
            side2.add(_actor_of(victims[0], kb, country, year), victims[0], 0.75)
    elif event_type in (taxonomy.BATTLES, taxonomy.EXPLOSIONS) and side1.main is None:
        side1.add(kb.generic("armed_group", country), None, 0.5)

    for side in (side1, side2):
        ms: list[Mention | None] = ([side.main[1]] if side.main else []) + [m for _, m in side.assoc]
        for mm in ms:
            if mm is not None and mm.suspected and "suspected" not in tags:
                tags.append("suspected")
            if mm is not None and mm.claimed and "claimed responsibility" not in tags:
                tags.append("claimed responsibility")
    return _build(side1, side2, civilian_targeting, tags, country)


def _build(
    side1: _Side, side2: _Side, civilian_targeting: str | None, tags: list[str], country: str | None
) -> Roles:
    evidence: list[Evidence] = []
    out: dict[str, str | None] = {}
    for side, other in ((side1, side2), (side2, side1)):  # nobody on both sides
        if other.main:
            side.assoc = [(a, m) for a, m in side.assoc if a.name != other.main[0].name]
    for n, side in (("1", side1), ("2", side2)):
        main = side.main
        out[f"actor{n}"] = main[0].name if main else None
        out[f"inter{n}"] = _inter(main[0], country) if main else None
        out[f"assoc_actor_{n}"] = "; ".join(a.name for a, _ in side.assoc) or None if main else None
        if main and main[1] is not None:
            evidence += [
                Evidence(field=f"actor{n}", start=s.start_char, end=s.end_char, text=s.text)
                for s in main[1].spans
            ]
        for _, m in side.assoc if main else []:
            if m is not None:
                evidence += [
                    Evidence(field=f"assoc_actor_{n}", start=s.start_char, end=s.end_char, text=s.text)
                    for s in m.spans
                ]
    confs = [side.main[2] for side in (side1, side2) if side.main]
    return Roles(
        **out,
        civilian_targeting=civilian_targeting,
        tags=tags,
        confidence=min(confs) if confs else 0.0,
        evidence=evidence,
    )
