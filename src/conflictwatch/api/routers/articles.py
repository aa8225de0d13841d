"""GET /articles/{id} and POST /articles (code a new article; needs an API key)."""

from __future__ import annotations

import hashlib

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status

from conflictwatch.api.deps import Extract, get_extract, get_settings, get_store, require_api_key
from conflictwatch.api.schemas import ArticleIn, ErrorBody
from conflictwatch.config import Settings
from conflictwatch.errors import TooLarge
from conflictwatch.models import Article, content_hash
from conflictwatch.store.base import EventStore, IngestResult

router = APIRouter(tags=["articles"])


def limit_body(request: Request, settings: Settings = Depends(get_settings)) -> None:
    """Refuse, before reading it, a body that cannot hold an acceptable article (4 bytes a char)."""
    limit = settings.max_text_chars * 4 + 64_000
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > limit:
        raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE,
                            detail=f"request body over {limit} bytes (or no valid Content-Length)")


@router.get(
    "/articles/{article_id}",
    response_model=Article,
    summary="One stored article: its text and where it came from",
    responses={404: {"model": ErrorBody, "description": "No such article."}},
)
def get_article(article_id: str, store: EventStore = Depends(get_store)) -> Article:
    return store.get_article(article_id)


@router.post(
    "/articles",
    response_model=IngestResult,
    status_code=status.HTTP_201_CREATED,
    summary="Code an article (its text, or a URL to fetch) and store it with its events",
    dependencies=[Depends(require_api_key), Depends(limit_body)],
    responses={
        200: {"model": IngestResult, "description": "The article was already stored; nothing changed."},
        401: {"model": ErrorBody, "description": "Missing or unknown API key."},
        413: {"model": ErrorBody, "description": "The request body is larger than an article can be."},
        422: {"model": ErrorBody, "description": "The text or URL cannot be used."},
        502: {"model": ErrorBody, "description": "The URL could not be fetched."},
    },
)
def post_article(
    body: ArticleIn,
    response: Response,
    store: EventStore = Depends(get_store),
    extract: Extract = Depends(get_extract),
    settings: Settings = Depends(get_settings),
) -> IngestResult:
    article = _to_article(body, settings)
    result = store.ingest(article, extract(article))
    if not result.created:
        response.status_code = status.HTTP_200_OK
    return result


def _to_article(body: ArticleIn, settings: Settings) -> Article:
    if body.url is not None:
        from conflictwatch.ingest.fetch import Fetcher
        from conflictwatch.ingest.sources import article_from_response

        article = article_from_response(Fetcher(settings), body.url, body.published, body.title)
        updates = {k: v for k, v in (("title", body.title), ("source", body.source),
                                      ("published", body.published)) if v is not None}
        return article.model_copy(update=updates) if updates else article
    text = body.text or ""
    if len(text) > settings.max_text_chars:
        raise TooLarge(f"text has {len(text)} characters; the limit is {settings.max_text_chars}")
    digest = content_hash(text)
    return Article(id="a" + hashlib.sha1(digest.encode()).hexdigest()[:16], text=text, title=body.title,
                   source=body.source, published=body.published, content_hash=digest)
