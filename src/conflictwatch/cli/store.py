"""Store commands: `ingest`, `watch`, `import ucdp|acled`, `export`, `explain`, `quarantine`."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path

import typer

from conflictwatch.cli._app import app
from conflictwatch.errors import ConflictwatchError

import_app = typer.Typer(help="Import a dataset's CSV (UCDP GED, ACLED) into the store.", no_args_is_help=True)
app.add_typer(import_app, name="import")

DB_HELP = "Database URL (default: CONFLICTWATCH_DATABASE_URL, else SQLite under ./data)."


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    geojson = "geojson"
    parquet = "parquet"
    jsonl = "jsonl"


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD", param_hint=name) from exc


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from conflictwatch.store import open_store

    try:
        return open_store(db)
    except ConflictwatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


def _fail(exc: Exception) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(1)


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files (.txt .html .json .jsonl), directories or http(s) URLs."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for inputs that lack one."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Read articles, extract their events and store them (idempotent; bad inputs are quarantined)."""
    from conflictwatch.ingest.service import IngestService

    pub = _date(published, "--published")
    store = _open(db)
    try:
        rep = IngestService(store).ingest(inputs, published=pub)
    except ConflictwatchError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    typer.echo(f"read {rep.read} articles: {rep.new} new, {rep.duplicates} already stored; "
               f"{rep.events} new events, {rep.merged} reports merged into known events; "
               f"{len(rep.quarantined)} quarantined")
    for q in rep.quarantined:
        typer.echo(f"  quarantined {q.source}: {q.reason} ({q.detail})", err=True)
    if rep.read == 0:
        raise typer.Exit(1)


