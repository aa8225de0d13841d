"""HTML pages -> Article: main text and metadata (title, date, canonical URL) by trafilatura."""

from __future__ import annotations

import hashlib
from datetime import date

from conflictwatch.errors import MalformedInput
from conflictwatch.models import Article


def url_id(url: str) -> str:
    return "url-" + hashlib.sha256(url.encode()).hexdigest()[:16]


def article_from_html(html: str, source: str, url: str | None = None, article_id: str | None = None,
                      published: date | None = None) -> Article:
    """The main text of a page; MalformedInput when trafilatura finds none."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError) as exc:  # lxml cannot parse it at all
        raise MalformedInput(f"unparsable HTML: {exc}", source=source) from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise MalformedInput("no main text found in the HTML", source=source)
    final_url = url or getattr(doc, "url", None) or None
    pub = published
    if pub is None and getattr(doc, "date", None):
        try:
            pub = date.fromisoformat(str(doc.date)[:10])  # type: ignore[union-attr]
        except ValueError:
            pub = None
    site = getattr(doc, "sitename", None) or getattr(doc, "hostname", None)
    return Article(
        id=article_id or (url_id(final_url) if final_url else "html-" + hashlib.sha256(text.encode()).hexdigest()[:16]),
        text=text, url=final_url, title=getattr(doc, "title", None), source=site, published=pub,
        language=getattr(doc, "language", None) or "en",
    )
