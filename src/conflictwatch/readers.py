"""Read articles from local files: plain text and the docs.jsonl batch format.

Each reader yields either an Article or an InputError naming the file (and line) and the reason,
so a caller can report or quarantine the bad input and go on with the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from conflictwatch.errors import BinaryInput, DecodeError, EmptyInput, InputError, MalformedInput, TooLarge
from conflictwatch.models import Article

MAX_FILE_BYTES = 50_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in a is that for was on with by as at from said were has have had it its".split()),
    "fr": frozenset("le la les des du de et un une est que qui dans pour sur au aux par pas ont selon été".split()),
    "es": frozenset("el la los las del de y un una es que en por para con se su al fue según".split()),
    "pt": frozenset("o a os as do da dos das de e um uma que em por para com se foi não segundo".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den von mit sich des auf für im dem wurde".split()),
}


def decode_text(raw: bytes, source: str) -> str:
    """Bytes -> text; refuses binary and undecodable input with the reason."""
    if not raw.strip():
        raise EmptyInput("empty input", source=source)
    if b"\x00" in raw[:8192]:
        raise BinaryInput("binary content (NUL bytes), not text", source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid UTF-8 (byte {exc.start}): re-encode the file as UTF-8", source=source) from exc
    if len(_CONTROL.findall(text[:8192])) > 8:
        raise BinaryInput("binary content (control characters), not text", source=source)
    return text


def looks_english(text: str) -> bool:
    """A cheap check: English function words outnumber those of French, Spanish, Portuguese and
    German. Texts under 20 words (headlines, one-line notes) are not judged."""
    words = re.findall(r"[^\W\d_]+", text[:5000].lower())
    if len(words) < 20:
        return True
    share = {lang: sum(w in sw for w in words) / len(words) for lang, sw in _STOPWORDS.items()}
    best = max(share, key=share.__getitem__)
    return best == "en" or share["en"] >= 0.08


def read_text_file(path: Path, published: date | None = None) -> Article:
    source = str(path)
    if not path.exists():
        raise InputError("no such file", source=source)
    if path.is_dir():
        raise InputError("is a directory (give the files inside it)", source=source)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TooLarge(f"{size:,} bytes (limit {MAX_FILE_BYTES:,})", source=source)
    text = decode_text(path.read_bytes(), source)
    meta = _sidecar(path)
    data = {"id": path.stem, "text": text, "published": published, **meta}
    if published is not None:
        data["published"] = published
    try:
        return Article.model_validate(data)
    except ValidationError as exc:
        raise MalformedInput(f"bad metadata in {path.with_suffix('.json').name}: {exc.errors()[0]['msg']}", source) from exc


def _sidecar(path: Path) -> dict[str, object]:
    """Metadata from ``<name>.json`` beside ``<name>.txt`` (id, title, source, url, published)."""
    side = path.with_suffix(".json")
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    keys = ("id", "title", "source", "url", "published", "language")
    return {k: meta[k] for k in keys if isinstance(meta, dict) and meta.get(k) is not None}


def read_docs_jsonl(path: Path, published: date | None = None) -> Iterator[Article | InputError]:
    """The batch contract's DOCS file: one JSON object a line with at least ``id`` and ``text``."""
    source = str(path)
    if not path.exists():
        yield InputError("no such file", source=source)
        return
    try:
        raw = path.read_bytes()
        content = decode_text(raw, source)
    except InputError as exc:
        yield exc
        return
    for n, line in enumerate(content.splitlines(), start=1):
        where = f"{source}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedInput(f"not JSON ({exc.msg} at column {exc.colno})", source=where)
            continue
        if not isinstance(obj, dict):
            yield MalformedInput("a JSON object was expected", source=where)
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield EmptyInput("the line has no \"text\"", source=where)
            continue
        data = {k: obj.get(k) for k in ("title", "source", "url", "published", "language")}
        data = {k: v for k, v in data.items() if v not in (None, "")}
        if published is not None and "published" not in data:
            data["published"] = published
        try:
            yield Article.model_validate({"id": str(obj.get("id") or f"{path.stem}-{n}"), "text": text, **data})
        except ValidationError as exc:
            err = exc.errors()[0]
            yield MalformedInput(f"field {'.'.join(map(str, err['loc']))}: {err['msg']}", source=where)