@app.command()
def watch(
    feeds: list[str] = typer.Argument(..., help="RSS/Atom feed URLs."),
    interval: float = typer.Option(900.0, help="Seconds between polls of a feed."),
    max_backoff: float = typer.Option(21600.0, help="Longest wait after repeated failures (seconds)."),
    once: bool = typer.Option(False, "--once", help="Poll every feed once and stop."),
    max_polls: int | None = typer.Option(None, help="Stop after this many polls."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Poll feeds (ETag/Last-Modified, backoff on failure) and ingest their new entries."""
    from conflictwatch.ingest.feeds import FeedWatcher
    from conflictwatch.ingest.service import IngestService

    store = _open(db)
    try:
        results = FeedWatcher(IngestService(store), interval=interval, max_backoff=max_backoff).run(
            feeds, once=once, max_polls=max_polls)
    except KeyboardInterrupt:
        results = []
    finally:
        store.close()
    for r in results:
        typer.echo(f"{r.feed}: status {r.status}, {r.entries} entries, {r.report.new} new articles, "
                   f"{r.report.events} new events" + (f", error: {r.error}" if r.error else ""))
    if results and all(r.error for r in results):
        raise typer.Exit(1)


def _import(kind: str, file: Path, db: str | None) -> None:
    from conflictwatch.ingest.acled import import_acled
    from conflictwatch.ingest.ucdp import import_ucdp

    store = _open(db)
    try:
        rep = (import_ucdp if kind == "ucdp" else import_acled)(store, file)
    except ConflictwatchError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    typer.echo(f"{kind}: {rep.rows} rows, {rep.added} events added, {rep.already} already stored, "
               f"{len(rep.quarantined)} quarantined")
    if rep.rows and rep.added + rep.already == 0:
        raise typer.Exit(1)


@import_app.command("ucdp")
def import_ucdp_cmd(file: Path = typer.Argument(..., help="A UCDP GED CSV."),
                    db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Import UCDP GED events (type_of_violence, where_prec, date_prec and best/low/high mapped)."""
    _import("ucdp", file, db)


@import_app.command("acled")
def import_acled_cmd(file: Path = typer.Argument(..., help="An ACLED export CSV."),
                     db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Import an ACLED export (the 31 ACLED columns)."""
    _import("acled", file, db)


@app.command()
def export(
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format", help="Output format."),
    country: str | None = typer.Option(None, help="Country name."),
    start: str | None = typer.Option(None, help="First day YYYY-MM-DD."),
    end: str | None = typer.Option(None, help="Last day YYYY-MM-DD."),
    event_type: str | None = typer.Option(None, help="ACLED event type."),
    actor: str | None = typer.Option(None, help="Part of an actor's name."),
    bbox: str | None = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat."),
    dataset: str | None = typer.Option(None, help="extracted, ucdp or acled."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Export stored events as ACLED CSV, GeoJSON, Parquet or JSON Lines."""
    from conflictwatch.store import EventFilter
    from conflictwatch.store.export import write_events

    box = None
    if bbox:
        try:
            parts = tuple(float(x) for x in bbox.split(","))
        except ValueError as exc:
            raise typer.BadParameter("four numbers: min_lon,min_lat,max_lon,max_lat", param_hint="--bbox") from exc
        if len(parts) != 4:
            raise typer.BadParameter("four numbers: min_lon,min_lat,max_lon,max_lat", param_hint="--bbox")
        box = parts
    flt = EventFilter(country=country, start=_date(start, "--start"), end=_date(end, "--end"),
                      event_type=event_type, actor=actor, bbox=box, dataset=dataset)  # type: ignore[arg-type]
    store = _open(db)
    try:
        n = write_events(store.iter_events(flt), fmt.value, output)
    except (ConflictwatchError, OSError) as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    typer.echo(f"wrote {n} events to {output} ({fmt.value})")


@app.command()
def explain(event_id: str = typer.Argument(..., help="An event id (see export)."),
            db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Say which reports make up an event and why they were merged."""
    from conflictwatch.errors import NotFound

    store = _open(db)
    try:
        ev = store.get_event(event_id)
        records = store.explain(event_id)
    except NotFound as exc:
        raise _fail(exc) from exc
    finally:
        store.close()
    typer.echo(f"{ev.id}: {ev.event_date} {ev.event_type} / {ev.sub_event_type} at {ev.location or '?'} "
               f"({ev.country or '?'}); fatalities {ev.fatalities} [{ev.fatalities_low}-{ev.fatalities_high}]; "
               f"{len(records)} report(s)")
    for i, r in enumerate(records, 1):
        src = r.source
        rep = r.report
        typer.echo(f"{i}. {src.source or src.dataset or ''} {src.url or src.article_id} "
                   f"(published {src.published or '?'}): {rep.event_date} {rep.sub_event_type} at "
                   f"{rep.location or '?'}, fatalities {rep.fatalities}")
        if r.merge is None:
            typer.echo("   created the event")
        else:
            typer.echo(f"   merged (score {r.merge.get('score')}): " + "; ".join(r.merge.get("reasons", [])))
    if ev.notes:
        typer.echo(f"notes: {ev.notes}")
    if ev.tags:
        typer.echo(f"tags: {ev.tags}")


@app.command("quarantine")
def quarantine_cmd(limit: int = typer.Option(50, help="How many, newest first."),
                   db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """List refused inputs with their reasons."""
    store = _open(db)
    try:
        items = store.list_quarantine(limit)
    finally:
        store.close()
    for q in items:
        typer.echo(f"{q.received:%Y-%m-%d %H:%M:%S}  {q.reason:<22} {q.source}  {q.detail or ''}")


@app.command("fusion-eval")
def fusion_eval(corpus: Path = typer.Argument(..., help="A reports.json corpus (see samples/fusion/)."),
                db: str = typer.Option("sqlite://", "--db", help="Store to fuse in (default: a fresh in-memory one).")
                ) -> None:
    """Pairwise precision/recall of merging reports into events, against gold event labels."""
    from conflictwatch.fuse.evaluate import load_corpus, score_blocking, score_naive, score_store

    try:
        reports = load_corpus(corpus)
    except (OSError, ValueError) as exc:
        raise _fail(exc) from exc
    for name, fn in (("store", lambda: score_store(reports, db)), ("blocking", lambda: score_blocking(reports)),
                     ("all-pairs", lambda: score_naive(reports))):
        s = fn()
        typer.echo(f"{name:<9} reports {s.reports}  gold events {s.gold_events}  predicted {s.predicted_events}  "
                   f"pairs tp {s.tp} fp {s.fp} fn {s.fn}  precision {s.precision:.3f}  recall {s.recall:.3f}  "
                   f"f1 {s.f1:.3f}")
        for a, b in s.false_merges:
            typer.echo(f"   false merge: {a} + {b}")
        for a, b in s.missed_merges:
            typer.echo(f"   missed merge: {a} + {b}")
