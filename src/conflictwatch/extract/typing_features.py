"""Features for the event-type classifier, computed from one parsed span.

Four families (all binary): content lemmas (bigrams overfit our small data: dropped after
cross-validation); lexicon cue categories; who acts on
whom (for each cue verb, the side of its subject and object: state / armed / civilian / protester,
the codebook's first question); and the span's modality (negation, denial, threat, condition).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from conflictwatch.extract.typing_lexicon import Lexicon, is_month

STOP = frozenset(
    "the a an of and in on at to by for from with as is be was were been are this that these those "
    "it its their his her they he she we our which who whom whose there than then also into over "
    "after before during while about around near said say says according".split()
)
SIDES = ("state", "armed", "civilian", "protester")
SUBJ_DEPS = frozenset({"nsubj", "csubj"})
MODAL_AUX = frozenset({"will", "would", "could", "might", "may", "shall", "should", "can"})


GENERIC_PEOPLE = frozenset({"man", "men", "member", "personnel", "element", "people", "unit", "team", "officer"})


def side_of(tok: Token, side_map: dict[str, str]) -> str | None:
    """The side a noun (or its compound/amod modifiers) names, if the lexicon knows it.

    "armed men", "armed youths": an "armed" modifier makes any group of people an armed side."""
    if tok.n_lefts and any(c.dep_ == "amod" and c.lower_ in ("armed", "heavily-armed") for c in tok.lefts):
        return "armed"
    side = side_map.get(tok.lower_) or side_map.get(tok.lemma_.lower())
    if tok.lemma_.lower() in GENERIC_PEOPLE and tok.n_lefts:  # "military men", "militia members"
        for c in tok.lefts:
            mod = side_map.get(c.lemma_.lower()) if c.dep_ in ("compound", "amod") else None
            if mod in ("state", "armed"):
                return mod
    if side is None and tok.n_rights:  # "scores of soldiers", "a group of students"
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        side = side_map.get(g.lower_) or side_map.get(g.lemma_.lower())
                break
    if side is None and tok.n_lefts:
        for c in tok.lefts:
            if c.dep_ in ("compound", "amod"):
                side = side_map.get(c.lemma_.lower())
                if side:
                    break
    return side


def verb_args(verb: Token) -> tuple[list[Token], list[Token]]:
    """Semantic (actor, target) heads of a verb; a passive subject is the target."""
    subj: list[Token] = []
    obj: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            subj.append(c)
        elif c.dep_ == "nsubjpass":
            obj.append(c)
        elif c.dep_ == "agent":
            subj.extend(g for g in c.children if g.dep_ == "pobj")
        elif c.dep_ in ("dobj", "obj", "attr", "dative"):
            obj.append(c)
        elif c.dep_ == "prep":
            obj.extend(g for g in c.children if g.dep_ == "pobj")
    if verb.dep_ in ("acl", "relcl") and not subj:
        subj.append(verb.head)
    return subj, obj


def featurize(span: Span, lex: Lexicon, cues: dict[str, list[tuple[int, int]]] | None = None) -> dict[str, float]:
    """Binary feature dict for one span (Doc token indices in ``cues`` if already matched)."""
    if cues is None:
        cues = lex.match(span)
    feats: dict[str, float] = {}
    for t in span:
        if t.is_punct or t.is_space:
            continue
        if t.like_num or t.pos_ == "NUM" or is_month(t):
            continue
        lem = t.lemma_.lower()
        if lem in STOP or not any(ch.isalpha() for ch in lem):
            continue
        feats["w=" + lem] = 1.0
    for cat in cues:
        feats["cue=" + cat] = 1.0
    for ent in span.ents:
        feats["ent=" + ent.label_] = 1.0
    sides = lex.side_map
    doc = span.doc
    cue_verbs: dict[int, str] = {}
    for cat, hits in cues.items():
        if not cat.startswith("cues."):
            continue
        for start, end in hits:
            for i in range(start, end):
                tok = doc[i]
                if tok.pos_ in ("VERB", "NOUN", "AUX"):
                    cue_verbs.setdefault(i, cat[5:])
    for i, cat in cue_verbs.items():
        tok = doc[i]
        subj, obj = verb_args(tok)
        s_side = next((s for s in (side_of(x, sides) for x in subj) if s), None)
        o_side = next((s for s in (side_of(x, sides) for x in obj) if s), None)
        if tok.pos_ == "VERB":
            feats[f"v={tok.lemma_.lower()}|s={s_side}|o={o_side}"] = 1.0
            if s_side or o_side:
                feats[f"cv={cat}|s={s_side}|o={o_side}"] = 1.0
            if any(c.dep_ == "neg" for c in tok.children):
                feats["neg_cue"] = 1.0
            if any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in tok.children):
                feats["modal_cue"] = 1.0
            if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in lex.words("modality", "denial_verbs"):
                feats["denied_cue"] = 1.0
    for t in span:
        side = side_of(t, sides) if t.pos_ in ("NOUN", "PROPN", "PRON") else None
        if side:
            feats["side=" + side] = 1.0
            if t.dep_ in SUBJ_DEPS:
                feats["subj_side=" + side] = 1.0
    root = span.root
    feats["root=" + root.lemma_.lower()] = 1.0
    if any(t.dep_ == "nsubjpass" for t in span):
        feats["passive"] = 1.0
    return feats
