"""cw_attribute_ruler: the trained model's attribute rules (TAG -> POS, MORPH, LEMMA exceptions), indexed.

spaCy's AttributeRuler runs a Matcher with every rule (about 180 in the English models) at
every token: about 4 ms for a news article, as much as the parser. Here each rule pattern is
compiled to per-token tests on TAG, LOWER, DEP and IS_SPACE (exact value, IN, NOT_IN, REGEX)
and indexed by one exact value of its first token, so a token only meets the rules that can
match it. A pattern outside that form (other attributes, operators) goes to a Matcher as
before. The rules, their order (a later rule wins) and the output are those of the stock
component; ``use_indexed_attribute_ruler`` swaps it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]
_MAX_ROWS = 200_000  # distinct (tag, word, dep, space) rows remembered; then the memo starts over
_PREFERENCE = [_COLUMNS["LOWER"], _COLUMNS["DEP"], _COLUMNS["TAG"], _COLUMNS["IS_SPACE"]]

# one test on one token: (column, op, operand); op "eq" | "in" | "not_in" | "regex"
Test = tuple[int, str, Any]
Compiled = list[list[Test]]  # the tests of each token of a pattern


@Language.factory("cw_attribute_ruler", assigns=["token.pos", "token.morph", "token.lemma"])
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name)


def _compile(vocab: Vocab, pattern: list[dict[str, Any]]) -> Compiled | None:
    """The pattern as tests on our columns, or None when it needs the Matcher."""
    strings = vocab.strings
    out: Compiled = []
    for spec in pattern:
        tests: list[Test] = []
        for attr, value in spec.items():
            col = _COLUMNS.get(attr)
            if col is None:
                return None
            if isinstance(value, bool):
                tests.append((col, "eq", int(value)))
            elif isinstance(value, str):
                tests.append((col, "eq", strings.add(value)))
            elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN", "REGEX"):
                op, operand = next(iter(value.items()))
                if op == "REGEX":
                    tests.append((col, "regex", re.compile(operand)))
                elif all(isinstance(v, str) for v in operand):
                    tests.append((col, op.lower(), frozenset(strings.add(v) for v in operand)))
                else:
                    return None
            else:
                return None
        out.append(tests)
    return out or None


def _selectivity(test: Test) -> tuple[bool, int]:
    """Index a rule by its rarest value: an exact value before a set, LOWER before DEP, TAG, IS_SPACE."""
    return test[1] != "eq", _PREFERENCE.index(test[0])


def _passes(row: list[int], tests: list[Test], strings: Any) -> bool:
    for col, op, operand in tests:
        value = row[col]
        if op == "eq":
            ok = value == operand
        elif op == "in":
            ok = value in operand
        elif op == "not_in":
            ok = value not in operand
        else:
            ok = operand.search(strings[value]) is not None
        if not ok:
            return False
    return True


def _matches_at(rows: list[list[int]], i: int, compiled: Compiled, strings: Any) -> bool:
    if len(compiled) == 1:
        return _passes(rows[i], compiled[0], strings)
    return i + len(compiled) <= len(rows) and all(
        _passes(rows[i + k], tests, strings) for k, tests in enumerate(compiled)
    )


class IndexedAttributeRuler(AttributeRuler):
    """AttributeRuler whose rules are looked up by token values instead of matched one by one."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", **kwargs: Any) -> None:
        super().__init__(vocab, name, **kwargs)
        self._reset_index()

    def _reset_index(self) -> None:
        # per column: value -> [(rule, compiled pattern)]; patterns with no exact first-token value
        # are tried at every token; the others go to their own Matcher
        self._index: list[dict[int, list[tuple[int, Compiled]]]] = [{} for _ in _COLUMNS]
        self._scan: list[tuple[int, Compiled]] = []
        self._rest = Matcher(self.vocab, validate=self.validate)
        self._match_ids: list[int] = []
        self._by_row: dict[tuple[int, ...], tuple[list[int], list[tuple[int, Compiled]]]] = {}

    def clear(self) -> None:
        super().clear()
        self._reset_index()

    def add(self, patterns: Iterable[Any], attrs: dict, index: int = 0) -> None:
        patterns = list(patterns)
        rule = len(self.attrs)
        super().add(patterns, attrs, index)
        self._match_ids.append(self.vocab.strings.add(str(rule)))
        self._by_row.clear()
        rest = []
        for pattern in patterns:
            compiled = _compile(self.vocab, pattern)
            if compiled is None:
                rest.append(pattern)
                continue
            keyed = sorted((t for t in compiled[0] if t[1] in ("eq", "in")), key=_selectivity)
            if not keyed:
                self._scan.append((rule, compiled))
                continue
            col, op, operand = keyed[0]
            for value in operand if op == "in" else (operand,):
                self._index[col].setdefault(value, []).append((rule, compiled))
        if rest:
            self._rest.add(self._match_ids[rule], rest)

    def _rules_for(self, row: list[int]) -> tuple[list[int], list[tuple[int, Compiled]]]:
        """For a token with these values: the one-token rules it matches, the longer rules it opens."""
        if len(self._by_row) > _MAX_ROWS:
            self._by_row.clear()
        candidates = [c for col, by_value in enumerate(self._index) for c in by_value.get(row[col], ())]
        opening = [(rule, compiled) for rule, compiled in candidates + self._scan
                   if _passes(row, compiled[0], self.vocab.strings)]
        singles = [rule for rule, compiled in opening if len(compiled) == 1]
        return singles, [(rule, compiled) for rule, compiled in opening if len(compiled) > 1]

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule, match id, start, end) sorted by rule, as AttributeRuler.match returns them."""
        ids, strings = self._match_ids, self.vocab.strings
        matches = []
        if len(self._rest):
            found = self._rest(doc, allow_missing=True, as_spans=False)
            matches = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in found]
        rows = doc.to_array(_ARRAY).tolist()
        by_row = self._by_row
        for i, row in enumerate(rows):
            key = tuple(row)
            found_here = by_row.get(key)
            if found_here is None:
                found_here = by_row[key] = self._rules_for(row)
            singles, longer = found_here
            for rule in singles:
                matches.append((rule, ids[rule], i, i + 1))
            for rule, compiled in longer:
                if _matches_at(rows, i, compiled, strings):
                    matches.append((rule, ids[rule], i, i + len(compiled)))
        matches.sort()
        return matches


    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """As AttributeRuler's, without a Span per match (a rule's token index out of its match
        is left to the stock method, which raises the stock error)."""
        for rule, _, start, end in matches:
            index = self.indices[rule]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                super().set_annotations(doc, [(rule, _, start, end)])
            set_token_attrs(doc[at], self.attrs[rule])


def use_indexed_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Replace the pipeline's stock attribute ruler by the indexed one with the same rules."""
    if name not in nlp.pipe_names or isinstance(nlp.get_pipe(name), IndexedAttributeRuler):
        return
    patterns = nlp.get_pipe(name).patterns  # type: ignore[attr-defined]
    ruler = nlp.replace_pipe(name, "cw_attribute_ruler")
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
