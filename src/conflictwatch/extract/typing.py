"""Event typing: which ACLED event type and sub-event type (if any) one sentence reports.

Codebook semantics first, then a small trained model:

1. ``is_event_candidate`` is a cheap, high-recall filter: does the span hold any event cue from
   the lexicon (``data/training/typing_lexicon.yaml``)?
2. ``classify`` scores the span with the logistic-regression model (``typing_model``) trained on
   our own labelled texts; its features include who acts on whom (subject/object sides of each
   cue verb), so "soldiers clashed with militants" and "gunmen killed villagers" part ways.
3. Rules (``typing_rules``) then apply what the codebook says outright: a negated, denied,
   threatened or hypothetical trigger reports no event; the weapon decides the Explosions/Remote
   violence sub-type (suicide bomb > chemical > grenade > air/drone > shelling > IED); a found or
   defused device is Disrupted weapons use; force that kills protesters is Excessive force.

``None`` means the span reports no ACLED event.
"""

from __future__ import annotations

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Span

from conflictwatch.extract.typing_features import featurize
from conflictwatch.extract.typing_gating import EVENT_CUES, blocked_reason
from conflictwatch.extract.typing_lexicon import load_lexicon
from conflictwatch.extract.typing_model import NONE_PREFIX, TypingModel, load_model
from conflictwatch.extract.typing_rules import KEEPS_CERTAINTY, NO_EVENT, apply_rules
from conflictwatch.taxonomy import RIOTS, SUB_EVENT_TYPES

__all__ = ["TypeDecision", "classify", "classify_text", "is_event_candidate"]

# Riots: whether a violent crowd was a demonstration or a mob is the rules' call (typing_rules), the
# model only splits its certainty between the two
RULED_WITHIN = (RIOTS,)


class TypeDecision(BaseModel):
    event_type: str
    sub_event_type: str
    confidence: float
    trigger_start: int | None = None
    trigger_end: int | None = None
    reason: str = ""


def is_event_candidate(span: Span) -> bool:
    """True when the span holds at least one event cue (high recall; no model involved)."""
    cues = load_lexicon().match(span)
    return any(cat in cues for cat in EVENT_CUES)


def _trigger(span: Span, label: str, model: TypingModel) -> tuple[int, int, str]:
    best, best_w = None, 0.0
    for t in span:
        if t.is_punct or t.is_stop:
            continue
        w = model.weight("w=" + t.lemma_.lower(), label)
        if w > best_w:
            best, best_w = t, w
    if best is None:  # no word votes for the label on its own: point at the clause's head
        best = span.root
    return best.idx, best.idx + len(best.text), best.text


def classify(span: Span, context: Span | None = None) -> TypeDecision | None:
    """The ACLED type of the event the span reports, or None when it reports none.

    ``context`` (the sentence around a clause, or the paragraph) is accepted so that callers can
    pass it; the current rules decide from the span alone.
    """
    lex = load_lexicon()
    model = load_model()
    cues = lex.match(span)
    why_not = blocked_reason(span, cues, lex)
    if why_not:
        return None
    probs = model.predict_proba(featurize(span, lex, cues))
    p_none = sum(p for lab, p in probs.items() if lab.startswith(NONE_PREFIX))
    events = {lab: p for lab, p in probs.items() if not lab.startswith(NONE_PREFIX)}
    label = model_label = max(events, key=events.__getitem__)
    p_event = 1.0 - p_none
    ruled = apply_rules(span, cues, lex, label, events, context)
    if ruled is not None and ruled[0] == NO_EVENT:
        return None
    if p_none >= p_event:
        return None
    if ruled is not None:
        label, note = ruled
    else:
        note = "model"
    # a rule that only settles the sub-type inside the event type the model chose keeps the
    # model's certainty about that type ("threw stones at the bus": Riots, mob rather than demonstration)
    mass = events[label]
    if label != model_label and SUB_EVENT_TYPES[label] == SUB_EVENT_TYPES[model_label] in RULED_WITHIN:
        mass = sum(p for lab, p in events.items() if SUB_EVENT_TYPES[lab] == SUB_EVENT_TYPES[label])
    if note.startswith(KEEPS_CERTAINTY) and label != model_label:
        mass = events[label] + events[model_label]
    conf = p_event * max(mass / p_event, 0.5)
    start, end, word = _trigger(span, label, model)
    return TypeDecision(
        event_type=SUB_EVENT_TYPES[label],
        sub_event_type=label,
        confidence=round(float(conf), 3),
        trigger_start=start,
        trigger_end=end,
        reason=f"{note}; trigger '{word}'; p(no event)={p_none:.2f}",
    )


def classify_text(text: str, nlp: Language) -> TypeDecision | None:
    """Type a short text (a one-line event note, a headline, a snippet) as one report."""
    span = nlp(text)[:]
    return classify(span) if is_event_candidate(span) else None
