"""How a mention takes part in the event, read from the dependency parse (used by mentions.py).

Roles: agent (subject of an active violent verb, "by X", "X's attack", "X is believed to be behind
it"), patient (object, passive subject, "attack on X"), opponent ("clashed with X", "between X
and Y"), assoc ("X and Y", "X, backed by Y", "alongside Y"), source ("the army said", "according
to X") or unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from conflictwatch.actors.lexicon import (
    ASSOC_PREPS,
    ASSOC_VERBS,
    BELIEF_WORDS,
    CLAIM_VERBS,
    CLASH_WORDS,
    DOUBT_LEMMAS,
    PATIENT_VERBS,
    REPORT_VERBS,
    SUSPECT_WORDS,
    TARGET_PREPS,
    VIOLENT,
    VIOLENT_FORMS,
)

if TYPE_CHECKING:
    from conflictwatch.actors.mentions import Mention


def is_violent(tok: Token) -> bool:
    """A violent predicate, by lemma or by form (the lemmatizer reads "raped" as "rap")."""
    return tok.lemma_ in VIOLENT or tok.lower_ in VIOLENT_FORMS


def _top_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def set_role(m: Mention, by_token: dict[int, Mention]) -> None:
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
_OWN = frozenset({"its", "their", "our", "his"})


def _speaker_role(verb: Token) -> str:
    """'FLA fighters said they ambushed a convoy': agent; 'nine women said they had been raped':
    patient; 'the army said militants attacked': source (not a side)."""
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.lemma_ in REPORT_VERBS:
            continue
        subj = [
            c
            for c in comp.children
            if c.dep_ in ("nsubj", "nsubjpass")
            and (c.lower_ in _SELF or any(g.lower_ in _OWN and g.dep_ == "poss" for g in c.children))
        ]  # "they attacked", "its aircraft struck", "our fighters killed"
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


def suspected(m: Mention) -> bool:
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
