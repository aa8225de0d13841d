"""The extraction chain: a parsed Doc and its article -> coded events, principal event first.

``extract_events`` is a pure function of its inputs (no I/O), so the CLI, the API worker and a
batch task run the same code. ``Extractor`` holds what is loaded once (the spaCy pipeline, the
actor knowledge base, the gazetteer) and feeds articles through ``nlp.pipe``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from conflictwatch.actors.kb import ActorKB
from conflictwatch.config import Settings, get_settings
from conflictwatch.errors import EmptyInput, ExtractionError, TooLarge, UnsupportedLanguage
from conflictwatch.extract.build import build_event
from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.mentions import SHORT_TEXT_TOKENS, Mention, find_mentions
from conflictwatch.extract.merge import attach_support, date_by_the_story, group_mentions, principal
from conflictwatch.geo import EventLocation, Gazetteer, Geoparser, is_fallback
from conflictwatch.models import Article, Event, Toponym
from conflictwatch.nlp.text import doc_text
from conflictwatch.readers import looks_english

# developments that exist only as some party's act: with no party found they are no event
PARTY_MADE = frozenset({"Agreement", "Headquarters or base established", "Change to group/activity", "Other"})

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resources:
    """What the stages consult, loaded once and injected."""

    kb: ActorKB
    geoparser: Geoparser


def extract_events(doc: Doc, article: Article, res: Resources) -> list[Event]:
    """Stages: dates -> mentions -> places -> merge -> code each event -> principal first."""
    dates = find_dates(doc, article.published)
    mentions = find_mentions(doc, article.published, dates)
    if not mentions:
        return []
    # a word that is part of a date expression ("in March", "on Thursday") is not a place
    toponyms = [
        t for t in res.geoparser.toponyms(doc, doc_id=article.id)
        if not any(d.start < t.end and t.start < d.end for d in dates)
    ]
    focus = res.geoparser.locate_event(doc, toponyms, list(doc.sents), None)
    hint = focus.country if focus else None
    sents = list(doc.sents)
    locations: list[EventLocation | None] = [
        res.geoparser.locate_event(doc, toponyms, m.context, hint) if _names_place(m, toponyms)
        else _place_referred_back(m, sents, doc, toponyms, res.geoparser, hint)
        for m in mentions
    ]
    groups = group_mentions(mentions, locations)
    main = principal(groups)
    date_by_the_story(groups, main)
    attach_support(groups, doc, dates, main)
    events = [build_event(g, doc, article, res.kb, focus, i) for i, g in enumerate(groups)]
    # in an article, a strategic development nobody made ("signed legislation", "opened proceedings
    # at its headquarters", with no party to a conflict) is a stray reading, not an event (a
    # one-line note is typed as a whole and keeps its reading)
    long_text = len(doc) > SHORT_TEXT_TOKENS
    keep = [i for i, e in enumerate(events)
            if not (long_text and e.sub_event_type in PARTY_MADE and e.actor1 is None)]
    if len(keep) < len(events):
        groups, events = [groups[i] for i in keep], [events[i] for i in keep]
        main = principal(groups)
    if main >= 0:
        events[main].main = True
        ev = events[main]
        if ev.time_precision <= 2 and article.published and (article.published - ev.event_date).days <= 31:
            ev.recency = "current"  # the report's own event, even when reported weeks later
        events.insert(0, events.pop(main))
    return events


def _names_place(mention, toponyms) -> bool:  # type: ignore[no-untyped-def]
    """Does one of the mention's own clauses name a place the gazetteer knows?"""
    return any(s.start_char <= t.start < s.end_char for s in mention.context for t in toponyms if not is_fallback(t))


# "the city", "the town" (not "the town of Kidal"): a place the writer named just before
_BACK_REFERENCE = re.compile(r"\bthe (?:city|town|village|camp|settlement)\b(?!\s+of\b)", re.I)


def _place_referred_back(mention: Mention, sents: list[Span], doc: Doc, toponyms: list[Toponym], geoparser: Geoparser,
                         hint: str | None) -> EventLocation | None:
    """A mention that names no place but "the city" is where the sentence before it, in the same
    paragraph, names a town ("residents of Wad Madani returning ... The RSF looted the city")."""
    if not _BACK_REFERENCE.search(mention.span.text):
        return None
    i = next((k for k, s in enumerate(sents) if s.start == mention.sent.start), 0)
    before = sents[i - 1] if i > 0 else None
    if before is None or "\n" in doc_text(doc)[before.end_char - 1 : mention.sent.start_char + 1]:
        return None
    if not any(before.start_char <= t.start < before.end_char for t in toponyms if not is_fallback(t)):
        return None
    loc = geoparser.locate_event(doc, toponyms, [before], hint)
    return loc if loc is not None and loc.geo_precision < 3 else None


class Extractor:
    """Loads the pipeline once; extracts events from articles."""

    def __init__(
        self,
        settings: Settings | None = None,
        nlp: Language | None = None,
        kb: ActorKB | None = None,
        geoparser: Geoparser | None = None,
    ) -> None:
        from conflictwatch.nlp.pipeline import build_nlp

        self.settings = settings or get_settings()
        kb = kb or ActorKB.load(self.settings.actor_files)
        self.nlp = nlp or build_nlp(self.settings, kb=kb)
        geoparser = geoparser or Geoparser(Gazetteer.load(self.settings.gazetteer_path))
        self.resources = Resources(kb=kb, geoparser=geoparser)

    def check(self, article: Article) -> None:
        """Refuse what cannot be coded, with the reason."""
        if not article.text.strip():
            raise EmptyInput("the article has no text", source=article.id)
        if len(article.text) > self.settings.max_text_chars:
            raise TooLarge(
                f"{len(article.text):,} characters (limit {self.settings.max_text_chars:,}; "
                "set CONFLICTWATCH_MAX_TEXT_CHARS)",
                source=article.id,
            )
        lang = (article.language or "en").lower()
        if not lang.startswith("en") or not looks_english(article.text):
            raise UnsupportedLanguage(
                f"not English (language {article.language!r}); only English text is coded", source=article.id
            )

    def extract(self, article: Article) -> list[Event]:
        self.check(article)
        return extract_events(self.nlp(article.text), article, self.resources)

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[tuple[Article, list[Event] | ExtractionError]]:
        """Articles in, (article, events) out, in order; the caller checks articles first.

        A failure on one article is yielded as an ExtractionError for that article and the
        batch goes on.
        """
        stream = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            try:
                yield article, extract_events(doc, article, self.resources)
            except Exception as exc:  # a bug on one article must not sink the batch
                log.exception("extraction failed on %s", article.id)
                yield article, ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}")
