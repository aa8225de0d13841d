"""Feed polling: conditional GETs with ETag/Last-Modified, new entries only, backoff, bad feeds."""

from __future__ import annotations

import httpx

from conflictwatch.config import Settings
from conflictwatch.ingest.feeds import FeedWatcher
from conflictwatch.ingest.fetch import Fetcher
from conflictwatch.ingest.service import IngestService

BODY = ("Soldiers and militants clashed near the town on {day}, and the army said that several of the attackers "
        "were killed in the fighting, according to the residents of the area around story {n}.")


def rss(items: list[int]) -> str:
    entries = "".join(
        f"<item><title>Story {n}</title><link>http://news.example/story/{n}</link>"
        f"<pubDate>Mon, 0{n} Sep 2024 10:00:00 GMT</pubDate></item>" for n in items)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>{entries}</channel></rss>"


class Site:
    def __init__(self) -> None:
        self.items = [1, 2]
        self.etag = '"v1"'
        self.requests: list[httpx.Request] = []
        self.feed_down = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/feed.xml":
            if self.feed_down:
                return httpx.Response(503)
            if request.headers.get("if-none-match") == self.etag:
                return httpx.Response(304)
            return httpx.Response(200, text=rss(self.items), headers={
                "etag": self.etag, "last-modified": "Mon, 02 Sep 2024 10:00:00 GMT",
                "content-type": "application/rss+xml"})
        if request.url.path == "/broken.xml":
            return httpx.Response(200, text="this is { not a feed", headers={"content-type": "text/xml"})
        n = request.url.path.rsplit("/", 1)[-1]
        return httpx.Response(200, text=f"<html><body><article><p>{BODY.format(day='Monday', n=n)}</p>"
                                        f"</article></body></html>", headers={"content-type": "text/html"})


def watcher(store, extractor, site, **kw):
    fetcher = Fetcher(Settings(), client=httpx.Client(transport=httpx.MockTransport(site)),
                      resolver=lambda host, port: ["93.184.216.34"])
    return FeedWatcher(IngestService(store, extractor, fetcher=fetcher), **kw)


def test_poll_ingests_new_entries_and_then_asks_conditionally(store, extractor):
    site = Site()
    w = watcher(store, extractor, site)
    first = w.poll("http://news.example/feed.xml")
    assert (first.status, first.entries, first.report.new) == (200, 2, 2)
    assert store.get_article(store.find_article(url="http://news.example/story/1")).published.isoformat() == "2024-09-01"
    second = w.poll("http://news.example/feed.xml")
    assert second.status == 304 and second.report.new == 0
    assert site.requests[-1].headers["if-none-match"] == '"v1"'
    assert site.requests[-1].headers["if-modified-since"] == "Mon, 02 Sep 2024 10:00:00 GMT"
    site.items, site.etag = [1, 2, 3], '"v2"'
    third = w.poll("http://news.example/feed.xml")
    assert (third.report.new, third.report.duplicates) == (1, 2)
    story_fetches = [r for r in site.requests if "/story/" in r.url.path]
    assert len(story_fetches) == 3  # stored stories are not fetched again


def test_failures_back_off_and_bad_feeds_are_quarantined(store, extractor):
    site = Site()
    site.feed_down = True
    clock = [0.0]
    sleeps: list[float] = []

    def sleep(s: float) -> None:
        sleeps.append(s)
        clock[0] += s

    w = watcher(store, extractor, site, interval=60, max_backoff=200, sleep=sleep, clock=lambda: clock[0])
    results = w.run(["http://news.example/feed.xml"], max_polls=4)
    assert [r.status for r in results] == [503] * 4
    assert sleeps == [120, 200, 200]  # 60 * 2^failures, capped at max_backoff
    bad = w.poll("http://news.example/broken.xml")
    assert bad.error and "feed" in bad.error
    reasons = [q.reason for q in store.list_quarantine()]
    assert reasons == ["malformed"] + ["fetch failed"] * 4  # newest first
    assert w.run(["http://news.example/feed.xml"], once=True)[0].status == 503
