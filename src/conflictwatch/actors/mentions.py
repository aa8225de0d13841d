"""Actor mentions of one event and their semantic role, read from the dependency parse.

A mention is one ACTOR/ACTOR_DESC span of ``doc.spans["actors"]`` (or an ACTOR merged with the
descriptor it names: "JNIM militants", "fighters from ISWAP"). Its role comes from the syntax
around its head noun: subject of an active verb -> agent; passive subject, object, "attack on X"
-> patient; "by X" -> agent; "clashed with X" / "between X and Y" -> opposing sides; a conjunct
("X and Y") or "X, backed by Y" / "alongside Y" -> associate of the same side; subjects of
reporting verbs ("the army said") and "according to X" -> source, not a side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from conflictwatch.actors.descriptors import Descriptor
from conflictwatch.actors.lexicon import (
    CLAUSE_DEPS,
    DOUBT_LEMMAS,
    HOSTILE_PREPS,
    LINK_LEMMAS,
    LINK_WORDS,
)
from conflictwatch.actors.syntax import is_violent, set_role, suspected


@dataclass
class Mention:
    """One actor mention: the spans it is made of, its head token and its reading."""

    spans: list[Span]
    anchor: Token
    kb_id: str
    named: bool
    desc: Descriptor | None = None
    role: str = "unknown"  # agent | patient | opponent | assoc | source | unknown
    assoc_of: Mention | None = None
    suspected: bool = False
    claimed: bool = False
    from_parse: bool = True
    violent: bool = False  # its role is in a violent act ("killed", "the attack on")
    tags: list[str] = field(default_factory=list)

    @property
    def start_char(self) -> int:
        return min(s.start_char for s in self.spans)

    @property
    def end_char(self) -> int:
        return max(s.end_char for s in self.spans)

    @property
    def text(self) -> str:
        return " / ".join(s.text for s in self.spans)


def collect(spans: Sequence[Span], key: str = "actors") -> list[Mention]:
    """The actor mentions inside ``spans`` (clauses of one doc), merged and with roles set."""
    if not spans:
        return []
    doc = spans[0].doc
    inside = [
        a
        for a in (doc.spans[key] if key in doc.spans else [])
        if any(s.start <= a.start and a.end <= s.end for s in spans)
    ]
    inside.sort(key=lambda s: s.start)
    mentions: list[Mention] = []
    i = 0
    while i < len(inside):
        sp = inside[i]
        nxt = inside[i + 1] if i + 1 < len(inside) else None
        if nxt is not None and _linked(sp, nxt):
            actor, desc = (sp, nxt) if sp.label_ == "ACTOR" else (nxt, sp)
            m = Mention([sp, nxt], desc.root, actor.kb_id_, True, None)
            i += 2
        else:
            named = sp.label_ == "ACTOR"
            d = None if named else _descriptor(sp.kb_id_)
            root = _root(sp)
            m = Mention([sp], root, sp.kb_id_, named, d)
            i += 1
        mentions.append(m)
    for m in mentions:
        m.anchor = _phrase_head(m.anchor, {t.i for s in m.spans for t in s})
    mentions = _attach(mentions)
    by_token = {t.i: m for m in mentions for s in m.spans for t in s}  # "Soldiers and VDP ...":
    by_token.update({m.anchor.i: m for m in mentions})  # a conjunct finds its principal by any token
    for m in mentions:
        set_role(m, by_token)
        m.suspected = "suspected" in m.tags or suspected(m)
    return mentions


def _attach(mentions: list[Mention]) -> list[Mention]:
    """'an Islamist group affiliated with al-Qaeda, known as JNIM', 'militia with links to X':
    a named actor inside the noun phrase of an armed descriptor names that descriptor."""
    by_token = {t.i: m for m in mentions for s in m.spans for t in s}
    by_token.update({m.anchor.i: m for m in mentions})
    kept: list[Mention] = []
    merged: dict[int, Mention] = {}
    for m in mentions:
        host = _np_host(m.anchor, by_token) if m.named else None
        while host is not None and id(host) in merged:
            host = merged[id(host)]
        if host is not None and host is not m and (host.named or (host.desc is not None and host.desc.armed)):
            merged[id(m)] = host
            if any(t.lemma_ in DOUBT_LEMMAS for t in _path(m.anchor, host.anchor)):
                host.tags.append("suspected")  # "gunmen believed to be X", "men said to be X"
            host.spans.extend(m.spans)
            if not host.named:
                host.named, host.kb_id, host.desc = True, m.kb_id, None
            continue
        kept.append(m)
    return kept


def _path(tok: Token, stop: Token) -> list[Token]:
    out: list[Token] = []
    while tok is not stop and tok.head is not tok and len(out) < 6:
        tok = tok.head
        out.append(tok)
    return out


def _np_host(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """The armed mention whose noun phrase holds ``tok`` (passing over others: "the attackers,
    presented by residents as Boko Haram fighters" reaches "attackers", not "residents")."""
    for _ in range(6):
        if tok.dep_ in CLAUSE_DEPS or tok.head is tok:
            return None
        head = tok.head
        if head.pos_ in ("VERB", "AUX") and not (head.dep_ in ("acl", "amod") and head.lemma_ in LINK_LEMMAS):
            return None
        if head.dep_ == "prep" and head.lower_ in HOSTILE_PREPS:
            return None  # "forces against the TPLF" does not name the forces
        host = by_token.get(head.i)
        if host is not None and (host.named or (host.desc is not None and host.desc.armed)):
            return host
        tok = head
    return None


def _root(sp: Span) -> Token:
    """The head noun of a mention: "Mali's army" -> army; "Islamic State in the Greater Sahara"
    -> State (the first noun whose head lies outside the span), else spaCy's span root."""
    if sp.root.dep_ == "poss":
        return sp[-1]
    exits = [t for t in sp if not (sp.start <= t.head.i < sp.end) and t.pos_ in ("NOUN", "PROPN")]
    return exits[0] if exits else sp.root


def _descriptor(kb_id: str) -> Descriptor | None:
    try:
        return Descriptor.parse(kb_id)
    except ValueError:
        return None


def _linked(a: Span, b: Span) -> bool:
    """'JNIM militants', 'militants of JNIM', 'gunmen linked to ISWAP': one named mention."""
    if {a.label_, b.label_} != {"ACTOR", "ACTOR_DESC"}:
        return False
    between = a.doc[a.end : b.start]
    if len(between) == 0:
        return True
    if a.label_ == "ACTOR" and len(between) <= 2 and all(t.pos_ in ("ADJ", "NOUN", "PROPN") for t in between):
        return True  # "Macawisley clan militias", "CODECO Lendu militiamen"
    return len(between) <= 3 and all(t.lower_ in LINK_WORDS for t in between) and between[0].lower_ != "with"


def _phrase_head(tok: Token, own: set[int]) -> Token:
    """'CJTF members', 'SAF positions', 'army drone strike': the noun the mention modifies."""
    for _ in range(3):
        if (
            tok.dep_ in ("compound", "amod", "nmod")
            and tok.head.pos_ in ("NOUN", "PROPN")
            and tok.head is not tok
        ):
            tok = tok.head
        elif tok.head.i in own and tok.head is not tok:
            tok = tok.head
        else:
            break
    return tok


def antecedent(spans: Sequence[Span], key: str = "actors") -> Mention | None:
    """'They also attacked a dormitory': the armed actor named last before a pronoun that is
    the subject of a violent verb in these clauses (looked for up to three sentences back)."""
    if not spans:
        return None
    doc = spans[0].doc
    for s in spans:
        for tok in s:
            if tok.lower_ not in ("they", "it") or tok.dep_ != "nsubj" or not is_violent(tok.head):
                continue
            first = max(tok.sent.start - 400, 0)
            earlier = [
                a for a in (doc.spans[key] if key in doc.spans else []) if first <= a.start and a.end <= tok.i
            ]
            for a in reversed(earlier):
                desc = None if a.label_ == "ACTOR" else _descriptor(a.kb_id_)
                if a.label_ == "ACTOR" or (desc is not None and desc.cls == "armed_group"):
                    m = Mention([a], a.root, a.kb_id_, a.label_ == "ACTOR", desc, role="agent")
                    m.violent, m.from_parse = True, False
                    return m
    return None
