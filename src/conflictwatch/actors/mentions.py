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
    ASSOC_PREPS,
    ASSOC_VERBS,
    BELIEF_WORDS,
    CLAIM_VERBS,
    CLASH_WORDS,
    CLAUSE_DEPS,
    DOUBT_LEMMAS,
    HOSTILE_PREPS,
    LINK_LEMMAS,
    LINK_WORDS,
    PATIENT_VERBS,
    REPORT_VERBS,
    SUSPECT_WORDS,
    TARGET_PREPS,
    VIOLENT,
    VIOLENT_FORMS,
)


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
        _set_role(m, by_token)
        m.suspected = "suspected" in m.tags or _suspected(m)
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


def is_violent(tok: Token) -> bool:
    """A violent predicate, by lemma or by form (the lemmatizer reads "raped" as "rap")."""
    return tok.lemma_ in VIOLENT or tok.lower_ in VIOLENT_FORMS


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


def _top_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _set_role(m: Mention, by_token: dict[int, Mention]) -> None:
    tok = m.anchor
    top = _top_conjunct(tok)
    if top is not tok and top.i in by_token:
        principal = by_token[top.i]
        if top.head.lower_ == "between" and top.dep_ == "pobj":
            m.role = "opponent"
            return
        if _mutual(top):  # "JNIM and ISSP fighters clashed": the second is the other side
            m.role, m.violent = "opponent", True
            return
        m.role, m.assoc_of = "assoc", principal
        m.violent = principal.violent or _violent(top)
        return
    m.violent = _violent(top)
    role = _role_of(top)
    if role == "assoc":
        helper = _assoc_principal(top, by_token)
        if helper is not None and helper is not m:
            m.role, m.assoc_of = "assoc", helper
            return
        role = "unknown"
    if role == "agent" and m.desc is not None and m.desc.cls == "civilians" and not m.violent:
        role = "unknown"  # "students were sleeping": civilians act only when they use violence
    m.role = role
    if role == "agent" and (_claims(top) or (top.dep_ == "pobj" and top.head.head.lemma_ in CLAIM_VERBS)):
        m.claimed = True  # "JNIM claimed the attack", "the attack, claimed by JNIM"
    if role == "agent" and top.dep_ == "pobj" and top.head.head.lemma_ in ("attribute", "blame"):
        m.tags.append("suspected")  # "the massacre, attributed to X"


def _mutual(top: Token) -> bool:
    """Subjects of a clash verb with no 'with/against' object fight each other."""
    verb = top.head
    if top.dep_ != "nsubj" or verb.lemma_ not in CLASH_WORDS:
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "against", "alongside") for c in verb.children)


def _violent(tok: Token) -> bool:
    """Whether the predicate governing the mention is a violent act."""
    node = tok
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") or is_violent(node):
            return is_violent(node)
    return False


