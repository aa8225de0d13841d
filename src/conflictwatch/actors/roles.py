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
from typing import Literal

from pydantic import BaseModel, Field
from spacy.tokens import Span

from conflictwatch import taxonomy
from conflictwatch.actors.kb import ActorKB, GenericKind
from conflictwatch.actors.lexicon import MILITARY_SITES, POLICE_SITES
from conflictwatch.actors.mentions import Mention, antecedent, collect
from conflictwatch.actors.sides import ARMED_INTERS, Side, actor_of, armed, camp, group_of, inter_for
from conflictwatch.actors.syntax import is_violent
from conflictwatch.models import Actor, Evidence


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
    resolved = [(m, actor_of(m, kb, country, year)) for m in mentions]
    side1, side2 = Side(), Side()
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
    if any(m.named and armed(m, a) and a.inter != "State forces" for m, a in agents):
        agents = [(m, a) for m, a in agents if m.named or a.inter == "State forces" or not armed(m, a)]
    civ = event_type == taxonomy.VIOLENCE_AGAINST_CIVILIANS
    demo = event_type in (taxonomy.PROTESTS, taxonomy.RIOTS)

    for m, a in agents:
        if demo and not armed(m, a):
            continue
        if side1.main is None or side1.main[0].name == a.name:
            side1.add(a, m, conf(m))
        elif camp(a) != camp(side1.main[0]):
            patients.append((m, a))  # an agent of another clause on the other side
        elif m.violent and (m.named or side1.main[1] is None or not side1.main[1].named):
            side1.add(a, m, conf(m), assoc=True)  # another attacker of the same act
    # the other side: targets of the violent act first, then named actors and state forces
    # before unnamed groups (an unnamed "rebels" is often side 1 described again)
    patients.sort(
        key=lambda p: (not p[0].violent, not (p[0].named or p[1].inter == "State forces"), rank[id(p[0])])
    )
    for m, a in patients:
        if not armed(m, a) and not (m.named and a.inter in ("Protesters", "Rioters")):
            victims.append(m)
            continue
        if side1.main and side1.main[0].name == a.name:
            continue
        if side2.main and not (m.violent and camp(a) == camp(side2.main[0])):
            continue  # a target of another clause is not an associate of this one
        side2.add(a, m, conf(m))
    for m, a in resolved:  # "traders and herders": the victims' conjuncts are victims too
        if m.role == "assoc" and m.assoc_of in victims and not armed(m, a) and m not in victims:
            victims.append(m)
    for m, a in resolved:  # associates follow their principal's side
        if m.role == "assoc" and m.assoc_of is not None:
            for side in (side1, side2):
                if side.main and side.main[1] is not None and side.main[1] is m.assoc_of:
                    side.add(a, m, conf(m), assoc=True)
    if side1.main is None and not demo:  # "They attacked...": the actor named before
        ante = antecedent(spans)
        if ante is not None:
            a = actor_of(ante, kb, country, year)
            if armed(ante, a):
                side1.add(a, ante, 0.5)
    if side1.main is None:  # no agent in the parse: the first armed mention, by position
        for m, a in resolved:
            if armed(m, a) and m.role not in ("patient", "opponent", "assoc") and not demo:
                m.from_parse = False
                side1.add(a, m, 0.55 * (0.7 if m.suspected else 1.0))
                break
    if event_type == taxonomy.BATTLES and side2.main is None:
        for m, a in resolved:
            if armed(m, a) and side1.main and a.name != side1.main[0].name and m.role != "assoc":
                side2.add(a, m, 0.55)
                break
    if event_type == taxonomy.BATTLES and side2.main is None and victims:
        # no armed opponent named, only victims: code them rather than nothing (the event type
        # may be wrong; the text's victims are still its second side)
        side2.add(kb.generic("civilians", country), victims[0], 0.5)
        for m in victims:
            g = group_of(m, kb, country)
            if g:
                side2.add(g, m, 0.5, assoc=True)

    civilian_targeting = None
    # remote violence that killed civilians: an unnamed armed "target" (often the attackers
    # themselves, or a claim: "the air force targets only terrorists") gives way to the victims
    unnamed_target = side2.main is not None and side2.main[0].generic and side2.main[0].inter != "Civilians"
    if victims and event_type == taxonomy.EXPLOSIONS and unnamed_target:
        side2 = Side()
    if civ or (victims and event_type == taxonomy.EXPLOSIONS and side2.main is None):
        side2 = Side()
        side2.add(kb.generic("civilians", country), victims[0] if victims else None, 0.85 if victims else 0.6)
        for m in victims:
            g = group_of(m, kb, country)
            if g:
                side2.add(g, m, 0.8, assoc=True)
        civilian_targeting = "Civilian targeting"
        if side1.main is None:
            side1.add(kb.generic("armed_group", country), None, 0.5)
    elif demo:
        kind: GenericKind = "rioters" if event_type == taxonomy.RIOTS else "protesters"
        crowd = Side()
        crowd.add(kb.generic(kind, country), None, 0.8)
        for m, a in resolved:
            mob_victim = sub_event_type == "Mob violence" and m in victims
            if m.desc and m.desc.cls in ("protesters", "rioters", "civilians") and not mob_victim:
                g = group_of(m, kb, country)
                if g:
                    crowd.add(g, m, 0.8, assoc=True)
                crowd.main = (crowd.main[0], crowd.main[1] or m, 0.9) if crowd.main else None
            elif m.named and a.inter not in ARMED_INTERS:
                crowd.add(a, m, 0.8, assoc=True)
        forces = Side()  # the domestic forces that acted on the crowd or that it attacked
        for side in (side1, side2):
            if side.main and side.main[0].inter == "State forces" and side.main[0].country in (country, None):
                forces = side
                break
        if sub_event_type == "Peaceful protest":
            forces = Side()
        side1, side2 = crowd, Side()
        if sub_event_type == "Mob violence" and victims:
            side2.add(kb.generic("civilians", country), victims[0], 0.8)
            for m in victims:
                g = group_of(m, kb, country)
                if g:
                    side2.add(g, m, 0.8, assoc=True)
            civilian_targeting = "Civilian targeting"
        elif forces.main is not None:
            side2 = forces
        elif sub_event_type in ("Protest with intervention", "Excessive force against protesters"):
            side2.add(
                kb.state_forces(country, year, "police")
                if country
                else Actor(name="Police Forces", inter="State forces", generic=True),
                None,
                0.6,
            )
    elif sub_event_type == "Agreement":  # the parties, in the order the text names them
        parties = Side()
        for m, a in resolved:
            if m.role != "source" and (m.named or a.inter == "State forces"):
                parties.add(a, m, conf(m), assoc=parties.main is not None)
        side1, side2 = Side(), Side()
        if parties.main:
            side1.main = parties.main
        if parties.assoc:
            side2.add(parties.assoc[0][0], parties.assoc[0][1], 0.7)
            for other, om in parties.assoc[1:]:
                side2.add(other, om, 0.6, assoc=True)
    elif sub_event_type == "Looting/property destruction" and side2.main is None:
        side2.add(kb.generic("civilians", country), victims[0] if victims else None, 0.6 if victims else 0.5)
        for m in victims:
            g = group_of(m, kb, country)
            if g:
                side2.add(g, m, 0.8, assoc=True)
    elif sub_event_type == "Arrests":
        if side1.main is None or side1.main[0].inter != "State forces":
            held = side1
            side1 = Side()
            side1.add(
                kb.state_forces(country, year, "police")
                if country
                else Actor(name="Police Forces", inter="State forces", generic=True),
                None,
                0.6,
            )
            if held.main and side2.main is None:
                side2 = held
        if side2.main is None and victims:
            side2.add(actor_of(victims[0], kb, country, year), victims[0], 0.75)
            for m in victims:  # "detained a journalist": Civilians (C) with Journalists (C)
                g = group_of(m, kb, country)
                if g:
                    side2.add(g, m, 0.7, assoc=True)
    elif event_type in (taxonomy.BATTLES, taxonomy.EXPLOSIONS) and side1.main is None:
        side1.add(kb.generic("armed_group", country), None, 0.5)
    if event_type in (taxonomy.BATTLES, taxonomy.EXPLOSIONS) and side2.main is None and country:
        site = _state_site(spans)  # "attacked a checkpoint": the forces holding it
        if site is not None and not (side1.main and side1.main[0].inter == "State forces"):
            side2.add(kb.state_forces(country, year, site), None, 0.6)

    # the codebook fixes who acts in territorial changes: the state regains, a non-state group
    # overtakes ("the army regained towns held by Jaish al-Islam": the army is actor 1)
    if side1.main and side2.main and camp(side1.main[0]) != camp(side2.main[0]):
        state_first = camp(side1.main[0]) == "state"
        if (sub_event_type == "Government regains territory" and not state_first) or (
            sub_event_type == "Non-state actor overtakes territory" and state_first
        ):
            side1, side2 = side2, side1
    if event_type in (taxonomy.BATTLES, taxonomy.EXPLOSIONS, taxonomy.VIOLENCE_AGAINST_CIVILIANS):
        for side in (side1, side2):
            if _attribute_from_article(side, spans, kb, country, year) and "attributed from the article" not in tags:
                tags.append("attributed from the article")
    for side in (side1, side2):
        ms: list[Mention | None] = ([side.main[1]] if side.main else []) + [m for _, m in side.assoc]
        for mm in ms:
            if mm is not None and mm.suspected and "suspected" not in tags:
                tags.append("suspected")
            if mm is not None and mm.claimed and "claimed responsibility" not in tags:
                tags.append("claimed responsibility")
    return _build(side1, side2, civilian_targeting, tags, country)


