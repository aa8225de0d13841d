"""Export stored events: ACLED CSV (31 columns, ACLED's order), GeoJSON, Parquet, JSON Lines.

Events stream from the store page by page (keyset), so an export never holds the database in memory
(Parquet is written in row groups of ``batch`` events).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from conflictwatch.errors import InputError
from conflictwatch.models import ACLED_COLUMNS, Event

Format = Literal["acled-csv", "geojson", "parquet", "jsonl"]
FORMATS: tuple[str, ...] = ("acled-csv", "geojson", "parquet", "jsonl")
EXTRA_COLUMNS = ("id", "fatalities_low", "fatalities_high", "recency", "main", "confidence", "sources")


def acled_row(e: Event) -> dict[str, object]:
    row = e.acled_row()
    if not row["event_id_cnty"]:
        row["event_id_cnty"] = e.id
    return row


def write_events(events: Iterable[Event], fmt: str, output: Path, batch: int = 5000) -> int:
    """Write ``events`` to ``output`` in ``fmt``; returns how many were written."""
    writers = {"acled-csv": _csv, "geojson": _geojson, "parquet": _parquet, "jsonl": _jsonl}
    if fmt not in writers:
        raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}", source="--format")
    output.parent.mkdir(parents=True, exist_ok=True)
    return writers[fmt](iter(events), output, batch)


def _csv(events: Iterator[Event], out: Path, _batch: int) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(ACLED_COLUMNS))
        w.writeheader()
        for e in events:
            w.writerow(acled_row(e))
            n += 1
    return n


def _jsonl(events: Iterator[Event], out: Path, _batch: int) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for e in events:
            fh.write(e.model_dump_json() + "\n")
            n += 1
    return n


def _feature(e: Event) -> dict[str, object]:
    geom = None
    if e.latitude is not None and e.longitude is not None:
        geom = {"type": "Point", "coordinates": [e.longitude, e.latitude]}
    props = acled_row(e) | {"id": e.id, "fatalities_low": e.fatalities_low, "fatalities_high": e.fatalities_high,
                            "sources": [s.model_dump(mode="json") for s in e.sources]}
    return {"type": "Feature", "id": e.id, "geometry": geom, "properties": props}


def _geojson(events: Iterator[Event], out: Path, _batch: int) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [\n')
        for e in events:
            fh.write((",\n" if n else "") + json.dumps(_feature(e), ensure_ascii=False))
            n += 1
        fh.write("\n]}\n")
    return n


def _parquet_schema():  # type: ignore[no-untyped-def]
    import pyarrow as pa

    ints = {"year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp", "fatalities_low",
            "fatalities_high"}
    fields = []
    for col in (*ACLED_COLUMNS, *EXTRA_COLUMNS):
        if col in ints:
            typ = pa.int64()
        elif col in ("latitude", "longitude"):
            typ = pa.float64()
        elif col == "main":
            typ = pa.bool_()
        else:
            typ = pa.string()
        fields.append(pa.field(col, typ))
    return pa.schema(fields)


def _parquet_row(e: Event) -> dict[str, object]:
    return acled_row(e) | {
        "id": e.id, "fatalities_low": e.fatalities_low, "fatalities_high": e.fatalities_high, "recency": e.recency,
        "main": e.main, "confidence": json.dumps(e.confidence),
        "sources": json.dumps([s.model_dump(mode="json") for s in e.sources]),
    }


def _parquet(events: Iterator[Event], out: Path, batch: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        rows: list[dict[str, object]] = []
        for e in events:
            rows.append(_parquet_row(e))
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n
