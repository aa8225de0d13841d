"""cw_lemmatizer: the model's own lemmatizer, remembered per (word, POS, morphology).

The stock component looks every token up through Python (its cache key builds a
MorphAnalysis per token). A lemma depends only on the word, its POS and its morphology, so
this wrapper reads those three as arrays, asks the stock lemmatizer once per new triple and
writes all lemmas back in one array. Output identical; ``use_cached_lemmatizer`` swaps it in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

# modes where a lemma is a function of (ORTH, POS, MORPH) alone
_CACHEABLE_MODES = frozenset({"rule", "lookup", "pos_lookup"})
_MAX_ENTRIES = 500_000  # a bound on memory for very long runs: the cache starts over


@Language.factory("cw_lemmatizer", assigns=["token.lemma"], requires=["token.pos"])
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(name)


class CachedLemmatizer:
    """Wraps a stock Lemmatizer (set by ``use_cached_lemmatizer``)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.inner: Lemmatizer | None = None
        self._cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if inner is None:
            raise RuntimeError("cw_lemmatizer has no lemmatizer: build it with use_cached_lemmatizer")
        if len(self._cache) > _MAX_ENTRIES:
            self._cache.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        cache, strings, overwrite = self._cache, doc.vocab.strings, inner.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):  # tolist: a copy
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = strings.add(inner.lemmatize(doc[i])[0])
            rows[i, 3] = found
        doc.from_array([LEMMA], cast(Ints2d, rows[:, 3:4]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def use_cached_lemmatizer(nlp: Language, name: str = "lemmatizer") -> None:
    """Wrap the pipeline's lemmatizer when its mode allows (rule or lookup tables)."""
    if name not in nlp.pipe_names:
        return
    inner = nlp.get_pipe(name)
    if not isinstance(inner, Lemmatizer) or inner.mode not in _CACHEABLE_MODES:
        return
    cached = nlp.replace_pipe(name, "cw_lemmatizer")
    assert isinstance(cached, CachedLemmatizer)
    cached.inner = inner