# words a report uses when it does not know who the attackers were: these stay unidentified
UNKNOWN_WORDS = frozenset({"unidentified", "unknown", "gunman", "gunmen", "armed men", "bandit", "bandits",
                           "assailant", "assailants", "attacker", "attackers", "criminals", "hommes armés"})
NON_STATE = frozenset({"Rebel group", "Political militia"})


def _attribute_from_article(side: Side, spans: Sequence[Span], kb: ActorKB, country: str | None,
                            year: int | None) -> bool:
    """"The militants", "the jihadists" in an article that names one armed group of the country and
    no other: that group (with a lower confidence and a tag); "gunmen" or "unidentified attackers"
    stay an Unidentified Armed Group, as the codebook codes a perpetrator nobody named."""
    if side.main is None or not side.main[0].generic or side.main[0].inter not in NON_STATE or not spans:
        return False
    m = side.main[1]
    if m is None or any(w in m.text.lower() for w in UNKNOWN_WORDS):
        return False  # nobody described at all, or described as unknown
    named: dict[str, Actor] = {}
    for sp in spans[0].doc.spans.get("actors", []):
        if sp.label_ != "ACTOR":
            continue
        a = kb.resolve(sp.text, year, country) or kb.get(sp.kb_id_)
        if a is None or a.inter not in NON_STATE or a.generic:
            continue
        if country and a.country and country not in kb.operates_in(a):
            continue
        named[a.name] = a
    if len(named) != 1:
        return False
    actor = next(iter(named.values()))
    side.main = (actor, m, round(side.main[2] * 0.8, 3))
    return True


def _build(
    side1: Side, side2: Side, civilian_targeting: str | None, tags: list[str], country: str | None
) -> Roles:
    evidence: list[Evidence] = []
    out: dict[str, str | None] = {}
    for side, other in ((side1, side2), (side2, side1)):  # nobody on both sides
        if other.main:
            side.assoc = [(a, m) for a, m in side.assoc if a.name != other.main[0].name]
    for n, side in (("1", side1), ("2", side2)):
        main = side.main
        out[f"actor{n}"] = main[0].name if main else None
        out[f"inter{n}"] = inter_for(main[0], country) if main else None
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


def _state_site(spans: Sequence[Span]) -> Literal["military", "police"] | None:
    """A military or police site that is the object of a violent act in these clauses."""
    for s in spans:
        for tok in s:
            if (
                tok.dep_ not in ("dobj", "pobj", "nsubjpass")
                or tok.lemma_ not in MILITARY_SITES | POLICE_SITES
            ):
                continue
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            if not is_violent(gov):
                continue
            police = tok.lemma_ in POLICE_SITES or any(c.lower_ == "police" for c in tok.children)
            return "police" if police else "military"
    return None
