"""Find event mentions: clauses that report an ACLED event, each typed, dated and counted.

Stage 1 of extraction, a pure function of the parsed Doc and the article's publication date.
Sentences are pre-filtered cheaply (``is_event_candidate``), split into clauses, and each clause
is typed by the event-typing stage; clauses typed as no event are kept as context for the
clauses around them (a relative clause "who were protesting in Dakar" tells where the protest was).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from conflictwatch.extract.clauses import Clause, split_clauses
from conflictwatch.extract.dates import SPEECH_VERBS, DateMention, date_for_mention
from conflictwatch.extract.fatalities import FatalityMention, find_fatalities
from conflictwatch.extract.typing import TypeDecision, classify, is_event_candidate
from conflictwatch.taxonomy import BATTLES, EVENT_NOUNS, STRATEGIC, VIOLENCE_AGAINST_CIVILIANS

LARGE_EVENT_TYPES = frozenset({BATTLES, VIOLENCE_AGAINST_CIVILIANS})
# A clause may start an event of its own only when it is typed with at least this confidence and
# names a participant (an actor) or a toll; weaker clauses can only add to an event already found
# ("Tuesday's attack was a setback" says nothing new but supports the attack told before).
MIN_CORE_CONFIDENCE = 0.45
MIN_CORE_CONFIDENCE_VAGUE_SD = 0.65
SURE_CONFIDENCE = 0.75  # typed this surely, a clause stands on its own
VAGUE_SD = frozenset({"Change to group/activity", "Other", "Headquarters or base established"})

# "at dawn", "in the evening": a time of day says when in the event's day, not which day.
TIME_OF_DAY = re.compile(
    r"^(?:at|in the|during the|early in the|late in the|before|after)?\s*"
    r"(?:dawn|daybreak|sunrise|sunset|dusk|night|nightfall|morning|afternoon|evening|midday|noon|midnight)$",
    re.IGNORECASE,
)


@dataclass
class Mention:
    """One clause reporting one event."""

    clause: Clause
    sent: Span
    decision: TypeDecision
    event_date: date
    time_precision: int
    date_mention: DateMention | None
    recency: str
    fatalities: list[FatalityMention] = field(default_factory=list)
    context: list[Span] = field(default_factory=list)  # the clause plus its non-event neighbours
    core: bool = True  # may start an event of its own (see MIN_CORE_CONFIDENCE)

    @property
    def span(self) -> Span:
        return self.clause.span

    @property
    def explicit_date(self) -> bool:
        """The clause names its own day, month or year (a bare time of day does not count)."""
        dm = self.date_mention
        return dm is not None and not TIME_OF_DAY.match(dm.text.strip())

    @property
    def has_toll(self) -> bool:
        return any(f.kind == "killed" and not f.aggregate for f in self.fatalities)


def _anchor_dates(clause: Clause, dates: list[DateMention]) -> list[DateMention]:
    """Date mentions the clause hangs on: '... since 2015, when terrorists stormed a hotel'."""
    if clause.anchor is None:
        return []
    # the anchor itself, or the words naming it: "on Tuesday night when ..." hangs on "night"
    marks = [clause.anchor.idx, *(c.idx for c in clause.anchor.children if c.dep_ in ("compound", "amod", "nummod"))]
    return [d for d in dates if any(d.start <= a < d.end for a in marks)]


def _antecedent(clause: Clause) -> list[Span]:
    """The noun phrase a relative clause tells more of: in "the bombing of the market in Marawi in
    March 2019, which killed 14 shoppers", the killing is that bombing, at its place and date."""
    a = clause.anchor
    if a is None or clause.head.dep_ != "relcl" or a.lemma_.lower() not in EVENT_NOUNS:
        return []  # "the troops who were recruited": not an event told again
    start = min(t.i for t in a.subtree)
    end = min(clause.span.start, max(t.i for t in a.subtree) + 1)
    return [a.doc[start:end]] if end > start else []


