"""Fetch an article for POST /articles {"url": ...}: refuse private addresses, cap the size,
extract the main text with trafilatura. Errors are ours (BlockedURL, FetchError, InputError)."""

from __future__ import annotations

import hashlib
import ipaddress
import socket
from urllib.parse import urlsplit

import httpx

from conflictwatch.config import Settings
from conflictwatch.errors import BlockedURL, EmptyInput, FetchError, TooLarge
from conflictwatch.models import Article, content_hash


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise BlockedURL for a non-HTTP scheme or a host that resolves to a non-public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BlockedURL(f"only http(s) URLs with a host can be fetched: {url!r}")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {parts.hostname!r}: {exc}") from exc
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not ip.is_global:
            raise BlockedURL(f"{parts.hostname!r} resolves to a non-public address ({ip})")


def fetch_article(url: str, settings: Settings) -> Article:
    check_url(url, settings.allow_private_urls)
    try:
        with httpx.Client(timeout=settings.fetch_timeout, follow_redirects=False) as client, \
                client.stream("GET", url) as resp:
            resp.raise_for_status()
            body = bytearray()
            for chunk in resp.iter_bytes():
                body.extend(chunk)
                if len(body) > settings.max_fetch_bytes:
                    raise TooLarge(f"more than {settings.max_fetch_bytes} bytes", source=url)
            encoding = resp.encoding or "utf-8"
    except httpx.HTTPError as exc:
        raise FetchError(f"cannot fetch {url}: {exc}") from exc
    import trafilatura

    html = bytes(body).decode(encoding, errors="replace")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise EmptyInput("no article text found in the page", source=url)
    digest = content_hash(text)
    return Article(id="a" + hashlib.sha1(digest.encode()).hexdigest()[:16], text=text, url=url,
                   title=getattr(doc, "title", None), source=getattr(doc, "sitename", None),
                   content_hash=digest)
