"""cw_actor_ruler: actor mentions into ``doc.spans["actors"]``.

Matching is two spaCy SpanRulers (PhraseMatcher on LOWER, and on ORTH for all-capital aliases)
fed with the patterns of ``ActorKB.span_patterns()``; the component then joins a demonym,
country or ethnic qualifier to the descriptor next to it ("Malian soldiers", "Mali's army",
"soldats maliens") and an adjective to a group noun ("Islamist militia"). Each span gets label
``ACTOR`` (``kb_id_`` = canonical actor name, the alias's default reading; roles.py re-resolves
it with the event's year and country) or ``ACTOR_DESC`` (``kb_id_`` = descriptor id
``class[|country[|group]]``, see ``conflictwatch.actors.descriptors``). Overlaps are resolved
longest first; at equal length a named actor beats a descriptor. An ethnic name followed by
"region"/"state" is a place and is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from conflictwatch.actors.descriptors import Descriptor
from conflictwatch.actors.patterns import ADJECTIVE, GROUP_NOUN, QUALIFIER

if TYPE_CHECKING:
    from conflictwatch.actors.kb import ActorKB

SPANS_KEY = "actors"


@Language.factory(
    "cw_actor_ruler",
    assigns=["doc.spans"],
    requires=["token.lower"],
    default_config={"spans_key": SPANS_KEY, "actor_files": []},
)
def make_actor_ruler(nlp: Language, name: str, spans_key: str, actor_files: list[str]) -> ActorRuler:
    return ActorRuler(nlp, name, spans_key=spans_key, actor_files=actor_files)


_POSSESSIVE = {"'s", "\u2019s"}


def _join(doc: Doc, matches: list[Span]) -> list[Span]:
    """Join qualifier + descriptor ("Malian soldiers", "Mali's army"), descriptor + qualifier
    ("soldats maliens"), adjective + group noun ("Islamist militia", "groupe terroriste")."""
    quals: dict[tuple[str, int], Span] = {}  # the longest qualifier ending/starting at a token
    adjs: dict[tuple[str, int], Span] = {}
    for sp in matches:
        if sp.label_ == QUALIFIER:
            for key in (("end", sp.end), ("start", sp.start)):
                if key not in quals or len(quals[key]) < len(sp):
                    quals[key] = sp
        elif sp.label_ == ADJECTIVE:
            adjs[("end", sp.end)] = sp
            adjs[("start", sp.start)] = sp
    out = [sp for sp in matches if sp.label_ in ("ACTOR", "ACTOR_DESC")]
    for sp in list(out):
        if sp.label_ != "ACTOR_DESC":
            continue
        before = quals.get(("end", sp.start))
        if before is None and sp.start >= 1 and doc[sp.start - 1].text in _POSSESSIVE:
            before = quals.get(("end", sp.start - 1))
        if before is not None:
            out.append(Span(doc, before.start, sp.end, label="ACTOR_DESC", span_id=sp.id_))
        after = quals.get(("start", sp.end))
        if after is not None:
            out.append(Span(doc, sp.start, after.end, label="ACTOR_DESC", span_id=sp.id_))
    for sp in matches:
        if sp.label_ != GROUP_NOUN:
            continue
        adj = adjs.get(("end", sp.start)) or adjs.get(("start", sp.end))
        if adj is not None:
            start, end = min(adj.start, sp.start), max(adj.end, sp.end)
            out.append(Span(doc, start, end, label="ACTOR_DESC", span_id="armed_group"))
    return out


_PLACE_NOUNS = frozenset(
    {"region", "state", "zone", "province", "district", "territory", "county", "kingdom", "regional", "area"}
)


def _place_name(sp: Span, kb: ActorKB) -> bool:
    """'the Amhara region', 'Oromia State': an ethnic name used as a place, not a group."""
    nxt = sp.doc[sp.end] if sp.end < len(sp.doc) else None
    return (
        sp.label_ == "ACTOR_DESC"
        and nxt is not None
        and nxt.lower_ in _PLACE_NOUNS
        and kb.ethnic_group(sp[-1].text) is not None
    )


def _filter(spans: Iterable[Span]) -> list[Span]:
    """Longest first, then ACTOR before ACTOR_DESC, then leftmost; no token claimed twice."""
    taken: set[int] = set()
    kept: list[Span] = []
    for sp in sorted(spans, key=lambda s: (-(s.end - s.start), s.label_ != "ACTOR", s.start)):
        if taken.isdisjoint(range(sp.start, sp.end)):
            kept.append(sp)
            taken.update(range(sp.start, sp.end))
    return sorted(kept, key=lambda s: s.start)


class ActorRuler:
    """Finds actor and descriptor mentions; the knowledge base is given by ``set_kb``."""

    def __init__(
        self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY, actor_files: list[str] | None = None
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.actor_files = list(actor_files or [])
        self.kb: ActorKB | None = None
        # The matcher tokenizes phrase patterns with a tokenizer-only pipeline sharing the vocab:
        # SpanRuler would otherwise run every trained component over thousands of patterns.
        tok_nlp = spacy.blank(nlp.lang or "en", vocab=nlp.vocab)
        tok_nlp.tokenizer = nlp.tokenizer
        self.ruler = SpanRuler(tok_nlp, f"{name}_matcher", spans_key=None, phrase_matcher_attr="LOWER")
        # Case-sensitive aliases (FACT, ADF) go to a PhraseMatcher on ORTH: the token Matcher
        # tries every pattern at every token and cost ten times more.
        self.cased = SpanRuler(tok_nlp, f"{name}_cased", spans_key=None, phrase_matcher_attr="ORTH")

    def set_kb(self, kb: ActorKB) -> None:
        self.kb = kb
        self.ruler.clear()
        self.cased.clear()
        lower, cased = [], []
        for p in kb.span_patterns():
            pat = p["pattern"]
            if isinstance(pat, list) and all(set(t) == {"ORTH"} for t in pat):
                cased.append({**p, "pattern": " ".join(t["ORTH"] for t in pat)})
            else:
                lower.append(p)
        self.ruler.add_patterns(lower)
        self.cased.add_patterns(cased)

    def _ensure_kb(self) -> ActorKB:
        if self.kb is None:
            from conflictwatch.actors.kb import ActorKB

            self.set_kb(ActorKB.load(self.actor_files))
        assert self.kb is not None
        return self.kb

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.predict(doc))

    def predict(self, doc: Doc) -> list[Span]:
        self._ensure_kb()
        return _filter(_join(doc, self.ruler.match(doc) + self.cased.match(doc)))

    def set_annotations(self, doc: Doc, matches: list[Span]) -> Doc:
        kb = self._ensure_kb()
        spans = []
        for sp in matches:
            if _place_name(sp, kb):
                continue
            if sp.label_ == "ACTOR":
                kb_id = sp.id_
            else:
                desc = kb.describe(sp.text) or Descriptor(sp.id_)
                kb_id = desc.kb_id
            spans.append(Span(doc, sp.start, sp.end, label=sp.label_, kb_id=kb_id))
        doc.spans[self.spans_key] = spans
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def add_actor_ruler(nlp: Language, kb: ActorKB, *, after: str | None = None) -> None:
    """Add (or refresh) cw_actor_ruler after NER (or ``after``) with this knowledge base."""
    if "cw_actor_ruler" in nlp.pipe_names:
        pipe = nlp.get_pipe("cw_actor_ruler")
    else:
        where = after or ("ner" if "ner" in nlp.pipe_names else None)
        pipe = nlp.add_pipe("cw_actor_ruler", after=where) if where else nlp.add_pipe("cw_actor_ruler")
    cast(ActorRuler, pipe).set_kb(kb)
