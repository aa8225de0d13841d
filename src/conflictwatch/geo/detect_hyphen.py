"""Places joined by a hyphen to another word ("US-based", "Los Angeles-based", "Asia-Pacific")."""

from __future__ import annotations

from spacy.tokens import Doc

from conflictwatch.geo.detect_lookup import BIG_CODES, best_code
from conflictwatch.geo.gazetteer import Gazetteer

#: "US-based", "Mali-led", "Paris-born": a place before the hyphen qualifies the word after it.
HYPHEN_QUALIFIED = {"based", "led", "born", "backed", "owned", "made", "funded", "bound", "registered", "run",
                    "controlled", "held", "occupied", "allied", "brokered", "sponsored", "headquartered", "grown",
                    "bred", "raised", "area", "wide"}
HYPHEN_PREFIXES = {"pan", "sub", "anti", "pro", "trans", "neo", "non", "ex", "post", "pre", "inter", "afro", "euro"}


def _big_place(gaz: Gazetteer, text: str, pop_floor: float = 100_000) -> bool:
    code, pop = best_code(gaz, text)
    return code is not None and (code in BIG_CODES | {"RGN", "OCN", "SEA"} or (code.startswith("PPL") and pop >= pop_floor))


def hyphen_parts(doc: Doc, gaz: Gazetteer, taken: list[bool], texts: list[str]) -> list[tuple[int, int, int]]:
    """Places joined by a hyphen to another word ("US-based", "U.S.-led", "Los Angeles-based",
    "IBA-Karachi", "Asia-Pacific") when the whole is no name the gazetteer knows: (token, start
    char, end char) of each place part, a country, province, region or city of 100,000 people.
    Not inside a person's name ("Diaz-Balart"), not after a prefix ("Pan-Igbo", "Sub-Saharan")."""
    out: list[tuple[int, int, int]] = []
    hyphens = [i for i, x in enumerate(texts) if "-" in x]
    if not hyphens:
        return out
    candidates = sorted({i for i in hyphens if len(texts[i]) > 1} | {i - 1 for i in hyphens if texts[i] == "-" and i > 0})
    for i in candidates:
        t = doc[i]
        if taken[t.i] or t.ent_type_ == "PERSON" and t.i + 2 < len(doc) and doc[t.i + 2].lower_ not in HYPHEN_QUALIFIED:
            continue
        if "-" in t.text:  # one token: "U.S.-led"
            head, _, rest = t.text.partition("-")
            if head[:1].isupper() and rest.lower() in HYPHEN_QUALIFIED and _big_place(gaz, head):
                out.append((t.i, t.idx, t.idx + len(head)))
            continue
        if t.i + 2 >= len(doc) or doc[t.i + 1].text != "-" or t.whitespace_ or doc[t.i + 1].whitespace_:
            continue
        if not t.text[:1].isupper() or t.lower_ in HYPHEN_PREFIXES:
            continue
        nxt = doc[t.i + 2]
        if nxt.lower_ in HYPHEN_QUALIFIED:  # "Los Angeles-based": the name may start a word or two back
            for k in (2, 1, 0):
                if t.i - k >= 0 and all(x.text[:1].isupper() and x.whitespace_ for x in doc[t.i - k : t.i]):
                    if not any(taken[x.i] for x in doc[t.i - k : t.i + 1]) and _big_place(gaz, doc[t.i - k : t.i + 1].text):
                        out.append((t.i, doc[t.i - k].idx, t.idx + len(t)))
                        break
            continue
        after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
        if not nxt.text[:1].isupper() or taken[nxt.i] or (after is not None and after.text[:1].isupper()):
            continue  # "Sub-Saharan Africa": the name goes on
        whole = best_code(gaz, f"{t.text}-{nxt.text}")[0]
        parts = {best_code(gaz, t.text)[0], best_code(gaz, nxt.text)[0]}
        if whole is not None and not (whole == "RGN" and parts <= {"CONT", "OCN", "SEA", "RGN"}):
            continue  # "Guinea-Bissau" is one name; "Asia-Pacific" is two, a continent and an ocean
        if t.ent_type_ == "PERSON" or nxt.ent_type_ == "PERSON":
            continue
        for x in (t, nxt):
            if _big_place(gaz, x.text):
                out.append((x.i, x.idx, x.idx + len(x)))
    return out
