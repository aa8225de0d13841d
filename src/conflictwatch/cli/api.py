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
    database_url: str | None = typer.Option(
        None, "--database-url", "--db", help="Store URL (default: CONFLICTWATCH_DATABASE_URL)."
    ),
    workers: int = typer.Option(1, min=1, max=32, help="Server processes (each opens the store)."),
) -> None:
    """Serve the API (docs at /docs) and the dashboard (at /) from the event store."""
    import os

    import uvicorn

    from conflictwatch.config import get_settings
    from conflictwatch.errors import ConflictwatchError

    if database_url:
        os.environ["CONFLICTWATCH_DATABASE_URL"] = database_url  # read by every worker process
        get_settings.cache_clear()
    try:
        from conflictwatch.store import open_store

        open_store(get_settings().database_url).close()  # fail here, cleanly, if the store is unusable
    except ConflictwatchError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"conflictwatch: dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    uvicorn.run("conflictwatch.api.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="info")


@apikey_app.command("create")
def apikey_create(
    label: str | None = typer.Option(None, help="A note saying who or what the key is for."),
    database_url: str | None = typer.Option(
        None, "--database-url", "--db", help="Store URL (default: CONFLICTWATCH_DATABASE_URL)."
    ),
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


@apikey_app.command("list")
def apikey_list(
    database_url: str | None = typer.Option(
        None, "--database-url", "--db", help="Store URL (default: CONFLICTWATCH_DATABASE_URL)."
    ),
) -> None:
    """List API keys: id, creation time, state and label (keys themselves are never stored)."""
    from conflictwatch.api.security import ApiKeyStore
    from conflictwatch.config import get_settings
    from conflictwatch.errors import ConflictwatchError

    try:
        keys = ApiKeyStore(database_url or get_settings().database_url)
        rows = keys.entries()
        keys.close()
    except ConflictwatchError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    for r in rows:
        state = "revoked" if r["revoked"] else "active"
        typer.echo(f"{r['id']}\t{r['created']:%Y-%m-%d %H:%M}\t{state}\t{r['label'] or ''}")


@apikey_app.command("revoke")
def apikey_revoke(
    key_id: int = typer.Argument(..., help="The id shown by `conflictwatch apikey list`."),
    database_url: str | None = typer.Option(
        None, "--database-url", "--db", help="Store URL (default: CONFLICTWATCH_DATABASE_URL)."
    ),
) -> None:
    """Revoke an API key: requests carrying it get 401 from then on."""
    from conflictwatch.api.security import ApiKeyStore
    from conflictwatch.config import get_settings
    from conflictwatch.errors import ConflictwatchError

    try:
        keys = ApiKeyStore(database_url or get_settings().database_url)
        keys.revoke(key_id)
        keys.close()
    except ConflictwatchError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"revoked key {key_id}")
