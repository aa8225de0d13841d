"""cw_actor_ruler: actor mentions into ``doc.spans["actors"]``.

Matching is spaCy's SpanRuler (PhraseMatcher on LOWER plus a token Matcher) fed with the
patterns of ``ActorKB.span_patterns()``. Each span gets label ``ACTOR`` (``kb_id_`` = canonical
actor name, the default reading of the alias) or ``ACTOR_DESC`` (``kb_id_`` = descriptor id
``class[|country[|group]]``, see ``conflictwatch.actors.descriptors``). Overlaps are resolved
longest first; at equal length a named actor beats a descriptor.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import spacy
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span

from conflictwatch.actors.descriptors import Descriptor

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

    def set_kb(self, kb: ActorKB) -> None:
        self.kb = kb
        self.ruler.clear()
        self.ruler.add_patterns(kb.span_patterns())

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
        return _filter(self.ruler.match(doc))

    def set_annotations(self, doc: Doc, matches: list[Span]) -> Doc:
        kb = self._ensure_kb()
        spans = []
        for sp in matches:
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
