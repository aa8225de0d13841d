"""SpanRuler patterns built from the knowledge base.

* ``ACTOR``: every alias of every actor. Lower-case phrase patterns (matched on LOWER, with an
  accent-free variant); all-capital aliases (FACT, ADF, US) as case-sensitive token patterns.
  ``id`` is the actor that the alias denotes when nothing else is known; roles.py re-resolves
  with the event's year and country.
* ``ACTOR_DESC``: descriptor nouns alone ("gunmen", "villagers") and after a qualifier of one to
  three tokens that is a demonym, a country name or an ethnic group ("Malian soldiers",
  "Burkina Faso army", "Fulani herders"), or before it in French order ("soldats maliens").
  ``id`` is the noun's class; the component adds the country/group that the qualifier gives.
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


_FUNCTION_WORDS = frozenset({"of", "and", "the", "de", "du", "des", "la", "le", "et", "-"})


def _qualifier_slots(words: set[str]) -> list[dict[str, Any]]:
    """Up to three tokens of a qualifier: optional first, optional middle, required last.
    Function words are left out of the optional slots ("of Mali's army" is not a qualifier)."""
    firsts, mids, lasts = set(), set(), set()
    for w in words:
        toks = [t.lower() for t in _tokens(w)]
        if len(toks) > 3:
            continue
        lasts.add(toks[-1])
        if len(toks) >= 2:
            firsts.add(toks[0])
        if len(toks) == 3:
            mids.add(toks[1])
    firsts -= _FUNCTION_WORDS
    mids -= _FUNCTION_WORDS
    slots: list[dict[str, Any]] = []
    if firsts:
        slots.append({"LOWER": {"IN": sorted(firsts)}, "OP": "?"})
    if mids:
        slots.append({"LOWER": {"IN": sorted(mids)}, "OP": "?"})
    slots.append({"LOWER": {"IN": sorted(lasts)}})
    return slots


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
                    patterns.append({"label": "ACTOR_DESC", "pattern": a, "id": "civilians"})
    quals = {q for v in quals for q in _variants(v) if not is_acronym(q)}
    slots = _qualifier_slots(quals)
    single: dict[str, set[str]] = {}
    ntoks: list[dict[str, Any]]
    for noun, cls in nouns.items():
        for v in _variants(noun):
            if is_acronym(v):
                ntoks = [{"ORTH": t} for t in _tokens(v)]
                patterns.append({"label": "ACTOR_DESC", "pattern": ntoks, "id": cls})
                patterns.append({"label": "ACTOR_DESC", "pattern": [*slots, *ntoks], "id": cls})
                continue
            patterns.append({"label": "ACTOR_DESC", "pattern": v, "id": cls})
            lowered = [t.lower() for t in _tokens(v)]
            if len(lowered) == 1:
                single.setdefault(cls, set()).add(lowered[0])
                continue
            ntoks = [{"LOWER": t} for t in lowered]
            patterns.append({"label": "ACTOR_DESC", "pattern": [*slots, *ntoks], "id": cls})
            patterns.append({"label": "ACTOR_DESC", "pattern": [*ntoks, slots[-1]], "id": cls})
    possessive = {"ORTH": {"IN": ["'s", "\u2019s"]}}
    for cls, word_set in single.items():  # one pattern per class and word order
        noun_slot = {"LOWER": {"IN": sorted(word_set)}}
        patterns.append({"label": "ACTOR_DESC", "pattern": [*slots, noun_slot], "id": cls})
        patterns.append({"label": "ACTOR_DESC", "pattern": [*slots, possessive, noun_slot], "id": cls})
        patterns.append({"label": "ACTOR_DESC", "pattern": [noun_slot, slots[-1]], "id": cls})
    adjectives = {"LOWER": {"IN": sorted({a.lower() for a in data.adjectives})}}
    group_nouns = {"LOWER": {"IN": sorted({n.lower() for n in data.group_nouns})}}
    patterns.append({"label": "ACTOR_DESC", "pattern": [adjectives, group_nouns], "id": "armed_group"})
    patterns.append({"label": "ACTOR_DESC", "pattern": [group_nouns, adjectives], "id": "armed_group"})
    return patterns
