"""The README documents every command and every setting (datasette's tests/test_docs.py habit)."""

from pathlib import Path

import pytest
import typer.main

from conflictwatch.cli import app
from conflictwatch.config import Settings

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / "README.md").read_text(encoding="utf-8") + "".join(
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))
)


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        for sub in getattr(cmd, "commands", {}):
            names.append(f"{name} {sub}")
    return sorted(names)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command):
    assert command in DOCS, f"`{command}` is not mentioned in README.md or docs/"


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_documented(field):
    assert f"CONFLICTWATCH_{field.upper()}" in DOCS


def test_readme_shows_the_two_commands_and_the_screenshot():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    shot = ROOT / "docs" / "img" / "dashboard.png"
    assert "docs/img/dashboard.png" in readme and shot.stat().st_size > 10_000
