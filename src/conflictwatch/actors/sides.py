"""Helpers of roles.py: a side of an event, and what a mention denotes for one event."""

from __future__ import annotations

from typing import cast

from conflictwatch.actors.kb import ActorKB, GenericKind
from conflictwatch.actors.mentions import Mention
from conflictwatch.models import Actor

ARMED_INTERS = {
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "External/Other forces",
}
WORSHIP = {
    "mosque": "Muslim Group",
    "church": "Christian Group",
    "mosquée": "Muslim Group",
    "église": "Christian Group",
}


class Side:
    """One side of an event: its main actor (with mention and confidence) and associates."""

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


def actor_of(m: Mention, kb: ActorKB, country: str | None, year: int | None) -> Actor:
    if m.named:
        texts = [s.text for s in m.spans if s.label_ == "ACTOR"] or [m.spans[0].text]
        found = [kb.resolve(t, year, country) or kb.get(m.kb_id) or Actor(name=m.kb_id) for t in texts]
        # "a group affiliated with al-Qaeda, known as JNIM": the local group over its parent;
        # a parent named alone stands for its branch in the country (al-Qaeda in Mali: JNIM)
        local = [a for a in found if a.country is not None]
        actor = local[0] if local else (kb.local_affiliate(found[0], country, year) or found[0])
        text = texts[found.index(actor)] if actor in found else texts[0]
        generic_words = kb.describe(text)
        # a descriptor outside the countries that name the actor ("separatists" in Cameroon) is
        # generic; where the actor operates it stays named ("Hamas fighters" in Israel)
        abroad = country and actor.country and country not in kb.operates_in(actor)
        if not (abroad and generic_words):
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
        communal = d.cls == "communal_militia" or (d.cls == "civilians" and (d.group or _communal(m)))
        return kb.generic("communal_militia" if communal else "armed_group", c)
    return kb.generic(cast(GenericKind, d.cls), country or d.country)


COMMUNAL_NOUNS = frozenset(
    {"villagers", "villager", "residents", "locals", "inhabitants", "youths", "villageois"}
)


def _communal(m: Mention) -> bool:
    """Villagers or residents who attack act as a community; unnamed "men" are an armed group."""
    return any(t.lower_ in COMMUNAL_NOUNS for s in m.spans for t in s)


def group_of(m: Mention, kb: ActorKB, country: str | None) -> Actor | None:
    if m.desc is None or not m.desc.group:
        return None
    group = m.desc.group
    if group == "Worshippers":
        sent = m.anchor.sent.text.lower()
        group = next((g for w, g in WORSHIP.items() if w in sent), "")
        if not group:
            return None
    return kb.group_actor(group, country or m.desc.country)


def inter_for(actor: Actor, country: str | None) -> str | None:
    if actor.inter == "State forces" and country and actor.country and actor.country != country:
        return "External/Other forces"
    return actor.inter


def camp(a: Actor) -> str:
    return "state" if a.inter in ("State forces", "External/Other forces") else "other"


def armed(m: Mention, a: Actor) -> bool:
    return (m.desc.armed if m.desc else a.inter in ARMED_INTERS) or a.inter in ARMED_INTERS
