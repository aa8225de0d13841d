"""Thin command-line layer: each command parses arguments, calls one library function and turns
our own errors into clean CLI errors. Commands live in one module per concern; heavy imports
happen inside the commands so ``--help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil

from conflictwatch.cli._app import app

# Import every command module of this package so its commands attach to `app`.
for _mod in pkgutil.iter_modules(__path__):
    if not _mod.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_mod.name}")


def main() -> None:
    app()


__all__ = ["app", "main"]
