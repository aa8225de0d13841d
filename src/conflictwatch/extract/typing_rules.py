"""Codebook rules around the event-type model: modality gating and sub-type precedence.

``blocked_reason`` says why a span reports no event although it holds event cues: every cue is
negated ("no fighting"), denied ("denied killing"), only threatened, planned or feared ("vowed to
attack"), or conditional ("if the truce collapses"). ``apply_rules`` applies the codebook's
precedence where the wording settles it, and returns None to leave the model's label alone.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from conflictwatch.extract.typing_lexicon import Lexicon
from conflictwatch.taxonomy import EXPLOSIONS, PROTESTS, SUB_EVENT_TYPES

EVENT_CUES = tuple(
    "cues." + c
    for c in (
        "clash", "kill", "sexual", "abduct", "air", "shelling", "ied", "grenade", "suicide",
        "chemical", "gov_retake", "nsa_take", "protest", "intervention", "riot", "mob", "arrest",
        "agreement", "change", "disrupted", "base", "looting", "transfer",
    )
)
WEAPON_ORDER = (
    ("cues.suicide", "Suicide bomb"),
    ("cues.chemical", "Chemical weapon"),
    ("cues.grenade", "Grenade"),
    ("cues.air", "Air/drone strike"),
    ("cues.shelling", "Shelling/artillery/missile attack"),
    ("cues.ied", "Remote explosive/landmine/IED"),
)
DISTINCT_WEAPONS = frozenset({"Suicide bomb", "Chemical weapon", "Grenade", "Air/drone strike"})
DIRECT_LABELS = frozenset({"Armed clash", "Attack"})
FRAME_VERBS = frozenset(
    {"threaten", "warn", "vow", "plan", "intend", "prepare", "fear", "urge", "call", "seek",
     "want", "try", "attempt", "aim", "pledge", "deny", "refute", "dismiss", "reject", "would"}
)
MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "should", "can", "'ll"})
# A cue this many tokens from a frame verb's clause still counts as governed by it.
MAX_CHAIN = 4


def _triggers(span: Span, cues: Mapping[str, list[tuple[int, int]]]) -> list[Token]:
    doc = span.doc
    out = []
    for cat in EVENT_CUES:
        for start, end in cues.get(cat, ()):
            tok = max((doc[i] for i in range(start, end)), key=lambda t: t.pos_ in ("VERB", "NOUN"))
            if tok.pos_ in ("VERB", "NOUN", "PROPN", "ADJ"):
                out.append(tok)
    return out


def _why_blocked(tok: Token) -> str | None:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return "negated"
    node, steps = tok, 0
    while steps <= MAX_CHAIN:
        kids = list(node.children)
        if any(c.dep_ == "neg" for c in kids) and node.pos_ in ("VERB", "AUX") and steps <= 1:
            return "negated"
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids):
            return "future or hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
            return "conditional"
        if steps > 0 and node.lemma_.lower() in FRAME_VERBS:
            return f"framed by '{node.lemma_}'"
        if node.head is node or node.dep_ in ("conj",) and steps > 0:
            break
        node, steps = node.head, steps + 1
    return None


def blocked_reason(span: Span, cues: Mapping[str, list[tuple[int, int]]], lex: Lexicon) -> str | None:
    """Why no event is reported although cues are present; None when at least one cue stands."""
    triggers = _triggers(span, cues)
    if not triggers:
        return None
    reasons = [_why_blocked(t) for t in triggers]
    if all(reasons):
        return "; ".join(sorted({r for r in reasons if r}))
    return None


def apply_rules(
    span: Span,
    cues: Mapping[str, list[tuple[int, int]]],
    lex: Lexicon,
    label: str,
    probs: Mapping[str, float],
    context: Span | None,
) -> tuple[str, str] | None:
    """(label, why) where the codebook's wording settles the sub-type, else None."""
    etype = SUB_EVENT_TYPES[label]
    if label == "Disrupted weapons use":
        return None
    weapon = next((sub for cat, sub in WEAPON_ORDER if cat in cues), None)
    if weapon and (etype == EXPLOSIONS or (label in DIRECT_LABELS and weapon in DISTINCT_WEAPONS)):
        if weapon != label:
            return weapon, f"weapon decides the sub-type ({weapon})"
        return None
    if label == "Peaceful protest" and "cues.intervention" in cues:
        return "Protest with intervention", "protest met with intervention"
    if etype == PROTESTS and context is not None and label == "Peaceful protest":
        return None
    return None
