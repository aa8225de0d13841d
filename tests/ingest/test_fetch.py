"""URL fetching: SSRF refusals (private, loopback, link-local, redirects), limits, errors."""

from __future__ import annotations

import httpx
import pytest

from conflictwatch.config import Settings
from conflictwatch.errors import BlockedURL, FetchError, TooLarge
from conflictwatch.ingest.fetch import Fetcher
from conflictwatch.ingest.service import IngestService

PAGE = ("<html><head><title>Clash</title></head><body><article><p>Soldiers and militants clashed near the town "
        "on Monday, and the army said that several of the attackers were killed in the fighting, according to "
        "the residents of the area.</p></article></body></html>")

DNS = {
    "news.example": ["93.184.216.34"],
    "intranet.example": ["10.1.2.3"],
    "sneaky.example": ["93.184.216.35", "127.0.0.1"],  # one bad address is enough to refuse
    "metadata.example": ["169.254.169.254"],
    "v6local.example": ["fe80::1"],
    "mapped.example": ["::ffff:192.168.0.1"],
}


def resolver(host, port):
    if host not in DNS:
        raise FetchError(f"cannot resolve {host!r}")
    return DNS[host]


def handler(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path == "/redirect-private":
        return httpx.Response(302, headers={"location": "http://intranet.example/secret"})
    if path == "/redirect-ok":
        return httpx.Response(301, headers={"location": "/page"})
    if path == "/huge":
        return httpx.Response(200, content=b"x" * 5000, headers={"content-type": "text/plain"})
    if path == "/slow":
        raise httpx.ReadTimeout("slow", request=request)
    if path == "/missing":
        return httpx.Response(404, text="not found")
    return httpx.Response(200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"})


def fetcher(**settings) -> Fetcher:
    s = Settings(max_fetch_bytes=1000, fetch_timeout=1, **settings)
    return Fetcher(s, client=httpx.Client(transport=httpx.MockTransport(handler)), resolver=resolver)


@pytest.mark.parametrize("url", [
    "http://intranet.example/", "http://sneaky.example/", "http://metadata.example/latest/meta-data",
    "http://v6local.example/", "http://mapped.example/", "http://127.0.0.1:8000/", "http://[::1]/",
    "http://10.0.0.1/", "http://192.168.1.1/", "http://0.0.0.0/", "file:///etc/passwd", "ftp://news.example/x",
])
def test_private_and_odd_urls_are_refused(url):
    with pytest.raises(BlockedURL):
        fetcher().fetch(url)


def test_a_redirect_to_a_private_address_is_refused():
    with pytest.raises(BlockedURL, match="10.1.2.3"):
        fetcher().fetch("http://news.example/redirect-private")


def test_public_urls_and_redirects_are_followed():
    got = fetcher().fetch("http://news.example/redirect-ok")
    assert got.status == 200 and got.url == "http://news.example/page" and b"Soldiers" in got.content


def test_private_urls_allowed_when_configured():
    assert fetcher(allow_private_urls=True).fetch("http://intranet.example/page").status == 200


def test_size_and_time_limits():
    with pytest.raises(TooLarge):
        fetcher().fetch("http://news.example/huge")
    with pytest.raises(FetchError, match="timed out"):
        fetcher().fetch("http://news.example/slow")
    with pytest.raises(FetchError, match="resolve"):
        fetcher().fetch("http://nowhere.example/")


def test_ingesting_urls_quarantines_refusals(sqlite_store, extractor):
    svc = IngestService(sqlite_store, extractor, fetcher=fetcher())
    rep = svc.ingest(["http://news.example/page", "http://intranet.example/x", "http://news.example/missing",
                      "http://news.example/huge"])
    assert rep.new == 1
    assert [q.reason for q in rep.quarantined] == ["blocked URL", "unusable input", "too large"]
    art = sqlite_store.get_article(sqlite_store.find_article(url="http://news.example/page"))
    assert art.title == "Clash" and art.text.startswith("Soldiers")
