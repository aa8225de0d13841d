"""Date expressions in news text, resolved against the publication date.

Pure functions, no I/O. The work is split in two:

* **finding** (:func:`find_dates`): hand-written patterns pick *candidate* substrings
  (month names, weekdays, relative words, numeric dates, years after a preposition).
  Free-running ``search_dates`` over a whole article is slow and its spans are noisy
  ("Boeing 737", "20 people", "2,000 troops" come back as dates), so we only ever hand
  dateparser a short, cleaned candidate;
* **resolving** (:func:`resolve_expression`): dateparser's ``DateDataParser`` with
  ``RELATIVE_BASE`` = publication date and ``PREFER_DATES_FROM="past"`` does the calendar
  arithmetic; we add what it lacks or gets wrong for news ("on Tuesday" published on a
  Tuesday is that day, "earlier this month", "overnight", "at dawn", "the night of Sunday
  to Monday", "early 2015").

Conventions (ACLED ``time_precision``): 1 day, 2 week, 3 month, 4 year. A coarse date is
represented by the **first day of its period**: a month by its 1st, a year by 1 January, a
week by its Monday. Ambiguous numeric dates read day first (``05/03/2023`` is 5 March), the
usual order in the African and European press this project reads.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel
from spacy.tokens import Doc, Span, Token

from conflictwatch.nlp.text import doc_length, doc_text
from conflictwatch.taxonomy import EVENT_NOUNS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "DateMention",
    "date_for_mention",
    "find_dates",
    "recency_of",
    "resolve_expression",
]

DAY, WEEK, MONTH, YEAR = 1, 2, 3, 4
PAST_WINDOW_DAYS = 14

Recency = Literal["current", "past"]


class DateMention(BaseModel):
    """One date expression found in a text (character offsets into ``doc.text``)."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    relative: bool
    is_range_start: bool = False
    dateline: bool = False  # "BAMAKO, June 27 (Agency) -": the date of the report, not of an event


# --------------------------------------------------------------------------- lexicon
_MONTHS_EN = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
)
_MONTHS_FR = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
_WEEKDAYS_EN = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WEEKDAYS_FR = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_WEEKDAY_INDEX = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "lundi"),
            ("tuesday", "mardi"),
            ("wednesday", "mercredi"),
            ("thursday", "jeudi"),
            ("friday", "vendredi"),
            ("saturday", "samedi"),
            ("sunday", "dimanche"),
        ]
    )
    for name in names
}
_NUMBER_WORDS = (
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|\d{1,3}"
)
_COUNTED = (
    r"(?:people|persons|civilians|soldiers|troops|men|women|children|fighters|militants|refugees"
    r"|residents|villagers|dead|deaths|killed|injured|households|families|homes|houses|km|kilometres)\b"
)
_TIME_OF_DAY = r"morning|afternoon|evening|night|dawn|daybreak|midday|noon|midnight"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"

# Words that may introduce a date; kept in the span so that "since" can be read off it.
_LEAD = r"(?:(?i:on|in|since|from|until|till|by|during|before|after|as\s+of|le|en|depuis|au|du)\s+)?"
_NIGHT_OF = r"(?:(?i:(?:in|on|during)\s+)?the\s+night\s+(?:of|from)\s+|(?:dans\s+)?la\s+nuit\s+du\s+)?"
_WD = rf"(?:(?:{_WEEKDAYS_EN}),?\s+|(?:{_WEEKDAYS_FR})\s+)?"

