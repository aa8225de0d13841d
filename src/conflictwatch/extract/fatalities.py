"""Fatality counts in news text, coded the way the ACLED codebook codes them.

Pure functions, no I/O. :func:`find_fatalities` reads one span (a clause or sentences of
one event mention) and returns every victim count it states, with the kind of harm, who
said so and whether it is a statistic rather than one event's toll; :func:`reconcile`
turns the counts of one event into ``(best, low, high)``.

Conventions (ACLED codebook where it speaks, ours where it does not):

* "at least N", "more than N", "over N", "nearly/about/around N" -> N.
* ranges "between 10 and 15", "10-15", "10 to 15", "two or three" -> best = low = the
  lowest, high = the highest.
* "up to N" (our choice): best = high = N, low = 1; the text only bounds the toll.
* "a dozen" = 12, "dozens" = 12, "half a dozen" = 6, "scores" = 20 (one score, our choice:
  the codebook is silent), "hundreds" = 100, "thousands" = 1000, "tens of thousands" =
  10000; "several", "many", "numerous", "a number of", "multiple" = 10 for a large event
  (battle, massacre: ``large_event=True``) else 3; "a few", "a handful" = 3. These are
  ``vague``.
* "a soldier", "one civilian" = 1; "no one", "nobody", "no deaths" = 0.
* Injured, wounded, missing or abducted people are returned with their stated count and
  their own ``kind``; only ``"killed"`` counts as fatalities, so an event with casualties
  but no deaths reconciles to 0. "killed and injured" counts as killed.
* Victim groups joined in one clause are summed ("killed 3 soldiers and 2 civilians" = 5);
  a part of a stated total ("including 3 children", "among them") is not returned.
* Conflicting reports keep the lowest as best and the whole range (low, high).
* A statistic over a period or a region ("this year", "since 2012", "so far", "in total",
  "across", "over the past", "the conflict has killed", 1,000 or more) is ``aggregate``:
  it is never one event's toll.

The dependency parse decides who the victims are (the object of "kill", the subject of
"die", "were killed"); without a parse a token window stands in for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel
from spacy.tokens import Doc, Span, Token
from text_to_num import text2num

__all__ = ["FatalityMention", "Kind", "find_fatalities", "parse_number", "reconcile"]

Kind = Literal["killed", "injured_only", "missing", "abducted"]


class FatalityMention(BaseModel):
    """One stated count of victims (character offsets into the Doc's text)."""

    start: int
    end: int
    text: str
    best: int
    low: int
    high: int
    kind: Kind
    attribution: str | None = None
    aggregate: bool = False
    incidents: bool = False  # aggregate over several incidents told together (they are events)
    vague: bool = False
    victims: str | None = None  # the victim noun's lemma ("soldier", "people"), when stated


# --------------------------------------------------------------------------- lexicon
VAGUE_FIXED = {
    "dozen": 12,
    "dozens": 12,
    "scores": 20,
    "score": 20,
    "hundreds": 100,
    "thousands": 1000,
    "tens": 10,
    "few": 3,
    "handful": 3,
}
VAGUE_BY_SCALE = {"several", "many", "numerous", "multiple", "countless"}
LARGE_SCALE, SMALL_SCALE = 10, 3
AGGREGATE_MIN = 1000

_UNITS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_MODIFIERS_BEFORE = {
    ("at", "least"): "min",
    ("more", "than"): "min",
    ("over",): "min",
    ("nearly",): "approx",
    ("almost",): "approx",
    ("about",): "approx",
    ("around",): "approx",
    ("approximately",): "approx",
    ("roughly",): "approx",
    ("some",): "approx",
    ("an", "estimated"): "approx",
    ("estimated",): "approx",
    ("up", "to"): "upto",
    ("as", "many", "as"): "upto",
    ("at", "most"): "upto",
    ("fewer", "than"): "upto",
    ("less", "than"): "upto",
}
KILL = {
    "kill", "murder", "massacre", "slaughter", "execute", "behead", "slay", "assassinate", "lynch",
    "die", "perish", "dead", "death", "fatality", "toll", "body", "corpse", "killing",
    # military communiqués: "neutralised 30 terrorists" reports them killed
    "neutralise", "neutralize", "eliminate",
    "burn",  # only with "alive"/"to death", checked below
}  # fmt: skip
KILL_TRANSITIVE = {
    "kill", "murder", "massacre", "slaughter", "execute", "behead", "slay", "assassinate", "lynch",
    "neutralise", "neutralize", "eliminate",
}  # fmt: skip
INJURE = {
    "injure", "wound", "hurt", "maim", "casualty", "injury", "injured", "wounded", "hospitalise",
    "hospitalize",
}  # fmt: skip
MISSING = {"missing", "miss", "disappear", "unaccounted"}
ABDUCT = {"abduct", "kidnap", "hostage", "captive", "capture", "abductee", "kidnapping", "abduction"}
SAY = {"say", "report", "claim", "tell", "state", "announce", "confirm", "put", "estimate", "count", "record"}
NOT_PEOPLE = {
    "house", "home", "vehicle", "car", "truck", "village", "school", "shop", "cattle", "cow",
    "goat", "sheep", "camel", "livestock", "head", "km", "kilometre", "kilometer", "mile", "meter",
    "metre", "dollar", "euro", "franc", "naira", "percent", "per", "%", "year", "month", "week",
    "day", "hour", "minute", "time", "aircraft", "plane", "drone", "tonne", "ton", "round", "shell",
    "weapon", "gun", "rifle", "attack", "incident", "event", "raid", "strike", "ied", "device",
    "mine", "landmine", "explosive", "bomb", "base", "camp", "position", "motorcycle", "motorbike",
    "depot", "hideout", "cell",
}  # fmt: skip
PERSON_SINGULAR = {
    "person", "soldier", "civilian", "man", "woman", "child", "boy", "girl", "policeman",
    "policewoman", "officer", "gendarme", "teacher", "farmer", "herder", "student", "journalist",
    "worker", "fighter", "militant", "trader", "chief", "imam", "pastor", "priest", "nurse",
    "doctor", "driver", "villager", "resident", "guard", "commander", "leader", "peacekeeper",
    "member", "protester", "demonstrator", "official", "mayor", "passenger", "pupil", "volunteer",
    "miner", "elder", "baby", "infant",
    "serviceman", "servicewoman", "sergeant", "corporal", "captain", "lieutenant", "colonel",
    "general", "major", "marine", "paratrooper", "cop", "militiaman", "rebel", "insurgent",
    "jihadist", "attacker", "assailant", "gunman", "bomber", "activist", "politician", "lawmaker",
    "deputy", "senator", "minister", "governor", "councillor", "youth", "teenager", "worshipper",
    "pilgrim", "refugee", "migrant", "hunter", "fisherman", "herdsman", "shepherd", "vendor",
    "merchant", "businessman", "engineer", "contractor", "employee", "inmate", "prisoner",
    "detainee", "suspect", "ranger", "headman", "emir", "cleric", "monk", "nun", "bishop",
}  # fmt: skip
GENERIC_VICTIMS = {
    "people", "person", "persons", "other", "others", "individual", "victim", "death", "fatality",
    "dead", "body", "corpse", "life", "live", "casualty", None,
}  # fmt: skip

_SUBSET_CUES = {"including", "among", "includes", "included"}
_AGGREGATE_RE = re.compile(
    r"\b(?:this\s+year|so\s+far|to\s+date|since|in\s+total|a\s+total\s+of|total\s+of|across"
    r"|over\s+the\s+(?:past|last)|in\s+the\s+(?:past|last)\s+\w+\s+(?:years|months|decades)"
    r"|in\s+recent\s+(?:years|months|weeks)|each\s+year|every\s+year|per\s+year|a\s+year|annually"
    r"|per\s+month|a\s+month|nationwide|countrywide|between\s+(?:19|20)\d\d\s+and"
    r"|(?:19|20)\d\d\s+and\s+(?:19|20)\d\d"
    r"|the\s+(?:conflict|war|insurgency|rebellion|crisis)\b|extremism|terrorism"
    r"|for\s+(?:years|decades)|a\s+decade|decades?"
    r"|in\s+(?:\w+\s+)?(?:states|provinces|regions|countries|districts|departments|counties))\b",
    re.IGNORECASE,
)


# a toll over several incidents told together ("in separate attacks", "in a series of raids"): not
# one event's toll, but the incidents are events (unlike a statistic over a period or a region)
_INCIDENTS_RE = re.compile(
    r"\b(?:series\s+of|separate|several|multiple|repeated|various|a\s+string\s+of|a\s+wave\s+of)\s+(?:[\w-]+\s+){0,2}"
    r"(?:attacks|incidents|raids|strikes|clashes|bombings|operations)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- numbers
_DIGITS_RE = re.compile(r"^\d{1,3}(?:[,\s]\d{3})+$|^\d+$")
_DECIMAL_RE = re.compile(r"^\d+(?:\.\d+)?$")


def parse_number(text: str) -> int | None:
    """The count a number expression states, by the codebook's conventions.

    Digits ("11,200"), number words ("eleven thousand two hundred", "twenty-one"), scaled
    figures ("1.2 million"), "a dozen", "dozens", "scores", "hundreds"; a leading "at
    least"/"more than"/"about" is ignored; a range gives its lowest figure. Scale-dependent
    words ("several", "many") return ``None``: :func:`find_fatalities` resolves them.
    """
    words = re.sub(r"[()]", " ", text.lower().replace("\u2011", "-")).split()
    words = [w.strip(",.;:") for w in words if w.strip(",.;:")]
    words = _strip_modifiers(words)[0]
    if not words:
        return None
    joined = " ".join(words)
    rng = re.match(r"^(?:between\s+)?(.+?)\s*(?:-|–|to|and|or)\s*(.+)$", joined)
    if rng and words[0] not in {"a", "an", "half"} and "hundred" not in joined.split(" and ")[0][-8:]:
        low, high = _single(rng.group(1)), _single(rng.group(2))
        if low is not None and high is not None and low <= high:
            return low
    return _single(joined)


def _single(text: str) -> int | None:
    t = text.strip().lower()
    t = re.sub(r"^(?:an?|one)\s+(?=dozen|hundred|thousand|million|score\b|few\b|handful\b)", "", t)
    if t in {"a", "an"}:
        return 1
    if t.startswith("half a dozen") or t == "half-dozen":
        return 6
    if t in VAGUE_FIXED:
        return VAGUE_FIXED[t]
    m = re.match(r"^(.+?)\s+(dozens?|scores?)$", t)  # "three dozen", "two score"
    if m:
        factor = _single(m.group(1))
        return None if factor is None else factor * (12 if m.group(2).startswith("dozen") else 20)
    m = re.match(r"^(tens|hundreds)\s+of\s+(thousands|millions)$", t)
    if m:
        return (10 if m.group(1) == "tens" else 100) * (1000 if m.group(2) == "thousands" else 1_000_000)
    if t in {"dozen", "hundred", "thousand", "million", "score"}:
        return {"dozen": 12, "score": 20}.get(t) or _UNITS[t]
    if _DIGITS_RE.match(t):
        return int(re.sub(r"[,\s]", "", t))
    m = re.match(r"^(\d+(?:\.\d+)?)\s*-?\s*(hundred|thousand|million|billion)$", t)
    if m:
        return int(float(m.group(1)) * _UNITS[m.group(2)])
    if _DECIMAL_RE.match(t):
        return None  # "1.5" is no head count
    try:
        value = text2num(t.replace(" and ", " ").replace("-", " "), "en")
    except ValueError:
        return None
    return int(value)


def _strip_modifiers(words: list[str]) -> tuple[list[str], str | None]:
    for cue, kind in sorted(_MODIFIERS_BEFORE.items(), key=lambda kv: -len(kv[0])):
        if tuple(words[: len(cue)]) == cue and len(words) > len(cue):
            return words[len(cue) :], kind
    return words, None


# --------------------------------------------------------------------------- quantities
@dataclass
class _Quantity:
    first: int  # first token of the expression (modifier included)
    qstart: int  # first token of the figure
    qend: int  # one past the last token of the figure
    best: int
    low: int
    high: int
    vague: bool
    noun: Token | None = None


def _is_num(tok: Token) -> bool:
    low = tok.lower_
    if low in VAGUE_FIXED or low in VAGUE_BY_SCALE or low in _UNITS:
        return True
    if tok.ent_type_ in {"MONEY", "PERCENT", "ORDINAL"}:
        return False
    return bool(tok.like_num) and not re.fullmatch(r"\d+(?:st|nd|rd|th)", low)


def _read_quantity(span: Span, i: int, large_event: bool) -> _Quantity | None:
    doc = span.doc
    end = span.end
    j = i
    while j + 1 < end and (
        _is_num(doc[j + 1])
        or (
            doc[j + 1].lower_ in {"and", "-"}
            and j + 2 < end
            and doc[j + 2].like_num
            and not doc[j + 2].text[0].isdigit()
            and not doc[j].text[0].isdigit()
            and doc[j + 1].lower_ == "-"
            or (
                doc[j + 1].lower_ == "and" and doc[j].lower_ in _UNITS and j + 2 < end and doc[j + 2].like_num
            )
        )
    ):
        j += 1
    qstart, qend = i, j + 1
    # "a dozen", "half a dozen", "a hundred", "a few", "a handful", "a number of"
    if (
        i - 1 >= span.start
        and doc[i - 1].lower_ in {"a", "an"}
        and doc[i].lower_ in {"dozen", "hundred", "thousand", "few", "handful", "score"}
    ):
        qstart = i - 1
        if qstart - 1 >= span.start and doc[qstart - 1].lower_ == "half":
            qstart -= 1
    phrase = doc[qstart:qend].text.lower()
    if (
        phrase.split()[-1] in {"tens", "hundreds"}
        and qend + 2 <= end
        and doc[qend].lower_ == "of"
        and doc[qend + 1].lower_ in {"thousands", "millions"}
    ):
        qend += 2
        phrase = doc[qstart:qend].text.lower()
    last = phrase.split()[-1]
    vague = last in VAGUE_FIXED or last in VAGUE_BY_SCALE or phrase.startswith(("tens of", "hundreds of"))
    if last in VAGUE_BY_SCALE:
        value: int | None = LARGE_SCALE if large_event else SMALL_SCALE
    else:
        value = parse_number(phrase)
    if value is None:
        return None
    low = high = value
    # ranges: "10-15", "10 to 15", "two or three", "between 10 and 15"
    k = qend
    if k + 1 < end and doc[k].lower_ in {"-", "–", "to", "or"} and _is_num(doc[k + 1]):
        other = _read_quantity(span, k + 1, large_event)
        if other is not None and other.best >= value:
            high, qend = other.high, other.qend
    if qstart - 1 >= span.start and doc[qstart - 1].lower_ == "between":
        if qend + 1 < end and doc[qend].lower_ == "and" and _is_num(doc[qend + 1]):
            other = _read_quantity(span, qend + 1, large_event)
            if other is not None and other.best >= value:
                high, qend = other.high, other.qend
        first = qstart - 1
    else:
        first = qstart
    # modifiers: "at least", "more than", "up to"...
    before = [t.lower_ for t in doc[max(span.start, first - 3) : first]]
    for cue, kind in sorted(_MODIFIERS_BEFORE.items(), key=lambda kv: -len(kv[0])):
        if len(before) >= len(cue) and tuple(before[-len(cue) :]) == cue:
            first -= len(cue)
            if kind == "upto" and low == high:
                low = 1
            break
    best = value if low < value else low
    return _Quantity(first, qstart, qend, best, low, high, vague)


def _singular_victim(span: Span, i: int) -> _Quantity | None:
    """ "a soldier", "an elderly man", "one civilian" -> a count of 1."""
    doc = span.doc
    for k in range(i + 1, min(i + 5, span.end)):
        lemma = doc[k].lemma_.lower() or doc[k].lower_
        if doc.has_annotation("TAG") and doc[k].pos_ not in {"NOUN", "PROPN"}:
            lemma = ""  # "a suspected attack": the participle is no suspect
        if lemma in PERSON_SINGULAR and doc[k].tag_ != "NNS":
            if doc[k].dep_ == "compound":  # "a rebel group", "the deputy commander": read on
                continue
            if doc[k].dep_ == "appos":  # "John Okafor, a priest": the same person again
                return None
            return _Quantity(i, i, i + 1, 1, 1, 1, False, noun=doc[k])
        if doc[k].is_punct or doc[k].pos_ in {"VERB", "AUX", "ADP"}:
            return None
    return None


# --------------------------------------------------------------------------- victims
def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.lower_).lower()


def _victim_noun(q: _Quantity, span: Span) -> Token | None:
    doc = span.doc
    last = doc[q.qend - 1]
    # "dozens of (Russian) soldiers"
    if q.qend < len(doc) and doc[q.qend].lower_ == "of":
        for k in range(q.qend + 1, min(q.qend + 5, len(doc))):
            word = doc[k]
            if word.lower_ in {"them", "whom", "those", "us", "these"} or word.is_punct:
                return None  # "two of them": the figure itself is the count
            untagged_noun = (
                not doc.has_annotation("TAG") and word.is_alpha and word.lower_ not in {"the", "a", "an"}
            )
            if word.pos_ in {"NOUN", "PROPN"} or untagged_noun:
                while word.dep_ == "compound" and word.head.i > word.i:  # "Afghan security forces"
                    word = word.head
                return word
            if word.pos_ in {"ADP", "VERB", "AUX"}:
                return None
        return None
    if doc.has_annotation("DEP"):
        if last.dep_ in {"nummod", "quantmod", "amod", "compound"} and last.head.pos_ in {"NOUN", "PROPN"}:
            return last.head
        if q.qend < len(doc) and doc[q.qend].pos_ == "NOUN" and doc[q.qend].tag_ == "NNS":
            return doc[q.qend]
        return None
    for k in range(q.qend, min(q.qend + 3, len(doc))):
        if doc[k].is_punct or doc[k].like_num:
            break
        if doc[k].is_alpha and doc[k].lower_ not in {"were", "was", "have", "had", "been", "of", "and"}:
            return doc[k]
    return None


def _governor(tok: Token) -> Token | None:
    """The first verb (or predicative adjective) above ``tok``."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in {"VERB", "AUX"} and cur.i != tok.i:
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in {"VERB", "AUX"} else None
        cur = cur.head
    return None


def _harm_words(head: Token, span: Span) -> tuple[set[str], Token | None, bool]:
    """Lemmas that say what happened to ``head`` (the victim noun or the bare figure).

    Returns the lemmas, the governing verb (when parsed), and whether ``head`` is the
    agent of a killing rather than its victim.
    """
    doc = span.doc
    words: set[str] = {_lemma(head)}
    if not doc.has_annotation("DEP"):
        lo, hi = max(span.start, head.i - 6), min(span.end, head.i + 7)
        for t in doc[lo:hi]:
            if t.text in {";", "."}:
                continue
            words.add(_lemma(t))
            words.add(t.lower_)
        return words, None, False
    for child in head.children:
        if child.dep_ == "relcl" and any(
            g.dep_ == "nsubj" and g.lower_ in {"who", "that", "which"} for g in child.children
        ):
            if _lemma(child) in KILL_TRANSITIVE:
                return words, None, True  # "the gunmen who killed ...": agents
        if child.dep_ in {"acl", "amod", "relcl", "appos", "advmod"}:
            words.add(_lemma(child))
            words.update(_lemma(c) for c in child.conjuncts)
    verb = _governor(head)
    if _kind(set(words), None) is not None:  # "12 injured", "five dead": the local word decides
        return words, verb, False
    agent = False
    cur = head
    while (verb is None or cur.i != verb.i) and cur.head.i != cur.i:
        cur = cur.head
        words.add(_lemma(cur))
        if verb is not None and cur.i == verb.i:
            break
    if verb is not None:
        words.add(_lemma(verb))
        role = head.dep_ if head.head.i == verb.i else ""
        if role in {"nsubj", "nsubjpass", "attr"} or head.head.dep_ in {"nsubj", "nsubjpass"}:
            words.update(
                _lemma(c)
                for c in verb.conjuncts
                if c.i > verb.i and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
            )
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        if role == "nsubj" and _lemma(verb) in KILL_TRANSITIVE and has_object:  # "2 soldiers killed": a note
            agent = True
        if (
            verb.dep_ == "conj"
            and verb.i - verb.head.i <= 2
            and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.head.children)
        ):
            words.add(_lemma(verb.head))  # "killing and wounding 30 civilians": a shared object
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "to":  # "beaten to death"
                words.update(_lemma(g) for g in child.children if _lemma(g) == "death")
            if child.dep_ in {"nsubj", "nsubjpass"} and child.i != head.i:
                words.add(_lemma(child))
                words.update(_lemma(c) for c in child.children if c.dep_ == "compound")
            if child.dep_ in {"acomp", "oprd", "advmod", "dobj", "xcomp"} and child.i != head.i:
                if _lemma(child) in KILL | INJURE | MISSING | ABDUCT and child.dep_ in {
                    "xcomp",
                    "oprd",
                    "acomp",
                }:
                    words.add(_lemma(child))  # "was confirmed killed", "were found dead"
                if _lemma(child) in {"dead", "life", "live", "alive", "hostage", "captive", "missing"}:
                    words.add(_lemma(child))
                    words.add("dead" if _lemma(child) == "dead" else _lemma(child))
        if role == "dobj":
            words |= _later_fate(verb)
    return words, verb, agent


_PRONOUN_OBJECTS = {"them", "him", "her"}


def _later_fate(verb: Token) -> set[str]:
    """What a later verb did to the same people, pointed at by a pronoun: "seized two young men
    ... and burned them to death", "caught three thieves and beat them to death"."""
    out: set[str] = set()
    for conj in verb.conjuncts:
        if conj.i < verb.i or not any(g.dep_ == "dobj" and g.lower_ in _PRONOUN_OBJECTS for g in conj.children):
            continue
        out.add(_lemma(conj))
        for child in conj.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                out.update(_lemma(g) for g in child.children if _lemma(g) == "death")
            if child.dep_ in {"acomp", "oprd", "xcomp"} and _lemma(child) in {"dead", "alive"}:
                out.add(_lemma(child))
    return out


_ATTEMPT = {"nearly", "almost", "narrowly"}
_FATALLY = {"fatally", "mortally"}


def _kind(words: set[str], verb: Token | None) -> Kind | None:
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ in _ATTEMPT for c in verb.children):
        return None  # "a mob nearly lynched four men": they survived
    if verb is not None and words & INJURE and any(
        c.dep_ == "advmod" and c.lower_ in _FATALLY for c in verb.children
    ):
        return "killed"  # "was fatally injured", "mortally wounded": the wound killed
    if "burn" in words and not ({"alive", "death"} & words):
        words = words - {"burn"}
    if {"life", "live"} & words and {"lose", "claim", "take"} & words:
        return "killed"
    if words & KILL:
        return "killed"
    if words & ABDUCT or ({"take", "hold"} & words and {"hostage", "captive"} & words):
        return "abducted"
    if words & MISSING:
        return "missing"
    if words & INJURE:
        return "injured_only"
    return None


