"""Merge the mentions of one event, and pick the article's principal event.

A news article tells one event in many sentences ("launched an assault ... They also attacked a
dormitory ... Dozens were killed in the fighting ... JNIM claimed responsibility for Tuesday's
attack") and cites others as background, each with its own date or place. Mentions are merged
when nothing separates them: a mention with its own date or its own place that differs from an
event's starts a new event; a mention without either elaborates the event told just before it,
or the article's current event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from conflictwatch.distance import km
from conflictwatch.extract.dates import SPEECH_VERBS, TIME_OF_DAY_ONLY, DateMention
from conflictwatch.extract.mentions import SURE_CONFIDENCE, Mention
from conflictwatch.geo import EventLocation
from conflictwatch.taxonomy import BATTLES, EXPLOSIONS, RIOTS, STRATEGIC, VIOLENCE_AGAINST_CIVILIANS

# Strategic developments that are events of their own even on the day and place of an attack.
SEPARATE_SD = frozenset(
    {"Arrests", "Agreement", "Change to group/activity", "Headquarters or base established",
     "Non-violent transfer of territory", "Other"}
)
SAME_PLACE_KM = 40.0


@dataclass
class Group:
    mentions: list[Mention] = field(default_factory=list)
    locations: list[EventLocation | None] = field(default_factory=list)
    # sentences that add who or how many without being typed as a mention of their own:
    # "JNIM claimed responsibility for Tuesday's attack", "Eleven of the wounded later died."
    support: list[Span] = field(default_factory=list)
    # the day of the story, for an event it tells with no date of its own (see date_by_the_story)
    story_day: Mention | None = None

    @property
    def dated(self) -> Mention | None:
        """The mention whose date the event takes, among those that could stand as an event (not a
        bare report of it: "the military said on Monday", typed with the event it frames).

        When they name different dates, the most precise one; a named day before a time of day
        counted from the report's own day ("an overnight raid, officials said on Tuesday" ...
        "struck late on Sunday"); and between two days a night apart, the first: as the ACLED
        codebook does, an attack that runs through a night is coded to the day it began.
        """
        told = [m for m in self.mentions if m.explicit_date and not _bare_report(m)]
        pool = [m for m in told if m.core] or told
        return min(pool, key=lambda m: (m.time_precision, _from_report_day(m), m.event_date), default=None)

    @property
    def reported(self) -> Mention | None:
        """A report's own date ("said on Monday"), for an event that has no other."""
        return next((m for m in self.mentions if m.explicit_date and _bare_report(m)), None)

    @property
    def location(self) -> EventLocation | None:
        located = [loc for loc in self.locations if loc is not None]
        return min(located, key=lambda loc: (loc.geo_precision, -loc.confidence)) if located else None

    @property
    def recency(self) -> str:
        d = self.dated or self.story_day
        return d.recency if d else "current"

    def is_separate_sd(self) -> bool:
        return all(m.decision.sub_event_type in SEPARATE_SD for m in self.mentions)

    def take(self, mentions: list[Mention], locations: list[EventLocation | None]) -> None:
        """Add mentions (with their places) and keep them in text order."""
        pairs = sorted(zip(self.mentions + mentions, self.locations + locations, strict=True),
                       key=lambda ml: ml[0].span.start)
        self.mentions, self.locations = [m for m, _ in pairs], [loc for _, loc in pairs]


def _bare_report(m: Mention) -> bool:
    return not m.core and m.clause.head.lemma_.lower() in SPEECH_VERBS


def _from_report_day(m: Mention) -> bool:
    """Dated only by a time of day counted from the report's day ("overnight", "last night")."""
    return m.date_mention is not None and m.date_mention.text.lower() in TIME_OF_DAY_ONLY


