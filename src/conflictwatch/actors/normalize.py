"""Text normalisation shared by alias lookup and pattern building."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-_/]+")
_SPACES = re.compile(r"\s+")
_LEADING = re.compile(r"^(?:(?:the|les?|la)\s+|(?:l|d|qu)')", re.IGNORECASE)


def strip_accents(text: str) -> str:
    """'Séléka' -> 'Seleka' (combining marks removed after NFKD)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def norm(text: str) -> str:
    """Key for case- and accent-insensitive lookup: 'the  Mai-Maï' -> 'mai mai'."""
    text = strip_accents(text.translate(_APOSTROPHES)).casefold()
    text = _DASHES.sub(" ", text)
    text = _SPACES.sub(" ", text).strip(" .,;:")
    return _LEADING.sub("", text).strip()


def norm_cased(text: str) -> str:
    """Key for case-sensitive lookup of acronyms: accents and spacing folded, case kept."""
    text = strip_accents(text.translate(_APOSTROPHES))
    return _SPACES.sub(" ", text).strip(" .,;:")


def is_acronym(alias: str) -> bool:
    """An all-capitals alias (FACT, US, ADF, SPLM-N) is matched case-sensitively."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and " " not in alias.strip() and all(c.isupper() for c in letters)
