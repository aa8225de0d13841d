"""`conflictwatch extract`: code events from text files or a docs.jsonl batch."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import typer

from conflictwatch.cli._app import app

if TYPE_CHECKING:
    from conflictwatch.models import Article, Event


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    acled_csv = "acled-csv"
    table = "table"


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from exc


def _write(events: list[Event], fmt: Format, out: TextIO) -> None:
    from conflictwatch.models import ACLED_COLUMNS

    if fmt is Format.jsonl:
        for ev in events:
            out.write(json.dumps(ev.contract_row(), ensure_ascii=False) + "\n")
    elif fmt is Format.json:
        json.dump([ev.model_dump(mode="json") for ev in events], out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt is Format.acled_csv:
        w = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS))
        w.writeheader()
        for ev in events:
            w.writerow(ev.acled_row())


def _table(events: list[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("doc", "date", "type / sub-type", "actor1", "actor2", "location", "deaths", ""):
        t.add_column(col)
    for ev in events:
        t.add_row(
            ev.doc_id or "",
            ev.event_date.isoformat(),
            f"{ev.event_type} / {ev.sub_event_type}",
            ev.actor1 or "",
            ev.actor2 or "",
            ", ".join(x for x in (ev.location, ev.country) if x),
            str(ev.fatalities if ev.fatalities is not None else ""),
            ("main " if ev.main else "") + ("past" if ev.recency == "past" else ""),
        )
    Console().print(t)


@app.command()
def extract(
    files: list[Path] = typer.Argument(None, help="Text files (a NAME.json beside NAME.txt gives metadata)."),
    input: Path | None = typer.Option(None, "--input", "-i", help="A docs.jsonl batch: one {id, text, published} a line."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Where to write events (default: standard output)."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that lack one."),
    format: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl (the eval contract), json, acled-csv, table."),
) -> None:
    """Code the political-violence events in news text, principal event first."""
    from conflictwatch.errors import ConflictwatchError, InputError
    from conflictwatch.extract import Extractor
    from conflictwatch.readers import read_docs_jsonl, read_text_file

    pub = _published(published)
    if not files and input is None:
        raise typer.BadParameter("give FILE... or --input DOCS.jsonl")
    items: list[Article | InputError] = []
    for f in files or []:
        try:
            items.append(read_text_file(f, pub))
        except InputError as exc:
            items.append(exc)
    if input is not None:
        items.extend(read_docs_jsonl(input, pub))

    err = sys.stderr
    try:
        extractor = Extractor()
    except ConflictwatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc

    read = failed = 0
    all_events: list[Event] = []
    out = output.open("w", encoding="utf-8") if output and format is not Format.table else sys.stdout
    try:
        for article, events in _run(extractor, items, show_progress=len(items) > 20):
            if article is None:
                failed += 1
                continue
            read += 1
            all_events.extend(events)
            if format is Format.jsonl:
                _write(events, format, out)
        if format in (Format.json, Format.acled_csv):
            _write(all_events, format, out)
    finally:
        if out is not sys.stdout:
            out.close()
    if format is Format.table:
        _table(all_events)
    print(f"{read} documents read, {failed} refused, {len(all_events)} events", file=err)
    if read == 0:
        raise typer.Exit(1)


def _run(extractor, items, show_progress: bool):  # type: ignore[no-untyped-def]
    """(article, events) per item; (None, []) for refused items, after saying why on stderr."""
    from rich.progress import Progress

    from conflictwatch.errors import ConflictwatchError, InputError

    good: list[Article] = []
    for it in items:
        if isinstance(it, InputError):
            typer.echo(f"skipped {it} ({it.reason})", err=True)
            yield None, []
            continue
        try:
            extractor.check(it)
        except InputError as exc:
            typer.echo(f"skipped {exc} ({exc.reason})", err=True)
            yield None, []
            continue
        good.append(it)
    with Progress(transient=True, disable=not show_progress) as bar:
        task = bar.add_task("extracting", total=len(good))
        try:
            for article, events in extractor.extract_many(good):
                bar.advance(task)
                if isinstance(events, ConflictwatchError):
                    typer.echo(f"failed {article.id}: {events}", err=True)
                    yield None, []
                else:
                    yield article, events
        except ConflictwatchError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from exc
