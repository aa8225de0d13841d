"""Poll RSS/Atom feeds: conditional GETs (ETag / Last-Modified), an interval, and exponential
backoff on failures (bounded by ``max_backoff``); each new entry's page is fetched and ingested.

The polling state (ETag, Last-Modified, failures) lives in the store's ``feeds`` table, so a
restarted watcher does not download unchanged feeds again. ``run(once=True)`` or ``max_polls``
bound the loop (tests and cron); ``sleep`` and ``clock`` are injected.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date

from pydantic import BaseModel, Field

from conflictwatch.errors import ConflictwatchError, FetchError, MalformedInput
from conflictwatch.ingest.html import url_id
from conflictwatch.ingest.service import IngestReport, IngestService
from conflictwatch.ingest.sources import article_from_response
from conflictwatch.models import Article

log = logging.getLogger(__name__)


class PollResult(BaseModel):
    feed: str
    status: int | None = None  # HTTP status; 304 = unchanged
    entries: int = 0
    report: IngestReport = Field(default_factory=IngestReport)
    error: str | None = None


class FeedWatcher:
    def __init__(self, service: IngestService, interval: float = 900.0, max_backoff: float = 6 * 3600.0,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        self.service = service
        self.store = service.store
        self.fetcher = service.fetcher
        self.interval = interval
        self.max_backoff = max_backoff
        self.sleep = sleep
        self.clock = clock

    def delay(self, failures: int) -> float:
        """Seconds until the next poll of a feed that failed ``failures`` times in a row."""
        return min(self.interval * (2 ** failures), max(self.max_backoff, self.interval))

    def poll(self, feed_url: str) -> PollResult:
        import feedparser

        state = self.store.feed_state(feed_url) or {}  # type: ignore[attr-defined]
        failures = int(state.get("failures") or 0)
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("modified"):
            headers["If-Modified-Since"] = state["modified"]
        result = PollResult(feed=feed_url)
        try:
            got = self.fetcher.fetch(feed_url, headers=headers)
            result.status = got.status
            if got.status == 304:
                self._save(feed_url, state.get("etag"), state.get("modified"), 304, 0)
                return result
            if got.status >= 400:
                raise FetchError(f"{feed_url}: HTTP {got.status}")
            parsed = feedparser.parse(got.content)
            if parsed.bozo and not parsed.entries:
                raise MalformedInput(f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})", source=feed_url)
        except ConflictwatchError as exc:
            result.error = str(exc)
            result.report = self.service.refuse(feed_url, exc)
            self._save(feed_url, state.get("etag"), state.get("modified"), result.status, failures + 1)
            return result
        result.entries = len(parsed.entries)
        for entry in parsed.entries:
            result.report.add(self._entry(feed_url, entry))
        self._save(feed_url, got.headers.get("etag"), got.headers.get("last-modified"), got.status, 0)
        return result

    def _entry(self, feed_url: str, entry) -> IngestReport:  # type: ignore[no-untyped-def]
        link = entry.get("link")
        published = _entry_date(entry)
        source = link or f"{feed_url}#{entry.get('id', '?')}"
        if link and self.store.find_article(url=link) is not None:  # type: ignore[attr-defined]
            return IngestReport(read=1, duplicates=1)
        try:
            if link:
                article = article_from_response(self.fetcher, link, published, title=entry.get("title"))
            else:
                summary = entry.get("summary") or ""
                article = Article(id=url_id(source), text=summary, title=entry.get("title"),
                                  published=published)
        except ConflictwatchError as exc:
            return self.service.refuse(source, exc)
        if published and not article.published:
            article = article.model_copy(update={"published": published})
        return self.service.ingest_article(article, source)

    def _save(self, url: str, etag: str | None, modified: str | None, status: int | None, failures: int) -> None:
        self.store.save_feed_state(url, etag, modified, status, failures)  # type: ignore[attr-defined]

    def run(self, feeds: list[str], once: bool = False, max_polls: int | None = None) -> list[PollResult]:
        """Poll every feed when it is due; stop after one round (``once``) or ``max_polls`` polls."""
        due = dict.fromkeys(feeds, self.clock())
        results: list[PollResult] = []
        while feeds:
            now = self.clock()
            for feed in feeds:
                if due[feed] > now:
                    continue
                res = self.poll(feed)
                results.append(res)
                failures = int((self.store.feed_state(feed) or {}).get("failures") or 0)  # type: ignore[attr-defined]
                due[feed] = self.clock() + self.delay(failures)
                log.info("polled %s: status %s, %d entries, next in %.0f s", feed, res.status, res.entries,
                         due[feed] - self.clock())
                if max_polls is not None and len(results) >= max_polls:
                    return results
            if once:
                return results
            self.sleep(max(0.0, min(due.values()) - self.clock()))
        return results


def _entry_date(entry) -> date | None:  # type: ignore[no-untyped-def]
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
