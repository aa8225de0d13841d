"""Split sentences into clauses with the dependency parse, so one sentence can carry two events.

"The attack on the airport was the first in the capital since 2015, when terrorists stormed a
hotel and killed 20 people." holds a reference to the current attack and a past event: the
``when`` clause has its own subject and verb, so it becomes a clause of its own, and
``anchor`` records the token it hangs on ("2015"), where its date may be found.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

# Dependency labels that start a clause of their own when the verb has its own subject.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "conj", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
MIN_CLAUSE_TOKENS = 4


@dataclass(frozen=True)
class Clause:
    span: Span  # contiguous tokens of the clause (sub-clauses cut away at its edges)
    head: Token  # the clause's verb
    anchor: Token | None  # the token outside the clause that it attaches to


def _is_clause_head(tok: Token) -> bool:
    if tok.dep_ == "ROOT":
        return True
    if tok.dep_ not in CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def _owner(tok: Token, heads: set[int]) -> int:
    while tok.i not in heads and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def split_clauses(sent: Span) -> list[Clause]:
    """Clauses of a sentence in text order; a sentence with one clause comes back whole."""
    doc: Doc = sent.doc
    heads = {t.i for t in sent if _is_clause_head(t)}
    root = sent.root.i
    heads.add(root)
    if len(heads) == 1:
        return [Clause(sent, sent.root, None)]
    members: dict[int, list[int]] = {h: [] for h in heads}
    for tok in sent:
        members[_owner(tok, heads)].append(tok.i)
    clauses: list[Clause] = []
    for h, idx in members.items():
        if len(idx) < MIN_CLAUSE_TOKENS and h != root:
            members[_owner(doc[h].head, heads - {h})].extend(idx)
            continue
    for h in sorted(heads):
        idx = sorted(members[h])
        if not idx or (len(idx) < MIN_CLAUSE_TOKENS and h != root):
            continue
        # the longest contiguous run that contains the head
        runs: list[list[int]] = [[idx[0]]]
        for i in idx[1:]:
            if i == runs[-1][-1] + 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        run = next((r for r in runs if h in r), max(runs, key=len))
        head_tok = doc[h]
        anchor = head_tok.head if h != root else None
        clauses.append(Clause(doc[run[0] : run[-1] + 1], head_tok, anchor))
    clauses.sort(key=lambda c: c.span.start)
    return clauses or [Clause(sent, sent.root, None)]
