"""`conflictwatch score`: compare an EVENTS jsonl file with a gold jsonl file (our scorer)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from conflictwatch.cli._app import app


@app.command()
def score(
    gold: Path = typer.Argument(..., help="A gold.jsonl (e.g. samples/articles/gold.jsonl)."),
    events: Path = typer.Argument(..., help="The EVENTS jsonl written by `conflictwatch extract --output`."),
    split: str | None = typer.Option(None, help="Only gold rows of this split (dev or heldout)."),
    details: bool = typer.Option(False, "--details", help="Also print every gold event's row."),
) -> None:
    """Score coded events against hand-coded gold: found, main first, fields, must_not violations."""
    from conflictwatch.errors import ConflictwatchError
    from conflictwatch.evaluate import events_by_doc, read_jsonl, score_events

    try:
        gold_rows = read_jsonl(gold)
        predicted = events_by_doc(read_jsonl(events))
    except (OSError, ConflictwatchError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    except ValueError as exc:  # a line that is JSON but not an event
        typer.echo(f"error: {events}: {exc}", err=True)
        raise typer.Exit(2) from exc
    if split:
        gold_rows = [g for g in gold_rows if g.get("split", "dev") == split]
    result = score_events(gold_rows, predicted)
    summary = result.model_dump(mode="json", exclude={"rows"} if not details else set())
    typer.echo(json.dumps(summary, indent=1, ensure_ascii=False))
    typer.echo(result.line())
