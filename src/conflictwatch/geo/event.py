"""Where did an event happen? Pick, among the places of an event's sentences, the one that
is the scene (not the dateline, not the capital whose ministry spoke, not a victim's home
town), then apply what the words around it say ("near", "40 km north of", "northern")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from pydantic import BaseModel
from spacy.tokens import Doc, Span

from conflictwatch.geo.normalize import key
from conflictwatch.geo.qualify import Qualifier, offset_point, qualify
from conflictwatch.geo.region import region_point
from conflictwatch.models import Place, Toponym
from conflictwatch.nlp.text import doc_text

# "BAGHDAD, April 2 (Agency) -", "PEMBA, Mozambique, May 13 (Agency) -": up to two comma parts
# (a country, a date) before the agency and the dash
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-zÀ-ÿ'’ .-]{1,40}(?:,\s*[A-Za-zÀ-ÿ0-9 .]{2,30}){0,2}\s*(?:\([^)]{1,40}\))?\s*[-—–:\ufffd]")
# "LONDON The Latest ...", "BEIRUT (AP) \ufffd A ...": a capitalised town, then the story (the
# dash lost or mangled in transit)
_CAPS_DATELINE = re.compile(r"^\s*[A-Z][A-Z'’.-]{2,30}(?: [A-Z][A-Z'’.-]{1,30}){0,2}(?:,\s*[A-Za-zÀ-ÿ0-9 .]{2,30}){0,2}"
                            r"\s*(?:\([^)]{1,40}\))?\s*(?:[-—–:\ufffd]\s*|(?=[A-Z][a-z]))")
_NOT_SCENE_BEFORE = re.compile(
    r"(native of|resident of|hails from|hailing from|home ?town|originally from|born in|"
    r"lives in|living in|lived in|returned to|fled to|taken to|transferred to|evacuated to|flown to|moved to|"
    r"based in|headquartered in|ministry in|government in|authorities in|officials in|spokesman in|"
    r"spokesperson in|statement in|told reporters in|press conference in|summit in|talks in|meeting in|"
    r"embassy in|court in|hospital in|buried in|came from|coming from|crossed from|direction of|border with|"
    r"borders with|frontier with|speaking in|speaking from|speaking at|travell?ed from|arrived from|in from|"
    r"(?:statement|communiqu[eé]|release)\s+(?:issued|released|published|sent|read out)\s+(?:in|from))"
    r"\s+(?:the\s+)?$",
    re.I,
)
# "two soldiers from Kayes", "herders from Niger": where people come from, not where it happened
_PEOPLE_FROM_BEFORE = re.compile(r"\b[a-z]{3,}s\s+(?:originally\s+)?from\s+(?:the\s+)?$")
# "the border with Sudan's Darfur region", "crossed the frontier with Niger's Tillabéri region": the
# other side of a border, named through its country
_ACROSS_BORDER_BEFORE = re.compile(
    r"\b(?i:borders?|frontiers?)\s+(?i:with)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:'s|’s)\s+$"
)
# "transferred to a prison in Dakar", "flown to a hospital in Nairobi": where someone was taken
_TAKEN_TO_BEFORE = re.compile(
    r"\b(?:taken|transferred|flown|evacuated|moved|fled|returned|sent|rushed|driven)\s+to\s+(?:an?\s+|the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
_NOT_SCENE_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:-based|government|ministry|authorities|officials|junta|regime|administration|"
    r"embassy|spokesman|spokesperson|statement|court|said|says|announced|condemned|denied|claimed|agreed|"
    r"warned|accused|blamed|urged|rejected|welcomed|vowed)\b",
    re.I,
)
# "Lebanon's Health Ministry says", "Kenya's interior minister": an office named through its country
_OFFICE_AFTER = re.compile(
    r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}(?i:ministry|ministries|minister|government|authorities|officials|"
    r"army|military|police|spokesman|spokesperson|president|presidency|prime minister|embassy|agency|court)\b"
)
# "in western Iraq's Anbar province", "in Ethiopia's Amhara region": the scene preposition
# reaches the name through its country
_SCENE_THROUGH_COUNTRY = re.compile(
    r"\b(?i:in|at|near|outside|across|into)\s+(?:the\s+)?(?i:(?:north|south|east|west|central|northern|southern|"
    r"eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:'s|’s)\s+$"
)
_SCENE_BEFORE = re.compile(
    r"\b(in|at|near|outside|on|into|attacked|attack on|raid on|struck|village of|town of|city of|commune of|"
    r"locality of|between|of|captured|seized|raided|stormed|shelled|bombed|hit|overran|entered|took|besieged|"
    r"ambushed|burned|looted)\s+(?:the\s+)?$",
    re.I,
)


# "set off on a march from Beijing to the prison in Tianjin": a march is where it sets out from
# (the destination is where it is going, not yet where it is)
_MARCH_ORIGIN_BEFORE = re.compile(
    r"\b(?:march(?:ed|ing|es)?|walk(?:ed|ing)?|trek(?:ked|king)?|procession|convoy|set (?:off|out)|"
    r"caravan)\b[^.;]{0,40}\bfrom\s+(?:the\s+)?$",
    re.I,
)
_CAPITAL_AFTER = re.compile(r"^(?:'s|’s)\s+(?:\w+\s+)?capital\b", re.I)


class EventLocation(BaseModel):
    """Where an event happened, coded the ACLED way."""

    place: Place  # the point coded (town, or representative point of a region)
    location: str  # ACLED "location" label
    geo_precision: int  # 1 town/facility; 2 near X / offset / between; 3 region/province
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    start: int = 0
    end: int = 0
    confidence: float = 0.0


_SPECIFIC = {"PCLI": 0.0, "CONT": -1.0, "ADM1": 1.0, "ADM2": 1.5, "RGN": 1.0, "AREA": 1.0}
# an island, desert, range or plateau the size of a province ("Mindanao", "Luzon") is a region
_NATURAL = {"ISL", "ISLS", "DSRT", "MTS", "PLAT", "VAL", "PEN"}
WIDE_POPULATION = 1_000_000


def _wide(p: Place) -> bool:
    return p.feature_code in _NATURAL and p.population >= WIDE_POPULATION


_AT_A_PLACE = re.compile(r"\b(?:in|at|outside|near|inside)\s+(?:the|a|an)\s+$", re.I)
# "residents of Kidal said": the people of the place speak, of their place
_PEOPLE_OF = re.compile(r"\b(?:residents|people|inhabitants|villagers|locals|witnesses)\s+(?:of|in)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=16384)  # an article asks about the same words once per mention
def _elsewhere(before: str) -> bool:
    """Do the words before the name say it is not where the event is (a home town, where someone
    was taken, the other side of a border)?"""
    return bool(_NOT_SCENE_BEFORE.search(before) or _TAKEN_TO_BEFORE.search(before)
                or _ACROSS_BORDER_BEFORE.search(before) or _PEOPLE_FROM_BEFORE.search(before))


@lru_cache(maxsize=16384)
def _speaks(before: str, after: str) -> bool:
    """Is the name an authority that speaks or acts ("the Bamako court said", "Lebanon's Health
    Ministry says")? "in a Durban court" is still a place in Durban."""
    return bool((_NOT_SCENE_AFTER.match(after) or _OFFICE_AFTER.match(after)) and not _AT_A_PLACE.search(before)
                and not _PEOPLE_OF.search(before))


def _not_here(text: str, t: Toponym) -> bool:
    """Is the place named as somewhere the event is not (a home town, the far side of a border, an
    authority that speaks)?"""
    before, after = text[max(0, t.start - 60) : t.start], text[t.end : t.end + 40]
    return _elsewhere(before) or _speaks(before, after)


def _scene_score(text: str, t: Toponym, dateline_end: int, dateline_recurs: bool = False,
                 dateline_start: int = 0) -> float:
    p = t.place
    if p is None:
        return -10.0
    s = 2.0 + (_SPECIFIC["RGN"] if _wide(p) else _SPECIFIC.get(p.feature_code or "", 2.0)) + 0.5 * t.confidence
    before = text[max(0, t.start - 60) : t.start]
    after = text[t.end : t.end + 40]
    if dateline_start <= t.start and t.end <= dateline_end:
        # the reporter's town; when the story names it again it is what the story is about,
        # and only a place the body points at ("in X", "attacked X") beats it
        s -= 0.5 if dateline_recurs else 3.0
    if _elsewhere(before):
        s -= 4.0
    if _speaks(before, after):
        s -= 3.0
    if _SCENE_BEFORE.search(before) or _SCENE_THROUGH_COUNTRY.search(before):
        s += 1.0
    if _MARCH_ORIGIN_BEFORE.search(before):
        s += 1.5
    if p.feature_code == "PCLI" and _CAPITAL_AFTER.match(after):
        s += 2.5  # "Mali's capital": the capital city
    elif p.feature_code in {"PCLI", "CONT"} and re.match(r"^\s+[a-z]", after) and key(t.name) != key(p.name):
        s -= 2.0  # adjectival demonym: "Russian troops", "Malian army"
    elif p.feature_code == "PCLI" and _BORDER_AFTER.match(after):
        s -= 2.0  # "near the Niger border": the line, not the country beyond it
    return s


_BORDER_AFTER = re.compile(r"^\s+(?:border|frontier)s?\b", re.I)


SURE_ABROAD = 0.9  # a town resolved this surely outside the event's country is kept as a candidate
FALLBACK_CONFIDENCE = 0.1  # what the resolver gives a name it does not know (the article's likeliest place)


def is_fallback(t: Toponym) -> bool:
    return t.confidence <= FALLBACK_CONFIDENCE


# the endings of the adjectives of countries and continents: Malian, Nigerien, Sudanese, British,
# Iraqi, French, Greek, Burkinabe, Kosovar
_DEMONYM_END = re.compile(r"(?:an|ien|ese|ish|[^aeiou\s]i|ch|ek|be|ar|ois|ais)s?$", re.I)


_ABBREVIATION = re.compile(r"^(?:[A-Z]\.?){2,4}$")
_IN_THE = re.compile(r"\b(?:in|to|from|into|across|at|inside|outside|throughout|within)\s+the\s+$", re.I)


def _demonym(t: Toponym, text: str = "") -> bool:
    """"French troops", "Malian army": a country named by its adjective says whose, not where; so
    does a country that makes a compound ("US-led", "Iran-backed"). Another name of the country
    ("Democratic Republic of Congo", "DRC") is the country."""
    p = t.place
    if p is None or p.feature_code not in {"PCLI", "CONT"}:
        return False
    if text and re.match(r"-[a-z]", text[t.end : t.end + 2]):
        return True
    if text and _ABBREVIATION.match(t.name) and re.match(r"\s+[a-z]", text[t.end : t.end + 3]) \
            and not _IN_THE.search(text[max(0, t.start - 20) : t.start]):
        return True  # "waving US flags", "UK officials" -- but "in the US on Monday" is the country
    words = key(t.name).split()
    if not words or key(t.name) == key(p.name) or words[-1] in key(p.name).split():
        return False
    return bool(_DEMONYM_END.search(t.name.strip()))


def _dateline_recurs(text: str, toponyms: list[Toponym], dateline: tuple[int, int]) -> bool:
    """Is the dateline's town (a locality, not a country) named again in the body, as a place
    (not as the government that speaks there: "Washington and Baghdad agreed"; not a name the
    resolver only guessed)?"""
    ds, de = dateline
    if not de:
        return False
    towns = {t.place.geonameid or t.place.name for t in toponyms if ds <= t.start and t.end <= de
             and t.place is not None and (t.place.feature_code or "").startswith("PPL")}
    return any(t.place is not None and (t.place.geonameid or t.place.name) in towns and not is_fallback(t)
               and not _not_here(text, t) for t in toponyms if t.start >= de)


LEAD = 1.5  # for the article's place: a place named in its lead
LEAD_SURE = 0.5


TOWN_WITHIN_MARGIN = 2.0  # how far below a province a town of it may score and still stand for the article


def _town_within(text: str, pool: list[Toponym], scores: dict[int, float], best: Toponym) -> Toponym:
    """The article's place is a province ("in Iraq's Anbar province") and it names a town of that
    province as a scene ("15 km west of the town of Hit"): the town is the more precise place."""
    p = best.place
    if p is None or p.feature_code not in {"ADM1", "ADM2", "RGN"} or not p.admin1:
        return best
    towns = [t for t in pool if t.place is not None and (t.place.feature_code or "").startswith("PPL")
             and t.place.country_code == p.country_code and t.place.admin1 == p.admin1
             and qualify(text, t.start, t.end).precision < 3 and not _not_here(text, t)
             and scores[id(t)] >= scores[id(best)] - TOWN_WITHIN_MARGIN]
    return max(towns, key=lambda t: (scores[id(t)], -t.start)) if towns else best


def _sentence_count(doc: Doc) -> int:
    """How many sentences the Doc has (counted once: each mention of an article asks)."""
    n = doc.user_data.get("cw_sentence_count")
    if n is None:
        n = doc.user_data["cw_sentence_count"] = sum(1 for _ in doc.sents)
    return int(n)


def _lead_end(text: str, sents: list[Span], dateline_end: int = 0) -> int:
    """Where the lead ends: the title line and the dateline (if any) and the first sentence after
    them (a tagger may cut "KYIV, Oct 21 (Agency) -" off as a sentence of its own)."""
    title = _TITLE_LINE.match(text)
    after = title.end() if title and not title.group(0).rstrip().endswith(".") else 0
    after = max(after, dateline_end)
    return next((s.end_char for s in sents if s.end_char > after + 1), len(text))


def _dateline_end(text: str) -> int:
    m = _DATELINE.match(text[:120]) or _CAPS_DATELINE.match(text[:120])
    return m.end() if m else 0


_TITLE_LINE = re.compile(r"^[^\n]{5,160}\n\s*\n")


def _dateline(text: str) -> tuple[int, int]:
    """Where the dateline is: at the start of the text, or of the paragraph after a title line
    ("Troops hand over base\n\nABECHE - ...")."""
    end = _dateline_end(text)
    if end:
        return 0, end
    title = _TITLE_LINE.match(text)
    if title and not title.group(0).rstrip().endswith("."):
        end = _dateline_end(text[title.end() :])
        if end:
            return title.end(), title.end() + end
    return 0, 0


def _label(gaz, t: Toponym) -> str:
    """The name as the article spells it ("Seytenga", "Sevare") when it is a name of the
    place; else the gazetteer's name."""
    p = t.place
    assert p is not None
    surface = " ".join(t.name.split())
    if surface.lower().startswith("the "):
        surface = surface[4:]
    if (surface.isupper() and len(surface) > 4) or (len(surface) <= 4 and key(surface) != key(p.name)):
        return p.name  # a dateline's "MOGADISHU"; "Ber" matched as an alternate name
    if surface[:1].isupper() and p.geonameid is not None and any(
        int(gaz.gid[r]) == p.geonameid for r in gaz.ids(surface)
    ):
        return surface
    return p.name


def _make(gp, t: Toponym, q: Qualifier, text: str) -> EventLocation:
    gaz = gp.gazetteer
    p = t.place
    assert p is not None
    start = q.span_start if q.span_start is not None else t.start
    label = text[t.start : t.end]
    precision = q.precision
    coded = p
    if p.feature_code == "PCLI" and p.country_code and _CAPITAL_AFTER.match(text[t.end : t.end + 30]):
        cap = gaz.capital_row(p.country_code)
        if cap is not None:
            coded = gaz.place(cap)
            m = _CAPITAL_AFTER.match(text[t.end : t.end + 30])
            return EventLocation(place=coded, location=coded.name, geo_precision=q.precision, country=coded.country,
                                 admin1=coded.admin1, admin2=coded.admin2, start=start, end=t.end + (m.end() if m else 0),
                                 confidence=round(t.confidence * 0.9, 3))
    if p.feature_code in {"PCLI", "ADM1", "ADM2", "RGN", "AREA", "CONT"} or _wide(p) or q.note == "regional":
        precision = 3
        rp = region_point(gp, p.country_code, q.direction if q.note == "regional" else "central", p)
        cap = gaz.capital_row(p.country_code) if p.country_code else None
        if p.feature_code == "PCLI" and q.note != "regional" and cap is not None:
            coded = gaz.place(cap)  # a country as a whole: coded at its capital, precision 3
        elif p.feature_code in {"ADM1", "ADM2"} and q.note != "regional":
            # a province: its namesake town if it has one, else its own point
            town = [r for r in gaz.ids(p.name.replace(" Region", "")) if gaz.fc[r].startswith("PPL")
                    and gaz.cc(int(r)) == p.country_code and gaz.a1_names[gaz.a1_i[r]] == p.admin1]
            if town:
                coded = gaz.place(int(max(town, key=lambda r: gaz.pop[r])))
        elif p.feature_code in {"RGN", "AREA"} or _wide(p):
            coded = p  # a region that is no province ("Darfur"): its own point, not the middle of its country
        elif rp is not None:
            coded = gaz.place(rp[0])
        label = coded.name if q.note != "regional" else f"{text[start:t.start].strip()} {label}".strip()
        if q.note == "regional":
            label = coded.name
    elif q.note == "admin" and q.unit == "area" and (p.feature_code or "").startswith("PPL"):
        precision = 2  # "the Bankass area": around the town
        label = _label(gaz, t)
    elif q.note == "offset" and q.offset_km and q.bearing is not None:
        lat, lon = offset_point(p.latitude, p.longitude, q.offset_km, q.bearing)
        coded = p.model_copy(update={"latitude": round(lat, 5), "longitude": round(lon, 5)})
        label = _label(gaz, t)
    else:
        label = _label(gaz, t)
    return EventLocation(
        place=coded, location=label, geo_precision=precision, country=coded.country or p.country,
        admin1=coded.admin1, admin2=coded.admin2, start=start, end=t.end,
        confidence=round(min(1.0, t.confidence * (1.0 if precision == 1 else 0.8)), 3),
    )


def _place_inside_a_name(t: Toponym, ent: Span) -> bool:
    """Is the place one word of a longer proper name? Only capitalised words joined to the place
    make it one: a tagger that runs "Macomia in" or "Bankass (Bankass" together has not found a
    name (a bracket or a comma ends a name)."""
    if not (ent.start_char <= t.start and t.end <= ent.end_char):
        return False
    before = [w for w in ent if w.idx + len(w) <= t.start]
    after = [w for w in ent if w.idx >= t.end]
    joined: list = []
    for side in (reversed(before), after):
        for w in side:
            if w.is_punct and w.text not in {"-", "'", "’"}:
                break
            joined.append(w)
    if after and after[-1].lower_ in _FACILITY_WORDS:
        return False  # "the Islamabad High Court", "Gao Airport": a building in the town
    return any(w.text[:1].isupper() and not w.is_stop and not w.is_punct for w in joined)


# the last word of a name that makes it a building or ground in its town, not an organisation
_FACILITY_WORDS = frozenset({
    "court", "hospital", "university", "college", "school", "airport", "airbase", "stadium", "prison", "jail",
    "market", "mosque", "church", "cathedral", "camp", "base", "barracks", "station", "hotel", "port", "bridge",
    "palace", "academy", "square", "museum", "mall",
})


def locate_event(gp, doc: Doc, toponyms: list[Toponym], sents: Sequence[Span],
                 country_hint: str | None = None) -> EventLocation | None:
    """The place of the event told in ``sents`` (falling back to the article, then the country)."""
    text = doc_text(doc)
    ds, dl = _dateline(text)
    ranges = [(s.start_char, s.end_char) for s in sents]
    # a name the gazetteer does not know is given the article's likeliest place as a fallback: it
    # can say where only when the sentences name no place the gazetteer knows
    known = [t for t in toponyms if not is_fallback(t)]
    located = [t for t in known if t.place is not None and not _demonym(t, text)]
    if not any(any(a <= t.start < b for a, b in ranges) and not _not_here(text, t) for t in located):
        located = [t for t in toponyms if t.place is not None and not _demonym(t, text)]
    recurs = _dateline_recurs(text, toponyms, (ds, dl))
    # the dateline is where the reporter files from: it is the scene of the sentence it opens
    # only when the story names that town again
    body = [t for t in located if not ds <= t.start < dl]
    in_body = {id(t) for t in body}
    inside = [t for t in located if any(a <= t.start < b for a, b in ranges) and (id(t) in in_body or recurs)]
    if all(_not_here(text, t) for t in inside):
        inside = []  # the sentences name places only as elsewhere ("came from the direction of the Nigerian border")
    pool = inside or body or located or \
        [t for t in toponyms if t.place is not None and any(a <= t.start < b for a, b in ranges)]
    hint_place = gp.gazetteer.country(country_hint) if country_hint else None  # ISO2 or name
    if hint_place is not None:
        # the event's country: its places are preferred, but a place the sentence names surely in
        # another country stays ("shells hit Naqoura" in a story filed from Israel)
        hinted = [t for t in pool if t.place and t.place.country_code == hint_place.country_code]
        in_hint = {id(t) for t in hinted}
        abroad_sure = [t for t in pool if id(t) not in in_hint and t.confidence >= SURE_ABROAD and not is_fallback(t)
                       and t.place is not None and (t.place.feature_code or "").startswith("PPL")]
        pool = (hinted + abroad_sure) if hinted else pool
    if pool:
        scores = {id(t): _scene_score(text, t, dl, recurs, ds) for t in pool}
        names = [e for e in doc.ents if e.label_ in {"ORG", "NORP", "PERSON", "WORK_OF_ART"}]
        for t in pool:  # "Macina Liberation Front", "Islamic State West Africa Province": a name, not a scene
            if any(_place_inside_a_name(t, e) for e in names):
                scores[id(t)] -= 3.0
        for t in pool:  # "Kerawa, near Mora": Mora is the reference point, Kerawa the scene
            q = qualify(text, t.start, t.end)
            if q.precision == 3 and t.place is not None and (t.place.feature_code or "").startswith("PPL"):
                scores[id(t)] -= 1.0  # "the Idlib province": a province, though the town of its name was found
            if q.note in {"near", "offset"} and q.span_start is not None:
                named = [u for u in pool if u is not t and u.end <= q.span_start and q.span_start - u.end <= 12]
                if named:
                    scores[id(t)] -= 2.5
                    for u in named:
                        scores[id(u)] += 1.0
        article_wide = not inside or len(ranges) >= _sentence_count(doc)
        if article_wide:
            # where the whole article (not one sentence) is asked: its lead (the title and the
            # first sentence) says what it is about
            lead_end = _lead_end(text, list(doc.sents), dl)
            for t in pool:  # (a name the resolver is unsure of does not make the article's place)
                if t.start < lead_end and t.confidence >= LEAD_SURE:
                    scores[id(t)] += LEAD
        best = max(pool, key=lambda t: (scores[id(t)], -t.start if inside else 0))
        if article_wide:
            best = _town_within(text, pool, scores, best)
        loc = _make(gp, best, qualify(text, best.start, best.end), text)
        if not inside:
            loc.confidence = round(loc.confidence * 0.5, 3)
        return loc
    if hint_place is not None:
        t = Toponym(start=0, end=0, name=hint_place.name, place=hint_place, confidence=0.2)
        return _make(gp, t, Qualifier(3), text)
    return None