# --------------------------------------------------------------------------- attribution
def _attribution(tok: Token, verb: Token | None, bare: bool) -> str | None:
    """Who gives the figure: "according to X", "X said", "said X" in the figure's segment."""
    sent = tok.sent
    seg_start, seg_end = sent.start, sent.end
    for t in sent:
        if t.text == ";":
            if t.i < tok.i:
                seg_start = t.i + 1
            elif seg_end == sent.end:
                seg_end = t.i
    seg = sent.doc[seg_start:seg_end]
    best: tuple[int, str] | None = None
    for t in seg:
        text: str | None = None
        if t.lower_ == "according" and t.i + 1 < seg.end and t.doc[t.i + 1].lower_ == "to":
            phrase = []
            for u in t.doc[t.i + 2 : seg.end]:
                if (
                    u.is_punct
                    or u.lower_ in {"who", "which", "that"}
                    or (u.pos_ == "VERB" and u.dep_ != "amod")
                ):
                    break
                phrase.append(u)
            text = " ".join(u.text for u in phrase[:7]) or None
        elif t.lower_ == "citing" and t.i + 1 < seg.end and t.doc[t.i + 1].pos_ != "ADP":
            phrase = [u for u in t.doc[t.i + 1 : min(seg.end, t.i + 6)]]
            cut = next((k for k, u in enumerate(phrase) if u.is_punct), len(phrase))
            text = " ".join(u.text for u in phrase[:cut]) or None
        elif _lemma(t) in SAY and t.pos_ in {"VERB", "AUX"} and (bare or verb is None or t.i != verb.i):
            subj = [c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if (
                subj
                and subj[0].lower_ not in {"it", "he", "she", "they", "we", "i", "who"}
                and tok not in list(subj[0].subtree)
                and not any(u.like_num or u.lower_ in VAGUE_BY_SCALE for u in subj[0].subtree)
            ):
                sub = subj[0]
                left = min(c.i for c in sub.subtree)
                text = t.doc[left : sub.i + 1].text
        if text:
            dist = abs(t.i - tok.i)
            if best is None or dist < best[0]:
                best = (dist, text)
    return best[1] if best else None


# --------------------------------------------------------------------------- main
def _aggregate(q: _Quantity, head: Token, verb: Token | None, span: Span, large_event: bool) -> str:
    """Why the count is not one event's toll: "statistic" (a period, a region, a war: no event
    in itself), "incidents" (several incidents told together), or "" (it is the event's toll)."""
    if q.best >= (AGGREGATE_MIN * (5 if large_event else 1)):
        return "statistic"
    doc = span.doc
    if verb is not None and _within_a_stretch_of_time(verb):
        return "statistic"
    if verb is not None:
        for clause in verb.children:  # "since the fighting began", "since the war started"
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ == "since" for m in clause.children
            ):
                return "statistic"
        toks = sorted(verb.subtree, key=lambda t: t.i)
        # stay out of a relative/adverbial clause that carries its own event ("since 2015, when...")
        own = {head.i, *(a.i for a in head.ancestors)}
        window = [
            t
            for t in toks
            if not any(
                a.dep_ in _OTHER_CLAUSE and a.i != verb.i and a.i not in own and verb in a.ancestors
                for a in [t, *t.ancestors]
            )
        ]
        text = " ".join(t.text for t in window)
    else:
        lo, hi = max(span.start, q.first - 8), min(span.end, q.qend + 12)
        text = doc[lo:hi].text
    if re.search(r"\bsince\b[^,;]*,?\s*when\b", text, re.IGNORECASE):
        text = re.sub(r"\bsince\b", "", text, flags=re.IGNORECASE)
    # "since Saturday", "since the weekend": the running toll of fighting that began days ago is
    # that event's toll, not a statistic over a period
    text = _SINCE_DAYS_AGO.sub("", text)
    if _AGGREGATE_RE.search(text):
        return "statistic"
    return "incidents" if _INCIDENTS_RE.search(text) else ""