TEMPORAL_MARKS = frozenset({"when", "as", "while", "after"})


def _governing_dates(clause: Clause, dates: list[DateMention]) -> list[DateMention]:
    """Dates of the clause a "when" clause hangs on: "Two officers were wounded on Tuesday night
    when militants hurled a grenade at their post" -- the grenade was Tuesday's."""
    head, anchor = clause.head, clause.anchor
    if anchor is None or head.dep_ != "advcl" or anchor.pos_ not in ("VERB", "AUX"):
        return []
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS for c in head.children):
        return []
    lo = min(t.idx for t in anchor.subtree)
    hi = max(t.idx + len(t) for t in anchor.subtree)
    span = clause.span
    return [d for d in dates if lo <= d.start < hi and not span.start_char <= d.start < span.end_char]


def _opening_dates(sent: Span, clause: Clause, dates: list[DateMention]) -> list[DateMention]:
    """A date that opens the sentence ("On 11 May, armed men ... entered a hamlet and abducted
    seven civilians") dates every clause of it that names no date of its own."""
    lead = [t for t in sent if not (t.is_punct or t.is_space)][:3]
    if not lead or clause.span.start_char <= lead[0].idx:
        return []
    first = lead[0].idx
    return [d for d in dates if first <= d.start <= lead[-1].idx and d.end <= clause.span.start_char]


# A text this short (a one-line event note, a headline and lead, a snippet) reports one event:
# it is typed as a whole before its clauses are.
SHORT_TEXT_TOKENS = 90
SHORT_TEXT_MIN_CONFIDENCE = 0.35


def _as_one_report(doc: Doc, published: date | None, dates: list[DateMention]) -> Mention | None:
    whole = doc[:]
    if not is_event_candidate(whole):
        return None
    decision = classify(whole, context=whole)
    if decision is None or decision.confidence < SHORT_TEXT_MIN_CONFIDENCE:
        return None
    first = next(iter(doc.sents))
    return _mention(Clause(whole, first.root, None), first, decision, [whole], dates, published, core=True)


def _mention(
    clause: Clause,
    sent: Span,
    decision: TypeDecision,
    context: list[Span],
    dates: list[DateMention],
    published: date | None,
    core: bool,
    fallback_counts: list[Span] = (),  # type: ignore[assignment]
) -> Mention:
    """A typed clause with its date and toll (the toll of ``fallback_counts`` when it has none)."""
    day, precision, dmention, recency = _date_of(clause, sent, context, dates, published, decision)
    large = decision.event_type in LARGE_EVENT_TYPES
    counts = find_fatalities(clause.span, large_event=large)
    if not counts:
        counts = [f for q in fallback_counts for f in find_fatalities(q, large_event=large)]
    return Mention(
        clause=clause,
        sent=sent,
        decision=decision,
        event_date=day,
        time_precision=precision,
        date_mention=dmention,
        recency=recency,
        fatalities=counts,
        context=context,
        core=core,
    )


def find_mentions(doc: Doc, published: date | None, dates: list[DateMention]) -> list[Mention]:
    if len(doc) <= SHORT_TEXT_TOKENS:
        one = _as_one_report(doc, published, dates)
        if one is not None:
            return [] if _aggregate_only(one) else [one]
    mentions: list[Mention] = []
    for sent in doc.sents:
        if not is_event_candidate(sent):
            continue
        clauses = split_clauses(sent)
        typed: list[tuple[Clause, TypeDecision | None]] = [(c, classify(c.span, context=sent)) for c in clauses]
        if len(clauses) > 1 and not any(d for _, d in typed):
            # no clause alone reads as an event: try the sentence as a whole
            whole = classify(sent, context=sent)
            typed = [(Clause(sent, sent.root, None), whole)]
        quiet = [c.span for c, d in typed if d is None]
        # a frame read weakly as an event still says where and who (not when: its date is the report's)
        frames = [c.span for c, d in typed if d is not None and _reporting_frame(c, d)]
        for clause, decision in typed:
            if decision is None:
                continue
            m = _mention(clause, sent, decision, [clause.span, *_antecedent(clause), *quiet], dates, published,
                         core=False, fallback_counts=quiet if len(clauses) > 1 else [])
            m.core = _is_core(m, doc)
            m.context += [f for f in frames if f != clause.span]
            mentions.append(m)
    return [m for m in mentions if not _aggregate_only(m)]


