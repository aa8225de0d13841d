"""Modality gating for event typing: does a span report an event that happened?

``blocked_reason`` says why a span reports no event although it holds event cues: every cue is
negated ("no fighting"), denied ("denied killing"), only threatened, planned or feared ("vowed to
attack"), conditional ("if the truce collapses"), under a modal ("will march") or a purpose
clause ("launched an operation to retake the valley").
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from conflictwatch.extract.typing_lexicon import Lexicon

Cues = Mapping[str, list[tuple[int, int]]]
EVENT_CUES = tuple(
    "cues." + c
    for c in (
        "clash", "kill", "sexual", "abduct", "air", "shelling", "ied", "grenade", "suicide",
        "chemical", "gov_retake", "nsa_take", "protest", "intervention", "riot", "mob", "arrest",
        "agreement", "change", "disrupted", "base", "looting", "transfer", "takeover",
    )
)
FRAME_VERBS = frozenset(
    {"threaten", "warn", "vow", "plan", "intend", "prepare", "fear", "urge", "call", "seek",
     "want", "try", "attempt", "aim", "pledge", "deny", "refute", "dismiss", "reject"}
)
MODALS = frozenset({"will", "would", "could", "might", "may", "shall", "should", "can", "'ll"})
MAX_CHAIN = 4
DONE_HEADS = frozenset({"manage", "succeed", "begin", "start", "continue", "force", "go", "use", "help"})
PAST_LINKS = frozenset({"after", "following", "since", "when", "as"})
def cue_tokens(span: Span, cues: Cues, cats: tuple[str, ...]) -> list[Token]:
    doc = span.doc
    out = []
    for cat in cats:
        for start, end in cues.get(cat, ()):
            tok = doc[start]
            if end - start > 1:  # the phrase's syntactic head: "gas" in "tear gas"
                tok = next((doc[i] for i in range(start, end) if not start <= doc[i].head.i < end), tok)
            if tok.pos_ in ("VERB", "NOUN", "PROPN", "ADJ"):
                out.append(tok)
    return out


def why_blocked(tok: Token) -> str | None:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return "negated"
    if (
        tok.pos_ == "VERB"
        and tok.dep_ in ("xcomp", "advcl", "acl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and tok.head.lemma_.lower() not in DONE_HEADS
    ):
        return "purpose or intention ('to ...')"
    node, steps = tok, 0
    while steps <= MAX_CHAIN:
        kids = list(node.children)
        if steps <= 1 and node.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in kids):
            return "negated"
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in kids):
            return "future or hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
            return "conditional"
        if steps > 0 and node.lemma_.lower() in FRAME_VERBS:
            return f"framed by '{node.lemma_}'"
        if node.head is node or (node.dep_ == "conj" and steps > 0):
            break
        if node.dep_ in ("pcomp", "pobj", "advcl") and (
            node.head.lower_ in PAST_LINKS or any(c.lower_ in PAST_LINKS for c in kids if c.dep_ == "mark")
        ):
            break  # "will advance after seizing the town": the seizing happened
        node, steps = node.head, steps + 1
    return None


def blocked_reason(span: Span, cues: Cues, lex: Lexicon) -> str | None:
    """Why no event is reported although cues are present; None when at least one cue stands."""
    triggers = cue_tokens(span, cues, EVENT_CUES)
    if not triggers:
        return None
    announced = {t.i for t in cue_tokens(span, cues, ("cues.protest",)) if _announced(t)}
    reasons = ["announced ahead" if t.i in announced else why_blocked(t) for t in triggers]
    if all(reasons):
        return "; ".join(sorted({r for r in reasons if r}))
    return None


ANNOUNCING = frozenset({"announce", "schedule", "plan", "organise", "organize", "call", "set"})


def _announced(tok: Token) -> bool:
    """"announced a larger rally in Peshawar on Friday", "called a general strike for Monday": a
    demonstration announced or called is one still to come."""
    return tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ANNOUNCING