_STRETCHES = {"day", "week", "month", "year", "decade"}


def _within_a_stretch_of_time(verb: Token) -> bool:
    """The count is told in a clause on a stretch of days or weeks ("set off days of unrest,
    during which ... several people were killed"): a toll over a period, no one event's."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl":
        return False
    noun = clause.head
    return noun.tag_ in {"NNS", "NNPS"} and _lemma(noun) in _STRETCHES


_SINCE_DAYS_AGO = re.compile(
    r"\bsince\s+(?:(?:last|early|late)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|yesterday|the\s+weekend|last\s+night|this\s+morning|dawn|daybreak)\b",
    re.IGNORECASE,
)
_OTHER_CLAUSE = {"relcl", "advcl", "conj", "ccomp", "parataxis"}
_VICTIM_WORDS = {"victims", "dead", "wounded", "injured", "casualties", "deceased", "killed"}
_PARTITIVE_OF = {
    "them",
    "whom",
    "those",
    "victims",
    "dead",
    "wounded",
    "injured",
    "casualties",
    "deceased",
    "killed",
}
_PLACE_PREPS = {
    "in",
    "across",
    "at",
    "on",
    "from",
    "near",
    "within",
    "over",
    "during",
    "after",
    "before",
    "to",
}


def _in_subset(q: _Quantity, span: Span) -> bool:
    """A part of a total given elsewhere: "including 3 soldiers", "three of the victims"."""
    doc = span.doc
    before = {t.lower_ for t in doc[max(0, q.first - 3) : q.first]}
    after = [t.lower_ for t in doc[q.qend : min(len(doc), q.qend + 3)]]
    if before & _SUBSET_CUES:
        return True
    if after[:1] == ["of"] and (
        after[1:2] and after[1] in _PARTITIVE_OF or after[2:3] and after[2] in _PARTITIVE_OF
    ):
        if set(after[1:3]) & _VICTIM_WORDS:
            return True  # "three of the victims": already counted
        # "three of them were children" describes a total; "killed two of them" is a count
        verb = _governor(doc[q.qend - 1]) if doc.has_annotation("DEP") else None
        return verb is None or _lemma(verb) == "be"
    return False


def _not_victims(noun: Token) -> bool:
    """ "in five states", "across 12 districts": a count of places or times, not of people."""
    return noun.dep_ == "pobj" and noun.head.lower_ in _PLACE_PREPS


def find_fatalities(span: Span, large_event: bool = False) -> list[FatalityMention]:
    """Every victim count stated in ``span`` (killed, injured, missing, abducted)."""
    doc = span.doc
    found: list[tuple[_Quantity, Token, Token | None, Kind | None]] = []
    i = span.start
    while i < span.end:
        tok = doc[i]
        low = tok.lower_
        q: _Quantity | None = None
        if low in {"nobody", "no-one"} or (
            low == "no"
            and i + 1 < span.end
            and doc[i + 1].lower_ in {"one", "deaths", "fatalities", "casualties", "injuries", "lives"}
        ):
            end = i + (1 if low != "no" else 2)
            q = _Quantity(i, i, end, 0, 0, 0, False)
        elif _named_victim(tok, span):
            first = i
            while first > span.start and doc[first - 1].ent_type_ == "PERSON" and doc[first].ent_iob_ != "B":
                first -= 1
            q = _Quantity(first, first, i + 1, 1, 1, 1, False, noun=tok)
        elif low in {"a", "an", "one", "the"} and not (i + 1 < span.end and _is_num(doc[i + 1])):
            q = _singular_victim(span, i)
        elif (
            _is_num(tok)
            and low not in {"a", "an"}
            and not (low in VAGUE_BY_SCALE | {"few", "handful"} and not _count_of_people_follows(doc, i))
        ):
            if _looks_like_date(doc, i):
                i += 1
                continue
            if low == "one" and i + 1 < span.end and doc[i + 1].lower_ == "of":
                q = _Quantity(i, i, i + 1, 1, 1, 1, False)
            else:
                q = _read_quantity(span, i, large_event)
        if q is None:
            i += 1
            continue
        nxt = doc[q.qend].lower_ if q.qend < len(doc) else ""
        if nxt.rstrip(".") in _MONTH_WORDS:  # "between 1 and 3 March": days of a month
            i = q.qend
            continue
        if nxt in {"%", "percent", "per", "a.m.", "p.m.", "am", "pm", "gmt", "times", "fold"} or (
            q.first > 0 and doc[q.first - 1].text in {"$", "€", "£", "#"}
        ):
            i = q.qend
            continue
        if q.noun is None:
            q.noun = _victim_noun(q, span)
        head = q.noun if q.noun is not None else doc[q.qend - 1]
        if q.noun is not None and (_lemma(q.noun) in NOT_PEOPLE or _not_victims(q.noun)):
            i = q.qend
            continue
        words, verb, agent = _harm_words(head, span)
        if q.best == 0 and q.noun is None and nxt in {"deaths", "fatalities", "lives"}:
            words.add("death")
        kind = _kind(words, verb)
        if agent or _in_subset(q, span):
            i = q.qend
            continue
        found.append((q, head, verb, kind))  # kind None: maybe an elliptical count, see _finish
        i = q.qend
    return _finish(found, span, large_event)


_MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip


def _named_victim(tok: Token, span: Span) -> bool:
    """The last token of a person's name that is the victim of a killing or an abduction."""
    if tok.ent_type_ != "PERSON" or tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "conj"}:
        return False
    if tok.dep_ == "conj" and tok.head.ent_type_ != "PERSON" or not tok.doc.has_annotation("DEP"):
        return False
    if tok.ent_iob_ == "B" or tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
        return False  # one-word "names" are too often places the tagger got wrong
    words, verb, agent = _harm_words(tok, span)
    if verb is None or agent or (tok.dep_ == "nsubj" and _lemma(verb) not in {"die", "perish"}):
        return False
    return _kind(words, verb) in {"killed", "abducted"}


