"""Records the store returns beyond the protocol's."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from conflictwatch.models import Event, SourceRef


class SourceRecord(BaseModel):
    """One report of an event: where it came from, how it was coded, why it was merged."""

    source: SourceRef
    report: Event
    merge: dict[str, Any] | None = None  # {"merge", "score", "reasons", "report_id"}; None: created it
    added_at: datetime | None = None