def _role_of(tok: Token) -> str:
    dep, head = tok.dep_, tok.head
    if dep == "appos":
        return _role_of(head)
    if dep in ("nsubj", "csubj"):
        if any(c.dep_ == "auxpass" for c in head.children):
            return "patient"
        if head.lemma_ in REPORT_VERBS:
            return _speaker_role(head)
        if head.lemma_ in PATIENT_VERBS and not any(
            c.dep_ in ("dobj", "attr") for c in head.children if c.lemma_ != "responsibility"
        ):
            return "patient" if head.lemma_ != "be" else "unknown"
        return "agent"
    if dep == "nsubjpass":
        return "agent" if _held_responsible(head) else "patient"
    if dep in ("dobj", "obj", "dative"):
        if head.lemma_ in ("accuse", "blame", "suspect"):
            return "agent"  # "accused JNIM of the attack"
        return "patient"
    if dep == "poss":  # "JNIM's attack" (not "the government's reputation")
        return "agent" if is_violent(head) and head.pos_ == "NOUN" else "unknown"
    if dep == "pobj":
        prep, gov = head, head.head
        p = prep.lower_
        if p == "by":
            return "assoc" if gov.lemma_ in ASSOC_VERBS else "agent"
        if p == "to" and gov.lower_ == "according":
            return "source"
        if p == "to" and (gov.lemma_ in ("fire", "set") or gov.head.lemma_ == "set"):
            return "patient"  # "set fire to a market"
        if p in ("on", "to") and (
            gov.lemma_ in ("blame", "attribute") or gov.head.lemma_ in ("blame", "attribute")
        ):
            return "agent"
        if p == "between":
            return "agent"
        if p == "with" and (gov.lemma_ in CLASH_WORDS or gov.head.lemma_ in CLASH_WORDS):
            return "opponent"
        if p in ASSOC_PREPS:
            return "assoc"
        if p == "of" and not is_violent(gov) and gov is not tok:
            # "commanders of the SSPDF", "positions of the army": the role of the noun it qualifies
            # ("the killing of 12 civilians": patient)
            return _role_of(gov)
        if p in TARGET_PREPS or p in ("against", "of"):
            return "patient"
        if p in ("among", "including"):
            return _role_of(gov) if gov.dep_ != "ROOT" else "patient"
    if dep == "attr" and head.lemma_ == "be":
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        return _role_of(subj[0]) if subj else "unknown"
    if dep in ("npadvmod", "compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        return _role_of(head) if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else "unknown"
    return "unknown"


_SELF = frozenset({"they", "it", "we", "he", "she", "i"})


def _speaker_role(verb: Token) -> str:
    """'FLA fighters said they ambushed a convoy': agent; 'nine women said they had been raped':
    patient; 'the army said militants attacked': source (not a side)."""
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.lemma_ in REPORT_VERBS:
            continue
        subj = [c for c in comp.children if c.lower_ in _SELF and c.dep_ in ("nsubj", "nsubjpass")]
        if not subj:
            continue
        passive = subj[0].dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in comp.children)
        if passive and is_violent(comp):
            return "patient"
        if not passive and comp.lemma_ not in PATIENT_VERBS:
            return "agent"
    return "source"


def _assoc_principal(tok: Token, by_token: dict[int, Mention]) -> Mention | None:
    """'X, backed by Y' / 'X alongside Y' / 'X with Y': the mention Y goes with."""
    node = tok.head.head  # the verb or noun the preposition hangs on
    for _ in range(3):
        if node.i in by_token:
            return by_token[node.i]
        subj = [c for c in node.children if c.dep_ == "nsubj" and c.i in by_token]
        if subj:
            return by_token[subj[0].i]
        if node.head is node:
            break
        node = node.head
    return None


def _claims(tok: Token) -> bool:
    verb = tok.head
    if verb.lemma_ not in CLAIM_VERBS:
        return False
    words = {c.lemma_ for c in verb.subtree}
    return bool(words & {"responsibility", "attack", "ambush", "killing", "bombing", "assault", "raid"})


_RESPONSIBLE = frozenset({"behind", "responsible"})


def _held_responsible(verb: Token) -> bool:
    """'X is believed to be behind the attack', 'X was blamed for it', 'X is accused of it'."""
    if verb.lemma_ in ("blame", "accuse"):
        return True
    if verb.lemma_ not in DOUBT_LEMMAS:
        return False
    return any(t.lower_ in _RESPONSIBLE for c in verb.children if c.dep_ == "xcomp" for t in c.subtree)


def _suspected(m: Mention) -> bool:
    top = _top_conjunct(m.anchor)
    if top.dep_ == "nsubjpass" and _held_responsible(top.head):
        return True
    doc = m.anchor.doc
    first = min(s.start for s in m.spans)
    before = [t.lower_ for t in doc[max(first - 4, 0) : first]]
    if any(w in SUSPECT_WORDS for w in before[-2:]):
        return True
    if len(before) >= 2 and before[-1] in ("be", "being") and any(w in BELIEF_WORDS for w in before[:-1]):
        return True  # "gunmen believed to be ISWAP fighters"
    if any(t.lower_ in SUSPECT_WORDS for s in m.spans for t in s):
        return True
    return any(c.lower_ in SUSPECT_WORDS for c in m.anchor.children if c.dep_ in ("amod", "advmod"))


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