def _looks_like_date(doc: Doc, i: int) -> bool:
    """A year ("in 2015", "March 2018") or a day of a month ("31 May", "May 3")."""
    tok = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    prev = doc[i - 1] if i > 0 else None
    near_month = any(t is not None and t.lower_.rstrip(".") in _MONTH_WORDS for t in (prev, nxt))
    if re.fullmatch(r"[0-3]?\d(?:st|nd|rd|th)?", tok.text) and near_month:
        return True
    if re.fullmatch(r"(?:19|20)\d\d", tok.text):
        if doc.has_annotation("DEP"):  # "2015 fighters" counts people, "the 2015 police sweep" does not
            counted = tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.head.i == i + 1
        else:
            counted = nxt is not None and nxt.lower_.endswith("s")
        return not counted
    return False


def _count_of_people_follows(doc: Doc, i: int) -> bool:
    """ "several" / "many" count victims only when people follow ("many villagers", "many were")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.lower_ in {"of", "were", "was", "have", "had", "died", "killed", "dead", "injured", "wounded"}:
        return True
    return nxt.pos_ in {"NOUN", "ADJ"} or not doc.has_annotation("TAG")


def _victims(noun: Token | None) -> str | None:
    if noun is None:
        return None
    if noun.ent_type_ == "PERSON":
        return noun.text  # a named person is a group of one, kept as written (capitalised)
    return _lemma(noun)


def _finish(
    found: list[tuple[_Quantity, Token, Token | None, Kind | None]], span: Span, large_event: bool
) -> list[FatalityMention]:
    doc = span.doc
    out: list[FatalityMention] = []
    prev_killed: FatalityMention | None = None
    prev_verb: Token | None = None
    prev_noun: Token | None = None
    for q, head, verb, kind in found:
        attribution = _attribution(head, verb, bare=q.noun is None)
        if kind is None:
            # an elliptical figure after a count of the dead: "...; the army said 4."
            said = verb is not None and _lemma(verb) in SAY or (verb is None and attribution is not None)
            if (
                prev_killed is None
                or not said
                or q.noun is not None
                and _lemma(q.noun) not in GENERIC_VICTIMS
            ):
                continue
            kind = "killed"
        why_aggregate = _aggregate(q, head, verb, span, large_event)
        start_tok, end_tok = q.first, q.qend
        if q.noun is not None and q.noun.i >= q.qend and q.noun.i - q.qend <= 4:
            end_tok = q.noun.i + 1
        mention = FatalityMention(
            start=doc[start_tok].idx,
            end=doc[end_tok - 1].idx + len(doc[end_tok - 1].text),
            text=doc[start_tok:end_tok].text,
            best=q.best,
            low=q.low,
            high=q.high,
            kind=kind,
            attribution=attribution,
            aggregate=bool(why_aggregate),
            incidents=why_aggregate == "incidents",
            vague=q.vague,
            victims=_victims(q.noun),
        )
        # victim groups joined in one clause: "killed 3 soldiers and 2 civilians"
        if (
            out
            and prev_verb is not None
            and verb is not None
            and verb.i == prev_verb.i
            and out[-1].kind == kind
            and prev_noun is not None
            and q.noun is not None
            and (q.noun in prev_noun.conjuncts)
        ):
            last = out[-1]
            out[-1] = last.model_copy(
                update={
                    "end": mention.end,
                    "text": doc.text[last.start : mention.end],
                    "best": last.best + mention.best,
                    "low": last.low + mention.low,
                    "high": last.high + mention.high,
                    "vague": last.vague or mention.vague,
                    "aggregate": last.aggregate or mention.aggregate,
                    "incidents": last.incidents or mention.incidents,
                    "victims": None if last.victims != mention.victims else last.victims,
                }
            )
        else:
            out.append(mention)
        if kind == "killed":
            prev_killed = out[-1]
        prev_verb, prev_noun = verb, q.noun
    return out


def reconcile(mentions: Sequence[FatalityMention]) -> tuple[int | None, int | None, int | None]:
    """``(best, low, high)`` fatalities for one event from its stated counts.

    Aggregates are ignored. Counts of the same victims that differ are read as conflicting
    reports (the lowest is best, the range is kept); distinct, named victim groups ("two
    soldiers died ... three civilians were also killed") add up. Precise figures win over vague ones. With injured/missing/abducted counts only
    the toll is 0; with no count at all it is unknown (``None``).
    """
    counts = [m for m in mentions if not m.aggregate]
    if not counts:
        return None, None, None
    killed = [m for m in counts if m.kind == "killed"]
    if not killed:
        return 0, 0, 0
    precise = [m for m in killed if not m.vague] or killed
    best = _combine(precise)[0]
    _, low, high = _combine(killed)
    return best, min(low, best), max(high, best)


def _combine(mentions: Sequence[FatalityMention]) -> tuple[int, int, int]:
    """Same victims: conflicting reports (lowest best, widest range); distinct victim groups add
    up unless two sources contradict each other; a generic total ("12 people") is at least the
    sum of the groups it may include."""
    # two sources that name different victims ("residents say 12 civilians; the army says it
    # killed 4 terrorists") contradict each other: the groups are not added up
    sources = {m.attribution for m in mentions if m.attribution}
    contradicting = len(sources) > 1

    def key(m: FatalityMention) -> str | None:
        if m.victims in GENERIC_VICTIMS:
            return None
        named = m.victims is not None and m.victims[:1].isupper()
        return m.victims if named or not contradicting else "~contested"

    groups: dict[str | None, list[FatalityMention]] = {}
    for m in mentions:
        groups.setdefault(key(m), []).append(m)

    def one(ms: list[FatalityMention]) -> tuple[int, int, int]:
        return min(m.best for m in ms), min(m.low for m in ms), max(m.high for m in ms)

    specific = [one(ms) for key, ms in groups.items() if key is not None]
    summed = (
        (sum(v[0] for v in specific), sum(v[1] for v in specific), sum(v[2] for v in specific))
        if specific
        else None
    )
    generic = one(groups[None]) if None in groups else None
    if summed is None:
        assert generic is not None
        return generic
    if generic is None:
        return summed
    return max(generic[0], summed[0]), max(generic[1], summed[1]), max(generic[2], summed[2])
