"""Sentence starts the text itself fixes, set before the parser so that it keeps to them.

The small model's parser sometimes starts a sentence in the middle of a name ("... the Islamic
State | Sahel Province entered a hamlet ...") and runs a heading into the line after it. Two facts
of written text settle most of these: a line break ends a sentence, and a sentence starts only
after a full stop, question or exclamation mark, colon, semicolon, closing quote or bracket, or a
line break. The parser still decides everywhere else.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from thinc.types import Ints2d

_NOT_A_START = 2**64 - 1  # -1 as to_array and from_array hold SENT_START (uint64)
_ENDS = frozenset(".!?…:;\"”’')]-—–")  # and a dateline's dash


@Language.component("cw_sentence_starts")
def sentence_starts(doc: Doc) -> Doc:
    # read and written as arrays: a Token object per word cost as much as the attribute ruler
    rows = doc.to_array([ORTH, SENT_START])
    strings = doc.vocab.strings
    prev = ""
    for i, (orth, start) in enumerate(rows.tolist()):
        text = strings[orth]
        if i and not text.isspace():
            if prev.isspace() and "\n" in prev:  # a token's trailing whitespace is one space at most
                start = 1
            elif prev[-1:] not in _ENDS and not prev.isspace():
                start = _NOT_A_START
            rows[i, 1] = start
        prev = text
    doc.from_array([SENT_START], cast(Ints2d, rows[:, 1:2]))
    return doc


def add_sentence_starts(nlp: Language) -> None:
    """Put the component before the parser (no-op when the model has no parser)."""
    if "parser" in nlp.pipe_names and "cw_sentence_starts" not in nlp.pipe_names:
        nlp.add_pipe("cw_sentence_starts", before="parser")
