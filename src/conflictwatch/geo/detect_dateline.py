"""Datelines: a capitalised name opening a sentence before a dash, a bracket, its province or
country, or a date ("GAO (Reuters)", "DJIBO, Burkina Faso —", "KYIV, 3 February -")."""

from __future__ import annotations

from spacy.tokens import Span

from conflictwatch.geo.detect_lookup import best_code
from conflictwatch.geo.detect_words import DATE_WORDS
from conflictwatch.geo.gazetteer import Gazetteer


def is_dateline(span: Span, gaz: Gazetteer | None = None) -> bool:
    """A capitalised name opening a sentence before a dash, colon or bracket, or before its
    country or province: "IMMOKALEE –", "GAO (Reuters)", "DJIBO, Burkina Faso —" (the tagger often
    gives such words no entity or an organisation's, and a common part of speech)."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if not (span[0].is_sent_start and span.text.isupper() and len(span.text) > 3 and nxt is not None):
        return False
    return (nxt.text in {"—", "–", "-", "--", ":", "("} or (gaz is not None and province_after(span, gaz))
            or _date_after(span))


def _date_after(span: Span) -> bool:
    """"KYIV, 3 February -", "MOPTI, March 12 —": a comma, a date and a dash after the name."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != ",":
        return False
    words = doc[span.end + 1 : span.end + 6]
    dated = False
    for t in words:
        if t.text in {"—", "–", "-", "--"}:
            return dated
        if not (t.like_num or t.lower_.rstrip(".") in DATE_WORDS or t.text == ","):
            return False
        dated = dated or t.lower_.rstrip(".") in DATE_WORDS
    return False


def province_after(span: Span, gaz: Gazetteer) -> bool:
    """"Klamath Falls, Oregon": a comma and a province or country after the name."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    for size in (5, 4, 3, 2, 1):  # "Democratic Republic of Congo": small words inside the name
        after = doc[span.end + 1 : span.end + 1 + size]
        if len(after) == size and after[0].text[:1].isupper() and after[-1].text[:1].isupper() and all(
                t.text[:1].isupper() or t.lower_ in {"of", "the", "and"} for t in after):
            code, _ = best_code(gaz, after.text)
            if code in {"ADM1", "PCLI"}:
                return True
    return False
