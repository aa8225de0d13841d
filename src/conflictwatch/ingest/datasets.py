"""Shared plumbing for dataset imports (UCDP GED, ACLED): read a CSV row by row, turn each row
into an Event or a refusal, add the events to the store (idempotent by id), quarantine the rest."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from conflictwatch.errors import ConflictwatchError, InputError, MalformedInput
from conflictwatch.models import Event, QuarantineItem
from conflictwatch.readers import decode_text

RowParser = Callable[[dict[str, str]], Event]


class ImportReport(BaseModel):
    dataset: str
    rows: int = 0
    added: int = 0
    already: int = 0  # rows whose event was already stored (a re-import adds nothing)
    quarantined: list[QuarantineItem] = Field(default_factory=list)


def read_rows(path: Path, required: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each CSV record; refuses a file that lacks ``required`` columns."""
    source = str(path)
    if not path.is_file():
        raise InputError("no such file", source=source)
    text = decode_text(path.read_bytes(), source)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = required - set(reader.fieldnames or [])
    if missing:
        raise MalformedInput(f"not this dataset's CSV: missing columns {sorted(missing)}", source=source)
    for row in reader:
        yield reader.line_num, row


def import_csv(store, path: Path, dataset: str, parse: RowParser, required: set[str],  # type: ignore[no-untyped-def]
               batch: int = 2000) -> ImportReport:
    report = ImportReport(dataset=dataset)
    pending: list[Event] = []

    def flush() -> None:
        added = store.add_events(pending, dataset)
        report.added += added
        report.already += len(pending) - added
        pending.clear()

    for line, row in read_rows(path, required):
        report.rows += 1
        try:
            pending.append(parse(row))
        except (ValidationError, ValueError, KeyError, ConflictwatchError) as exc:
            detail = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            item = QuarantineItem(source=f"{path}:{line}", reason="malformed", detail=f"{dataset} row: {detail}")
            store.quarantine(item)
            report.quarantined.append(item)
        if len(pending) >= batch:
            flush()
    if pending:
        flush()
    store.log_ingest(str(path), "imported", None, report.added,
                     f"{dataset}: {report.rows} rows, {report.added} added, {report.already} already stored")
    return report


def none_if_blank(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


def to_int(v: str | None) -> int | None:
    v = none_if_blank(v)
    return None if v is None else int(float(v))


def to_float(v: str | None) -> float | None:
    v = none_if_blank(v)
    return None if v is None else float(v)


def iso_numeric(country: str | None) -> int | None:
    if not country:
        return None
    import pycountry

    try:
        return int(pycountry.countries.lookup(country).numeric)
    except LookupError:
        return None
