"""The typer application every command module attaches to."""

from __future__ import annotations

import logging

import typer

app = typer.Typer(
    name="conflictwatch",
    help="Turn news reports of political violence into a structured, geolocated event database.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress and decisions.")) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