def _same_date(a: Mention, b: Mention) -> bool:
    if not a.explicit_date or not b.explicit_date:
        return True
    prec = max(a.time_precision, b.time_precision)
    da, db = a.event_date, b.event_date
    if prec >= 4:
        return da.year == db.year
    if prec == 3:
        return (da.year, da.month) == (db.year, db.month)
    if prec == 2:
        return abs((da - db).days) <= 6
    # two days named apart are two days ("on Saturday" ... "On Sunday"), unless a night joins them:
    # the later day is told by the night's end ("late on Saturday" ... "in the early hours of
    # Sunday"), or the earlier by the whole night ("overnight"). A later day told plainly is a day
    # of its own ("struck late on Sunday" ... "pursued the attackers on Monday").
    gap = (db - da).days
    if gap == 0:
        return True
    earlier, later = (a, b) if gap > 0 else (b, a)
    return abs(gap) == 1 and (_tells(later, _NIGHT_END) or _tells(earlier, _WHOLE_NIGHT))


_NIGHT_END = re.compile(r"\b(?:night|overnight|early|dawn|pre-dawn|daybreak|midnight|small hours)\b", re.I)
_WHOLE_NIGHT = re.compile(r"\b(?:overnight|night (?:of|from) \w+ (?:to|into|and))\b", re.I)


def _tells(m: Mention, words: re.Pattern[str]) -> bool:
    dm = m.date_mention
    return bool(words.search(f"{dm.text if dm else ''} {m.span.text}"))


def _across_a_border(a: EventLocation, b: EventLocation) -> bool:
    """Two precise places in two countries are two events, however close ("rockets hit Kiryat
    Shmona" and "shells landed on Khiam", ten kilometres apart across the border)."""
    return a.geo_precision < 3 and b.geo_precision < 3 and bool(a.country and b.country) and a.country != b.country


def _same_place(a: EventLocation | None, b: EventLocation | None) -> bool:
    if a is None or b is None:
        return True
    if _across_a_border(a, b):
        return False
    if a.geo_precision == 3 or b.geo_precision == 3:
        return (a.country or "") == (b.country or "") or not a.country or not b.country
    return km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <= SAME_PLACE_KM


def _near_enough(a: EventLocation | None, b: EventLocation | None) -> bool:
    """For an elaboration (b) of an event (a): only two precise places far apart, or a precise place
    in another country, tell two events apart ("Israeli shelling kills 2 in south Lebanon town
    after rockets hit Kiryat Shmona"); a country named in passing ("fled towards the Burkina Faso
    border") does not."""
    if a is None or b is None:
        return True
    if b.geo_precision < 3 and a.country and b.country and a.country != b.country:
        return False
    if a.geo_precision == 3 or b.geo_precision == 3:
        return True
    return km(a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude) <= SAME_PLACE_KM


def _fits(g: Group, m: Mention, loc: EventLocation | None, elaboration: bool = False) -> bool:
    sd_m = m.decision.event_type == STRATEGIC and m.decision.sub_event_type in SEPARATE_SD
    if sd_m != g.is_separate_sd():
        return False
    dated = g.dated
    if m.explicit_date and dated is not None and not _same_date(dated, m):
        return False
    if m.explicit_date and dated is None and m.recency != g.recency:
        return False
    return _near_enough(g.location, loc) if elaboration else _same_place(g.location, loc)


def group_mentions(mentions: list[Mention], locations: list[EventLocation | None]) -> list[Group]:
    """Mentions (in text order) -> events, each a group of mentions, in text order."""
    groups: list[Group] = []
    if not mentions:
        return groups
    sent_index = {s.start: i for i, s in enumerate(mentions[0].sent.doc.sents)}
    early: list[tuple[Mention, EventLocation | None]] = []
    for m, loc in zip(mentions, locations, strict=True):
        target: Group | None = None
        recent = groups[-1] if groups else None
        adjacent = recent is not None and _sent_gap(recent, m, sent_index) <= 1
        if _starts_separately(m) and (recent is None or recent.mentions[-1].sent.start != m.sent.start):
            target = None  # "Separately, ...", "In another attack, ...": the writer says it is another event
        elif recent is not None and not m.explicit_date and _another_act(recent, m) and _fits(recent, m, loc, True):
            # "The raiders also abducted six children": another event, on the day and at the place of
            # the one told just before it
            other = Group(story_day=recent.dated or recent.story_day)
            other.mentions.append(m)
            other.locations.append(loc or recent.location)
            groups.append(other)
            continue
        elif recent is not None and adjacent and not m.explicit_date and _fits(recent, m, loc, elaboration=True):
            # an elaboration of the event told just before it (same or next sentence)
            target = recent
        elif m.explicit_date or loc is not None:
            # a mention with its own date or place joins an event it agrees with
            target = next((g for g in groups if _fits(g, m, loc)), None)
        else:
            # a reference back ("the attack was a setback"): the article's current event
            target = next((g for g in groups if g.recency == "current" and _fits(g, m, loc)), None)
        if target is None:
            if not m.core:
                early.append((m, loc))  # too weak to stand as an event of its own
                continue
            target = Group()
            groups.append(target)
        target.mentions.append(m)
        target.locations.append(loc)
    _adopt_early(groups, early)
    return _date_undated(groups)


