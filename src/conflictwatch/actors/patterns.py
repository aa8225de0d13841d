"""SpanRuler patterns built from the knowledge base.

* ``ACTOR``: every alias of every actor. Lower-case phrase patterns (matched on LOWER, with an
  accent-free variant); all-capital aliases (FACT, ADF, US) as case-sensitive token patterns.
  ``id`` is the actor that the alias denotes when nothing else is known; roles.py re-resolves
  with the event's year and country.
* ``ACTOR_DESC``: descriptor nouns ("gunmen", "villagers"); ``id`` is the noun's class.
* ``CW_QUALIFIER`` (demonyms, country names, ethnic groups), ``CW_ADJECTIVE`` and
  ``CW_GROUP_NOUN``: pieces the component joins to an adjacent descriptor ("Malian soldiers",
  "Mali's army", "soldats maliens", "Fulani herders", "Islamist militia", "groupe terroriste").
All are phrase patterns (PhraseMatcher on LOWER) except all-capital aliases: a token Matcher with
optional slots over large word lists cost as much as the tagger, the PhraseMatcher almost nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from conflictwatch.actors.normalize import is_acronym, strip_accents

if TYPE_CHECKING:
    from conflictwatch.actors.kb import ActorKB

_tokenizer: Any = None


def _tokens(text: str) -> list[str]:
    global _tokenizer
    if _tokenizer is None:
        import spacy

        _tokenizer = spacy.blank("en").tokenizer
    return [t.text for t in _tokenizer(text)]


_ELISIONS = ("l'", "d'", "qu'")


def _variants(alias: str) -> set[str]:
    """Spellings to match: as written, without accents, with French elision glued on
    ("l'Etat islamique", "d'éleveurs": one token for the English tokenizer), curly apostrophes."""
    out = {alias, strip_accents(alias)}
    if strip_accents(alias[:1]).lower() in "aeiouh" and not is_acronym(alias):
        out |= {e + v for e in _ELISIONS for v in list(out)}
    out |= {v.replace("'", "\u2019") for v in list(out) if "'" in v}
    return out


# Internal labels: the component joins a qualifier (demonym, country, ethnic group) to the
# descriptor noun next to it, and an adjective to a group noun; they never reach doc.spans.
QUALIFIER = "CW_QUALIFIER"
ADJECTIVE = "CW_ADJECTIVE"
GROUP_NOUN = "CW_GROUP_NOUN"


def build_patterns(kb: ActorKB) -> list[dict]:
    patterns: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for actor in kb.actors.values():
        if actor.generic:
            continue
        for alias in (actor.name, *actor.aliases):
            default = kb.pick(kb.candidates(alias), None, None).name
            if is_acronym(alias):
                key = ("cs", alias)
                if key not in seen:
                    seen.add(key)
                    toks = [{"ORTH": t} for t in _tokens(alias)]
                    patterns.append({"label": "ACTOR", "pattern": toks, "id": default})
                continue
            for v in _variants(alias):
                key = ("ci", v.lower())
                if key not in seen:
                    seen.add(key)
                    patterns.append({"label": "ACTOR", "pattern": v, "id": default})
    data = kb.data
    nouns: dict[str, str] = {}
    for cls, words in data.classes.items():
        for w in words:
            nouns.setdefault(w, cls)
    for words in data.groups.values():
        for w in words:
            nouns.setdefault(w, "civilians")
    for noun, cls in nouns.items():
        patterns += _phrases(noun, "ACTOR_DESC", cls)
    quals: set[str] = set()
    for name, c in kb.countries.items():
        quals.update((name, *c.demonyms))
        if c.fr:
            quals.add(c.fr)
    for table in (data.ethnic, data.clan):
        for g in table.values():
            quals.update(g.aliases)
            if g.alone:
                for a in g.aliases:
                    patterns += _phrases(a, "ACTOR_DESC", "civilians")
    for q in sorted(quals):
        patterns += _phrases(q, QUALIFIER, "")
    for a in sorted(set(data.adjectives)):
        patterns += _phrases(a, ADJECTIVE, "")
    for n in sorted(set(data.group_nouns)):
        patterns += _phrases(n, GROUP_NOUN, "")
    return patterns


def _phrases(text: str, label: str, pid: str) -> list[dict]:
    if is_acronym(text):
        return [{"label": label, "pattern": [{"ORTH": t} for t in _tokens(text)], "id": pid}]
    return [{"label": label, "pattern": v, "id": pid} for v in sorted(_variants(text))]
