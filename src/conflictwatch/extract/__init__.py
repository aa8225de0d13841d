"""Extraction: pure stages from a parsed Doc and its article metadata to coded events.

``Extractor`` and ``extract_events`` are imported lazily, so importing one stage
(``conflictwatch.extract.dates``) does not load the whole chain.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Extractor", "Resources", "extract_events"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from conflictwatch.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