_PATTERNS: list[tuple[str, bool]] = [
    # night of Sunday to Monday / nuit de dimanche à lundi
    (
        rf"(?:on\s+|during\s+)?the\s+night\s+(?:of|from)\s+(?:{_WEEKDAYS_EN})\s+(?:to|into|and)\s+(?:{_WEEKDAYS_EN})",
        True,
    ),
    (rf"(?:dans\s+)?la\s+nuit\s+(?:de|du)\s+(?:{_WEEKDAYS_FR})\s+(?:à|au)\s+(?:{_WEEKDAYS_FR})", True),
    # 17 September 2024 / Tuesday, 17 Sept. / le 3 mai 2023 / 1er mai
    (
        rf"{_NIGHT_OF}{_LEAD}{_WD}(?:the\s+)?(?<![\d,.]){_DAYNUM}(?:\s*(?:[-–]|to|and)\s*{_DAYNUM})?\s+(?:of\s+)?"
        rf"(?:{_MONTHS_EN})"
        rf"(?:,?\s+{_YEAR})?\b",
        False,
    ),
    (
        rf"{_NIGHT_OF}{_LEAD}{_WD}(?<![\d,.]){_DAYNUM}(?:\s*(?:[-–]|au)\s*{_DAYNUM})?\s+(?:{_MONTHS_FR})"
        rf"(?:\s+{_YEAR})?\b",
        False,
    ),
    # August last year / in March of this year
    (rf"{_LEAD}(?:{_MONTHS_EN})\s+(?:of\s+)?(?:last|this)\s+year\b", False),
    # holidays that name a day
    (r"\b(?:New\s+Year['’]?s?\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve))\b", True),
    # French relative expressions
    (
        r"\b(?:la\s+semaine|le\s+mois|l['’]ann[ée]e|l['’]an)\s+derni(?:er|[èe]re)\b"
        r"|\bcette\s+semaine\b|\bce\s+mois(?:-ci)?\b",
        True,
    ),
    # September 17, 2024 / Sept. 17
    (rf"{_LEAD}{_WD}(?:{_MONTHS_EN})\s+{_DAYNUM}(?:,?\s+{_YEAR})?\b(?![,.]?\d)", False),
    # July 2022 / in July, 2022 / juillet 2022
    (
        rf"{_LEAD}(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)[-\s]+)?(?:{_MONTHS_EN}),?\s+{_YEAR}\b",
        False,
    ),
    (rf"{_LEAD}(?:{_MONTHS_FR})\s+{_YEAR}\b", False),
    # numeric: 17/09/2024, 17.09.2024, 2024-09-17
    (
        r"(?<![\d/.-])(?:[0-3]?\d[/.][01]?\d[/.](?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d)(?![\d/.-]*\d)",
        False,
    ),
    # bare month after a preposition: "in July", "last March", "since May"
    (
        rf"\b(?i:in|since|from|until|during|last|this|early|late|mid|by|of)[-\s]+(?:{_MONTHS_EN})(?!\w)(?!\s+\d)",
        False,
    ),
    (rf"\b(?:en|depuis|d[eé]but|fin|mi)[-\s]+(?:{_MONTHS_FR})\b(?!\s+\d)", False),
    # relative expressions
    (r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|hier|aujourd'hui|avant-hier)\b", True),
    (r"\b(?:last|this\s+past|past)\s+(?:night|weekend)\b", True),
    (r"\b(?:earlier|later|late|early)\s+(?:this|last)\s+(?:week|month|year)\b", True),
    (rf"\b(?:this|last|next)\s+(?:week|month|year|{_TIME_OF_DAY})\b", True),
    (rf"\b(?:{_NUMBER_WORDS})\s+(?:days?|weeks?|months?|years?)\s+ago\b", True),
    (r"\b(?:overnight|at\s+dawn|at\s+daybreak|dawn)\b", True),
    # weekdays: "on Tuesday", "Tuesday's attack", "last Friday", "mardi"
    (
        rf"{_LEAD}(?:last\s+|this\s+past\s+|past\s+|next\s+|this\s+coming\s+|coming\s+)?(?:{_WEEKDAYS_EN})\b",
        True,
    ),
    (rf"\b(?:le\s+|ce\s+)?(?:{_WEEKDAYS_FR})\b(?!\s+\d)", True),
    # years: only after a preposition or a season word, never a bare number
    (
        rf"\b(?i:in|since|from|until|till|by|during|before|after|of|en|depuis|early|late|mid|end\s+of|start\s+of)"
        rf"[-\s]+(?:early[-\s]+|late[-\s]+|mid[-\s]+)?{_YEAR}\b(?![,.]?\d)(?!\s*(?:%|percent))(?!\s+{_COUNTED})",
        False,
    ),
    (rf"\b{_YEAR}(?=['’]s\b)", False),
]
# month and weekday names are proper nouns in English: keep the case-sensitive patterns case
# sensitive, but French names are lower case: compile those patterns case-insensitively.
_COMPILED = [
    (
        re.compile(
            p if p.startswith((r"\b", "(?<")) else r"\b" + p,  # a word start: skips most positions fast
            re.IGNORECASE if (rel or "janvier" in p or "lundi" in p) else 0,
        ),
        rel,
    )
    for p, rel in _PATTERNS
]

_LEAD_RE = re.compile(
    r"^(?:on|in|since|from|until|till|by|during|before|after|as\s+of|of|le|en|depuis|au|du|ce|dans)\s+",
    re.IGNORECASE,
)
_RANGE_START_RE = re.compile(r"^(?:since|from|depuis|as\s+of)\b", re.IGNORECASE)
_SEASON_RE = re.compile(
    r"^(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of|end\s+of|start\s+of|d[ée]but|fin)[-\s]+)+",
    re.IGNORECASE,
)
_TOD_RE = re.compile(rf"\s+(?:{_TIME_OF_DAY})$", re.IGNORECASE)
_NIGHT_RE = re.compile(
    rf"(?:night|nuit)\s+(?:of|from|de|du)\s+({_WEEKDAYS_EN}|{_WEEKDAYS_FR})\b", re.IGNORECASE
)
_WEEKDAY_RE = re.compile(
    rf"^(?:(last|this\s+past|past|next|this\s+coming|coming)\s+)?({_WEEKDAYS_EN}|{_WEEKDAYS_FR})$",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- resolving
def _start_of_period(day: dt.date, precision: int) -> dt.date:
    if precision == YEAR:
        return day.replace(month=1, day=1)
    if precision == MONTH:
        return day.replace(day=1)
    if precision == WEEK:
        return day - dt.timedelta(days=day.weekday())
    return day


def _weekday_on_or_before(published: dt.date, weekday: int) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _clean(text: str) -> str:
    """Strip what dateparser should not see: lead prepositions, possessives, time of day."""
    t = " ".join(text.split())
    t = re.sub(r"['’]s$", "", t)
    prev = None
    while prev != t:
        prev = t
        t = _LEAD_RE.sub("", t)
        t = _TOD_RE.sub("", t)
    return t.strip(" ,")


_SPECIAL: dict[str, tuple[int, int]] = {
    # expression -> (days before publication, precision); 0 days = the publication day
    "today": (0, DAY),
    "tonight": (0, DAY),
    "aujourd'hui": (0, DAY),
    "this morning": (0, DAY),
    "this afternoon": (0, DAY),
    "this evening": (0, DAY),
    "at dawn": (0, DAY),
    "dawn": (0, DAY),
    "at daybreak": (0, DAY),
    "yesterday": (1, DAY),
    "hier": (1, DAY),
    "overnight": (1, DAY),
    "last night": (1, DAY),
    "past night": (1, DAY),
    "this past night": (1, DAY),
    "the day before yesterday": (2, DAY),
    "avant-hier": (2, DAY),
    "this week": (0, WEEK),
    "earlier this week": (0, WEEK),
    "this month": (0, MONTH),
    "earlier this month": (0, MONTH),
    "this year": (0, YEAR),
    "earlier this year": (0, YEAR),
}


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    base = dt.datetime.combine(published or dt.date(2000, 1, 1), dt.time(12, 0))
    french = _FRENCH_RE.search(text) is not None  # one language is faster than two to try
    data = _parser_for(base, "fr" if french else "en").get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    precision = {"year": YEAR, "month": MONTH, "week": WEEK}.get(data.period or "day", DAY)
    return _start_of_period(data.date_obj.date(), precision), precision


_FRENCH_RE = re.compile(
    rf"\b(?:{_MONTHS_FR}|{_WEEKDAYS_FR}|derni(?:er|[èe]re)|semaine|mois|ann[ée]e|hier|aujourd|avant-hier|le|la)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=64)
def _parser_for(base: dt.datetime, language: str) -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=[language],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "RETURN_TIME_AS_PERIOD": True,
            "DATE_ORDER": "DMY",
        },
    )


@lru_cache(maxsize=8192)
def resolve_expression(text: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    """Resolve one date expression to ``(representative day, precision)``.

    ``published`` anchors relative expressions; without it only expressions that carry
    their own year resolve (a relative or year-less expression returns ``None``).
    """
    raw = " ".join(text.split())
    lowered = raw.lower().strip(" ,.")
    lowered = re.sub(r"['’]s$", "", lowered)
    lowered_nolead = _LEAD_RE.sub("", lowered)
    has_year = re.search(rf"\b{_YEAR}\b", raw) is not None

    # the night of Sunday to Monday: the night starts on the first day named
    night = _NIGHT_RE.search(raw)
    if night:
        if published is None:
            return None
        return _weekday_on_or_before(published, _WEEKDAY_INDEX[night.group(1).lower()]), DAY

    for key in (lowered, lowered_nolead):
        if key in _SPECIAL:
            if published is None:
                return None
            days, precision = _SPECIAL[key]
            return _start_of_period(published - dt.timedelta(days=days), precision), precision

    cleaned = _clean(raw)
    weekday = _WEEKDAY_RE.match(cleaned)
    if weekday:
        if published is None:
            return None
        index = _WEEKDAY_INDEX[weekday.group(2).lower()]
        if weekday.group(1) and weekday.group(1).lower().split()[-1] in {"next", "coming"}:
            # announced, not happened: the first such day after publication
            return published + dt.timedelta(days=(index - published.weekday() - 1) % 7 + 1), DAY
        day = _weekday_on_or_before(published, index)
        if weekday.group(1) and day == published:  # "last Tuesday" said on a Tuesday
            day -= dt.timedelta(days=7)
        return day, DAY

    special = _special_days(cleaned, published)
    if special is not None:
        return special
    cleaned = _NIGHT_PREFIX_RE.sub("", cleaned)
    cleaned = _DAY_RANGE_RE.sub(r"\1", cleaned)  # "3-4 May", "the night of 16 to 17 July": the first day
    season = _SEASON_RE.match(cleaned)
    if season:  # "early 2015", "mid-July 2022", "late last year": keep the period itself
        cleaned = cleaned[season.end() :]
        if cleaned.lower() in _SPECIAL:
            return resolve_expression(cleaned, published)
    if re.fullmatch(rf"{_YEAR}", cleaned):
        return dt.date(int(cleaned), 1, 1), YEAR
    if published is None and not has_year:
        return None
    found = _dateparser(cleaned, published)
    if found is None and cleaned != raw:  # "le mois dernier": the article is part of the phrase
        found = _dateparser(raw, published)
    return found


_MONTH_INDEX = {
    name: i + 1
    for i, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    )
}
_DAY_RANGE_RE = re.compile(
    r"^(\d{1,2})(?:st|nd|rd|th|er)?\s*(?:[-–]|to|and|au)\s*\d{1,2}(?:st|nd|rd|th|er)?(?=\s)", re.IGNORECASE
)
_NIGHT_PREFIX_RE = re.compile(
    r"^(?:(?:in|on|during)\s+)?the\s+night\s+(?:of|from)\s+|^(?:dans\s+)?la\s+nuit\s+du\s+", re.IGNORECASE
)
_REL_MONTH_RE = re.compile(rf"^(last|this|past|this\s+past)\s+({_MONTHS_EN})$", re.IGNORECASE)
_MONTH_REL_YEAR_RE = re.compile(rf"^({_MONTHS_EN})\s+(?:of\s+)?(last|this)\s+year$", re.IGNORECASE)
_WEEKEND_RE = re.compile(r"^(?:(?:last|this\s+past|past|the)\s+)weekend$", re.IGNORECASE)
_HOLIDAY_RE = re.compile(r"^(new\s+year['’]?s?|christmas)\s+(day|eve)$", re.IGNORECASE)


def _month_number(name: str) -> int:
    return _MONTH_INDEX[name.lower().rstrip(".")[:3]]


def _special_days(cleaned: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    """What dateparser does not know: weekends, "last December", "August last year", holidays."""
    if published is None:
        return None
    if _WEEKEND_RE.match(cleaned):  # a weekend by its Saturday, precision week
        return _weekday_on_or_before(published - dt.timedelta(days=1), 5), WEEK
    m = _REL_MONTH_RE.match(cleaned)
    if m:
        month = _month_number(m.group(2))
        year = published.year
        if m.group(1).lower() != "this" and month >= published.month:
            year -= 1  # "last March" said in March or earlier in the year: a year back
        return dt.date(year, month, 1), MONTH
    m = _MONTH_REL_YEAR_RE.match(cleaned)
    if m:
        year = published.year - (1 if m.group(2).lower() == "last" else 0)
        return dt.date(year, _month_number(m.group(1)), 1), MONTH
    m = _HOLIDAY_RE.match(cleaned)
    if m:
        new_year, eve = m.group(1).lower().startswith("new"), m.group(2).lower() == "eve"
        month, day = (12, 31) if new_year and eve else (1, 1) if new_year else (12, 24 if eve else 25)
        when = dt.date(published.year, month, day)
        return (when if when <= published else when.replace(year=published.year - 1)), DAY
    return None


# --------------------------------------------------------------------------- finding
# Every date expression holds one of these; the full patterns only run on windows around them.
_ANCHOR_RE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|f[ée]v|avr|mai"
    r"|juin|juil|ao[uû]t|d[ée]c|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|yesterday|today"
    r"|tonight|overnight|dawn|daybreak|night|weekend|week|month|year|ago|hier|aujourd|avant-hier"
    r"|morning|afternoon|evening|midday|noon|midnight"
    r"|semaine|mois|l['’]an|nuit|new\s+year|christmas)",
    re.IGNORECASE,
)
_MARGIN = 64


def _windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around anchor words, widened to whitespace and merged."""
    spans: list[tuple[int, int]] = []
    for m in _ANCHOR_RE.finditer(text):
        start = max(0, m.start() - _MARGIN)
        end = min(len(text), m.end() + _MARGIN)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _candidates(text: str) -> list[tuple[int, int, bool]]:
    """Non-overlapping candidate spans, longest first, each with its ``relative`` flag."""
    found: list[tuple[int, int, bool]] = []
    for w_start, w_end in _windows(text):
        window = text[w_start:w_end]
        for regex, relative in _COMPILED:
            for m in regex.finditer(window):
                found.append((m.start() + w_start, m.end() + w_start, relative))
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    kept: list[tuple[int, int, bool]] = []
    for start, end, relative in found:
        if any(start < k_end and k_start < end for k_start, k_end, _ in kept):
            continue
        kept.append((start, end, relative))
    kept.sort()
    return kept


def _absorb_time_of_day(text: str, kept: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Drop a bare time-of-day mention ("at dawn") that qualifies a neighbouring date."""
    out: list[tuple[int, int, bool]] = []
    for i, (start, end, relative) in enumerate(kept):
        span = text[start:end].lower()
        if span in {"dawn", "at dawn", "at daybreak", "overnight"}:
            neighbours = [c for j, c in enumerate(kept) if j != i]
            if any(abs(n_start - end) <= 4 or abs(start - n_end) <= 4 for n_start, n_end, _ in neighbours):
                continue
        out.append((start, end, relative))
    return out


def _trim_lead(text: str, start: int, end: int) -> tuple[int, bool]:
    """Offsets start at the date itself, not at "on"/"in"; "since"/"from" mark a range start."""
    span = text[start:end]
    range_start = _RANGE_START_RE.match(span) is not None
    lead = _LEAD_RE.match(span)
    if lead and lead.end() < len(span):
        start += lead.end()
    return start, range_start


def find_dates(doc: Doc | Span | str, published: dt.date | None) -> list[DateMention]:
    """Every date expression of the text that resolves, in text order.

    Offsets are character offsets into ``doc.text`` (for a Span: into its Doc's text).
    """
    if isinstance(doc, str):
        text, offset = doc, 0
    elif isinstance(doc, Span):
        text, offset = doc.text, doc.start_char
    else:
        text, offset = doc_text(doc), 0  # the Doc's text, built once per Doc
    mentions: list[DateMention] = []
    for start, end, relative in _absorb_time_of_day(text, _candidates(text)):
        phrase = text[start:end]
        bare_weekday = _WEEKDAY_RE.match(_clean(phrase))
        if bare_weekday and not bare_weekday.group(1) and _announced(text, start):
            phrase = "next " + bare_weekday.group(2)  # "they will meet Friday": the coming Friday
        resolved = resolve_expression(phrase, published)
        if resolved is None:
            continue
        if resolved[1] == MONTH and published and _BARE_MONTH_RE.match(_clean(phrase)) and _announced(text, start):
            resolved = _coming_month(resolved[0], published), MONTH  # "elections it plans to hold in December"
        start, range_start = _trim_lead(text, start, end)
        day, precision = resolved
        mentions.append(
            DateMention(
                start=start + offset,
                end=end + offset,
                text=text[start:end],
                date=day,
                precision=precision,
                relative=relative or re.search(rf"\b{_YEAR}\b", text[start:end]) is None,
                is_range_start=range_start,
                dateline=_is_dateline(text, start, end),
            )
        )
    return mentions


_BARE_MONTH_RE = re.compile(rf"^(?:{_MONTHS_EN})$")


def _coming_month(month: dt.date, published: dt.date) -> dt.date:
    """A month named without a year in an announcement: the first such month from publication on."""
    year = published.year + (1 if month.month < published.month else 0)
    return dt.date(year, month.month, 1)


_FUTURE_RE = re.compile(
    r"\b(?:will|shall|'ll|is\s+due\s+to|are\s+due\s+to|plans?\s+to|planned\s+for|scheduled\s+(?:to|for)"
    r"|is\s+set\s+to|are\s+set\s+to|expected\s+to|to\s+be\s+held|to\s+resume)\b",
    re.IGNORECASE,
)


def _announced(text: str, start: int) -> bool:
    """A future-tense cue earlier in the same clause ("will", "is due to", "scheduled for")."""
    window = text[max(0, start - 60) : start]
    cut = max(window.rfind(c) for c in ".;!?\n")
    return _FUTURE_RE.search(window[cut + 1 :]) is not None


_DATELINE_BEFORE = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}(?:,\s*[A-ZÀ-Ý][\w .'’-]{1,40})?,\s*(?:\w+,\s*)?")
_DATELINE_AFTER = re.compile(r"\s*(?:,?\s*(?:19|20)\d\d)?\s*(?:\([^)]{1,40}\)\s*)?[-–—:]")


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A date right after a capitalised place name that opens a line: "KINSHASA, Jan 16 (AFP) -"."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return _DATELINE_BEFORE.fullmatch(before) is not None and _DATELINE_AFTER.match(text, end) is not None


# --------------------------------------------------------------------------- per event
def recency_of(day: dt.date, precision: int, published: dt.date | None) -> Recency:
    """``"past"`` when a date lies clearly before the reporting window of the article."""
    if published is None:
        return "current"
    if precision >= YEAR:
        return "past" if day.year < published.year else "current"
    if precision == MONTH:
        return "past" if (day.year, day.month) < (published.year, published.month) else "current"
    return "past" if (published - day).days > PAST_WINDOW_DAYS else "current"


def _governing_verb(doc: Doc, char: int) -> int | None:
    """Index of the verb whose clause holds the token at ``char`` (needs a dependency parse)."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(char, min(char + 1, doc_length(doc)), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span[0]
    for _ in range(12):
        if token.pos_ in {"VERB", "AUX"}:
            return token.i
        if token.head.i == token.i:
            return token.i
        token = token.head
    return None


# counted from the report's own day: a named day says more ("an overnight raid ... late on Sunday")
TIME_OF_DAY_ONLY = frozenset({"overnight", "dawn", "at dawn", "at daybreak", "this morning", "tonight", "last night"})
SPEECH_VERBS = frozenset({"say", "tell", "report", "announce", "confirm", "add", "state", "claim", "declare", "quote"})


def _event_root(sent: Span) -> Token:
    """The sentence's main verb, or the clause it reports ("X said gunmen attacked ...")."""
    root = sent.root
    if root.lemma_ in SPEECH_VERBS:
        for child in root.children:
            if child.dep_ in {"ccomp", "parataxis"} and child.pos_ in {"VERB", "AUX"}:
                return child
    return root


_WHEN_AFTER = re.compile(r"^\s*,?\s*(?:when|as|after|where)\b", re.IGNORECASE)


def _dates_another_thing(doc: Doc, d: DateMention, anchor: int) -> bool:
    """"results of last month's general election", "the 2014 peace deal": the date belongs to the
    noun it modifies, which is not an event (nor the event's own word)."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    if root.dep_ not in ("poss", "compound", "nmod", "amod", "nummod") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.idx <= anchor < head.idx + len(head.text) or head.ent_type_ in ("DATE", "TIME"):
        return False  # "Sunday night", "the morning of 3 May": still a time
    return head.lemma_.lower() not in EVENT_NOUNS | _TIME_NOUNS


# "following the death of its commander in an air strike last month", "in response to Israeli strikes
# last week": a date that closes a phrase naming what the event answers dates that earlier thing
_CAUSE_RE = re.compile(r"\b(?:following|after|in\s+(?:response|retaliation|reprisal|revenge)\s+(?:to|for))\s+", re.I)
_CAUSE_NOUNS = EVENT_NOUNS | {"death", "murder", "assassination", "arrest", "capture", "execution", "abduction"}


def _dates_a_cause(doc: Doc, d: DateMention, anchor: int) -> bool:
    """Does the date close a phrase, after the event's word, that names the event's cause ("named a
    new leader following the death of its commander in an air strike last month")? A phrase is a
    noun phrase: a verb or a comma in it makes it a clause of its own, with its own reading."""
    text = doc_text(doc)
    line_start = max(text.rfind(c, 0, d.start) for c in ".;!?\n") + 1
    causes = [m for m in _CAUSE_RE.finditer(text, max(anchor, line_start), d.start)]
    if not causes:
        return False
    phrase = doc.char_span(causes[-1].end(), d.start, alignment_mode="contract")
    if phrase is None or not len(phrase):
        return False
    if any(t.pos_ in ("VERB", "AUX") or t.text in ",;:" for t in phrase):
        return False
    return any(t.lemma_.lower() in _CAUSE_NOUNS for t in phrase)


_TIME_NOUNS = frozenset({"night", "morning", "evening", "afternoon", "day", "dawn", "week", "weekend", "month",
                         "year", "hour", "period", "time", "date", "season", "anniversary"})


def date_for_mention(
    sents: Sequence[Span],
    dates: list[DateMention],
    published: dt.date | None,
    trigger: int | None = None,
) -> tuple[dt.date | None, int, DateMention | None, Recency]:
    """The date of one event mention spread over ``sents``.

    Picks the date mention inside those sentences nearest to ``trigger`` (a character
    offset, e.g. of the event verb; by default the root of the first sentence). A range
    start ("since 2015") dates the event only when a clause hangs on it ("since 2015, when
    gunmen stormed a hotel") and the trigger lies after it. Without any date in the
    sentences the event takes the publication day (precision 1, ``"current"``); with no
    publication date either, the date is ``None``.

    Returns ``(date, precision, mention or None, recency)``.
    """
    if not sents:
        return published, DAY, None, "current"
    doc = sents[0].doc
    bounds = [(s.start_char, s.end_char) for s in sents]
    inside = [d for d in dates if any(a <= d.start and d.end <= b for a, b in bounds)]
    anchor = trigger if trigger is not None else _event_root(sents[0]).idx

    def usable(d: DateMention) -> bool:
        if not d.is_range_start:
            return True
        return _WHEN_AFTER.match(doc_text(doc)[d.end : d.end + 12]) is not None and anchor >= d.end

    pool = [d for d in inside if usable(d) and not d.dateline and not _dates_another_thing(doc, d, anchor)
            and not _dates_a_cause(doc, d, anchor)]
    if not pool:
        return published, DAY, None, "current"
    governor = _governing_verb(doc, anchor)

    def rank(d: DateMention) -> tuple[int, int, int, int, int]:
        verb = _governing_verb(doc, d.start)
        same_clause = 0 if governor is None or verb == governor else 1
        # "..., military sources said on Friday": the date of the report, not of the event
        reporting = 1 if verb is not None and verb != governor and doc[verb].lemma_ in SPEECH_VERBS else 0
        # "an overnight raid ... late on Sunday": the named day says more than the time of day
        weak = 1 if d.text.lower() in TIME_OF_DAY_ONLY else 0
        return reporting, weak, same_clause, min(abs(anchor - d.start), abs(anchor - d.end)), d.precision

    best = min(pool, key=rank)
    return best.date, best.precision, best, recency_of(best.date, best.precision, published)
