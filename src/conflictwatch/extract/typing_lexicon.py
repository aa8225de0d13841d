"""The event-typing lexicon (word lists kept as data in ``data/training/typing_lexicon.yaml``).

``Lexicon.match(span)`` finds every cue in a span on consecutive lower-cased lemmas or words,
and returns ``{category: [(first_token_i, last_token_i_exclusive), ...]}`` with Doc token indices.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from conflictwatch.errors import ModelError

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "training" / "typing_lexicon.yaml"
MAX_N = 5


def _phrase_key(phrase: str) -> tuple[str, ...]:
    parts = [p for p in re.split(r"(\s+|-)", phrase.lower()) if p.strip()]
    return tuple(parts)


# Month names that are also cue words ("March" is no march, "May" no modal): inside a date they
# match nothing. Every one-line note starts with a date ("On 3 March 2022, gendarmes arrested ...").
MONTH_CUES = frozenset({"march", "may"})
_MONTH = "<month>"
MONTH_LEAD = frozenset({"in", "of", "since", "early", "late", "mid", "last", "next", "until", "by", "from", "-"})


def is_month(tok: Token) -> bool:
    """A month name that is also a cue word, used as a month."""
    if tok.lower_ not in MONTH_CUES or not tok.text[:1].isupper():
        return False
    if tok.ent_type_ == "DATE":
        return True
    doc = tok.doc
    before = doc[tok.i - 1] if tok.i > 0 else None
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if before is not None and (before.like_num or before.lower_ in MONTH_LEAD):
        return True  # "3 March", "in March", "since May"
    return after is not None and after.like_num  # "March 3", "May 2022"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix stripper so that 'raped', 'kidnapped', 'clashes' meet 'rape', 'kidnap', 'clash'
    whatever the lemmatizer made of them."""
    w = word.lower()
    for suf in ("ings", "ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w


class Lexicon:
    """Cue words grouped as ``group -> category -> phrases`` (groups: cues, sides, modality, topics)."""

    def __init__(self, data: dict[str, dict[str, list[str]]]) -> None:
        self.data = data
        index: dict[tuple[str, ...], set[str]] = {}
        self.irregular = dict(
            str(f).split("=", 1) for f in data.get("irregular", {}).get("forms", []) if "=" in str(f)
        )
        self._sets = {
            (group, cat): frozenset(str(p).lower() for p in phrases)
            for group, cats in data.items()
            for cat, phrases in cats.items()
        }
        for group, cats in data.items():
            for cat, phrases in cats.items():
                for phrase in phrases:
                    if group == "irregular":
                        continue
                    key = _phrase_key(str(phrase))
                    if key:
                        index.setdefault(key, set()).add(f"{group}.{cat}")
                        skey = tuple("S:" + stem(k) for k in key)
                        index.setdefault(skey, set()).add(f"{group}.{cat}")
        # sorted, so that feature order never depends on string hashing
        self.index: dict[tuple[str, ...], tuple[str, ...]] = {k: tuple(sorted(v)) for k, v in index.items()}
        # word -> side (the first side listing it, in the order of the YAML file)
        self.side_map: dict[str, str] = {}
        for side, words in data.get("sides", {}).items():
            for w in words:
                self.side_map.setdefault(str(w).lower(), side)
        # first words of multi-word entries: only these open a longer look-up
        self.starts = frozenset(k[0] for k in self.index if len(k) > 1)

    def words(self, group: str, cat: str) -> frozenset[str]:
        return self._sets.get((group, cat), frozenset())

    def match(self, span: Span) -> dict[str, list[tuple[int, int]]]:
        lowers = [_MONTH if is_month(t) else t.lower_ for t in span]
        lemmas = [_MONTH if is_month(t) else t.lemma_.lower() for t in span]
        irr = self.irregular
        stems = ["S:" + stem(irr.get(w, w)) for w in lowers]
        found: dict[str, list[tuple[int, int]]] = {}
        index, starts = self.index, self.starts
        n_tok = len(lemmas)
        base = span.start
        for seq in (lemmas, lowers, stems):
            for i in range(n_tok):
                longest = min(MAX_N, n_tok - i) if seq[i] in starts else 1
                for n in range(1, longest + 1):
                    cats = index.get(tuple(seq[i : i + n]))
                    if cats:
                        hit = (base + i, base + i + n)
                        for cat in cats:
                            hits = found.setdefault(cat, [])
                            if hit not in hits:
                                hits.append(hit)
        return found


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Load (once) and index the lexicon. A missing or broken file is a ModelError."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot read the typing lexicon {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelError(f"the typing lexicon {path} is not a mapping of groups")
    return Lexicon(data)
