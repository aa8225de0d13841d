"""Sentence starts the text itself fixes, set before the parser so that it keeps to them.

The small model's parser sometimes starts a sentence in the middle of a name ("... the Islamic
State | Sahel Province entered a hamlet ...") and runs a heading into the line after it. Two facts
of written text settle most of these: a line break ends a sentence, and a sentence starts only
after a full stop, question or exclamation mark, colon, semicolon, closing quote or bracket, or a
line break. The parser still decides everywhere else.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_ENDS = frozenset(".!?…:;\"”’')]-—–")  # and a dateline's dash


@Language.component("cw_sentence_starts")
def sentence_starts(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.is_space:
            continue
        if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif prev.text[-1:] not in _ENDS and not prev.is_space:
            tok.is_sent_start = False
    return doc


def add_sentence_starts(nlp: Language) -> None:
    """Put the component before the parser (no-op when the model has no parser)."""
    if "parser" in nlp.pipe_names and "cw_sentence_starts" not in nlp.pipe_names:
        nlp.add_pipe("cw_sentence_starts", before="parser")