_ALSO = re.compile(r"\balso\b", re.I)


def _another_act(g: Group, m: Mention) -> bool:
    """A sure reading of another kind of event that the writer adds with "also" ("The raiders also
    abducted six children and three women" after a clash): ACLED codes it as an event of its own."""
    return (m.core and m.decision.confidence >= SURE_CONFIDENCE and bool(_ALSO.search(m.span.text))
            and _kind(m) not in {_kind(x) for x in g.mentions if x.core})


def _adopt_early(groups: list[Group], early: list[tuple[Mention, EventLocation | None]]) -> None:
    """A weak mention with a date, told before the event it belongs to, had no event to join
    ("youths destroyed houses on Thursday" read weakly, then "set fire to houses" read surely): it
    joins the one event of its kind it agrees with, and dates it when that event has no date.
    Read as another kind of violence ("the team bus was attacked on Sunday evening" read weakly as
    an attack, then "they threw stones at it" surely as a riot), it dates the one undated event of
    violence told after it that it agrees with."""
    told = [g for g in groups if g.story_day is None]  # not an act added with "also": it has its day
    for m, loc in early:
        if not m.explicit_date:
            continue  # only a date is worth taking from a weak reading
        fits = [g for g in told if _kind(m) in {_kind(x) for x in g.mentions} and _fits(g, m, loc)]
        if not fits and _kind(m) in VIOLENT:
            fits = [g for g in told if g.dated is None and g.mentions[0].span.start > m.span.start
                    and VIOLENT & {_kind(x) for x in g.mentions if x.core} and _fits(g, m, loc)]
        if len(fits) == 1:
            fits[0].take([m], [loc])


RECENT_DAYS = 31
VIOLENT = frozenset({BATTLES, EXPLOSIONS, VIOLENCE_AGAINST_CIVILIANS, RIOTS})


def _kind(m: Mention) -> str:
    """The event type, with a crowd's property destruction counted with riots."""
    d = m.decision
    return "Riots" if d.sub_event_type == "Looting/property destruction" else d.event_type


def _date_undated(groups: list[Group]) -> list[Group]:
    """An event the article never dates ("the fence recently pulled down by youths") and a recent
    dated mention of the same kind of event at the same place ("pulled down ... on March 13") are
    one event: the undated one was only put on the publication day for want of a date."""
    for g in [g for g in groups if g.dated is None and not g.is_separate_sd()]:
        kinds = {_kind(m) for m in g.mentions}
        day = g.mentions[0].event_date  # the publication day the undated mentions fell back on
        fits = [h for h in groups if h is not g and h.dated is not None and not h.is_separate_sd()
                and 0 < (day - h.dated.event_date).days <= RECENT_DAYS
                and kinds & {_kind(m) for m in h.mentions}
                and _same_place(g.location, h.location)]
        if len(fits) == 1:
            h = fits[0]
            h.take(g.mentions, g.locations)
            h.support = g.support + h.support
            groups = [x for x in groups if x is not g]
    return groups


STORY_DAYS = 7


