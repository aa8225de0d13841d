"""Name keys: the one normalisation used to build and to query the gazetteer index.

``key("Sévaré")`` == ``key("Sevare")``, ``key("N'Djamena")`` == ``key("Ndjamena")``,
``key("U.S.")`` == ``key("US")``. Names that keep no Latin letter (Cyrillic, Arabic script...)
give an empty key and are left out of the index: the texts we code are English.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DROP = re.compile(r"[.'’‘`´ʼ]")
_SPACE = re.compile(r"[^a-z0-9]+")
_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                           "ł": "l", "Ł": "L", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th"})


@lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """Lower-case ASCII key of a place name: accents, dots and apostrophes dropped, other
    punctuation turned into single spaces (memoised: an article asks for the same names often)."""
    s = unicodedata.normalize("NFKD", name.translate(_TRANSLIT))
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    s = _DROP.sub("", s)
    return _SPACE.sub(" ", s).strip()


def is_latin(name: str) -> bool:
    """True when most letters of ``name`` are Latin (so its key means the same thing)."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin / len(letters) >= 0.8


_ARTICLES = {"al", "el", "an", "ar", "as", "ash", "at", "ad", "az", "en", "er", "es", "ul", "ur", "ud"}
_VOWELS = re.compile(r"[aeiouy]")
_SOUND = (("ph", "f"), ("q", "k"), ("c", "k"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("sh", "s"),
          ("ch", "s"), ("z", "s"), ("w", "u"), ("j", "g"))


def skeleton(name: str) -> str:
    """A coarse spelling-independent form for transliterated names: "Maarat al-Numan",
    "Ma'arrat an-Nu'man" and "Maarat al-Numaan" share one. Articles become "l", each word
    keeps its first letter and its consonants, doubled letters collapse."""
    out = []
    for w in key(name).split():
        if w in _ARTICLES:
            out.append("l")
            continue
        for a, b in _SOUND:
            w = w.replace(a, b)
        head, rest = w[0], _VOWELS.sub("", w[1:])
        s = head + rest
        out.append(re.sub(r"(.)\1+", r"\1", s))
    return " ".join(out)
