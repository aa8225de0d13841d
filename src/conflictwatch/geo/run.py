"""Geoparse a JSONL file of documents into a JSONL file of places (the PLACES contract of
../shared/eval/README.md). A line that carries ``toponyms`` spans is resolved only."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from conflictwatch.errors import InputError, MalformedInput
from conflictwatch.geo.resolve import Geoparser

log = logging.getLogger(__name__)


@dataclass
class GeoparseReport:
    docs: int = 0
    toponyms: int = 0
    resolved: int = 0
    errors: list[str] = field(default_factory=list)


def _read(path: Path, report: GeoparseReport) -> Iterator[dict[str, Any]]:
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror}", source=str(path)) from exc
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                d = json.loads(line)
                if not isinstance(d, dict):
                    raise MalformedInput("not a JSON object", source=where)
                if not isinstance(d.get("id"), str) or not isinstance(d.get("text"), str):
                    raise MalformedInput("needs string fields 'id' and 'text'", source=where)
                spans = d.get("toponyms")
                if spans is not None:
                    if not isinstance(spans, list):
                        raise MalformedInput("'toponyms' must be a list", source=where)
                    clean = []
                    for s in spans:
                        st, en = int(s["start"]), int(s["end"])
                        if not 0 <= st < en <= len(d["text"]):
                            msg = f"toponym span {st}-{en} outside the text; that span skipped"
                            report.errors.append(str(MalformedInput(msg, source=where)))
                            continue
                        clean.append((st, en))
                    d["toponyms"] = clean
                yield d
            except json.JSONDecodeError as exc:
                report.errors.append(str(MalformedInput(f"invalid JSON ({exc.msg})", source=where)))
            except (KeyError, TypeError, ValueError) as exc:
                report.errors.append(str(MalformedInput(f"bad toponym span ({exc})", source=where)))
            except MalformedInput as exc:
                report.errors.append(str(exc))


def geoparse_file(src: Path, dst: Path, nlp: Any, geoparser: Geoparser, batch_size: int = 16) -> GeoparseReport:
    """Write one PLACES line per toponym of every document of ``src``."""
    report = GeoparseReport()
    docs = list(_read(src, report))
    need_nlp = [d for d in docs if d.get("toponyms") is None]
    parsed = iter(nlp.pipe((d["text"] for d in need_nlp), batch_size=batch_size)) if need_nlp else iter(())
    dst.parent.mkdir(parents=True, exist_ok=True)
    with dst.open("w", encoding="utf-8") as out:
        for d in docs:
            if d.get("toponyms") is not None:
                tops = geoparser.resolve(d["text"], d["toponyms"], doc_id=d["id"])
            else:
                tops = geoparser.toponyms(next(parsed), doc_id=d["id"])
            report.docs += 1
            for t in tops:
                report.toponyms += 1
                report.resolved += t.place is not None
                out.write(json.dumps(t.to_row(), ensure_ascii=False) + "\n")
    return report
