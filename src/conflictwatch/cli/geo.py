"""Commands: ``geoparse`` (find and resolve places in JSONL documents) and
``gazetteer build`` (rebuild the place index, optionally adding GeoNames dumps)."""

from __future__ import annotations

from pathlib import Path

import typer

from conflictwatch.cli._app import app

gazetteer_app = typer.Typer(help="Build or inspect the gazetteer (place index).", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@app.command()
def geoparse(
    input: Path = typer.Option(..., "--input", "-i", help="DOCS.jsonl: {id, text[, toponyms]} per line."),
    output: Path = typer.Option(..., "--output", "-o", help="PLACES.jsonl to write."),
    gazetteer: Path | None = typer.Option(None, help="Gazetteer index (.npz); default: the shipped one."),
) -> None:
    """Find and resolve every place name (or only the given `toponyms` spans) of each document."""
    import spacy

    from conflictwatch.config import get_settings
    from conflictwatch.errors import ConflictwatchError
    from conflictwatch.geo import Gazetteer, Geoparser
    from conflictwatch.geo.run import geoparse_file

    settings = get_settings()
    try:
        gp = Geoparser(Gazetteer.load(gazetteer or settings.gazetteer_path))
        nlp = spacy.load(settings.spacy_model, disable=["lemmatizer"])
        report = geoparse_file(input, output, nlp, gp)
    except ConflictwatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    except OSError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    for e in report.errors:
        typer.echo(f"skipped {e}", err=True)
    typer.echo(f"{report.docs} documents, {report.toponyms} toponyms ({report.resolved} resolved) -> {output}", err=True)
    if report.errors:
        raise typer.Exit(2)


@gazetteer_app.command("build")
def gazetteer_build(
    geonames: list[Path] = typer.Option([], "--geonames", help="GeoNames dump(s) to add (allCountries.txt, XX.txt)."),
    output: Path = typer.Option(Path("data/gazetteer.npz"), "--output", "-o", help="Index file to write."),
) -> None:
    """Build the place index from the shipped sources plus any GeoNames dumps. Point
    CONFLICTWATCH_GAZETTEER_PATH at the result to use it."""
    from conflictwatch.errors import ConflictwatchError
    from conflictwatch.geo.build import build_gazetteer

    try:
        counts = build_gazetteer(output, geonames)
    except ConflictwatchError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"wrote {output}: {counts['places']} places, {counts['keys']} names")


@gazetteer_app.command("lookup")
def gazetteer_lookup(name: str, country: str | None = typer.Option(None, help="ISO2 country code.")) -> None:
    """Print the places called NAME, most important first."""
    from conflictwatch.geo import Gazetteer

    for p in Gazetteer.load().lookup(name, country)[:10]:
        typer.echo(f"{p.name}\t{p.country_code}\t{p.admin1 or ''}\t{p.feature_code}\t{p.latitude},{p.longitude}\t{p.population}")