def date_by_the_story(groups: list[Group], main: int) -> None:
    """An event the article tells without a date, of the kind of its principal event, happened on
    the principal event's day when that is a day of the last week ("Police shot dead two men in
    Kisumu on Friday during protests ... In Nairobi, police fired tear gas to disperse
    protesters"): the story's day, not the publication day it would fall back on."""
    if main < 0 or (lead := groups[main].dated) is None or lead.time_precision != 1:
        return
    kinds = {_kind(m) for m in groups[main].mentions if m.core}
    for g in groups:
        if g.dated is not None or g.reported is not None or g.story_day is not None or g.is_separate_sd():
            continue
        day = g.mentions[0].event_date  # the publication day the undated mentions fell back on
        if 0 < (day - lead.event_date).days <= STORY_DAYS and kinds & {_kind(m) for m in g.mentions if m.core}:
            g.story_day = lead


CLAIM_WORDS = ("claimed responsibility", "claim responsibility", "claimed the attack", "responsibility for")


def attach_support(groups: list[Group], doc: Doc, dates: list[DateMention], main: int) -> None:
    """Give each event the untyped sentences that speak of it.

    The sentence right after an event's mention (when no other event's mention is in it), a
    sentence that names the event's own day ("Tuesday's attack"), and, for the principal event,
    a claim of responsibility that names no other date.
    """
    owner: dict[int, int] = {}
    for gi, g in enumerate(groups):
        for m in g.mentions:
            owner.setdefault(m.sent.start, gi)
    sents = list(doc.sents)
    index = {s.start: i for i, s in enumerate(sents)}
    for gi, g in enumerate(groups):
        dated = g.dated
        day = dated.event_date if dated is not None else None
        picked: dict[int, Span] = {}  # by sentence start: each sentence once, in the order found
        for m in g.mentions:
            i = index.get(m.sent.start)
            if i is not None and i + 1 < len(sents) and sents[i + 1].start not in owner:
                picked.setdefault(sents[i + 1].start, sents[i + 1])
        for s in sents:
            if s.start in owner:  # a sentence with a mention of any event is that event's
                continue
            sd = [d for d in dates if s.start_char <= d.start < s.end_char and not d.dateline]
            same_day = dated is not None and any(d.date == day and d.precision == dated.time_precision for d in sd)
            claim = (gi == main and not any(d.precision <= 3 and d.date != day for d in sd)
                     and any(w in s.text.lower() for w in CLAIM_WORDS))
            if same_day or claim:
                picked.setdefault(s.start, s)
        g.support = list(picked.values())


_SEPARATELY = re.compile(
    r"^\W*(?:separately|elsewhere|in (?:a|another) (?:separate )?(?:incident|attack|development|raid|clash|case)"
    r"|in a separate\b|in other (?:news|violence)|also on \w+ (?:morning|evening|night|afternoon)?,? in)\b",
    re.I,
)


def _starts_separately(m: Mention) -> bool:
    return bool(_SEPARATELY.match(m.sent.text))


def _sent_gap(g: Group, m: Mention, sent_index: dict[int, int]) -> int:
    """How many sentences lie between the group's last mention and this one (0: same sentence)."""
    return sent_index[m.sent.start] - sent_index[g.mentions[-1].sent.start]


def principal(groups: list[Group]) -> int:
    """Index of the article's principal event: the event the article is about.

    Usually the current event told first; but a follow-up story ("a month after the poisoning
    in Salisbury, ...") is about a past event it keeps returning to. Each event is weighed by
    whether it opens the article, how many mentions and supporting sentences it has, whether it
    has a toll, and whether it is current.
    """
    if not groups:
        return -1
    first_sent = min(g.mentions[0].sent.start for g in groups)

    def weight(i: int) -> float:
        g = groups[i]
        lede = 2.0 if g.mentions[0].sent.start == first_sent else 0.0
        core = sum(m.core for m in g.mentions)
        return (lede + len(g.mentions) + core + 0.5 * len(g.support)
                + 0.5 * any(m.has_toll for m in g.mentions) + 2.0 * (g.recency == "current"))

    return max(range(len(groups)), key=lambda i: (weight(i), -i))
