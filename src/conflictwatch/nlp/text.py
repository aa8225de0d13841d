"""The text of a Doc, built once: ``Doc.text`` joins every token on each access."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "cw_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def doc_length(doc: Doc) -> int:
    """Characters in the Doc's text, without building it."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
