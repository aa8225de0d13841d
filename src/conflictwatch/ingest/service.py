"""IngestService: inputs -> checked Articles -> extracted Events -> the store, one article per
transaction, refusals to the quarantine.

The extractor is injected (anything with ``.extract(article) -> list[Event]``); by default the
LEAD's ``conflictwatch.extract.Extractor`` is built on first use. An article already stored (same
URL or content hash) is not extracted again. Because each article is committed on its own and the
store is idempotent, a run killed at any point and started again stores everything exactly once.

Language check: the text must look English by the share of common English function words
(``conflictwatch.readers.looks_english``, no model involved); an article whose metadata names
another language is refused too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from typing import Protocol

from pydantic import BaseModel, Field

from conflictwatch.config import Settings, get_settings
from conflictwatch.errors import ConflictwatchError, EmptyInput, InputError, TooLarge, UnsupportedLanguage
from conflictwatch.ingest.fetch import Fetcher
from conflictwatch.ingest.sources import iter_inputs
from conflictwatch.models import Article, Event, QuarantineItem
from conflictwatch.readers import looks_english
from conflictwatch.store.base import EventStore, IngestResult

log = logging.getLogger(__name__)
MIN_WORDS = 5


class ExtractorLike(Protocol):
    def extract(self, article: Article) -> list[Event]: ...


def default_extractor(settings: Settings) -> ExtractorLike:
    """The LEAD's Extractor (spaCy model and all), built only when an article needs extracting."""
    from conflictwatch.extract import Extractor

    return Extractor(settings=settings)


class IngestReport(BaseModel):
    read: int = 0  # articles read successfully (new or already stored)
    new: int = 0
    duplicates: int = 0
    events: int = 0  # events created
    merged: int = 0  # reports fused into an existing event
    quarantined: list[QuarantineItem] = Field(default_factory=list)

    def add(self, other: IngestReport) -> None:
        self.read += other.read
        self.new += other.new
        self.duplicates += other.duplicates
        self.events += other.events
        self.merged += other.merged
        self.quarantined += other.quarantined


def reason_of(exc: BaseException) -> str:
    if isinstance(exc, InputError):
        return exc.reason
    name = type(exc).__name__
    return {"BlockedURL": "blocked URL", "FetchError": "fetch failed"}.get(name, name)


class IngestService:
    def __init__(self, store: EventStore, extractor: ExtractorLike | None = None, settings: Settings | None = None,
                 fetcher: Fetcher | None = None) -> None:
        self.store = store
        self.settings = settings or get_settings()
        self._extractor = extractor
        self._fetcher = fetcher

    @property
    def extractor(self) -> ExtractorLike:
        if self._extractor is None:
            self._extractor = default_extractor(self.settings)
        return self._extractor

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def ingest(self, inputs: Iterable[str], published: date | None = None, batch_size: int = 16) -> IngestReport:
        """Ingest files, directories and URLs; every refusal is quarantined and the run goes on.

        New articles are extracted in batches (``extract_many`` when the extractor has it: spaCy's
        ``nlp.pipe``) and each one is still stored in its own transaction as soon as it is coded."""
        report = IngestReport()
        pending: list[tuple[str, Article]] = []
        for source, item in iter_inputs(list(inputs), published, fetcher=self._fetcher_for(inputs)):
            if not isinstance(item, Article):
                report.add(self.refuse(source, item))
                continue
            done = self._precheck(item, source)
            if done is not None:
                report.add(done)
                continue
            pending.append((source, item))
            if len(pending) >= batch_size:
                report.add(self._extract_and_store(pending))
                pending = []
        if pending:
            report.add(self._extract_and_store(pending))
        return report

    def _precheck(self, article: Article, source: str) -> IngestReport | None:
        """A report for an article that needs no extraction (refused or already stored), else None."""
        try:
            self.check(article, source)
        except InputError as exc:
            return self.refuse(source, exc)
        existing = self._find(article)
        if existing is not None:
            log.info("%s: already stored as %s", source, existing)
            return IngestReport(read=1, duplicates=1)
        return None

    def _extract_and_store(self, batch: list[tuple[str, Article]]) -> IngestReport:
        report = IngestReport()
        many = getattr(self.extractor, "extract_many", None)
        done = 0
        if many is not None:
            try:
                for (source, article), (_, events) in zip(batch, many([a for _, a in batch]), strict=False):
                    if isinstance(events, BaseException):
                        report.add(self.refuse(source, events, reason="extraction failed"))
                    else:
                        report.add(self._store(article, events))
                    done += 1
            except Exception as exc:  # the batch itself broke: code the rest one by one
                log.error("batch extraction failed (%r); going on article by article", exc)
        for source, article in batch[done:]:
            report.add(self._extract_one(article, source))
        return report

    def _fetcher_for(self, inputs: Iterable[str]) -> Fetcher | None:
        return self.fetcher if any("://" in s for s in inputs) else self._fetcher

    def check(self, article: Article, source: str) -> None:
        words = len(article.text.split())
        if words < MIN_WORDS:
            raise EmptyInput(f"only {words} word(s): too short to be a report", source=source)
        limit = self.settings.max_text_chars
        if len(article.text) > limit:
            raise TooLarge(f"{len(article.text):,} characters (limit {limit:,})", source=source)
        lang = (article.language or "en").lower()
        if not lang.startswith("en"):
            raise UnsupportedLanguage(f"language {article.language!r}; only English is coded", source=source)
        if not looks_english(article.text):
            raise UnsupportedLanguage("the text does not look English (few English function words)", source=source)

    def ingest_article(self, article: Article, source: str | None = None) -> IngestReport:
        """Check, extract and store one article (one transaction); a refusal is quarantined."""
        source = source or article.url or article.id
        done = self._precheck(article, source)
        return done if done is not None else self._extract_one(article, source)

    def _extract_one(self, article: Article, source: str) -> IngestReport:
        try:
            events = self.extractor.extract(article)
        except ConflictwatchError as exc:
            return self.refuse(source, exc, reason="extraction failed")
        except Exception as exc:  # a bug on one article must not stop a long run: quarantine, log, go on
            log.error("extraction crashed on %s: %r", source, exc)
            log.debug("traceback", exc_info=True)
            return self.refuse(source, exc, reason="extraction failed")
        return self._store(article, events)

    def _store(self, article: Article, events: list[Event]) -> IngestReport:
        result: IngestResult = self.store.ingest(article, events)
        report = IngestReport(read=1)
        if result.created:
            report.new = 1
            report.merged = len(result.merged_into)
            report.events = len(events) - report.merged
        else:
            report.duplicates = 1
        return report

    def _find(self, article: Article) -> str | None:
        find = getattr(self.store, "find_article", None)
        return find(url=article.url, content_hash=article.content_hash) if find else None

    def refuse(self, source: str, exc: BaseException, reason: str | None = None) -> IngestReport:
        item = QuarantineItem(source=source, reason=reason or reason_of(exc), detail=str(exc))
        log.warning("quarantined %s: %s (%s)", source, item.reason, exc)
        self.store.quarantine(item)
        return IngestReport(quarantined=[item])
