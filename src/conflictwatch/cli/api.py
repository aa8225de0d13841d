"""`conflictwatch serve` (the API and dashboard) and `conflictwatch apikey create`."""

from __future__ import annotations

import typer

from conflictwatch.cli._app import app

apikey_app = typer.Typer(help="Manage the API keys that POST /articles needs.", no_args_is_help=True)
app.add_typer(apikey_app, name="apikey")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    database_url: str | None = typer.Option(None, help="Store URL (default: CONFLICTWATCH_DATABASE_URL)."),
) -> None:
    """Serve the API (docs at /docs) and the dashboard (at /) from the event store."""
    import uvicorn

    from conflictwatch.api import create_app
    from conflictwatch.config import get_settings
    from conflictwatch.errors import ConflictwatchError

    settings = get_settings()
    if database_url:
        settings = settings.model_copy(update={"database_url": database_url})
    try:
        application = create_app(settings=settings)
    except ConflictwatchError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"conflictwatch: dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    uvicorn.run(application, host=host, port=port, log_level="info")


@apikey_app.command("create")
def apikey_create(
    label: str | None = typer.Option(None, help="A note saying who or what the key is for."),
    database_url: str | None = typer.Option(None, help="Store URL (default: CONFLICTWATCH_DATABASE_URL)."),
) -> None:
    """Make a new API key, store its hash and print the key (it is shown only this once)."""
    from conflictwatch.api.security import ApiKeyStore
    from conflictwatch.config import get_settings
    from conflictwatch.errors import ConflictwatchError

    url = database_url or get_settings().database_url
    try:
        keys = ApiKeyStore(url)
        key = keys.create(label)
        keys.close()
    except ConflictwatchError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(key)