def _reporting_frame(clause: Clause, decision: TypeDecision) -> bool:
    """"Residents of Lalibela said": a clause that only reports, even when read weakly as an event,
    tells where and by whom for the clauses it reports."""
    return clause.head.lemma_.lower() in SPEECH_VERBS and decision.confidence < MIN_CORE_CONFIDENCE


def _participants(spans: list[Span], doc: Doc, actors_only: bool = False) -> bool:
    """Does one of the spans name a participant: an actor, or a state or group acting as subject?
    With ``actors_only``, only an actor of the knowledge base or a described armed, state or crowd
    actor counts (a football body or a legislature is not a party to a conflict)."""
    found = doc.spans.get("actors", []) if doc.spans else []
    if any(any(s.start <= a.start < s.end for s in spans) for a in found):
        return True
    if actors_only:
        return False
    for s in spans:
        for ent in s.ents:
            if ent.label_ in ("GPE", "NORP", "ORG") and ent.root.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj"):
                return True
    return False


def _is_core(m: Mention, doc: Doc) -> bool:
    d = m.decision
    floor = MIN_CORE_CONFIDENCE_VAGUE_SD if d.sub_event_type in VAGUE_SD else MIN_CORE_CONFIDENCE
    if d.confidence < floor:
        return False
    if d.event_type == STRATEGIC:
        # a development needs someone who made it: "A pistol was recovered" alone is no event
        return _participants(m.context, doc, actors_only=True)
    return d.confidence >= SURE_CONFIDENCE or m.has_toll or _participants(m.context, doc)


def _date_of(
    clause: Clause,
    sent: Span,
    context: list[Span],
    dates: list[DateMention],
    published: date | None,
    decision: TypeDecision | None = None,
) -> tuple[date, int, DateMention | None, str]:
    """The clause's own date; else the date its clause hangs on ("since 2015, when ..."); else one
    in the sentence's other, non-event clauses; else the publication day. Dates are weighed from
    the word that typed the event (not a reporting verb: "..., sources said on Monday")."""
    trigger = clause.head.idx
    if decision is not None and decision.trigger_start is not None:
        if clause.span.start_char <= decision.trigger_start < clause.span.end_char:
            trigger = decision.trigger_start
    own = [d for d in dates if clause.span.start_char <= d.start < clause.span.end_char]
    if own:
        found = date_for_mention([clause.span], own, published, trigger=trigger)
    elif anchored := _anchor_dates(clause, dates):
        found = date_for_mention([sent], anchored, published, trigger=trigger)
    elif governing := _governing_dates(clause, dates):
        found = date_for_mention([sent], governing, published, trigger=trigger)
    elif opening := _opening_dates(sent, clause, dates):
        found = date_for_mention([sent], opening, published, trigger=trigger)
    else:
        found = date_for_mention(context, dates, published, trigger=trigger)
    day, precision, mention, recency = found
    if day is not None and published is not None and day > published:
        # a date after publication is a plan or a forecast ("will convene on Friday"), not this event's
        return published, 1, None, "current"
    return (day or published or date.today()), precision, mention, recency


def _aggregate_only(m: Mention) -> bool:
    """A clause whose only substance is a statistic ("11,200 killed this year") is not an event."""
    if not m.fatalities or m.decision.event_type == STRATEGIC:
        return False
    return all(f.aggregate and not f.incidents for f in m.fatalities)
