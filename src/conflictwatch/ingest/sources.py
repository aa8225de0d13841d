"""Turn the command line's inputs (files, directories, URLs) into Articles or refusals.

    .txt            plain text; metadata from a ``<name>.json`` sidecar beside it when present
    .html / .htm    trafilatura main text + title/date/URL
    .jsonl          the batch contract: one {"id", "text", "published", "title", "url"} a line
    .json           one such object, or a list of them (a sidecar of a .txt/.html is skipped)
    directories     every file above inside, recursively, in name order
    http(s):// URL  fetched through the injected Fetcher (limits, no private addresses)

Every item is yielded as ``(source, Article)`` or ``(source, error)``: the caller quarantines
errors and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from conflictwatch.errors import ConflictwatchError, InputError, MalformedInput, TooLarge
from conflictwatch.ingest.fetch import Fetcher
from conflictwatch.ingest.html import article_from_html, url_id
from conflictwatch.models import Article
from conflictwatch.readers import MAX_FILE_BYTES, decode_text, read_docs_jsonl, read_text_file

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
Item = tuple[str, Article | ConflictwatchError]


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def iter_inputs(inputs: list[str], published: date | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    for raw in inputs:
        if is_url(raw) or "://" in raw:
            yield from _from_url(raw, published, fetcher)
            continue
        path = Path(raw)
        if path.is_dir():
            for p in sorted(q for q in path.rglob("*") if q.is_file()):
                if _is_sidecar(p) or p.name.startswith("."):
                    continue
                yield from _from_file(p, published)
        else:
            yield from _from_file(path, published)


def _is_sidecar(p: Path) -> bool:
    return p.suffix.lower() == ".json" and any(
        p.with_suffix(s).exists() for s in (*TEXT_SUFFIXES, *HTML_SUFFIXES))


def _from_file(path: Path, published: date | None) -> Iterator[Item]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if not path.exists():
            raise InputError("no such file", source=source)
        if suffix in TEXT_SUFFIXES:
            yield source, read_text_file(path, published)
        elif suffix in HTML_SUFFIXES:
            yield source, _html_file(path, published)
        elif suffix == ".jsonl":
            for item in read_docs_jsonl(path, published):
                yield (item.source or source, item) if isinstance(item, InputError) else (source, item)
        elif suffix == ".json":
            if _is_sidecar(path):
                return
            yield from _json_file(path, published)
        else:
            raise InputError(f"unsupported file type {suffix or '(none)'!r}: use .txt, .html, .json or .jsonl",
                             source=source)
    except ConflictwatchError as exc:
        yield source, exc
    except OSError as exc:
        yield source, InputError(f"cannot read: {exc.strerror}", source=source)


def _read_limited(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooLarge(f"{size:,} bytes (limit {MAX_FILE_BYTES:,})", source=str(path))
    return path.read_bytes()


def _html_file(path: Path, published: date | None) -> Article:
    html = decode_text(_read_limited(path), str(path))
    meta = {}
    side = path.with_suffix(".json")
    if side.exists():
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
    art = article_from_html(html, str(path), url=meta.get("url"), article_id=meta.get("id") or path.stem,
                            published=published)
    keep = {k: meta[k] for k in ("title", "source", "published", "language") if meta.get(k)}
    if published is not None:
        keep.pop("published", None)
    return Article.model_validate(art.model_dump() | keep)


def _json_file(path: Path, published: date | None) -> Iterator[Item]:
    source = str(path)
    text = decode_text(_read_limited(path), source)
    try:
        obj = json.loads(text)
    except ValueError as exc:
        raise MalformedInput(f"not JSON ({exc})", source=source) from exc
    docs = obj if isinstance(obj, list) else [obj]
    for i, doc in enumerate(docs):
        where = f"{source}:{i}" if isinstance(obj, list) else source
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or not doc["text"].strip():
            yield where, MalformedInput('expected an object with a non-empty "text"', source=where)
            continue
        data = {k: doc.get(k) for k in ("title", "source", "url", "published", "language") if doc.get(k)}
        if published is not None:
            data["published"] = published
        try:
            yield where, Article.model_validate({"id": str(doc.get("id") or f"{path.stem}-{i}"),
                                                 "text": doc["text"], **data})
        except ValidationError as exc:
            err = exc.errors()[0]
            yield where, MalformedInput(f"field {'.'.join(map(str, err['loc']))}: {err['msg']}", source=where)


def _from_url(url: str, published: date | None, fetcher: Fetcher | None) -> Iterator[Item]:
    if fetcher is None:
        fetcher = Fetcher()
    try:
        yield url, article_from_response(fetcher, url, published)
    except ConflictwatchError as exc:
        yield url, exc


def article_from_response(fetcher: Fetcher, url: str, published: date | None = None,
                          title: str | None = None) -> Article:
    got = fetcher.fetch(url)
    if got.status >= 400:
        raise InputError(f"HTTP {got.status}", source=url)
    ctype = got.content_type.lower()
    body = decode_text(got.content, url) if "charset" not in ctype or "utf-8" in ctype else _decode_declared(got)
    if "html" in ctype or body.lstrip()[:1] == "<":
        art = article_from_html(body, url, url=got.url, published=published)
    else:
        art = Article(id=url_id(got.url), text=body, url=got.url, published=published)
    if title and not art.title:
        art = art.model_copy(update={"title": title})
    return art


def _decode_declared(got) -> str:  # type: ignore[no-untyped-def]
    charset = got.content_type.lower().split("charset=")[-1].split(";")[0].strip()
    try:
        return got.content.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot decode as {charset}: {exc}", source=got.url) from exc
